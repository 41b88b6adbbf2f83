"""The web dashboard's sign-in: one-time login tokens, server-side sessions, the cookie key.

Tokens and session ids are stored only as hashes (the caller hashes them), so a copy of
the store lets nobody sign in. Spending a token is one conditional UPDATE, so a link works
once even when two requests race. The read-only figures the pages show are in
:mod:`storage.dashboard_figures`, mixed in here.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime

from pydantic import BaseModel

from storage.dashboard_figures import DashboardFigures
from storage.db import Database, from_db_time, to_db_time, utcnow


class LoginToken(BaseModel):
    identity: str
    language: str
    expires_at: datetime
    used_at: datetime | None


class Session(BaseModel):
    id_hash: str
    identity: str
    language: str
    csrf_token: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


def _session(row: object) -> Session:
    r = dict(row)  # type: ignore[call-overload]
    for name in ("created_at", "expires_at", "revoked_at"):
        r[name] = from_db_time(r[name])
    return Session(**{k: r[k] for k in Session.model_fields})


class DashboardRepository(DashboardFigures):
    def __init__(self, db: Database) -> None:
        self.db = db

    async def secret(self, name: str) -> str:
        """A random secret made on first use and kept (e.g. the cookie signing key)."""
        await self.db.execute(
            "INSERT OR IGNORE INTO dashboard_secrets (name, value, created_at) VALUES (?, ?, ?)",
            (name, secrets.token_urlsafe(32), to_db_time(utcnow())),
        )
        return str(
            await self.db.fetchval("SELECT value FROM dashboard_secrets WHERE name = ?", (name,))
        )

    # login tokens -----------------------------------------------------------------------

    async def add_login_token(
        self, token_hash: str, identity: str, language: str, expires_at: datetime
    ) -> None:
        await self.db.execute(
            "INSERT INTO dashboard_login_tokens (token_hash, identity, language, created_at,"
            " expires_at) VALUES (?, ?, ?, ?, ?)",
            (token_hash, identity, language, to_db_time(utcnow()), to_db_time(expires_at)),
        )

    async def login_token(self, token_hash: str) -> LoginToken | None:
        row = await self.db.fetchone(
            "SELECT identity, language, expires_at, used_at FROM dashboard_login_tokens"
            " WHERE token_hash = ?",
            (token_hash,),
        )
        if row is None:
            return None
        return LoginToken(
            identity=row["identity"],
            language=row["language"],
            expires_at=from_db_time(row["expires_at"]),
            used_at=from_db_time(row["used_at"]),
        )

    async def spend_login_token(self, token_hash: str, now: datetime) -> LoginToken | None:
        """Mark the token used if it was unused and not expired; None otherwise. Only one
        caller can ever get it."""
        cursor = await self.db.execute(
            "UPDATE dashboard_login_tokens SET used_at = ?"
            " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
            (to_db_time(now), token_hash, to_db_time(now)),
        )
        if cursor.rowcount != 1:
            return None
        return await self.login_token(token_hash)

    # sessions ---------------------------------------------------------------------------

    async def add_session(
        self, id_hash: str, identity: str, language: str, csrf_token: str, expires_at: datetime
    ) -> None:
        now = to_db_time(utcnow())
        await self.db.execute(
            "INSERT INTO dashboard_sessions (id_hash, identity, language, csrf_token,"
            " created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (id_hash, identity, language, csrf_token, now, to_db_time(expires_at), now),
        )

    async def session(self, id_hash: str) -> Session | None:
        row = await self.db.fetchone(
            "SELECT * FROM dashboard_sessions WHERE id_hash = ?", (id_hash,)
        )
        return _session(row) if row else None

    async def revoke_session(self, id_hash: str, now: datetime) -> bool:
        cursor = await self.db.execute(
            "UPDATE dashboard_sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL",
            (to_db_time(now), id_hash),
        )
        return cursor.rowcount > 0

    async def revoke_sessions_of(self, identities: list[str], now: datetime) -> int:
        """End every open session of these identities (the admin role was taken away)."""
        if not identities:
            return 0
        marks = ",".join("?" for _ in identities)
        cursor = await self.db.execute(
            f"UPDATE dashboard_sessions SET revoked_at = ? WHERE identity IN ({marks})"
            " AND revoked_at IS NULL",
            [to_db_time(now), *identities],
        )
        return cursor.rowcount

    # one-time form submissions and notices --------------------------------------------

    async def submission_outcome(self, session_hash: str, token: str) -> str | None:
        """Where the outcome of an earlier submission with this token is shown, if any."""
        value = await self.db.fetchval(
            "SELECT outcome FROM dashboard_submissions WHERE session_hash = ? AND token = ?",
            (session_hash, token),
        )
        return None if value is None else str(value)

    async def record_submission(self, session_hash: str, token: str, outcome: str) -> None:
        """Spend the token (in the caller's transaction, together with the change)."""
        await self.db.execute(
            "INSERT INTO dashboard_submissions (session_hash, token, outcome, created_at)"
            " VALUES (?, ?, ?, ?)",
            (session_hash, token, outcome, to_db_time(utcnow())),
        )

    async def set_notice(self, session_hash: str, notice: dict[str, str]) -> None:
        await self.db.execute(
            "UPDATE dashboard_sessions SET notice = ? WHERE id_hash = ?",
            (json.dumps(notice, ensure_ascii=False), session_hash),
        )

    async def take_notice(self, session_hash: str) -> dict[str, str] | None:
        """The notice waiting for this session, forgotten once read (shown once)."""
        value = await self.db.fetchval(
            "SELECT notice FROM dashboard_sessions WHERE id_hash = ?", (session_hash,)
        )
        if value is None:
            return None
        await self.db.execute(
            "UPDATE dashboard_sessions SET notice = NULL WHERE id_hash = ?", (session_hash,)
        )
        found = json.loads(value)
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else None

    async def purge_expired(self, now: datetime) -> int:
        """Forget tokens and sessions that can never be used again."""
        stamp = to_db_time(now)
        async with self.db.transaction() as conn:
            tokens = await conn.execute(
                "DELETE FROM dashboard_login_tokens WHERE expires_at <= ?", (stamp,)
            )
            sessions = await conn.execute(
                "DELETE FROM dashboard_sessions WHERE expires_at <= ?", (stamp,)
            )
        return tokens.rowcount + sessions.rowcount
