"""When an overview is due and which week it covers, in the member's zone (DST-correct)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


def overview_moment(now: datetime, zone: ZoneInfo, weekday: int = 0, hour: int = 8) -> datetime:
    """The latest ``weekday`` at ``hour`` o'clock in ``zone`` at or before ``now``."""
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
    moment = datetime.combine(day, time(hour), tzinfo=zone)
    if moment > local:
        moment = datetime.combine(day - timedelta(days=7), time(hour), tzinfo=zone)
    return moment


def week_key(moment: datetime) -> str:
    """``2026-W03``: the ISO week of the moment an overview is sent (one per week, also
    when the member changes the day within the week)."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def window(moment: datetime) -> tuple[datetime, datetime]:
    """The week an overview covers: the same local time a week before, up to ``moment``."""
    start = datetime.combine(moment.date() - timedelta(days=7), moment.timetz())
    return start, moment


def dedupe_key(member_id: int, week: str) -> str:
    return f"overview:{member_id}:{week}"
