"""Working groups: the groups, their members (role and notification level) and join
requests; the updates posted to them and the weekly digests come from
:mod:`storage.group_posts`, mixed into the same repository (``store.groups``).
"""

from __future__ import annotations

import builtins
import sqlite3
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow
from storage.group_posts import GroupPostQueries, marks

JOIN_POLICIES = ("open", "request")
ROLES = ("member", "moderator")
LEVELS = ("all", "digest", "muted")


class Group(BaseModel):
    id: int
    name: str
    description: str
    join_policy: str
    status: str
    topic_id: int | None
    created_by: str | None
    created_at: datetime

    @property
    def active(self) -> bool:
        return self.status == "active"


class Membership(BaseModel):
    group_id: int
    member_id: int
    role: str
    level: str
    level_since: datetime

    @property
    def moderator(self) -> bool:
        return self.role == "moderator"


class GroupMember(BaseModel):
    """A membership with the member's name and company, for lists."""

    member_id: int
    name: str
    company: str
    role: str
    level: str


class DuplicateGroup(Exception):
    """A group with that name (ignoring case and spacing) exists."""


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _group(row: object) -> Group:
    r = dict(row)  # type: ignore[call-overload]
    r["created_at"] = from_db_time(r["created_at"])
    return Group(**{k: r[k] for k in Group.model_fields})


def _membership(row: object) -> Membership:
    r = dict(row)  # type: ignore[call-overload]
    r["level_since"] = from_db_time(r["level_since"])
    return Membership(**{k: r[k] for k in Membership.model_fields})


