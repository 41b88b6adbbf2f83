"""Slack: events, the /knotenpunkt slash command, buttons and App Home, on slack-bolt.

HTTP mode (default) serves ``POST /slack/events`` on the bot's one aiohttp server. Each
request is verified (:mod:`bot.adapters.slack_verify`: timestamp, signature, replay),
parsed by us (:mod:`bot.adapters.slack_receive`), committed to the inbox and only then
acknowledged; the inbox runner hands it to bolt's listeners afterwards, people at the same
time, one person's requests in order, and a crash before they ran loses nothing. Socket
Mode is used instead when an app-level token is set: the envelopes arrive over a websocket
(:mod:`bot.adapters.slack_socket`), go to the same inbox before they are acknowledged, and
are processed from there exactly as in HTTP mode.

A form started by a slash command or a button opens as a modal with the request's trigger
(:mod:`bot.adapters.slack_modal`); a modal's submission is the one request handled before
it is acknowledged, because the acknowledgement carries the answer
(:mod:`bot.adapters.slack_forms`).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
from collections.abc import Coroutine
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.parts import OnPart, PartPlan
from bot.adapters.slack_blocks import USER_REFERENCE, decode_action, incoming_text
from bot.adapters.slack_errors import to_delivery_error
from bot.adapters.slack_forms import SubmittedForms
from bot.adapters.slack_home import build_home_view
from bot.adapters.slack_modal import fields_view
from bot.adapters.slack_outbound import ReplyTarget, SlackOutbound, read_target, write_target
from bot.adapters.slack_receive import UnreadableBody, parse_body, request_key, sender_key
from bot.adapters.slack_socket import SocketReceiver
from bot.adapters.slack_verify import RequestVerifier
from bot.i18n import normalize_language, t
from bot.inbox import InboxRunner
from bot.models import ChatKind, Identity, Incoming, Outgoing, Platform
from storage import StoreUnavailable
from storage.updates import InboxRow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
SLASH_COMMAND = "/knotenpunkt"  # as in deploy/slack-manifest.yaml
DEFAULT_API_URL = "https://slack.com/api/"
# The bot left, was removed from, or lost a channel: its bindings stop receiving.
GONE_EVENTS = (
    "member_left_channel",
    "channel_left",
    "group_left",
    "channel_archive",
    "group_archive",
    "channel_deleted",
)
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_BOLT_ONLY = ("url_verification", "ssl_check")  # answered by bolt at once, nothing stored
# The inbox row being handled: the core marks it done in its transaction.
_current_update: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "slack_update", default=None
)
# A full or busy store met while that row ran: bolt keeps a listener's exception to itself,
# so the listener leaves it here and the row stays unfinished for another try.
_store_refusal: contextvars.ContextVar[list[StoreUnavailable] | None] = contextvars.ContextVar(
    "slack_store_refusal", default=None
)


def _bolt_request(body: dict[str, Any]) -> AsyncBoltRequest:
    """A body we verified and parsed, handed to bolt as is (its "socket_mode" form)."""
    return AsyncBoltRequest(body=body, mode="socket_mode")


def api_base_url(url: str | None) -> str:
    """slack_sdk joins method names onto ``base_url``, which must end with a slash."""
    url = url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def _answered_now(body: dict[str, Any]) -> bool:
    """A request whose HTTP response carries the answer: handled before it is acked."""
    return body.get("type") == "view_submission"


def is_dm(channel: str) -> bool:
    return channel.startswith("D")


def _from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Bots (us included), edits, deletions and joins are not someone talking to us."""
    user = event.get("user")
    return bool(
        event.get("bot_id")
        or event.get("subtype")
        or not user
        or (bot_user_id is not None and user == bot_user_id)
    )


