"""Slack request signatures seen within their window (see migration 0017).

Kept in the store rather than in the process, so a restart does not reopen the window for
a captured request. Only a hash of each signature is kept, and only until it expires.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from storage.db import Database, to_db_time


def _hash(signature: str) -> str:
    return hashlib.sha256(signature.encode()).hexdigest()


class SeenSignatures:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def first_use(self, signature: str, expires_at: datetime) -> bool:
        """Remember the signature; False if it was already remembered. One statement, so
        two copies of a request arriving at once cannot both pass."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO slack_signatures (signature_hash, expires_at) VALUES (?, ?)",
            (_hash(signature), to_db_time(expires_at)),
        )
        return cursor.rowcount > 0

    async def purge_expired(self, now: datetime) -> int:
        cursor = await self.db.execute(
            "DELETE FROM slack_signatures WHERE expires_at < ?", (to_db_time(now),)
        )
        return cursor.rowcount
