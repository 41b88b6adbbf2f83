"""The next dates across all events: one query shared by ``/termine``, the admin commands
and the Slack App Home, so every place lists the same dates in the same order."""

from __future__ import annotations

from datetime import datetime

from bot.calendar.recurrence import HORIZON, Occurrence, occurrences
from storage import Store
from storage.db import utcnow


async def upcoming(
    store: Store,
    *,
    topic_id: int | None = None,
    event_id: int | None = None,
    limit: int = 10,
    now: datetime | None = None,
) -> list[Occurrence]:
    """Occurrences not yet ended and not cancelled, soonest first."""
    now = now or utcnow()
    wanted = await store.events.ids_for_topics([topic_id]) if topic_id else None
    found: list[Occurrence] = []
    for event in await store.events.active(now):
        if (wanted is not None and event.id not in wanted) or event_id not in (None, event.id):
            continue
        overrides = await store.events.overrides(event.id)
        window = occurrences(event, overrides, now - event.duration, now + HORIZON)
        found += [o for o in window if o.end > now][:limit]
    return sorted(found, key=lambda o: (o.start, o.event.id))[:limit]
