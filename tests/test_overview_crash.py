"""SIGKILL at the overview's time: a real bot process queues the weekly overview for
thousands of members and is killed; after a restart every member has exactly one overview
row in the outbox (the claim and the row are one transaction), and each got the message.

The members chose this very weekday and hour, so the overview is due the moment the bot
starts; the week's updates are dated a day back, so no test depends on today's date."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
from collections import Counter
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.delivery.worker import CONCURRENCY
from storage import Store
from storage.db import to_db_time, utcnow
from tests.fake_telegram import FakeTelegram
from tests.test_inbox_crash import _start, _until

MEMBERS = 1500
FIRST_CHAT = 70_000
UPDATE = "Protokoll der Sitzung ist online"


async def _prepare(db: Path) -> None:
    """Members on the digest of one group, whose overview is due now, and one update."""
    store = await Store.open(db)
    try:
        now = utcnow()
        local = now.astimezone(ZoneInfo("Europe/Berlin"))
        stamp, before = to_db_time(now), to_db_time(now - timedelta(days=2))
        async with store.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO work_groups (id, name, name_key, created_at)"
                " VALUES (1, 'AG Wasserstoff', 'ag wasserstoff', ?)",
                (before,),
            )
            await conn.executemany(
                "INSERT INTO members (id, name, company, region, consent_at, created_at,"
                " updated_at) VALUES (?, ?, 'Muster GmbH', 'Hagen', ?, ?, ?)",
                [(n, f"Mitglied {n}", before, before, before) for n in range(1, MEMBERS + 1)],
            )
            await conn.executemany(
                "INSERT INTO identities (platform, user_id, member_id, chat_id, last_seen_at,"
                " created_at) VALUES ('telegram', ?, ?, ?, ?, ?)",
                [
                    (str(FIRST_CHAT + n), n, str(FIRST_CHAT + n), stamp, before)
                    for n in range(1, MEMBERS + 1)
                ],
            )
            await conn.executemany(
                "INSERT INTO group_members (group_id, member_id, level, level_since, joined_at)"
                " VALUES (1, ?, 'digest', ?, ?)",
                [(n, before, before) for n in range(1, MEMBERS + 1)],
            )
            await conn.executemany(
                "INSERT INTO member_settings (member_id, overview_weekday, overview_hour)"
                " VALUES (?, ?, ?)",
                [(n, local.weekday(), local.hour) for n in range(1, MEMBERS + 1)],
            )
            await conn.execute(
                "INSERT INTO group_posts (group_id, author_id, body, created_at)"
                " VALUES (1, 1, ?, ?)",
                (UPDATE, to_db_time(now - timedelta(days=1))),
            )
    finally:
        await store.close()


def _settled(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=0.05) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM group_digests").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _received(fake: FakeTelegram) -> Counter[int]:
    return Counter(m.chat_id for m in fake.sent if UPDATE in m.text)


async def test_the_overview_goes_once_across_a_sigkill_at_its_time(tmp_path: Path) -> None:
    fake = FakeTelegram(send_delay=0.05)
    await fake.start()
    db = tmp_path / "bot.sqlite3"
    await _prepare(db)
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(db),
        "KNOTENPUNKT_TELEGRAM_TOKEN": fake.token,
        "KNOTENPUNKT_TELEGRAM_API_URL": fake.url,
        "KNOTENPUNKT_TELEGRAM_RATE": "1000",
        "KNOTENPUNKT_HTTP_PORT": "0",
    }
    log = tmp_path / "bot.log"
    process = _start(env, log)
    try:
        await _until(lambda: _settled(db) > 0, 60, "the overview to be queued")
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        at_kill = _settled(db)

        fake.send_delay = 0.0
        process = _start(env, log)
        expected = {FIRST_CHAT + n for n in range(1, MEMBERS + 1)}
        await _until(lambda: set(_received(fake)) >= expected, 90, "every member's overview")
        await asyncio.sleep(0.5)
        received = _received(fake)
        assert set(received) == expected
        twice = [chat for chat, n in received.items() if n > 1]
        assert len(twice) <= CONCURRENCY, twice  # only sends in flight at the kill
        with sqlite3.connect(db) as conn:
            rows = conn.execute(
                "SELECT member_id, COUNT(*) FROM outbox WHERE batch LIKE 'overview:%'"
                " GROUP BY member_id"
            ).fetchall()
            settled = conn.execute("SELECT COUNT(*) FROM group_digests").fetchone()[0]
        assert len(rows) == MEMBERS and {n for _, n in rows} == {1}  # queued once each
        assert settled == MEMBERS
        assert 0 < at_kill <= MEMBERS
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        await fake.stop()
