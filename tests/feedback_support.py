"""Helpers of the feedback tests: a date that ends relative to now, members who said yes
or checked in, and the job's scan with a clock moved past the date's end."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.service import EventService
from handlers.feedback.jobs import FeedbackAsker
from storage import Store
from storage.db import from_db_time, to_db_time, utcnow
from storage.events import EventFields

HOUR = timedelta(hours=1)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def event_tomorrow(store: Store, settings: Settings, title: str = "KI-Stammtisch") -> int:
    """An event starting a day from now, two hours long."""
    start = utcnow().replace(microsecond=0) + timedelta(days=1)
    fields = EventFields(title=title, start=start, end=start + 2 * HOUR, timezone="Europe/Berlin")  # type: ignore[call-arg]
    return (await EventService(store, Notifier(store, "de"), settings, "test").create(fields)).id


async def first_date(store: Store, event_id: int) -> tuple[datetime, datetime]:
    """The (key, end) of the event's first date."""
    row = await store.db.fetchone(
        "SELECT occurrence, ends_at FROM event_dates WHERE event_id = ? ORDER BY occurrence",
        (event_id,),
    )
    assert row is not None
    return from_db_time(row[0]), from_db_time(row[1])


async def check_in(store: Store, event_id: int, key: datetime, member_id: int) -> None:
    await store.db.execute(
        "INSERT INTO event_checkins (event_id, occurrence, member_id, how, walk_in,"
        " checked_in_at) VALUES (?, ?, ?, 'code', 1, ?)",
        (event_id, to_db_time(key), member_id, to_db_time(utcnow())),
    )


def asker(store: Store, settings: Settings, clock: Clock) -> FeedbackAsker:
    return FeedbackAsker(store, Notifier(store, "de"), settings, clock=clock)
