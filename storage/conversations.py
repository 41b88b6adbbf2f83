"""Where each person is in a multi-step flow, so a restart resumes at the same step."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

from storage.db import Database, to_db_time, utcnow


class ConversationState(BaseModel):
    flow: str
    step: str
    data: dict[str, Any] = Field(default_factory=dict)


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, platform: str, user_id: str) -> ConversationState | None:
        row = await self.db.fetchone(
            "SELECT flow, step, data FROM conversations WHERE platform = ? AND user_id = ?",
            (platform, user_id),
        )
        if row is None:
            return None
        return ConversationState(flow=row["flow"], step=row["step"], data=json.loads(row["data"]))

    async def save(self, platform: str, user_id: str, state: ConversationState) -> None:
        await self.db.execute(
            "INSERT INTO conversations (platform, user_id, flow, step, data, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO UPDATE SET"
            " flow = excluded.flow, step = excluded.step, data = excluded.data,"
            " updated_at = excluded.updated_at",
            (
                platform,
                user_id,
                state.flow,
                state.step,
                json.dumps(state.data, ensure_ascii=False),
                to_db_time(utcnow()),
            ),
        )

    async def clear(self, platform: str, user_id: str) -> None:
        await self.db.execute(
            "DELETE FROM conversations WHERE platform = ? AND user_id = ?", (platform, user_id)
        )

    async def purge_older_than(self, cutoff_iso: str) -> int:
        cursor = await self.db.execute(
            "DELETE FROM conversations WHERE updated_at < ?", (cutoff_iso,)
        )
        return cursor.rowcount
