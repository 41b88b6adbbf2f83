"""Feedback on event dates (migration 0024): who is owed a request, the "sent once" claim,
the one answer per member and date, the organiser's figures and the member's switch.

``feedback_requests`` is the truth about what was asked: a request is claimed (inserted)
in the same transaction as its outbox row, so after a restart nobody is asked twice.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from storage.db import Database, from_db_time, to_db_time

Ask = tuple[int, str, int]  # event id, occurrence (as stored), member id


@dataclass(frozen=True)
class FeedbackRequest:
    event_id: int
    occurrence: datetime
    member_id: int
    sent_at: datetime
    changeable_until: datetime


@dataclass(frozen=True)
class Feedback:
    event_id: int
    occurrence: datetime
    member_id: int
    stars: int
    comment: str
    show_name: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Comment:
    """A comment as the organiser sees it: the name only where the member agreed."""

    stars: int
    text: str
    name: str | None


@dataclass
class Figures:
    """What the organiser sees of one date (or all dates of an event)."""

    count: int = 0
    asked: int = 0
    distribution: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 6), 0))
    comments: list[Comment] = field(default_factory=list)

    @property
    def average(self) -> float | None:
        if not self.count:
            return None
        return sum(stars * n for stars, n in self.distribution.items()) / self.count


# Members owed a request for the dates that ended in the window: those who checked in, or
# for a date where nobody checked in, those who said yes (with a seat); active members who
# did not turn requests off and were not asked yet; never for cancelled dates or events.
_OWED = """
WITH due AS (
    SELECT d.event_id, d.occurrence FROM event_dates d JOIN events e ON e.id = d.event_id
    WHERE d.cancelled = 0 AND e.status != 'cancelled' AND d.ends_at <= :upto
      AND d.ends_at > :since
),
people AS (
    SELECT due.event_id, due.occurrence, c.member_id FROM due
    JOIN event_checkins c ON c.event_id = due.event_id AND c.occurrence = due.occurrence
    UNION
    SELECT due.event_id, due.occurrence, r.member_id FROM due
    JOIN rsvps r ON r.event_id = due.event_id AND r.occurrence = due.occurrence
    WHERE r.status = 'yes' AND r.waitlisted = 0 AND NOT EXISTS (SELECT 1 FROM event_checkins c
        WHERE c.event_id = due.event_id AND c.occurrence = due.occurrence)
)
SELECT p.event_id, p.occurrence, p.member_id FROM people p
JOIN members m ON m.id = p.member_id AND m.status = 'active'
WHERE NOT EXISTS (SELECT 1 FROM feedback_requests q WHERE q.event_id = p.event_id
    AND q.occurrence = p.occurrence AND q.member_id = p.member_id)
  AND COALESCE((SELECT s.feedback_requests FROM member_settings s
    WHERE s.member_id = p.member_id), 1) = 1
