"""The platform-neutral bot: identity, language and role, then the router.

Adapters call :meth:`Core.handle` with an :class:`Incoming` and themselves as ``via``.
Each message is handled in one store transaction, with its answers written to the outbox
in that transaction and sent right after it: if a handler fails, nothing it wrote stays,
and the sender gets a short apology instead of a stack trace. A full or busy store
is not the handler's fault and may pass: :class:`StoreUnavailable` goes back to the adapter,
which keeps the update for a later try (inbox, or the platform's queue) and apologises once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from bot.adapters.base import Adapter
from bot.arguments import StaleArgument
from bot.context import Context, MemberContext
from bot.delivery.notify import Notifier
from bot.delivery.replies import Reply, send_replies
from bot.i18n import normalize_language, t
from bot.logs import log_context, update_log_context
from bot.metrics import Metrics, Stopwatch
from bot.models import ChatKind, Incoming, Outgoing
from bot.parsing.text import readable
from bot.router import Refusal, Router
from bot.settings import Settings
from storage import Store, StoreUnavailable
from storage.members import Member
from storage.update_context import UpdateContext

log = logging.getLogger(__name__)

Written = tuple[list["Reply"], bool]
"""Answers written to the outbox, and whether the fast path sends them now."""


def one_edit(replies: list[Outgoing]) -> list[Outgoing]:
    """A button press edits its message once: the first answer that replaces it does, any
    later one is sent as a new message (on every platform the same)."""
    seen = False
    kept = []
    for reply in replies:
        if reply.replace and seen:
            reply = reply.model_copy(update={"replace": False})
        seen = seen or reply.replace
        kept.append(reply)
    return kept


@dataclass
class Core:
    store: Store
    settings: Settings
    router: Router
    notifier: Notifier
    metrics: Metrics = field(default_factory=Metrics)
    serves_http: bool = False  # whether this process runs the HTTP server (feeds, webhooks)

    @property
    def public_base(self) -> str | None:
        """Where members reach our HTTP server, or None when no link there could work."""
        if not self.serves_http or not self.settings.public_url:
            return None
        return self.settings.public_url.rstrip("/")

    async def handle(self, incoming: Incoming, via: Adapter | None = None) -> list[Outgoing]:
        """Handle one update in one transaction; count it, time it, and log one line
        (which never holds the member's text).

        With ``via`` (the adapter the update came from) the answers are written to the
        outbox in the handler's transaction and sent through ``via`` right after the commit
        (the fast path); a crash in between leaves them for the worker, which sends them
        once after the restart. Without it the caller delivers what is returned (tests).

        With ``via`` and an ``update_id``, the update is marked done in the inbox once this
        returns: in the handler's transaction, or with the apology after a rollback (the
        inbox runner then needs no trip of its own to mark it)."""
        incoming = as_typed(incoming)
        replies, written = await self._handle(incoming, via)
        if via is None or not replies:
            return replies
        if written is None:  # answered after a rollback (an apology): written on its own
            update_id = incoming.update_id
            async with self.store.transaction(begins_with_write=update_id is not None):
                if update_id is not None:  # the handler's mark rolled back with it
                    await self.store.updates.first_time(incoming.sender.platform.value, update_id)
                written = await self._write(incoming, replies)
        rows, now = written
        if now:
            await send_replies(
                self.store, via, incoming.chat_id, incoming.chat_kind,
                incoming.reply_target or "", rows, self.metrics, self._apology(incoming),
            )  # fmt: skip
        else:  # queued behind an earlier answer still unsent: the worker keeps the order
            self.notifier.on_enqueue()
        return replies

    async def handle_in_place(
        self, incoming: Incoming, via: Adapter, in_place: Callable[[Outgoing], bool]
    ) -> tuple[list[Outgoing], Coroutine[Any, Any, object] | None]:
        """:meth:`handle` for a caller that gives some answers in the platform's response
        itself (a Slack modal's acknowledgement): those, picked by ``in_place``, are not
        written. The others are written in the handler's transaction; their send through
        ``via`` is returned, for the caller to run after its response, so the response
        never waits for a send (a crash before it leaves them to the worker)."""
        incoming = as_typed(incoming)
        replies, written = await self._handle(incoming, via, in_place)
        queued = [reply for reply in replies if not in_place(reply)]
        if not queued:
            return replies, None
        if written is None:  # answered after a rollback: written on its own
            async with self.store.transaction():
                written = await self._write(incoming, queued)
        rows, now = written
        if not now:  # queued behind an earlier answer still unsent: the worker keeps the order
            self.notifier.on_enqueue()
            return replies, None
        sending = send_replies(
            self.store, via, incoming.chat_id, incoming.chat_kind,
            incoming.reply_target or "", rows, self.metrics, self._apology(incoming),
        )  # fmt: skip
        return replies, sending

    def _apology(self, incoming: Incoming) -> Outgoing:
        lang = normalize_language(incoming.language_hint, self.settings.language)
        return Outgoing(text=t(lang, "error.internal"))

    async def _handle(
        self,
        incoming: Incoming,
        via: Adapter | None,
        in_place: Callable[[Outgoing], bool] | None = None,
    ) -> tuple[list[Outgoing], Written | None]:
        platform, chat_kind = incoming.platform.value, incoming.chat_kind.value
        watch = Stopwatch()
        lang = normalize_language(incoming.language_hint, self.settings.language)
        route, failed = "-", False
        ctx: Context | None = None
        with log_context(platform=platform, chat_kind=chat_kind):
            try:
                marked = incoming.update_id is not None  # the inbox mark writes first
                async with self.store.transaction(begins_with_write=marked):
                    loaded = await self._load(incoming)
                    if loaded is None:
                        log.info("update %s seen before; skipped", incoming.update_id)
                        route = "duplicate"
                        return [], None
                    ctx = await self._context(incoming, loaded)
                    lang = ctx.lang
                    try:
                        replies = one_edit(await self.router.dispatch(ctx))
                    finally:
                        route = ctx.route
                    member_id = ctx.member.id if ctx.member is not None else None
                    if via is None:
                        return replies, None
                    if in_place is not None:
                        queued = [reply for reply in replies if not in_place(reply)]
                        return replies, await self._write(incoming, queued, member_id)
                    return replies, await self._write(
                        incoming, replies, member_id, loaded.replies_waiting
                    )
            except StaleArgument as problem:  # rolled back: nothing the handler wrote stays
                log.info("unusable button argument %r", str(problem))
                return [Outgoing(text=t(lang, "input.stale_button"))], None
            except Refusal as problem:  # rolled back too; answered in the sender's language
                if ctx is None:  # not from a handler: cannot happen, answered safely
                    return [Outgoing(text=t(lang, "error.internal"))], None
                return [problem.reply(ctx)], None
            except StoreUnavailable as problem:  # rolled back too; the update is tried again
                failed = True
                log.info("store unavailable for update %s: %s", incoming.update_id, problem)
                raise
            except Exception:
                failed = True
                update_log_context(command=route)
                log.exception(
                    "handler failed for update %s from %s",
                    incoming.update_id or incoming.message_id or "-",
                    incoming.sender.key,
                )
                return [Outgoing(text=t(lang, "error.internal"))], None
            finally:
                seconds = watch.seconds
                self.metrics.record_update(platform, _update_kind(incoming, route), chat_kind)
                self.metrics.observe_handler(route, seconds, failed)
                update_log_context(command=route, duration_ms=round(seconds * 1000, 1))
                log.info("handled %s", route)

    async def _write(
        self,
        incoming: Incoming,
        replies: list[Outgoing],
        member_id: int | None = None,
        waiting: bool | None = None,
    ) -> Written:
        """The answers as outbox rows (in the caller's transaction), and whether the fast
        path sends them now (no earlier answer to this chat is still unsent; ``waiting``
        when the caller's transaction already knows)."""
        ids, now = await self.store.outbox.add_replies(
            incoming.platform.value,
            incoming.chat_id,
            incoming.chat_kind.value,
            incoming.reply_target or "",
            [reply.model_dump_json() for reply in replies],
            member_id,
            waiting=waiting,
        )
        return [Reply(i, m) for i, m in zip(ids, replies, strict=True)], now

    async def _load(self, incoming: Incoming) -> UpdateContext | None:
        """Mark the update done and read what every update needs: one trip to the store
        (None: the update was handled before)."""
        sender = incoming.sender
        return await self.store.update_context.mark_and_load(
            incoming.update_id, sender.platform.value, sender.user_id, incoming.chat_id
        )

    async def context_for(self, incoming: Incoming) -> Context:
        """The context of an update that is not marked in the inbox (tools, tests)."""
        loaded = await self.store.update_context.mark_and_load(
            None, incoming.sender.platform.value, incoming.sender.user_id, incoming.chat_id
        )
        assert loaded is not None
        return await self._context(incoming, loaded)

    async def _context(self, incoming: Incoming, loaded: UpdateContext) -> Context:
        sender = incoming.sender
        member = loaded.member
        if (
            member is not None
            and incoming.chat_kind == ChatKind.PRIVATE
            and not loaded.touch_needless
        ):
            await self.store.members.touch_identity(
                sender.platform.value, sender.user_id, incoming.chat_id
            )
        conversation = loaded.conversation
        keys = [sender.key, *loaded.identity_keys]
        # a member's context is a MemberContext, the one member routes are typed with
        made: type[Context] = Context if member is None else MemberContext
        return made(
            incoming=incoming,
            store=self.store,
            settings=self.settings,
            notifier=self.notifier,
            member=member,
            lang=self._language(incoming, member, conversation.data if conversation else {}),
            is_admin=is_staff(self.settings, keys, loaded.granted_admin),
            conversation=conversation,
            public_base=self.public_base,
            accepted_privacy=loaded.accepted_privacy,
            privacy_loaded=True,
        )

    def _language(self, incoming: Incoming, member: Member | None, data: dict[str, object]) -> str:
        if member is not None:
            return member.language
        chosen = data.get("language")
        if isinstance(chosen, str):
            return chosen
        return normalize_language(incoming.language_hint, self.settings.language)

    async def is_admin(self, identity_key: str, member: Member | None) -> bool:
        return await is_admin(self.store, self.settings, identity_key, member)

    # events adapters report that are not messages ------------------------------------

    async def chat_migrated(self, platform: str, old_chat_id: str, new_chat_id: str) -> None:
        moved = await self.store.bindings.migrate_chat(platform, old_chat_id, new_chat_id)
        if moved:
            await self.store.audit.record(
                "binding.migrated", platform=platform, old=old_chat_id, new=new_chat_id
            )

    async def removed_from_chat(self, platform: str, chat_id: str) -> None:
        """The bot was removed from a group or channel: its bindings stop receiving."""
        if await self.store.bindings.mark_chat_unreachable(platform, chat_id):
            await self.store.audit.record("binding.unreachable", platform=platform, chat=chat_id)

    async def person_reachable(self, platform: str, user_id: str, *, reachable: bool) -> None:
        """The platform says a person blocked (or unblocked) the bot: believed at once, so
        that no preview or report counts them and nothing is queued for them in vain."""
        if await self.store.members.set_identity_reachable(platform, user_id, reachable=reachable):
            log.info("%s identity marked %s", platform, "reachable" if reachable else "unreachable")


def as_typed(incoming: Incoming) -> Incoming:
    """What the person typed, as they see it (:func:`bot.parsing.text.readable`): the one
    place where pasted text is cleaned, before any handler, form or parser reads it."""
    changes: dict[str, object] = {}
    if incoming.text is not None and (text := readable(incoming.text)) != incoming.text:
        changes["text"] = text
    if incoming.form_values:
        changes["form_values"] = {
            name: _readable_value(value) for name, value in incoming.form_values.items()
        }
    return incoming.model_copy(update=changes) if changes else incoming


def _readable_value(value: str | list[str] | None) -> str | list[str] | None:
    if isinstance(value, list):
        return [readable(item) for item in value]
    return value if value is None else readable(value)


def is_staff(settings: Settings, keys: list[str], granted: bool) -> bool:
    """The one rule for who is network staff: a bootstrap admin from the settings, or one
    granted (``granted``: a grant exists on one of ``keys``), by any identity of the
    member. An update reads the grant with its context (one query), the dashboard and
    the CLI through :func:`is_admin`."""
    return granted or any(key in settings.admins for key in keys)


async def is_admin(
    store: Store, settings: Settings, identity_key: str, member: Member | None
) -> bool:
    """:func:`is_staff` for an identity, reading the member's identities and grants."""
    keys = [identity_key]
    if member is not None:
        keys += [i.key for i in await store.members.identities(member.id)]
    return is_staff(settings, keys, await store.members.is_granted_admin(keys))


def _update_kind(incoming: Incoming, route: str) -> str:
    if incoming.action is not None:
        return "button"
    if route.startswith("/") or route == "unknown_command":
        return "command"
    return "text"
