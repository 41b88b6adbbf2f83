"""Invitation codes (stored only as a SHA-256 hash) and who joined by one."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow
from storage.linking import hash_code


class Invitation(BaseModel):
    id: int
    created_by: int | None
    max_uses: int | None  # None: any number of times until it expires
    uses: int
    expires_at: datetime

    @property
    def used_up(self) -> bool:
        return self.max_uses is not None and self.uses >= self.max_uses


def _invitation(row: object) -> Invitation:
    r = dict(row)  # type: ignore[call-overload]
    r["expires_at"] = from_db_time(r["expires_at"])
    return Invitation(**{k: r[k] for k in Invitation.model_fields})


class InvitationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(
        self, code: str, created_by: int | None, max_uses: int | None, expires_at: datetime
    ) -> int | None:
        """The new invitation's id; None if the code is taken (the caller draws again)."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO invitations (code_hash, created_by, max_uses, expires_at,"
            " created_at) VALUES (?, ?, ?, ?, ?)",
            (hash_code(code), created_by, max_uses, to_db_time(expires_at), to_db_time(utcnow())),
        )
        return int(cursor.lastrowid or 0) if cursor.rowcount > 0 else None

    async def find(self, code: str) -> Invitation | None:
        row = await self.db.fetchone(
            "SELECT * FROM invitations WHERE code_hash = ?", (hash_code(code),)
        )
        return _invitation(row) if row else None

    async def claim(self, code: str, now: datetime) -> Invitation | None:
        """Count one use if the code is valid now; None if unknown, expired or used up
        (checked and counted in one statement, so two people cannot share a one-time code)."""
        async with self.db.transaction():
            row = await self.db.fetchone(
                "UPDATE invitations SET uses = uses + 1 WHERE code_hash = ? AND expires_at > ?"
                " AND (max_uses IS NULL OR uses < max_uses) RETURNING *",
                (hash_code(code), to_db_time(now)),
            )
        return _invitation(row) if row else None

    async def record_invited(self, member_id: int, invitation: Invitation) -> None:
        await self.db.execute(
            "INSERT INTO invited_members (member_id, invitation_id, invited_by, at)"
            " VALUES (?, ?, ?, ?)",
            (member_id, invitation.id, invitation.created_by, to_db_time(utcnow())),
        )

    async def invited_by(self, member_id: int) -> int | None:
        value = await self.db.fetchval(
            "SELECT invited_by FROM invited_members WHERE member_id = ?", (member_id,)
        )
        return None if value is None else int(value)

    async def purge_expired_before(self, cutoff: datetime) -> int:
        """Invitations that expired long ago are only clutter (who used them stays)."""
        cursor = await self.db.execute(
            "DELETE FROM invitations WHERE expires_at < ?", (to_db_time(cutoff),)
        )
        return cursor.rowcount
