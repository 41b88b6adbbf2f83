"""Reading dates, times and durations that people type, strictly.

German day-first ``03.12.2026 18:00`` and ISO ``2026-12-03 18:00`` are accepted; anything
ambiguous is refused rather than guessed. Wall times are in the given zone; a time that
does not exist there (the hour skipped when summer time starts) is refused too.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.parser import isoparse

_GERMAN = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(?:um\s+)?(\d{1,2})[:.](\d{2})(?:\s*uhr)?$",
    re.IGNORECASE,
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$")
_TIME_ONLY = re.compile(r"^(\d{1,2})[:.](\d{2})(?:\s*uhr)?$", re.IGNORECASE)
_DECIMAL_HOURS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:h|std\.?|stunden?|hours?)")
_HOURS_MINUTES = re.compile(
    r"(?:(\d+)\s*(?:h|std\.?|stunden?|hours?))?\s*(?:(\d+)\s*(?:m|min\.?|minuten?|minutes?)?)?"
)
_CLOCK_DURATION = re.compile(r"^(\d{1,2}):(\d{2})$")


class BadTime(ValueError):
    """The text is not a date/time or duration we accept."""


def parse_local(text: str, zone: ZoneInfo) -> datetime:
    """``03.12.2026 18:00`` or ``2026-12-03 18:00`` in ``zone``, as an aware UTC moment."""
    value = " ".join(text.strip().split())
    if not value.isascii():  # \d would take other scripts' digits
        raise BadTime(text)
    match = _GERMAN.match(value)
    try:
        if match:
            day, month, year, hour, minute = (int(g) for g in match.groups())
            local = datetime(year, month, day, hour, minute)
        elif _ISO.match(value):
            local = isoparse(value.replace(" ", "T"))
        else:
            raise BadTime(text)
    except ValueError as exc:
        raise BadTime(text) from exc
    if local.tzinfo is not None:
        raise BadTime(text)
    return _aware(local, zone, text)


def _aware(local: datetime, zone: ZoneInfo, text: str) -> datetime:
    moment = local.replace(tzinfo=zone).astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local:
        raise BadTime(text)  # skipped by the change to summer time
    return moment


def parse_duration_text(text: str) -> timedelta:
    """``2h``, ``90m``, ``1h30``, ``1h 30min``, ``1:30``, ``1,5 h`` or plain minutes ``90``."""
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
    if not timedelta() < total <= timedelta(days=31):
        raise BadTime(text)
    return total


def parse_end(text: str, start: datetime, zone: ZoneInfo) -> datetime:
    """An end as a duration, a time on the start day (``20:00``) or a full date/time."""
    value = text.strip()
    clock = _TIME_ONLY.match(value)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise BadTime(text)
        day = start.astimezone(zone).replace(tzinfo=None)
        end = _aware(day.replace(hour=hour, minute=minute, second=0, microsecond=0), zone, text)
        if end <= start:
            raise BadTime(text)
        return end
    try:
        end = parse_local(value, zone)
    except BadTime:
        end = start + parse_duration_text(value)
    if end <= start:
        raise BadTime(text)
    return end


def parse_day(text: str) -> date | None:
    """A calendar day as ``03.12.2026`` or ``2026-12-03``; None when it is neither."""
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
