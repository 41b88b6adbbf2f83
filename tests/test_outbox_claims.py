"""The delivery worker at scale: claims in batches, nobody blocked by a slow chat or a
platform without adapter, order per chat, a bounded number of rows in flight, and a loop
that sleeps until its next token instead of polling."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator, Callable

import pytest

from bot.app import App, Services
from bot.delivery.ratelimit import SPACING
from bot.delivery.worker import CONCURRENCY
from bot.models import ChatKind, Outgoing, Platform
from bot.settings import Settings
from storage.outbox import OutboxEntry
from tests.helpers import FakeAdapter


@pytest.fixture
def telegram() -> FakeAdapter:
    return FakeAdapter(platform=Platform.TELEGRAM)


@pytest.fixture
async def bot(
    make_settings: Callable[..., Settings], telegram: FakeAdapter
) -> AsyncIterator[Services]:
    """A running app whose only adapter is a fake Telegram with Telegram's limits."""
    app = App(
        make_settings(telegram_rate=30, telegram_chat_rate=2),
        serve_http=False,
        adapter_factories=[lambda s: telegram],
    )
    services = await app.start()
    yield services
    await app.stop()


def _rows(platform: str, chats: list[str], kind: str = "private", text: str = "x") -> list:
    payload = Outgoing(text=text).model_dump_json()
    return [
        OutboxEntry(platform=platform, chat_id=chat, chat_kind=kind, payload=payload)
        for chat in chats
    ]


async def _until(condition: Callable[[], bool], within: float) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def test_a_busy_group_and_a_platform_without_adapter_block_nobody(
    bot: Services, telegram: FakeAdapter
) -> None:
    """300 rows for one group (20/min) and 300 for Slack (no adapter here) were queued
    first; the 40 private messages queued after them still go out at once."""
    outbox = bot.store.outbox
    await outbox.add(_rows("telegram", ["-100"] * 300, kind=ChatKind.GROUP, text="AG"))
    await outbox.add(_rows("slack", [f"C{n}" for n in range(300)]))
    await outbox.add(_rows("telegram", [str(1000 + n) for n in range(40)], text="privat"))
    bot.worker.wake()
    started = time.monotonic()
    await _until(lambda: sum(s.message.text == "privat" for s in telegram.sent) == 40, 5.0)
    assert time.monotonic() - started < 3.0  # 40 at 30/s, not behind the group's 15 minutes
    assert sum(s.chat_id == "-100" for s in telegram.sent) == 1  # the group: one per 3 s
    counts = await outbox.counts()
    assert counts["pending"] == 299 + 300


async def test_rows_of_one_chat_keep_their_order_while_the_chat_waits_for_its_limit(
    bot: Services, telegram: FakeAdapter
) -> None:
    """Two per second to one chat: its six rows take three seconds, in order, while the
    rows of twelve other chats queued after them go out meanwhile."""
    outbox = bot.store.outbox
    for n in range(6):
        await outbox.add(_rows("telegram", ["7"], text=str(n)))
    await outbox.add(_rows("telegram", [str(100 + n) for n in range(12)], text="other"))
    bot.worker.wake()
    await _until(lambda: len(telegram.sent) == 18, 6.0)
    assert telegram.texts_to("7") == [str(n) for n in range(6)]
    order = [s.message.text for s in telegram.sent]
    assert order.index("2") > max(i for i, text in enumerate(order) if text == "other")


async def test_no_more_rows_are_in_flight_than_sends_may_run(
    bot: Services, telegram: FakeAdapter
) -> None:
    """At any moment at most CONCURRENCY rows are ``sending``: what a crash can repeat."""
    telegram.delay = 0.05
    bot.worker.limiter = type(bot.worker.limiter)(lambda *_: [])  # no rate limit here
    await bot.store.outbox.add(_rows("telegram", [str(n) for n in range(200)]))
    bot.worker.wake()
    highest = 0
    while len(telegram.sent) < 200:
        counts = await bot.store.outbox.counts()
        highest = max(highest, counts.get("sending", 0))
        await asyncio.sleep(0.005)
    assert 1 < highest <= CONCURRENCY


async def test_the_loop_sleeps_until_its_next_token(bot: Services, telegram: FakeAdapter) -> None:
    """At 30/s the loop wakes about once per send (its token, the send's end), not every
    few milliseconds: 60 rows take two seconds and a couple of hundred passes at most."""
    await bot.store.outbox.add(_rows("telegram", [str(n) for n in range(60)]))
    passes = bot.worker.passes
    bot.worker.wake()
    started = time.monotonic()
    await _until(lambda: len(telegram.sent) == 60, 5.0)
    elapsed = time.monotonic() - started
    assert 60 / 30 / 0.99 - 0.2 < elapsed < 3.0
    assert bot.worker.passes - passes <= 3 * 60 + 10
    gaps = sorted(b - a for a, b in itertools.pairwise(telegram.sent_at))
    assert gaps[len(gaps) // 2] == pytest.approx(1 / (30 * SPACING), rel=0.1)  # evenly spaced
    assert gaps[len(gaps) // 10] > 0.02  # no burst of 30 at once (one late send may catch up)
