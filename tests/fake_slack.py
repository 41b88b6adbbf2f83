"""A fake Slack Web API on 127.0.0.1 for the real AsyncWebClient to talk to.

Answers like Slack (``{"ok": true, ...}`` / ``{"ok": false, "error": ...}``), records every
call, keeps the messages it was sent (so tests can press their buttons), and can be told
to fail a method: HTTP 429 with Retry-After, or an error such as ``channel_not_found``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_TOKEN = "xoxb-fake-token"
APP_TOKEN = "xapp-fake-token"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0FAKE"
# What auth.test reports in its x-oauth-scopes header unless a test says otherwise.
ALL_SCOPES = ("app_mentions:read", "chat:write", "commands", "files:write", "im:history",
              "im:read", "im:write", "users:read", "channels:read", "groups:read")  # fmt: skip


@dataclass
class Call:
    method: str
    args: dict[str, Any]


@dataclass
class Failure:
    error: str
    status: int = 200
    retry_after: int | None = None


@dataclass
class Message:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    user: str | None = None  # set for ephemeral messages

    def buttons(self) -> list[dict[str, Any]]:
        found = []
        for block in self.blocks:
            if block.get("type") == "actions":
                found += block["elements"]
            if block.get("accessory", {}).get("type") == "button":
                found.append(block["accessory"])
        return found

    def all_text(self) -> str:
        parts = [self.text]
        for block in self.blocks:
            if "text" in block and isinstance(block["text"], dict):
                parts.append(block["text"]["text"])
        return "\n".join(parts)


@dataclass
class FakeSlack:
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # posts to response_url
    uploads: dict[str, bytes] = field(default_factory=dict)
    views: dict[str, dict[str, Any]] = field(default_factory=dict)  # published Home per user
    modals: list[dict[str, Any]] = field(default_factory=list)  # views.open / views.update
    triggers: dict[str, float] = field(default_factory=dict)  # trigger id -> issued at
    delays: dict[str, float] = field(default_factory=dict)
    _failures: dict[str, deque[Failure]] = field(default_factory=lambda: defaultdict(deque))
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    socket_acks: list[dict[str, Any]] = field(default_factory=list)  # Socket Mode answers
    on_socket_ack: Callable[[dict[str, Any]], None] | None = None  # called as each arrives
    scopes: list[str] = field(default_factory=lambda: list(ALL_SCOPES))  # granted to the app
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    port: int = 0

    # set-up -------------------------------------------------------------------------------

    def add_user(self, user_id: str, name: str = "", locale: str = "de-DE") -> None:
        self.users[user_id] = {"name": name or user_id.lower(), "locale": locale}

    def add_channel(self, channel_id: str, name: str, is_member: bool = True) -> None:
        self.channels[channel_id] = {"name": name, "is_member": is_member}

    def fail(self, method: str, error: str, times: int = 1, status: int = 200) -> None:
        for _ in range(times):
            self._failures[method].append(Failure(error, status))

    def rate_limit(self, method: str, retry_after: int, times: int = 1) -> None:
        for _ in range(times):
            self._failures[method].append(Failure("ratelimited", 429, retry_after))

    @staticmethod
    def dm(user_id: str) -> str:
        return "D" + user_id

    # inspection ---------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [c.args for c in self.calls if c.method == method]

    def messages_in(self, channel: str) -> list[Message]:
        return [m for m in self.messages if m.channel == channel]

    def last_in(self, channel: str) -> Message:
        found = self.messages_in(channel)
        assert found, f"nothing posted in {channel}; calls: {[c.method for c in self.calls]}"
        return found[-1]

    # server -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_post("/response/{hook}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(dict(await request.post()))
        for key in ("blocks", "view", "files"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._args(request)
        self.calls.append(Call(method, args))
        if method in self.delays:
            await asyncio.sleep(self.delays[method])
        expected = APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN
        if request.headers.get("Authorization") != f"Bearer {expected}":
            return _error("invalid_auth")
        if self._failures[method]:
            failure = self._failures[method].popleft()
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            return _error(failure.error, failure.status, headers)
        handler = getattr(self, "_" + method.replace(".", "_"), None)
        if handler is None:
            return _error("unknown_method")
        response = web.json_response(await handler(args))
        if method == "auth.test":  # as Slack does: the scopes the token was granted
            response.headers["x-oauth-scopes"] = ",".join(self.scopes)
        return response

    # methods ------------------------------------------------------------------------------

    async def _auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://fake.slack.com/",
            "team": "Fake Network",
            "user": "knotenpunkt",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _channel_error(self, channel: str) -> str | None:
        if channel.startswith("D"):
            return None if channel[1:] in self.users else "channel_not_found"
        if channel not in self.channels:
            return "channel_not_found"
        return None if self.channels[channel]["is_member"] else "not_in_channel"

    def _store(self, args: dict[str, Any], user: str | None = None) -> Message:
        ts = f"1700000000.{next(self._ts):06d}"
        message = Message(args["channel"], ts, args.get("text", ""), args.get("blocks") or [], user)
        self.messages.append(message)
        return message

    async def _chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        problem = self._channel_error(args.get("channel", "")) or _blocks_error(args)
        if problem:
            return {"ok": False, "error": problem}
        message = self._store(args)
        return {
            "ok": True,
            "channel": message.channel,
            "ts": message.ts,
            "message": {"type": "message", "text": message.text, "ts": message.ts},
        }

    async def _chat_postEphemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        problem = self._channel_error(args.get("channel", ""))
        if problem:
            return {"ok": False, "error": problem}
        return {"ok": True, "message_ts": self._store(args, user=args["user"]).ts}

    async def _chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        if problem := _blocks_error(args):
            return {"ok": False, "error": problem}
        for message in self.messages:
            if message.channel == args.get("channel") and message.ts == args.get("ts"):
                message.text = args.get("text", message.text)
                message.blocks = args.get("blocks", message.blocks)
                return {"ok": True, "channel": message.channel, "ts": message.ts}
        return {"ok": False, "error": "message_not_found"}

    async def _conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("users", ""))
        if user not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "channel": {"id": self.dm(user)}}

    async def _conversations_info(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = self.channels.get(args.get("channel", ""))
        if channel is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {"id": args["channel"], "is_channel": True, **channel}}

    async def _users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user_id = args.get("user", "")
        user = self.users.get(user_id)
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        data = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": user["name"],
            "real_name": user["name"].title(),
            "is_bot": False,
            "profile": {"display_name": user["name"], "real_name": user["name"].title()},
        }
        if str(args.get("include_locale")).lower() in ("1", "true"):
            data["locale"] = user["locale"]
        return {"ok": True, "user": data}

    async def _views_publish(self, args: dict[str, Any]) -> dict[str, Any]:
        self.views[args["user_id"]] = args["view"]
        return {"ok": True, "view": {"id": "V" + args["user_id"], **args["view"]}}

    def trigger(self) -> str:
        """A new trigger id, valid for 3 seconds as Slack's are."""
        trigger_id = f"trigger.{next(self._ts)}"
        self.triggers[trigger_id] = time.monotonic()
        return trigger_id

    async def _views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        """Opens a modal with a trigger issued in the last 3 seconds (unknown triggers, from
        tests that make their own, count as fresh); refuses views over Slack's limits."""
        issued = self.triggers.get(str(args.get("trigger_id")))
        if not args.get("trigger_id") or (issued and time.monotonic() - issued > 3.0):
            return {"ok": False, "error": "expired_trigger_id"}
        view = args.get("view") or {}
        if problem := modal_error(view):
            return {"ok": False, "error": "invalid_arguments", "response_metadata": problem}
        self.modals.append(view)
        return {"ok": True, "view": {"id": f"V{len(self.modals)}", **view}}

    async def _views_update(self, args: dict[str, Any]) -> dict[str, Any]:
        view = args.get("view") or {}
        if problem := modal_error(view):
            return {"ok": False, "error": "invalid_arguments", "response_metadata": problem}
        self.modals.append(view)
        return {"ok": True, "view": {"id": args.get("view_id", "V0"), **view}}

    async def _files_getUploadURLExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{next(self._ts):05d}"
        return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}

    async def _files_completeUploadExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        files = [{"id": f["id"], "title": f.get("title")} for f in args.get("files", [])]
        return {"ok": True, "files": files}

    async def _apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads[request.match_info["file_id"]] = await request.read()
        return web.Response(text="OK - uploaded")

    async def _response_url(self, request: web.Request) -> web.Response:
        self.responses.append(await request.json())
        return web.Response(text="ok")

    # Socket Mode ---------------------------------------------------------------------------

    async def socket_connected(self, within: float = 5.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not self._sockets:
            assert loop.time() < deadline, "the app did not open a Socket Mode connection"
            await asyncio.sleep(0.01)

    async def socket_send(self, envelope: dict[str, Any]) -> None:
        """Push an envelope (events_api, slash_commands, interactive) to the app."""
        await self.socket_connected()
        await self._sockets[-1].send_json(envelope)

    async def socket_acked(self, envelope_ids: list[str], within: float = 5.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not set(envelope_ids) <= {ack.get("envelope_id") for ack in self.socket_acks}:
            assert loop.time() < deadline, f"not acknowledged in time: {envelope_ids}"
            await asyncio.sleep(0.01)

    def socket_dm(
        self, user: str, text: str, event_id: str, envelope_id: str, retry_attempt: int = 0
    ) -> dict[str, Any]:
        """An events_api envelope: a direct message; a retry keeps the event id."""
        event = {
            "type": "message",
            "channel": self.dm(user),
            "user": user,
            "text": text,
            "ts": f"1700000300.{next(self._ts):06d}",
            "channel_type": "im",
        }
        payload = {
            "team_id": TEAM_ID,
            "api_app_id": "A0FAKE",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "event": event,
        }
        return {
            "envelope_id": envelope_id,
            "type": "events_api",
            "accepts_response_payload": False,
            "retry_attempt": retry_attempt,
            "retry_reason": "timeout" if retry_attempt else "",
            "payload": payload,
        }

    def socket_command(self, user: str, text: str, envelope_id: str) -> dict[str, Any]:
        """A slash_commands envelope: ``/knotenpunkt <text>`` in the person's DM."""
        payload = {
            "team_id": TEAM_ID,
            "team_domain": "fake",
            "channel_id": self.dm(user),
            "channel_name": "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/knotenpunkt",
            "text": text,
            "api_app_id": "A0FAKE",
            "response_url": f"{self.url}/response/{next(self._ts)}",
            "trigger_id": self.trigger(),
        }
        return {
            "envelope_id": envelope_id,
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": payload,
        }

    def socket_click(
        self, user: str, message: Message, label: str, envelope_id: str
    ) -> dict[str, Any]:
        """An interactive envelope: the person presses a button the bot posted."""
        button = next(b for b in message.buttons() if label in b["text"]["text"])
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": "A0FAKE",
            "team": {"id": TEAM_ID, "domain": "fake"},
            "container": {
                "type": "message",
                "message_ts": message.ts,
                "channel_id": message.channel,
                "is_ephemeral": message.user is not None,
            },
            "channel": {"id": message.channel, "name": "directmessage"},
            "trigger_id": self.trigger(),
            "actions": [
                {
                    "type": "button",
                    "action_id": button["action_id"],
                    "block_id": "b1",
                    "text": button["text"],
                    "value": button["value"],
                    "action_ts": str(time.time()),
                }
            ],
        }
        return {
            "envelope_id": envelope_id,
            "type": "interactive",
            "accepts_response_payload": False,
            "payload": payload,
        }

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1})
        try:
            async for frame in socket:
                if frame.type.name == "TEXT":
                    ack = json.loads(frame.data)
                    if self.on_socket_ack is not None:
                        self.on_socket_ack(ack)
                    self.socket_acks.append(ack)
        finally:
            self._sockets.remove(socket)
        return socket


