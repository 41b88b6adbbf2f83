"""Example dates for prompts and help texts, always in the future.

A prompt that says "e.g. 03.12.2026 18:00" is wrong from the 4th of December 2026 on:
a member who types the example is told it lies in the past. Every example the bot shows
is therefore derived from the current moment: the next Monday at least two days ahead
(18:00 for an event, 09:00 for a broadcast), and for a deadline a day about two months on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

EVENT_HOUR = time(18, 0)
MORNING = time(9, 0)
MIN_DAYS_AHEAD = 2
DEADLINE_DAYS_AHEAD = 60
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def example_day(zone: ZoneInfo, now: datetime | None = None) -> date:
    """The next Monday at least two days after today in ``zone``."""
    today = (now or datetime.now(UTC)).astimezone(zone).date()
    first = today + timedelta(days=MIN_DAYS_AHEAD)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def example_deadline(zone: ZoneInfo, now: datetime | None = None) -> date:
    """A day about two months ahead, for deadlines "at most half a year" away."""
    return (now or datetime.now(UTC)).astimezone(zone).date() + timedelta(days=DEADLINE_DAYS_AHEAD)


def example_moment(zone: ZoneInfo, at: time = EVENT_HOUR, now: datetime | None = None) -> datetime:
    """The example day at ``at`` o'clock, as a local (aware) moment in ``zone``."""
    return datetime.combine(example_day(zone, now), at, tzinfo=zone)


def example_texts(zone: ZoneInfo, now: datetime | None = None) -> dict[str, str]:
    """The catalog's ``{ex_…}`` placeholders: German and ISO spellings of the examples."""
    day = example_day(zone, now)
    deadline = example_deadline(zone, now)
    return {
        "ex_datetime": f"{day:%d.%m.%Y} {EVENT_HOUR:%H:%M}",
        "ex_datetime_iso": f"{day:%Y-%m-%d} {EVENT_HOUR:%H:%M}",
        "ex_morning": f"{day:%d.%m.%Y} {MORNING:%H:%M}",
        "ex_morning_iso": f"{day:%Y-%m-%d} {MORNING:%H:%M}",
        "ex_date": f"{day:%d.%m.%Y}",
        "ex_date_iso": f"{day:%Y-%m-%d}",
        "ex_deadline": f"{deadline:%d.%m.%Y}",
        "ex_deadline_iso": f"{deadline:%Y-%m-%d}",
        "ex_day_month": f"{day.day}.{day.month}.",
        "ex_month_day": f"{ENGLISH_MONTHS[day.month - 1]} {day.day}",
    }
