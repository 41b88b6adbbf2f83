"""Broadcasts: who they go to, one outbox row per recipient, and their delivery report.

The audience is resolved by one query builder, :func:`recipients_sql`, used both to count
(the preview) and to queue (``INSERT … SELECT`` into the outbox), so the number an admin
is shown is the number of rows queued. Who receives and on which identity is decided by
:func:`storage.members.delivery_targets_sql`, the same rule as for every notification.
The report is counted from the outbox rows of the broadcast's batch; cancelling marks
the rows not yet sent ``withdrawn`` (the outbox's one way of taking messages back), so
they stay countable.
"""

from __future__ import annotations

import builtins
import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from storage.db import Database, from_db_time, to_db_time, utcnow
from storage.members import delivery_targets_sql
from storage.outbox import OutboxRepository

OPEN_STATUSES = ("scheduled", "sending")
EVENT_PEOPLE = ("yes", "maybe", "waitlist", "answered")
"""Whom of a date's people an event audience reaches: a seat's yes, maybe, the waiting
list, or everyone who answered (no included: the slides can interest them too)."""
_PEOPLE_SQL = {
    "yes": "r.status = 'yes' AND r.waitlisted = 0",
    "maybe": "r.status = 'maybe'",
    "waitlist": "r.status = 'yes' AND r.waitlisted = 1",
    "answered": "1",
}


class Audience(BaseModel):
    """Who a broadcast is for: everyone, or the members matching every criterion given
    (the subscribers of a topic, the members of a region, or both), or the members of a
    working group, or the people of one event's date (who answered it in a given way).

    A new kind is one more field here and one more clause in :func:`recipients_sql`.
    Stored as JSON in ``broadcasts.audience``; every field has a default, so rows written
    before a field existed still load.
    """

    model_config = ConfigDict(frozen=True)

    topic_id: int | None = None
    region: str | None = None
    group_id: int | None = None
    event_id: int | None = None
    occurrence: datetime | None = None  # the date's key (its original start, UTC)
    people: str | None = None  # one of EVENT_PEOPLE

    @model_validator(mode="after")
    def _group_stands_alone(self) -> Audience:
        if self.group_id is not None and (self.topic_id is not None or self.region is not None):
            raise ValueError("a working group audience cannot be combined with a topic or region")
        return self

    @model_validator(mode="after")
    def _event_stands_alone(self) -> Audience:
        event = (self.event_id, self.occurrence, self.people)
        if all(v is None for v in event):
            return self
        if any(v is None for v in event) or self.people not in EVENT_PEOPLE:
            raise ValueError("an event audience needs the event, the date and which people")
        if self.topic_id is not None or self.region is not None or self.group_id is not None:
            raise ValueError("an event audience cannot be combined with another audience")
        return self

    @property
    def kind(self) -> str:
        """``all``, ``topic``, ``region``, ``topic+region``, ``group`` or ``event``."""
        if self.group_id is not None:
            return "group"
        if self.event_id is not None:
            return "event"
        parts = []
        if self.topic_id is not None:
            parts.append("topic")
        if self.region is not None:
            parts.append("region")
        return "+".join(parts) or "all"


