"""Scheduled broadcasts: stored in the database, sent at their time by the scheduler, once,
also across restarts; one missed while the bot was down goes out at start, late, with a
note to the admin. Each test closes and reopens the app on the same database file."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

from bot.app import App, Services
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService, Sender
from storage import Store
from storage.broadcasts import Audience
from storage.db import utcnow
from tests.broadcast_support import add_member, service
from tests.helpers import FakeAdapter

ADMIN = Sender(actor="console:admin", language="de", chat=("console", "admin"))
MEMBERS = ("anna", "ben", "cem")


@asynccontextmanager
async def running(settings: Settings, adapter: FakeAdapter) -> AsyncIterator[Services]:
    app = App(settings, serve_http=False, adapter_factories=[lambda s: adapter])
    services = await app.start()
    try:
        yield services
    finally:
        await app.stop()


async def until(condition: Callable[[], Awaitable[bool]], within: float = 6.0) -> None:
    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)


async def _members(settings: Settings) -> None:
    store = await Store.open(settings.db_path)
    try:
        for name in MEMBERS:
            await add_member(store, name.title())
    finally:
        await store.close()


def _broadcasts_to(adapter: FakeAdapter, chat: str) -> int:
    return sum(1 for s in adapter.sent if s.chat_id == chat and s.message.markup)


async def _admin_got(adapter: FakeAdapter, count: int) -> bool:
    """The admin's notes arrived (they follow the broadcast's rows through the outbox)."""
    return len(_admin_titles(adapter)) >= count


def _admin_titles(*adapters: FakeAdapter) -> list[str]:
    return [
        s.message.title or s.message.text
        for adapter in adapters
        for s in adapter.sent
        if s.chat_id == "admin"
    ]


async def test_goes_out_at_its_time_and_once_across_a_restart(settings: Settings) -> None:
    await _members(settings)
    first = FakeAdapter()
    async with running(settings, first) as app:
        svc = BroadcastService(app.store, app.notifier, app.settings)
        when = utcnow() + timedelta(seconds=1.5)
        broadcast, preview = await svc.schedule(Audience(), "Um *neun*", ADMIN, when)
        assert preview.total == 3
        await asyncio.sleep(0.5)
        assert (await svc.progress(broadcast.id)).broadcast.status == "scheduled"
        assert first.sent == []  # not before its time
        await until(lambda: _sending_or_done(app.store, broadcast.id))
        sent = await app.store.broadcasts.get(broadcast.id)
        assert sent is not None and sent.queued_at is not None and sent.queued_at >= when
        assert not sent.late
        await app.worker.drain()
    second = FakeAdapter()
    async with running(settings, second) as app:  # the same file, a new process
        await asyncio.sleep(1.5)  # a few ticks
        await app.worker.drain()
        counts = (await app.store.broadcasts.counts([broadcast.id]))[broadcast.id]
    assert [_broadcasts_to(first, m) + _broadcasts_to(second, m) for m in MEMBERS] == [1, 1, 1]
    assert counts.sent == 3 and counts.total == 3
    assert _admin_titles(first, second) == ["Rundschreiben Nr. 1 ist zugestellt"]


async def _sending_or_done(store: Store, broadcast_id: int) -> bool:
    found = await store.broadcasts.get(broadcast_id)
    return found is not None and found.status in ("sending", "done")


async def test_due_while_stopped_is_sent_once_at_start(settings: Settings) -> None:
    await _members(settings)
    first = FakeAdapter()
    async with running(settings, first) as app:
        svc = BroadcastService(app.store, app.notifier, app.settings)
        when = utcnow() + timedelta(seconds=0.6)
        broadcast, _preview = await svc.schedule(Audience(), "Hallo", ADMIN, when)
    await asyncio.sleep(1.0)  # it comes due while the bot is stopped
    second = FakeAdapter()
    async with running(settings, second) as app:
        await until(lambda: _sending_or_done(app.store, broadcast.id))
        await app.worker.drain()
        await until(lambda: _done(app.store, broadcast.id))
        await until(lambda: _admin_got(second, 1))
        await app.worker.drain()
    third = FakeAdapter()
    async with running(settings, third) as app:
        await asyncio.sleep(1.2)
        await app.worker.drain()
    assert first.sent == [] and third.sent == []
    assert [_broadcasts_to(second, m) for m in MEMBERS] == [1, 1, 1]
    assert _admin_titles(second) == ["Rundschreiben Nr. 1 ist zugestellt"]  # on time: no note


async def _done(store: Store, broadcast_id: int) -> bool:
    found = await store.broadcasts.get(broadcast_id)
    return found is not None and found.status == "done"


async def test_missed_while_down_goes_out_at_start_with_a_late_note(settings: Settings) -> None:
    await _members(settings)
    store = await Store.open(settings.db_path)
    try:  # scheduled an hour ago for ten minutes ago; the bot was down since
        earlier = service(store, settings)
        earlier.clock = lambda: utcnow() - timedelta(hours=1)
        broadcast, _preview = await earlier.schedule(
            Audience(), "Frist: _heute_", ADMIN, utcnow() - timedelta(minutes=10)
        )
    finally:
        await store.close()
    adapter = FakeAdapter()
    async with running(settings, adapter) as app:
        await until(lambda: _done(app.store, broadcast.id))
        await until(lambda: _admin_got(adapter, 2))
        await app.worker.drain()
        audit = [e for e in await app.store.audit.recent() if e["action"] == "broadcast.sent"]
        late = await app.store.broadcasts.get(broadcast.id)
    assert [_broadcasts_to(adapter, m) for m in MEMBERS] == [1, 1, 1]
    note, report = _admin_titles(adapter)
    assert "Rundschreiben Nr. 1 war für" in note and "verspätet hinaus" in note
    assert "Empfänger: 3" in note
    assert report == "Rundschreiben Nr. 1 ist zugestellt"
    assert late is not None and late.late and audit[0]["late"] is True
    assert audit[0]["actor"] == "console:admin"


async def test_a_cancelled_schedule_never_goes_out(settings: Settings) -> None:
    await _members(settings)
    adapter = FakeAdapter()
    async with running(settings, adapter) as app:
        svc = BroadcastService(app.store, app.notifier, app.settings)
        when = utcnow() + timedelta(seconds=0.8)
        broadcast, _preview = await svc.schedule(Audience(), "Hallo", ADMIN, when)
        _same, withdrawn = await svc.cancel(broadcast.id, "console:admin")
        await asyncio.sleep(1.6)
        await app.worker.drain()
        status = (await svc.progress(broadcast.id)).broadcast.status
    assert (withdrawn, status, adapter.sent) == (0, "cancelled", [])
