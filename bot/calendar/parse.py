"""The calendar's older entry points for typed dates and times, read by
:mod:`bot.parsing.dates` (one grammar for every surface).

Kept for their callers, which catch :class:`BadTime` and answer with their own message:
the broadcast time (chat, CLI, dashboard), the audit's ``--since``, an event's day to
cancel, a cooperation request's expiry. What the grammar refuses comes out as
:class:`BadTime`, :class:`NoSuchDate` or :class:`SkippedTime`, as before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.parsing import dates
from bot.router import Invalid


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


def _bad(problem: Invalid, text: str) -> BadTime:
    if problem.key == "dates.no_such_date":
        return NoSuchDate(text, str(problem.params["value"]))
    if problem.key == "dates.skipped_time":
        return SkippedTime(text)
    return BadTime(text)


def parse_local(text: str, zone: ZoneInfo, now: datetime | None = None) -> datetime:
    """A date and time in ``zone`` (``03.12.2026 18:00``, ``morgen 18 Uhr``, ``1.4. 18
    Uhr``, ISO), as an aware UTC moment; a day without a year counts from ``now``."""
    try:
        return dates.parse_datetime(text, now or datetime.now(UTC), zone)
    except Invalid as problem:
        raise _bad(problem, text) from None


def parse_duration_text(text: str) -> timedelta:
    """``2h``, ``90m``, ``1h30``, ``2 Stunden``, ``1:30``, ``1,5 h`` or plain minutes ``90``.

    Zero is read as zero: whether a length is acceptable is for the caller to say.
    """
    try:
        return dates.parse_duration(text)
    except Invalid as problem:
        raise _bad(problem, text) from None


def parse_end(text: str, start: datetime, zone: ZoneInfo) -> datetime:
    """An end as a time on the start day (``20 Uhr``), a duration or a full date/time; it
    may come out at or before the start, for the caller to say so in words."""
    try:
        return dates.parse_end(text, start, zone)
    except Invalid as problem:
        raise _bad(problem, text) from None


def parse_day(text: str, now: datetime | None = None, zone: ZoneInfo | None = None) -> date | None:
    """A calendar day (``03.12.2026``, ``2026-12-03``, ``31.1.``, ``31.01.27``, ``morgen``);
    None when it is none. A day without a year counts from today in ``zone`` (UTC when
    not given: it only matters for the day typed being today's)."""
    try:
        return dates.parse_date(text, now or datetime.now(UTC), zone or ZoneInfo("UTC"))
    except Invalid:
        return None
