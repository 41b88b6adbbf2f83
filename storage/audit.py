"""Append-only record of what admins and the system changed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


class AuditEntry(BaseModel):
    at: datetime
    actor: str | None
    action: str
    detail: dict[str, Any]


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def record(self, action: str, actor: str | None = None, **detail: Any) -> None:
        await self.db.execute(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
            (to_db_time(utcnow()), actor, action, json.dumps(detail, ensure_ascii=False)),
        )

    async def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = await self.db.fetchall(
            "SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [
            {"at": r["at"], "actor": r["actor"], "action": r["action"], **json.loads(r["detail"])}
            for r in rows
        ]

    async def entries(
        self,
        *,
        since: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        """Oldest first: entries from ``since``, by ``actor`` (exact), whose action starts
        with ``action``; the last ``limit`` of them."""
        clauses: list[str] = ["1 = 1"]
        params: list[Any] = []
        if since is not None:
            clauses.append("at >= ?")
            params.append(to_db_time(since))
        if actor is not None:
            clauses.append("actor = ?")
            params.append(actor)
        if action is not None:
            clauses.append("action LIKE ? ESCAPE '\\'")
            escaped = action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(escaped + "%")
        where = " AND ".join(clauses)
        tail = "" if limit is None else f" LIMIT {int(limit)}"
        rows = await self.db.fetchall(
            f"SELECT * FROM (SELECT id, at, actor, action, detail FROM audit_log WHERE {where}"
            f" ORDER BY id DESC{tail}) ORDER BY id",
            params,
        )
        return [
            AuditEntry(
                at=from_db_time(r["at"]),
                actor=r["actor"],
                action=r["action"],
                detail=json.loads(r["detail"]),
            )
            for r in rows
        ]
