"""Directory search benchmark: prints numbers and writes bench/results/directory.json.

A network far larger than any the bot is meant for: ``--members`` members (default
100,000), ``--listed`` of them listed in the directory (default 30 %), each with a name,
a company, a region and two to four competencies from a German vocabulary (umlauts and ß
included), on Telegram or Slack. Members are written in bulk; the FTS5 index is filled by
the migration's triggers, as it is in production.

Measures ``/find TERM`` end to end through the core (identity, transaction, rate limit,
search log, FTS5 query with bm25, contacts, rendering): ``--searches`` searches (default
1,000) by rotating searchers (so none hits the rate limit), over a mix of whole words,
prefixes, folded spellings and two-word terms. Also ``/find`` without a term (overview) and
a "more" page. Goal: p99 of ``/find TERM`` under 50 ms.

Run: ``.venv/bin/python -m bench.directory_bench [--members 100000] [--searches 1000]``.
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
from storage import Store
from storage.db import to_db_time, utcnow

RESULTS = Path(__file__).parent / "results"
FIRST = ["Anna", "Jörg", "Lena", "Uwe", "Sören", "Maria", "Jürgen", "Petra", "Kai", "Özlem"]
LAST = ["Müller", "Weiß", "Schröder", "Becker", "Groß", "Krämer", "Hoffmann", "Köhler", "Yılmaz"]
KINDS = ["Schweißtechnik", "Robotik", "Maschinenbau", "Kunststoff", "Metallbau", "Elektro"]
VOCABULARY = [
    "Robotik", "Schweißtechnik", "KI", "Additive Fertigung", "Laserschneiden", "Wasserstoff",
    "Brennstoffzelle", "Förderanträge", "Oberflächentechnik", "Sensorik", "Automatisierung",
    "Digitaler Zwilling", "Qualitätssicherung", "Lieferkette", "Kreislaufwirtschaft",
    "Energieeffizienz", "Spritzguss", "Umformtechnik", "Logistik", "IT-Sicherheit",
    "Datenanalyse", "Prüftechnik", "Gießerei", "Zerspanung", "Messtechnik", "Vertrieb",
    "Personalentwicklung", "Fördermittel", "Exportberatung", "Photovoltaik",
]  # fmt: skip
TERMS = [
    "robot", "Robotik", "schweiss", "schweißtechnik", "ki", "additiv", "laser", "wasserstoff",
    "foerder", "förderanträge", "sensor", "muller", "mueller", "weiss", "kreis olpe",
    "robotik hagen", "spritz", "umform", "gies", "messtech", "digital zwilling", "anna",
    "jörg", "koehler", "schröder", "metallbau", "qualit", "energie", "photo", "xyzzy",
]  # fmt: skip


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def _populate(store: Store, members: int, listed_share: float, regions: list[str]) -> None:
    """Bulk rows; listing a member (a member_settings row) fires the index trigger."""
    rng = random.Random(15)
    now = to_db_time(utcnow())
    rows, identities, settings = [], [], []
    for i in range(1, members + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        company = f"{rng.choice(LAST)} {rng.choice(KINDS)} GmbH"
        tags = rng.sample(VOCABULARY, rng.randint(2, 4))
        rows.append((i, name, company, rng.choice(regions), json.dumps(tags), now, now, now))
        platform = "telegram" if i % 3 else "slack"
        user = str(100000 + i) if platform == "telegram" else f"U{i:08d}"
        identities.append((platform, user, i, user, now, now))
        if rng.random() < listed_share:
            settings.append((i,))
    async with store.transaction() as conn:
        await conn.executemany(
            "INSERT INTO members (id, name, company, region, competencies, language, consent_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'de', ?, ?, ?)",
            rows,
        )
        await conn.executemany(
            "INSERT INTO identities (platform, user_id, member_id, chat_id, last_seen_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            identities,
        )
        await conn.executemany(
            "INSERT INTO member_settings (member_id, listed_in_directory) VALUES (?, 1)", settings
        )


def _incoming(member: int, text: str) -> Incoming:
    platform = Platform.TELEGRAM if member % 3 else Platform.SLACK
    user = str(100000 + member) if platform == Platform.TELEGRAM else f"U{member:08d}"
    return Incoming(
        platform=platform, chat_id=user, sender=Identity(platform=platform, user_id=user), text=text
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
            indexed = len(await store.directory.indexed_ids())

            rng = random.Random(42)
            searchers = list(range(1, max(2, searches // 10) + 1))
            timings, hits = [], []
            for n in range(searches):
                term = TERMS[n % len(TERMS)]
                incoming = _incoming(searchers[n % len(searchers)], f"/find {term}")
                began = time.perf_counter()
                [answer] = await core.handle(incoming)
                timings.append(time.perf_counter() - began)
                hits.append(int(answer.title.split(": ")[1].split()[0]) if answer.title else 0)
                assert answer.text != t("de", "error.internal"), term

            overview = []
            for _ in range(10):
                began = time.perf_counter()
                [answer] = await core.handle(_incoming(rng.randint(1, members), "/find"))
                overview.append(time.perf_counter() - began)
            searcher = members  # a fresh one for paging
            [first] = await core.handle(_incoming(searcher, "/find robot"))
            more = first.buttons[0][0]
            began = time.perf_counter()
            await core.handle(
                _incoming(searcher, "x").model_copy(
                    update={"text": None, "action": more.action, "action_arg": more.arg}
                )
            )
            more_page = time.perf_counter() - began
        finally:
            await app.stop()
    return {
        "members": members,
        "listed": indexed,
        "populate_s": round(populate, 1),
        "searches": searches,
        "find_median_ms": _ms(statistics.median(timings)),
        "find_p95_ms": _ms(_percentile(timings, 0.95)),
        "find_p99_ms": _ms(_percentile(timings, 0.99)),
        "find_max_ms": _ms(max(timings)),
        "find_p99_under_50ms": _percentile(timings, 0.99) < 0.05,
        "matches_median": statistics.median(hits),
        "matches_max": max(hits),
        "overview_median_ms": _ms(statistics.median(overview)),
        "more_page_ms": _ms(more_page),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--listed", type=float, default=0.3)
    parser.add_argument("--searches", type=int, default=1000)
    ns = parser.parse_args()
    result = asyncio.run(main(ns.members, ns.listed, ns.searches))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "directory.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:24} {value}")
