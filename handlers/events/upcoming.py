"""The next dates across all events: one query shared by ``/termine``, the admin commands
and the Slack App Home, so every place lists the same dates in the same order."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.calendar.recurrence import HORIZON, Occurrence, occurrences
from storage import Store
from storage.db import utcnow

NEAR = timedelta(days=62)  # looked at first; the whole horizon only when that is not enough


async def upcoming(
    store: Store,
    *,
    topic_id: int | None = None,
    event_id: int | None = None,
    limit: int = 10,
    now: datetime | None = None,
    per_event: int = 1,
    offset: int = 0,
) -> list[Occurrence]:
    """Occurrences not yet ended and not cancelled, soonest first; ``per_event`` dates of
    each event at most, so a daily series does not fill the whole list."""
    now = now or utcnow()
    wanted = await store.events.ids_for_topics([topic_id]) if topic_id else None
    found: list[Occurrence] = []
    for event in await store.events.active(now):
        if (wanted is not None and event.id not in wanted) or event_id not in (None, event.id):
            continue
        overrides = await store.events.overrides(event.id)
        take = min(limit + offset, per_event)
        for span in (NEAR, HORIZON):  # most series have their next date within weeks
            window = occurrences(event, overrides, now - event.duration, now + span)
            dates = [o for o in window if o.end > now][:take]
            if len(dates) == take:
                break
        found += dates
    return sorted(found, key=lambda o: (o.start, o.event.id))[offset : offset + limit]