SECTION_LIMIT = 3000  # Slack's documented limit of a section's text
# Slack's documented limits of a modal (views.open, views.update, response_action update)
MODAL_TITLE_LIMIT = 24  # title, submit, close
CALLBACK_ID_LIMIT = 255
PRIVATE_METADATA_LIMIT = 3000
MODAL_BLOCKS_LIMIT = 100
LABEL_LIMIT = 2000  # an input's label and hint
OPTION_TEXT_LIMIT = 75
OPTIONS_LIMIT = 100  # static selects
FEW_OPTIONS_LIMIT = 10  # radio buttons, checkboxes
INPUT_LENGTH_LIMIT = 3000


def modal_error(view: dict[str, Any]) -> list[str]:
    """What Slack would refuse in a modal view: texts, ids and lists over its limits."""
    problems = []

    def over(what: str, text: object, limit: int) -> None:
        if not isinstance(text, str) or not text or len(text) > limit:
            problems.append(f"{what}: {text!r} (limit {limit})")

    if view.get("type") != "modal":
        problems.append("type must be modal")
    over("title", (view.get("title") or {}).get("text"), MODAL_TITLE_LIMIT)
    for key in ("submit", "close"):
        if key in view:
            over(key, view[key].get("text"), MODAL_TITLE_LIMIT)
    if len(view.get("callback_id") or "") > CALLBACK_ID_LIMIT:
        problems.append("callback_id too long")
    if len(view.get("private_metadata") or "") > PRIVATE_METADATA_LIMIT:
        problems.append("private_metadata too long")
    blocks = view.get("blocks") or []
    if not blocks or len(blocks) > MODAL_BLOCKS_LIMIT:
        problems.append(f"{len(blocks)} blocks")
    for block in blocks:
        if block.get("type") == "section":
            over("section", (block.get("text") or {}).get("text"), SECTION_LIMIT)
        if block.get("type") != "input":
            continue
        over("label", block["label"].get("text"), LABEL_LIMIT)
        if "hint" in block:
            over("hint", block["hint"].get("text"), LABEL_LIMIT)
        element = block["element"]
        options = element.get("options")
        if options is not None:
            few = element["type"] in ("radio_buttons", "checkboxes")
            if not options or len(options) > (FEW_OPTIONS_LIMIT if few else OPTIONS_LIMIT):
                problems.append(f"{len(options)} options in {element['type']}")
            for option in options:
                over("option", option["text"].get("text"), OPTION_TEXT_LIMIT)
        if element.get("max_length", 0) > INPUT_LENGTH_LIMIT:
            problems.append("max_length over 3000")
    return problems


def _blocks_error(args: dict[str, Any]) -> str | None:
    """What Slack answers to blocks over its documented limits (as the real API does)."""
    for block in args.get("blocks") or []:
        text = (block.get("text") or {}).get("text", "")
        if block.get("type") == "section" and len(text) > SECTION_LIMIT:
            return "invalid_blocks"
    return None


def _error(error: str, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"ok": False, "error": error}, status=status, headers=headers)
