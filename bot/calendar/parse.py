"""Reading dates, times and durations that people type, strictly.

German day-first ``03.12.2026 18:00`` and ISO ``2026-12-03 18:00`` are accepted; anything
ambiguous is refused rather than guessed. Wall times are in the given zone; a time that
does not exist there (the hour skipped when summer time starts) is refused too.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

_GERMAN = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(?:um\s+)?(\d{1,2})[:.](\d{2})(?:\s*uhr)?$",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$")
_TIME_ONLY = re.compile(r"^(\d{1,2})[:.](\d{2})(?:\s*uhr)?$", re.IGNORECASE)
_DECIMAL_HOURS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:h|std\.?|stunden?|hours?)")
_HOURS_MINUTES = re.compile(
    r"(?:(\d+)\s*(?:h|std\.?|stunden?|hours?))?\s*(?:(\d+)\s*(?:m|min\.?|minuten?|minutes?)?)?"
)
_CLOCK_DURATION = re.compile(r"^(\d{1,2}):(\d{2})$")
MAX_DURATION_TEXT = timedelta(days=366)  # beyond this a typed duration is surely a typo


class BadTime(ValueError):
    """The text is not a date/time or duration we accept."""


class NoSuchDate(BadTime):
    """The text is written like a date, but the calendar has no such day (31.02.2027)."""

    def __init__(self, text: str, day: str) -> None:
        super().__init__(text)
        self.day = day


class SkippedTime(BadTime):
    """A wall time that does not exist in the zone: the hour skipped when summer time
    starts (``29.03.2026 02:30`` in Berlin)."""


def parse_local(text: str, zone: ZoneInfo) -> datetime:
    """``03.12.2026 18:00`` or ``2026-12-03 18:00`` in ``zone``, as an aware UTC moment."""
    value = " ".join(text.strip().split())
    if not value.isascii():  # \d would take other scripts' digits
        raise BadTime(text)
    if match := _GERMAN.match(value):
        day, month, year, hour, minute = (int(g) for g in match.groups())
        written = f"{day:02d}.{month:02d}.{year}"
        second = 0
    elif match := _ISO.match(value):
        year, month, day, hour, minute = (int(g) for g in match.groups()[:5])
        second = int(match.group(6) or 0)
        written = f"{year}-{month:02d}-{day:02d}"
    else:
        raise BadTime(text)
    if hour > 23 or minute > 59 or second > 59:
        raise BadTime(text)
    try:
        local = datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise NoSuchDate(text, written) from exc
    return _aware(local, zone, text)


def _aware(local: datetime, zone: ZoneInfo, text: str) -> datetime:
    moment = local.replace(tzinfo=zone).astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local:
        raise SkippedTime(text)  # skipped by the change to summer time
    return moment


def parse_duration_text(text: str) -> timedelta:
    """``2h``, ``90m``, ``1h30``, ``1h 30min``, ``1:30``, ``1,5 h`` or plain minutes ``90``.

    Zero is read as zero: whether a length is acceptable is for the caller to say.
    """
    value = text.strip().casefold().replace(",", ".")
    if len(value) > 40 or not value.isascii():  # digits are ASCII; no 400-digit hours
        raise BadTime(text)
    clock = _CLOCK_DURATION.match(value)
    if clock:
        total = timedelta(hours=int(clock.group(1)), minutes=int(clock.group(2)))
    elif decimal := _DECIMAL_HOURS.fullmatch(value):
        total = timedelta(hours=float(decimal.group(1)))
    elif parts := _HOURS_MINUTES.fullmatch(value):
        hours, minutes = parts.groups()
        if hours is None and minutes is None:
            raise BadTime(text)
        total = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    else:
        raise BadTime(text)
    if total > MAX_DURATION_TEXT:
        raise BadTime(text)
    return total


def parse_end(text: str, start: datetime, zone: ZoneInfo) -> datetime:
    """An end as a duration, a time on the start day (``20:00``) or a full date/time.

    The end may come out at or before the start (``09:00`` for an event at 18:00): the
    caller says so in words rather than "cannot read".
    """
    value = text.strip()
    clock = _TIME_ONLY.match(value)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise BadTime(text)
        day = start.astimezone(zone).replace(tzinfo=None)
        return _aware(day.replace(hour=hour, minute=minute, second=0, microsecond=0), zone, text)
    try:
        return parse_local(value, zone)
    except (NoSuchDate, SkippedTime):
        raise
    except BadTime:
        return start + parse_duration_text(value)


def parse_day(text: str) -> date | None:
    """A calendar day as ``03.12.2026`` or ``2026-12-03``; None when it is neither."""
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
