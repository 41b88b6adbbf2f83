"""Keeps the materialised dates (``store.dates``) in step with the events.

Every date from :data:`PAST` back to the horizon (``recurrence.HORIZON``) ahead is a row:
written when an event or one of its dates changes (the event service and the import call
:func:`refresh` in their transaction), and for all events at start when the rows are
missing or were made with other reminder offsets, and daily, as the horizon moves on.
Listing the next dates, the feeds and the reminder scan then read rows by index instead of
expanding every series on every request.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.calendar.recurrence import HORIZON, Occurrence, occurrences
from bot.settings import Settings
from handlers.events.moments import first_moment, next_moment, offsets_key
from storage import Store
from storage.dates import DateRow
from storage.db import utcnow
from storage.events import Event, Override

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

PAST = timedelta(days=60)  # how far back dates are kept (the calendar feeds show them)
JOB_ID = "event-dates"
BATCH = 25  # events per transaction when all are refreshed: short transactions
STALE = timedelta(days=1)  # the daily refresh moves the horizon on


def reminder_offsets(settings: Settings) -> list[timedelta]:
    return sorted(o for o in settings.reminder_offsets if o > timedelta())


def as_occurrence(event: Event, date: DateRow) -> Occurrence:
    cancelled = date.cancelled or event.cancelled
    return Occurrence(event, date.occurrence, date.start, date.end, date.moved, cancelled)


def dates_of(
    event: Event,
    overrides: dict[datetime, Override],
    offsets: list[timedelta],
    now: datetime,
    moments_after: datetime | None = None,
) -> list[DateRow]:
    """The rows of one event: its dates in the window, cancelled ones too; a date still to
    come carries its first reminder moment (the scan decides whom it is owed to), or with
    ``moments_after`` its first moment after that."""
    rows = []
    window = occurrences(event, overrides, now - PAST, now + HORIZON, include_cancelled=True)
    for occ in window:
        upcoming = not occ.cancelled and occ.start > now
        rows.append(
            DateRow(
                event_id=event.id,
                occurrence=occ.key,
                start=occ.start,
                end=occ.end,
                moved=occ.moved,
                cancelled=occ.cancelled,
                remind_at=moment(occ, offsets, moments_after) if upcoming else None,
            )
        )
    return rows


async def refresh(store: Store, settings: Settings, event_id: int) -> None:
    """Write one event's dates again (after it or one of its dates changed)."""
    event = await store.events.get(event_id)
    if event is None:
        return
    overrides = await store.events.overrides(event_id)
    rows = dates_of(event, overrides, reminder_offsets(settings), utcnow())
    await store.dates.replace({event_id: rows})


def moment(occ: Occurrence, offsets: list[timedelta], after: datetime | None) -> datetime | None:
    return first_moment(occ, offsets) if after is None else next_moment(occ, offsets, after)


async def refresh_all(store: Store, settings: Settings, new_offsets: bool = False) -> int:
    """Write every event's dates again, a few events per transaction; returns rows. With
    ``new_offsets`` every date's reminder moment is set afresh: its first one from now on
    (moments that passed under the old offsets are not owed to anyone)."""
    offsets, now = reminder_offsets(settings), utcnow()
    after = now if new_offsets else None
    events = await store.events.all()
    overrides = await store.events.overrides_for([e.id for e in events])
    written = 0
    for start in range(0, len(events), BATCH):
        chunk = {
            e.id: dates_of(e, overrides[e.id], offsets, now, after)
            for e in events[start : start + BATCH]
        }
        await store.dates.replace(chunk, keep_reminders=not new_offsets)
        written += sum(len(rows) for rows in chunk.values())
    await store.dates.prune(now - PAST)
    await store.dates.set_state(now + HORIZON, offsets_key(offsets))
    return written


async def keep_fresh(store: Store, settings: Settings) -> None:
    """Refresh everything when the rows are older than a day (the horizon moves on) or
    were made with other reminder offsets; otherwise nothing (a normal start is quick)."""
    state = await store.dates.state()
    new_offsets = state is not None and state.offsets != offsets_key(reminder_offsets(settings))
    if state is not None and not new_offsets and utcnow() - state.refreshed_at < STALE:
        return
    written = await refresh_all(store, settings, new_offsets)
    log.info("event dates refreshed: %d rows up to the horizon", written)


def install(services: Services) -> None:
    """At start (when needed) and every hour: is a daily refresh due?"""
    services.scheduler.add_job(
        keep_fresh,
        "interval",
        hours=1,
        args=[services.store, services.settings],
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
