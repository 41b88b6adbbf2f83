"""Operations benchmark: prints numbers and writes bench/results/ops.json.

Measures, with a store holding a large outbox (most rows sent, some pending):
- ``/metrics`` scrape time (it reads outbox depth and age, fan-out progress, inbox depth
  and the member count from the store at every scrape);
- ``/healthz`` time (store ping, outbox age, each part);
- ``App.stop`` time while a fan-out to a slow platform (50 ms a send) is being delivered (the graceful shutdown budget is 10 s).

Run: ``.venv/bin/python -m bench.ops_bench [--rows 100000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import aiohttp

from bot.app import App
from bot.models import Outgoing
from bot.settings import Settings
from storage import Store
from storage.db import utcnow
from storage.outbox import OutboxEntry
from tests.helpers import FakeAdapter

RESULTS = Path(__file__).parent / "results"


async def _fill(db: Path, rows: int) -> None:
    store = await Store.open(db)
    payload = Outgoing(text="Rundschreiben").model_dump_json()
    try:
        for start in range(0, rows, 5000):
            entries = [
                OutboxEntry(
                    platform="slack" if n % 10 == 0 else "telegram",  # no adapter: they wait
                    chat_id=f"c{n}",
                    payload=payload,
                    batch=f"broadcast:{n % 20}",
                    not_before=utcnow() - timedelta(seconds=30),
                )
                for n in range(start, min(rows, start + 5000))
            ]
            await store.outbox.add(entries)
    finally:
        await store.close()


async def _timed_gets(session: aiohttp.ClientSession, url: str, times: int) -> list[float]:
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        async with session.get(url) as response:
            await response.read()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


async def main(rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        await _fill(db, rows)
        settings = Settings(_env_file=None, db_path=db, http_port=0)  # type: ignore[call-arg]
        app = App(settings, serve_http=True, adapter_factories=[lambda s: FakeAdapter()])
        services = await app.start()
        assert services.http is not None
        async with aiohttp.ClientSession(services.http.base_url) as session:
            metrics = await _timed_gets(session, "/metrics", 20)
            health = await _timed_gets(session, "/healthz", 20)
        slow = FakeAdapter(delay=0.05)
        services.worker.adapters["console"] = slow
        payload = Outgoing(text="x").model_dump_json()
        early = utcnow() - timedelta(minutes=5)  # due before the waiting rows: taken first
        await services.store.outbox.add(
            OutboxEntry(platform="console", chat_id=f"u{n}", payload=payload, not_before=early)
            for n in range(500)
        )
        services.worker.wake()
        await asyncio.sleep(0.5)
        started = time.perf_counter()
        await app.stop()
        stop_seconds = time.perf_counter() - started
    return {
        "outbox_rows": rows,
        "metrics_scrape_ms_median": round(statistics.median(metrics), 1),
        "metrics_scrape_ms_max": round(max(metrics), 1),
        "healthz_ms_median": round(statistics.median(health), 1),
        "healthz_ms_max": round(max(health), 1),
        "graceful_stop_during_fan_out_s": round(stop_seconds, 2),
        "sent_before_stop": len(slow.sent),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    result = asyncio.run(main(parser.parse_args().rows))
    for key, value in result.items():
        print(f"{key:36} {value}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ops.json").write_text(json.dumps(result, indent=2) + "\n")
