"""The ways into the bot for the restart chaos (tests/chaos_support.py): each with its fake
platform, how a member's update reaches the bot (as the platform delivers it, again until
accepted), and what the bot sent to a member, answers and notifications apart."""

from __future__ import annotations

import asyncio
import itertools
import json
from typing import Any

import aiohttp

from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.fake_telegram import SECRET_HEADER_NAME, FakeTelegram, user
from tests.slack_signing import SIGNING_SECRET, SlackSender

TITLE = "Chaos-Treffen"  # the event whose reminder falls due during the run
LISTED = "Chaos-Stammtisch"  # the event whose button members press in the list
BROADCAST = "Rundschreiben zur Chaos-Probe"
REMINDER = f"Erinnerung: {TITLE}"
SECRET = "chaos-webhook-secret"
SLOW = 0.3  # seconds the fake platform takes to answer a send: kills catch sends in flight
WAYS = ("telegram-polling", "telegram-webhook", "slack-http", "slack-socket")


def _notification(text: str) -> bool:
    return BROADCAST in text or REMINDER in text


class Way:
    """One way in: its fake platform, how an update reaches the bot, what the bot sent."""

    name = ""

    def __init__(self, members: int, port: int) -> None:
        self.members = members
        self.port = port

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def env(self) -> dict[str, str]:
        raise NotImplementedError

    def identity(self, n: int) -> tuple[str, str, str]:
        """(platform, user id, chat id) of member ``n``."""
        raise NotImplementedError

    def outputs(self, n: int) -> int:
        """Answers the bot gave in member ``n``'s chat (sends and edits), notifications aside."""
        raise NotImplementedError

    def notifications(self, n: int, marker: str) -> int:
        raise NotImplementedError

    async def send(self, n: int, press: bool) -> None:
        raise NotImplementedError


class TelegramWay(Way):
    def __init__(self, members: int, port: int, mode: str) -> None:
        super().__init__(members, port)
        self.mode = mode
        self.name = f"telegram-{mode}"
        # the message is there, the answer is late; a press is acknowledged slowly too, so
        # that presses wait in the inbox for a place when the kill comes
        self.fake = FakeTelegram(send_delay=SLOW, delays={"answerCallbackQuery": 2 * SLOW})
        self.people = [user(8000 + n, f"P{n}", "de") for n in range(members)]

    async def start(self) -> None:
        await self.fake.start()

    async def stop(self) -> None:
        await self.fake.stop()

    def env(self) -> dict[str, str]:
        return {
            "KNOTENPUNKT_TELEGRAM_TOKEN": self.fake.token,
            "KNOTENPUNKT_TELEGRAM_API_URL": self.fake.url,
            "KNOTENPUNKT_TELEGRAM_MODE": self.mode,
            "KNOTENPUNKT_TELEGRAM_WEBHOOK_SECRET": SECRET,
            "KNOTENPUNKT_PUBLIC_URL": "https://bot.example.org",
            "KNOTENPUNKT_ADMINS": f"telegram:{self.people[0]['id']}",
        }

    def identity(self, n: int) -> tuple[str, str, str]:
        chat = str(self.people[n]["id"])
        return "telegram", chat, chat

    def _sent(self, n: int) -> list[Any]:
        return self.fake.sent_to(self.people[n]["id"])

    def outputs(self, n: int) -> int:
        return sum(1 for m in self._sent(n) if not _notification(m.text))

    def notifications(self, n: int, marker: str) -> int:
        return sum(1 for m in self._sent(n) if marker in m.text)

    async def send(self, n: int, press: bool) -> None:
        person = self.people[n]
        if press:
            message, data = self.fake.find_button(person["id"], LISTED)
            update = self.fake.callback_update(person, message, data)
        else:
            update = self.fake.message_update(person, "/termine")
        if self.mode == "polling":
            self.fake.push(update)
            return
        url = f"http://127.0.0.1:{self.port}/telegram/webhook"
        await _post_until_accepted(url, json.dumps(update), {SECRET_HEADER_NAME: SECRET})


