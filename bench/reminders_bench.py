"""Reminder burst benchmark: ``--due`` reminders (default 10,000) come due in the same
minute in a network of ``--members`` members (default 100,000), while members use the bot.

The store is filled by the scale benchmark's populate step (a separate process), plus
``--events`` events (default 10) starting in a little over an hour, with the answers that
make ``--due`` reminders owed at their one-hour moments, spread over one minute. The bot
starts (no platform: the reminders stay queued in the outbox, which is what is measured),
and meanwhile a member asks for ``/themen`` every 20 ms through the core.

Measures: due → queued lag per reminder (p50, p99, from the outbox row's creation time),
reminders queued and queued twice, missing ones, the longest claim transaction, the
answers' p99 during the burst, and the process's peak RSS.

Run: ``.venv/bin/python -m bench reminders [--members 100000] [--due 10000]``; writes
``bench/results/reminders.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import App
from bot.delivery.notify import Notifier
from bot.models import Identity, Incoming, Platform
from bot.settings import Settings
from handlers.events.reminders import JOB_ID, ReminderScanner
from handlers.events.service import EventService
from storage import Store
from storage.db import from_db_time, to_db_time, utcnow
from storage.events import EventFields

RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).resolve().parents[1]
LEAD = timedelta(seconds=40)  # from the start of the bot to the first reminder moment


def _quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def add_burst(path: Path, options: argparse.Namespace) -> datetime:
    """Events an hour (and LEAD) ahead, answered so that ``due`` reminders are owed."""
    rng = random.Random(3)
    settings = Settings(_env_file=None, db_path=path)  # type: ignore[call-arg]
    store = await Store.open(path)
    try:
        service = EventService(store, Notifier(store, "de"), settings, "bench")
        first = (utcnow() + timedelta(hours=1) + LEAD).replace(microsecond=0)
        per_event = options.due // options.events
        members = rng.sample(range(1, options.members + 1), per_event * options.events)
        stamp = to_db_time(utcnow() - timedelta(minutes=5))
        for n in range(options.events):
            start = first + timedelta(seconds=60 * n // options.events)  # within one minute
            fields = EventFields(title=f"Burst {n}", start=start, end=start + timedelta(hours=2),
                                 timezone=settings.timezone)  # fmt: skip
            event = await service.create(fields, announce=False)
            chunk = members[n * per_event : (n + 1) * per_event]
            async with store.transaction() as conn:
                await conn.executemany(
                    "INSERT INTO rsvps (event_id, occurrence, member_id, status, created_at,"
                    " updated_at) VALUES (?, ?, ?, 'yes', ?, ?)",
                    [(event.id, to_db_time(start), m, stamp, stamp) for m in chunk],
                )
        return first - timedelta(hours=1)
    finally:
        await store.close()


def _incoming(member: int) -> Incoming:
    platform = Platform.TELEGRAM if member % 3 else Platform.SLACK
    chat = str(100_000 + member) if platform == Platform.TELEGRAM else f"U{member:08d}"
    sender = Identity(platform=platform, user_id=chat)
    return Incoming(platform=platform, chat_id=chat, sender=sender, text="/themen")


async def measure(path: Path, first_due: datetime, options: argparse.Namespace) -> dict[str, Any]:
    settings = Settings(_env_file=None, db_path=path)  # type: ignore[call-arg]
    app = App(settings, serve_http=False, adapter_factories=[])
    services = await app.start()
    job = services.scheduler.get_job(JOB_ID)
    scanner: ReminderScanner = job.func.__wrapped__.__self__  # behind the scheduler's wrapper
    answers: list[float] = []
    try:
        last_due = first_due + timedelta(minutes=1)
        until = last_due + timedelta(seconds=8)
        rng = random.Random(5)
        while utcnow() < until:
            now = utcnow()
            began = time.perf_counter()
            await services.core.handle(_incoming(rng.randint(1, options.members)))
            if first_due - timedelta(seconds=2) <= now <= last_due + timedelta(seconds=5):
                answers.append(time.perf_counter() - began)
            await asyncio.sleep(0.02)
        rows = await services.store.db.fetchall(
            "SELECT dedupe_key, created_at FROM outbox WHERE dedupe_key LIKE 'reminder:%'"
        )
        moments = await services.store.db.fetchall(
            "SELECT e.id, e.starts_at FROM events e WHERE e.title LIKE 'Burst %'"
        )
    finally:
        await app.stop()
    due_at = {r[0]: from_db_time(r[1]) - timedelta(hours=1) for r in moments}
    lags = []
    for key, created in rows:
        event_id = int(key.split(":")[1])
        lags.append((from_db_time(created) - due_at[event_id]).total_seconds())
    keys = [r[0] for r in rows]
    return {
        "members": options.members,
        "due": options.due,
        "queued": len(rows),
        "duplicates": len(keys) - len(set(keys)),
        "missing": max(0, options.due - len(set(keys))),
        "lag_p50_s": round(statistics.median(lags), 2) if lags else None,
        "lag_p99_s": round(_quantile(lags, 0.99), 2) if lags else None,
        "longest_write_ms": round(scanner.longest_write * 1000, 1),
        "answers_during_burst": len(answers),
        "answers_p50_ms": round(statistics.median(answers) * 1000, 1),
        "answers_p99_ms": round(_quantile(answers, 0.99) * 1000, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=10)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reminders.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "bench.scale_bench", "--members", str(options.members),
             "--events", "200", "--series", "20", "--rsvps", "2000",
             "--populate-only", str(path)],
            cwd=ROOT,
            check=True,
        )  # fmt: skip
        first_due = asyncio.run(add_burst(path, options))
        result = asyncio.run(measure(path, first_due, options))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "reminders.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
