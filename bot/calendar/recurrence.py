"""Occurrences of an event: RRULE expansion in the event's local zone, overrides applied.

The rule is expanded on naive *local* times (dtstart in the event's zone) and each
occurrence is then made aware in that zone and converted to UTC, so "every 2nd Tuesday at
18:00" stays at 18:00 local time on both sides of a DST change. An all-day date ends at
midnight after as many calendar days as the event spans, never a fixed 24 hours later.

Imported events (``Event.ical``) get their dates from :mod:`bot.calendar.expansion`
instead (recurring-ical-events); the bot's own changes to them (a cancelled date) are
applied the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import MAXYEAR, UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from bot.calendar.expansion import calendar_date, calendar_dates
from storage.events import Event, Override

MAX_OCCURRENCES = 2000  # a guard against runaway rules
# How far ahead dates are announced, listed (/termine, /teilnehmer, the Slack Home), put
# into calendar feeds, and may be created: one horizon, so nothing can be announced and
# answered that no list shows.
HORIZON = timedelta(days=731)
_ALLOWED_FREQ = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_UNTIL = re.compile(r"UNTIL=(\d{8})(T(\d{6})(Z?))?", re.IGNORECASE)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# the time of day comes from the start: one date per day at most, no BYHOUR/BYMINUTE/...
_ALLOWED_PARTS = {
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYMONTH",
    "BYYEARDAY", "BYWEEKNO", "BYSETPOS",
}  # fmt: skip
_NOT_FILTERS = {"INTERVAL", "COUNT", "UNTIL"}
_PROBE_START = datetime(MAXYEAR - 400, 1, 1)


class BadRule(ValueError):
    """The RRULE text is not one we can expand."""


@dataclass(frozen=True)
class Occurrence:
    """One date of an event. ``key`` is the original start (stable when moved)."""

    event: Event
    key: datetime
    start: datetime
    end: datetime
    moved: bool = False
    cancelled: bool = False

    @property
    def epoch(self) -> int:
        return int(self.key.timestamp())


def normalize_rule(text: str) -> str:
    """Uppercase, without an ``RRULE:`` prefix; raises :class:`BadRule` when unusable."""
    rule = "".join(text.split()).upper().removeprefix("RRULE:")
    parts = dict(p.partition("=")[::2] for p in rule.split(";") if p)
    if parts.get("FREQ") not in _ALLOWED_FREQ or not set(parts) <= _ALLOWED_PARTS:
        raise BadRule(text)
    if "COUNT" in parts and "UNTIL" in parts:
        raise BadRule(text)
    try:
        if int(parts.get("INTERVAL", "1")) < 1:  # dateutil repeats one date forever on 0
            raise BadRule(text)
        _rule(rule, datetime(2026, 1, 1, 18, 0), ZoneInfo("UTC"))
        if _never_matches(parts):
            raise BadRule(text)
    except (ValueError, TypeError) as exc:
        raise BadRule(text) from exc
    return rule


def _never_matches(parts: dict[str, str]) -> bool:
    """Whether the BY-filters match no day at all (``BYMONTH=2;BYMONTHDAY=30``). dateutil
    would search such a rule up to the year 9999, seconds of CPU on every expansion; the
    Gregorian calendar repeats every 400 years, so the last 400 years tell the same."""
    probe = ";".join(f"{k}={v}" for k, v in parts.items() if k not in _NOT_FILTERS)
    parsed = rrulestr(probe, dtstart=_PROBE_START)
    return next(iter(parsed), None) is None  # type: ignore[call-overload]


def _rule(rule: str, local_start: datetime, zone: ZoneInfo) -> rrule:
    """Parse with a naive local dtstart; a UTC UNTIL is turned into local time first."""

    def local_until(match: re.Match[str]) -> str:
        day, _, clock, utc = match.groups()
        if not clock:
            return f"UNTIL={day}T235959"
        if not utc:
            return match.group(0)
        moment = datetime.strptime(day + clock, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        return "UNTIL=" + moment.astimezone(zone).strftime("%Y%m%dT%H%M%S")

    parsed = rrulestr(_UNTIL.sub(local_until, rule), dtstart=local_start)
    if not isinstance(parsed, rrule):
        raise BadRule(rule)
    return parsed


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """A naive local wall time in ``zone`` as an aware UTC moment."""
    return local.replace(tzinfo=zone).astimezone(UTC)


def series_starts(event: Event, start: datetime, end: datetime) -> list[datetime]:
    """Original (rule) starts in UTC with ``start <= s < end``, ignoring overrides."""
    if event.ical:
        return [d.key for d in _imported(event, start, end) if start <= d.key < end]
    if not event.rrule:
        return [event.start] if start <= event.start < end else []
    zone = ZoneInfo(event.timezone)
    local_start = event.start.astimezone(zone).replace(tzinfo=None)
    rule = _rule(event.rrule, local_start, zone)
    lo = max(start.astimezone(zone).replace(tzinfo=None) - timedelta(days=1), local_start)
    hi = end.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    result = []
    for local in rule.xafter(lo, count=MAX_OCCURRENCES, inc=True):
        if local > hi:
            break
        moment = to_utc(local, zone)
        if start <= moment < end:
            result.append(moment)
    return result


def end_of(event: Event, start: datetime) -> datetime:
    """The end of a date of ``event`` that starts at ``start``: as many calendar days later
    for an all-day event (midnight to midnight, also when the clocks change), else its
    duration later."""
    if not event.all_day:
        return start + event.duration
    zone = ZoneInfo(event.timezone)
    first, last = event.start.astimezone(zone).date(), event.end.astimezone(zone).date()
    day = start.astimezone(zone).date() + (last - first)
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


def _imported(event: Event, start: datetime, end: datetime) -> list[Occurrence]:
    assert event.ical is not None
    return [
        Occurrence(event, d.key, d.start, d.end, moved=d.moved, cancelled=d.cancelled)
        for d in calendar_dates(event.ical, event.timezone, event.all_day, start, end)
    ]


def _imported_one(event: Event, key: datetime) -> Occurrence | None:
    assert event.ical is not None
    d = calendar_date(event.ical, event.timezone, event.all_day, key)
    if d is None:
        return None
    return Occurrence(event, d.key, d.start, d.end, moved=d.moved, cancelled=d.cancelled)


def _base_occurrences(event: Event, start: datetime, end: datetime) -> dict[datetime, Occurrence]:
    if event.ical:
        return {o.key: o for o in _imported(event, start, end)}
    return {
        key: Occurrence(event, key, key, end_of(event, key))
        for key in series_starts(event, start, end)
    }


def _moved(event: Event, key: datetime, override: Override) -> Occurrence:
    assert override.start is not None
    new_end = override.end or override.start + (end_of(event, key) - key)
    return Occurrence(event, key, override.start, new_end, moved=True)


def occurrences(
    event: Event,
    overrides: dict[datetime, Override],
    start: datetime,
    end: datetime,
    *,
    include_cancelled: bool = False,
) -> list[Occurrence]:
    """Occurrences whose (effective) start lies in ``[start, end)``, sorted by start.

    Moved occurrences appear at their new time (even when the rule date is outside the
    window); cancelled ones only with ``include_cancelled``.
    """
    found = _base_occurrences(event, start, end)
    for key, override in overrides.items():
        if override.start is not None and not override.cancelled:
            found.pop(key, None)
            if start <= override.start < end and is_occurrence(event, key):
                found[key] = _moved(event, key, override)
        elif override.cancelled:
            occ = found.pop(key, None)
            if occ is None and start <= key < end and not event.ical and is_occurrence(event, key):
                occ = Occurrence(event, key, key, end_of(event, key))
            if occ is not None and include_cancelled:
                found[key] = replace(occ, cancelled=True)
    result = sorted(found.values(), key=lambda o: (o.start, o.event.id))
    if not include_cancelled:
        return [o for o in result if not o.cancelled and not event.cancelled]
    if event.cancelled:
        return [replace(o, cancelled=True) for o in result]
    return result


def is_occurrence(event: Event, key: datetime) -> bool:
    """Whether ``key`` is an original start of the event (series or single)."""
    if event.ical:
        return _imported_one(event, key) is not None
    second = timedelta(seconds=1)
    return key in series_starts(event, key - second, key + second)


def find_occurrence(
    event: Event, overrides: dict[datetime, Override], key: datetime
) -> Occurrence | None:
    """The occurrence with original start ``key``, moved or cancelled as it is now."""
    if event.ical:
        occ = _imported_one(event, key)
    else:
        occ = Occurrence(event, key, key, end_of(event, key)) if is_occurrence(event, key) else None
    if occ is None:
        return None
    override = overrides.get(key)
    if override is not None and override.start is not None and not override.cancelled:
        occ = _moved(event, key, override)
    cancelled = occ.cancelled or event.cancelled or (override is not None and override.cancelled)
    return replace(occ, cancelled=cancelled)


def occurrence_on(
    event: Event, overrides: dict[datetime, Override], day: date
) -> Occurrence | None:
    """The occurrence originally on ``day`` in the event's own zone, cancelled ones too."""
    zone = ZoneInfo(event.timezone)
    start = datetime.combine(day, time.min, tzinfo=zone)
    window = occurrences(
        event,
        overrides,
        start - timedelta(days=1),
        start + timedelta(days=2),
        include_cancelled=True,
    )
    return next((o for o in window if o.key.astimezone(zone).date() == day), None)


