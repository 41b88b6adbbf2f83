"""SIGKILL in the middle of a fan-out: nothing is lost, and only rows in flight go twice.

The worker claims rows in batches and records their outcomes in batches; a row is
``sending`` from its claim until its outcome is committed, and never more rows than the
worker's concurrency are. A real bot process sends a fan-out to the fake Telegram (whose
answers are slow, so sends are in flight) and is killed; after a restart every member has
the message, and at most ``concurrency`` members have it twice.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bot.delivery.worker import CONCURRENCY
from bot.models import Outgoing
from storage import Store
from storage.outbox import OutboxEntry
from tests.fake_telegram import FakeTelegram

MEMBERS = 300
TEXT = "Einladung zur Jahreskonferenz"


async def _queue(db: Path) -> None:
    store = await Store.open(db)
    try:
        payload = Outgoing(text=TEXT).model_dump_json()
        await store.outbox.add(
            OutboxEntry(platform="telegram", chat_id=str(50_000 + n), payload=payload, batch="fan")
            for n in range(MEMBERS)
        )
    finally:
        await store.close()


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        cwd=Path(__file__).resolve().parent.parent,
    )


async def _until(condition: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def _received(fake: FakeTelegram) -> Counter[int]:
    return Counter(m.chat_id for m in fake.sent if m.text == TEXT)


async def test_sigkill_mid_fan_out_loses_nothing_and_repeats_at_most_the_sends_in_flight(
    tmp_path: Path,
) -> None:
    fake = FakeTelegram(send_delay=0.05)
    await fake.start()
    db = tmp_path / "bot.sqlite3"
    await _queue(db)
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(db),
        "KNOTENPUNKT_TELEGRAM_TOKEN": fake.token,
        "KNOTENPUNKT_TELEGRAM_API_URL": fake.url,
        "KNOTENPUNKT_TELEGRAM_RATE": "1000",
        "KNOTENPUNKT_HTTP_PORT": "0",
    }
    log = tmp_path / "bot.log"
    process = _start(env, log)
    try:
        await _until(lambda: sum(_received(fake).values()) >= 60, 30, "the fan-out to start")
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        before = _received(fake)
        assert sum(before.values()) < MEMBERS, "the kill came too late to prove anything"
        assert max(before.values()) == 1

        fake.send_delay = 0.0
        process = _start(env, log)
        expected = {50_000 + n for n in range(MEMBERS)}
        await _until(lambda: set(_received(fake)) >= expected, 30, "every member")
        await asyncio.sleep(0.5)
        received = _received(fake)
        twice = [chat for chat, n in received.items() if n > 1]
        assert set(received) == expected  # lost: none
        assert all(n <= 2 for n in received.values())
        assert len(twice) <= CONCURRENCY, twice  # only rows in flight at the kill
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        await fake.stop()