def recipients_sql(audience: Audience) -> tuple[str, list[Any]]:
    """One row per recipient of the audience (``member_id``, ``language``, ``platform``,
    ``chat_id``, …): active members who did not turn announcements off, each on the one
    identity :func:`delivery_targets_sql` picks.

    A group audience is the group's members whatever their notification level in the group
    (``muted`` and ``digest`` included): a broadcast comes from the network team, so the
    announcement setting decides, not the group's. An archived group has no audience.

    An event audience is the people of one date who answered as asked, whatever their
    announcement setting (a message about a date they answered is not an announcement);
    a cancelled event or date has none, also when a scheduled message comes due.
    """
    if audience.event_id is not None:
        return _event_recipients_sql(audience)
    clauses = [
        "NOT EXISTS (SELECT 1 FROM announcement_settings a"
        " WHERE a.member_id = am.id AND a.enabled = 0)"
    ]
    params: list[Any] = []
    if audience.topic_id is not None:
        # topic news: only those on "all" at once (digest: in the weekly overview; muted: never)
        clauses.append(
            "am.id IN (SELECT s.member_id FROM subscriptions s WHERE s.topic_id = ?"
            " AND s.level = 'all')"
        )
        params.append(audience.topic_id)
    if audience.region is not None:
        clauses.append("am.region = ?")
        params.append(audience.region)
    if audience.group_id is not None:
        clauses.append(
            "am.id IN (SELECT gm.member_id FROM group_members gm JOIN work_groups w"
            " ON w.id = gm.group_id WHERE gm.group_id = ? AND w.status = 'active')"
        )
        params.append(audience.group_id)
    members = "SELECT am.id FROM members am WHERE " + " AND ".join(clauses)
    return delivery_targets_sql(members), params


def _event_recipients_sql(audience: Audience) -> tuple[str, list[Any]]:
    assert audience.occurrence is not None and audience.people is not None
    members = (
        "SELECT r.member_id FROM rsvps r JOIN events e ON e.id = r.event_id"
        " WHERE r.event_id = ? AND r.occurrence = ? AND e.status != 'cancelled'"
        f" AND {_PEOPLE_SQL[audience.people]}"
        " AND NOT EXISTS (SELECT 1 FROM event_overrides o WHERE o.event_id = r.event_id"
        " AND o.occurrence = r.occurrence AND o.cancelled = 1)"
    )
    return delivery_targets_sql(members), [audience.event_id, to_db_time(audience.occurrence)]


class Broadcast(BaseModel):
    id: int
    audience: Audience
    text: str
    status: str
    send_at: datetime
    recipients: int | None
    withdrawn: int
    late: bool
    created_by: str
    report_member_id: int | None
    report_platform: str | None
    report_chat_id: str | None
    report_language: str
    created_at: datetime
    queued_at: datetime | None
    finished_at: datetime | None
    cancelled_at: datetime | None
    urgent: bool = False  # not held by quiet hours; at night without sound

    @property
    def batch(self) -> str:
        return batch_of(self.id)


class DeliveryCounts(BaseModel):
    """A broadcast's outbox rows by state; ``pending`` includes rows being sent,
    ``withdrawn`` the rows a cancel stopped before they went out."""

    sent: int = 0
    pending: int = 0
    unreachable: int = 0
    failed: int = 0
    withdrawn: int = 0

    @property
    def final(self) -> int:
        """Rows that will not change any more."""
        return self.sent + self.unreachable + self.failed + self.withdrawn

    @property
    def total(self) -> int:
        return self.final + self.pending


_COUNTED_AS = {
    "pending": "pending",
    "sending": "pending",
    "sent": "sent",
    "unreachable": "unreachable",
    "failed": "failed",
    "withdrawn": "withdrawn",
}


class UnreachableRecipient(BaseModel):
    member_id: int
    name: str
    company: str
    platform: str


def batch_of(broadcast_id: int) -> str:
    return f"broadcast:{broadcast_id}"


_TIMES = ("send_at", "created_at", "queued_at", "finished_at", "cancelled_at")


def _broadcast(row: object) -> Broadcast:
    r = dict(row)  # type: ignore[call-overload]
    r["audience"] = Audience.model_validate_json(r["audience"])
    r["late"] = bool(r["late"])
    r["urgent"] = bool(r["urgent"])
    for name in _TIMES:
        r[name] = from_db_time(r[name])
    return Broadcast(**{k: r[k] for k in Broadcast.model_fields})


