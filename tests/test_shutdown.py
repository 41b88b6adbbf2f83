"""Graceful shutdown of a real bot process during a large fan-out, and a restart.

The bot runs as ``knotenpunkt run`` in a subprocess with the Telegram adapter against the
fake Bot API in this process. SIGTERM in the middle of a fan-out: the process ends within
10 s, the rows not yet sent stay pending (none stuck in ``sending``), and the next start
delivers them, each member exactly once. A second SIGTERM exits at once.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.delivery.notify import Notifier
from bot.models import Outgoing
from storage import Store
from tests.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = 300
FIRST_CHAT = 5000


def _news(lang: str) -> Outgoing:
    return Outgoing(text="Rundschreiben: neue Termine im Netzwerk")


async def _fan_out(db: Path) -> None:
    store = await Store.open(db)
    try:
        ids = []
        for n in range(MEMBERS):
            member = await store.members.create(
                name=f"M{n}", company="X", region="Hagen", competencies=[], language="de"
            )
            chat = str(FIRST_CHAT + n)
            await store.members.add_identity(member.id, "telegram", chat, chat)
            ids.append(member.id)
        await Notifier(store, "de").to_members(ids, _news, batch="broadcast:1")
    finally:
        await store.close()


async def _statuses(db: Path) -> dict[str, int]:
    store = await Store.open(db)
    try:
        return await store.outbox.batch_report("broadcast:1")
    finally:
        await store.close()


@asynccontextmanager
async def bot_process(db: Path, fake: FakeTelegram) -> AsyncIterator[asyncio.subprocess.Process]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
    env.update(
        PYTHONPATH=str(ROOT),
        KNOTENPUNKT_DB_PATH=str(db),
        KNOTENPUNKT_TELEGRAM_TOKEN=fake.token,
        KNOTENPUNKT_TELEGRAM_API_URL=fake.url,
        KNOTENPUNKT_HTTP_PORT="0",
        KNOTENPUNKT_TELEGRAM_RATE="60",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", env=env, stderr=asyncio.subprocess.PIPE
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def _until(condition, within: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


def _news_chats(fake: FakeTelegram) -> Counter[int]:
    return Counter(m.chat_id for m in fake.sent if m.chat_id >= FIRST_CHAT)


async def test_sigterm_during_a_fan_out_leaves_the_rest_pending_and_loses_nothing(
    tmp_path: Path,
) -> None:
    db = tmp_path / "kp.sqlite3"
    await _fan_out(db)
    fake = FakeTelegram()
    await fake.start()
    try:
        async with bot_process(db, fake) as process:
            await _until(lambda: sum(_news_chats(fake).values()) >= 30, within=30)
            process.send_signal(signal.SIGTERM)
            stopped_at = time.monotonic()
            await asyncio.wait_for(process.wait(), timeout=15)
            took = time.monotonic() - stopped_at
            assert process.returncode == 0, (await process.stderr.read()).decode()  # type: ignore[union-attr]
        assert took < 10
        report = await _statuses(db)
        assert set(report) == {"sent", "pending"}, report  # nothing stuck in "sending"
        assert report["sent"] + report["pending"] == MEMBERS
        assert report["sent"] == len(_news_chats(fake))  # what went out is recorded as sent
        assert report["pending"] > 0  # the stop really came in the middle

        async with bot_process(db, fake) as process:
            await _until(lambda: len(_news_chats(fake)) == MEMBERS, within=40)
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=15)
        assert await _statuses(db) == {"sent": MEMBERS}
        delivered = _news_chats(fake)
        assert set(delivered.values()) == {1}  # everyone once: nothing lost, nothing twice
    finally:
        await fake.stop()


async def test_a_second_sigterm_exits_at_once(tmp_path: Path) -> None:
    db = tmp_path / "kp.sqlite3"
    await _fan_out(db)
    fake = FakeTelegram()
    fake.delays["sendMessage"] = 30.0  # sends hang: a graceful stop would wait for them
    await fake.start()
    try:
        async with bot_process(db, fake) as process:
            await _until(lambda: len(fake.calls_to("sendMessage")) >= 5, within=30)
            process.send_signal(signal.SIGTERM)
            await asyncio.sleep(0.5)
            assert process.returncode is None  # still waiting for the sends in flight
            process.send_signal(signal.SIGTERM)
            again = time.monotonic()
            await asyncio.wait_for(process.wait(), timeout=10)
            assert time.monotonic() - again < 2.0
            assert process.returncode == 128 + signal.SIGTERM
        report = await _statuses(db)
        assert "sent" not in report and sum(report.values()) == MEMBERS  # none lost either
    finally:
        await fake.stop()
