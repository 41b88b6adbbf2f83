"""The weekly overview (issue 29): who gets it when, what each member follows, what the
week brought, and the "sent once" claim (``group_digests``, one row per member and week).

Reads are set-based and paged by member id, so a scan over 100,000 members makes a few
hundred statements; the claim and the outbox rows of a page are one short transaction.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from storage.db import Database, from_db_time, to_db_time, utcnow

DEFAULT_WEEKDAY = 0  # Monday
DEFAULT_HOUR = 8

# the member's weekday: no settings row means the default, a row with NULL means "off"
_WEEKDAY = f"CASE WHEN s.member_id IS NULL THEN {DEFAULT_WEEKDAY} ELSE s.overview_weekday END"
_HOUR = f"COALESCE(s.overview_hour, {DEFAULT_HOUR})"


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" for _ in values)


@dataclass(frozen=True)
class Schedule:
    """Members who get their overview at the same local moment."""

    timezone: str | None  # None: the network's zone
    weekday: int
    hour: int


@dataclass(frozen=True)
class Follow:
    """A topic or group a member follows, on a level other than muted."""

    kind: str  # "topic" or "group"
    ref: int
    level: str  # "all" or "digest"
    since: datetime  # when the level was chosen (or the subscription made)


@dataclass
class Reader:
    """What the overview needs of one member."""

    member_id: int
    region: str
    last_seen: datetime | None
    follows: list[Follow] = field(default_factory=list)
    polls: list[tuple[int, str]] = field(default_factory=list)  # open, unanswered (id, title)


@dataclass(frozen=True)
class TopicNews:
    broadcast_id: int
    topic_id: int
    region: str | None
    text: str
    at: datetime


@dataclass(frozen=True)
class NewEvent:
    event_id: int
    group_id: int | None
    topic_ids: tuple[int, ...]
    created_at: datetime


@dataclass(frozen=True)
class OpenRequest:
    request_id: int
    author_id: int
    title: str
    region: str | None
    topic_ids: tuple[int, ...]


class OverviewRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # settings -----------------------------------------------------------------------------

    async def choice(self, member_id: int) -> tuple[int, int] | None:
        """(weekday, hour) of the member's overview, or None when they turned it off."""
        row = await self.db.fetchone(
            "SELECT overview_weekday, overview_hour FROM member_settings WHERE member_id = ?",
            (member_id,),
        )
        if row is None:
            return DEFAULT_WEEKDAY, DEFAULT_HOUR
        return None if row[0] is None else (row[0], row[1])

    async def choose(self, member_id: int, weekday: int | None, hour: int | None = None) -> None:
        """Set the day (None: off) and, if given, the hour; the other setting stays."""
        await self.db.execute(
            "INSERT INTO member_settings (member_id, overview_weekday, overview_hour)"
            " VALUES (?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET"
            " overview_weekday = excluded.overview_weekday,"
            " overview_hour = COALESCE(?, member_settings.overview_hour)",
            (member_id, weekday, DEFAULT_HOUR if hour is None else hour, hour),
        )

    # who is due ------------------------------------------------------------------------

    async def schedules(self) -> builtins.list[Schedule]:
        """The distinct (zone, weekday, hour) of active members with the overview on."""
        rows = await self.db.fetchall(
            f"SELECT DISTINCT m.timezone, {_WEEKDAY} AS weekday, {_HOUR} AS hour"
            " FROM members m LEFT JOIN member_settings s ON s.member_id = m.id"
            " WHERE m.status = 'active' AND weekday IS NOT NULL"
        )
        return [Schedule(r[0], r[1], r[2]) for r in rows]

    async def owed(
        self, schedule: Schedule, week: str, after: int, limit: int
    ) -> builtins.list[int]:
        """Active members of the schedule without a settled overview for ``week``, by id
        from ``after`` on (paged)."""
        rows = await self.db.fetchall(
            "SELECT m.id FROM members m LEFT JOIN member_settings s ON s.member_id = m.id"
            f" WHERE m.status = 'active' AND m.timezone IS ? AND {_WEEKDAY} = ?"
            f" AND {_HOUR} = ? AND m.id > ? AND NOT EXISTS (SELECT 1 FROM group_digests d"
            " WHERE d.member_id = m.id AND d.week = ?) ORDER BY m.id LIMIT ?",
            (schedule.timezone, schedule.weekday, schedule.hour, after, week, limit),
        )
        return [r[0] for r in rows]

    async def claim(self, week: str, counts: dict[int, int]) -> set[int]:
        """Settle the week for these members (items listed; 0: nothing was sent); returns
        those settled now, not before: one statement, the "sent once" truth."""
        if not counts:
            return set()
        rows = await self.db.execute_returning(
            "INSERT OR IGNORE INTO group_digests (member_id, week, posts, settled_at)"
            " SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), ?"
            " FROM json_each(?) WHERE true RETURNING member_id",
            (week, to_db_time(utcnow()), json.dumps(list(counts.items()))),
        )
        return {r[0] for r in rows}

    # what the members follow -----------------------------------------------------------------

    async def readers(self, member_ids: builtins.list[int]) -> dict[int, Reader]:
        """For each member: region, last use of the bot, what they follow (not muted, open
        topics and active groups) and the open date polls waiting for their answer."""
        if not member_ids:
            return {}
        ids = _marks(member_ids)
        rows = await self.db.fetchall(
            "SELECT m.id, m.region, (SELECT MAX(i.last_seen_at) FROM identities i"
            f" WHERE i.member_id = m.id) AS seen FROM members m WHERE m.id IN ({ids})",
            member_ids,
        )
        found = {r[0]: Reader(r[0], r[1], from_db_time(r[2])) for r in rows}
        rows = await self.db.fetchall(
            "SELECT s.member_id, 'topic', s.topic_id, s.level, COALESCE(s.level_since,"
            " s.created_at) FROM subscriptions s JOIN topics t ON t.id = s.topic_id"
            f" WHERE s.member_id IN ({ids}) AND s.level != 'muted' AND t.archived_at IS NULL"
            " UNION ALL SELECT g.member_id, 'group', g.group_id, g.level, g.level_since"
            " FROM group_members g JOIN work_groups w ON w.id = g.group_id"
            f" WHERE g.member_id IN ({ids}) AND g.level != 'muted' AND w.status = 'active'",
            (*member_ids, *member_ids),
        )
        for member_id, kind, ref, level, since in rows:
            if member_id in found:
                found[member_id].follows.append(Follow(kind, ref, level, from_db_time(since)))
        rows = await self.db.fetchall(
            "SELECT a.member_id, p.id, p.title FROM poll_audience a JOIN polls p"
            f" ON p.id = a.poll_id WHERE a.member_id IN ({ids}) AND p.state = 'open'"
            " AND NOT EXISTS (SELECT 1 FROM poll_answers x WHERE x.poll_id = p.id"
            " AND x.member_id = a.member_id) ORDER BY p.deadline, p.id",
            member_ids,
        )
        for member_id, poll_id, title in rows:
            if member_id in found:
                found[member_id].polls.append((poll_id, title))
        return found

    # what the week brought -------------------------------------------------------------------

    async def topic_news(self, since: datetime, until: datetime) -> builtins.list[TopicNews]:
        """Broadcasts to a topic queued in [since, until), not withdrawn."""
        rows = await self.db.fetchall(
            "SELECT id, json_extract(audience, '$.topic_id'), json_extract(audience, '$.region'),"
            " text, queued_at FROM broadcasts WHERE queued_at >= ? AND queued_at < ?"
            " AND withdrawn = 0 AND json_extract(audience, '$.topic_id') IS NOT NULL"
            " ORDER BY queued_at, id",
            (to_db_time(since), to_db_time(until)),
        )
        return [TopicNews(r[0], r[1], r[2], r[3], from_db_time(r[4])) for r in rows]

    async def new_events(self, since: datetime, until: datetime) -> builtins.list[NewEvent]:
        """Events created in [since, until), not cancelled, with their topics."""
        rows = await self.db.fetchall(
            "SELECT e.id, e.group_id, (SELECT group_concat(t.topic_id) FROM event_topics t"
            " WHERE t.event_id = e.id), e.created_at FROM events e WHERE e.created_at >= ?"
            " AND e.created_at < ? AND e.status != 'cancelled' ORDER BY e.created_at, e.id",
            (to_db_time(since), to_db_time(until)),
        )
        return [
            NewEvent(r[0], r[1], _ids(r[2]), from_db_time(r[3]))  # type: ignore[arg-type]
            for r in rows
        ]

    async def open_requests(
        self, since: datetime, until: datetime, now: datetime
    ) -> builtins.list[OpenRequest]:
        """Cooperation requests posted in [since, until) and still open."""
        rows = await self.db.fetchall(
            "SELECT r.id, r.author_id, r.title, r.region, (SELECT group_concat(t.topic_id)"
            " FROM cooperation_request_topics t WHERE t.request_id = r.id)"
            " FROM cooperation_requests r WHERE r.created_at >= ? AND r.created_at < ?"
            " AND r.status = 'open' AND r.expires_at > ? ORDER BY r.created_at DESC, r.id DESC",
            (to_db_time(since), to_db_time(until), to_db_time(now)),
        )
        return [OpenRequest(r[0], r[1], r[2], r[3], _ids(r[4])) for r in rows]


def _ids(joined: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in joined.split(",")) if joined else ()
