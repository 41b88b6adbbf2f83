"""Calendar subscriptions (migration 0015): a URL kept in sync on a schedule, with what
the last fetch brought (for the dashboard and ``doctor``)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time


class Subscription(BaseModel):
    id: int
    url: str
    every: timedelta
    etag: str | None
    last_modified: str | None
    next_run_at: datetime
    failures: int
    last_run_at: datetime | None
    last_ok_at: datetime | None
    last_status: str | None  # 'synced', 'unchanged', 'failed'
    last_report: dict[str, Any] | None  # counts and skipped entries, or the reason
    created_at: datetime


def _subscription(row: object) -> Subscription:
    r = dict(row)  # type: ignore[call-overload]
    return Subscription(
        id=r["id"],
        url=r["url"],
        every=timedelta(seconds=r["every_seconds"]),
        etag=r["etag"],
        last_modified=r["last_modified"],
        next_run_at=from_db_time(r["next_run_at"]),
        failures=r["failures"],
        last_run_at=from_db_time(r["last_run_at"]),
        last_ok_at=from_db_time(r["last_ok_at"]),
        last_status=r["last_status"],
        last_report=json.loads(r["last_report"]) if r["last_report"] else None,
        created_at=from_db_time(r["created_at"]),
    )


class SubscriptionRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def available(self) -> bool:
        """Whether the store has subscriptions yet (``doctor`` reads unmigrated stores)."""
        found = await self.db.fetchval(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'calendar_subscriptions'"
        )
        return bool(found)

    async def save(self, url: str, every: timedelta, now: datetime) -> Subscription:
        """Subscribe to ``url`` (or change how often): it is due at once."""
        await self.db.execute(
            "INSERT INTO calendar_subscriptions (url, every_seconds, next_run_at, created_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " every_seconds = excluded.every_seconds, next_run_at = excluded.next_run_at",
            (url, int(every.total_seconds()), to_db_time(now), to_db_time(now)),
        )
        found = await self.by_url(url)
        assert found is not None
        return found

    async def get(self, subscription_id: int) -> Subscription | None:
        row = await self.db.fetchone(
            "SELECT * FROM calendar_subscriptions WHERE id = ?", (subscription_id,)
        )
        return _subscription(row) if row else None

    async def by_url(self, url: str) -> Subscription | None:
        row = await self.db.fetchone("SELECT * FROM calendar_subscriptions WHERE url = ?", (url,))
        return _subscription(row) if row else None

    async def all(self) -> list[Subscription]:
        rows = await self.db.fetchall("SELECT * FROM calendar_subscriptions ORDER BY url")
        return [_subscription(r) for r in rows]

    async def due(self, now: datetime) -> list[Subscription]:
        rows = await self.db.fetchall(
            "SELECT * FROM calendar_subscriptions WHERE next_run_at <= ? ORDER BY next_run_at",
            (to_db_time(now),),
        )
        return [_subscription(r) for r in rows]

    async def remove(self, subscription_id: int) -> bool:
        cursor = await self.db.execute(
            "DELETE FROM calendar_subscriptions WHERE id = ?", (subscription_id,)
        )
        return cursor.rowcount > 0

    async def record_success(
        self,
        subscription_id: int,
        *,
        status: str,
        report: dict[str, Any] | None,
        etag: str | None,
        last_modified: str | None,
        now: datetime,
        next_run_at: datetime,
    ) -> None:
        """A fetch that worked: the answer's validators are kept for the next request
        (unchanged when it answered 304), the failures forgotten."""
        keep_report = "last_report" if report is None else "?"
        params: list[object] = [] if report is None else [json.dumps(report, ensure_ascii=False)]
        await self.db.execute(
            f"UPDATE calendar_subscriptions SET last_status = ?, last_report = {keep_report},"
            " etag = ?, last_modified = ?, failures = 0, last_run_at = ?, last_ok_at = ?,"
            " next_run_at = ? WHERE id = ?",
            (
                status,
                *params,
                etag,
                last_modified,
                to_db_time(now),
                to_db_time(now),
                to_db_time(next_run_at),
                subscription_id,
            ),
        )

    async def record_failure(
        self, subscription_id: int, *, reason: str, now: datetime, next_run_at: datetime
    ) -> None:
        await self.db.execute(
            "UPDATE calendar_subscriptions SET last_status = 'failed', last_report = ?,"
            " failures = failures + 1, last_run_at = ?, next_run_at = ? WHERE id = ?",
            (
                json.dumps({"reason": reason}, ensure_ascii=False),
                to_db_time(now),
                to_db_time(next_run_at),
                subscription_id,
            ),
        )
