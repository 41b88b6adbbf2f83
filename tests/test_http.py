"""The bot's HTTP server: health (each part, 503 when one fails) on a real socket."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import aiohttp

from bot.app import App, Services
from bot.models import Outgoing
from bot.settings import Settings
from storage.db import utcnow
from storage.outbox import OutboxEntry
from tests.fake_telegram_harness import running_bot
from tests.helpers import FakeAdapter


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[Services]:
    app = App(settings, serve_http=True, adapter_factories=[lambda s: FakeAdapter()])
    services = await app.start()
    try:
        yield services
    finally:
        await app.stop()


async def get(services: Services, path: str) -> tuple[int, Any]:
    assert services.http is not None
    async with (
        aiohttp.ClientSession(services.http.base_url) as session,
        session.get(path) as response,
    ):
        if response.content_type == "application/json":
            return response.status, await response.json()
        return response.status, await response.text()


async def test_health_reports_every_part(make_settings: Callable[..., Settings]) -> None:
    async with running_app(make_settings()) as services:
        status, body = await get(services, "/healthz")
        assert status == 200
        assert body["status"] == "ok"
        checks = body["checks"]
        assert set(checks) == {"store", "console", "delivery_worker", "scheduler", "outbox"}
        assert all(part["ok"] for part in checks.values())
        assert checks["outbox"]["oldest_pending_age_seconds"] == 0
        assert await get(services, "/healthz/live") == (200, "ok\n")


async def test_health_fails_when_the_delivery_worker_dies(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_app(make_settings()) as services:
        assert services.worker.task is not None
        services.worker.task.cancel()
        await asyncio.sleep(0.01)
        status, body = await get(services, "/healthz")
        assert status == 503
        assert body["status"] == "failing"
        assert body["checks"]["delivery_worker"] == {"ok": False}
        assert body["checks"]["store"]["ok"]
        assert (await get(services, "/healthz/live"))[0] == 200  # the process still answers


async def test_health_fails_when_the_store_file_is_removed(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings()
    async with running_app(settings) as services:
        assert (await get(services, "/healthz"))[0] == 200
        settings.db_path.unlink()
        status, body = await get(services, "/healthz")
        assert status == 503
        assert not body["checks"]["store"]["ok"]
        assert "removed" in body["checks"]["store"]["detail"]


async def test_health_fails_when_pending_rows_wait_too_long(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_app(make_settings(health_outbox_max_age="1m")) as services:
        entry = OutboxEntry(  # for a platform without an adapter here: it only waits
            platform="slack",
            chat_id="DU1",
            payload=Outgoing(text="x").model_dump_json(),
            not_before=utcnow() - timedelta(minutes=2),
        )
        await services.store.outbox.add([entry])
        status, body = await get(services, "/healthz")
        assert status == 503
        outbox = body["checks"]["outbox"]
        assert not outbox["ok"]
        assert 110 < outbox["oldest_pending_age_seconds"] < 200
        assert outbox["max_age_seconds"] == 60


async def test_health_fails_when_telegram_polling_stops_for_good(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        status, body = await get(bot.services, "/healthz")
        assert status == 200
        assert body["checks"]["telegram"]["polling"] == "alive"
        bot.fake.fail("getUpdates", "unauthorized", times=1000)  # the token was revoked
        bot.fake.push({"message": None})  # end the current long poll at once

        async def failing() -> bool:
            return (await get(bot.services, "/healthz"))[0] == 503

        for _ in range(100):
            if await failing():
                break
            await asyncio.sleep(0.05)
        status, body = await get(bot.services, "/healthz")
        assert status == 503
        telegram = body["checks"]["telegram"]
        assert (telegram["ok"], telegram["mode"], telegram["polling"]) == (
            False,
            "polling",
            "stopped",
        )
