"""The whole App with the real Telegram and Slack adapters at once, against the fake
servers: for what crosses platforms (a group post, a member with both accounts)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bot.adapters.base import Adapter
from bot.adapters.slack import SlackAdapter
from bot.adapters.telegram import TelegramAdapter
from bot.app import App, Services
from bot.settings import Settings
from tests.fake_slack import BOT_TOKEN, FakeSlack
from tests.fake_telegram import FakeTelegram
from tests.fake_telegram_harness import wait_for
from tests.slack_signing import SIGNING_SECRET, SlackSender, standard_fake


@dataclass
class World:
    services: Services
    slack: FakeSlack
    telegram: FakeTelegram
    send: SlackSender

    @property
    def telegram_adapter(self) -> TelegramAdapter:
        adapter = self.services.adapters["telegram"]
        assert isinstance(adapter, TelegramAdapter)
        return adapter

    async def settle(self) -> None:
        slack = self.services.adapters["slack"]
        assert isinstance(slack, SlackAdapter)
        await slack.idle()
        await self.services.worker.drain(within=10.0)
        await slack.idle()

    async def telegram_deliver(self, update: dict[str, Any]) -> None:
        """Queue a Telegram update and wait until the adapter has processed it."""
        done = self.telegram_adapter.updates_processed
        self.telegram.push(update)
        await wait_for(lambda: self.telegram_adapter.updates_processed > done)

    async def telegram_says(
        self, person: dict[str, Any], text: str, chat: dict[str, Any] | None = None
    ) -> None:
        await self.telegram_deliver(self.telegram.message_update(person, text, chat))

    async def telegram_press(self, person: dict[str, Any], label_part: str) -> None:
        """Press a button in the person's private chat."""
        message, data = self.telegram.find_button(person["id"], label_part)
        await self.telegram_deliver(self.telegram.callback_update(person, message, data))


@asynccontextmanager
async def both_platforms(
    make_settings: Callable[..., Settings], slack: FakeSlack | None = None, **overrides: Any
) -> AsyncIterator[World]:
    slack, telegram = slack or standard_fake(), FakeTelegram()
    await slack.start()
    await telegram.start()
    settings = make_settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url.rstrip("/"),
        telegram_token=telegram.token,
        telegram_api_url=telegram.url,
        **({"admins": ["slack:UADMIN", "telegram:42"]} | overrides),
    )

    def make_telegram(services: Services) -> Adapter:
        return TelegramAdapter(services, poll_interval=0.0, poll_timeout=1)

    app = App(settings, serve_http=True, adapter_factories=[make_telegram, SlackAdapter])
    try:
        services = await app.start()
        services.worker.base_backoff = 0.05
        assert services.http is not None
        sender = SlackSender(f"{services.http.base_url}/slack/events", slack)
        yield World(services, slack, telegram, sender)
    finally:
        await app.stop()
        await telegram.stop()
        await slack.stop()
