"""Faceted search benchmark: prints numbers and writes bench/results/facets.json.

``--members`` members (default 100,000), ``--listed`` of them in the directory (default
30 %), every one with a company profile: one or two processes, up to two certifications,
one or two industries, a material and a size band from the seeded vocabularies. Members and
their facets are written in bulk; the search indexes are filled by the migrations'
triggers, as in production.

Measures the faceted search end to end through the core: a filter button pressed on an
earlier ``/find`` (identity, transaction, rate limit, search log, the one query with its
facet conditions, bm25, contacts, rendering), over a mix of a certification, a process, an
industry and a region, with and without a term; and the same query straight in the store.
Goal: p99 under 50 ms.

Run: ``.venv/bin/python -m bench facets [--members 100000] [--searches 1000]``.
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

from bot.app import App
from bot.i18n import t
from bot.models import Identity, Incoming, Platform
from bot.settings import Settings
from handlers.directory.filters import FilterPick
from storage import Store
from storage.db import to_db_time, utcnow
from storage.directory import SearchFilters

RESULTS = Path(__file__).parent / "results"
FIRST = ["Anna", "Jörg", "Lena", "Uwe", "Sören", "Maria", "Jürgen", "Petra", "Kai", "Özlem"]
LAST = ["Müller", "Weiß", "Schröder", "Becker", "Groß", "Krämer", "Hoffmann", "Köhler"]
TERMS = ["", "fräsen", "pulver", "schweiss", "laser", "montage", "stahl", "cnc", "3d"]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def _populate(store: Store, members: int, listed_share: float, regions: list[str]) -> None:
    """Bulk rows: members, their facets, then the listing (which fills the index)."""
    rng = random.Random(30)
    vocab: dict[str, list[int]] = {}
    for entry in await store.facets.entries(proposed=False):
        vocab.setdefault(entry.facet, []).append(entry.id)
    now = to_db_time(utcnow())
    rows, identities, facets, settings = [], [], [], []
    for i in range(1, members + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        rows.append((i, name, f"{rng.choice(LAST)} GmbH", rng.choice(regions), now, now, now))
        platform = "telegram" if i % 3 else "slack"
        user = str(100000 + i) if platform == "telegram" else f"U{i:08d}"
        identities.append((platform, user, i, user, now, now))
        chosen = rng.sample(vocab["process"], rng.randint(1, 2))
        chosen += rng.sample(vocab["certification"], rng.randint(0, 2))
        chosen += rng.sample(vocab["industry"], rng.randint(1, 2))
        chosen += [rng.choice(vocab["material"]), rng.choice(vocab["size"])]
        facets += [(i, entry_id) for entry_id in chosen]
        if rng.random() < listed_share:
            settings.append((i,))
    async with store.transaction() as conn:
        await conn.executemany(
            "INSERT INTO members (id, name, company, region, competencies, language, consent_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'de', ?, ?, ?)",
            rows,
        )
        await conn.executemany(
            "INSERT INTO identities (platform, user_id, member_id, chat_id, last_seen_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            identities,
        )
        await conn.executemany(
            "INSERT INTO member_facets (member_id, entry_id) VALUES (?, ?)", facets
        )
        await conn.executemany(
            "INSERT INTO member_settings (member_id, listed_in_directory) VALUES (?, 1)", settings
        )


def _incoming(member: int, text: str | None = None, **fields: object) -> Incoming:
    platform = Platform.TELEGRAM if member % 3 else Platform.SLACK
    user = str(100000 + member) if platform == Platform.TELEGRAM else f"U{member:08d}"
    return Incoming(
        platform=platform,
        chat_id=user,
        sender=Identity(platform=platform, user_id=user),
        text=text,
        **fields,  # type: ignore[arg-type]
    )


async def main(members: int, listed: float, searches: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        app = App(settings, serve_http=False, adapter_factories=[])
        services = await app.start()
        try:
            store, core = services.store, services.core
            started = time.perf_counter()
            await _populate(store, members, listed, settings.regions)
            populate = time.perf_counter() - started
            certs = [e.id for e in await store.facets.entries("certification", proposed=False)]
            procs = [e.id for e in await store.facets.entries("process", proposed=False)]
            inds = [e.id for e in await store.facets.entries("industry", proposed=False)]

            rng = random.Random(42)
            searchers = list(range(1, max(2, searches // 10) + 1))
            timings, hits, direct = [], [], []
            for n in range(searches):
                searcher = searchers[n % len(searchers)]
                term = TERMS[n % len(TERMS)]
                code, value = [
                    ("c", str(rng.choice(certs))),
                    ("p", str(rng.choice(procs))),
                    ("i", str(rng.choice(inds))),
                    ("r", rng.choice(settings.regions)),
                ][n % 4]
                if term:
                    [first] = await core.handle(_incoming(searcher, f"/find {term}"))
                    search_id = int(first.buttons[-2][0].arg.split(":")[0])
                else:
                    search_id = 0
                pick = FilterPick(search_id, code, value).button("x")  # type: ignore[arg-type]
                began = time.perf_counter()
                [answer] = await core.handle(
                    _incoming(searcher, action=pick.action, action_arg=pick.arg)
                )
                timings.append(time.perf_counter() - began)
                assert answer.text != t("de", "error.internal"), (term, code, value)
                title = answer.title or ""
                hits.append(int(title.rsplit(": ", 1)[1].split()[0]) if ": " in title else 0)

                filters = SearchFilters(entries=[rng.choice(certs), rng.choice(procs)])
                began = time.perf_counter()
                await store.directory.search(term, 0, 10, filters)
                direct.append(time.perf_counter() - began)
        finally:
            await app.stop()
    return {
        "members": members,
        "listed_share": listed,
        "populate_s": round(populate, 1),
        "searches": searches,
        "faceted_median_ms": _ms(statistics.median(timings)),
        "faceted_p95_ms": _ms(_percentile(timings, 0.95)),
        "faceted_p99_ms": _ms(_percentile(timings, 0.99)),
        "faceted_max_ms": _ms(max(timings)),
        "faceted_p99_under_50ms": _percentile(timings, 0.99) < 0.05,
        "store_two_facets_p99_ms": _ms(_percentile(direct, 0.99)),
        "matches_median": statistics.median(hits),
        "matches_max": max(hits),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--listed", type=float, default=0.3)
    parser.add_argument("--searches", type=int, default=1000)
    ns = parser.parse_args()
    result = asyncio.run(main(ns.members, ns.listed, ns.searches))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "facets.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:26} {value}")
