"""Crash benchmark: the bot is killed with SIGKILL in the middle of a fan-out and started
again; nothing may be lost, and at most the sends in flight may go out twice.

A real bot process (``python -m bot.cli run``) delivers ``--members`` messages (default
2,000) to the fake Telegram, whose answers take ``--delay`` seconds (default 0.05), so that
sends are in flight; it is killed after ``--kill-after`` messages arrived (default 500),
then started again and left to finish.

Run: ``.venv/bin/python -m bench crash [--members 2000]``; writes
``bench/results/crash.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bot.delivery.worker import CONCURRENCY
from bot.models import Outgoing
from storage import Store
from storage.outbox import OutboxEntry
from tests.fake_telegram import FakeTelegram

RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).resolve().parents[1]
TEXT = "Einladung zur Jahreskonferenz"
FIRST_CHAT = 70_000


def _received(fake: FakeTelegram) -> Counter[int]:
    return Counter(m.chat_id for m in fake.sent if m.text == TEXT)


async def _until(condition: Any, within: float) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        await asyncio.sleep(0.01)


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bot.cli", "run"]
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )


async def main(options: argparse.Namespace) -> dict[str, Any]:
    fake = FakeTelegram(send_delay=options.delay)
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "crash.sqlite3"
        store = await Store.open(db)
        payload = Outgoing(text=TEXT).model_dump_json()
        await store.outbox.add(
            OutboxEntry(platform="telegram", chat_id=str(FIRST_CHAT + n), payload=payload)
            for n in range(options.members)
        )
        await store.close()
        env = {
            **os.environ,
            "KNOTENPUNKT_DB_PATH": str(db),
            "KNOTENPUNKT_TELEGRAM_TOKEN": fake.token,
            "KNOTENPUNKT_TELEGRAM_API_URL": fake.url,
            "KNOTENPUNKT_TELEGRAM_RATE": "1000",
            "KNOTENPUNKT_HTTP_PORT": "0",
            "KNOTENPUNKT_LOG_LEVEL": "info",
        }
        log = Path(tmp) / "bot.log"
        process = _start(env, log)
        try:
            await _until(lambda: sum(_received(fake).values()) >= options.kill_after, 120)
            process.send_signal(signal.SIGKILL)
            process.wait(10)
            before_kill = sum(_received(fake).values())
            fake.send_delay = 0.0
            started = time.monotonic()
            process = _start(env, log)
            expected = {FIRST_CHAT + n for n in range(options.members)}
            await _until(lambda: set(_received(fake)) >= expected, 300)
            finish_s = time.monotonic() - started
            await asyncio.sleep(1.0)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(20)
            await fake.stop()
    received = _received(fake)
    duplicates = sum(n - 1 for n in received.values() if n > 1)
    return {
        "members": options.members,
        "delivered_before_kill": before_kill,
        "lost": len(set(range(FIRST_CHAT, FIRST_CHAT + options.members)) - set(received)),
        "duplicates": duplicates,
        "in_flight_bound": CONCURRENCY,
        "duplicates_within_bound": int(duplicates <= CONCURRENCY),
        "restart_to_done_s": round(finish_s, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--kill-after", type=int, default=500)
    result = asyncio.run(main(parser.parse_args()))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "crash.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:24} {value}")
