"""The dates of events, materialised (``event_dates``, migration 0014).

The events capability expands each event's rule with its overrides and writes the result
here; listing the next dates, the calendar feeds and the reminder scan read it with index
lookups. Rows carry the event's columns when read, so a caller gets what it needs to show
a date in one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow
from storage.events import Event, event_from_row

_DATE = (
    "d.occurrence AS d_occurrence, d.starts_at AS d_starts_at, d.ends_at AS d_ends_at,"
    " d.moved AS d_moved, d.cancelled AS d_cancelled, d.remind_at AS d_remind_at"
)
# every event column but ``ical`` (an imported series' components, perhaps many kB: read
# once per event afterwards, not once per date)
_EVENT = (
    "e.id, e.uid, e.title, e.description, e.starts_at, e.ends_at, e.timezone, e.location,"
    " e.url, e.format, e.capacity, e.organiser, e.status, e.rrule, e.source, e.fingerprint,"
    " e.sequence, e.created_by, e.created_at, e.updated_at, e.group_id, e.all_day,"
    " e.ical IS NOT NULL AS has_ical"
)
_JOINED = f"SELECT {_EVENT}, {_DATE} FROM event_dates d JOIN events e ON e.id = d.event_id"


def _joined_by(index: str) -> str:
    """The joined select, reading the dates through ``index`` (the planner cannot guess
    that the range on the index is the selective part)."""
    return _JOINED.replace("event_dates d", f"event_dates d INDEXED BY {index}")


class DateRow(BaseModel):
    """One date of an event: ``occurrence`` is the original start, ``start``/``end`` the
    effective times; ``remind_at`` the next reminder moment the scan has not looked at."""

    event_id: int
    occurrence: datetime
    start: datetime
    end: datetime
    moved: bool = False
    cancelled: bool = False
    remind_at: datetime | None = None


class DatesState(BaseModel):
    until: datetime  # dates are there up to this moment
    offsets: str  # the reminder offsets their reminder moments were set with
    refreshed_at: datetime


Dated = tuple[Event, DateRow]


async def _dated_rows(db: Database, rows: Iterable[object]) -> list[Dated]:
    """Rows as (event, date); each event parsed once however many of its dates came, and
    the components of imported ones read in one more query."""
    events: dict[int, Event] = {}
    found = []
    for row in rows:
        event_id = row["id"]  # type: ignore[index]
        event = events.get(event_id)
        if event is None:
            event = events[event_id] = event_from_row(row)
        found.append((event, _date(row), bool(row["has_ical"])))  # type: ignore[index]
    imported = sorted({event.id for event, _d, has_ical in found if has_ical})
    if imported:
        texts = await db.fetchall(
            f"SELECT id, ical FROM events WHERE id IN ({_marks(imported)})", imported
        )
        for event_id, text in texts:
            events[event_id].ical = text
    return [(event, date) for event, date, _i in found]


def _date(row: object) -> DateRow:
    r = row
    return DateRow.model_construct(  # the store's own values: no validation needed
        event_id=r["id"],  # type: ignore[index]
        occurrence=from_db_time(r["d_occurrence"]),  # type: ignore[index]
        start=from_db_time(r["d_starts_at"]),  # type: ignore[index]
        end=from_db_time(r["d_ends_at"]),  # type: ignore[index]
        moved=bool(r["d_moved"]),  # type: ignore[index]
        cancelled=bool(r["d_cancelled"]),  # type: ignore[index]
        remind_at=from_db_time(r["d_remind_at"]),  # type: ignore[index]
    )


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" for _ in values)


class DateRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def replace(self, dates: dict[int, list[DateRow]], keep_reminders: bool = True) -> None:
        """Put in the dates of these events instead of those they had (one transaction).

        A date that is still there at the same time keeps its reminder moment (unless
        ``keep_reminders`` is off): the scan does not look again at reminders it has dealt
        with."""
        if not dates:
            return
        ids = list(dates)
        async with self.db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "SELECT event_id, occurrence, starts_at, remind_at FROM event_dates"
                f" WHERE event_id IN ({_marks(ids)}) AND cancelled = 0",
                ids,
            )
            kept = {(r[0], r[1], r[2]): r[3] for r in rows}
            await conn.execute(f"DELETE FROM event_dates WHERE event_id IN ({_marks(ids)})", ids)
            values = []
            for event_id, found in dates.items():
                for d in found:
                    occurrence, start = to_db_time(d.occurrence), to_db_time(d.start)
                    remind_at = to_db_time(d.remind_at)
                    if keep_reminders and not d.cancelled and (event_id, occurrence, start) in kept:
                        remind_at = kept[(event_id, occurrence, start)]
                    values.append((event_id, occurrence, start, to_db_time(d.end), int(d.moved),
                                   int(d.cancelled), remind_at))  # fmt: skip
            await conn.executemany(
                "INSERT INTO event_dates (event_id, occurrence, starts_at, ends_at, moved,"
                " cancelled, remind_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                values,
            )

    async def upcoming(
        self,
        now: datetime,
        earliest: datetime,
        *,
        topic_id: int | None = None,
        event_id: int | None = None,
        limit: int = 200,
        skip: int = 0,
    ) -> list[Dated]:
        """Dates not cancelled and not ended by ``now``, soonest first, from the index on
        the start (``earliest``: no date can still run that started before it)."""
        where = ["d.cancelled = 0", "d.starts_at > ?", "d.ends_at > ?"]
        params: list[object] = [to_db_time(earliest), to_db_time(now)]
        if topic_id is not None:
            where.append("d.event_id IN (SELECT event_id FROM event_topics WHERE topic_id = ?)")
            params.append(topic_id)
        if event_id is not None:
            where.append("d.event_id = ?")
            params.append(event_id)
        rows = await self.db.fetchall(
            f"{_joined_by('event_dates_upcoming')} WHERE {' AND '.join(where)}"
            " ORDER BY d.starts_at, d.event_id LIMIT ? OFFSET ?",
            [*params, limit, skip],
        )
        return await _dated_rows(self.db, rows)

    async def of_events(self, event_ids: Iterable[int], since: datetime) -> list[Dated]:
        """Every date of these events from ``since`` on, cancelled ones too (feeds)."""
        ids = list(event_ids)
        if not ids:
            return []
        rows = await self.db.fetchall(
            f"{_JOINED} WHERE d.event_id IN ({_marks(ids)}) AND d.ends_at > ?"
            " ORDER BY d.starts_at, d.event_id",
            [*ids, to_db_time(since)],
        )
        return await _dated_rows(self.db, rows)

    async def of_topics(self, topic_ids: Iterable[int], since: datetime) -> list[Dated]:
        """Every date of the events of these topics from ``since`` on (a topics feed)."""
        ids = list(topic_ids)
        if not ids:
            return []
        rows = await self.db.fetchall(
            f"{_JOINED} WHERE d.event_id IN (SELECT event_id FROM event_topics"
            f" WHERE topic_id IN ({_marks(ids)})) AND d.ends_at > ?"
            " ORDER BY d.starts_at, d.event_id",
            [*ids, to_db_time(since)],
        )
        return await _dated_rows(self.db, rows)

    async def get(self, event_id: int, occurrence: datetime) -> Dated | None:
        row = await self.db.fetchone(
            f"{_JOINED} WHERE d.event_id = ? AND d.occurrence = ?",
            (event_id, to_db_time(occurrence)),
        )
        return (await _dated_rows(self.db, [row]))[0] if row else None

    async def due_reminders(self, now: datetime, limit: int = 100) -> list[Dated]:
        """Dates whose next reminder moment has come (the scan's one query)."""
        rows = await self.db.fetchall(
            f"{_joined_by('event_dates_remind')}"
            " WHERE d.remind_at IS NOT NULL AND d.remind_at <= ? ORDER BY d.remind_at LIMIT ?",
            (to_db_time(now), limit),
        )
        return await _dated_rows(self.db, rows)

    async def next_reminder_at(self) -> datetime | None:
        value = await self.db.fetchval(
            "SELECT MIN(remind_at) FROM event_dates WHERE remind_at IS NOT NULL"
        )
        return from_db_time(value)

    async def set_remind_at(
        self, event_id: int, occurrence: datetime, when: datetime | None
    ) -> None:
        await self.db.execute(
            "UPDATE event_dates SET remind_at = ? WHERE event_id = ? AND occurrence = ?",
            (to_db_time(when), event_id, to_db_time(occurrence)),
        )

    async def prune(self, before: datetime) -> int:
        """Forget dates that ended before ``before``."""
        cursor = await self.db.execute(
            "DELETE FROM event_dates WHERE ends_at < ?", (to_db_time(before),)
        )
        return cursor.rowcount

    async def state(self) -> DatesState | None:
        row = await self.db.fetchone("SELECT until, offsets, refreshed_at FROM event_dates_state")
        if row is None:
            return None
        return DatesState(
            until=from_db_time(row[0]), offsets=row[1], refreshed_at=from_db_time(row[2])
        )

    async def set_state(self, until: datetime, offsets: str) -> None:
        await self.db.execute(
            "INSERT INTO event_dates_state (id, until, offsets, refreshed_at) VALUES (1, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET until = excluded.until, offsets = excluded.offsets,"
            " refreshed_at = excluded.refreshed_at",
            (to_db_time(until), offsets, to_db_time(utcnow())),
        )
