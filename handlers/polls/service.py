"""The rules of date polls in one place: who may start one, who is asked, who may vote,
how the tally is kept, and how the chosen date becomes an event.

Chat, jobs (and later the dashboard) call these functions, so each rule and each audit
entry lives here. Every notification goes through the outbox, with a dedupe key, in the
same transaction as the state change it belongs to: a restart sends nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.notify import Notifier
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events.inputs import read_place
from handlers.events.service import EventService
from handlers.polls import render
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from storage.events import Event, EventFields
from storage.groups import Group
from storage.members import Member
from storage.polls import NewPoll, Poll

DEFAULT_LENGTH = timedelta(hours=2)  # a candidate date typed without its end
TALLY_EVERY = timedelta(seconds=5)  # the organiser's tally is edited at most this often


async def moderated_groups(store: Store, member_id: int) -> list[Group]:
    """The active working groups a member moderates."""
    found = []
    for group_id, membership in (await store.groups.memberships_of(member_id)).items():
        if membership.moderator:
            group = await store.groups.get(group_id)
            if group is not None and group.active:
                found.append(group)
    return sorted(found, key=lambda g: g.name)


async def may_organise(store: Store, member: Member, is_admin: bool) -> bool:
    return is_admin or bool(await moderated_groups(store, member.id))


@dataclass
class Closed:
    poll: Poll
    event: Event
    yes: int
    maybe: int


@dataclass
class PollService:
    store: Store
    notifier: Notifier
    settings: Settings
    actor: str | None = None

    # who is asked -----------------------------------------------------------------------

    async def audience(
        self, kind: str, ref: int | None, members: list[int], organiser: Member, is_admin: bool
    ) -> list[int]:
        """The members a poll goes to; a moderator asks only a group they moderate."""
        store = self.store
        if not is_admin:
            if kind != "group":
                raise Invalid("polls.group_only")
            mine = {g.id for g in await moderated_groups(store, organiser.id)}
            if ref not in mine:
                group = await store.groups.get(ref or 0)
                raise Invalid("polls.not_your_group", {"group": group.name if group else "?"})
        if kind == "group":
            group = await store.groups.get(ref or 0)
            if group is None or not group.active:
                raise Invalid("groups.gone")
            found = await store.groups.member_ids(group.id)
        elif kind == "topic":
            if await store.topics.get(ref or 0) is None:
                raise Invalid("form.choice_gone")
            found = await store.topics.subscriber_ids(ref or 0)
        else:
            found = []
            for member_id in members:
                member = await store.members.get(member_id)
                if member is None or member.status != "active":
                    raise Invalid("polls.unknown_member", {"member": member_id})
                found.append(member_id)
        if not found:
            raise Invalid("polls.nobody")
        return found

    # starting ---------------------------------------------------------------------------

    async def start(self, new: NewPoll, audience: list[int], organiser: Member) -> Poll:
        """The poll and one ballot per member asked, in one transaction."""
        now = utcnow()
        if new.deadline <= now:
            raise Invalid("polls.deadline_past")
        if any(start <= now for start, _ in new.options):
            raise Invalid("polls.option_passed")
        async with self.store.transaction():
            poll = await self.store.polls.create(new, audience)
            await self.store.audit.record(
                "poll.created", self.actor, poll_id=poll.id, title=poll.title, asked=len(audience)
            )

            looks = await self.store.polls.audience_looks(poll.id, self.settings.timezone)
            payloads = {
                (lang, zone): render.ballot(
                    lang, ZoneInfo(zone), poll, organiser.name, {}
                ).model_dump_json()
                for lang, zone in looks
            }
            queued = await self.store.polls.queue_ballots(
                poll.id, payloads, self.settings.timezone, now
            )
            if queued:
                self.notifier.on_enqueue()
        return poll

    # voting -----------------------------------------------------------------------------

    async def open_poll(self, poll_id: int, member_id: int) -> Poll:
        """The poll a member answers: refused when it is gone, over, or not theirs."""
        poll = await self.store.polls.get(poll_id)
        if poll is None:
            raise Invalid("polls.gone")
        if not await self.store.polls.in_audience(poll_id, member_id):
            raise Invalid("polls.not_asked")
        if not poll.is_open:
            raise Invalid("polls.closed")
        return poll

    async def vote(self, poll_id: int, member_id: int, position: int, answer: str) -> Poll:
        poll = await self.open_poll(poll_id, member_id)
        if position >= len(poll.options):
            raise Invalid("error.stale_button")
        async with self.store.transaction():  # the answer and its audit entry together
            if not await self.store.polls.answer(poll_id, position, member_id, answer):
                return poll  # the same answer again (or refused by the store): not new
            await self.store.audit.record(
                "poll.answered", self.actor, poll_id=poll_id, option=position, answer=answer
            )
        return poll

    async def ballot_for(self, poll: Poll, member: Member, lang: str, zone: ZoneInfo) -> Outgoing:
        """A member's ballot as it is now (their answers; the others' counts if shown)."""
        mine = await self.store.polls.answers_of(poll.id, member.id)
        everyone = None
        if poll.visibility == "all":
            everyone = await self.store.polls.option_counts(poll.id)
        organiser = await self.store.members.get(poll.organiser_id or 0)
        name = organiser.name if organiser else "–"
        return render.ballot(lang, zone, poll, name, mine, everyone)

    # the tally --------------------------------------------------------------------------

    async def tally_for(self, poll: Poll, lang: str, zone: ZoneInfo) -> Outgoing:
        answers = await self.store.polls.answers(poll.id)
        waiting = await self.store.polls.not_answered(poll.id)
        names = await self.store.polls.names(waiting)
        return render.tally(lang, zone, poll, answers, [names.get(m, "?") for m in waiting])

    async def flush_tallies(self, now: datetime | None = None) -> int:
        """Queue the tally of every poll with new votes whose tally was not queued in the
        last few seconds: one edit for many votes. Returns how many were queued."""
        now = now or utcnow()
        queued = 0
        for poll_id in await self.store.polls.dirty_tallies(now - TALLY_EVERY):
            async with self.store.transaction():
                if not await self.store.polls.claim_tally(poll_id, now):
                    continue
                poll = await self.store.polls.get(poll_id)
                if poll is None or poll.organiser_id is None:
                    continue
                queued += await self._send_tally(poll)
        return queued

    async def _send_tally(self, poll: Poll) -> int:
        """The tally into its message where the organiser's platform can edit it; a tally
        that asks for a decision (the poll ended) comes as a new message, once."""
        organiser = await self.store.members.get(poll.organiser_id or 0)
        if organiser is None:
            return 0
        lang = organiser.language
        zone = ZoneInfo(organiser.timezone or self.settings.timezone)
        message = await self.tally_for(poll, lang, zone)
        if poll.state == "ended":
            return await self.notifier.to_members(
                [organiser.id], lambda _: message, dedupe=lambda m: f"poll:{poll.id}:ended"
            )
        if poll.tally_target and poll.tally_platform and poll.tally_chat:
            edit = message.model_copy(update={"replace": True})
            added = await self.store.outbox.add_edit(
                poll.tally_platform, poll.tally_chat, organiser.id, edit.model_dump_json(),
                poll.tally_target,
            )  # fmt: skip
            self.notifier.on_enqueue()
            return added
        return 0  # no message to edit (the console): the organiser refreshes it

    # reminders and the end --------------------------------------------------------------

    async def remind(self, poll_id: int, now: datetime) -> int:
        """Once, to those asked who have not answered (claimed with the outbox rows)."""
        async with self.store.transaction():
            if not await self.store.polls.claim_reminder(poll_id, now):
                return 0
            poll = await self.store.polls.get(poll_id)
            assert poll is not None
            waiting = await self.store.polls.not_answered(poll_id)
            organiser = await self.store.members.get(poll.organiser_id or 0)
            name = organiser.name if organiser else "–"

            def reminder(lang: str, zone: ZoneInfo) -> Outgoing:
                return render.ballot(lang, zone, poll, name, {}, None, "polls.reminder_title")

            return await self.notifier.to_members_zoned(
                waiting,
                reminder,
                self.settings.timezone,
                dedupe=lambda member_id: f"poll:{poll_id}:reminder:{member_id}",
            )

    async def end(self, poll_id: int, now: datetime | None = None) -> bool:
        """Stop the voting; the organiser gets the tally with the dates to pick from."""
        now = now or utcnow()
        async with self.store.transaction():
            if not await self.store.polls.end(poll_id, now):
                return False
            await self.store.audit.record("poll.ended", self.actor, poll_id=poll_id)
            await self.store.polls.claim_tally(poll_id, now)
            poll = await self.store.polls.get(poll_id)
            assert poll is not None
            await self._send_tally(poll)
        return True

    # closing ----------------------------------------------------------------------------

    async def check_organiser(self, poll_id: int, member: Member, is_admin: bool) -> Poll:
        poll = await self.store.polls.get(poll_id)
        if poll is None:
            raise Invalid("polls.gone")
        if not is_admin and poll.organiser_id != member.id:
            raise Invalid("polls.not_organiser")
        if poll.state == "closed":
            raise Invalid("polls.already_closed")
        return poll

    async def close(
        self, poll: Poll, position: int, where: str | None, capacity: int | None
    ) -> Closed:
        """The chosen date as an event in one transaction: every yes an RSVP yes (the
        first ones up to the capacity, the others waiting), every "if need be" a maybe,
        the poll closed, and everyone asked told the result once."""
        option = next((o for o in poll.options if o.position == position), None)
        if option is None:
            raise Invalid("error.stale_button")
        if option.start <= utcnow():
            raise Invalid("polls.option_passed")
        location, url = read_place(where or "")
        organiser = await self.store.members.get(poll.organiser_id or 0)
        fields = EventFields(
            title=poll.title,
            start=option.start,
            end=option.end or option.start + DEFAULT_LENGTH,
            timezone=self.settings.timezone,
            location=location,
            url=url,
            capacity=capacity,
            organiser=organiser.name if organiser else None,
            topic_ids=[poll.audience_ref] if poll.audience_kind == "topic" and poll.audience_ref
            else [],
            group_id=poll.audience_ref if poll.audience_kind == "group" else None,
        )  # fmt: skip
        events = EventService(self.store, self.notifier, self.settings, self.actor)
        now = utcnow()
        async with self.store.transaction():
            event = await events.create(fields, announce=False)  # the result announces it
            if not await self.store.polls.close(poll.id, position, event.id, now):
                raise Invalid("polls.already_closed")  # rolls the event back too
            answers = await self.store.polls.answers(poll.id)
            said = {m: given.get(position) for m, given in answers.items()}
            yes = [m for m, a in said.items() if a == "y"]
            maybe = [m for m, a in said.items() if a == "m"]
            for index, member_id in enumerate(yes):
                waiting = capacity is not None and index >= capacity
                await self.store.rsvps.record(event.id, event.start, member_id, "yes", waiting)
            for member_id in maybe:
                await self.store.rsvps.record(event.id, event.start, member_id, "maybe", False)
            await self.store.audit.record(
                "poll.closed", self.actor, poll_id=poll.id, event_id=event.id, option=position
            )
            audience = await self.store.polls.audience(poll.id)
            for mine, who in (
                ("y", yes),
                ("m", maybe),
                (None, [m for m in audience if m not in set(yes) | set(maybe)]),
            ):

                def result(lang: str, zone: ZoneInfo, mine: str | None = mine) -> Outgoing:
                    return render.result(lang, zone, poll, option, mine)

                await self.notifier.to_members_zoned(
                    who,
                    result,
                    self.settings.timezone,
                    batch=f"poll:{poll.id}:result",
                    dedupe=lambda member_id: f"poll:{poll.id}:result:{member_id}",
                )
        closed = await self.store.polls.get(poll.id)
        assert closed is not None
        return Closed(closed, event, len(yes), len(maybe))
