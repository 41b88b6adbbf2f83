"""Check-ins at event dates (issue 28) and the per-date secret their rotating codes come from.

One check-in per member and date: the primary key decides, so two check-ins arriving at
the same moment (a typed code and a staff tick) write one row; :meth:`add` says whether
this call was the one. Walk-ins are members who had not answered yes or maybe.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow

HOWS = ("link", "code", "staff")


class Checkin(BaseModel):
    event_id: int
    occurrence: datetime
    member_id: int
    how: str
    walk_in: bool
    checked_in_at: datetime
    checked_in_by: int | None


class DateSecret(BaseModel):
    """The secret of one event date (``occurrence`` is the date's original start)."""

    event_id: int
    occurrence: datetime
    secret: str


class ListedPerson(BaseModel):
    """A row of the dashboard's attendee list: who said yes or maybe, or checked in."""

    member_id: int
    name: str
    company: str
    answer: str | None  # yes, maybe or None (a walk-in who never answered)
    checked_in_at: datetime | None


def _checkin(row: object) -> Checkin:
    r = dict(row)  # type: ignore[call-overload]
    return Checkin(
        event_id=r["event_id"],
        occurrence=from_db_time(r["occurrence"]),
        member_id=r["member_id"],
        how=r["how"],
        walk_in=bool(r["walk_in"]),
        checked_in_at=from_db_time(r["checked_in_at"]),
        checked_in_by=r["checked_in_by"],
    )


class CheckinRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def secret_for(self, event_id: int, occurrence: datetime) -> str:
        """The date's secret, made on first use (the check-in page's first view)."""
        occ = to_db_time(occurrence)
        await self.db.execute(
            "INSERT OR IGNORE INTO checkin_secrets (event_id, occurrence, secret, created_at)"
            " VALUES (?, ?, ?, ?)",
            (event_id, occ, secrets.token_hex(32), to_db_time(utcnow())),
        )
        return str(
            await self.db.fetchval(
                "SELECT secret FROM checkin_secrets WHERE event_id = ? AND occurrence = ?",
                (event_id, occ),
            )
        )

    async def secrets_between(self, since: datetime, until: datetime) -> list[DateSecret]:
        """The secrets of dates whose original start lies in ``[since, until]``: the
        candidates a typed code is compared with."""
        rows = await self.db.fetchall(
            "SELECT event_id, occurrence, secret FROM checkin_secrets"
            " WHERE occurrence BETWEEN ? AND ? ORDER BY occurrence, event_id",
            (to_db_time(since), to_db_time(until)),
        )
        return [
            DateSecret(
                event_id=r["event_id"], occurrence=from_db_time(r["occurrence"]), secret=r["secret"]
            )
            for r in rows
        ]

    async def add(
        self,
        event_id: int,
        occurrence: datetime,
        member_id: int,
        how: str,
        *,
        walk_in: bool,
        by: int | None = None,
        at: datetime | None = None,
    ) -> bool:
        """Check a member in; False when they already were (nothing changes then)."""
        if how not in HOWS:
            raise ValueError(how)
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO event_checkins (event_id, occurrence, member_id, how,"
            " walk_in, checked_in_at, checked_in_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                to_db_time(occurrence),
                member_id,
                how,
                int(walk_in),
                to_db_time(at or utcnow()),
                by,
            ),
        )
        return cursor.rowcount == 1

    async def get(self, event_id: int, occurrence: datetime, member_id: int) -> Checkin | None:
        row = await self.db.fetchone(
            "SELECT * FROM event_checkins WHERE event_id = ? AND occurrence = ? AND member_id = ?",
            (event_id, to_db_time(occurrence), member_id),
        )
        return _checkin(row) if row else None

    async def for_date(self, event_id: int, occurrence: datetime) -> list[Checkin]:
        rows = await self.db.fetchall(
            "SELECT * FROM event_checkins WHERE event_id = ? AND occurrence = ?"
            " ORDER BY checked_in_at, member_id",
            (event_id, to_db_time(occurrence)),
        )
        return [_checkin(r) for r in rows]

    async def said_yes_or_maybe(self, event_id: int, occurrence: datetime, member_id: int) -> bool:
        """Whether the member announced coming (yes, waiting list included, or maybe)."""
        found = await self.db.fetchval(
            "SELECT 1 FROM rsvps WHERE event_id = ? AND occurrence = ? AND member_id = ?"
            " AND status IN ('yes', 'maybe')",
            (event_id, to_db_time(occurrence), member_id),
        )
        return found is not None

    async def attendee_list(self, event_id: int, occurrence: datetime) -> list[ListedPerson]:
        """Everyone who said yes or maybe, and everyone who checked in, by name."""
        occ = to_db_time(occurrence)
        rows = await self.db.fetchall(
            "SELECT m.id, m.name, m.company, r.status, c.checked_in_at FROM members m"
            " LEFT JOIN rsvps r ON r.member_id = m.id AND r.event_id = :event"
            " AND r.occurrence = :occ AND r.status IN ('yes', 'maybe')"
            " LEFT JOIN event_checkins c ON c.member_id = m.id AND c.event_id = :event"
            " AND c.occurrence = :occ"
            " WHERE r.member_id IS NOT NULL OR c.member_id IS NOT NULL"
            " ORDER BY m.name COLLATE NOCASE, m.id",
            {"event": event_id, "occ": occ},
        )
        return [
            ListedPerson(
                member_id=r[0],
                name=r[1],
                company=r[2] or "",
                answer=r[3],
                checked_in_at=from_db_time(r[4]) if r[4] else None,
            )
            for r in rows
        ]
