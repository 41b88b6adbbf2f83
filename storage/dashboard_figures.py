"""Read-only figures for the dashboard's pages: counts, member search, deliveries per day,
answers per date and the audit log with filters.

Kept apart from the sign-in tables in :mod:`storage.dashboard`, which mixes this in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time

PAGE = 50

# Whether a member's texts (name, company, each competence) match a search.
TextMatch = Callable[[list[str]], bool]


class MemberRow(BaseModel):
    """A member as the member list shows them."""

    id: int
    name: str
    company: str
    region: str
    status: str
    language: str
    competencies: list[str]
    platforms: list[str]
    created_at: datetime


class MemberFilter(BaseModel):
    """What the member list is narrowed to; empty fields do not narrow it."""

    text: str = ""
    region: str = ""
    topic_id: int | None = None
    group_id: int | None = None
    platform: str = ""
    status: str = ""


class AnswerCounts(BaseModel):
    yes: int = 0
    maybe: int = 0
    no: int = 0
    waitlist: int = 0


class AuditEntry(BaseModel):
    at: datetime
    actor: str | None
    action: str
    detail: dict[str, Any]


class AuditFilter(BaseModel):
    action: str = ""  # a prefix: "event" finds event.created, event.cancelled, ...
    actor: str = ""
    since: date | None = None
    until: date | None = None  # inclusive


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class DashboardFigures:
    db: Database

    async def member_counts(self) -> dict[str, int]:
        """Members by status (``active``, ``pending``, ``rejected``)."""
        rows = await self.db.fetchall("SELECT status, COUNT(*) FROM members GROUP BY status")
        return {r[0]: r[1] for r in rows}

    async def member_regions(self) -> list[str]:
        rows = await self.db.fetchall("SELECT DISTINCT region FROM members ORDER BY region")
        return [r[0] for r in rows]

    async def find_members(
        self,
        wanted: MemberFilter,
        limit: int = PAGE,
        offset: int = 0,
        matches: TextMatch | None = None,
    ) -> tuple[list[MemberRow], int]:
        """One page of the members matching ``wanted`` (pending first, then by name), and
        how many match in all. The search text is read by ``matches``, given each
        member's name, company and competencies as stored: the caller folds German
        spelling both sides the way chat does, which ``LIKE`` cannot."""
        clauses: list[str] = ["1 = 1"]
        params: list[Any] = []
        if wanted.region:
            clauses.append("m.region = ?")
            params.append(wanted.region)
        if wanted.topic_id is not None:
            clauses.append("m.id IN (SELECT member_id FROM subscriptions WHERE topic_id = ?)")
            params.append(wanted.topic_id)
        if wanted.group_id is not None:
            clauses.append("m.id IN (SELECT member_id FROM group_members WHERE group_id = ?)")
            params.append(wanted.group_id)
        if wanted.platform:
            clauses.append("m.id IN (SELECT member_id FROM identities WHERE platform = ?)")
            params.append(wanted.platform)
        if wanted.status:
            clauses.append("m.status = ?")
            params.append(wanted.status)
        if matches is not None:
            found_ids = await self._matching_ids(" AND ".join(clauses), params, matches)
            clauses.append("m.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(found_ids))
        where = " AND ".join(clauses)
        total = await self.db.fetchval(f"SELECT COUNT(*) FROM members m WHERE {where}", params)
        rows = await self.db.fetchall(
            "SELECT m.id, m.name, m.company, m.region, m.status, m.language, m.competencies,"
            " m.created_at, (SELECT GROUP_CONCAT(DISTINCT i.platform) FROM identities i"
            " WHERE i.member_id = m.id) AS platforms"
            f" FROM members m WHERE {where}"
            " ORDER BY m.status = 'pending' DESC, m.name COLLATE NOCASE, m.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        found = [
            MemberRow(
                id=r["id"],
                name=r["name"],
                company=r["company"],
                region=r["region"],
                status=r["status"],
                language=r["language"],
                competencies=json.loads(r["competencies"]),
                platforms=sorted((r["platforms"] or "").split(",")) if r["platforms"] else [],
                created_at=from_db_time(r["created_at"]),
            )
            for r in rows
        ]
        return found, int(total)

    async def _matching_ids(self, where: str, params: list[Any], matches: TextMatch) -> list[int]:
        rows = await self.db.fetchall(
            f"SELECT m.id, m.name, m.company, m.competencies FROM members m WHERE {where}", params
        )
        return [
            r["id"]
            for r in rows
            if matches([r["name"], r["company"], *json.loads(r["competencies"])])
        ]

    async def deliveries_in(self, windows: list[tuple[datetime, datetime]]) -> list[int]:
        """Messages delivered in each [start, end) window, from the outbox (delivered rows
        are kept 30 days). The caller chooses the windows, e.g. the days of the network's
        zone with their DST-correct UTC bounds; one query for all of them."""
        if not windows:
            return []
        values = ",".join("(?, ?, ?)" for _ in windows)
        params: list[object] = []
        for index, (start, end) in enumerate(windows):
            params += [index, to_db_time(start), to_db_time(end)]
        rows = await self.db.fetchall(
            f"WITH w(i, start, stop) AS (VALUES {values})"
            " SELECT w.i, COUNT(o.id) FROM w LEFT JOIN outbox o ON o.status = 'sent'"
            " AND o.sent_at >= w.start AND o.sent_at < w.stop GROUP BY w.i ORDER BY w.i",
            params,
        )
        return [int(r[1]) for r in rows]

    async def answer_counts(self, event_id: int, occurrence: datetime) -> AnswerCounts:
        """Answers to one date: yes (holding a seat), maybe, no, and the waiting list."""
        rows = await self.db.fetchall(
            "SELECT status, waitlisted, COUNT(*) FROM rsvps WHERE event_id = ?"
            " AND occurrence = ? GROUP BY status, waitlisted",
            (event_id, to_db_time(occurrence)),
        )
        counts = AnswerCounts()
        for status, waitlisted, count in rows:
            if status == "yes" and waitlisted:
                counts.waitlist += count
            elif status in ("yes", "maybe", "no"):
                setattr(counts, status, getattr(counts, status) + count)
        return counts

    async def subscriber_counts(self) -> dict[int, int]:
        rows = await self.db.fetchall(
            "SELECT topic_id, COUNT(*) FROM subscriptions GROUP BY topic_id"
        )
        return {r[0]: r[1] for r in rows}

    async def audit_entries(
        self, wanted: AuditFilter, limit: int = PAGE, offset: int = 0
    ) -> tuple[list[AuditEntry], int]:
        """One page of the audit log, newest first, and how many entries match."""
        clauses: list[str] = ["1 = 1"]
        params: list[Any] = []
        if wanted.action.strip():
            clauses.append("action LIKE ? ESCAPE '\\'")
            params.append(_like(wanted.action.strip()).removeprefix("%"))
        if wanted.actor.strip():
            clauses.append("actor LIKE ? ESCAPE '\\'")
            params.append(_like(wanted.actor.strip()))
        if wanted.since is not None:
            clauses.append("at >= ?")
            params.append(wanted.since.isoformat())
        if wanted.until is not None:
            clauses.append("substr(at, 1, 10) <= ?")
            params.append(wanted.until.isoformat())
        where = " AND ".join(clauses)
        total = await self.db.fetchval(f"SELECT COUNT(*) FROM audit_log WHERE {where}", params)
        rows = await self.db.fetchall(
            f"SELECT at, actor, action, detail FROM audit_log WHERE {where}"
            " ORDER BY id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        entries = [
            AuditEntry(
                at=from_db_time(r["at"]),
                actor=r["actor"],
                action=r["action"],
                detail=json.loads(r["detail"] or "{}"),
            )
            for r in rows
        ]
        return entries, int(total)

    async def actions_in_audit(self) -> list[str]:
        rows = await self.db.fetchall("SELECT DISTINCT action FROM audit_log ORDER BY action")
        return [r[0] for r in rows]
