"""Creating, changing and cancelling events, and answering them: one place for the rules.

The chat wizard, the CLI and the iCalendar import all go through :class:`EventService`, so
an event is validated, recorded and announced the same way whichever way it came in.
Announcements go through the outbox, rendered per language and per time zone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.calendar.expansion import is_series
from bot.calendar.recurrence import (
    HORIZON,
    BadRule,
    Occurrence,
    find_occurrence,
    next_occurrence,
    normalize_rule,
    series_starts,
)
from bot.delivery.notify import Notifier
from bot.i18n import t
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events import render as event_render
from handlers.events.dates import refresh as refresh_dates
from handlers.events.inputs import (
    MAX_DESCRIPTION,
    MAX_LOCATION,
    MAX_TITLE,
    check_capacity,
    check_span,
)
from handlers.events.upcoming import upcoming
from handlers.validation import Invalid, line_breaks
from storage import Store
from storage.db import utcnow
from storage.events import FORMATS, Event, EventFields

ZoneRender = Callable[[str, ZoneInfo], Outgoing]


@dataclass
class RsvpOutcome:
    status: str
    waitlisted: bool = False
    position: int | None = None
    changed: bool = True


def validate(fields: EventFields) -> EventFields:
    """Check and tidy event fields; raises :class:`Invalid` with a catalog key."""
    title = " ".join(fields.title.split())
    if not 2 <= len(title) <= MAX_TITLE:
        raise Invalid("events.bad_title", {"max": MAX_TITLE})
    if len(fields.description) > MAX_DESCRIPTION:
        raise Invalid("error.too_long", {"max": MAX_DESCRIPTION})
    if len(fields.location) > MAX_LOCATION or "\n" in fields.location:
        raise Invalid("events.bad_location", {"max": MAX_LOCATION})
    if fields.url and not fields.url.startswith(("https://", "http://")):
        raise Invalid("events.bad_url", {})
    if fields.start.tzinfo is None or fields.end.tzinfo is None:
        raise ValueError("event times must be time-zone aware")
    if fields.ical:  # as its calendar has it: a zero-length date (Google) is a date too
        if fields.end != fields.start:
            check_span(fields.start, fields.end)
    else:
        check_span(fields.start, fields.end)
    if fields.format not in FORMATS:
        raise Invalid("events.bad_format", {"formats": ", ".join(FORMATS)})
    check_capacity(fields.capacity)
    try:
        zone = ZoneInfo(fields.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("events.bad_timezone", {"zone": fields.timezone}) from None
    changes: dict[str, object] = {
        "title": title,
        "description": line_breaks(fields.description),
        "location": fields.location.strip(),
    }
    if fields.rrule and not fields.ical:  # an imported series: its calendar's rules hold
        try:
            rule = normalize_rule(fields.rrule)
        except BadRule:
            raise Invalid("events.bad_rrule", {"rule": fields.rrule[:80]}) from None
        changes["rrule"] = rule
        changes.update(_align_to_rule(fields.model_copy(update={"rrule": rule}), zone))
    return fields.model_copy(update=changes)


# what an edit replaces
# a new event starting sooner than this is told at once, even in the member's quiet hours
NOT_HELD_WITHIN = timedelta(hours=12)

CHANGEABLE = (
    "title", "description", "start", "end", "timezone", "location", "url",
    "format", "capacity", "rrule", "fingerprint", "all_day", "group_id", "ical",
)  # fmt: skip


def _align_to_rule(fields: EventFields, zone: ZoneInfo) -> dict[str, object]:
    """A series starts on its first rule date (dateutil skips a DTSTART off the rule)."""
    probe = Event(
        id=0,
        uid="",
        status="scheduled",
        sequence=0,
        created_at=fields.start,
        updated_at=fields.start,
        **fields.model_dump(exclude={"uid", "topic_ids"}),
    )
    first = series_starts(probe, fields.start, fields.start + HORIZON)
    if not first:
        raise Invalid("events.bad_rrule", {"rule": (fields.rrule or "")[:80]})
    if first[0] == fields.start:
        return {}
    return {"start": first[0], "end": first[0] + (fields.end - fields.start)}


def check_rule(rule: str, start: datetime, end: datetime, timezone: str) -> None:
    """A rule typed by hand must give the series a first date (one that ends before it
    starts gives none); checked while asking, before the whole event is."""
    probe = EventFields(title="-", start=start, end=end, timezone=timezone, rrule=rule)
    _align_to_rule(probe, ZoneInfo(timezone))


def recurs(event: Event | EventFields) -> bool:
    """More than one date: a rule, or an imported series (extra or changed dates)."""
    return bool(event.rrule) or bool(event.ical and is_series(event.ical))


@dataclass
class EventService:
    store: Store
    notifier: Notifier
    settings: Settings
    actor: str | None = None

    # create / change / cancel -----------------------------------------------------------

    async def create(self, fields: EventFields, *, announce: bool = True) -> Event:
        fields = validate(fields)
        uid = fields.uid or f"{uuid.uuid4()}@knotenpunkt"
        async with self.store.transaction():
            event = await self.store.events.create(fields, uid, self.actor)
            await refresh_dates(self.store, self.settings, event.id)
            await self.store.audit.record(
                "event.created", self.actor, event_id=event.id, title=event.title
            )
            if announce:
                await self.announce_new(event)
        return event

    async def would_change(self, event: Event, fields: EventFields) -> bool:
        """Whether saving ``fields`` changes anything of the event as stored (a form saved
        unchanged tells nobody and writes no ``event.changed``)."""
        fields = validate(fields)
        if any(getattr(fields, name) != getattr(event, name) for name in CHANGEABLE):
            return True
        return sorted(fields.topic_ids) != sorted(await self.store.events.topic_ids(event.id))

    async def update(
        self, event: Event, fields: EventFields, *, notify: bool = True, reopen: bool = False
    ) -> Event:
        """Replace an event's fields; those who said yes or maybe hear about the change. An
        event moved to another working group is announced to that group (its members on
        "all" who have not heard of it, and its chats), as a new event of the group is."""
        fields = validate(fields)
        changes = {name: getattr(fields, name) for name in CHANGEABLE}
        if reopen or not event.cancelled:
            changes["status"] = "changed"
        async with self.store.transaction():
            if not recurs(event) and not recurs(fields) and fields.start != event.start:
                await self.store.rsvps.move_occurrence(event.id, event.start, fields.start)
            await self.store.events.update(event.id, **changes)
            await self.store.events.set_topics(event.id, fields.topic_ids)
            await refresh_dates(self.store, self.settings, event.id)
            await self.store.audit.record("event.changed", self.actor, event_id=event.id)
            updated = await self.store.events.get(event.id)
            assert updated is not None
            if fields.capacity != event.capacity:
                await self._fill_all(updated)
            if notify and not updated.cancelled:
                await self._notify_going(updated, None, "events.notice_changed")
            if updated.group_id != event.group_id:
                await self.store.audit.record(
                    "event.group_changed", self.actor, event_id=event.id, group_id=updated.group_id
                )
                if updated.group_id is not None and not updated.cancelled:
                    await self.announce_new(updated, to_topics=False)
        return updated

    async def cancel(self, event: Event, occurrence: datetime | None = None) -> None:
        """Cancel the whole event or one occurrence (by its original start)."""
        async with self.store.transaction():
            if occurrence is None:
                await self.store.events.update(event.id, status="cancelled")
            else:
                await self.store.events.set_override(event.id, occurrence, cancelled=True)
            await refresh_dates(self.store, self.settings, event.id)
            await self.store.audit.record(
                "event.cancelled",
                self.actor,
                event_id=event.id,
                occurrence=occurrence.isoformat() if occurrence else None,
            )
            await self._notify_going(event, occurrence, "events.notice_cancelled")

    # answers ----------------------------------------------------------------------------

    async def answer(self, occ: Occurrence, member_id: int, status: str) -> RsvpOutcome:
        """Record yes/maybe/no; a full event puts a yes on the waitlist, first come first
        served, and a seat given up goes to the first one waiting."""
        event, rsvps = occ.event, self.store.rsvps
        async with self.store.transaction():
            previous = await rsvps.get(event.id, occ.key, member_id)
            if previous is not None and previous.status == status:
                return await self._outcome(occ, member_id, status, changed=False)
            waitlisted = False
            if status == "yes" and event.capacity is not None:
                # a seat freed without an answer (a member removed) goes to the first waiting
                await self.fill_seats(occ)
                waitlisted = await rsvps.confirmed_count(event.id, occ.key) >= event.capacity
            await rsvps.record(event.id, occ.key, member_id, status, waitlisted)
            if previous is not None and previous.status == "yes" and not previous.waitlisted:
                await self.fill_seats(occ)
            return await self._outcome(occ, member_id, status)

    async def release_member(self, member_id: int) -> list[int]:
        """Before a member is deleted: each seat they hold on a coming date goes to the first
        on its waitlist (deleting the member row alone would free it silently)."""
        promoted: list[int] = []
        now = utcnow()
        async with self.store.transaction():
            for rsvp in await self.store.rsvps.for_member(member_id):
                if rsvp.status != "yes" or rsvp.waitlisted:
                    continue
                event = await self.store.events.get(rsvp.event_id)
                if event is None:
                    continue
                overrides = await self.store.events.overrides(event.id)
                occ = find_occurrence(event, overrides, rsvp.occurrence)
                if occ is None or occ.cancelled or occ.start <= now:
                    continue
                await self.store.rsvps.record(event.id, occ.key, member_id, "no", False)
                promoted += await self.fill_seats(occ)
        return promoted

    async def _outcome(
        self, occ: Occurrence, member_id: int, status: str, changed: bool = True
    ) -> RsvpOutcome:
        waiting = await self.store.rsvps.waitlist(occ.event.id, occ.key)
        for index, rsvp in enumerate(waiting, start=1):
            if rsvp.member_id == member_id:
                return RsvpOutcome(status, True, index, changed)
        return RsvpOutcome(status, False, None, changed)

    async def fill_seats(self, occ: Occurrence) -> list[int]:
        """Promote from the waitlist while seats are free; each promoted member is told."""
        event, rsvps = occ.event, self.store.rsvps
        promoted = []
        async with self.store.transaction():
            for waiting in await rsvps.waitlist(event.id, occ.key):
                capacity = event.capacity
                if (
                    capacity is not None
                    and await rsvps.confirmed_count(event.id, occ.key) >= capacity
                ):
                    break
                await rsvps.promote(event.id, occ.key, waiting.member_id)
                promoted.append(waiting.member_id)
            if promoted:
                await self.to_members(
                    promoted, lambda lang, zone: self._notice(lang, zone, occ, "events.promoted")
                )
        return promoted

    async def _fill_all(self, event: Event) -> None:
        overrides = await self.store.events.overrides(event.id)
        for key in {a.occurrence for a in await self.store.rsvps.attendees(event.id)}:
            occ = find_occurrence(event, overrides, key)
            if occ is not None:
                await self.fill_seats(occ)

    # announcements ----------------------------------------------------------------------

    async def topic_names(self, event_id: int) -> list[str]:
        names = []
        for topic_id in await self.store.events.topic_ids(event_id):
            topic = await self.store.topics.get(topic_id)
            if topic is not None:
                names.append(topic.name)
        return names

    async def announce_new(self, event: Event, *, to_topics: bool = True) -> None:
        """Subscribers of the event's topics, members of its working group (those who want
        every message) and the chats bound to either hear of it once (``to_topics=False``: the
        group's side only, for an event moved into the group; whoever heard of it already
        is not told again)."""
        found = await upcoming(self.store, event_id=event.id, limit=1)  # its dates are written
        occ = found[0] if found else None
        topic_ids = await self.store.events.topic_ids(event.id) if to_topics else []
        group = await self.store.groups.get(event.group_id) if event.group_id else None
        if group is not None and not group.active:
            group = None
        if occ is None or (not topic_ids and group is None):
            return
        topics = await self.topic_names(event.id)
        subscribers: list[int] = []
        for topic_id in topic_ids:
            subscribers += await self.store.topics.subscriber_ids(topic_id, ("all",))
        targets = [("topic", topic_id) for topic_id in topic_ids]
        if group is not None:
            subscribers += await self.store.groups.member_ids(group.id, ("all",))
            targets.append(("group", group.id))

        def body(lang: str, zone: ZoneInfo) -> str:
            text = event_render.details(lang, zone, occ, topics)
            if group is not None:
                text += "\n" + t(lang, "groups.event_group", group=group.name)
            return text

        def render(lang: str, zone: ZoneInfo) -> Outgoing:
            return Outgoing(
                title=t(lang, "events.notice_new", title=event.title),
                text=body(lang, zone) + "\n\n" + t(lang, "events.answer_hint"),
                buttons=event_render.rsvp_buttons(lang, occ),
            )

        batch = f"event:{event.id}:new"

        def member_dedupe(member_id: int) -> str:
            return f"event-new:{event.id}:member:{member_id}"

        # news of a topic or group waits out the member's quiet hours, unless the event is
        # soon: it could start before they end
        soon = occ.start - datetime.now(UTC) < NOT_HELD_WITHIN
        await self.to_members(
            subscribers, render, batch=batch, dedupe=member_dedupe, quiet=not soon
        )
        default_zone = self.settings.zone
        group_message = Outgoing(
            title=t(self.settings.language, "events.notice_new", title=event.title),
            text=body(self.settings.language, default_zone),
        )
        chats: dict[int, str] = {}  # binding id -> chat, so a chat bound twice hears once
        for kind, target_id in targets:
            for b in await self.store.bindings.for_target(kind, target_id):
                chats[b.id] = f"{b.platform}:{b.chat_id}"

        def group_render(lang: str) -> Outgoing:
            return group_message

        def chat_dedupe(binding_id: int) -> str:
            return f"event-new:{event.id}:{chats[binding_id]}"

        for kind, target_id in targets:
            await self.notifier.to_target_chats(
                kind, target_id, group_render, batch=batch, dedupe=chat_dedupe
            )

    async def _notify_going(self, event: Event, occurrence: datetime | None, key: str) -> None:
        going = await self.store.rsvps.going(event.id, occurrence)
        if not going:
            return
        overrides = await self.store.events.overrides(event.id)
        occ = None
        if occurrence is not None:
            occ = find_occurrence(event, overrides, occurrence)
        else:
            occ = next_occurrence(event, overrides, datetime.now(UTC))
        if occ is None:
            occ = Occurrence(event, event.start, event.start, event.end)
        await self.to_members(going, lambda lang, zone: self._notice(lang, zone, occ, key))

    def _notice(self, lang: str, zone: ZoneInfo, occ: Occurrence, key: str) -> Outgoing:
        return Outgoing(
            title=t(lang, key, title=occ.event.title),
            text=event_render.details(lang, zone, occ),
        )

    async def to_members(
        self,
        member_ids: Iterable[int],
        render: ZoneRender,
        *,
        batch: str | None = None,
        dedupe: Callable[[int], str] | None = None,
        quiet: bool = False,
    ) -> int:
        """Queue per member, rendered in the member's language and time zone (read with
        their delivery targets, one query per 500 members); ``quiet``: news that waits out
        the member's quiet hours."""
        return await self.notifier.to_members_zoned(
            member_ids, render, self.settings.timezone, batch=batch, dedupe=dedupe, quiet=quiet
        )