ORDER BY p.event_id, p.occurrence, p.member_id
LIMIT :limit
"""


def _request(row: Sequence[object]) -> FeedbackRequest:
    return FeedbackRequest(
        event_id=int(row[0]),  # type: ignore[call-overload]
        occurrence=from_db_time(str(row[1])),
        member_id=int(row[2]),  # type: ignore[call-overload]
        sent_at=from_db_time(str(row[3])),
        changeable_until=from_db_time(str(row[4])),
    )


class FeedbackRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # asking ------------------------------------------------------------------------------

    async def owed(self, upto: datetime, since: datetime, limit: int = 400) -> builtins.list[Ask]:
        """Requests owed for dates that ended after ``since`` and by ``upto``."""
        rows = await self.db.fetchall(
            _OWED, {"upto": to_db_time(upto), "since": to_db_time(since), "limit": limit}
        )
        return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]

    async def claim(
        self, asks: builtins.list[Ask], now: datetime, changeable_until: datetime
    ) -> builtins.list[Ask]:
        """Record requests as sent; returns those claimed now (one asked before is left
        out). Called in the transaction that queues their messages."""
        if not asks:
            return []
        sent, until = to_db_time(now), to_db_time(changeable_until)
        rows = await self.db.execute_returning(
            "INSERT OR IGNORE INTO feedback_requests (event_id, occurrence, member_id,"
            " sent_at, changeable_until) VALUES "
            + ",".join("(?, ?, ?, ?, ?)" for _ in asks)
            + " RETURNING event_id, occurrence, member_id",
            [v for event_id, occ, member in asks for v in (event_id, occ, member, sent, until)],
        )
        return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]

    async def request(
        self, event_id: int, occurrence: datetime, member_id: int
    ) -> FeedbackRequest | None:
        row = await self.db.fetchone(
            "SELECT event_id, occurrence, member_id, sent_at, changeable_until"
            " FROM feedback_requests WHERE event_id = ? AND occurrence = ? AND member_id = ?",
            (event_id, to_db_time(occurrence), member_id),
        )
        return _request(row) if row else None

    async def latest_request(self, member_id: int) -> FeedbackRequest | None:
        """The request sent last to this member (a typed "4" answers it)."""
        row = await self.db.fetchone(
            "SELECT event_id, occurrence, member_id, sent_at, changeable_until"
            " FROM feedback_requests WHERE member_id = ? ORDER BY sent_at DESC LIMIT 1",
            (member_id,),
        )
        return _request(row) if row else None

    # answering ---------------------------------------------------------------------------

    async def get(self, event_id: int, occurrence: datetime, member_id: int) -> Feedback | None:
        row = await self.db.fetchone(
            "SELECT event_id, occurrence, member_id, stars, comment, show_name, created_at,"
            " updated_at FROM event_feedback WHERE event_id = ? AND occurrence = ?"
            " AND member_id = ?",
            (event_id, to_db_time(occurrence), member_id),
        )
        if row is None:
            return None
        return Feedback(
            event_id=row[0],
            occurrence=from_db_time(row[1]),
            member_id=row[2],
            stars=row[3],
            comment=row[4],
            show_name=bool(row[5]),
            created_at=from_db_time(row[6]),
            updated_at=from_db_time(row[7]),
        )

    async def save(
        self,
        event_id: int,
        occurrence: datetime,
        member_id: int,
        *,
        stars: int,
        comment: str,
        show_name: bool,
        now: datetime,
    ) -> None:
        """The member's one answer for the date, new or changed."""
        stamp = to_db_time(now)
        await self.db.execute(
            "INSERT INTO event_feedback (event_id, occurrence, member_id, stars, comment,"
            " show_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (event_id, occurrence, member_id) DO UPDATE SET"
            " stars = excluded.stars, comment = excluded.comment,"
            " show_name = excluded.show_name, updated_at = excluded.updated_at",
            (event_id, to_db_time(occurrence), member_id, stars, comment, int(show_name),
             stamp, stamp),
        )  # fmt: skip

    # the organiser's view ----------------------------------------------------------------

    async def figures(self, event_id: int, occurrence: datetime | None = None) -> Figures:
        """Count, distribution, average and comments of one date (or of every date)."""
        where = "f.event_id = ?" + (" AND f.occurrence = ?" if occurrence else "")
        params: list[object] = [event_id]
        if occurrence is not None:
            params.append(to_db_time(occurrence))
        figures = Figures()
        for stars, count in await self.db.fetchall(
            f"SELECT f.stars, COUNT(*) FROM event_feedback f WHERE {where} GROUP BY f.stars",
            params,
        ):
            figures.distribution[int(stars)] = int(count)
            figures.count += int(count)
        figures.asked = int(
            await self.db.fetchval(
                f"SELECT COUNT(*) FROM feedback_requests f WHERE {where}", params
            )
            or 0
        )
        rows = await self.db.fetchall(
            "SELECT f.stars, f.comment, CASE WHEN f.show_name = 1 THEN m.name END"
            " FROM event_feedback f JOIN members m ON m.id = f.member_id"
            f" WHERE {where} AND f.comment != '' ORDER BY f.updated_at",
            params,
        )
        figures.comments = [Comment(int(r[0]), str(r[1]), r[2]) for r in rows]
        return figures

    async def asked_dates(self, event_id: int, limit: int = 12) -> builtins.list[datetime]:
        """The dates of an event whose people were asked, the latest first."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT occurrence FROM feedback_requests WHERE event_id = ?"
            " ORDER BY occurrence DESC LIMIT ?",
            (event_id, limit),
        )
        return [from_db_time(r[0]) for r in rows]

    # the member's switch -----------------------------------------------------------------

    async def asks_enabled(self, member_id: int) -> bool:
        value = await self.db.fetchval(
            "SELECT feedback_requests FROM member_settings WHERE member_id = ?", (member_id,)
        )
        return value is None or bool(value)

    async def set_asks(self, member_id: int, on: bool) -> None:
        await self.db.execute(
            "INSERT INTO member_settings (member_id, feedback_requests) VALUES (?, ?)"
            " ON CONFLICT (member_id) DO UPDATE SET feedback_requests = excluded.feedback_requests",
            (member_id, int(on)),
        )
