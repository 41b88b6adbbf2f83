"""Shared fixtures: settings on a temporary database, a running app, a fake adapter."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.app import App, Services
from bot.settings import Settings
from storage import Store
from tests.helpers import FakeAdapter, Person


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's KNOTENPUNKT_* variables or .env file."""
    for name in list(os.environ):
        if name.startswith("KNOTENPUNKT_"):
            monkeypatch.delenv(name)
    # no test depends on the time of day: quiet hours only where a test asks for them (also
    # in the bot and CLI processes tests start, which inherit this)
    monkeypatch.setenv("KNOTENPUNKT_QUIET_HOURS", "off")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "db_path": tmp_path / "knotenpunkt.sqlite3",
            "admins": ["console:admin"],
            "http_port": 0,
            # no test depends on the time of day: quiet hours only where a test asks
            "quiet_hours": "off",
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
async def store(settings: Settings) -> AsyncIterator[Store]:
    store = await Store.open(settings.db_path)
    yield store
    await store.close()


@pytest.fixture
def fake_adapter() -> FakeAdapter:
    return FakeAdapter()


@pytest.fixture
async def app(settings: Settings, fake_adapter: FakeAdapter) -> AsyncIterator[Services]:
    """A running app (worker, scheduler) whose only adapter is the fake console adapter."""
    application = App(settings, serve_http=False, adapter_factories=[lambda s: fake_adapter])
    services = await application.start()
    services.worker.base_backoff = 0.05
    yield services
    await application.stop()


@pytest.fixture
def person(app: Services) -> Callable[..., Person]:
    def make(user_id: str, language_hint: str | None = None) -> Person:
        return Person(app.core, user_id, language_hint)

    return make