def next_occurrence(
    event: Event, overrides: dict[datetime, Override], after: datetime
) -> Occurrence | None:
    """The first occurrence that has not ended by ``after`` (within the horizon)."""
    horizon = after + HORIZON
    for occ in occurrences(event, overrides, after - event.duration, horizon):
        if occ.end > after:
            return occ
    return None


# presets for the wizard -----------------------------------------------------------


def nth_weekday_rule(local_start: datetime) -> str:
    """Monthly on the same weekday position as the start, e.g. ``BYDAY=2TU``."""
    nth = (local_start.day - 1) // 7 + 1
    day = _WEEKDAYS[local_start.weekday()]
    if nth >= 5:
        return f"FREQ=MONTHLY;BYDAY=-1{day}"
    return f"FREQ=MONTHLY;BYDAY={nth}{day}"


def weekly_rule(local_start: datetime, interval: int = 1) -> str:
    day = _WEEKDAYS[local_start.weekday()]
    if interval == 1:
        return f"FREQ=WEEKLY;BYDAY={day}"
    return f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={day}"


def describe_nth(local_start: datetime) -> tuple[int, int]:
    """(n, weekday) of the monthly preset: n is 1..4, or -1 for "last"."""
    nth = (local_start.day - 1) // 7 + 1
    return (-1 if nth >= 5 else nth), local_start.weekday()
