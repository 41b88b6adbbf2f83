"""Talking to the bot the way Slack does: signed POSTs to /slack/events.

Slack signs ``v0:{timestamp}:{raw body}`` with HMAC-SHA256 and the app's signing secret,
and sends ``X-Slack-Signature: v0=<hex>`` and ``X-Slack-Request-Timestamp``. Also here: a
harness that runs the whole App with its Slack adapter against :class:`FakeSlack`.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.parse
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.app import App, Services
from bot.settings import Settings
from tests.fake_slack import BOT_TOKEN, TEAM_ID, FakeSlack, Message

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
_ids = itertools.count(1)


def sign(secret: str, timestamp: int, body: str) -> dict[str, str]:
    base = f"v0:{timestamp}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Signature": f"v0={digest}", "X-Slack-Request-Timestamp": str(timestamp)}


def slack_escape(text: str) -> str:
    """Slack sends these three characters as entities in message and command text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Reply:
    status: int
    body: str
    seconds: float


class SlackSender:
    """Sends events, commands and clicks to the bot, signed like Slack does."""

    def __init__(self, url: str, fake: FakeSlack, secret: str = SIGNING_SECRET) -> None:
        self.url = url
        self.fake = fake
        self.secret = secret

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
    ) -> Reply:
        stamp = int(time.time()) if timestamp is None else timestamp
        headers = {"Content-Type": content_type, **sign(secret or self.secret, stamp, body)}
        started = time.monotonic()
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=body.encode(), headers=headers) as response,
        ):
            text = await response.text()
        return Reply(response.status, text, time.monotonic() - started)

    async def event(self, event: dict[str, Any], event_id: str | None = None, **kw: Any) -> Reply:
        envelope = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "A0FAKE",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True}],
        }
        return await self.post(json.dumps(envelope), "application/json", **kw)

    async def dm(self, user: str, text: str, **kw: Any) -> Reply:
        event = {
            "type": "message",
            "channel": FakeSlack.dm(user),
            "user": user,
            "text": slack_escape(text),
            "ts": f"1700000100.{next(_ids):06d}",
            "channel_type": "im",
        }
        return await self.event(event, **kw)

    async def command(
        self, user: str, text: str, channel_id: str | None = None, channel_name: str = "", **kw: Any
    ) -> Reply:
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "fake",
            "channel_id": channel_id or FakeSlack.dm(user),
            "channel_name": channel_name or "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/knotenpunkt",
            "text": slack_escape(text),
            "api_app_id": "A0FAKE",
            "response_url": f"{self.fake.url}/response/{next(_ids)}",
            "trigger_id": self.fake.trigger(),
        }
        return await self.post(
            urllib.parse.urlencode(form), "application/x-www-form-urlencoded", **kw
        )

    async def block_action(
        self,
        user: str,
        element: dict[str, Any],
        container: dict[str, Any],
        *,
        secret: str | None = None,
        timestamp: int | None = None,
        **extra: Any,
    ) -> Reply:
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": "A0FAKE",
            "token": "legacy-verification-token",
            "team": {"id": TEAM_ID, "domain": "fake"},
            "container": container,
            "trigger_id": self.fake.trigger(),
            "actions": [
                {
                    "type": "button",
                    "action_id": element["action_id"],
                    "block_id": "b1",
                    "text": element["text"],
                    "value": element["value"],
                    "action_ts": str(time.time()),
                }
            ],
            **extra,
        }
        form = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return await self.post(
            form, "application/x-www-form-urlencoded", timestamp=timestamp, secret=secret
        )

    async def submit(
        self, user: str, view: dict[str, Any], values: dict[str, Any], **kw: Any
    ) -> Reply:
        """Submit a modal the bot opened, its fields filled with ``values`` by block id
        (a choice by its value, several as a list, a date and time as unix seconds, a date
        as ``YYYY-MM-DD``); the answer is in the HTTP response, as Slack expects."""
        state = {
            block["block_id"]: {
                block["element"]["action_id"]: _state(
                    block["element"], values.get(block["block_id"])
                )
            }
            for block in view.get("blocks", [])
            if block.get("type") == "input"
        }
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "fake"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": "A0FAKE",
            "token": "legacy-verification-token",
            "trigger_id": self.fake.trigger(),
            "view": {
                "id": "V1",
                "team_id": TEAM_ID,
                "app_id": "A0FAKE",
                **view,
                "state": {"values": state},
                "hash": f"{next(_ids)}.abc",
            },
            "response_urls": [],
            "is_enterprise_install": False,
        }
        form = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return await self.post(form, "application/x-www-form-urlencoded", **kw)

    async def click(self, user: str, message: Message, label: str) -> Reply:
        """Press the button whose label contains ``label`` in a message the bot posted."""
        element = _find_button(message.buttons(), label)
        container = {
            "type": "message",
            "message_ts": message.ts,
            "channel_id": message.channel,
            "is_ephemeral": message.user is not None,
        }
        channel = {"id": message.channel, "name": "directmessage"}
        return await self.block_action(user, element, container, channel=channel)

    async def click_home(self, user: str, label: str, nth: int = 0) -> Reply:
        view = self.fake.views[user]
        buttons = [b for b in _view_buttons(view) if label in b["text"]["text"]]
        assert len(buttons) > nth, f"no home button {label!r}: {_view_buttons(view)}"
        container = {"type": "view", "view_id": "V" + user}
        return await self.block_action(
            user, buttons[nth], container, view={"id": "V" + user, **view}
        )

    async def home_opened(self, user: str) -> Reply:
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": FakeSlack.dm(user),
            "tab": "home",
            "event_ts": str(time.time()),
        }
        return await self.event(event)


