"""Runs the real app with the real Telegram adapter against :class:`FakeTelegram`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bot.adapters.telegram import TelegramAdapter
from bot.app import App, Services
from bot.settings import Settings
from tests.fake_telegram import BotMessage, FakeTelegram


@dataclass
class Bot:
    """The running app with its Telegram adapter, and the fake it talks to."""

    fake: FakeTelegram
    settings: Settings
    app: App
    services: Services
    adapter: TelegramAdapter

    async def deliver(self, update: dict[str, Any], within: float = 15.0) -> list[BotMessage]:
        """Queue an update, wait until the adapter has processed it; what the bot sent since."""
        before, done = len(self.fake.sent), self.adapter.updates_processed
        self.fake.push(update)
        await wait_for(lambda: self.adapter.updates_processed > done, within)
        return self.fake.sent[before:]

    async def say(
        self, person: dict[str, Any], text: str, chat: dict[str, Any] | None = None
    ) -> list[BotMessage]:
        return await self.deliver(self.fake.message_update(person, text, chat))

    async def press(
        self, person: dict[str, Any], label_part: str, chat_id: int | None = None
    ) -> list[BotMessage]:
        message, data = self.fake.find_button(chat_id or person["id"], label_part)
        return await self.deliver(self.fake.callback_update(person, message, data))

    async def restart(self) -> None:
        await self.app.stop()
        self.app, self.services, self.adapter = await _start_app(self.settings)

    async def member(self, user_id: int, name: str = "Anna Muster", language: str = "de") -> int:
        """A registered member with a Telegram identity (private chat id = user id)."""
        store = self.services.store
        member = await store.members.create(
            name=name,
            company="Muster GmbH",
            region="Kreis Olpe",
            competencies=[],
            language=language,
        )
        await store.members.add_identity(member.id, "telegram", str(user_id), str(user_id))
        return member.id

    async def outbox_report(
        self, batch: str, expected: dict[str, int], within: float = 5.0
    ) -> None:
        """Wait until the batch's outbox rows have exactly the expected states."""
        deadline = time.monotonic() + within
        while (report := await self.services.store.outbox.batch_report(batch)) != expected:
            if time.monotonic() > deadline:
                raise AssertionError(f"outbox batch {batch}: {report} != {expected}")
            await asyncio.sleep(0.01)


async def wait_for(condition: Callable[[], bool], within: float = 15.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.01)


async def _start_app(settings: Settings) -> tuple[App, Services, TelegramAdapter]:
    adapters: list[TelegramAdapter] = []

    def factory(services: Services) -> TelegramAdapter:
        adapters.append(TelegramAdapter(services, poll_interval=0.0, poll_timeout=1))
        return adapters[0]

    app = App(settings, serve_http=True, adapter_factories=[factory])
    try:
        services = await app.start()
    except BaseException:
        await app.stop()
        raise
    services.worker.base_backoff = 0.05
    return app, services, adapters[0]


@asynccontextmanager
async def running_bot(
    make_settings: Callable[..., Settings], fake: FakeTelegram | None = None, **overrides: object
) -> AsyncIterator[Bot]:
    fake = fake or FakeTelegram()
    await fake.start()
    settings = make_settings(telegram_token=fake.token, telegram_api_url=fake.url, **overrides)
    try:
        app, services, adapter = await _start_app(settings)
        bot = Bot(fake, settings, app, services, adapter)
        try:
            yield bot
        finally:
            await bot.app.stop()
    finally:
        await fake.stop()
