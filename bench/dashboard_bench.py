"""Dashboard page times: prints numbers and writes bench/results/dashboard.json.

A network of ``--members`` members (default 3,000, every tenth pending, each subscribed to
one of five topics), ``--events`` events (default 40, half of them monthly series, 50 seats
each) and one queued message per member. The bot runs with its HTTP server; an admin signs
in through a real one-time link, then each page is fetched ``--rounds`` times (default 20)
over HTTP. Goal: p95 under 150 ms for every page.

Run: ``.venv/bin/python -m bench.dashboard_bench [--members 3000] [--rounds 20]``.
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
from bot.settings import Settings
from handlers.dashboard.auth import issue_login
from handlers.events.service import EventService
from storage.db import utcnow
from storage.events import EventFields
from storage.outbox import OutboxEntry

RESULTS = Path(__file__).parent / "results"
PAGES = [
    "/admin/", "/admin/members", "/admin/members?q=Firma+12", "/admin/members?status=pending",
    "/admin/events", "/admin/broadcasts", "/admin/topics", "/admin/audit",
]  # fmt: skip


async def fill(app: App, members: int, events: int) -> None:
    services = app.services
    assert services is not None
    store = services.store
    topics = [await store.topics.create(f"Thema {n}", "") for n in range(5)]
    ids = []
    async with store.transaction():
        for n in range(members):
            member = await store.members.create(
                name=f"Mitglied {n}", company=f"Firma {n}", region="Hagen",
                competencies=["Robotik", "KI"], language="de",
                status="pending" if n % 10 == 0 else "active",
            )  # fmt: skip
            await store.members.add_identity(member.id, "console", f"m{n}", f"m{n}")
            await store.topics.subscribe(member.id, topics[n % 5].id)
            ids.append(member.id)
    service = EventService(store, services.notifier, services.settings, "bench")
    start = utcnow().replace(microsecond=0) + timedelta(days=2)
    for n in range(events):
        fields = EventFields(
            title=f"Termin {n}", start=start + timedelta(days=n), end=start + timedelta(days=n, hours=2),
            timezone=services.settings.timezone, rrule="FREQ=MONTHLY" if n % 2 else None,
            topic_ids=[topics[n % 5].id], capacity=50,
        )  # fmt: skip
        await service.create(fields, announce=False)
    await store.outbox.add(
        OutboxEntry(platform="console", chat_id=f"m{n}", payload="{}", batch=f"bench:{n % 30}")
        for n in range(members)
    )


async def run(members: int, events: int, rounds: int) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp())
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, db_path=folder / "bench.sqlite3", http_port=0,
        public_url="http://127.0.0.1", admins=["console:chef"],
    )  # fmt: skip
    app = App(settings, serve_http=True, adapter_factories=[])
    services = await app.start()
    try:
        began = time.perf_counter()
        await fill(app, members, events)
        filled = time.perf_counter() - began
        token = await issue_login(services.store, "console:chef", "de", via="bench")
        assert services.http is not None
        jar = aiohttp.CookieJar(unsafe=True)
        times: dict[str, list[float]] = {}
        async with aiohttp.ClientSession(services.http.base_url, cookie_jar=jar) as client:
            async with client.post(f"/admin/login/{token}", allow_redirects=False) as response:
                assert response.status == 303
            for page in PAGES:
                for _ in range(rounds):
                    started = time.perf_counter()
                    async with client.get(page) as response:
                        assert response.status == 200, page
                        await response.read()
                    times.setdefault(page, []).append((time.perf_counter() - started) * 1000)
    finally:
        await app.stop()
    report: dict[str, object] = {"members": members, "events": events, "fill_s": round(filled, 1)}
    for page, values in times.items():
        values.sort()
        report[page] = {
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(values[int(len(values) * 0.95) - 1], 1),
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    report = asyncio.run(run(args.members, args.events, args.rounds))
    for key, value in report.items():
        print(f"{key}: {value}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "dashboard.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
