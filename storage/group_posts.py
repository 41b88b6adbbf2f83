"""Updates posted to working groups and the weekly digests already settled.

Part of :class:`storage.groups.GroupRepository` (``store.groups``), kept in its own module
so each stays small. A digest row (member, ISO week) is claimed in the same transaction as
the digest's outbox row, so a digest goes out once per member and week, across restarts.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


class Post(BaseModel):
    id: int
    group_id: int
    author_id: int | None
    author_name: str | None
    author_company: str | None
    body: str
    origin: str | None
    created_at: datetime
    withdrawn: bool


_POST_SELECT = (
    "SELECT p.*, m.name AS author_name, m.company AS author_company FROM group_posts p"
    " LEFT JOIN members m ON m.id = p.author_id"
)


def _post(row: object) -> Post:
    r = dict(row)  # type: ignore[call-overload]
    r["created_at"] = from_db_time(r["created_at"])
    r["withdrawn"] = bool(r["withdrawn"])
    return Post(**{k: r[k] for k in Post.model_fields})


def marks(values: Sequence[object]) -> str:
    return ",".join("?" for _ in values)


class GroupPostQueries:
    """Posts and digest claims; mixed into the working-group repository."""

    db: Database

    # posts ------------------------------------------------------------------------------

    async def add_post(
        self, group_id: int, author_id: int | None, body: str, origin: str | None = None
    ) -> Post:
        cursor = await self.db.execute(
            "INSERT INTO group_posts (group_id, author_id, body, origin, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (group_id, author_id, body, origin, to_db_time(utcnow())),
        )
        post = await self.get_post(int(cursor.lastrowid or 0))
        assert post is not None
        return post

    async def get_post(self, post_id: int) -> Post | None:
        row = await self.db.fetchone(f"{_POST_SELECT} WHERE p.id = ?", (post_id,))
        return _post(row) if row else None

    async def recent_posts(self, group_id: int, limit: int = 3) -> builtins.list[Post]:
        """The latest updates of a group that were not withdrawn, newest first."""
        rows = await self.db.fetchall(
            f"{_POST_SELECT} WHERE p.group_id = ? AND p.withdrawn = 0"
            " ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
            (group_id, limit),
        )
        return [_post(r) for r in rows]

    async def withdraw_post(self, post_id: int, by: str | None) -> bool:
        cursor = await self.db.execute(
            "UPDATE group_posts SET withdrawn = 1, withdrawn_at = ?, withdrawn_by = ?"
            " WHERE id = ? AND withdrawn = 0",
            (to_db_time(utcnow()), by, post_id),
        )
        return cursor.rowcount > 0

    async def post_ids(self, group_id: int, since: datetime) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT id FROM group_posts WHERE group_id = ? AND created_at >= ? ORDER BY id",
            (group_id, to_db_time(since)),
        )
        return [r[0] for r in rows]

    async def posts_between(
        self, group_ids: builtins.list[int], since: datetime, until: datetime
    ) -> builtins.list[Post]:
        """Updates of these (active) groups in [since, until) not withdrawn, oldest first."""
        if not group_ids:
            return []
        rows = await self.db.fetchall(
            f"{_POST_SELECT} JOIN work_groups w ON w.id = p.group_id"
            f" WHERE p.group_id IN ({marks(group_ids)}) AND w.status = 'active'"
            " AND p.withdrawn = 0 AND p.created_at >= ? AND p.created_at < ?"
            " ORDER BY p.created_at, p.id",
            (*group_ids, to_db_time(since), to_db_time(until)),
        )
        return [_post(r) for r in rows]
