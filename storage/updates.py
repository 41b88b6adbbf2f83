"""Platform update ids already handled, so a re-delivered update is processed once."""

from __future__ import annotations

from datetime import datetime

from storage.db import Database, to_db_time, utcnow


class ProcessedUpdates:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def first_time(self, platform: str, update_id: str) -> bool:
        """Record the update; False if it was seen before."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO processed_updates (platform, update_id, seen_at)"
            " VALUES (?, ?, ?)",
            (platform, update_id, to_db_time(utcnow())),
        )
        return cursor.rowcount > 0

    async def purge_before(self, cutoff: datetime) -> int:
        cursor = await self.db.execute(
            "DELETE FROM processed_updates WHERE seen_at < ?", (to_db_time(cutoff),)
        )
        return cursor.rowcount
