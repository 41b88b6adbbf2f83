"""Cooperation request benchmark: prints numbers and writes bench/results/cooperation.json.

A network far larger than any the bot is meant for: ``--members`` members (default
100,000), ``--listed`` of them listed in the directory (default 30 %, who take requests by
default) and 5 % more who are not listed but turned requests on, each with two to four
competencies and up to three of twelve topic channels. Members are written in bulk; the
matching index is filled by the migration's triggers, as in production.

Measures posting a request through the service (checks, insert, FTS5 matching over
competencies and topics with bm25, the weekly cap, one outbox row per notice, the monthly
count and the audit row, in one transaction) for ``--requests`` requests (default 200)
with one to three tags, and ``/gesuche`` through the core for random members. Goal: p95
of a post under 500 ms even when thousands are notified; ``/gesuche`` p99 under 50 ms.

Run: ``.venv/bin/python -m bench.cooperation_bench [--members 100000] [--requests 200]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.directory_bench import VOCABULARY, _incoming, _ms, _percentile, _populate
from bot.app import App
from bot.i18n import t
from bot.settings import Settings
from handlers.cooperation.service import CooperationService, Draft
from storage import Store
from storage.db import to_db_time, utcnow

RESULTS = Path(__file__).parent / "results"
TOPICS = [
    "Wasserstoff", "KI in der Industrie", "Kreislaufwirtschaft", "Fachkräfte", "Export",
    "Robotik & Automation", "Energie", "Digitalisierung", "Förderprogramme", "Mobilität",
    "Medizintechnik", "Verteidigung",
]  # fmt: skip


async def _opt_in_and_subscribe(store: Store, members: int, share: float) -> None:
    """Some unlisted members turn requests on; members subscribe to up to three topics."""
    rng = random.Random(16)
    topic_ids = [(await store.topics.create(name)).id for name in TOPICS]
    now = to_db_time(utcnow())
    listed = {r[0] for r in await store.db.fetchall("SELECT member_id FROM member_settings")}
    opted = [(i,) for i in range(1, members + 1) if i not in listed and rng.random() < share]
    subscriptions = [
        (i, topic, now)
        for i in range(1, members + 1)
        for topic in rng.sample(topic_ids, rng.randint(0, 3))
    ]
    async with store.transaction() as conn:
        await conn.executemany(
            "INSERT INTO member_settings (member_id, cooperation_requests) VALUES (?, 1)", opted
        )
        await conn.executemany(
            "INSERT INTO subscriptions (member_id, topic_id, created_at) VALUES (?, ?, ?)",
            subscriptions,
        )


async def main(members: int, listed: float, requests: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        app = App(settings, serve_http=False, adapter_factories=[])
        services = await app.start()
        try:
            store, core = services.store, services.core
            started = time.perf_counter()
            await _populate(store, members, listed, settings.regions)
            await _opt_in_and_subscribe(store, members, 0.05)
            populate = time.perf_counter() - started
            indexed = len(await store.cooperation.indexed_ids())

            service = CooperationService(store, services.notifier, settings)
            rng = random.Random(7)
            posts, notified = [], []
            for n in range(requests):
                author = await store.members.get(rng.randint(1, members))
                assert author is not None
                tags = rng.sample(VOCABULARY + TOPICS, rng.randint(1, 3))
                draft = Draft(
                    kind=rng.choice(["seek", "offer", "idea"]),
                    title=f"Gesuch {n}",
                    description="Wir suchen einen Partner. " * 20,
                    tags=tags,
                    region=author.region if n % 4 == 0 else None,
                    expires_at=utcnow() + timedelta(weeks=6),
                )
                began = time.perf_counter()
                posted = await service.post(author, draft, "bench")
                posts.append(time.perf_counter() - began)
                notified.append(posted.notified)

            lists = []
            for _ in range(200):
                member = rng.randint(1, members)
                began = time.perf_counter()
                [answer] = await core.handle(_incoming(member, "/gesuche"))
                lists.append(time.perf_counter() - began)
                assert answer.text != t("de", "error.internal")
            queued = await store.db.fetchval("SELECT COUNT(*) FROM outbox")
        finally:
            await app.stop()
    return {
        "members": members,
        "taking_requests": indexed,
        "populate_s": round(populate, 1),
        "requests": requests,
        "post_median_ms": _ms(statistics.median(posts)),
        "post_p95_ms": _ms(_percentile(posts, 0.95)),
        "post_max_ms": _ms(max(posts)),
        "post_p95_under_500ms": _percentile(posts, 0.95) < 0.5,
        "notified_median": statistics.median(notified),
        "notified_first": notified[0],
        "notified_max": max(notified),
        "notices_queued": queued,
        "max_notices_per_member": settings.request_notices_per_week,
        "list_median_ms": _ms(statistics.median(lists)),
        "list_p99_ms": _ms(_percentile(lists, 0.99)),
        "list_p99_under_50ms": _percentile(lists, 0.99) < 0.05,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--listed", type=float, default=0.3)
    parser.add_argument("--requests", type=int, default=200)
    ns = parser.parse_args()
    result = asyncio.run(main(ns.members, ns.listed, ns.requests))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cooperation.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:24} {value}")
