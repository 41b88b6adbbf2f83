"""Counts for the network team's overview (``/stats``, ``knotenpunkt stats``): one query
each, counted where the data lives so the numbers always match the store."""

from __future__ import annotations

from datetime import datetime

from storage.db import Database, to_db_time


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def members_by_status(self) -> dict[str, int]:
        rows = await self.db.fetchall("SELECT status, COUNT(*) FROM members GROUP BY status")
        return {r[0]: r[1] for r in rows}

    async def members_by_region(self) -> list[tuple[str, int]]:
        """Active members per region, largest first."""
        rows = await self.db.fetchall(
            "SELECT region, COUNT(*) AS n FROM members WHERE status = 'active'"
            " GROUP BY region ORDER BY n DESC, region"
        )
        return [(r[0], r[1]) for r in rows]

    async def members_by_platform(self) -> list[tuple[str, int]]:
        """Active members with an account on each platform (a linked member counts on each)."""
        rows = await self.db.fetchall(
            "SELECT i.platform, COUNT(DISTINCT i.member_id) AS n FROM identities i"
            " JOIN members m ON m.id = i.member_id WHERE m.status = 'active'"
            " GROUP BY i.platform ORDER BY n DESC, i.platform"
        )
        return [(r[0], r[1]) for r in rows]

    async def new_members_per_month(self, since: datetime) -> list[tuple[str, int]]:
        """Registrations per calendar month (UTC, ``YYYY-MM``) since ``since``, any status."""
        rows = await self.db.fetchall(
            "SELECT substr(created_at, 1, 7) AS month, COUNT(*) FROM members"
            " WHERE created_at >= ? GROUP BY month ORDER BY month",
            (to_db_time(since),),
        )
        return [(r[0], r[1]) for r in rows]

    async def subscriptions_per_topic(self) -> list[tuple[str, int]]:
        """Active subscribers of each open topic, most first."""
        rows = await self.db.fetchall(
            "SELECT t.name, COUNT(m.id) AS n FROM topics t"
            " LEFT JOIN subscriptions s ON s.topic_id = t.id"
            " LEFT JOIN members m ON m.id = s.member_id AND m.status = 'active'"
            " WHERE t.archived_at IS NULL GROUP BY t.id ORDER BY n DESC, t.name COLLATE NOCASE"
        )
        return [(r[0], r[1]) for r in rows]

    async def levels_per_topic(self) -> list[tuple[str, int, int, int]]:
        """Active subscribers of each open topic on each level: (name, all, digest, muted),
        most subscribers first (issue 29: the staff see who hears what at once)."""
        rows = await self.db.fetchall(
            "SELECT t.name, COUNT(CASE WHEN s.level = 'all' THEN m.id END),"
            " COUNT(CASE WHEN s.level = 'digest' THEN m.id END),"
            " COUNT(CASE WHEN s.level = 'muted' THEN m.id END), COUNT(m.id) AS n FROM topics t"
            " LEFT JOIN subscriptions s ON s.topic_id = t.id"
            " LEFT JOIN members m ON m.id = s.member_id AND m.status = 'active'"
            " WHERE t.archived_at IS NULL GROUP BY t.id ORDER BY n DESC, t.name COLLATE NOCASE"
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    async def group_sizes(self) -> list[tuple[str, int]]:
        """Active members of each active working group, largest first."""
        rows = await self.db.fetchall(
            "SELECT g.name, COUNT(m.id) AS n FROM work_groups g"
            " LEFT JOIN group_members gm ON gm.group_id = g.id"
            " LEFT JOIN members m ON m.id = gm.member_id AND m.status = 'active'"
            " WHERE g.status = 'active' GROUP BY g.id ORDER BY n DESC, g.name COLLATE NOCASE"
        )
        return [(r[0], r[1]) for r in rows]

    async def rsvp_counts(self, event_id: int, occurrence: datetime) -> dict[str, int]:
        """``yes`` (seats taken), ``waitlist``, ``maybe`` and ``no`` for one date."""
        rows = await self.db.fetchall(
            "SELECT CASE WHEN status = 'yes' AND waitlisted = 1 THEN 'waitlist' ELSE status END"
            " AS answer, COUNT(*) FROM rsvps WHERE event_id = ? AND occurrence = ?"
            " GROUP BY answer",
            (event_id, to_db_time(occurrence)),
        )
        counts = {"yes": 0, "waitlist": 0, "maybe": 0, "no": 0}
        counts.update({r[0]: r[1] for r in rows})
        return counts

    async def deliveries_since(self, since: datetime) -> dict[str, int]:
        """Outbox rows created since ``since`` by status (sent, failed, unreachable, …)."""
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) FROM outbox WHERE created_at >= ? GROUP BY status",
            (to_db_time(since),),
        )
        return {r[0]: r[1] for r in rows}
