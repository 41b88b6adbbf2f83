"""Turns "tell these people" into outbox rows, each in the recipient's own language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.delivery.quiet import QuietHours
from bot.i18n import LANGUAGES
from bot.models import ChatKind, Outgoing
from bot.settings import Settings
from storage import Store
from storage.broadcasts import Audience, batch_of
from storage.db import utcnow
from storage.outbox import OutboxEntry

Render = Callable[[str], Outgoing]
"""Builds the message for one language (``"de"`` or ``"en"``)."""
ZoneRender = Callable[[str, ZoneInfo], Outgoing]
"""Builds the message for one language and one time zone (messages that show times)."""


class Notifier:
    """``quiet``: the members' quiet hours (none when not given: build it with
    :meth:`from_settings`); messages queued with ``quiet=True`` wait until those end."""

    def __init__(
        self,
        store: Store,
        default_language: str,
        on_enqueue: Callable[[], None] = lambda: None,
        *,
        quiet: QuietHours | None = None,
    ) -> None:
        self.store = store
        self.default_language = default_language
        self.on_enqueue = on_enqueue
        self.quiet = quiet

    @classmethod
    def from_settings(cls, store: Store, settings: Settings) -> Notifier:
        """With the network's language and quiet hours (the CLI's services)."""
        return cls(store, settings.language, quiet=QuietHours.from_settings(store, settings))

    async def _held(self, member_ids: Iterable[int], quiet: bool) -> dict[int, datetime]:
        """Members in their quiet hours now and when those end (none unless ``quiet``)."""
        if not quiet or self.quiet is None:
            return {}
        return await self.quiet.held_until(member_ids, utcnow())

    async def to_members(
        self,
        member_ids: Iterable[int],
        render: Render,
        *,
        batch: str | None = None,
        dedupe: Callable[[int], str] | None = None,
        not_before: datetime | None = None,
        exclude: int | None = None,
        active_only: bool = True,
        quiet: bool = False,
    ) -> int:
        """Queue one message per member, on the identity they used last. Returns rows added.
        Only active members get notifications; ``active_only=False`` is for the one message
        that tells someone about their own status (a declined registration). ``quiet``: a
        message that can wait until the member's quiet hours end (news, updates, notices)."""
        wanted = [m for m in dict.fromkeys(member_ids) if m != exclude]
        targets = await self.store.members.delivery_targets(wanted, active_only=active_only)
        held = await self._held(targets, quiet)
        entries = []
        cache: dict[str, str] = {}
        for member_id in wanted:
            if member_id not in targets:
                continue  # not active, or no reachable identity
            language, identity = targets[member_id]
            if language not in cache:
                cache[language] = render(language).model_dump_json()
            entries.append(
                OutboxEntry(
                    platform=identity.platform,
                    chat_id=identity.chat_id,
                    payload=cache[language],
                    member_id=member_id,
                    batch=batch,
                    dedupe_key=dedupe(member_id) if dedupe else None,
                    not_before=_later(not_before, held.get(member_id)),
                )
            )
        return await self._add(entries)

    async def to_members_zoned(
        self,
        member_ids: Iterable[int],
        render: ZoneRender,
        default_zone: str,
        *,
        batch: str | None = None,
        dedupe: Callable[[int], str] | None = None,
        quiet: bool = False,
    ) -> int:
        """Like :meth:`to_members`, rendered per language and the member's time zone (for
        messages that show times); targets, languages and zones in one query per 500.
        Reminders never pass ``quiet``: they are about the next hours."""
        wanted = list(dict.fromkeys(member_ids))
        targets = await self.store.members.delivery_targets_zoned(wanted)
        held = await self._held(targets, quiet)
        cache: dict[tuple[str, str], str] = {}
        entries = []
        for member_id in wanted:
            if member_id not in targets:
                continue  # not active, or no reachable identity
            language, zone, identity = targets[member_id]
            key = (language, zone or default_zone)
            if key not in cache:
                cache[key] = render(language, ZoneInfo(key[1])).model_dump_json()
            entries.append(
                OutboxEntry(
                    platform=identity.platform,
                    chat_id=identity.chat_id,
                    payload=cache[key],
                    member_id=member_id,
                    batch=batch,
                    dedupe_key=dedupe(member_id) if dedupe else None,
                    not_before=held.get(member_id),
                )
            )
        return await self._add(entries)

    async def to_target_chats(
        self,
        target_kind: str,
        target_id: int,
        render: Render,
        *,
        batch: str | None = None,
        dedupe: Callable[[int], str] | None = None,
        exclude_chat: tuple[str, str] | None = None,
    ) -> int:
        """Queue a message for every group chat or channel bound to a topic or group."""
        message = render(self.default_language).model_dump_json()
        entries = [
            OutboxEntry(
                platform=b.platform,
                chat_id=b.chat_id,
                chat_kind=ChatKind.GROUP,
                payload=message,
                binding_id=b.id,
                batch=batch,
                dedupe_key=dedupe(b.id) if dedupe else None,
            )
            for b in await self.store.bindings.for_target(target_kind, target_id)
            if (b.platform, b.chat_id) != exclude_chat
        ]
        return await self._add(entries)

    async def to_topic(
        self,
        topic_id: int,
        render: Render,
        *,
        batch: str | None = None,
        exclude: int | None = None,
    ) -> int:
        """Subscribers of a topic and the chats bound to it."""
        subscribers = await self.store.topics.subscriber_ids(topic_id, ("all",))
        sent = await self.to_members(subscribers, render, batch=batch, exclude=exclude)
        return sent + await self.to_target_chats("topic", topic_id, render, batch=batch)

    async def to_audience(
        self, broadcast_id: int, audience: Audience, render: Render, *, urgent: bool = False
    ) -> int:
        """Queue a broadcast for its whole audience, each member in their language, in one
        set-based statement (thousands of rows in well under a second). Returns rows added.

        Members in their quiet hours get it when those end; an ``urgent`` one goes at once,
        to them without sound."""
        payloads = {lang: render(lang).model_dump_json() for lang in LANGUAGES}
        now = utcnow()
        queued = await self.store.broadcasts.queue(
            broadcast_id, audience, payloads, self.default_language, now
        )
        batch = batch_of(broadcast_id)
        held: dict[int, datetime] = {}
        if self.quiet is not None:
            members = await self.store.quiet_hours.batch_members(batch)
            held = await self.quiet.held_until(members, now)
        if urgent:
            await self.store.outbox.silence_batch(batch, held)
        else:
            await self.store.outbox.defer_batch(batch, held)
        if queued:
            self.on_enqueue()
        return queued

    async def to_chat(
        self,
        platform: str,
        chat_id: str,
        message: Outgoing,
        *,
        chat_kind: ChatKind = ChatKind.PRIVATE,
        batch: str | None = None,
    ) -> int:
        entry = OutboxEntry(
            platform=platform,
            chat_id=chat_id,
            chat_kind=chat_kind,
            payload=message.model_dump_json(),
            batch=batch,
        )
        return await self._add([entry])

    async def _add(self, entries: list[OutboxEntry]) -> int:
        if not entries:
            return 0
        added = await self.store.outbox.add(entries)
        self.on_enqueue()
        return added


def _later(first: datetime | None, second: datetime | None) -> datetime | None:
    if first is None or second is None:
        return first or second
    return max(first, second)
