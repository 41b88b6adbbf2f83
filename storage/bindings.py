"""Group chats and channels bound to topics and to (at most one) working group."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


class Binding(BaseModel):
    id: int
    platform: str
    chat_id: str
    target_kind: str
    target_id: int
    title: str | None
    unreachable_at: datetime | None


def _binding(row: object) -> Binding:
    r = dict(row)  # type: ignore[call-overload]
    r["unreachable_at"] = from_db_time(r["unreachable_at"])
    return Binding(**{k: r[k] for k in Binding.model_fields})


class BindingRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def bind(
        self,
        platform: str,
        chat_id: str,
        target_kind: str,
        target_id: int,
        title: str | None = None,
        bound_by: int | None = None,
    ) -> bool:
        """Bind a chat; binding again revives an unreachable binding. True if new."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE bindings SET unreachable_at = NULL, title = COALESCE(?, title)"
                " WHERE platform = ? AND chat_id = ? AND target_kind = ? AND target_id = ?",
                (title, platform, chat_id, target_kind, target_id),
            )
            if cursor.rowcount:
                return False
            await conn.execute(
                "INSERT INTO bindings (platform, chat_id, target_kind, target_id, title,"
                " bound_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (platform, chat_id, target_kind, target_id, title, bound_by, to_db_time(utcnow())),
            )
            return True

    async def unbind(
        self,
        platform: str,
        chat_id: str,
        target_kind: str | None = None,
        target_id: int | None = None,
    ) -> int:
        """Remove one binding of a chat, or all of them when no target is given."""
        if target_kind is None:
            cursor = await self.db.execute(
                "DELETE FROM bindings WHERE platform = ? AND chat_id = ?", (platform, chat_id)
            )
        else:
            cursor = await self.db.execute(
                "DELETE FROM bindings WHERE platform = ? AND chat_id = ?"
                " AND target_kind = ? AND target_id = ?",
                (platform, chat_id, target_kind, target_id),
            )
        return cursor.rowcount

    async def for_chat(self, platform: str, chat_id: str) -> list[Binding]:
        rows = await self.db.fetchall(
            "SELECT * FROM bindings WHERE platform = ? AND chat_id = ? ORDER BY id",
            (platform, chat_id),
        )
        return [_binding(r) for r in rows]

    async def group_of_chat(self, platform: str, chat_id: str) -> Binding | None:
        """The working group a chat is bound to, if any (one at most)."""
        row = await self.db.fetchone(
            "SELECT * FROM bindings WHERE platform = ? AND chat_id = ? AND target_kind = 'group'",
            (platform, chat_id),
        )
        return _binding(row) if row else None

    async def for_target(self, target_kind: str, target_id: int) -> list[Binding]:
        rows = await self.db.fetchall(
            "SELECT * FROM bindings WHERE target_kind = ? AND target_id = ?"
            " AND unreachable_at IS NULL ORDER BY id",
            (target_kind, target_id),
        )
        return [_binding(r) for r in rows]

    async def migrate_chat(self, platform: str, old_chat_id: str, new_chat_id: str) -> int:
        """A Telegram group became a supergroup: its bindings follow the new chat id."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM bindings WHERE platform = ? AND chat_id = ? AND EXISTS ("
                " SELECT 1 FROM bindings b WHERE b.platform = bindings.platform"
                " AND b.chat_id = ? AND b.target_kind = bindings.target_kind"
                " AND b.target_id = bindings.target_id)",
                (platform, old_chat_id, new_chat_id),
            )
            # a chat has one working group: the new chat's own binding wins
            await conn.execute(
                "DELETE FROM bindings WHERE platform = ? AND chat_id = ? AND target_kind = 'group'"
                " AND EXISTS (SELECT 1 FROM bindings b WHERE b.platform = bindings.platform"
                " AND b.chat_id = ? AND b.target_kind = 'group')",
                (platform, old_chat_id, new_chat_id),
            )
            cursor = await conn.execute(
                "UPDATE bindings SET chat_id = ?, unreachable_at = NULL"
                " WHERE platform = ? AND chat_id = ?",
                (new_chat_id, platform, old_chat_id),
            )
            await conn.execute(
                "UPDATE outbox SET chat_id = ? WHERE platform = ? AND chat_id = ?"
                " AND status = 'pending'",
                (new_chat_id, platform, old_chat_id),
            )
            return cursor.rowcount

    async def mark_unreachable(self, binding_id: int) -> None:
        await self.db.execute(
            "UPDATE bindings SET unreachable_at = ? WHERE id = ?",
            (to_db_time(utcnow()), binding_id),
        )

    async def mark_chat_unreachable(self, platform: str, chat_id: str) -> int:
        cursor = await self.db.execute(
            "UPDATE bindings SET unreachable_at = ? WHERE platform = ? AND chat_id = ?",
            (to_db_time(utcnow()), platform, chat_id),
        )
        return cursor.rowcount
