"""The store: migrations, pragmas, transactions."""

from __future__ import annotations

import pytest

from storage import Store
from storage.db import Database


async def test_migrations_are_idempotent_and_pragmas_set(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = await Database(tmp_path / "s.sqlite3").open()
    assert await db.migrate() == []  # already applied on open
    assert await db.fetchval("PRAGMA journal_mode") == "wal"
    assert await db.fetchval("PRAGMA foreign_keys") == 1
    assert await db.fetchval("PRAGMA secure_delete") == 1  # erased rows are overwritten
    versions = [r[0] for r in await db.fetchall("SELECT version FROM schema_migrations")]
    assert versions == sorted(versions) and versions[0] == 1
    await db.close()


async def test_transaction_rolls_back_everything(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.topics.create("Eins")
            await store.topics.create("Zwei")
            raise RuntimeError("abort")
    assert await store.topics.list() == []


async def test_deleting_a_member_removes_identities_and_subscriptions(store: Store) -> None:
    member = await store.members.create(
        name="A", company="B", region="Hagen", competencies=[], language="de"
    )
    await store.members.add_identity(member.id, "telegram", "1", "1")
    topic = await store.topics.create("T")
    await store.topics.subscribe(member.id, topic.id)
    await store.members.delete(member.id)
    assert await store.db.fetchval("SELECT COUNT(*) FROM identities") == 0
    assert await store.topics.subscriber_ids(topic.id) == []


async def test_naive_datetimes_are_refused(store: Store) -> None:
    from datetime import datetime

    from storage.db import to_db_time

    with pytest.raises(ValueError):
        to_db_time(datetime(2026, 1, 1))


async def test_task_spawned_inside_a_transaction_does_not_join_it(store: Store) -> None:
    """A child task waits for the lock instead of writing into the parent's transaction."""
    import asyncio

    child_done = asyncio.Event()

    async def child() -> None:
        await store.topics.create("Child")
        child_done.set()

    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.topics.create("Parent")
            task = asyncio.create_task(child())
            await asyncio.sleep(0.05)
            assert not child_done.is_set()  # blocked on the lock, not inside our transaction
            raise RuntimeError("abort")
    await task
    assert [t.name for t in await store.topics.list()] == ["Child"]
