"""Topic channels and who subscribed to them."""

from __future__ import annotations

import builtins
import sqlite3
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


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
        """The open topics, each with whether the member subscribed: one query (the list a
        member sees on every /themen and every press of a topic's button)."""
        rows = await self.db.fetchall(
            "SELECT t.*, EXISTS (SELECT 1 FROM subscriptions s WHERE s.member_id = ?"
            " AND s.topic_id = t.id) AS subscribed FROM topics t WHERE t.archived_at IS NULL"
            " ORDER BY t.name COLLATE NOCASE",
            (member_id,),
        )
        return [(_topic(r), bool(r["subscribed"])) for r in rows]

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

    async def subscriber_ids(self, topic_id: int) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT s.member_id FROM subscriptions s JOIN members m ON m.id = s.member_id"
            " WHERE s.topic_id = ? AND m.status = 'active' ORDER BY s.member_id",
            (topic_id,),
        )
        return [r[0] for r in rows]