class BroadcastRepository:
    def __init__(self, db: Database, outbox: OutboxRepository) -> None:
        self.db = db
        self.outbox = outbox

    async def create(
        self,
        *,
        audience: Audience,
        text: str,
        send_at: datetime,
        created_by: str,
        report_member_id: int | None,
        report_chat: tuple[str, str] | None,
        report_language: str,
        urgent: bool = False,
    ) -> Broadcast:
        """A scheduled broadcast; sending it now is :meth:`claim` and :meth:`queue`."""
        platform, chat_id = report_chat or (None, None)
        cursor = await self.db.execute(
            "INSERT INTO broadcasts (audience, text, send_at, created_by, report_member_id,"
            " report_platform, report_chat_id, report_language, created_at, urgent)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                audience.model_dump_json(),
                text,
                to_db_time(send_at),
                created_by,
                report_member_id,
                platform,
                chat_id,
                report_language,
                to_db_time(utcnow()),
                int(urgent),
            ),
        )
        found = await self.get(int(cursor.lastrowid or 0))
        assert found is not None
        return found

    async def get(self, broadcast_id: int) -> Broadcast | None:
        row = await self.db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        return _broadcast(row) if row else None

    async def recent(self, limit: int = 10) -> builtins.list[Broadcast]:
        """Scheduled ones first (soonest first), then the latest others."""
        rows = await self.db.fetchall(
            "SELECT * FROM broadcasts ORDER BY status = 'scheduled' DESC,"
            " CASE WHEN status = 'scheduled' THEN send_at END, id DESC LIMIT ?",
            (limit,),
        )
        return [_broadcast(r) for r in rows]

    async def due(self, now: datetime) -> builtins.list[Broadcast]:
        rows = await self.db.fetchall(
            "SELECT * FROM broadcasts WHERE status = 'scheduled' AND send_at <= ?"
            " ORDER BY send_at, id",
            (to_db_time(now),),
        )
        return [_broadcast(r) for r in rows]

    async def scheduled_for_group(self, group_id: int) -> builtins.list[Broadcast]:
        """Broadcasts still waiting for their moment that go to this working group."""
        rows = await self.db.fetchall(
            "SELECT * FROM broadcasts WHERE status = 'scheduled'"
            " AND json_extract(audience, '$.group_id') = ? ORDER BY send_at, id",
            (group_id,),
        )
        return [_broadcast(r) for r in rows]

    async def sending(self) -> builtins.list[Broadcast]:
        rows = await self.db.fetchall(
            "SELECT * FROM broadcasts WHERE status = 'sending' ORDER BY id"
        )
        return [_broadcast(r) for r in rows]

    # audience ---------------------------------------------------------------------------

    async def count_by_platform(self, audience: Audience) -> dict[str, int]:
        """How many would receive it now, per platform (the preview)."""
        sql, params = recipients_sql(audience)
        rows = await self.db.fetchall(
            f"SELECT platform, COUNT(*) FROM ({sql}) GROUP BY platform ORDER BY platform", params
        )
        return {r[0]: r[1] for r in rows}

    async def claim(self, broadcast_id: int, now: datetime, late: bool) -> bool:
        """Move a scheduled broadcast to sending; False if it was not scheduled any more.
        Together with :meth:`queue` in one transaction, this is what makes it go out once."""
        cursor = await self.db.execute(
            "UPDATE broadcasts SET status = 'sending', queued_at = ?, late = ?"
            " WHERE id = ? AND status = 'scheduled'",
            (to_db_time(now), int(late), broadcast_id),
        )
        return cursor.rowcount > 0

    async def queue(
        self,
        broadcast_id: int,
        audience: Audience,
        payloads: dict[str, str],
        default_language: str,
        now: datetime,
    ) -> int:
        """One outbox row per recipient in one statement, in each one's language; records
        and returns the number queued."""
        sql, params = recipients_sql(audience)
        languages = [lang for lang in payloads if lang != default_language]
        cases = " ".join("WHEN ? THEN ?" for _ in languages)
        choose = f"CASE t.language {cases} ELSE ? END" if languages else "?"
        choose_params: list[Any] = [v for lang in languages for v in (lang, payloads[lang])]
        choose_params.append(payloads[default_language])
        batch = batch_of(broadcast_id)
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO outbox (platform, chat_id, chat_kind, member_id, payload,"
                " batch, dedupe_key, next_attempt_at, created_at)"
                f" SELECT t.platform, t.chat_id, 'private', t.member_id, {choose}, ?,"
                f" ? || t.member_id, ?, ? FROM ({sql}) t ORDER BY t.member_id",
                [*choose_params, batch, f"{batch}:", to_db_time(now), to_db_time(now), *params],
            )
            queued = cursor.rowcount
            await conn.execute(
                "UPDATE broadcasts SET recipients = ? WHERE id = ?", (queued, broadcast_id)
            )
        return queued

    # progress and report -----------------------------------------------------------------

    async def counts(self, broadcast_ids: builtins.list[int]) -> dict[int, DeliveryCounts]:
        """Outbox rows of each broadcast by state, in one query."""
        found = {i: DeliveryCounts() for i in broadcast_ids}
        if not broadcast_ids:
            return found
        marks = ",".join("?" for _ in broadcast_ids)
        rows = await self.db.fetchall(
            f"SELECT batch, status, COUNT(*) FROM outbox WHERE batch IN ({marks})"
            " GROUP BY batch, status",
            [batch_of(i) for i in broadcast_ids],
        )
        for batch, status, count in rows:
            counts = found[int(batch.rpartition(":")[2])]
            field = _COUNTED_AS[status]
            setattr(counts, field, getattr(counts, field) + count)
        return found

    async def finish_if_done(self, broadcast_id: int, now: datetime) -> bool:
        """Mark a sending broadcast done once no row of it is pending; True only for the
        call that did it (so the report goes out once)."""
        cursor = await self.db.execute(
            "UPDATE broadcasts SET status = 'done', finished_at = ?"
            " WHERE id = ? AND status = 'sending' AND NOT EXISTS (SELECT 1 FROM outbox"
            " WHERE batch = ? AND status IN ('pending', 'sending'))",
            (to_db_time(now), broadcast_id, batch_of(broadcast_id)),
        )
        return cursor.rowcount > 0

    async def cancel(self, broadcast_id: int, actor: str, now: datetime) -> int | None:
        """Cancel a scheduled or sending broadcast: in the same transaction its rows not yet
        sent, waiting or in flight, are marked ``withdrawn`` (they stay for the report), what
        was sent stays sent. Returns how many were withdrawn, None if it was not open."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE broadcasts SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?"
                " WHERE id = ? AND status IN ('scheduled', 'sending')",
                (to_db_time(now), actor, broadcast_id),
            )
            if cursor.rowcount == 0:
                return None
            withdrawn = await self.outbox.withdraw_pending([batch_of(broadcast_id)])
            await conn.execute(
                "UPDATE broadcasts SET withdrawn = ? WHERE id = ?", (withdrawn, broadcast_id)
            )
        return withdrawn

    async def unreachable(
        self, broadcast_id: int, limit: int = 100
    ) -> builtins.list[UnreachableRecipient]:
        rows = await self.db.fetchall(
            "SELECT m.id AS member_id, m.name, m.company, o.platform FROM outbox o"
            " JOIN members m ON m.id = o.member_id WHERE o.batch = ? AND o.status = 'unreachable'"
            " ORDER BY m.name COLLATE NOCASE, m.id LIMIT ?",
            (batch_of(broadcast_id), limit),
        )
        return [UnreachableRecipient(**dict(r)) for r in rows]

    async def regions(self) -> builtins.list[str]:
        """Regions active members gave, for offering and matching region audiences."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT region FROM members WHERE status = 'active' ORDER BY region"
        )
        return [r[0] for r in rows]


def audience_json(audience: Audience) -> dict[str, Any]:
    """The audience for the audit log."""
    return json.loads(audience.model_dump_json(exclude_none=True))
