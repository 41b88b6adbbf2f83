"""The periods the event figures are asked for (a quarter, a year, any range of days in
the network's zone) and the figures of one, shared by the dashboard's figures page,
``/stats`` and ``knotenpunkt report events``."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from bot.i18n import format_day, t
from bot.router import Invalid
from storage import Store
from storage.db import utcnow
from storage.event_figures import EventFigures

LONGEST = timedelta(days=3 * 366)  # a range longer than this is a typing mistake


class Period(BaseModel):
    """Whole days of the network's zone, ``first`` to ``last`` inclusive."""

    kind: str  # "quarter", "year" or "range"
    first: date
    last: date

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """The UTC window: from midnight of the first day to midnight after the last."""
        start = datetime.combine(self.first, time.min, tzinfo=zone)
        end = datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=zone)
        return start.astimezone(UTC), end.astimezone(UTC)

    def label(self, lang: str) -> str:
        if self.kind == "quarter":
            return t(
                lang,
                "figures.quarter",
                quarter=(self.first.month - 1) // 3 + 1,
                year=self.first.year,
            )
        if self.kind == "year":
            return str(self.first.year)
        return t(
            lang,
            "figures.range",
            first=format_day(self.first, lang),
            last=format_day(self.last, lang),
        )


def quarter_of(day: date) -> Period:
    first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    after = (
        date(first.year + 1, 1, 1) if first.month == 10 else date(first.year, first.month + 3, 1)
    )
    return Period(kind="quarter", first=first, last=after - timedelta(days=1))


def previous_quarter(day: date) -> Period:
    return quarter_of(quarter_of(day).first - timedelta(days=1))


def year_of(day: date) -> Period:
    return Period(kind="year", first=date(day.year, 1, 1), last=date(day.year, 12, 31))


def day_range(first: date, last: date) -> Period:
    """Any range of days; refused when it ends before it begins or spans years on end."""
    if last < first:
        raise Invalid("figures.range_backwards")
    if last - first > LONGEST:
        raise Invalid("figures.range_too_long")
    return Period(kind="range", first=first, last=last)


def parse_day(text: str) -> date:
    """A day as ``YYYY-MM-DD`` (the date fields of the dashboard and the CLI's options)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise Invalid("figures.bad_day", {"value": text.strip()[:40]}) from None


async def figures_for(
    store: Store, period: Period, zone: ZoneInfo, now: datetime | None = None
) -> EventFigures:
    """The figures of the dates that began in ``period`` (and by now)."""
    start, end = period.bounds(zone)
    return await store.event_figures.figures(start, end, now or utcnow())
