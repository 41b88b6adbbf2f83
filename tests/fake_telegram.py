"""A fake Telegram Bot API server for the tests (the harness is in fake_telegram_harness.py).

The fake speaks the Bot API's HTTP shape (``/bot<token>/<method>``, form or multipart in,
``{"ok": ..., "result": ...}`` out), keeps the messages the bot sent so that a test can press
their buttons, records every call, and answers a method with an error when told to.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token"
SECRET_HEADER_NAME = "X-Telegram-Bot-Api-Secret-Token"  # what Telegram sends with webhooks
BOT_ID = 999
FLOOD_METHODS = {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}
JSON_FIELDS = {"reply_markup", "commands", "scope", "allowed_updates", "link_preview_options"}
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
             "span", "tg-spoiler", "tg-emoji", "blockquote"}  # fmt: skip
ERRORS = {
    "blocked": (403, "Forbidden: bot was blocked by the user", None),
    "deactivated": (403, "Forbidden: user is deactivated", None),
    "kicked": (403, "Forbidden: bot was kicked from the group chat", None),
    "chat_not_found": (400, "Bad Request: chat not found", None),
    "bad_request": (400, "Bad Request: can't parse entities: something odd", None),
    "unauthorized": (401, "Unauthorized", None),
}


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


class _Plain(HTMLParser):
    """Telegram's HTML mode, strictly: known tags only, properly closed; returns the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            raise ApiError(
                400, f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}"'
            )
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            raise ApiError(400, f'Bad Request: can\'t parse entities: Unexpected end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def plain_text(text: str, parse_mode: str | None) -> str:
    if parse_mode != "HTML":
        return text
    parser = _Plain()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise ApiError(400, "Bad Request: can't parse entities: Can't find end tag")
    return "".join(parser.text)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]
    at: float


@dataclass
class BotMessage:
    """A message the bot sent (a snapshot is recorded for every send and edit)."""

    chat_id: int
    message_id: int
    html: str
    text: str
    reply_markup: dict[str, Any] | None = None
    document: tuple[str, bytes] | None = None
    edited: bool = False
    silent: bool = False  # sent with disable_notification (no sound)

    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]


@dataclass
class Failure:
    method: str
    status: int
    description: str
    parameters: dict[str, Any] | None
    chat_id: str | None
    times: int