class SlackHttpWay(Way):
    name = "slack-http"

    def __init__(self, members: int, port: int) -> None:
        super().__init__(members, port)
        self.fake = FakeSlack(delays={"chat.postMessage": SLOW, "chat.update": SLOW})
        self.users = [f"U{500 + n}" for n in range(members)]
        for name in self.users:
            self.fake.add_user(name, name.lower())
        self.sender = SlackSender(f"http://127.0.0.1:{port}/slack/events", self.fake)
        self._events = 0

    async def start(self) -> None:
        await self.fake.start()

    async def stop(self) -> None:
        await self.fake.stop()

    def env(self) -> dict[str, str]:
        return {
            "KNOTENPUNKT_SLACK_BOT_TOKEN": BOT_TOKEN,
            "KNOTENPUNKT_SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "KNOTENPUNKT_SLACK_API_URL": self.fake.api_url,
            "KNOTENPUNKT_ADMINS": f"slack:{self.users[0]}",
        }

    def identity(self, n: int) -> tuple[str, str, str]:
        return "slack", self.users[n], FakeSlack.dm(self.users[n])

    def _texts(self, n: int) -> list[str]:
        channel = FakeSlack.dm(self.users[n])
        posted = [
            c.args for c in self.fake.calls if c.method in ("chat.postMessage", "chat.update")
        ]
        return [json.dumps(a, ensure_ascii=False) for a in posted if a.get("channel") == channel]

    def outputs(self, n: int) -> int:
        return sum(1 for text in self._texts(n) if not _notification(text))

    def notifications(self, n: int, marker: str) -> int:
        return sum(1 for text in self._texts(n) if marker in text)

    def _listing(self, name: str) -> Any:
        return next(
            m
            for m in reversed(self.fake.messages_in(FakeSlack.dm(name)))
            if any(LISTED in str(b["text"]) for b in m.buttons())
        )

    async def send(self, n: int, press: bool) -> None:
        name = self.users[n]
        if press:
            listing = self._listing(name)
            while True:  # Slack does not retry a click: the member clicks again
                try:
                    if (await self.sender.click(name, listing, LISTED)).status == 200:
                        return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        self._events += 1
        event_id = f"EvChaos{self._events:06d}"
        event = {
            "type": "message",
            "channel": FakeSlack.dm(name),
            "user": name,
            "text": "termine",
            "ts": f"1700000200.{self._events:06d}",
            "channel_type": "im",
        }
        while True:  # Slack retries an event until it is acknowledged
            try:
                if (await self.sender.event(event, event_id=event_id)).status == 200:
                    return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)


class SlackSocketWay(SlackHttpWay):
    """Slack in Socket Mode: envelopes over the app's WebSocket, resent until acknowledged
    (Slack retries an event; a member clicks again)."""

    name = "slack-socket"

    def env(self) -> dict[str, str]:
        return {**super().env(), "KNOTENPUNKT_SLACK_APP_TOKEN": APP_TOKEN}

    async def send(self, n: int, press: bool) -> None:
        name, fake = self.users[n], self.fake
        self._events += 1
        event_id = f"EvSock{self._events:06d}"
        for attempt in itertools.count():
            envelope_id = f"env-{event_id}-{attempt}"
            if press:
                envelope = fake.socket_click(name, self._listing(name), LISTED, envelope_id)
            else:
                envelope = fake.socket_dm(name, "termine", event_id, envelope_id, attempt)
            try:
                await fake.socket_send(envelope)
                await fake.socket_acked([envelope_id], within=2.0)
                return
            except (AssertionError, ConnectionError, RuntimeError):
                await asyncio.sleep(0.1)


async def _post_until_accepted(url: str, body: str, headers: dict[str, str]) -> None:
    headers = {"Content-Type": "application/json", **headers}
    while True:
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.post(url, data=body.encode(), headers=headers) as response,
            ):
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)


def make_way(name: str, members: int, port: int) -> Way:
    if name.startswith("telegram-"):
        return TelegramWay(members, port, name.removeprefix("telegram-"))
    if name == "slack-http":
        return SlackHttpWay(members, port)
    if name == "slack-socket":
        return SlackSocketWay(members, port)
    raise ValueError(f"unknown way in: {name}")
