"""The dates of an imported series, computed by ``recurring-ical-events``.

An imported event keeps the components its calendar had for its UID (``Event.ical``: the
VEVENTs and the VTIMEZONEs they name). The library expands them with everything RFC 5545
allows (RRULE, RDATE, EXDATE, RECURRENCE-ID with RANGE=THISANDFUTURE, SEQUENCE, zones
of their own), so the bot lists exactly what calendar apps show. Series made in the bot
keep the simpler dateutil path in :mod:`bot.calendar.recurrence`.

Each date has a key, its original start (what answers and reminders hang on): the
RECURRENCE-ID of a changed date, the start the rule gave otherwise. An all-day date runs
from midnight of its first day to midnight after its last, in the event's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

_SLACK = timedelta(days=1)  # all-day dates are compared by day: ask the library a day wider


@dataclass(frozen=True)
class CalendarDate:
    key: datetime  # original start, UTC
    start: datetime  # UTC
    end: datetime  # UTC
    moved: bool = False
    cancelled: bool = False  # STATUS:CANCELLED in the calendar


@dataclass(frozen=True)
class _Series:
    query: recurring_ical_events.CalendarQuery
    shifts: dict[object, timedelta]  # RANGE=THISANDFUTURE changes: RECURRENCE-ID -> shift
    reach: timedelta  # how far a changed date may lie from its original start
    recurs: bool  # more than a single date
    # EXDATE of the main entry, with its length: dates the calendar took out, kept as
    # cancelled dates (as the bot's own series keeps them) so feeds show them cancelled
    removed: tuple[date | datetime, ...] = ()
    length: timedelta = timedelta()


def prop(component: icalendar.cal.Component, name: str) -> Any:
    """A property of a component (icalendar types it as any value type of all)."""
    return component[name]


def _comparable(value: date | datetime, like: date | datetime) -> date | datetime:
    """``value`` as the same kind as ``like`` (a date, a naive or an aware time)."""
    if not isinstance(like, datetime):
        return value.date() if isinstance(value, datetime) else value
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(), tzinfo=like.tzinfo)
    if (value.tzinfo is None) != (like.tzinfo is None):
        value = value.replace(tzinfo=like.tzinfo)
    return value


def _rid_key(value: date | datetime) -> object:
    """How a RECURRENCE-ID is looked up: UTC for aware times, as written otherwise."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


@lru_cache(maxsize=64)
def _series(ical: str) -> _Series:
    calendar = icalendar.Calendar.from_ical(ical)
    shifts: dict[object, timedelta] = {}
    reach = timedelta()
    recurs = False
    removed: list[date | datetime] = []
    length = timedelta()
    for vevent in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" not in vevent:
            removed += _exdates(vevent)
            length = _length(vevent)
        start = vevent.decoded("DTSTART")
        if "DTEND" in vevent:
            reach = max(reach, abs(_comparable(vevent.decoded("DTEND"), start) - start))
        elif "DURATION" in vevent:
            reach = max(reach, abs(vevent.decoded("DURATION")))
        if "RRULE" in vevent or "RDATE" in vevent:
            recurs = True
        prop = vevent.get("RECURRENCE-ID")
        if prop is None:
            continue
        recurs = True
        rid = _comparable(prop.dt, start)
        shift = start - rid
        reach = max(reach, abs(shift))
        if prop.params.get("RANGE", "").upper() == "THISANDFUTURE":
            shifts[_rid_key(prop.dt)] = shift
    query = recurring_ical_events.of(calendar)
    return _Series(query, shifts, reach + _SLACK, recurs, tuple(removed), length)


def _exdates(vevent: icalendar.cal.Component) -> list[date | datetime]:
    value = vevent.get("EXDATE", [])
    return [d.dt for item in (value if isinstance(value, list) else [value]) for d in item.dts]


def _length(vevent: icalendar.cal.Component) -> timedelta:
    start = vevent.decoded("DTSTART")
    if "DTEND" in vevent:
        return _comparable(vevent.decoded("DTEND"), start) - start
    if "DURATION" in vevent:
        return vevent.decoded("DURATION")
    return timedelta(days=1) if not isinstance(start, datetime) else timedelta()


def is_series(ical: str) -> bool:
    """Whether the components make more than one date (a rule, extra or changed dates)."""
    return _series(ical).recurs


def _utc(value: date | datetime, zone: ZoneInfo) -> datetime:
    """A calendar value as UTC: a date is midnight in ``zone``, a floating time local."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=zone).astimezone(UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def _key(component: icalendar.cal.Component, series: _Series, all_day: bool) -> date | datetime:
    start = prop(component, "DTSTART").dt
    recurrence_id = prop(component, "RECURRENCE-ID")
    rid = recurrence_id.dt
    if recurrence_id.params.get("RANGE", "").upper() == "THISANDFUTURE":
        # the library names every later date by the change's RECURRENCE-ID: undo the shift
        rid = start - series.shifts.get(_rid_key(rid), timedelta())
    if all_day and isinstance(rid, datetime):
        return rid.date()  # Outlook: a timed RECURRENCE-ID on an all-day series
    return rid


def calendar_dates(
    ical: str, zone_name: str, all_day: bool, start: datetime, end: datetime
) -> list[CalendarDate]:
    """The dates whose (effective) start lies in ``[start, end)``, sorted by start."""
    series = _series(ical)
    zone = ZoneInfo(zone_name)
    found: dict[datetime, CalendarDate] = {}
    for component in series.query.between(start - _SLACK, end + _SLACK):
        begin = _utc(prop(component, "DTSTART").dt, zone)
        if not start <= begin < end:
            continue
        finish = _utc(prop(component, "DTEND").dt, zone) if "DTEND" in component else begin
        key = _utc(_key(component, series, all_day), zone)
        cancelled = str(component.get("STATUS", "")).upper() == "CANCELLED"
        found[key] = CalendarDate(key, begin, finish, begin != key, cancelled)
    for value in series.removed:
        day = value.date() if all_day and isinstance(value, datetime) else value
        key = _utc(day, zone)
        if start <= key < end and key not in found:
            found[key] = CalendarDate(key, key, _utc(day + series.length, zone), cancelled=True)
    return sorted(found.values(), key=lambda d: (d.start, d.key))


def calendar_date(ical: str, zone_name: str, all_day: bool, key: datetime) -> CalendarDate | None:
    """The date with original start ``key``, wherever it was moved to; None if none."""
    reach = _series(ical).reach
    window = calendar_dates(ical, zone_name, all_day, key - reach, key + reach)
    return next((d for d in window if d.key == key), None)