class SlackAdapter:
    platform = Platform.SLACK

    def __init__(self, services: Services) -> None:
        settings = services.settings
        self.settings = settings
        self.core = services.core
        self.services = services
        self.store = services.store
        self.client = AsyncWebClient(
            token=settings.slack_bot_token, base_url=api_base_url(settings.slack_api_url)
        )
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.slack_signing_secret,
            # listeners run inside the inbox runner's turn, so bolt awaits them
            process_before_response=True,
            logger=logging.getLogger("bot.adapters.slack.bolt"),
        )
        self.out = SlackOutbound(self.client)
        self.verifier = RequestVerifier(
            settings.slack_signing_secret or "", services.store.seen_signatures
        )
        self.metrics = services.metrics
        self.mode = "socket" if settings.slack_app_token else "http"
        self.inbox = InboxRunner(services.store, self.platform.value, self._on_row)
        self.socket: SocketReceiver | None = None
        self.forms = SubmittedForms(services, self.out, self, SLASH_COMMAND + " ")
        self._register_listeners()
        if self.mode == "http":
            if services.http is None:
                raise RuntimeError("Slack HTTP events mode needs the HTTP server")
            # added now: the HTTP server starts before adapters do
            services.http.add_route("POST", EVENTS_PATH, self.handle_http)

    # lifecycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        try:
            identity = await self.client.auth_test()
            log.info("Slack: connected as %s in %s", identity.get("user"), identity.get("team"))
            # the check-in page links to the DM with the bot (slack://user?team=..&id=..)
            self.settings.slack_team_id = self.settings.slack_team_id or identity.get("team_id")
            self.settings.slack_bot_user_id = self.settings.slack_bot_user_id or identity.get(
                "user_id"
            )
        except Exception as exc:  # Slack may be down now and fine later; bolt retries
            log.error("Slack: auth.test failed (%s); check KNOTENPUNKT_SLACK_BOT_TOKEN", exc)
        await self.inbox.resume()  # stored before a crash, not yet handled: first
        if self.mode == "socket":
            self.socket = SocketReceiver(
                self.settings.slack_app_token or "", self.client, self.inbox, self.answer_now
            )
            await self.socket.connect()
            log.info("Slack: Socket Mode connected")
        else:
            log.info("Slack: receiving events at %s", EVENTS_PATH)

    async def health(self) -> dict[str, object]:
        """HTTP mode: the route is served with the server. Socket Mode: connected now."""
        if self.mode == "http":
            return {"ok": True, "mode": "http", "busy": self.inbox.busy}
        connected = self.socket is not None and await self.socket.connected()
        return {"ok": connected, "mode": "socket", "connected": connected}

    async def stop_receiving(self) -> None:
        """Close Socket Mode and finish the requests taken (HTTP mode: the server answers
        503 meanwhile); sending still works."""
        if self.socket is not None:
            await self.socket.close()
            self.socket = None
        await self.inbox.stop(within=5.0)
        await self.forms.idle(within=5.0)

    async def stop(self) -> None:
        await self.stop_receiving()

    async def idle(self, within: float = 10.0) -> None:
        """Wait until every request taken so far has been handled (tests, shutdown)."""
        await self.inbox.idle(within)
        await self.forms.idle(within)

    async def send(
        self,
        chat_id: str,
        chat_kind: ChatKind,
        message: Outgoing,
        *,
        reply_target: str | None = None,
        direct: bool = False,
        start_part: int = 0,
        on_part: OnPart | None = None,
    ) -> None:
        """An outbox row: an answer goes where its request asked for (the pressed message,
        only to the person, through a slash command's response URL), anything else is
        posted; part by part from ``start_part`` on, each part after the first waiting for
        the channel's limit; failures are translated for the outbox."""
        limiter = self.services.worker.limiter

        async def pace() -> None:
            await limiter.next_part("slack", chat_kind, chat_id, holding=not direct)

        def gate() -> AbstractAsyncContextManager[None]:  # a reply counts in the limits
            return limiter.direct("slack", chat_kind, chat_id)

        plan = PartPlan(start_part, on_part, pace, gate if direct else None)
        try:
            if reply_target and await self._opened_as_modal(message, reply_target):
                return
            if reply_target:
                target = read_target(reply_target)
                lang = await self._lang(target.user, None)
                await self.out.deliver(message, target, lang, plan)
            else:
                await self.out.post(chat_id, message, plan)
        except Exception as exc:
            raise to_delivery_error(exc) from exc

    async def _opened_as_modal(self, message: Outgoing, reply_target: str) -> bool:
        """A form answering a slash command or a click opens as a modal, first thing (the
        trigger lives 3 seconds). False when it cannot: the message goes out as text,
        with its button that opens the form with a fresh trigger."""
        if message.form is None or message.form.preview is not None:
            return False
        trigger = read_target(reply_target).trigger_id
        if not trigger:
            return False
        return await self.out.open_modal(trigger, fields_view(message.form))

    async def handle_http(self, request: web.Request) -> web.Response:
        """Events, slash commands and clicks: verify, parse, store, then acknowledge.
        A modal's submission is the exception: its answer is the response (errors next to
        the fields, the preview), so it is handled before the ack
        (:mod:`bot.adapters.slack_forms`)."""
        raw = await request.read()
        refusal = await self.verifier.refusal(request.headers, raw)
        if refusal is not None:
            log.warning("slack: request refused (%s) from %s", refusal, request.remote)
            return web.Response(status=401, text="unauthorized")
        try:
            body = parse_body(raw, request.content_type)
        except UnreadableBody as exc:
            log.warning("slack: unreadable request body (%s) from %s", exc, request.remote)
            return web.Response(status=400, text="bad request")
        if body.get("type") in _BOLT_ONLY or body.get("ssl_check") or _answered_now(body):
            return await to_aiohttp_response(await self.app.async_dispatch(_bolt_request(body)))
        key = request_key(body, request.headers.get("X-Slack-Signature", ""))
        try:
            if not await self.inbox.accept(key, sender_key(body, key), json.dumps(body)):
                log.info("slack: request %s received twice; skipped", key)
        except StoreUnavailable as exc:
            log.warning("slack: request %s refused for now: %s", key, exc)
            return await self._refused_for_now(body)
        return web.Response(status=200)  # the ack: empty, so nothing is posted in public

    async def _refused_for_now(self, body: dict[str, Any]) -> web.Response:
        """The store could not take the request. Slack sends an event again after a 503,
        and shows a click that failed; a slash command is never sent again, so its ack
        carries the apology (seen only by the person who typed it)."""
        user = body.get("user_id")
        if not body.get("command") or not isinstance(user, str):
            return web.Response(status=503, text="store unavailable")
        text = t(await self._lang(user, None), "error.store_unavailable_retry")
        return web.json_response({"response_type": "ephemeral", "text": text})

    async def _on_row(self, row: InboxRow) -> None:
        """A stored request: bolt's listeners run it now, within this runner's turn."""
        token = _current_update.set(row.update_id)
        refusal: list[StoreUnavailable] = []
        refusal_token = _store_refusal.set(refusal)
        try:
            response = await self.app.async_dispatch(_bolt_request(json.loads(row.payload)))
            if response.status >= 400 and not refusal:
                log.warning("slack: stored request %s matched no listener", row.update_id)
        finally:
            _store_refusal.reset(refusal_token)
            _current_update.reset(token)
        if refusal:  # the inbox runner tries the row again later
            raise refusal[0]

    # listeners (run from the inbox: each acks bolt, then does the work) --------------------

    def _register_listeners(self) -> None:
        app = self.app
        app.event("message")(self._on_message)
        app.event("app_mention")(self._on_mention)
        app.event("app_home_opened")(self._on_home_opened)
        for name in GONE_EVENTS:
            app.event(name)(self._on_gone)
        app.event("channel_id_changed")(self._on_channel_id_changed)
        app.command(re.compile(r"^/.+"))(self._on_command)
        app.action(re.compile(r".+"))(self._on_action)
        app.view(re.compile(r".+"))(self.forms)

    async def _on_message(self, body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
        if event.get("channel_type") != "im" or _from_bot(event, context.bot_user_id):
            return
        user, channel = event["user"], event["channel"]
        fields = {
            "text": await self._read_text(event.get("text") or ""),
            "bare_commands": True,
            "message_id": event.get("ts"),
            "update_id": body.get("event_id"),
        }
        await self._process(fields, ReplyTarget(channel, user, ChatKind.PRIVATE))

    async def _on_mention(self, body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
        """``@Knotenpunkt bind Wasserstoff`` in a channel works like the slash command."""
        if _from_bot(event, context.bot_user_id):
            return
        user, channel = event["user"], event["channel"]
        text = (await self._read_text(_MENTION.sub("", event.get("text") or ""))).strip()
        kind = ChatKind.PRIVATE if is_dm(channel) else ChatKind.GROUP
        fields = {
            "text": text,
            "bare_commands": True,
            "message_id": event.get("ts"),
            "update_id": body.get("event_id"),
        }
        await self._process(fields, ReplyTarget(channel, user, kind))

    async def _on_command(self, ack: Any, command: dict[str, Any]) -> None:
        await ack()
        user, channel = command["user_id"], command["channel_id"]
        words = (await self._read_text(command.get("text") or "")).strip().lstrip("/")
        fields: dict[str, Any] = {"text": f"/{words}" if words else "/help"}
        group = not is_dm(channel)
        target = ReplyTarget(
            channel,
            user,
            ChatKind.GROUP if group else ChatKind.PRIVATE,
            response_url=command.get("response_url"),
            ephemeral=group,  # in a channel only the person who typed it sees the answer
        )
        fields["direct"] = True  # an unknown subcommand is ours too: say so
        target.trigger_id = command.get("trigger_id")
        fields["form_trigger"] = bool(target.trigger_id)
        if target.kind == ChatKind.GROUP:
            fields["chat_title"] = command.get("channel_name")
        await self._process(fields, target, private_dm=True)

    async def _on_action(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        decoded = decode_action(action)
        if decoded is None:
            return
        user = body["user"]["id"]
        container = body.get("container") or {}
        if (body.get("view") or {}).get("type") == "home":
            target = ReplyTarget("", user, ChatKind.PRIVATE, home=True)
        else:
            channel = (body.get("channel") or {}).get("id") or container.get("channel_id", "")
            group = not is_dm(channel)
            ts = None if container.get("is_ephemeral") else container.get("message_ts")
            kind = ChatKind.GROUP if group else ChatKind.PRIVATE
            target = ReplyTarget(channel, user, kind, message_ts=ts, ephemeral=group)
        target.trigger_id = body.get("trigger_id")
        fields = {
            "action": decoded[0],
            "action_arg": decoded[1],
            "message_id": target.message_ts,
            "form_trigger": bool(target.trigger_id),
        }
        await self._process(fields, target, private_dm=target.home)

    async def answer_now(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """Socket Mode: run a request whose acknowledgement carries the answer; its
        payload (None: acknowledge empty), or raise when it failed (no ack)."""
        response = await self.app.async_dispatch(_bolt_request(body))
        if response.status >= 400:
            raise RuntimeError(f"slack: request answered {response.status}")
        return json.loads(response.body) if response.body.startswith("{") else None

    async def _on_home_opened(self, event: dict[str, Any]) -> None:
        if event.get("tab") == "home" and event.get("user"):
            await self._safely(self.publish_home(event["user"]))

    async def _on_gone(self, event: dict[str, Any], context: Any) -> None:
        if event.get("type") == "member_left_channel" and event.get("user") != context.bot_user_id:
            return
        channel = event.get("channel")
        channel = channel.get("id") if isinstance(channel, dict) else channel
        if channel:
            await self._safely(self.core.removed_from_chat(Platform.SLACK.value, channel))

    async def _on_channel_id_changed(self, event: dict[str, Any]) -> None:
        old, new = event.get("old_channel_id"), event.get("new_channel_id")
        if old and new:
            await self._safely(self.core.chat_migrated(Platform.SLACK.value, old, new))

    # the work after the ack ---------------------------------------------------------------

    async def _safely(self, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("slack: background work failed")

    async def _process(
        self, fields: dict[str, Any], target: ReplyTarget, private_dm: bool = False
    ) -> None:
        """Hand one request to the core and deliver its answers; apologise if that fails.

        ``private_dm``: answers for a private chat go to the bot's DM with the person (the
        chat id identities are stored with), wherever the request came from.
        """
        dm = private_dm and target.kind == ChatKind.PRIVATE
        # both lookups at once: a modal must open within the trigger's 3 seconds
        opening = asyncio.ensure_future(self.out.dm_channel(target.user)) if dm else None
        person = await self.out.person(target.user)
        try:
            if opening is not None:
                target.channel = await opening
            if target.kind == ChatKind.GROUP and not fields.get("chat_title"):
                fields["chat_title"] = await self.out.channel_name(target.channel)
            if _current_update.get() is not None:  # done in the core's transaction
                fields["update_id"] = _current_update.get()
            fields.setdefault("command_prefix", SLASH_COMMAND + " ")
            fields["reply_target"] = write_target(target)
            incoming = Incoming(
                platform=Platform.SLACK,
                chat_id=target.channel,
                chat_kind=target.kind,
                sender=Identity(
                    platform=Platform.SLACK, user_id=target.user, display_name=person.display_name
                ),
                language_hint=person.locale,
                **fields,
            )
            await self.core.handle(incoming, via=self)  # answered through self.send
            if target.home:
                await self.publish_home(target.user)
        except StoreUnavailable as exc:
            await self._store_refused(exc, target, person.locale)
        except Exception:
            log.exception("slack: handling a request from %s failed", target.user)
            try:
                await self.out.apologise(target, await self._lang(target.user, person.locale))
            except Exception as exc:
                log.error("slack: could not even apologise to %s: %s", target.user, exc)

    async def _store_refused(
        self, exc: StoreUnavailable, target: ReplyTarget, locale: str | None
    ) -> None:
        """Nothing was kept. A stored request waits in the inbox for another try, and its
        sender hears that once; without a row (Socket Mode) they are asked to try again."""
        row, refusal = _current_update.get(), _store_refusal.get()
        key = "error.store_unavailable_retry"
        if row is not None and refusal is not None:
            refusal.append(exc)
            if not self.inbox.first_apology(row):
                return
            key = "error.store_unavailable"
        try:
            await self.out.apologise(target, await self._lang(target.user, locale), key)
        except Exception as problem:
            log.warning("slack: could not apologise to %s: %s", target.user, problem)

    async def _read_text(self, raw: str) -> str:
        """Slack's text as the person typed it, a mentioned person by their name."""
        names = {}
        for user in set(USER_REFERENCE.findall(raw)):
            name = (await self.out.person(user)).display_name
            if name:
                names[user] = name
        return incoming_text(raw, names)

    async def _lang(self, user: str, locale: str | None) -> str:
        """The member's language, else their Slack locale's, else the network's."""
        try:
            member = await self.store.members.find_by_identity(Platform.SLACK.value, user)
        except StoreUnavailable:
            member = None
        return member.language if member else normalize_language(locale, self.settings.language)

    async def publish_home(self, user: str) -> None:
        """Render the App Home tab from the store and publish it."""
        member = await self.store.members.find_by_identity(Platform.SLACK.value, user)
        lang = await self._lang(user, None if member else (await self.out.person(user)).locale)
        view = await build_home_view(self.store, self.settings, member, lang)
        await self.out.publish_home(user, view)
