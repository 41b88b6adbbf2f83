"""Reads see only what is committed: another task's open transaction stays invisible until
it commits (and for good if it rolls back); a task inside its own transaction sees its own
writes. The same for a file store (a read-only second connection) and ``:memory:`` (reads
wait for the lock)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Store
from storage.db import Database


@pytest.fixture(params=["file", "memory"])
async def two_tasks_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    path = tmp_path / "reads.sqlite3" if request.param == "file" else ":memory:"
    store = Store(await Database(path).open())
    yield store
    await store.close()


async def _names(store: Store) -> list[str]:
    return [topic.name for topic in await store.topics.list()]


async def _read_elsewhere(store: Store) -> list[str]:
    """A read by another task, given a moment to finish (it may wait for the lock)."""
    task = asyncio.create_task(_names(store))
    done, _pending = await asyncio.wait({task}, timeout=0.3)
    if not done:  # waits for the writer: it saw nothing uncommitted
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return []
    return task.result()


async def _hold(store: Store, opened: asyncio.Event, release: asyncio.Event, commit: bool) -> None:
    """Insert a topic in a transaction and keep it open until told, then commit or roll back."""
    try:
        async with store.transaction():
            await store.topics.create("Offen")
            assert "Offen" in await _names(store), "a transaction reads its own writes"
            opened.set()
            await release.wait()
            if not commit:
                raise LookupError("rolled back")
    except LookupError:
        pass


@pytest.mark.parametrize("commit", [False, True])
async def test_another_tasks_uncommitted_write_is_not_read(
    two_tasks_store: Store, commit: bool
) -> None:
    store = two_tasks_store
    opened, release = asyncio.Event(), asyncio.Event()
    writer = asyncio.create_task(_hold(store, opened, release, commit))
    await asyncio.wait_for(opened.wait(), timeout=5.0)

    assert await _read_elsewhere(store) == []  # uncommitted: invisible

    release.set()
    await writer
    assert await _names(store) == (["Offen"] if commit else [])


async def test_reads_do_not_wait_for_an_open_transaction(tmp_path: Path) -> None:
    """A file store answers reads from its snapshot while a write transaction is open."""
    store = Store(await Database(tmp_path / "reads.sqlite3").open())
    try:
        await store.topics.create("Da")
        opened, release = asyncio.Event(), asyncio.Event()
        writer = asyncio.create_task(_hold(store, opened, release, commit=True))
        await asyncio.wait_for(opened.wait(), timeout=5.0)
        assert await asyncio.wait_for(_names(store), timeout=1.0) == ["Da"]
        release.set()
        await writer
        assert sorted(await _names(store)) == ["Da", "Offen"]
    finally:
        await store.close()


async def test_the_read_connection_cannot_write(tmp_path: Path) -> None:
    db = await Database(tmp_path / "reads.sqlite3").open()
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await db.fetchall("INSERT INTO topics (name, name_key, created_at) VALUES (1, 1, 1)")
        assert await db.fetchval("PRAGMA foreign_keys") == 1
    finally:
        await db.close()
