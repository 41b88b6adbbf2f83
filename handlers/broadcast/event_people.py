"""Messages to an event's people: the rules every surface (the event card's form, the
dashboard, the CLI) shares before it hands the audience to the broadcast service.

- Who may write: admins, and the moderators of the event's working group.
- To what: one date of an event that is neither cancelled nor gone, and which people of
  it (:data:`~storage.broadcasts.EVENT_PEOPLE`).
Everything after that (preview count, outbox, report, scheduling, cancelling) is the
broadcast machinery's, with an :class:`~storage.broadcasts.Audience` of kind ``event``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.calendar.recurrence import (
    HORIZON,
    Occurrence,
    find_occurrence,
    next_occurrence,
    occurrences,
)
from handlers.validation import Invalid
from storage import Store
from storage.broadcasts import EVENT_PEOPLE, Audience
from storage.db import utcnow
from storage.events import Event

PEOPLE = EVENT_PEOPLE
RECENT = timedelta(days=30)  # how far back a date's people are still written to by default


async def may_write(store: Store, event: Event, member_id: int | None, is_admin: bool) -> bool:
    """Admins, and the moderators of the event's working group, write to its people."""
    if is_admin:
        return True
    if member_id is None or event.group_id is None:
        return False
    membership = await store.groups.membership(event.group_id, member_id)
    return membership is not None and membership.moderator


async def event_date(store: Store, event_id: int, key: datetime) -> Occurrence:
    """The date of an event that can still be written about; raises :class:`Invalid` for
    an event that is gone or cancelled, or a date that is no date of it or cancelled."""
    found = await store.events.for_card(event_id)
    if found is None:
        raise Invalid("event_message.gone", {"id": event_id})
    event, overrides, _topics = found
    if event.cancelled:
        raise Invalid("event_message.cancelled", {"title": event.title})
    occ = find_occurrence(event, overrides, key.astimezone(UTC))
    if occ is None:
        raise Invalid("event_message.no_such_date", {"title": event.title})
    if occ.cancelled:
        raise Invalid("event_message.cancelled", {"title": event.title})
    return occ


async def event_audience(store: Store, event_id: int, key: datetime, people: str) -> Audience:
    """The audience for ``people`` of the date; raises :class:`Invalid` as
    :func:`event_date` does, and for people that are no choice."""
    if people not in PEOPLE:
        raise Invalid("event_message.bad_people", {"people": people[:20]})
    occ = await event_date(store, event_id, key)
    return Audience(event_id=occ.event.id, occurrence=occ.key, people=people)


async def allowed_audience(
    store: Store,
    event_id: int,
    key: datetime,
    people: str,
    member_id: int | None,
    is_admin: bool,
) -> Audience:
    """:func:`event_audience` for someone who may write to the event's people; raises
    :class:`Invalid` for anyone else."""
    audience = await event_audience(store, event_id, key, people)
    event = await store.events.get(event_id)
    if event is None or not await may_write(store, event, member_id, is_admin):
        raise Invalid("event_message.not_allowed", {})
    return audience


async def default_date(store: Store, event: Event) -> Occurrence | None:
    """The date meant when none is named: the next one that has not ended, else the
    latest of the last :data:`RECENT` days (the slides after the day)."""
    now = utcnow()
    overrides = await store.events.overrides(event.id)
    coming = next_occurrence(event, overrides, now)
    if coming is not None:
        return coming
    past = [o for o in occurrences(event, overrides, now - RECENT, now) if o.end <= now]
    return past[-1] if past else None


async def writable_dates(store: Store, event: Event, limit: int = 12) -> list[Occurrence]:
    """The dates whose people can be written to: those of the last :data:`RECENT` days
    and the coming ones (at most ``limit`` of these), none cancelled."""
    now = utcnow()
    overrides = await store.events.overrides(event.id)
    found = occurrences(event, overrides, now - RECENT - event.duration, now + HORIZON)
    past = [o for o in found if o.end <= now]
    coming = [o for o in found if o.end > now][:limit]
    return past + coming
