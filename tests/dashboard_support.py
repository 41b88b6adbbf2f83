"""Helpers for the dashboard tests: a running bot with its HTTP server, signing in through
the link ``/dashboard`` hands out, and reading forms' CSRF tokens."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp

from bot.app import App, Services
from bot.settings import Settings
from tests.helpers import FakeAdapter, Person

LINK = re.compile(r"https?://\S+(/admin/login/[A-Za-z0-9_-]+)")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Dashboard:
    services: Services
    adapter: FakeAdapter

    @property
    def base(self) -> str:
        assert self.services.http is not None
        return self.services.http.base_url

    def person(self, user_id: str, language_hint: str | None = None) -> Person:
        return Person(self.services.core, user_id, language_hint)

    async def link_for(self, user_id: str = "admin") -> str:
        """The path of the login link ``/dashboard`` gives this console user."""
        person = self.person(user_id)
        await person.say("/dashboard")
        found = LINK.search(person.texts())
        assert found, person.texts()
        return found.group(1)

    def browser(self) -> aiohttp.ClientSession:
        """A client that keeps cookies for 127.0.0.1 and does not follow redirects."""
        return aiohttp.ClientSession(self.base, cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def signed_in(self, user_id: str = "admin") -> aiohttp.ClientSession:
        client = self.browser()
        path = await self.link_for(user_id)
        async with client.post(path, allow_redirects=False) as response:
            assert response.status == 303, await response.text()
        return client


async def csrf_of(client: aiohttp.ClientSession, path: str = "/admin/") -> str:
    async with client.get(path, allow_redirects=False) as response:
        assert response.status == 200, (path, response.status)
        found = CSRF.search(await response.text())
    assert found
    return found.group(1)


@asynccontextmanager
async def running_dashboard(
    make_settings: Callable[..., Settings], **overrides: object
) -> AsyncIterator[Dashboard]:
    values: dict[str, object] = {"public_url": "http://bot.example.org"}
    values.update(overrides)
    adapter = FakeAdapter()
    app = App(make_settings(**values), serve_http=True, adapter_factories=[lambda s: adapter])
    services = await app.start()
    services.worker.base_backoff = 0.05
    try:
        yield Dashboard(services, adapter)
    finally:
        await app.stop()
