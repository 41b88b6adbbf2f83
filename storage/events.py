"""Events: single dates or RRULE series, their overridden occurrences, topics and the
per-member calendar feed tokens."""

from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta

from pydantic import BaseModel, Field

from storage.db import Database, from_db_time, to_db_time, utcnow

FORMATS = ("meetup", "webinar", "workshop", "demoday", "conference", "other")
STATUSES = ("scheduled", "changed", "cancelled")


class EventFields(BaseModel):
    """What makes an event; shared by the wizard, the CLI and the import."""

    title: str
    description: str = ""
    start: datetime
    end: datetime
    timezone: str = "Europe/Berlin"
    location: str = ""
    url: str | None = None
    format: str = "meetup"
    capacity: int | None = None
    organiser: str | None = None
    rrule: str | None = None
    uid: str | None = None
    source: str | None = None
    fingerprint: str | None = None
    all_day: bool = False
    # an imported event: its calendar's components for it, which its dates are computed
    # from (``bot.calendar.expansion``) instead of ``rrule``
    ical: str | None = None
    topic_ids: list[int] = Field(default_factory=list)
    group_id: int | None = None  # the working group the event belongs to


class Event(BaseModel):
    id: int
    uid: str
    title: str
    description: str
    start: datetime
    end: datetime
    timezone: str
    location: str
    url: str | None
    format: str
    capacity: int | None
    organiser: str | None
    status: str
    rrule: str | None
    source: str | None
    fingerprint: str | None
    sequence: int
    created_at: datetime
    updated_at: datetime
    group_id: int | None = None
    all_day: bool = False
    ical: str | None = None  # see EventFields.ical

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"


class Override(BaseModel):
    """One occurrence of a series (by original start) cancelled or moved."""

    occurrence: datetime
    cancelled: bool
    start: datetime | None
    end: datetime | None


_COLUMNS = {
    "title": "title",
    "description": "description",
    "start": "starts_at",
    "end": "ends_at",
    "timezone": "timezone",
    "location": "location",
    "url": "url",
    "format": "format",
    "capacity": "capacity",
    "organiser": "organiser",
    "rrule": "rrule",
    "source": "source",
    "fingerprint": "fingerprint",
    "status": "status",
    "group_id": "group_id",
    "all_day": "all_day",
    "ical": "ical",
}


def _event(row: object) -> Event:
    r = dict(row)  # type: ignore[call-overload]
    return Event(
        id=r["id"],
        uid=r["uid"],
        title=r["title"],
        description=r["description"],
        start=from_db_time(r["starts_at"]),
        end=from_db_time(r["ends_at"]),
        timezone=r["timezone"],
        location=r["location"],
        url=r["url"],
        format=r["format"],
        capacity=r["capacity"],
        organiser=r["organiser"],
        status=r["status"],
        rrule=r["rrule"],
        source=r["source"],
        fingerprint=r["fingerprint"],
        sequence=r["sequence"],
        created_at=from_db_time(r["created_at"]),
        updated_at=from_db_time(r["updated_at"]),
        group_id=r["group_id"],
        all_day=bool(r["all_day"]),
        ical=r.get("ical"),
    )


event_from_row = _event  # for the dates repository, which reads events joined to dates