@dataclass
class FakeTelegram:
    token: str = TOKEN
    username: str = "KnotenpunktTestBot"
    calls: list[Call] = field(default_factory=list)
    sent: list[BotMessage] = field(default_factory=list)  # sends and edits, in order
    menus: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    migrated: dict[str, int] = field(default_factory=dict)
    refused: list[tuple[str, int]] = field(default_factory=list)  # (method, status) answered
    delays: dict[str, float] = field(default_factory=dict)  # method -> seconds before answering
    webhook_error: str | None = None  # getWebhookInfo's last_error_message
    port: int = 0
    # Optional: enforce Telegram's flood limits like the real server (429 + retry_after).
    flood_limits: bool = False
    flood_rate: int = 30  # sends accepted in any sliding one-second window, all chats
    flood_chat_interval: float = 1.0  # seconds between two sends to one chat
    flood_group_per_minute: int = 20  # sends accepted in any sliding minute, per group
    flood_violations: int = 0
    send_delay: float = 0.0  # a slow API: sendMessage answers after this many seconds

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._next_update = 1000
        self._next_message = 1
        self._messages: dict[tuple[int, int], BotMessage] = {}
        self._failures: list[Failure] = []
        self._arrived = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._accepted: deque[float] = deque()  # arrival of sends let through, last second
        self._last_in_chat: dict[str, float] = {}
        self._group_minute: dict[str, deque[float]] = {}  # a group's sends, last minute
        self._holds: dict[tuple[str, str], asyncio.Event] = {}  # (method, chat) -> gate
        self._dropped: list[asyncio.Event] = []  # gates whose held calls never arrive

    # server ---------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        self._arrived.set()
        for gate in self._holds.values():  # answer held calls, so the server can stop
            gate.set()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[name] = (value.filename, value.file.read())
            else:
                params[name] = json.loads(value) if name in JSON_FIELDS else value
        self.calls.append(Call(method, params, files, time.monotonic()))
        if method in self.delays:
            await asyncio.sleep(self.delays[method])
        gate = self._holds.get((method, str(params.get("chat_id"))))
        if gate is not None:
            await gate.wait()
            if gate in self._dropped:  # the caller died while waiting: nothing arrived
                return _error(ApiError(502, "Bad Gateway"))
        try:
            self._check_flood(method, params)
            self._maybe_fail(method, params)
            handler = getattr(self, f"api_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params, files)
        except ApiError as exc:
            return _error(exc)
        return web.json_response({"ok": True, "result": result})

    def fail(
        self,
        method: str,
        kind: str = "blocked",
        *,
        chat_id: object = None,
        times: int = 1,
        retry_after: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (to ``chat_id``) with an error."""
        parameters = None
        if kind == "retry_after":
            status, text = 429, f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
        elif kind == "network":
            status, text = 502, "Bad Gateway"
        else:
            status, text, parameters = ERRORS[kind]
        chat = None if chat_id is None else str(chat_id)
        self._failures.append(Failure(method, status, text, parameters, chat, times))

    def drop(self, gate: asyncio.Event) -> None:
        """End the calls held by ``gate`` as if their caller had died: none of them arrives
        (no message is stored), and later calls to those chats are no longer held."""
        self._dropped.append(gate)
        for key in [k for k, held in self._holds.items() if held is gate]:
            del self._holds[key]
        gate.set()

    def hold(self, method: str, chat_ids: Iterable[object]) -> asyncio.Event:
        """Calls of ``method`` to these chats arrive (and are recorded) but are answered only
        once the returned event is set, with whatever failure is queued then: sends caught in
        flight."""
        gate = asyncio.Event()
        for chat in chat_ids:
            self._holds[(method, str(chat))] = gate
        return gate

    def _check_flood(self, method: str, params: dict[str, Any]) -> None:
        """Telegram's limits: 30 sends in any second overall, one per second per chat and
        20 in any minute per group; a refusal says when the next send would be accepted."""
        if not self.flood_limits or method not in FLOOD_METHODS:
            return
        now = time.monotonic()
        while self._accepted and self._accepted[0] <= now - 1.0:
            self._accepted.popleft()
        chat = str(params.get("chat_id"))
        waits = [0.0]
        if len(self._accepted) >= self.flood_rate:
            waits.append(self._accepted[0] + 1.0 - now)
        last = self._last_in_chat.get(chat)
        if last is not None and now - last < self.flood_chat_interval:
            waits.append(last + self.flood_chat_interval - now)
        minute = self._group_minute.setdefault(chat, deque()) if chat.startswith("-") else None
        if minute is not None:
            while minute and minute[0] <= now - 60.0:
                minute.popleft()
            if len(minute) >= self.flood_group_per_minute:
                waits.append(minute[0] + 60.0 - now)
        if max(waits) > 0:
            self.flood_violations += 1
            self.refused.append((method, 429))
            retry_after = max(1, math.ceil(max(waits)))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        self._accepted.append(now)
        self._last_in_chat[chat] = now
        if minute is not None:
            minute.append(now)

    def _maybe_fail(self, method: str, params: dict[str, Any]) -> None:
        chat = str(params.get("chat_id"))
        if chat in self.migrated and method.startswith("send"):
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[chat]},
            )
        for failure in self._failures:
            if failure.method == method and failure.chat_id in (None, chat):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                self.refused.append((method, failure.status))
                raise ApiError(failure.status, failure.description, failure.parameters)

    # Bot API methods ------------------------------------------------------------------

    async def api_getme(self, params: dict[str, Any], files: object) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Knotenpunkt",
                "username": self.username, "can_join_groups": True,
                "can_read_all_group_messages": False, "supports_inline_queries": False}  # fmt: skip

    async def api_getupdates(self, params: dict[str, Any], files: object) -> list[dict[str, Any]]:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates:
            self._arrived.clear()
            timeout = min(float(params.get("timeout") or 0), 5.0)
            try:
                await asyncio.wait_for(self._arrived.wait(), timeout)
            except TimeoutError:
                return []
        return list(self._updates[: int(params.get("limit") or 100)])

    async def api_sendmessage(self, params: dict[str, Any], files: object) -> dict[str, Any]:
        text = plain_text(params.get("text", ""), params.get("parse_mode"))
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        stored = self._store(params, params["text"], text, None)
        if self.send_delay:  # a slow API: the message is there, the answer takes a while
            await asyncio.sleep(self.send_delay)
        return stored

    async def api_senddocument(
        self, params: dict[str, Any], files: dict[str, Any]
    ) -> dict[str, Any]:
        if "document" not in files:
            raise ApiError(400, "Bad Request: there is no document in the request")
        caption = params.get("caption", "")
        text = plain_text(caption, params.get("parse_mode"))
        return self._store(params, caption, text, files["document"])

    async def api_editmessagetext(self, params: dict[str, Any], files: object) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        old = self._messages.get(key)
        if old is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        if old.html == params["text"] and old.reply_markup == markup:
            raise ApiError(400, "Bad Request: message is not modified: specified new message "
                           "content and reply markup are exactly the same")  # fmt: skip
        text = plain_text(params["text"], params.get("parse_mode"))
        new = BotMessage(key[0], key[1], params["text"], text, markup, edited=True)
        self._messages[key] = new
        self.sent.append(new)
        return _message_json(new)

    async def api_answercallbackquery(self, params: dict[str, Any], files: object) -> bool:
        return True

    async def api_setmycommands(self, params: dict[str, Any], files: object) -> bool:
        scope = json.dumps(params.get("scope", {"type": "default"}), sort_keys=True)
        self.menus[(scope, params.get("language_code", ""))] = params["commands"]
        return True

    async def api_deletemycommands(self, params: dict[str, Any], files: object) -> bool:
        scope = json.dumps(params.get("scope", {"type": "default"}), sort_keys=True)
        self.menus.pop((scope, params.get("language_code", "")), None)
        return True

    async def api_setwebhook(self, params: dict[str, Any], files: object) -> bool:
        self.webhook = dict(params)
        return True

    async def api_deletewebhook(self, params: dict[str, Any], files: object) -> bool:
        self.webhook = {}
        return True

    async def api_getwebhookinfo(self, params: dict[str, Any], files: object) -> dict[str, Any]:
        info = {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": 0}  # fmt: skip
        if self.webhook_error:
            info.update(last_error_date=int(time.time()) - 60,
                        last_error_message=self.webhook_error)  # fmt: skip
        return info

    async def api_close(self, params: dict[str, Any], files: object) -> bool:
        return True

    api_logout = api_close

    def _store(
        self, params: dict[str, Any], html: str, text: str, document: tuple[str, bytes] | None
    ) -> dict[str, Any]:
        silent = str(params.get("disable_notification")).lower() in ("true", "1")
        message = BotMessage(int(params["chat_id"]), self._next_message, html, text,
                             params.get("reply_markup"), document, silent=silent)  # fmt: skip
        self._next_message += 1
        self._messages[(message.chat_id, message.message_id)] = message
        self.sent.append(message)
        return _message_json(message)

    # what tests use -------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent_to(self, chat_id: int) -> list[BotMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an ``update_id`` is assigned when missing)."""
        if "update_id" not in update:
            update = {"update_id": self._next_update, **update}
            self._next_update += 1
        self._updates.append(update)
        self._arrived.set()
        return update

    def message_update(
        self,
        user: dict[str, Any],
        text: str | None,
        chat: dict[str, Any] | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A message update; ``text=None`` makes a service message (e.g. migrate_to_chat_id)."""
        self._next_message += 1
        message = {"message_id": self._next_message, "date": int(time.time()),
                   "chat": chat or private_chat(user), "from": user, **extra}  # fmt: skip
        if text is not None:
            message["text"] = text
        if text and text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0,
                                    "length": len(text.split()[0])}]  # fmt: skip
        return {"update_id": self._new_update_id(), "message": message}

    def callback_update(
        self, user: dict[str, Any], message: BotMessage, data: str
    ) -> dict[str, Any]:
        query = {"id": f"cb{self._next_update}", "from": user, "chat_instance": "ci",
                 "data": data, "message": _message_json(message)}  # fmt: skip
        return {"update_id": self._new_update_id(), "callback_query": query}

    def find_button(self, chat_id: int, label_part: str) -> tuple[BotMessage, str]:
        """The newest message in the chat with a button whose label contains ``label_part``."""
        current = {(m.chat_id, m.message_id): m for m in self.sent}  # latest edit wins
        for message in reversed(list(current.values())):
            for button in message.buttons() if message.chat_id == chat_id else []:
                if label_part in button["text"]:
                    return message, button["callback_data"]
        raise AssertionError(f"no button {label_part!r} in chat {chat_id}")

    def _new_update_id(self) -> int:
        self._next_update += 1
        return self._next_update


def user(
    user_id: int, first_name: str = "Anna", language_code: str | None = "de"
) -> dict[str, Any]:
    found = {"id": user_id, "is_bot": False, "first_name": first_name}
    return {**found, "language_code": language_code} if language_code else found


def private_chat(person: dict[str, Any]) -> dict[str, Any]:
    return {"id": person["id"], "type": "private", "first_name": person["first_name"]}


def group_chat(chat_id: int, title: str, kind: str = "group") -> dict[str, Any]:
    return {"id": chat_id, "type": kind, "title": title}


def _message_json(message: BotMessage) -> dict[str, Any]:
    chat: dict[str, Any] = {
        "id": message.chat_id,
        "type": "private" if message.chat_id > 0 else "group",
    }
    if message.chat_id < 0:
        chat["title"] = "Group"
    result: dict[str, Any] = {"message_id": message.message_id, "date": int(time.time()),
                              "chat": chat, "from": {"id": BOT_ID, "is_bot": True,
                                                     "first_name": "Knotenpunkt"}}  # fmt: skip
    if message.document is not None:
        result["document"] = {"file_id": f"f{message.message_id}", "file_unique_id": "u",
                              "file_name": message.document[0]}  # fmt: skip
        result["caption"] = message.text
    else:
        result["text"] = message.text
    if message.reply_markup:
        result["reply_markup"] = message.reply_markup
    return result


def _error(exc: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": exc.status, "description": exc.description}
    if exc.parameters:
        body["parameters"] = exc.parameters
    return web.json_response(body, status=exc.status)
