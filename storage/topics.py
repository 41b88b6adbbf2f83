"""Topic channels and who subscribed to them."""

from __future__ import annotations

import builtins
import sqlite3
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow

LEVELS = ("all", "digest", "muted")  # as working groups have (storage.groups.LEVELS)


class Topic(BaseModel):
    id: int
    name: str
    description: str
    archived_at: datetime | None

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class DuplicateTopic(Exception):
    """A topic with that name (ignoring case and spacing) exists."""


def name_key(name: str) -> str:
    """Topic names compare case- and whitespace-insensitively."""
    return " ".join(name.casefold().split())


def _topic(row: object) -> Topic:
    r = dict(row)  # type: ignore[call-overload]
    return Topic(
        id=r["id"],
        name=r["name"],
        description=r["description"],
        archived_at=from_db_time(r["archived_at"]),
    )


class TopicRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, name: str, description: str = "") -> Topic:
        try:
            cursor = await self.db.execute(
                "INSERT INTO topics (name, name_key, description, created_at) VALUES (?, ?, ?, ?)",
                (name, name_key(name), description, to_db_time(utcnow())),
            )
        except sqlite3.IntegrityError as exc:
            raise DuplicateTopic(name) from exc
        topic = await self.get(int(cursor.lastrowid or 0))
        assert topic is not None
        return topic

    async def get(self, topic_id: int) -> Topic | None:
        row = await self.db.fetchone("SELECT * FROM topics WHERE id = ?", (topic_id,))
        return _topic(row) if row else None

    async def find(self, name: str) -> Topic | None:
        row = await self.db.fetchone("SELECT * FROM topics WHERE name_key = ?", (name_key(name),))
        return _topic(row) if row else None

    async def list(self, include_archived: bool = False) -> builtins.list[Topic]:
        where = "" if include_archived else "WHERE archived_at IS NULL"
        rows = await self.db.fetchall(f"SELECT * FROM topics {where} ORDER BY name COLLATE NOCASE")
        return [_topic(r) for r in rows]

    async def list_for_member(self, member_id: int) -> builtins.list[tuple[Topic, bool]]:
        """The open topics, each with whether the member subscribed."""
        return [(topic, level is not None) for topic, level in await self.levels_for(member_id)]

    async def levels_for(self, member_id: int) -> builtins.list[tuple[Topic, str | None]]:
        """The open topics, each with the member's level (None: not subscribed): one query
        (the list a member sees on every /themen and every press of a topic's button)."""
        rows = await self.db.fetchall(
            "SELECT t.*, (SELECT s.level FROM subscriptions s WHERE s.member_id = ?"
            " AND s.topic_id = t.id) AS level FROM topics t WHERE t.archived_at IS NULL"
            " ORDER BY t.name COLLATE NOCASE",
            (member_id,),
        )
        return [(_topic(r), r["level"]) for r in rows]

    async def set_level(self, member_id: int, topic_id: int, level: str) -> bool:
        """Change a subscription's level; False when not subscribed or already there."""
        if level not in LEVELS:
            raise ValueError(level)
        cursor = await self.db.execute(
            "UPDATE subscriptions SET level = ?, level_since = ? WHERE member_id = ?"
            " AND topic_id = ? AND level != ?",
            (level, to_db_time(utcnow()), member_id, topic_id, level),
        )
        return cursor.rowcount > 0

    async def level_counts(self) -> dict[int, dict[str, int]]:
        """Active subscribers of each topic per level (the staff's view)."""
        rows = await self.db.fetchall(
            "SELECT s.topic_id, s.level, COUNT(*) FROM subscriptions s"
            " JOIN members m ON m.id = s.member_id WHERE m.status = 'active'"
            " GROUP BY s.topic_id, s.level"
        )
        found: dict[int, dict[str, int]] = {}
        for topic_id, level, count in rows:
            found.setdefault(topic_id, dict.fromkeys(LEVELS, 0))[level] = count
        return found

    async def archive(self, topic_id: int) -> None:
        await self.db.execute(
            "UPDATE topics SET archived_at = ? WHERE id = ? AND archived_at IS NULL",
            (to_db_time(utcnow()), topic_id),
        )

    async def subscribe(self, member_id: int, topic_id: int) -> bool:
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO subscriptions (member_id, topic_id, created_at) VALUES (?, ?, ?)",
            (member_id, topic_id, to_db_time(utcnow())),
        )
        return cursor.rowcount > 0

    async def unsubscribe(self, member_id: int, topic_id: int) -> bool:
        cursor = await self.db.execute(
            "DELETE FROM subscriptions WHERE member_id = ? AND topic_id = ?", (member_id, topic_id)
        )
        return cursor.rowcount > 0

    async def subscribed_ids(self, member_id: int) -> set[int]:
        rows = await self.db.fetchall(
            "SELECT topic_id FROM subscriptions WHERE member_id = ?", (member_id,)
        )
        return {r[0] for r in rows}

    async def subscriber_ids(
        self, topic_id: int, levels: tuple[str, ...] = LEVELS
    ) -> builtins.list[int]:
        """Active subscribers whose level is one of ``levels`` (notices: ``("all",)``)."""
        wanted = list(levels)
        marks = ",".join("?" for _ in wanted)
        rows = await self.db.fetchall(
            "SELECT s.member_id FROM subscriptions s JOIN members m ON m.id = s.member_id"
            f" WHERE s.topic_id = ? AND m.status = 'active' AND s.level IN ({marks})"
            " ORDER BY s.member_id",
            (topic_id, *wanted),
        )
        return [r[0] for r in rows]
