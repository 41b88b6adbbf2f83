"""What the network team types for an event, read once for the chat form, the dashboard
and the CLI.

Each reader returns the value or raises :class:`Invalid` with a catalog key, so
``/neuertermin`` (its fields' parsers), the dashboard's event page and
``knotenpunkt event add`` accept the same input and refuse it with the same message (in the
member's language in chat and on the web, in English on the command line).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.arguments import number
from bot.calendar.parse import parse_day
from bot.calendar.recurrence import (
    HORIZON,
    BadRule,
    normalize_rule,
    nth_weekday_rule,
    weekly_rule,
)
from bot.forms.words import fold
from bot.parsing.dates import parse_datetime, parse_duration, parse_end, parse_start
from handlers import validation
from handlers.validation import Invalid
from storage.events import FORMATS

MAX_DURATION = timedelta(days=14)
MAX_CAPACITY = 100_000
MAX_TITLE = 120
MAX_DESCRIPTION = 2000
MAX_LOCATION = 200
SKIP_WORDS = {"-", "–", "keine", "kein", "none", "no", "nein"}
UNLIMITED_WORDS = {"unbegrenzt", "unbeschränkt", "unbeschraenkt", "beliebig", "unlimited"}
_SEATS = re.compile(
    r"(\d{1,9})\s*(plätze|plaetze|platz|personen|teilnehmende|teilnehmer|seats|places|people)?"
)
REPEATS = ("none", "monthly", "biweekly", "weekly")  # the choices staff get, in this order
_REPEAT_WORDS = {
    "none": {"einmalig", "einmal", "nie", "keine wiederholung", "once", "never"},
    "monthly": {"monatlich", "jeden monat", "monthly", "every month"},
    "biweekly": {
        "alle zwei wochen", "alle 2 wochen", "jede zweite woche", "zweiwochentlich",
        "14 tagig", "vierzehntagig", "every two weeks", "every other week", "biweekly",
        "fortnightly",
    },
    "weekly": {"wochentlich", "jede woche", "weekly", "every week"},
}  # fmt: skip


def read_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("events.bad_timezone", {"zone": name[:60]}) from None


def read_start(text: str, zone: ZoneInfo, now: datetime) -> datetime:
    """A start in the future and within the horizon in which events are listed, as
    :func:`bot.parsing.dates.parse_datetime` reads it (``1.4. 18 Uhr``, ``morgen 18 Uhr``)."""
    return check_start(parse_datetime(text, now, zone), now)


def read_span(text: str, zone: ZoneInfo, now: datetime) -> tuple[datetime, datetime | None]:
    """A start as :func:`read_start` reads it, or a start with its end typed in one
    answer (``1.4. 18:30 bis 20 Uhr``, ``01.04.2027 18:30–20:00``)."""
    start, end = parse_start(text, now, zone)
    return check_start(start, now), None if end is None else check_span(start, end)


def check_start(start: datetime, now: datetime) -> datetime:
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
    return check_span(start, start + parse_duration(text, "dates.bad_end"))


def read_capacity(text: str) -> int | None:
    """A number of seats (``30``, ``30 Plätze``), or None for unlimited (``unbegrenzt``,
    ``-``)."""
    value = " ".join(text.casefold().split()).rstrip(".")
    if value in SKIP_WORDS or value in UNLIMITED_WORDS:
        return None
    found = _SEATS.fullmatch(value)
    seats = number(found.group(1), 1, MAX_CAPACITY) if found else None
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


def read_title(text: str) -> str:
    """An event's title: one line of 2 to ``MAX_TITLE`` characters."""
    title = validation.single_line(text, MAX_TITLE) if text.strip() else ""
    if len(title) < 2:
        raise Invalid("events.bad_title", {"max": MAX_TITLE})
    return title


def read_place(text: str) -> tuple[str, str | None]:
    """Where it takes place: ``(place, None)``, or ``("", link)`` for an online link;
    ``("", None)`` when nothing is given."""
    where = validation.single_line(text, MAX_LOCATION) if text.strip() else ""
    if where.startswith(("http://", "https://")):
        return "", where
    return where, None


def read_description(text: str) -> str:
    """A description of several lines (trailing blanks and blank runs tidied)."""
    lines = [line.rstrip() for line in validation.line_breaks(text).strip().split("\n")]
    value = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    if len(value) > MAX_DESCRIPTION:
        raise Invalid("error.too_long", {"max": MAX_DESCRIPTION})
    return value


def repeat_rule(kind: str, local_start: datetime) -> str | None:
    """The rule of a repetition choice (``monthly``: on the same weekday of the month)."""
    if kind == "monthly":
        return nth_weekday_rule(local_start)
    if kind == "biweekly":
        return weekly_rule(local_start, 2)
    if kind == "weekly":
        return weekly_rule(local_start)
    return None


def read_repeat(text: str) -> str:
    """A repetition in words (``einmalig``, ``monatlich``, ``alle zwei Wochen``,
    ``wöchentlich``) as its choice, or a rule typed by hand (``FREQ=…``) as that rule."""
    if "FREQ=" in text.upper():
        return read_rule(text) or "none"
    said = fold(text)
    if text.strip().casefold() in SKIP_WORDS:
        return "none"
    for kind, words in _REPEAT_WORDS.items():
        if said in words:
            return kind
    raise Invalid("events.bad_repeat", {"value": text.strip()[:60]})
