"""Data protection benchmark: prints numbers and writes bench/results/privacy.json.

A network far larger than the bot is meant for: ``--members`` members (default 100,000),
30 % listed in the directory, each with an identity, a consent event, two audit entries
(registration and a directory change) and a delivered message. Measures the work that
walks every table or the whole audit log for one person:

- ``export``: everything about one member (``/meinedaten``, ``knotenpunkt member export``),
- ``erase``: one member in one transaction, including the merge of the directory index,
- ``stats``: ``/stats`` for the whole network.

Run: ``.venv/bin/python -m bench.privacy_bench [--members 100000] [--rounds 20]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.directory_bench import _populate
from bot.app import App
from bot.settings import Settings
from handlers.privacy.service import PrivacyService
from handlers.privacy.stats import collect
from storage import Store
from storage.db import to_db_time, utcnow

RESULTS = Path(__file__).parent / "results"


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


async def _history(store: Store, members: int) -> None:
    """What a year of use leaves per member: consent, audit entries, a delivered message."""
    now = to_db_time(utcnow())
    async with store.transaction() as conn:
        await conn.execute(
            "INSERT INTO consent_events (member_id, kind, granted, version, source, at)"
            " SELECT id, 'privacy', 1, 'builtin-1', 'registration', created_at FROM members"
        )
        await conn.executemany(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
            [
                (now, f"telegram:{100000 + i}", action, json.dumps({"member_id": i}))
                for i in range(1, members + 1)
                for action in ("member.registered", "directory.listed")
            ],
        )
        await conn.execute(
            "INSERT INTO outbox (platform, chat_id, member_id, payload, status,"
            " next_attempt_at, created_at, sent_at) SELECT platform, chat_id, member_id, '{}',"
            " 'sent', ?, ?, ? FROM identities",
            (now, now, now),
        )


async def _timed(rounds: list[int], work) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for member_id in rounds:
        started = time.perf_counter()
        await work(member_id)
        timings.append(time.perf_counter() - started)
    return timings


def _summary(timings: list[float]) -> dict[str, float]:
    return {
        "median_ms": _ms(statistics.median(timings)),
        "max_ms": _ms(max(timings)),
    }


async def main(members: int, rounds: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        app = App(settings, serve_http=False, adapter_factories=[])
        services = await app.start()
        try:
            store = services.store
            await _populate(store, members, 0.3, settings.regions)
            await _history(store, members)
            service = PrivacyService(store, services.notifier, settings, "bench")
            chosen = random.Random(14).sample(range(1, members + 1), rounds * 2)

            async def export(member_id: int) -> None:
                await service.export(member_id, by_staff=True)

            async def erase(member_id: int) -> None:
                await service.erase(member_id, by="staff")

            async def stats(member_id: int) -> None:
                await collect(store, settings)

            result: dict[str, object] = {
                "members": members,
                "audit_entries": await store.db.fetchval("SELECT COUNT(*) FROM audit_log"),
                "listed": len(await store.directory.indexed_ids()),
                "export": _summary(await _timed(chosen[:rounds], export)),
                "erase": _summary(await _timed(chosen[rounds:], erase)),
                "stats": _summary(await _timed(chosen[:3], stats)),
            }
            gone = await store.db.fetchval(
                f"SELECT COUNT(*) FROM members WHERE id IN ({','.join('?' * rounds)})",
                chosen[rounds:],
            )
            assert gone == 0, "an erasure left its member"
        finally:
            await app.stop()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "privacy.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args()
    print(json.dumps(asyncio.run(main(options.members, options.rounds)), indent=2))
