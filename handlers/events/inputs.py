"""What the network team types for an event, read once for the chat wizard and the CLI.

Each reader returns the value or raises :class:`Invalid` with a catalog key, so
``/neuertermin`` and ``knotenpunkt event add`` refuse the same input with the same message
(in the member's language in chat, in English on the command line).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.arguments import number
from bot.calendar.parse import parse_day
from bot.calendar.recurrence import HORIZON, BadRule, normalize_rule
from bot.parsing.dates import parse_datetime, parse_duration, parse_end
from handlers.validation import Invalid
from storage.events import FORMATS

MAX_DURATION = timedelta(days=14)
MAX_CAPACITY = 100_000
SKIP_WORDS = {"-", "–", "keine", "kein", "none", "no", "nein"}


def read_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("events.bad_timezone", {"zone": name[:60]}) from None


def read_start(text: str, zone: ZoneInfo, now: datetime) -> datetime:
    """A start in the future and within the horizon in which events are listed, as
    :func:`bot.parsing.dates.parse_datetime` reads it (``1.4. 18 Uhr``, ``morgen 18 Uhr``)."""
    start = parse_datetime(text, now, zone)
    if start <= now:
        raise Invalid("events.start_past", {})
    if start > now + HORIZON:
        raise Invalid("events.too_far", {"days": HORIZON.days})
    return start


def check_span(start: datetime, end: datetime) -> datetime:
    if end <= start:
        raise Invalid("events.end_before_start", {})
    if end - start > MAX_DURATION:
        raise Invalid("events.too_long", {"days": MAX_DURATION.days})
    return end


def read_end(text: str, start: datetime, zone: ZoneInfo) -> datetime:
    """A duration (``2h``, ``2 Stunden``), a time on the start day (``20 Uhr``, ``bis
    20:00``) or a date and time."""
    return check_span(start, parse_end(text, start, zone))


def read_duration(text: str, start: datetime) -> datetime:
    """The end of an event that lasts ``text`` (``2h``, ``90m``); refused with the same
    message as an end typed in the wizard."""
    try:
        length = parse_duration(text)
    except Invalid as problem:
        raise Invalid("dates.bad_end", problem.params) from None
    return check_span(start, start + length)


def read_capacity(text: str) -> int | None:
    """A number of seats, or None ("-") for unlimited."""
    value = text.strip()
    if value.casefold() in SKIP_WORDS:
        return None
    seats = number(value, 1, MAX_CAPACITY)
    if seats is None:
        raise Invalid("events.bad_capacity", {"max": MAX_CAPACITY})
    return seats


def check_capacity(capacity: int | None) -> int | None:
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise Invalid("events.bad_capacity", {"max": MAX_CAPACITY})
    return capacity


def read_format(text: str, labels: dict[str, str]) -> str:
    """A format by its code (``webinar``), its label in the reader's language or its
    number in the list."""
    wanted = " ".join(text.casefold().split())
    for position, code in enumerate(FORMATS, start=1):
        if wanted in (code, labels.get(code, code).casefold(), str(position)):
            return code
    shown = ", ".join(labels.get(code, code) for code in FORMATS)
    raise Invalid("events.bad_format", {"formats": shown})


def read_rule(text: str | None) -> str | None:
    """An RRULE, or None for a single date ("-")."""
    if text is None or text.strip().casefold() in SKIP_WORDS:
        return None
    try:
        return normalize_rule(text)
    except BadRule:
        raise Invalid("events.bad_rrule", {"rule": text.strip()[:80]}) from None


def read_day(text: str) -> date:
    """A calendar day, ``08.12.2026`` or ``2026-12-08``."""
    day = parse_day(text)
    if day is None:
        raise Invalid("events.bad_day", {"value": text.strip()[:20]})
    return day
