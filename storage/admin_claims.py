"""One-time admin claim codes, stored only as a SHA-256 hash (see migration 0015)."""

from __future__ import annotations

from datetime import datetime

from storage.db import Database, to_db_time, utcnow
from storage.linking import hash_code


class AdminClaimRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def replace(self, code: str, expires_at: datetime) -> int | None:
        """Store a new code in place of any unused one; None if the code is taken."""
        async with self.db.transaction():
            await self.db.execute("DELETE FROM admin_claims WHERE used_at IS NULL")
            cursor = await self.db.execute(
                "INSERT OR IGNORE INTO admin_claims (code_hash, created_at, expires_at)"
                " VALUES (?, ?, ?)",
                (hash_code(code), to_db_time(utcnow()), to_db_time(expires_at)),
            )
        return int(cursor.lastrowid or 0) if cursor.rowcount > 0 else None

    async def use(self, code: str, now: datetime) -> int | None:
        """Spend the code if it is unused and valid now: its id, else None (checked and
        spent in one statement, so two people cannot both claim it)."""
        async with self.db.transaction():
            value = await self.db.fetchval(
                "UPDATE admin_claims SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"
                " AND expires_at > ? RETURNING id",
                (to_db_time(now), hash_code(code), to_db_time(now)),
            )
        return None if value is None else int(value)
