"""A running app with a fake Telegram and a fake Slack adapter, and people on both."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.app import App, Services
from bot.models import Platform
from bot.settings import Settings
from tests.helpers import FakeAdapter, Person


@dataclass
class TwoPlatforms:
    services: Services
    telegram: FakeAdapter
    slack: FakeAdapter

    def on_telegram(self, user_id: str, language_hint: str | None = None) -> Person:
        return Person(self.services.core, user_id, language_hint, platform=Platform.TELEGRAM)

    def on_slack(self, user_id: str, language_hint: str | None = None) -> Person:
        return Person(self.services.core, user_id, language_hint, platform=Platform.SLACK)

    async def delivered(self) -> None:
        await self.services.worker.drain(within=15.0)


@asynccontextmanager
async def two_platforms(make_settings: Callable[..., Settings]) -> AsyncIterator[TwoPlatforms]:
    telegram, slack = FakeAdapter(Platform.TELEGRAM), FakeAdapter(Platform.SLACK)
    app = App(
        make_settings(),
        serve_http=False,
        adapter_factories=[lambda s: telegram, lambda s: slack],
    )
    services = await app.start()
    services.worker.base_backoff = 0.05
    try:
        yield TwoPlatforms(services, telegram, slack)
    finally:
        await app.stop()


def code_in(person: Person) -> str:
    """The link code in the last answer to ``/link`` (``/verknuepfen`` in German)."""
    for line in person.texts().splitlines():
        if line.startswith(("/link ", "/verknuepfen ")):
            return line.split()[1]
    raise AssertionError(f"no code in {person.texts()!r}")
