"""RSVPs with a first-come waitlist, the reminders already sent, and who wants reminders.

An RSVP belongs to one occurrence (the original start of it, ISO UTC). ``sent_reminders``
is the truth that a reminder went out: its UNIQUE row is claimed in the same transaction
as the outbox row, so no reminder goes twice, even across restarts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow

RSVP_STATUSES = ("yes", "maybe", "no")


class Rsvp(BaseModel):
    event_id: int
    occurrence: datetime
    member_id: int
    status: str
    waitlisted: bool
    position: int | None
    created_at: datetime
    updated_at: datetime


class Attendee(BaseModel):
    """An RSVP with the member's name and company, for attendee lists."""

    member_id: int
    name: str
    company: str
    status: str
    waitlisted: bool
    position: int | None
    occurrence: datetime


class ReminderCandidate(BaseModel):
    """Someone to remind, and since when they wanted to be (RSVP or event creation)."""

    member_id: int
    since: datetime


def _rsvp(row: object) -> Rsvp:
    r = dict(row)  # type: ignore[call-overload]
    for key in ("occurrence", "created_at", "updated_at"):
        r[key] = from_db_time(r[key])
    r["waitlisted"] = bool(r["waitlisted"])
    return Rsvp(**{k: r[k] for k in Rsvp.model_fields})


class RsvpRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, event_id: int, occurrence: datetime, member_id: int) -> Rsvp | None:
        row = await self.db.fetchone(
            "SELECT * FROM rsvps WHERE event_id = ? AND occurrence = ? AND member_id = ?",
            (event_id, to_db_time(occurrence), member_id),
        )
        return _rsvp(row) if row else None

    async def record(
        self, event_id: int, occurrence: datetime, member_id: int, status: str, waitlisted: bool
    ) -> None:
        """Record an answer; a new place on the waitlist goes to the end of the queue."""
        if status not in RSVP_STATUSES:
            raise ValueError(status)
        occ = to_db_time(occurrence)
        now = to_db_time(utcnow())
        async with self.db.transaction() as conn:
            position = None
            if waitlisted:
                position = await self.db.fetchval(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM rsvps"
                    " WHERE event_id = ? AND occurrence = ?",
                    (event_id, occ),
                )
            await conn.execute(
                "INSERT INTO rsvps (event_id, occurrence, member_id, status, waitlisted,"
                " position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (event_id, occurrence, member_id) DO UPDATE SET"
                " status = excluded.status, waitlisted = excluded.waitlisted,"
                " position = excluded.position, updated_at = excluded.updated_at",
                (event_id, occ, member_id, status, int(waitlisted), position, now, now),
            )

    async def confirmed_count(self, event_id: int, occurrence: datetime) -> int:
        """Seats taken: yes answers not on the waitlist."""
        return int(
            await self.db.fetchval(
                "SELECT COUNT(*) FROM rsvps WHERE event_id = ? AND occurrence = ?"
                " AND status = 'yes' AND waitlisted = 0",
                (event_id, to_db_time(occurrence)),
            )
        )

    async def confirmed_counts(
        self, dates: list[tuple[int, datetime]]
    ) -> dict[tuple[int, datetime], int]:
        """Seats taken for several dates (event id, original start) in one query."""
        if not dates:
            return {}
        rows = await self.db.fetchall(
            "WITH wanted(event_id, occurrence) AS (VALUES "
            + ",".join("(?, ?)" for _ in dates)
            + ") SELECT r.event_id, r.occurrence, COUNT(*) FROM wanted w JOIN rsvps r"
            " ON r.event_id = w.event_id AND r.occurrence = w.occurrence"
            " WHERE r.status = 'yes' AND r.waitlisted = 0 GROUP BY r.event_id, r.occurrence",
            [v for event_id, occ in dates for v in (event_id, to_db_time(occ))],
        )
        return {(r[0], from_db_time(r[1])): r[2] for r in rows}

    async def answers_of(
        self, member_id: int, dates: list[tuple[int, datetime]]
    ) -> dict[tuple[int, datetime], Rsvp]:
        """One member's answers to several dates in one query (a page of /termine)."""
        if not dates:
            return {}
        rows = await self.db.fetchall(
            "WITH wanted(event_id, occurrence) AS (VALUES "
            + ",".join("(?, ?)" for _ in dates)
            + ") SELECT r.* FROM wanted w JOIN rsvps r ON r.event_id = w.event_id"
            " AND r.occurrence = w.occurrence AND r.member_id = ?",
            [*(v for event_id, occ in dates for v in (event_id, to_db_time(occ))), member_id],
        )
        found = [_rsvp(r) for r in rows]
        return {(r.event_id, r.occurrence): r for r in found}

    async def waitlist(self, event_id: int, occurrence: datetime) -> list[Rsvp]:
        rows = await self.db.fetchall(
            "SELECT * FROM rsvps WHERE event_id = ? AND occurrence = ? AND status = 'yes'"
            " AND waitlisted = 1 ORDER BY position, created_at",
            (event_id, to_db_time(occurrence)),
        )
        return [_rsvp(r) for r in rows]

    async def promote(self, event_id: int, occurrence: datetime, member_id: int) -> None:
        await self.db.execute(
            "UPDATE rsvps SET waitlisted = 0, position = NULL, updated_at = ?"
            " WHERE event_id = ? AND occurrence = ? AND member_id = ?",
            (to_db_time(utcnow()), event_id, to_db_time(occurrence), member_id),
        )

    async def attendees(self, event_id: int, occurrence: datetime | None = None) -> list[Attendee]:
        """Everyone who answered, for one occurrence or all; yes first, then maybe, no."""
        where = "r.event_id = ?"
        params: list[object] = [event_id]
        if occurrence is not None:
            where += " AND r.occurrence = ?"
            params.append(to_db_time(occurrence))
        rows = await self.db.fetchall(
            "SELECT r.*, m.name, m.company FROM rsvps r JOIN members m ON m.id = r.member_id"
            f" WHERE {where} ORDER BY r.occurrence,"
            " CASE r.status WHEN 'yes' THEN 0 WHEN 'maybe' THEN 1 ELSE 2 END,"
            " r.waitlisted, r.position, r.created_at",
            params,
        )
        return [
            Attendee(
                member_id=r["member_id"],
                name=r["name"],
                company=r["company"],
                status=r["status"],
                waitlisted=bool(r["waitlisted"]),
                position=r["position"],
                occurrence=from_db_time(r["occurrence"]),
            )
            for r in rows
        ]

    async def going(self, event_id: int, occurrence: datetime | None = None) -> list[int]:
        """Members who said yes or maybe (to one occurrence, or any from now on)."""
        if occurrence is not None:
            rows = await self.db.fetchall(
                "SELECT member_id FROM rsvps WHERE event_id = ? AND occurrence = ?"
                " AND status IN ('yes', 'maybe') ORDER BY member_id",
                (event_id, to_db_time(occurrence)),
            )
        else:
            since = to_db_time(utcnow() - timedelta(days=1))
            rows = await self.db.fetchall(
                "SELECT DISTINCT member_id FROM rsvps WHERE event_id = ? AND occurrence >= ?"
                " AND status IN ('yes', 'maybe') ORDER BY member_id",
                (event_id, since),
            )
        return [r[0] for r in rows]

    async def for_member(self, member_id: int) -> list[Rsvp]:
        rows = await self.db.fetchall(
            "SELECT * FROM rsvps WHERE member_id = ? ORDER BY occurrence", (member_id,)
        )
        return [_rsvp(r) for r in rows]

    async def move_occurrence(self, event_id: int, old: datetime, new: datetime) -> None:
        """A single event got a new start: its answers follow it."""
        await self.db.execute(
            "UPDATE OR IGNORE rsvps SET occurrence = ? WHERE event_id = ? AND occurrence = ?",
            (to_db_time(new), event_id, to_db_time(old)),
        )

    # reminders ----------------------------------------------------------------------

    async def reminder_candidates(
        self, event_id: int, occurrence: datetime, topic_ids: list[int], event_created: datetime
    ) -> list[ReminderCandidate]:
        """Yes/maybe (with a seat) plus subscribers of the event's topics who asked for
        topic reminders; only active members with reminders on; a "no" always wins."""
        occ = to_db_time(occurrence)
        rows = await self.db.fetchall(
            "SELECT r.member_id, r.updated_at FROM rsvps r JOIN members m ON m.id = r.member_id"
            " WHERE r.event_id = ? AND r.occurrence = ? AND r.status IN ('yes', 'maybe')"
            " AND r.waitlisted = 0 AND m.status = 'active' AND m.reminders_enabled = 1",
            (event_id, occ),
        )
        found = {r[0]: from_db_time(r[1]) for r in rows}
        if topic_ids:
            marks = ",".join("?" for _ in topic_ids)
            rows = await self.db.fetchall(
                "SELECT DISTINCT s.member_id FROM subscriptions s"
                " JOIN members m ON m.id = s.member_id"
                " JOIN member_event_settings x ON x.member_id = s.member_id"
                f" WHERE s.topic_id IN ({marks}) AND x.remind_topics = 1"
                " AND m.status = 'active' AND m.reminders_enabled = 1"
                " AND NOT EXISTS (SELECT 1 FROM rsvps r WHERE r.event_id = ?"
                " AND r.occurrence = ? AND r.member_id = s.member_id)",
                (*topic_ids, event_id, occ),
            )
            for r in rows:
                found.setdefault(r[0], event_created)
        return [
            ReminderCandidate(member_id=m, since=since)
            for m, since in sorted(found.items())
            if since is not None
        ]

    async def claim_reminder(
        self, event_id: int, occurrence: datetime, offset: timedelta, member_id: int
    ) -> bool:
        """Record a reminder as sent; False if it was sent before."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO sent_reminders (event_id, occurrence, offset_seconds,"
            " member_id, sent_at) VALUES (?, ?, ?, ?, ?)",
            (
                event_id,
                to_db_time(occurrence),
                int(offset.total_seconds()),
                member_id,
                to_db_time(utcnow()),
            ),
        )
        return cursor.rowcount > 0

    async def claim_reminders(
        self, event_id: int, occurrence: datetime, owed: list[tuple[int, timedelta]]
    ) -> dict[int, timedelta]:
        """Record reminders as sent for many members in one statement; returns those
        claimed now (a member whose reminder was recorded before is left out)."""
        if not owed:
            return {}
        occ, now = to_db_time(occurrence), to_db_time(utcnow())
        offsets = dict(owed)
        async with self.db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "INSERT OR IGNORE INTO sent_reminders (event_id, occurrence, offset_seconds,"
                " member_id, sent_at) VALUES "
                + ",".join("(?, ?, ?, ?, ?)" for _ in owed)
                + " RETURNING member_id",
                [
                    v
                    for member_id, offset in owed
                    for v in (event_id, occ, int(offset.total_seconds()), member_id, now)
                ],
            )
        return {r[0]: offsets[r[0]] for r in rows}

    async def reminded_offsets(
        self, event_id: int, occurrence: datetime, member_id: int
    ) -> set[int]:
        return (await self.sent_offsets(event_id, occurrence)).get(member_id, set())

    async def sent_offsets(self, event_id: int, occurrence: datetime) -> dict[int, set[int]]:
        """Offsets (seconds) already reminded for one occurrence, by member: one query."""
        rows = await self.db.fetchall(
            "SELECT member_id, offset_seconds FROM sent_reminders"
            " WHERE event_id = ? AND occurrence = ?",
            (event_id, to_db_time(occurrence)),
        )
        sent: dict[int, set[int]] = {}
        for member_id, offset in rows:
            sent.setdefault(member_id, set()).add(offset)
        return sent

    async def sent_count(self, event_id: int) -> int:
        return int(
            await self.db.fetchval(
                "SELECT COUNT(*) FROM sent_reminders WHERE event_id = ?", (event_id,)
            )
        )

    async def remind_topics(self, member_id: int) -> bool:
        value = await self.db.fetchval(
            "SELECT remind_topics FROM member_event_settings WHERE member_id = ?", (member_id,)
        )
        return bool(value)

    async def set_remind_topics(self, member_id: int, enabled: bool) -> None:
        await self.db.execute(
            "INSERT INTO member_event_settings (member_id, remind_topics) VALUES (?, ?)"
            " ON CONFLICT (member_id) DO UPDATE SET remind_topics = excluded.remind_topics",
            (member_id, int(enabled)),
        )

    async def purge_reminder_claims_before(self, cutoff: datetime) -> int:
        """Claims for dates that began before ``cutoff``: no reminder can be due for them
        any more (reminders go out before the start), so they are not needed."""
        cursor = await self.db.execute(
            "DELETE FROM sent_reminders WHERE occurrence < ?", (to_db_time(cutoff),)
        )
        return cursor.rowcount
