"""Members' own quiet hours (no row: the network's default applies)."""

from __future__ import annotations

from storage.db import Database, to_db_time, utcnow

Choice = tuple[bool, tuple[int, int]]
"""(on, (start minute, end minute)) in local time."""


class QuietHoursRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, member_id: int) -> Choice | None:
        row = await self.db.fetchone(
            "SELECT enabled, start_minute, end_minute FROM quiet_hours WHERE member_id = ?",
            (member_id,),
        )
        return (bool(row[0]), (row[1], row[2])) if row else None

    async def set(self, member_id: int, enabled: bool, start: int, end: int) -> None:
        await self.db.execute(
            "INSERT INTO quiet_hours (member_id, enabled, start_minute, end_minute, changed_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET"
            " enabled = excluded.enabled, start_minute = excluded.start_minute,"
            " end_minute = excluded.end_minute, changed_at = excluded.changed_at",
            (member_id, int(enabled), start, end, to_db_time(utcnow())),
        )

    async def reset(self, member_id: int) -> bool:
        """Back to the network's default."""
        cursor = await self.db.execute("DELETE FROM quiet_hours WHERE member_id = ?", (member_id,))
        return cursor.rowcount > 0

    async def for_members(
        self, member_ids: list[int]
    ) -> list[tuple[int, str | None, Choice | None]]:
        """(member, own time zone, own choice) for each existing member, 500 per query."""
        found: list[tuple[int, str | None, Choice | None]] = []
        for start in range(0, len(member_ids), 500):
            chunk = member_ids[start : start + 500]
            marks = ",".join("?" for _ in chunk)
            rows = await self.db.fetchall(
                "SELECT m.id, m.timezone, q.enabled, q.start_minute, q.end_minute"
                " FROM members m LEFT JOIN quiet_hours q ON q.member_id = m.id"
                f" WHERE m.id IN ({marks})",
                chunk,
            )
            for r in rows:
                choice = None if r[2] is None else (bool(r[2]), (r[3], r[4]))
                found.append((r[0], r[1], choice))
        return found

    async def batch_members(self, batch: str) -> list[int]:
        """Members with a pending row in this batch (a broadcast queued set-based)."""
        rows = await self.db.fetchall(
            "SELECT member_id FROM outbox WHERE batch = ? AND status = 'pending'"
            " AND member_id IS NOT NULL",
            (batch,),
        )
        return [r[0] for r in rows]
