"""The rules of broadcasting, shared by the chat wizard, the CLI and a later web dashboard.

- The audience is a :class:`~storage.broadcasts.Audience`; its preview count and the rows
  queued come from the same query, and sending now re-counts under the write lock, so the
  number confirmed is the number queued (or the admin is shown the new number first).
- A broadcast is one row plus one outbox row per recipient, batch ``broadcast:{id}``.
- Scheduled broadcasts wait in the store; :meth:`BroadcastService.tick` (run by the
  scheduler) claims and queues each due one in one transaction, so it goes out once, also
  across restarts; one that came due while the bot was down goes out at start, late, and
  the admin is told.
- When the last row of a broadcast is final, the admin who sent it gets the report.
- Every step is in the audit log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from bot.calendar.parse import BadTime, parse_local
from bot.calendar.recurrence import find_occurrence
from bot.delivery.notify import Notifier, Render
from bot.i18n import LANGUAGES
from bot.parsing.names import rank
from bot.settings import Settings
from handlers.broadcast import render
from handlers.members.render import OTHER_REGION, region_label
from handlers.names import find_group, require_topic
from handlers.validation import Invalid, line_breaks
from storage import Store
from storage.broadcasts import Audience, Broadcast, DeliveryCounts, audience_json
from storage.db import utcnow
from storage.groups import Group

log = logging.getLogger(__name__)


def _region_words(region: str) -> str:
    """A region as members name it: "other" also by its label in either language."""
    if region != OTHER_REGION:
        return region
    return " ".join([region, *(region_label(lang, region) for lang in LANGUAGES)])


MAX_TEXT = 4000
LATE_AFTER = timedelta(minutes=2)  # later than this and the admin is told it went late
MAX_AHEAD = timedelta(days=366)
KINDS = ("all", "topic", "region", "group", "both")


@dataclass(frozen=True)
class Preview:
    """How many would receive a broadcast now, per platform."""

    by_platform: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_platform.values())


@dataclass(frozen=True)
class Sender:
    """Who sends, for the audit log, and where their report goes (a member on their own
    identity, else the chat they wrote from; the CLI has neither)."""

    actor: str
    language: str
    member_id: int | None = None
    chat: tuple[str, str] | None = None


class CountChanged(Exception):
    """The audience changed since the preview: nothing was queued; here is the new count."""

    def __init__(self, preview: Preview) -> None:
        super().__init__(f"the audience now has {preview.total} recipients")
        self.preview = preview


@dataclass
class Progress:
    broadcast: Broadcast
    counts: DeliveryCounts


@dataclass
class BroadcastService:
    store: Store
    notifier: Notifier
    settings: Settings
    clock: Callable[[], datetime] = utcnow

    # audience and text -------------------------------------------------------------------

    async def regions(self) -> list[str]:
        """The configured regions, then any others members gave."""
        found = dict.fromkeys(self.settings.regions)
        found.update(dict.fromkeys(await self.store.broadcasts.regions()))
        return list(found)

    async def groups(self) -> list[Group]:
        """The working groups a broadcast can go to: the active ones."""
        return await self.store.groups.list()

    async def group(self, name: str) -> Group:
        """An active working group by its name as typed; raises :class:`Invalid`."""
        found = await find_group(self.store, name)
        if found is None:
            names = ", ".join(g.name for g in await self.groups()) or "–"
            raise Invalid("broadcast.unknown_group", {"group": name.strip()[:60], "groups": names})
        if not found.active:
            raise Invalid("broadcast.group_archived", {"group": found.name})
        return found

    async def audience(
        self, topic: str | None = None, region: str | None = None, group: str | None = None
    ) -> Audience:
        """An audience from names as people type them; raises :class:`Invalid`. A working
        group stands alone (combined with a topic or region: ValueError)."""
        if group is not None:
            if topic is not None or region is not None:
                raise ValueError("a working group cannot be combined with a topic or region")
            return Audience(group_id=(await self.group(group)).id)
        topic_id = None
        if topic is not None:
            topic_id = (await require_topic(self.store, topic)).id
        if region is not None:
            regions = await self.regions()
            matches = [regions[i] for i in rank(region, [_region_words(r) for r in regions])]
            if len(matches) != 1:
                shown = [region_label(self.settings.language, r) for r in regions]
                raise Invalid(
                    "broadcast.unknown_region",
                    {"region": region[:60], "regions": ", ".join(shown)},
                )
            region = matches[0]
        return Audience(topic_id=topic_id, region=region)

    async def chosen_audience(
        self,
        kind: str,
        topic_id: int | None = None,
        region: str | None = None,
        group_id: int | None = None,
    ) -> Audience:
        """An audience as picked in a form (the chat's, a Slack modal, the dashboard): the
        kind, then the topic and group by id and the region by name; raises
        :class:`Invalid` for one that is missing, archived or unknown."""
        if kind not in KINDS:
            raise Invalid("broadcast.audience_incomplete", {})
        if kind == "group":
            group = await self.store.groups.get(group_id) if group_id else None
            if group is None:
                raise Invalid("broadcast.audience_incomplete", {})
            if not group.active:
                raise Invalid("broadcast.group_archived", {"group": group.name})
            return Audience(group_id=group.id)
        topic = None
        if kind in ("topic", "both"):
            found = await self.store.topics.get(topic_id) if topic_id else None
            if found is None or found.archived:
                raise Invalid("topics.unknown", {"topic": found.name if found else "?"})
            topic = found.id
        if kind not in ("region", "both"):
            return Audience(topic_id=topic)
        if not (region or "").strip():
            raise Invalid("broadcast.unknown_region", {"region": "?", "regions": ""})
        return Audience(topic_id=topic, region=(await self.audience(region=region)).region)

    async def names(self, audience: Audience) -> render.AudienceNames:
        """The names of the topic, group or event an audience refers to (archived and
        cancelled ones too); an event's date at its effective start."""
        topic = await self.store.topics.get(audience.topic_id) if audience.topic_id else None
        group = await self.store.groups.get(audience.group_id) if audience.group_id else None
        event, start = None, None
        if audience.event_id is not None and audience.occurrence is not None:
            found = await self.store.events.for_card(audience.event_id)
            if found is not None:
                event, overrides, _topics = found
                occ = find_occurrence(event, overrides, audience.occurrence)
                start = occ.start if occ is not None else audience.occurrence
        return render.AudienceNames(
            topic=topic.name if topic else None,
            group=group.name if group else None,
            event=event.title if event else None,
            event_start=start,
            zone=self.settings.zone,
        )

    async def describe(self, lang: str, audience: Audience) -> str:
        """The audience in words, e.g. "subscribers of “KI” in Hagen"."""
        return render.audience_label(lang, audience, await self.names(audience))

    @staticmethod
    def check_text(text: str) -> str:
        text = line_breaks(text).strip()
        if not text:
            raise Invalid("broadcast.empty_text", {})
        if len(text) > MAX_TEXT:
            raise Invalid("broadcast.text_too_long", {"max": MAX_TEXT, "length": len(text)})
        return text

    def read_send_at(self, text: str, zone: ZoneInfo) -> datetime:
        """When to send, as typed in the network's or the admin's zone; raises
        :class:`Invalid` for what is no moment, lies in the past or too far ahead."""
        try:
            when = parse_local(text, zone)
        except BadTime:
            raise Invalid("broadcast.bad_time", {"value": text.strip()[:40]}) from None
        self.check_send_at(when)
        return when

    def check_send_at(self, when: datetime) -> None:
        now = self.clock()
        if when <= now:
            raise Invalid("broadcast.time_past", {})
        if when - now > MAX_AHEAD:
            raise Invalid("broadcast.time_far", {})

    async def preview(self, audience: Audience) -> Preview:
        return Preview(await self.store.broadcasts.count_by_platform(audience))

    def message_for(self, text: str) -> Render:
        """What members see, per language (also the admin's preview)."""
        return lambda lang: render.member_message(lang, text, self.settings.network_name)

    async def message(self, audience: Audience, text: str) -> Render:
        """What the audience sees: a broadcast, or for an event's people a message about
        the event's date (saying why they get it)."""
        if audience.kind != "event":
            return self.message_for(text)
        names = await self.names(audience)
        return lambda lang: render.event_message(lang, text, names)

    # sending -------------------------------------------------------------------------------

    async def send_now(
        self,
        audience: Audience,
        text: str,
        sender: Sender,
        expected: int | None = None,
        *,
        urgent: bool = False,
    ) -> tuple[Broadcast, int]:
        """Queue a broadcast for everyone in the audience now; returns it and the count.

        ``expected`` is the count the admin confirmed: if the audience changed since, raises
        :class:`CountChanged` and queues nothing. Nobody in the audience raises Invalid.
        ``urgent``: not held by members' quiet hours (at night it goes without sound).
        """
        text = self.check_text(text)
        now = self.clock()
        async with self.store.transaction():  # the write lock: the count cannot change now
            preview = await self.preview(audience)
            if expected is not None and preview.total != expected:
                raise CountChanged(preview)
            if preview.total == 0:
                raise Invalid(
                    "event_message.nobody" if audience.kind == "event" else "broadcast.nobody", {}
                )
            broadcast = await self._create(audience, text, sender, now, urgent)
            await self.store.broadcasts.claim(broadcast.id, now, late=False)
            message = await self.message(audience, text)
            queued = await self.notifier.to_audience(broadcast.id, audience, message, urgent=urgent)
            await self.store.audit.record(
                "broadcast.sent",
                sender.actor,
                broadcast_id=broadcast.id,
                audience=audience_json(audience),
                count=queued,
                by_platform=preview.by_platform,
                urgent=urgent,
            )
        log.info("broadcast %d queued for %d recipients", broadcast.id, queued)
        return broadcast, queued

    async def schedule(
        self,
        audience: Audience,
        text: str,
        sender: Sender,
        when: datetime,
        *,
        urgent: bool = False,
    ) -> tuple[Broadcast, Preview]:
        """Store a broadcast to be sent at ``when``; the audience is resolved then."""
        text = self.check_text(text)
        self.check_send_at(when)
        async with self.store.transaction():
            preview = await self.preview(audience)
            broadcast = await self._create(audience, text, sender, when, urgent)
            await self.store.audit.record(
                "broadcast.scheduled",
                sender.actor,
                broadcast_id=broadcast.id,
                audience=audience_json(audience),
                send_at=when.isoformat(),
                count_now=preview.total,
            )
        return broadcast, preview

    async def _create(
        self, audience: Audience, text: str, sender: Sender, send_at: datetime, urgent: bool
    ) -> Broadcast:
        return await self.store.broadcasts.create(
            audience=audience,
            text=text,
            send_at=send_at,
            created_by=sender.actor,
            report_member_id=sender.member_id,
            report_chat=sender.chat,
            report_language=sender.language,
            urgent=urgent,
        )

    async def cancel(self, broadcast_id: int, actor: str) -> tuple[Broadcast, int]:
        """Withdraw what is not sent yet; returns the broadcast and how many were withdrawn."""
        async with self.store.transaction():
            broadcast = await self.store.broadcasts.get(broadcast_id)
            if broadcast is None:
                raise Invalid("broadcast.unknown_id", {"id": broadcast_id})
            withdrawn = await self.store.broadcasts.cancel(broadcast_id, actor, self.clock())
            if withdrawn is None:
                raise Invalid("broadcast.not_open", {"id": broadcast_id})
            await self.store.audit.record(
                "broadcast.cancelled", actor, broadcast_id=broadcast_id, withdrawn=withdrawn
            )
        return broadcast, withdrawn

    async def cancel_for_group(self, group: Group, actor: str | None) -> list[Broadcast]:
        """The group is being archived: its scheduled broadcasts would reach nobody, so each
        is cancelled and whoever scheduled it is told. Runs in the caller's transaction."""
        cancelled = []
        zone = self.settings.zone
        for broadcast in await self.store.broadcasts.scheduled_for_group(group.id):
            if (
                await self.store.broadcasts.cancel(broadcast.id, actor or "system", self.clock())
                is None
            ):
                continue
            await self.store.audit.record(
                "broadcast.cancelled",
                actor,
                broadcast_id=broadcast.id,
                withdrawn=0,
                reason="group_archived",
            )
            await self._tell_sender(
                broadcast,
                partial(render.group_archived_note, zone=zone, broadcast=broadcast, group=group),
            )
            cancelled.append(broadcast)
        return cancelled

    # progress ------------------------------------------------------------------------------

    async def progress(self, broadcast_id: int) -> Progress:
        broadcast = await self.store.broadcasts.get(broadcast_id)
        if broadcast is None:
            raise Invalid("broadcast.unknown_id", {"id": broadcast_id})
        counts = await self.store.broadcasts.counts([broadcast_id])
        return Progress(broadcast, counts[broadcast_id])

    async def recent(self, limit: int = 10) -> list[Progress]:
        found = await self.store.broadcasts.recent(limit)
        counts = await self.store.broadcasts.counts([b.id for b in found])
        return [Progress(b, counts[b.id]) for b in found]

    # the scheduler's tick -------------------------------------------------------------------

    async def tick(self) -> None:
        """Send what is due, then report what is finished."""
        for broadcast in await self.store.broadcasts.due(self.clock()):
            await self._send_due(broadcast)
        sending = await self.store.broadcasts.sending()
        counts = await self.store.broadcasts.counts([b.id for b in sending])
        for broadcast in sending:
            if counts[broadcast.id].pending == 0:
                await self._finish(broadcast)

    async def _send_due(self, broadcast: Broadcast) -> None:
        now = self.clock()
        late = now - broadcast.send_at > LATE_AFTER
        async with self.store.transaction():
            if not await self.store.broadcasts.claim(broadcast.id, now, late):
                return  # cancelled or claimed meanwhile
            message = await self.message(broadcast.audience, broadcast.text)
            queued = await self.notifier.to_audience(
                broadcast.id, broadcast.audience, message, urgent=broadcast.urgent
            )
            await self.store.audit.record(
                "broadcast.sent",
                broadcast.created_by,
                broadcast_id=broadcast.id,
                audience=audience_json(broadcast.audience),
                count=queued,
                scheduled_for=broadcast.send_at.isoformat(),
                late=late,
            )
            if late:
                zone = self.settings.zone
                await self._tell_sender(
                    broadcast,
                    lambda lang: render.late_note(lang, zone, broadcast, now, queued),
                )
        log.info("scheduled broadcast %d queued for %d recipients", broadcast.id, queued)

    async def _finish(self, broadcast: Broadcast) -> None:
        async with self.store.transaction():
            if not await self.store.broadcasts.finish_if_done(broadcast.id, self.clock()):
                return
            counts = (await self.store.broadcasts.counts([broadcast.id]))[broadcast.id]
            await self.store.audit.record(
                "broadcast.done", None, broadcast_id=broadcast.id, **counts.model_dump()
            )
            names = await self.names(broadcast.audience)
            await self._tell_sender(
                broadcast, lambda lang: render.report(lang, broadcast, counts, names)
            )

    async def _tell_sender(self, broadcast: Broadcast, message: Render) -> None:
        if broadcast.report_member_id is not None and await self.notifier.to_members(
            [broadcast.report_member_id], message
        ):
            return
        if broadcast.report_platform and broadcast.report_chat_id:
            await self.notifier.to_chat(
                broadcast.report_platform,
                broadcast.report_chat_id,
                message(broadcast.report_language),
            )
