"""The bot's HTTP server: health and metrics on a real socket."""

from __future__ import annotations

from collections.abc import Callable

import aiohttp

from bot.app import App
from bot.settings import Settings
from tests.helpers import FakeAdapter


async def test_health_and_metrics(make_settings: Callable[..., Settings]) -> None:
    app = App(make_settings(), serve_http=True, adapter_factories=[lambda s: FakeAdapter()])
    services = await app.start()
    try:
        assert services.http is not None and services.http.port != 0
        async with aiohttp.ClientSession(services.http.base_url) as session:
            async with session.get("/healthz") as response:
                assert response.status == 200
                assert await response.json() == {"status": "ok"}
            async with session.get("/metrics") as response:
                body = await response.text()
        assert "knotenpunkt_members 0" in body
    finally:
        await app.stop()