class GroupRepository(GroupPostQueries):
    def __init__(self, db: Database) -> None:
        self.db = db

    # groups -----------------------------------------------------------------------------

    async def create(
        self,
        name: str,
        description: str = "",
        join_policy: str = "open",
        topic_id: int | None = None,
        created_by: str | None = None,
    ) -> Group:
        if join_policy not in JOIN_POLICIES:
            raise ValueError(join_policy)
        try:
            cursor = await self.db.execute(
                "INSERT INTO work_groups (name, name_key, description, join_policy, topic_id,"
                " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    name_key(name),
                    description,
                    join_policy,
                    topic_id,
                    created_by,
                    to_db_time(utcnow()),
                ),
            )
        except sqlite3.IntegrityError as exc:
            raise DuplicateGroup(name) from exc
        group = await self.get(int(cursor.lastrowid or 0))
        assert group is not None
        return group

    async def get(self, group_id: int) -> Group | None:
        row = await self.db.fetchone("SELECT * FROM work_groups WHERE id = ?", (group_id,))
        return _group(row) if row else None

    async def find(self, name: str) -> Group | None:
        row = await self.db.fetchone(
            "SELECT * FROM work_groups WHERE name_key = ?", (name_key(name),)
        )
        return _group(row) if row else None

    async def list(self, include_archived: bool = False) -> builtins.list[Group]:
        where = "" if include_archived else "WHERE status = 'active'"
        rows = await self.db.fetchall(
            f"SELECT * FROM work_groups {where} ORDER BY name COLLATE NOCASE"
        )
        return [_group(r) for r in rows]

    async def archive(self, group_id: int) -> bool:
        cursor = await self.db.execute(
            "UPDATE work_groups SET status = 'archived', archived_at = ?"
            " WHERE id = ? AND status = 'active'",
            (to_db_time(utcnow()), group_id),
        )
        return cursor.rowcount > 0

    # memberships ------------------------------------------------------------------------

    async def membership(self, group_id: int, member_id: int) -> Membership | None:
        row = await self.db.fetchone(
            "SELECT * FROM group_members WHERE group_id = ? AND member_id = ?",
            (group_id, member_id),
        )
        return _membership(row) if row else None

    async def memberships_of(self, member_id: int) -> dict[int, Membership]:
        rows = await self.db.fetchall(
            "SELECT * FROM group_members WHERE member_id = ?", (member_id,)
        )
        return {r["group_id"]: _membership(r) for r in rows}

    async def join(self, group_id: int, member_id: int, role: str = "member") -> bool:
        """Add a member (level ``all``); False if they belong already."""
        if role not in ROLES:
            raise ValueError(role)
        now = to_db_time(utcnow())
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO group_members (group_id, member_id, role, level,"
            " level_since, joined_at) VALUES (?, ?, ?, 'all', ?, ?)",
            (group_id, member_id, role, now, now),
        )
        return cursor.rowcount > 0

    async def leave(self, group_id: int, member_id: int) -> bool:
        cursor = await self.db.execute(
            "DELETE FROM group_members WHERE group_id = ? AND member_id = ?",
            (group_id, member_id),
        )
        return cursor.rowcount > 0

    async def set_role(self, group_id: int, member_id: int, role: str) -> bool:
        if role not in ROLES:
            raise ValueError(role)
        cursor = await self.db.execute(
            "UPDATE group_members SET role = ? WHERE group_id = ? AND member_id = ? AND role != ?",
            (role, group_id, member_id, role),
        )
        return cursor.rowcount > 0

    async def set_level(self, group_id: int, member_id: int, level: str) -> bool:
        if level not in LEVELS:
            raise ValueError(level)
        cursor = await self.db.execute(
            "UPDATE group_members SET level = ?, level_since = ? WHERE group_id = ?"
            " AND member_id = ? AND level != ?",
            (level, to_db_time(utcnow()), group_id, member_id, level),
        )
        return cursor.rowcount > 0

    async def member_ids(
        self, group_id: int, levels: tuple[str, ...] = LEVELS
    ) -> builtins.list[int]:
        """Active members of the group whose level is one of ``levels``."""
        wanted = list(levels)
        rows = await self.db.fetchall(
            "SELECT g.member_id FROM group_members g JOIN members m ON m.id = g.member_id"
            f" WHERE g.group_id = ? AND m.status = 'active' AND g.level IN ({marks(wanted)})"
            " ORDER BY g.member_id",
            (group_id, *wanted),
        )
        return [r[0] for r in rows]

    async def moderator_ids(self, group_id: int) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT g.member_id FROM group_members g JOIN members m ON m.id = g.member_id"
            " WHERE g.group_id = ? AND g.role = 'moderator' AND m.status = 'active'"
            " ORDER BY g.member_id",
            (group_id,),
        )
        return [r[0] for r in rows]

    async def members(self, group_id: int) -> builtins.list[GroupMember]:
        rows = await self.db.fetchall(
            "SELECT g.member_id, m.name, m.company, g.role, g.level FROM group_members g"
            " JOIN members m ON m.id = g.member_id WHERE g.group_id = ?"
            " ORDER BY g.role DESC, m.name COLLATE NOCASE",
            (group_id,),
        )
        return [GroupMember(**dict(r)) for r in rows]

    async def member_counts(self) -> dict[int, int]:
        rows = await self.db.fetchall(
            "SELECT group_id, COUNT(*) FROM group_members GROUP BY group_id"
        )
        return {r[0]: r[1] for r in rows}

    async def find_members(self, handle: str, member_id: int | None = None) -> builtins.list[int]:
        """Active members a handle names: the member ``member_id`` (read by the caller with
        :mod:`bot.arguments`), ``platform:user_id``, a user id, a display name or a member's
        name (names ignoring ASCII case)."""
        handle = handle.strip()
        platform, _, user_id = handle.partition(":")
        if member_id is not None:
            by_id = await self.db.fetchall(
                "SELECT id FROM members WHERE id = ? AND status = 'active'", (member_id,)
            )
            if by_id:
                return [by_id[0][0]]
        rows = await self.db.fetchall(
            "SELECT DISTINCT m.id FROM members m LEFT JOIN identities i ON i.member_id = m.id"
            " WHERE m.status = 'active' AND ((i.platform = ? AND i.user_id = ?)"
            " OR i.user_id = ? OR i.display_name = ? COLLATE NOCASE"
            " OR m.name = ? COLLATE NOCASE) ORDER BY m.id",
            (platform, user_id, handle, handle, handle),
        )
        return [r[0] for r in rows]

    # join requests ----------------------------------------------------------------------

    async def add_request(self, group_id: int, member_id: int) -> bool:
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO group_requests (group_id, member_id, requested_at)"
            " VALUES (?, ?, ?)",
            (group_id, member_id, to_db_time(utcnow())),
        )
        return cursor.rowcount > 0

    async def remove_request(self, group_id: int, member_id: int) -> bool:
        """Settle a request; False if it was settled already (by another moderator)."""
        cursor = await self.db.execute(
            "DELETE FROM group_requests WHERE group_id = ? AND member_id = ?",
            (group_id, member_id),
        )
        return cursor.rowcount > 0

    async def requested_ids(self, member_id: int) -> set[int]:
        rows = await self.db.fetchall(
            "SELECT group_id FROM group_requests WHERE member_id = ?", (member_id,)
        )
        return {r[0] for r in rows}

    async def requests(self, group_id: int) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT member_id FROM group_requests WHERE group_id = ? ORDER BY requested_at",
            (group_id,),
        )
        return [r[0] for r in rows]
