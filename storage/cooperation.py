"""Cooperation requests: the requests, how members answered and were introduced, the
lists, the job's queries and the monthly counts. Who takes requests and who matches one
is in :mod:`storage.cooperation_index`."""

from __future__ import annotations

import builtins
import json
from datetime import datetime

from pydantic import BaseModel

from storage.cooperation_index import MatchingIndex
from storage.db import Database, from_db_time, to_db_time
from storage.topics import name_key

KINDS = ("seek", "offer", "idea")


class CooperationRequest(BaseModel):
    id: int
    author_id: int
    kind: str
    title: str
    description: str
    tags: list[str]
    region: str | None  # None: the whole network
    status: str
    created_at: datetime
    expires_at: datetime
    closed_at: datetime | None
    asked_at: datetime | None
    notified: int

    def is_open(self, now: datetime) -> bool:
        return self.status == "open" and self.expires_at > now


class Interested(BaseModel):
    """A member who answered "interested": what the author may see of them."""

    member_id: int
    name: str
    company: str
    competencies: list[str]
    answered_at: datetime
    connected_at: datetime | None


class Response(BaseModel):
    notified_at: datetime | None
    answer: str | None
    connected_at: datetime | None


class TopicCount(BaseModel):
    topic_id: int
    name: str
    count: int


class MonthCounts(BaseModel):
    month: str  # YYYY-MM in the network's zone
    posted: int = 0
    interests: int = 0
    connections: int = 0


def _request(row: object) -> CooperationRequest:
    r = dict(row)  # type: ignore[call-overload]
    r["tags"] = json.loads(r["tags"])
    for key in ("created_at", "expires_at", "closed_at", "asked_at"):
        r[key] = from_db_time(r[key])
    return CooperationRequest(**{k: r[k] for k in CooperationRequest.model_fields})


_VISIBLE = (
    "r.status = 'open' AND r.expires_at > :now AND r.author_id IS NOT :viewer"
    " AND (:everything OR r.region IS NULL OR r.region = :region)"
    " AND NOT EXISTS (SELECT 1 FROM cooperation_responses d WHERE d.request_id = r.id"
    " AND d.member_id = :viewer AND d.answer = 'declined')"
)