def _state(element: dict[str, Any], value: Any) -> dict[str, Any]:
    """One element's state in a view_submission, as Slack sends it."""
    kind = element["type"]
    state: dict[str, Any] = {"type": kind}
    if kind in ("static_select", "radio_buttons"):
        chosen = [o for o in element["options"] if o["value"] == value]
        state["selected_option"] = (
            chosen[0]
            if chosen
            else (
                {"text": {"type": "plain_text", "text": str(value)}, "value": value}
                if value is not None
                else None
            )
        )
    elif kind in ("multi_static_select", "checkboxes"):
        state["selected_options"] = [
            {"text": {"type": "plain_text", "text": str(v)}, "value": v} for v in value or []
        ]
    elif kind == "datetimepicker":
        state["selected_date_time"] = value
    elif kind == "datepicker":
        state["selected_date"] = value
    else:
        state["value"] = value
    return state


def _view_buttons(view: dict[str, Any]) -> list[dict[str, Any]]:
    return Message("", "", "", view["blocks"]).buttons()


def _find_button(buttons: list[dict[str, Any]], label: str) -> dict[str, Any]:
    for element in buttons:
        if label in element["text"]["text"]:
            return element
    raise AssertionError(f"no button {label!r} in {[b['text']['text'] for b in buttons]}")


@dataclass
class SlackWorld:
    """A running App with the Slack adapter, the fake Slack, and a signed-request sender."""

    fake: FakeSlack
    services: Services
    send: SlackSender

    @property
    def adapter(self) -> Any:
        return self.services.adapters["slack"]

    async def settle(self) -> None:
        """Wait until requests are handled and the outbox is empty."""
        await self.adapter.idle()
        await self.services.worker.drain(within=5.0)
        await self.adapter.idle()


@asynccontextmanager
async def running_slack(
    make_settings: Callable[..., Settings], fake: FakeSlack | None = None, **overrides: Any
) -> AsyncIterator[SlackWorld]:
    fake = fake or FakeSlack()
    await fake.start()
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url.rstrip("/"),  # the adapter adds the slash slack_sdk needs
        **overrides,
    )
    app = App(settings, serve_http=True)
    try:
        services = await app.start()
        services.worker.base_backoff = 0.05
        assert services.http is not None
        sender = SlackSender(f"{services.http.base_url}/slack/events", fake)
        yield SlackWorld(fake, services, sender)
    finally:
        await app.stop()
        await fake.stop()


def standard_fake() -> FakeSlack:
    """Anna (German Slack), Bob (English Slack), the admin, and two channels."""
    fake = FakeSlack()
    fake.add_user("U1", "anna", "de-DE")
    fake.add_user("U2", "bob", "en-US")
    fake.add_user("UADMIN", "chefin", "de-DE")
    fake.add_channel("C1", "wasserstoff-ag")
    fake.add_channel("C2", "ohne-bot", is_member=False)
    return fake


async def add_member(services: Services, user: str, name: str, language: str = "de") -> int:
    """A registered Slack member (as if they had signed up in their DM)."""
    store = services.store
    member = await store.members.create(
        name=name,
        company=f"{name} GmbH",
        region="Kreis Olpe",
        competencies=["KI"],
        language=language,
    )
    await store.members.add_identity(member.id, "slack", user, FakeSlack.dm(user), user.lower())
    return member.id
