"""Questions about the store itself, for health checks, metrics, doctor and restore.

Kept apart from the repositories of capabilities: nothing here reads members' data.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage.db import Database, migration_versions

# Columns that mark an inbox row as handled, in the order we look for them. The inbox
# table comes with another change; until it exists the depth is 0.


@dataclass(frozen=True)
class SchemaState:
    applied: list[int]
    known: list[int]

    @property
    def missing(self) -> list[int]:
        return [v for v in self.known if v not in self.applied]

    @property
    def unknown(self) -> list[int]:
        """Versions in the store that this code does not know: the store is newer."""
        return [v for v in self.applied if v not in self.known]


class Maintenance:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def integrity_check(self) -> list[str]:
        """SQLite's own check: ``["ok"]`` when the file is sound, else its findings."""
        rows = await self.db.fetchall("PRAGMA integrity_check")
        return [str(r[0]) for r in rows]

    async def schema_state(self) -> SchemaState:
        applied: list[int] = []
        if await self.table_exists("schema_migrations"):
            rows = await self.db.fetchall("SELECT version FROM schema_migrations ORDER BY 1")
            applied = [int(r[0]) for r in rows]
        return SchemaState(applied=applied, known=migration_versions())

    async def table_exists(self, name: str) -> bool:
        found = await self.db.fetchval(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return found is not None

    async def inbox_depth(self) -> int:
        """Updates stored (and acknowledged to the platform) but not yet handled."""
        return int(await self.db.fetchval("SELECT COUNT(*) FROM inbox WHERE done_at IS NULL"))


def file_sizes(path: Path) -> tuple[int, int]:
    """Bytes of the store file and of its write-ahead log (0 when absent)."""

    def size(p: Path) -> int:
        try:
            return p.stat().st_size
        except FileNotFoundError:
            return 0

    return size(path), size(path.with_name(path.name + "-wal"))


def check_file(path: Path) -> list[str]:
    """Integrity of a store file that is not open (a backup to restore): ``["ok"]`` if sound."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if rows == [("ok",)]:
            tables = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
            if tables is None:
                return ["not a Knotenpunkt store (no schema_migrations table)"]
        return [str(r[0]) for r in rows]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def schema_versions_in_file(path: Path) -> list[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")]
    finally:
        conn.close()