class CooperationRepository(MatchingIndex):
    """Requests, answers, lists and counts; the matching index comes from the base."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)

    # requests ------------------------------------------------------------------------------

    async def create(
        self,
        *,
        author_id: int,
        kind: str,
        title: str,
        description: str,
        tags: builtins.list[str],
        region: str | None,
        created_at: datetime,
        expires_at: datetime,
    ) -> CooperationRequest:
        """A new open request, linked to the topics its tags name."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO cooperation_requests (author_id, kind, title, description, tags,"
                " region, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    author_id,
                    kind,
                    title,
                    description,
                    json.dumps(tags, ensure_ascii=False),
                    region,
                    to_db_time(created_at),
                    to_db_time(expires_at),
                ),
            )
            request_id = int(cursor.lastrowid or 0)
            keys = [name_key(tag) for tag in tags]
            marks = ",".join("?" for _ in keys)
            await conn.execute(
                "INSERT OR IGNORE INTO cooperation_request_topics (request_id, topic_id)"
                f" SELECT ?, id FROM topics WHERE archived_at IS NULL AND name_key IN ({marks})",
                (request_id, *keys),
            )
        request = await self.get(request_id)
        assert request is not None
        return request

    async def get(self, request_id: int) -> CooperationRequest | None:
        row = await self.db.fetchone(
            "SELECT * FROM cooperation_requests WHERE id = ?", (request_id,)
        )
        return _request(row) if row else None

    async def topic_ids(self, request_id: int) -> set[int]:
        rows = await self.db.fetchall(
            "SELECT topic_id FROM cooperation_request_topics WHERE request_id = ?", (request_id,)
        )
        return {r[0] for r in rows}

    async def close(self, request_id: int, status: str, at: datetime, by: str | None) -> bool:
        """Close an open request (found, not needed, expired, removed); False if it was not
        open any more, so two closings never both count."""
        cursor = await self.db.execute(
            "UPDATE cooperation_requests SET status = ?, closed_at = ?, closed_by = ?"
            " WHERE id = ? AND status = 'open'",
            (status, to_db_time(at), by, request_id),
        )
        return cursor.rowcount > 0

    # lists ---------------------------------------------------------------------------------

    async def visible(
        self,
        viewer: int | None,
        region: str | None,
        now: datetime,
        *,
        everything: bool = False,
        topic_id: int | None = None,
        offset: int = 0,
        limit: int = 10,
    ) -> tuple[builtins.list[CooperationRequest], int]:
        """Open requests of others the viewer may see (their region's and the network's;
        an admin sees ``everything``, the CLI has no ``viewer``) and did not turn down,
        newest first; and the total."""
        params = {
            "now": to_db_time(now),
            "viewer": viewer,
            "region": region,
            "everything": int(everything),
            "topic": topic_id,
        }
        where = _VISIBLE
        if topic_id is not None:
            where += (
                " AND EXISTS (SELECT 1 FROM cooperation_request_topics t"
                " WHERE t.request_id = r.id AND t.topic_id = :topic)"
            )
        total = await self.db.fetchval(
            f"SELECT COUNT(*) FROM cooperation_requests r WHERE {where}", params
        )
        rows = await self.db.fetchall(
            f"SELECT r.* FROM cooperation_requests r WHERE {where}"
            " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [_request(r) for r in rows], int(total)

    async def visible_topics(
        self, viewer: int, region: str, now: datetime, everything: bool = False
    ) -> builtins.list[TopicCount]:
        """Topics of the requests the viewer sees, for the filter buttons."""
        rows = await self.db.fetchall(
            "SELECT tp.id, tp.name, COUNT(*) AS n FROM cooperation_requests r"
            " JOIN cooperation_request_topics t ON t.request_id = r.id"
            f" JOIN topics tp ON tp.id = t.topic_id WHERE {_VISIBLE}"
            " GROUP BY tp.id ORDER BY n DESC, tp.name COLLATE NOCASE",
            {"now": to_db_time(now), "viewer": viewer, "region": region, "everything": everything},
        )
        return [TopicCount(topic_id=r[0], name=r[1], count=r[2]) for r in rows]

    async def own_open(
        self, author_id: int, now: datetime, limit: int = 10
    ) -> builtins.list[tuple[CooperationRequest, int]]:
        """The author's open requests, newest first, with how many are interested."""
        rows = await self.db.fetchall(
            "SELECT r.*, (SELECT COUNT(*) FROM cooperation_responses i WHERE i.request_id = r.id"
            " AND i.answer = 'interested') AS interested FROM cooperation_requests r"
            " WHERE r.author_id = ? AND r.status = 'open' AND r.expires_at > ?"
            " ORDER BY r.created_at DESC, r.id DESC LIMIT ?",
            (author_id, to_db_time(now), limit),
        )
        return [(_request(r), r["interested"]) for r in rows]

    # answers and introductions -------------------------------------------------------------

    async def response(self, request_id: int, member_id: int) -> Response | None:
        row = await self.db.fetchone(
            "SELECT notified_at, answer, connected_at FROM cooperation_responses"
            " WHERE request_id = ? AND member_id = ?",
            (request_id, member_id),
        )
        if row is None:
            return None
        return Response(
            notified_at=from_db_time(row["notified_at"]),
            answer=row["answer"],
            connected_at=from_db_time(row["connected_at"]),
        )

    async def answer(self, request_id: int, member_id: int, answer: str, at: datetime) -> bool:
        """Record an answer; False if the member had answered "interested" already (that
        one stands: the author was told)."""
        cursor = await self.db.execute(
            "INSERT INTO cooperation_responses (request_id, member_id, answer, answered_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (request_id, member_id) DO UPDATE SET"
            " answer = excluded.answer, answered_at = excluded.answered_at"
            " WHERE cooperation_responses.answer IS NOT 'interested'",
            (request_id, member_id, answer, to_db_time(at)),
        )
        return cursor.rowcount > 0

    async def interested(self, request_id: int) -> builtins.list[Interested]:
        rows = await self.db.fetchall(
            "SELECT m.id AS member_id, m.name, m.company, m.competencies, i.answered_at,"
            " i.connected_at"
            " FROM cooperation_responses i JOIN members m ON m.id = i.member_id"
            " WHERE i.request_id = ? AND i.answer = 'interested'"
            " ORDER BY i.answered_at, m.id",
            (request_id,),
        )
        return [
            Interested(**{**dict(r), "competencies": json.loads(r["competencies"])}) for r in rows
        ]

    async def connect(self, request_id: int, member_id: int, at: datetime) -> bool:
        """Mark an interested member connected; False if not interested or connected."""
        cursor = await self.db.execute(
            "UPDATE cooperation_responses SET connected_at = ? WHERE request_id = ?"
            " AND member_id = ? AND answer = 'interested' AND connected_at IS NULL",
            (to_db_time(at), request_id, member_id),
        )
        return cursor.rowcount > 0

    # the job -------------------------------------------------------------------------------

    async def expired_open(self, now: datetime) -> builtins.list[CooperationRequest]:
        rows = await self.db.fetchall(
            "SELECT * FROM cooperation_requests WHERE status = 'open' AND expires_at <= ?"
            " ORDER BY id",
            (to_db_time(now),),
        )
        return [_request(r) for r in rows]

    async def due_questions(
        self, posted_before: datetime, now: datetime
    ) -> builtins.list[CooperationRequest]:
        """Open requests posted before ``posted_before`` whose author was not asked yet."""
        rows = await self.db.fetchall(
            "SELECT * FROM cooperation_requests WHERE status = 'open' AND asked_at IS NULL"
            " AND created_at <= ? AND expires_at > ? ORDER BY id",
            (to_db_time(posted_before), to_db_time(now)),
        )
        return [_request(r) for r in rows]

    async def claim_question(self, request_id: int, at: datetime) -> bool:
        cursor = await self.db.execute(
            "UPDATE cooperation_requests SET asked_at = ? WHERE id = ? AND asked_at IS NULL"
            " AND status = 'open'",
            (to_db_time(at), request_id),
        )
        return cursor.rowcount > 0

    # monthly counts ------------------------------------------------------------------------

    async def count(self, month: str, what: str) -> None:
        if what not in ("posted", "interests", "connections"):
            raise ValueError(f"not a monthly count: {what}")
        await self.db.execute(
            f"INSERT INTO cooperation_monthly (month, {what}) VALUES (?, 1)"
            f" ON CONFLICT (month) DO UPDATE SET {what} = {what} + 1",
            (month,),
        )

    async def monthly(self, first: str, last: str) -> dict[str, MonthCounts]:
        rows = await self.db.fetchall(
            "SELECT month, posted, interests, connections FROM cooperation_monthly"
            " WHERE month BETWEEN ? AND ? ORDER BY month",
            (first, last),
        )
        return {r["month"]: MonthCounts(**dict(r)) for r in rows}
