"""Two-part broadcast benchmark: a text too long for one Telegram message, to ``--members``
members (default 1,000), at Telegram's real limits.

The fake Bot API (``tests/fake_telegram.py`` with ``flood_limits``) enforces what Telegram
does: 30 sends in any second overall, one per second per chat, 20 a minute per group,
429 with ``retry_after`` beyond that; no time scaling. The app runs as in production in
this process: the real Telegram adapter (python-telegram-bot), the broadcast service's
``send_now`` queueing one outbox row per member, the delivery worker sending each row part
by part, every second part waiting for its chat's next second.

The text is 4,000 characters (the most a broadcast takes); with the title and the
unsubscribe footer every member's message is two parts. Reported: parts per second from
the first queued row to the last part, as a share of the 30/s ceiling; recipients who got
any part twice (must be 0); parts missing (must be 0: every member has both parts, as the
adapter renders them for the member's language); the 429s the fake answered; total time.

Run: ``.venv/bin/python -m bench parts [--members 1000]`` (about 70 s at 1,000);
writes ``bench/results/parts.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.broadcast_bench import _start, _until_delivered
from bot.adapters.telegram_render import render_parts
from bot.app import Services
from handlers.broadcast.service import MAX_TEXT, BroadcastService, Sender
from storage.broadcasts import Audience
from tests.fake_telegram import FakeTelegram

RESULTS = Path(__file__).parent / "results"
FIRST_CHAT = 10_000  # members' chats are FIRST_CHAT, FIRST_CHAT + 1, …
CEILING = 30.0  # Telegram's overall messages per second
PARTS = 2
WORDS = "Wasserstoff Netzwerk Förderung Anmeldung Programm Kooperation Übersicht 🚀 "


def long_text(length: int = MAX_TEXT) -> str:
    """A broadcast of ``length`` characters in words (umlauts and an emoji included)."""
    return (WORDS * (length // len(WORDS) + 1))[:length].strip()


def check(fake: FakeTelegram, expected: dict[int, list[str]]) -> dict[str, int]:
    """What the members' chats received against the parts each should have: recipients
    who got a part more than once, parts that never arrived, messages nobody expected."""
    got: dict[int, Counter[str]] = defaultdict(Counter)
    for message in fake.sent:
        got[message.chat_id][message.html] += 1
    twice = sum(1 for chat in expected if any(n > 1 for n in got[chat].values()))
    missing = sum(1 for chat, parts in expected.items() for p in parts if got[chat][p] == 0)
    stray = sum(
        n for chat, counts in got.items() for html, n in counts.items()
        if html not in expected.get(chat, ())
    )  # fmt: skip
    return {"recipients_got_a_part_twice": twice, "parts_missing": missing, "stray": stray}


async def _members(services: Services, count: int) -> dict[int, str]:
    """``count`` members on Telegram, a quarter of them in English; their chats' languages."""
    languages = {}
    async with services.store.transaction():
        for n in range(count):
            language = "en" if n % 4 == 0 else "de"
            member = await services.store.members.create(
                name=f"Mitglied {n}", company="Bench GmbH", region="Hagen", competencies=[],
                language=language,
            )  # fmt: skip
            chat = FIRST_CHAT + n
            await services.store.members.add_identity(member.id, "telegram", str(chat), str(chat))
            languages[chat] = language
    return languages


async def run(members: int, within: float | None = None) -> dict[str, Any]:
    """One two-part broadcast to ``members`` members at the real limits; its figures."""
    fake = FakeTelegram(flood_limits=True, flood_rate=int(CEILING))
    await fake.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app, services = await _start(fake, Path(tmp) / "parts.sqlite3", CEILING)
            try:
                languages = await _members(services, members)
                service = BroadcastService(services.store, services.notifier, services.settings)
                text = long_text()
                render = service.message_for(text)
                parts = {lang: render_parts(render(lang)) for lang in ("de", "en")}
                expected = {chat: parts[lang] for chat, lang in languages.items()}
                started = time.perf_counter()
                broadcast, queued = await service.send_now(Audience(), text, Sender("bench", "de"))
                enqueue_s = time.perf_counter() - started
                limit = within if within is not None else members * PARTS / CEILING * 2 + 60
                await _until_delivered(services, broadcast.id, limit)
                total_s = time.perf_counter() - started
                counts = (await services.store.broadcasts.counts([broadcast.id]))[broadcast.id]
            finally:
                await app.stop()
    finally:
        await fake.stop()
    delivered = sum(1 for m in fake.sent if m.chat_id in expected)
    rate = delivered / total_s
    return {
        "members": members,
        "queued": queued,
        "parts_per_member": sorted({len(p) for p in parts.values()}),
        "parts_expected": sum(len(p) for p in expected.values()),
        "parts_delivered": delivered,
        "enqueue_s": round(enqueue_s, 3),
        "total_s": round(total_s, 1),
        "parts_per_s": round(rate, 1),
        "share_of_30_per_s": round(rate / CEILING, 3),
        "responses_429": fake.flood_violations,
        "rows_sent": counts.sent,
        "rows_failed": counts.failed,
        **check(fake, expected),
    }


async def main(members: int) -> dict[str, Any]:
    logging.basicConfig(level=logging.ERROR)
    return await run(members)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1000)
    options = parser.parse_args()
    result = asyncio.run(main(options.members))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "parts.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"two-part broadcast to {result['members']:,} members at Telegram's limits:"
        f" {result['parts_delivered']:,} parts in {result['total_s']} s ="
        f" {result['parts_per_s']} parts/s ({result['share_of_30_per_s']:.1%} of 30/s);"
        f" got a part twice: {result['recipients_got_a_part_twice']},"
        f" parts missing: {result['parts_missing']}, 429s: {result['responses_429']}"
    )
    for key, value in result.items():
        print(f"{key:28} {value}")
