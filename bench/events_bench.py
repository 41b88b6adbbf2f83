"""Reminder scan benchmark: prints numbers and writes bench/results/events.json.

The reminder scan runs every few seconds on a live bot (``bot/reminders.py``), so its
steady-state cost matters more than the one scan that actually queues reminders. The set-up
is a network of the size the design names: ``--members`` members (default 100) and
``--events`` events (default 50; two thirds RRULE series begun a year ago, weekly,
fortnightly and monthly, one third single dates), ``--due`` of them (default 10) with a date
inside the next day, every member answering yes or maybe to those and a third of the
members asking for topic reminders.

Measures, with a fixed clock:
- first scan: the one that queues the 1-day reminders (ms, and how many were queued);
- steady scan: the same moment scanned again, nothing left to send (median and p95 ms);
- upcoming: the shared next-dates query behind ``/termine`` (median ms), for comparison.

Run: ``.venv/bin/python -m bench.events_bench [--members 100] [--events 50] [--scans 50]``.
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

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.reminders import ReminderScanner
from handlers.events.service import EventService
from handlers.events.upcoming import upcoming
from storage import Store
from storage.db import utcnow
from storage.events import EventFields

RESULTS = Path(__file__).parent / "results"
RULES = ("FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY")


async def _setup(store: Store, settings: Settings, members: int, events: int, due: int) -> None:
    now = utcnow().replace(microsecond=0)
    topic = await store.topics.create("Bench")
    ids = []
    for i in range(members):
        member = await store.members.create(
            name=f"M{i}", company="C", region="Hagen", competencies=[], language="de"
        )
        await store.members.add_identity(member.id, "console", f"u{i}", f"u{i}")
        await store.topics.subscribe(member.id, topic.id)
        if i % 3 == 0:
            await store.rsvps.set_remind_topics(member.id, True)
        ids.append(member.id)
    service = EventService(store, Notifier(store, "de"), settings, "bench")
    for n in range(events):
        soon = n < due
        rule = RULES[n % len(RULES)] if n % 3 != 2 else None
        # a date 2..22 hours from now (for a series: a rule date today), or days later
        start = now + (timedelta(hours=2 + 2 * n) if soon else timedelta(days=3 + n))
        if rule:  # a series that began a year ago on the same weekday and time
            year_ago = start.replace(year=start.year - 1)
            start = year_ago if "MONTHLY" in rule else start - timedelta(weeks=52)
        fields = EventFields(
            title=f"Event {n}",
            start=start,
            end=start + timedelta(hours=2),
            timezone=settings.timezone,
            rrule=rule,
            topic_ids=[topic.id],
        )
        event = await service.create(fields, announce=False)
        if soon:
            occ = (await upcoming(store, event_id=event.id, limit=1, now=now))[0]
            for j, member_id in enumerate(ids):
                status = ("yes", "maybe", "no")[j % 3]
                await store.rsvps.record(event.id, occ.key, member_id, status, False)
    # answers were given "earlier", so the 1-day reminders are owed
    earlier = (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    await store.db.execute("UPDATE rsvps SET created_at = ?, updated_at = ?", (earlier, earlier))
    await store.db.execute("UPDATE events SET created_at = ?", (earlier,))


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


async def main(members: int, events: int, due: int, scans: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        store = await Store.open(settings.db_path)
        try:
            await _setup(store, settings, members, events, due)
            now = utcnow()
            scanner = ReminderScanner(store, Notifier(store, "de"), settings, clock=lambda: now)
            started = time.perf_counter()
            queued = await scanner.scan()
            first = time.perf_counter() - started
            steady = []
            for _ in range(scans):
                started = time.perf_counter()
                assert await scanner.scan() == 0
                steady.append(time.perf_counter() - started)
            listing = []
            for _ in range(10):
                started = time.perf_counter()
                await upcoming(store, now=now)
                listing.append(time.perf_counter() - started)
            writes = await store.db.fetchval("SELECT COUNT(*) FROM sent_reminders")
        finally:
            await store.close()
    steady.sort()
    return {
        "members": members,
        "events": events,
        "events_due_within_a_day": due,
        "first_scan_ms": _ms(first),
        "first_scan_queued": queued,
        "sent_reminder_rows": writes,
        "steady_scan_median_ms": _ms(statistics.median(steady)),
        "steady_scan_p95_ms": _ms(steady[int(len(steady) * 0.95) - 1]),
        "upcoming_median_ms": _ms(statistics.median(listing)),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--due", type=int, default=10)
    parser.add_argument("--scans", type=int, default=50)
    ns = parser.parse_args()
    result = asyncio.run(main(ns.members, ns.events, ns.due, ns.scans))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "events.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:28} {value}")