def _value(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    return to_db_time(value) if isinstance(value, datetime) else value


class EventRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, fields: EventFields, uid: str, created_by: str | None) -> Event:
        now = to_db_time(utcnow())
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO events (uid, title, description, starts_at, ends_at, timezone,"
                " location, url, format, capacity, organiser, rrule, source, fingerprint,"
                " created_by, created_at, updated_at, group_id, all_day, ical)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uid,
                    fields.title,
                    fields.description,
                    to_db_time(fields.start),
                    to_db_time(fields.end),
                    fields.timezone,
                    fields.location,
                    fields.url,
                    fields.format,
                    fields.capacity,
                    fields.organiser,
                    fields.rrule,
                    fields.source,
                    fields.fingerprint,
                    created_by,
                    now,
                    now,
                    fields.group_id,
                    int(fields.all_day),
                    fields.ical,
                ),
            )
            event_id = int(cursor.lastrowid or 0)
            await self.set_topics(event_id, fields.topic_ids)
        event = await self.get(event_id)
        assert event is not None
        return event

    async def update(self, event_id: int, **changes: object) -> None:
        """Change columns by field name; bumps the iCalendar SEQUENCE."""
        unknown = set(changes) - set(_COLUMNS)
        if unknown:
            raise ValueError(f"not event fields: {sorted(unknown)}")
        if not changes:
            return
        sets = ", ".join(f"{_COLUMNS[name]} = ?" for name in changes)
        params = [_value(v) for v in changes.values()]
        await self.db.execute(
            f"UPDATE events SET {sets}, sequence = sequence + 1, updated_at = ? WHERE id = ?",
            (*params, to_db_time(utcnow()), event_id),
        )

    async def get(self, event_id: int) -> Event | None:
        row = await self.db.fetchone("SELECT * FROM events WHERE id = ?", (event_id,))
        return _event(row) if row else None

    async def by_uid(self, uid: str) -> Event | None:
        row = await self.db.fetchone("SELECT * FROM events WHERE uid = ?", (uid,))
        return _event(row) if row else None

    async def by_source(self, source: str) -> list[Event]:
        rows = await self.db.fetchall(
            "SELECT * FROM events WHERE source = ? ORDER BY id", (source,)
        )
        return [_event(r) for r in rows]

    async def active(self, after: datetime) -> list[Event]:
        """Not cancelled, and a series or a single date that has not ended by ``after``."""
        rows = await self.db.fetchall(
            "SELECT * FROM events WHERE status != 'cancelled'"
            " AND (rrule IS NOT NULL OR ends_at > ? OR id IN"
            " (SELECT event_id FROM event_overrides WHERE ends_at > ?)) ORDER BY starts_at",
            (to_db_time(after), to_db_time(after)),
        )
        return [_event(r) for r in rows]

    async def created_for_groups(
        self, group_ids: list[int], since: datetime, until: datetime
    ) -> list[Event]:
        """Events of these working groups created in [since, until), not cancelled, oldest
        first: the weekly digest tells its readers of the new ones."""
        if not group_ids:
            return []
        marks = ",".join("?" for _ in group_ids)
        rows = await self.db.fetchall(
            f"SELECT * FROM events WHERE group_id IN ({marks}) AND status != 'cancelled'"
            " AND created_at >= ? AND created_at < ? ORDER BY created_at, id",
            (*group_ids, to_db_time(since), to_db_time(until)),
        )
        return [_event(r) for r in rows]

    async def all(self, include_cancelled: bool = True) -> list[Event]:
        where = "" if include_cancelled else "WHERE status != 'cancelled'"
        rows = await self.db.fetchall(f"SELECT * FROM events {where} ORDER BY starts_at")
        return [_event(r) for r in rows]

    async def delete(self, event_id: int) -> None:
        await self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    # topics -------------------------------------------------------------------------

    async def set_topics(self, event_id: int, topic_ids: list[int]) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM event_topics WHERE event_id = ?", (event_id,))
            await conn.executemany(
                "INSERT OR IGNORE INTO event_topics (event_id, topic_id) VALUES (?, ?)",
                [(event_id, t) for t in topic_ids],
            )

    async def topic_ids(self, event_id: int) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT topic_id FROM event_topics WHERE event_id = ? ORDER BY topic_id", (event_id,)
        )
        return [r[0] for r in rows]

    async def ids_for_topics(self, topic_ids: list[int] | set[int]) -> set[int]:
        ids = list(topic_ids)
        if not ids:
            return set()
        marks = ",".join("?" for _ in ids)
        rows = await self.db.fetchall(
            f"SELECT DISTINCT event_id FROM event_topics WHERE topic_id IN ({marks})", ids
        )
        return {r[0] for r in rows}

    # overrides ----------------------------------------------------------------------

    async def overrides(self, event_id: int) -> dict[datetime, Override]:
        rows = await self.db.fetchall(
            "SELECT * FROM event_overrides WHERE event_id = ?", (event_id,)
        )
        result = {}
        for r in rows:
            key = from_db_time(r["occurrence"])
            assert key is not None
            result[key] = Override(
                occurrence=key,
                cancelled=bool(r["cancelled"]),
                start=from_db_time(r["starts_at"]),
                end=from_db_time(r["ends_at"]),
            )
        return result

    async def for_card(
        self, event_id: int
    ) -> tuple[Event, dict[datetime, Override], list[str]] | None:
        """An event with its overrides and the names of its topics, in one query: what its
        card shows (opened by a button, so on every press)."""
        row = await self.db.fetchone(
            "SELECT e.*, (SELECT json_group_array(json_object('occurrence', o.occurrence,"
            " 'cancelled', o.cancelled, 'starts_at', o.starts_at, 'ends_at', o.ends_at))"
            " FROM event_overrides o WHERE o.event_id = e.id) AS card_overrides,"
            " (SELECT json_group_array(name) FROM (SELECT t.name FROM event_topics et"
            " JOIN topics t ON t.id = et.topic_id WHERE et.event_id = e.id"
            " ORDER BY et.topic_id)) AS card_topics FROM events e WHERE e.id = ?",
            (event_id,),
        )
        if row is None:
            return None
        overrides = {}
        for o in json.loads(row["card_overrides"]):
            key = from_db_time(o["occurrence"])
            overrides[key] = Override(
                occurrence=key,
                cancelled=bool(o["cancelled"]),
                start=from_db_time(o["starts_at"]),
                end=from_db_time(o["ends_at"]),
            )
        return _event(row), overrides, json.loads(row["card_topics"])

    async def overrides_for(self, event_ids: list[int]) -> dict[int, dict[datetime, Override]]:
        """The overrides of several events in one query (the reminder scan's tick)."""
        result: dict[int, dict[datetime, Override]] = {i: {} for i in event_ids}
        if not event_ids:
            return result
        marks = ",".join("?" for _ in event_ids)
        rows = await self.db.fetchall(
            f"SELECT * FROM event_overrides WHERE event_id IN ({marks})", event_ids
        )
        for r in rows:
            key = from_db_time(r["occurrence"])
            result[r["event_id"]][key] = Override(
                occurrence=key,
                cancelled=bool(r["cancelled"]),
                start=from_db_time(r["starts_at"]),
                end=from_db_time(r["ends_at"]),
            )
        return result

    async def set_override(
        self,
        event_id: int,
        occurrence: datetime,
        *,
        cancelled: bool = False,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> None:
        await self.db.execute(
            "INSERT INTO event_overrides (event_id, occurrence, cancelled, starts_at, ends_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id, occurrence) DO UPDATE SET"
            " cancelled = excluded.cancelled, starts_at = excluded.starts_at,"
            " ends_at = excluded.ends_at",
            (event_id, to_db_time(occurrence), int(cancelled), to_db_time(start), to_db_time(end)),
        )

    async def replace_overrides(self, event_id: int, overrides: list[Override]) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM event_overrides WHERE event_id = ?", (event_id,))
            for o in overrides:
                await self.set_override(
                    event_id, o.occurrence, cancelled=o.cancelled, start=o.start, end=o.end
                )

    # calendar feed tokens -----------------------------------------------------------

    async def feed_token(self, member_id: int) -> str:
        """The member's secret feed token, made on first use."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR IGNORE INTO calendar_tokens (member_id, token, created_at)"
                " VALUES (?, ?, ?)",
                (member_id, secrets.token_urlsafe(24), to_db_time(utcnow())),
            )
        return str(
            await self.db.fetchval(
                "SELECT token FROM calendar_tokens WHERE member_id = ?", (member_id,)
            )
        )

    async def member_for_token(self, token: str) -> int | None:
        value = await self.db.fetchval(
            "SELECT member_id FROM calendar_tokens WHERE token = ?", (token,)
        )
        return None if value is None else int(value)
