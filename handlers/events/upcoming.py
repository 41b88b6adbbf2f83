"""The next dates across all events: one query shared by ``/termine``, the admin commands
and the Slack App Home, so every place lists the same dates in the same order.

It reads the materialised dates (:mod:`handlers.events.dates`) in order of their start,
from the index: a date that has not ended began at most the longest duration ago.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.calendar.recurrence import Occurrence
from handlers.events.dates import as_occurrence
from handlers.events.inputs import MAX_DURATION
from storage import Store
from storage.db import utcnow

LONGEST = MAX_DURATION + timedelta(days=1)  # no date runs longer (a moved one included)
SPARE = 8  # dates read beyond those wanted: a series may come up more than once


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
    each event at most, so a daily series does not fill the whole list; ``offset`` skips
    that many (a later page)."""
    now = now or utcnow()
    wanted = offset + limit
    taken: dict[int, int] = {}
    found: list[Occurrence] = []
    skip, chunk = 0, 2 * wanted + SPARE  # one read is almost always enough
    while len(found) < wanted:
        rows = await store.dates.upcoming(
            now, now - LONGEST, topic_id=topic_id, event_id=event_id, limit=chunk, skip=skip
        )
        for event, date in rows:
            if event.cancelled or taken.get(event.id, 0) >= per_event:
                continue
            taken[event.id] = taken.get(event.id, 0) + 1
            found.append(as_occurrence(event, date))
            if len(found) == wanted:
                break
        if len(rows) < chunk:
            break
        skip += chunk
    return found[offset:wanted]
