"""Consent records, the export of everything about a member, erasure, and the lookups that
data protection needs (unreachable accounts past retention, finding a member for staff).

Export and erasure walk :data:`storage.privacy_steps.DATA_STEPS`, one step per table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow
from storage.members import Member, _member
from storage.privacy_steps import DATA_STEPS, ERASED, DataStep

NO_MEMBER = 0  # SQLite row ids start at 1: statements with this id match no member


class ConsentEvent(BaseModel):
    kind: str
    granted: bool
    version: str | None
    source: str
    at: datetime


@dataclass
class ErasedRows:
    """What an erasure did, by table: rows ``deleted`` (a ``DELETE`` removed them) and rows
    ``kept`` for others with the person taken out (an ``UPDATE`` or a scrub anonymised
    them). Told to the person as two lists, so the report says exactly what happened."""

    deleted: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.deleted.values()) + sum(self.kept.values())


class StaleIdentity(BaseModel):
    """An account that could not be reached for longer than the retention period."""

    member_id: int
    platform: str
    user_id: str
    unreachable_at: datetime
    name: str
    reachable_elsewhere: bool  # the member has another account that is not stale


def _params(member_id: int, keys: list[str], chats: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "member": member_id,
        "keys": json.dumps(keys, ensure_ascii=False),
        "chats": json.dumps([list(chat) for chat in chats], ensure_ascii=False),
    }


def _scrubbed(value: Any, keys: set[str], member_id: int, about_member: bool) -> Any:
    """``value`` with the person's keys and member id taken out, at any depth."""
    if isinstance(value, dict):
        return {
            k: _scrubbed(v, keys, member_id, about_member or "member" in k)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_scrubbed(v, keys, member_id, about_member) for v in value]
    if isinstance(value, str) and value in keys:
        return ERASED
    if about_member and type(value) is int and value == member_id:
        return None
    return value


class PrivacyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # consent ----------------------------------------------------------------------------

    async def record_consent(
        self,
        member_id: int,
        kind: str,
        granted: bool,
        *,
        version: str | None = None,
        source: str = "",
    ) -> None:
        await self.db.execute(
            "INSERT INTO consent_events (member_id, kind, granted, version, source, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (member_id, kind, int(granted), version, source, to_db_time(utcnow())),
        )

    async def accepted_version(self, member_id: int) -> str | None:
        """The privacy notice version the member accepted last; None if none is recorded."""
        value = await self.db.fetchval(
            "SELECT version FROM consent_events WHERE member_id = ? AND kind = 'privacy'"
            " AND granted = 1 ORDER BY id DESC LIMIT 1",
            (member_id,),
        )
        return None if value is None else str(value)

    async def consents(self, member_id: int) -> list[ConsentEvent]:
        rows = await self.db.fetchall(
            "SELECT kind, granted, version, source, at FROM consent_events"
            " WHERE member_id = ? ORDER BY id",
            (member_id,),
        )
        return [
            ConsentEvent(
                kind=r["kind"],
                granted=bool(r["granted"]),
                version=r["version"],
                source=r["source"],
                at=from_db_time(r["at"]),
            )
            for r in rows
        ]

    # export and erasure -----------------------------------------------------------------

    async def _who(self, member_id: int) -> dict[str, Any]:
        rows = await self.db.fetchall(
            "SELECT platform, user_id, chat_id FROM identities WHERE member_id = ?", (member_id,)
        )
        keys = [f"{r['platform']}:{r['user_id']}" for r in rows]
        return _params(member_id, keys, [(r["platform"], r["chat_id"]) for r in rows])

    async def export(self, member_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows about the member, by table name (empty tables left out)."""
        params = await self._who(member_id)
        tables: dict[str, list[dict[str, Any]]] = {}
        for step in DATA_STEPS:
            if step.export is None:
                continue
            rows = [dict(r) for r in await self.db.fetchall(step.export, params)]
            for row in rows:
                for column in step.json_columns:
                    if isinstance(row.get(column), str):
                        row[column] = json.loads(row[column])
            if rows:
                tables[step.table] = rows
        return tables

    async def erase(self, member_id: int) -> ErasedRows:
        """Erase the member in one transaction; rows removed and anonymised per table."""
        async with self.db.transaction():
            return await self._run_erase(await self._who(member_id))

    async def forget_identity(self, platform: str, user_id: str) -> ErasedRows:
        """Erase one account of a member who keeps another: the same steps, for its key and
        chat only (no member id matches)."""
        async with self.db.transaction():
            chat = await self.db.fetchval(
                "SELECT chat_id FROM identities WHERE platform = ? AND user_id = ?",
                (platform, user_id),
            )
            chats = [] if chat is None else [(platform, str(chat))]
            return await self._run_erase(_params(NO_MEMBER, [f"{platform}:{user_id}"], chats))

    async def _run_erase(self, params: dict[str, Any]) -> ErasedRows:
        """Each step's statements; rows are counted once however many statements touch
        them (an event he created and organises is one event), and a row deleted after an
        update counts as deleted."""
        erased = ErasedRows()
        async with self.db.transaction() as conn:
            for step in DATA_STEPS:
                deleted: set[int] = set()
                kept: set[int] = set()
                for statement in step.erase:
                    if statement.startswith(("DELETE", "UPDATE")):
                        cursor = await conn.execute(f"{statement} RETURNING rowid", params)
                        rowids = {row[0] for row in await cursor.fetchall()}
                        (deleted if statement.startswith("DELETE") else kept).update(rowids)
                    else:
                        await conn.execute(statement, params)
                scrubbed = await self._scrub(step, params)
                if deleted:
                    erased.deleted[step.table] = len(deleted)
                if kept - deleted or scrubbed:
                    erased.kept[step.table] = len(kept - deleted) + scrubbed
        return erased

    async def _scrub(self, step: DataStep, params: dict[str, Any]) -> int:
        if step.scrub is None:
            return 0
        scrub = step.scrub
        keys = set(json.loads(params["keys"]))
        rows = await self.db.fetchall(scrub.select, params)
        for rowid, actor, value in rows:
            cleaned = _scrubbed(json.loads(value), keys, params["member"], False)
            await self.db.execute(
                f"UPDATE {step.table} SET {scrub.actor} = ?, {scrub.column} = ? WHERE rowid = ?",
                (
                    ERASED if actor in keys else actor,
                    json.dumps(cleaned, ensure_ascii=False),
                    rowid,
                ),
            )
        return len(rows)

    # lookups ----------------------------------------------------------------------------

    async def stale_identities(self, cutoff: datetime) -> list[StaleIdentity]:
        """Accounts unreachable since before ``cutoff``, oldest first."""
        rows = await self.db.fetchall(
            "SELECT i.member_id, i.platform, i.user_id, i.unreachable_at, m.name,"
            " EXISTS (SELECT 1 FROM identities o WHERE o.member_id = i.member_id"
            " AND (o.unreachable_at IS NULL OR o.unreachable_at >= :cutoff)) AS elsewhere"
            " FROM identities i JOIN members m ON m.id = i.member_id"
            " WHERE i.unreachable_at < :cutoff ORDER BY i.unreachable_at, i.member_id",
            {"cutoff": to_db_time(cutoff)},
        )
        return [
            StaleIdentity(
                member_id=r["member_id"],
                platform=r["platform"],
                user_id=r["user_id"],
                unreachable_at=from_db_time(r["unreachable_at"]),
                name=r["name"],
                reachable_elsewhere=bool(r["elsewhere"]),
            )
            for r in rows
        ]

    async def find_members(
        self, query: str, limit: int = 10, member_id: int | None = None
    ) -> list[Member]:
        """For staff: the member ``member_id`` (the caller read ``#12`` with
        :func:`bot.arguments.member_number`), ``telegram:12345`` (an account), or a part of a
        name or company (case-insensitive)."""
        text = query.strip()
        if member_id is not None:
            rows = await self.db.fetchall("SELECT * FROM members WHERE id = ?", (member_id,))
        elif ":" in text and " " not in text:
            platform, _, user_id = text.partition(":")
            rows = await self.db.fetchall(
                "SELECT m.* FROM members m JOIN identities i ON i.member_id = m.id"
                " WHERE i.platform = ? AND i.user_id = ?",
                (platform.lower(), user_id),
            )
        else:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = await self.db.fetchall(
                "SELECT * FROM members WHERE name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE"
                " '\\' ORDER BY name COLLATE NOCASE, id LIMIT ?",
                (pattern + "%", pattern + "%", limit),
            )
        return [_member(r) for r in rows]
