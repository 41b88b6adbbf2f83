"""Migration 0005 on a store that is already in use: the outbox is rebuilt with the
'withdrawn' status and keeps its rows; one working group per chat."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from storage import Store
from storage.db import Database


def _apply_before_groups(path: Path) -> None:
    """A store as the bot left it before working groups existed (migrations below 0005)."""
    scripts = sorted(
        entry
        for entry in resources.files("storage.migrations").iterdir()
        if entry.name.endswith(".sql") and int(entry.name.split("_", 1)[0]) < 5
    )
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        for entry in scripts:
            conn.executescript(entry.read_text(encoding="utf-8"))
            version = int(entry.name.split("_", 1)[0])
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01T00:00:00.000000Z')",
                (version, entry.name),
            )
        conn.execute(
            "INSERT INTO outbox (platform, chat_id, payload, batch, dedupe_key, status,"
            " next_attempt_at, created_at) VALUES ('telegram', '1', '{}', 'old', 'k1',"
            " 'pending', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')"
        )


async def test_outbox_keeps_its_rows_and_learns_withdrawn(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _apply_before_groups(path)
    store = Store(await Database(path).open())
    try:
        assert await store.db.schema_version() >= 5
        assert await store.outbox.batch_report("old") == {"pending": 1}
        assert await store.outbox.withdraw_pending(["old"]) == 1
        assert await store.outbox.batch_report("old") == {"withdrawn": 1}
        indexes = {r["name"] for r in await store.db.fetchall("PRAGMA index_list(outbox)")}
        assert {"outbox_due", "outbox_batch"} <= indexes
        with pytest.raises(sqlite3.IntegrityError):
            await store.db.execute("UPDATE outbox SET status = 'lost'")
        assert await store.db.fetchval("PRAGMA foreign_key_check") is None
    finally:
        await store.close()


async def test_a_chat_has_one_working_group(store: Store) -> None:
    first = await store.groups.create("AG Eins")
    second = await store.groups.create("AG Zwei")
    topic = await store.topics.create("Thema")
    assert await store.bindings.bind("telegram", "-1", "group", first.id)
    assert await store.bindings.bind("telegram", "-1", "topic", topic.id)
    with pytest.raises(sqlite3.IntegrityError):
        await store.bindings.bind("telegram", "-1", "group", second.id)
    # a migrated chat that had its own group keeps it; the old chat's group binding goes
    assert await store.bindings.bind("telegram", "-2", "group", second.id)
    await store.bindings.migrate_chat("telegram", "-1", "-2")
    kinds = sorted(
        (b.target_kind, b.target_id) for b in await store.bindings.for_chat("telegram", "-2")
    )
    assert kinds == [("group", second.id), ("topic", topic.id)]
