"""Append-only record of what admins and the system changed."""

from __future__ import annotations

import json
from typing import Any

from storage.db import Database, to_db_time, utcnow


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
