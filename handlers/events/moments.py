"""When reminders of a date are due: shared by the reminder scan and the materialised
dates (each date carries its next reminder moment, so the scan finds due ones by index)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.calendar.recurrence import Occurrence

ALL_DAY_REMINDER_HOUR = 9  # all-day events are reminded of the day before, at this local hour


def days_ahead(offset: timedelta) -> int:
    """Whole days before an all-day date: 1 for ``1d`` and for ``1h``, 2 for ``2d``."""
    return max(1, math.ceil(offset / timedelta(days=1)))


def reminder_moment(occ: Occurrence, offset: timedelta) -> datetime:
    """When the reminder ``offset`` before ``occ`` is due. An all-day date starts at
    midnight, so "an hour before" would be 23:00 the night before: it is reminded of at
    ALL_DAY_REMINDER_HOUR local time, one day (or as many as the offset spans) ahead."""
    if not occ.event.all_day:
        return occ.start - offset
    zone = ZoneInfo(occ.event.timezone)
    day = occ.start.astimezone(zone).date() - timedelta(days=days_ahead(offset))
    return datetime.combine(day, time(ALL_DAY_REMINDER_HOUR), tzinfo=zone).astimezone(UTC)


def first_moment(occ: Occurrence, offsets: list[timedelta]) -> datetime | None:
    """The earliest reminder moment of a date (None without offsets)."""
    return min((reminder_moment(occ, o) for o in offsets), default=None)


def next_moment(occ: Occurrence, offsets: list[timedelta], after: datetime) -> datetime | None:
    """The first reminder moment of a date later than ``after``, if any is left."""
    return min((m for o in offsets if (m := reminder_moment(occ, o)) > after), default=None)


def offsets_key(offsets: list[timedelta]) -> str:
    """The offsets as the dates' reminder moments were set with them, e.g. ``3600,86400``."""
    return ",".join(str(int(o.total_seconds())) for o in sorted(offsets))
