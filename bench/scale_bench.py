"""Scale benchmark: a network the size of a large chapter federation, as members feel it.

``--members`` members (default 100,000; two thirds on Telegram, a third on Slack, 30 %
listed in the directory, each subscribed to two of ``--topics`` topics, default 50),
``--events`` events (default 2,000: ``--series`` of them weekly, fortnightly or monthly
series begun up to a year ago, the rest single dates over the next two years, some with a
seat limit), and ``--rsvps`` answers (default 20,000) to their next dates.

The store is filled by a separate process (so this one's memory is the bot's), then the
bot starts on it and this process measures:
- start-up: ``App.start()`` on the filled store (s), and RSS afterwards;
- p50/p99 of ``/termine``, ``/themen``, ``/profil`` and ``/suche robot`` through the core
  (identity, transaction, handler, rendering), by rotating members;
- the reminder scan that runs every second: p50/p95 over ``--scans`` scans;
- the daily refresh of every event's dates, and ``/themen`` p99 while it runs.

Run: ``.venv/bin/python -m bench scale [--members 100000] [--events 2000]``; writes
``bench/results/scale.json``.
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
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.app import App
from bot.delivery.notify import Notifier
from bot.models import Identity, Incoming, Platform
from bot.settings import Settings
from handlers.events.dates import refresh_all
from handlers.events.reminders import ReminderScanner
from handlers.events.service import EventService
from storage import Store
from storage.db import to_db_time, utcnow
from storage.events import EventFields

RESULTS = Path(__file__).parent / "results"
ROOT = Path(__file__).resolve().parents[1]
RULES = ("FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY")
WORDS = ["Robotik", "KI", "Wasserstoff", "Laserschneiden", "Sensorik", "Logistik"]
COMMANDS = ("/termine", "/themen", "/profil", "/suche robot")


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def _members(store: Store, count: int, topics: list[int], rng: random.Random) -> None:
    now = to_db_time(utcnow())
    members, identities, listed, subscriptions = [], [], [], []
    for i in range(1, count + 1):
        words = json.dumps(rng.sample(WORDS, 2))
        members.append((i, f"Mitglied {i}", f"Firma {i % 997} GmbH", "Hagen", words, now, now, now))
        platform = "telegram" if i % 3 else "slack"
        user = str(100_000 + i) if platform == "telegram" else f"U{i:08d}"
        identities.append((platform, user, i, user, now, now))
        if i % 10 < 3:
            listed.append((i,))
        subscriptions += [(i, topic, now) for topic in rng.sample(topics, 2)]
    async with store.transaction() as conn:
        await conn.executemany(
            "INSERT INTO members (id, name, company, region, competencies, language, consent_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'de', ?, ?, ?)",
            members,
        )
        await conn.executemany(
            "INSERT INTO identities (platform, user_id, member_id, chat_id, last_seen_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            identities,
        )
        await conn.executemany(
            "INSERT INTO member_settings (member_id, listed_in_directory) VALUES (?, 1)", listed
        )
        await conn.executemany(
            "INSERT INTO subscriptions (member_id, topic_id, created_at) VALUES (?, ?, ?)",
            subscriptions,
        )


async def populate(path: Path, options: argparse.Namespace) -> None:
    """Fill the store the way the bot would have: events through the service."""
    rng = random.Random(10)
    settings = Settings(_env_file=None, db_path=path)  # type: ignore[call-arg]
    store = await Store.open(path)
    try:
        topics = [(await store.topics.create(f"Thema {n}")).id for n in range(options.topics)]
        await _members(store, options.members, topics, rng)
        service = EventService(store, Notifier(store, "de"), settings, "bench")
        now = utcnow().replace(second=0, microsecond=0)
        events = []
        for n in range(options.events):
            series = n < options.series
            if series:
                start = now - timedelta(days=rng.randint(0, 365), hours=rng.randint(0, 23))
            else:
                start = now + timedelta(days=rng.randint(0, 730), hours=rng.randint(1, 23))
            fields = EventFields(
                title=f"Termin {n}",
                start=start,
                end=start + timedelta(hours=2),
                timezone=settings.timezone,
                rrule=RULES[n % 3] if series else None,
                capacity=rng.choice([None, None, 30, 100]),
                topic_ids=[rng.choice(topics)],
            )
            events.append(await service.create(fields, announce=False))
        answers: set[tuple[int, int]] = set()
        while len(answers) < options.rsvps:
            event = rng.choice(events)
            answers.add((event.id, rng.randint(1, options.members)))
        stamp = to_db_time(utcnow())
        rows = []
        for event_id, member_id in answers:
            event = events[event_id - 1]
            key = event.start
            if event.rrule:  # the next date of the series
                key = _next_start(event.start, event.rrule, now)
            status = rng.choice(["yes", "yes", "maybe", "no"])
            rows.append((event_id, to_db_time(key), member_id, status, stamp, stamp))
        async with store.transaction() as conn:
            await conn.executemany(
                "INSERT OR IGNORE INTO rsvps (event_id, occurrence, member_id, status,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        await store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        await store.close()


def _next_start(first: Any, rule: str, now: Any) -> Any:
    step = {"FREQ=WEEKLY": 7, "FREQ=WEEKLY;INTERVAL=2": 14}.get(rule)
    if step is None:  # monthly: near enough for a benchmark's answers
        step = 28
    moment = first
    while moment < now:
        moment += timedelta(days=step)
    return moment


def _incoming(member: int, text: str) -> Incoming:
    platform = Platform.TELEGRAM if member % 3 else Platform.SLACK
    user = str(100_000 + member) if platform == Platform.TELEGRAM else f"U{member:08d}"
    return Incoming(
        platform=platform, chat_id=user, sender=Identity(platform=platform, user_id=user), text=text
    )


async def measure(path: Path, options: argparse.Namespace) -> dict[str, Any]:
    settings = Settings(_env_file=None, db_path=path)  # type: ignore[call-arg]
    app = App(settings, serve_http=False, adapter_factories=[])
    started = time.perf_counter()
    services = await app.start()
    startup = time.perf_counter() - started
    rss_started = _rss_mib()
    result: dict[str, Any] = {
        "members": options.members,
        "topics": options.topics,
        "events": options.events,
        "series": options.series,
        "rsvps": options.rsvps,
        "startup_s": round(startup, 2),
        "rss_after_startup_mib": rss_started,
    }
    try:
        rng = random.Random(7)
        await asyncio.sleep(0.5)  # the first reminder scan and other start-up jobs
        for command in COMMANDS:
            timings = []
            for _ in range(options.requests):
                incoming = _incoming(rng.randint(1, options.members), command)
                began = time.perf_counter()
                await services.core.handle(incoming)
                timings.append(time.perf_counter() - began)
            name = command.strip("/").split()[0]
            result[f"{name}_p50_ms"] = _ms(statistics.median(timings))
            result[f"{name}_p99_ms"] = _ms(_quantile(timings, 0.99))
        scanner = ReminderScanner(services.store, services.notifier, settings)
        await scanner.scan()
        scans = []
        for _ in range(options.scans):
            began = time.perf_counter()
            await scanner.scan()
            scans.append(time.perf_counter() - began)
        result["reminder_scan_p50_ms"] = _ms(statistics.median(scans))
        result["reminder_scan_p95_ms"] = _ms(_quantile(scans, 0.95))
        result.update(await _daily_refresh(services, settings, rng, options.members))
    finally:
        await app.stop()
    result["rss_mib"] = _rss_mib()
    result["peak_rss_mib"] = _peak_rss_mib()
    return result


async def _daily_refresh(
    services: Any, settings: Settings, rng: random.Random, members: int
) -> dict[str, Any]:
    """Every event's dates written again (the daily job, or the first start after an
    upgrade), while members keep asking /themen: how long, and how long they wait."""
    refresh = asyncio.create_task(refresh_all(services.store, settings))
    began, answers = time.perf_counter(), []
    while not refresh.done():
        asked = time.perf_counter()
        await services.core.handle(_incoming(rng.randint(1, members), "/themen"))
        answers.append(time.perf_counter() - asked)
    rows = await refresh
    return {
        "dates_refresh_s": round(time.perf_counter() - began, 2),
        "dates_rows": rows,
        "themen_p99_during_refresh_ms": _ms(_quantile(answers, 0.99)) if answers else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--topics", type=int, default=50)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--rsvps", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--scans", type=int, default=50)
    parser.add_argument("--populate-only", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.populate_only:
        asyncio.run(populate(options.populate_only, options))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scale.sqlite3"
        began = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.scale_bench",
                *sys.argv[1:],
                "--populate-only",
                str(path),
            ],
            cwd=ROOT,
            check=True,
        )
        populate_s = round(time.perf_counter() - began, 1)
        result = asyncio.run(measure(path, options))
        result["populate_s"] = populate_s
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
