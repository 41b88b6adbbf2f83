"""Outbox and core benchmark: prints numbers and writes bench/results/outbox.json.

Measures, in one run on one machine:
- core: messages per second through ``Core.handle`` (topic toggles by registered members);
- outbox enqueue: rows per second queued for a topic with N subscribers;
- delivery without limits (console) vs. with Telegram's limits (30/s overall), so the ratio
  shows the worker is limited by the platform rule and not by its own overhead.

Run: ``.venv/bin/python -m bench.outbox_bench [--members 300]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from bot.app import App, Services
from bot.models import ChatKind, Outgoing, Platform
from bot.settings import Settings
from handlers.topics import create_topic
from storage.outbox import OutboxEntry
from tests.helpers import FakeAdapter, Person

RESULTS = Path(__file__).parent / "results"


async def _register(services: Services, count: int) -> int:
    topic = await create_topic(services.store, "Bench", "", None)
    for i in range(count):
        member = await services.store.members.create(
            name=f"M{i}", company="C", region="Hagen", competencies=[], language="de"
        )
        await services.store.members.add_identity(member.id, "console", f"u{i}", f"u{i}")
        await services.store.topics.subscribe(member.id, topic.id)
    return topic.id


async def _bench_core(services: Services, count: int) -> float:
    people = [Person(services.core, f"u{i}") for i in range(count)]
    started = time.perf_counter()
    for person in people:
        await person.say("/themen")
    return count / (time.perf_counter() - started)


async def _bench_delivery(services: Services, adapter: FakeAdapter, platform: str, n: int) -> float:
    payload = Outgoing(text="x").model_dump_json()
    entries = [
        OutboxEntry(
            platform=platform, chat_id=f"chat{i}", chat_kind=ChatKind.PRIVATE, payload=payload
        )
        for i in range(n)
    ]
    adapter.sent.clear()
    await services.store.outbox.add(entries)
    started = time.perf_counter()
    await services.worker.drain(within=120)
    assert len(adapter.sent) == n
    return n / (time.perf_counter() - started)


async def main(members: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        console = FakeAdapter()
        telegram = FakeAdapter(platform=Platform.TELEGRAM)
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        app = App(
            settings, serve_http=False, adapter_factories=[lambda s: console, lambda s: telegram]
        )
        services = await app.start()
        try:
            topic_id = await _register(services, members)
            core_rate = await _bench_core(services, members)
            services.worker.adapters.clear()  # measure enqueueing alone
            started = time.perf_counter()
            queued = await services.notifier.to_topic(topic_id, lambda lang: Outgoing(text="news"))
            enqueue_rate = queued / (time.perf_counter() - started)
            services.worker.adapters.update({"console": console, "telegram": telegram})
            await services.worker.drain(within=60)
            unlimited = await _bench_delivery(services, console, "console", 2000)
            limited = await _bench_delivery(services, telegram, "telegram", 150)
        finally:
            await app.stop()
    return {
        "members": members,
        "core_messages_per_s": round(core_rate, 1),
        "enqueue_rows_per_s": round(enqueue_rate, 1),
        "delivery_unlimited_per_s": round(unlimited, 1),
        "delivery_telegram_limited_per_s": round(limited, 1),
        "telegram_limit_per_s": settings.telegram_rate,
        "unlimited_to_limited_ratio": round(unlimited / limited, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=300)
    result = asyncio.run(main(parser.parse_args().members))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "outbox.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:34} {value}")
