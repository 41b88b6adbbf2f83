"""The inbox: every platform update, stored before the platform is told it arrived.

A row is added (durably) before the acknowledgement, processed from here, and marked done
in the handler's own transaction, so a crash at any moment loses no update and handles
none twice. Rows that are done stay a while so that a re-delivered update is recognised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, to_db_time, utcnow


@dataclass(frozen=True)
class InboxRow:
    platform: str
    update_id: str
    chat_key: str
    payload: str


class Inbox:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, platform: str, update_id: str, chat_key: str, payload: str) -> bool:
        """Store an update as it arrived; False if it was stored before (a re-delivery)."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO inbox (platform, update_id, chat_key, payload, received_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (platform, update_id, chat_key, payload, to_db_time(utcnow())),
        )
        return cursor.rowcount > 0

    async def add_many(self, rows: list[InboxRow]) -> set[tuple[str, str]]:
        """Store several updates as they arrived (a getUpdates batch) in one statement, one
        trip to the store; the (platform, update id) of those not stored before."""
        if not rows:
            return set()
        now = to_db_time(utcnow())
        values = ", ".join(["(?, ?, ?, ?, ?)"] * len(rows))
        params = [v for r in rows for v in (r.platform, r.update_id, r.chat_key, r.payload, now)]
        added = await self.db.execute_returning(
            "INSERT OR IGNORE INTO inbox (platform, update_id, chat_key, payload, received_at)"
            f" VALUES {values} RETURNING platform, update_id",
            params,
        )
        return {(row[0], row[1]) for row in added}

    async def first_time(self, platform: str, update_id: str) -> bool:
        """Mark the update done (in the caller's transaction); False if it was done before.

        The raw payload and the chat key go at the same moment: once handled only the key
        is needed (to refuse a re-delivery); the payload holds the sender's name and text,
        the chat key their platform id (it only orders the rows still to be handled)."""
        now = to_db_time(utcnow())
        cursor = await self.db.execute(
            "INSERT INTO inbox (platform, update_id, received_at, done_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (platform, update_id) DO UPDATE SET done_at = excluded.done_at,"
            " payload = '', chat_key = '' WHERE inbox.done_at IS NULL",
            (platform, update_id, now, now),
        )
        return cursor.rowcount > 0

    async def mark_done(self, platform: str, update_id: str) -> None:
        await self.first_time(platform, update_id)

    async def unfinished(self, platform: str) -> list[InboxRow]:
        """Updates stored but not yet handled, oldest first (after a crash or restart)."""
        rows = await self.db.fetchall(
            "SELECT platform, update_id, chat_key, payload FROM inbox"
            " WHERE platform = ? AND done_at IS NULL ORDER BY received_at, rowid",
            (platform,),
        )
        return [InboxRow(r[0], r[1], r[2], r[3]) for r in rows]

    async def is_done(self, platform: str, update_id: str) -> bool:
        row = await self.db.fetchone(
            "SELECT done_at FROM inbox WHERE platform = ? AND update_id = ?", (platform, update_id)
        )
        return row is not None and row[0] is not None

    async def purge_before(self, cutoff: datetime) -> int:
        """Forget handled updates older than ``cutoff`` (their payload is personal data)."""
        cursor = await self.db.execute(
            "DELETE FROM inbox WHERE done_at IS NOT NULL AND done_at < ?", (to_db_time(cutoff),)
        )
        return cursor.rowcount
