"""Date polls: the poll, its candidate dates (options), who was asked, and their answers.

Answers are keyed by member, not by identity, so a member linked on Telegram and Slack
answers once. The audience is a snapshot taken when the poll goes out: who may vote, who
is reminded and who hears the result does not change when a group changes later.
Every claim the jobs make (the reminder, the end, the result) is a conditional UPDATE, so
the caller writes it in the same transaction as its outbox rows and it happens once.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow
from storage.members import delivery_targets_sql

AUDIENCE_KINDS = ("group", "topic", "members")
VISIBILITIES = ("all", "organiser")
ANSWERS = ("y", "m", "n")  # yes, if need be, no


class PollOption(BaseModel):
    position: int  # 0-based, in the order the organiser gave them
    start: datetime
    end: datetime | None


class Poll(BaseModel):
    id: int
    title: str
    organiser_id: int | None
    audience_kind: str
    audience_ref: int | None
    deadline: datetime
    visibility: str
    remind_at: datetime | None
    reminded_at: datetime | None
    state: str
    ended_at: datetime | None
    chosen_option: int | None
    event_id: int | None
    tally_platform: str | None
    tally_chat: str | None
    tally_target: str | None
    tally_dirty: bool
    tally_sent_at: datetime | None
    created_at: datetime
    closed_at: datetime | None
    options: list[PollOption] = []

    @property
    def is_open(self) -> bool:
        return self.state == "open"


class NewPoll(BaseModel):
    title: str
    organiser_id: int
    audience_kind: str
    audience_ref: int | None
    deadline: datetime
    visibility: str
    remind_at: datetime | None
    options: list[tuple[datetime, datetime | None]]


_TIMES = ("deadline", "remind_at", "reminded_at", "ended_at", "tally_sent_at", "created_at",
          "closed_at")  # fmt: skip


def _poll(row: object, options: list[PollOption]) -> Poll:
    r = dict(row)  # type: ignore[call-overload]
    for key in _TIMES:
        r[key] = from_db_time(r[key])
    r["tally_dirty"] = bool(r["tally_dirty"])
    return Poll(**{k: r[k] for k in Poll.model_fields if k != "options"}, options=options)


class PollRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # the poll ---------------------------------------------------------------------------

    async def create(self, poll: NewPoll, audience: Iterable[int]) -> Poll:
        """The poll, its options and its audience, in one transaction."""
        now = to_db_time(utcnow())
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO polls (title, organiser_id, audience_kind, audience_ref, deadline,"
                " visibility, remind_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (poll.title, poll.organiser_id, poll.audience_kind, poll.audience_ref,
                 to_db_time(poll.deadline), poll.visibility, to_db_time(poll.remind_at), now),
            )  # fmt: skip
            poll_id = int(cursor.lastrowid or 0)
            await conn.executemany(
                "INSERT INTO poll_options (poll_id, position, start, end) VALUES (?, ?, ?, ?)",
                [
                    (poll_id, position, to_db_time(start), to_db_time(end))
                    for position, (start, end) in enumerate(poll.options)
                ],
            )
            await conn.executemany(
                "INSERT OR IGNORE INTO poll_audience (poll_id, member_id) VALUES (?, ?)",
                [(poll_id, member_id) for member_id in dict.fromkeys(audience)],
            )
        made = await self.get(poll_id)
        assert made is not None
        return made

    async def get(self, poll_id: int) -> Poll | None:
        row = await self.db.fetchone("SELECT * FROM polls WHERE id = ?", (poll_id,))
        if row is None:
            return None
        return _poll(row, await self.options(poll_id))

    async def options(self, poll_id: int) -> builtins.list[PollOption]:
        rows = await self.db.fetchall(
            "SELECT position, start, end FROM poll_options WHERE poll_id = ? ORDER BY position",
            (poll_id,),
        )
        return [
            PollOption(position=r[0], start=from_db_time(r[1]), end=from_db_time(r[2]))
            for r in rows
        ]

    async def of_organiser(self, member_id: int) -> builtins.list[Poll]:
        rows = await self.db.fetchall(
            "SELECT id FROM polls WHERE organiser_id = ? ORDER BY id", (member_id,)
        )
        return [p for r in rows if (p := await self.get(r[0])) is not None]

    async def recent(self, limit: int = 200) -> builtins.list[Poll]:
        """The newest polls first (for the dashboard's list)."""
        rows = await self.db.fetchall("SELECT id FROM polls ORDER BY id DESC LIMIT ?", (limit,))
        return [p for r in rows if (p := await self.get(r[0])) is not None]

    async def answer_rates(self, poll_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """Per poll, how many were asked and how many of them answered (one query)."""
        ids = builtins.list(poll_ids)
        if not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        rows = await self.db.fetchall(
            "SELECT a.poll_id, COUNT(*), SUM(EXISTS (SELECT 1 FROM poll_answers w"
            " WHERE w.poll_id = a.poll_id AND w.member_id = a.member_id))"
            f" FROM poll_audience a WHERE a.poll_id IN ({marks}) GROUP BY a.poll_id",
            ids,
        )
        return {r[0]: (int(r[1]), int(r[2] or 0)) for r in rows}

    async def open_for(self, member_id: int) -> builtins.list[Poll]:
        """Open polls a member was asked in (for an overview such as Slack's App Home)."""
        rows = await self.db.fetchall(
            "SELECT p.id FROM polls p JOIN poll_audience a ON a.poll_id = p.id"
            " WHERE a.member_id = ? AND p.state = 'open' ORDER BY p.deadline",
            (member_id,),
        )
        return [p for r in rows if (p := await self.get(r[0])) is not None]

    # the audience and answers -----------------------------------------------------------

    async def audience(self, poll_id: int) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT member_id FROM poll_audience WHERE poll_id = ? ORDER BY member_id",
            (poll_id,),
        )
        return [r[0] for r in rows]

    async def audience_looks(self, poll_id: int, default_zone: str) -> set[tuple[str, str]]:
        """The (language, time zone) pairs of the audience: one ballot rendering each."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT m.language, COALESCE(m.timezone, ?) FROM poll_audience a"
            " JOIN members m ON m.id = a.member_id WHERE a.poll_id = ?",
            (default_zone, poll_id),
        )
        return {(r[0], r[1]) for r in rows}

    async def queue_ballots(
        self,
        poll_id: int,
        payloads: dict[tuple[str, str], str],
        default_zone: str,
        now: datetime,
    ) -> int:
        """One outbox row per member asked, in their language and zone, on the identity
        the delivery rule picks: one statement for thousands (as broadcasts are queued)."""
        if not payloads:
            return 0
        cases = " ".join("WHEN ? THEN ?" for _ in payloads)
        look = "t.language || '|' || COALESCE(t.member_timezone, ?)"
        chosen: list[object] = [v for (lang, zone), text in payloads.items()
                                for v in (f"{lang}|{zone}", text)]  # fmt: skip
        targets = delivery_targets_sql("SELECT member_id FROM poll_audience WHERE poll_id = ?")
        stamp = to_db_time(now)
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO outbox (platform, chat_id, chat_kind, member_id, payload,"
            f" batch, dedupe_key, next_attempt_at, created_at) SELECT * FROM (SELECT"
            f" t.platform, t.chat_id, 'private', t.member_id, CASE {look} {cases} END AS payload,"
            f" ?, ? || t.member_id, ?, ? FROM ({targets}) t ORDER BY t.member_id)"
            " WHERE payload IS NOT NULL",
            [default_zone, *chosen, f"poll:{poll_id}", f"poll:{poll_id}:ballot:", stamp, stamp,
             poll_id],
        )  # fmt: skip
        return max(cursor.rowcount, 0)

    async def in_audience(self, poll_id: int, member_id: int) -> bool:
        found = await self.db.fetchval(
            "SELECT 1 FROM poll_audience WHERE poll_id = ? AND member_id = ?",
            (poll_id, member_id),
        )
        return found is not None

    async def answer(self, poll_id: int, position: int, member_id: int, answer: str) -> bool:
        """Record one answer; True when it changed something. Only while the poll is
        open and only for someone in its audience (checked in the same statement)."""
        if answer not in ANSWERS:
            raise ValueError(answer)
        async with self.db.transaction():
            before = await self.db.fetchval(
                "SELECT answer FROM poll_answers WHERE poll_id = ? AND member_id = ?"
                " AND position = ?",
                (poll_id, member_id, position),
            )
            if before == answer:
                return False
            cursor = await self.db.execute(
                "INSERT INTO poll_answers (poll_id, position, member_id, answer, answered_at)"
                " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM polls p"
                " JOIN poll_audience a ON a.poll_id = p.id JOIN poll_options o"
                " ON o.poll_id = p.id AND o.position = ? WHERE p.id = ? AND p.state = 'open'"
                " AND a.member_id = ?) ON CONFLICT (poll_id, member_id, position) DO UPDATE"
                " SET answer = excluded.answer, answered_at = excluded.answered_at",
                (poll_id, position, member_id, answer, to_db_time(utcnow()), position, poll_id,
                 member_id),
            )  # fmt: skip
            if cursor.rowcount <= 0:
                return False
            await self.db.execute("UPDATE polls SET tally_dirty = 1 WHERE id = ?", (poll_id,))
        return True

    async def answers_of(self, poll_id: int, member_id: int) -> dict[int, str]:
        """One member's answers: option position -> answer."""
        rows = await self.db.fetchall(
            "SELECT position, answer FROM poll_answers WHERE poll_id = ? AND member_id = ?",
            (poll_id, member_id),
        )
        return {r[0]: r[1] for r in rows}

    async def answers(self, poll_id: int) -> dict[int, dict[int, str]]:
        """Every answer: member id -> (position -> answer), members of the audience only."""
        rows = await self.db.fetchall(
            "SELECT w.member_id, w.position, w.answer FROM poll_answers w"
            " JOIN poll_audience a ON a.poll_id = w.poll_id AND a.member_id = w.member_id"
            " WHERE w.poll_id = ?",
            (poll_id,),
        )
        found: dict[int, dict[int, str]] = {}
        for member_id, position, answer in rows:
            found.setdefault(member_id, {})[position] = answer
        return found

    async def option_counts(self, poll_id: int) -> dict[int, dict[str, int]]:
        """Per option, how many answered each way (one grouped query, for ballots)."""
        rows = await self.db.fetchall(
            "SELECT w.position, w.answer, COUNT(*) FROM poll_answers w JOIN poll_audience a"
            " ON a.poll_id = w.poll_id AND a.member_id = w.member_id WHERE w.poll_id = ?"
            " GROUP BY w.position, w.answer",
            (poll_id,),
        )
        found: dict[int, dict[str, int]] = {}
        for position, answer, count in rows:
            found.setdefault(position, {})[answer] = count
        return found

    async def not_answered(self, poll_id: int) -> builtins.list[int]:
        """Members of the audience without any answer yet."""
        rows = await self.db.fetchall(
            "SELECT a.member_id FROM poll_audience a WHERE a.poll_id = ? AND NOT EXISTS"
            " (SELECT 1 FROM poll_answers w WHERE w.poll_id = a.poll_id"
            " AND w.member_id = a.member_id) ORDER BY a.member_id",
            (poll_id,),
        )
        return [r[0] for r in rows]

    async def names(self, member_ids: builtins.list[int]) -> dict[int, str]:
        if not member_ids:
            return {}
        marks = ",".join("?" for _ in member_ids)
        rows = await self.db.fetchall(
            f"SELECT id, name FROM members WHERE id IN ({marks})", member_ids
        )
        return {r[0]: r[1] for r in rows}

    # the jobs' claims -------------------------------------------------------------------

    async def due_reminders(self, now: datetime) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT id FROM polls WHERE state = 'open' AND reminded_at IS NULL"
            " AND remind_at IS NOT NULL AND remind_at <= ? ORDER BY remind_at",
            (to_db_time(now),),
        )
        return [r[0] for r in rows]

    async def claim_reminder(self, poll_id: int, now: datetime) -> bool:
        cursor = await self.db.execute(
            "UPDATE polls SET reminded_at = ? WHERE id = ? AND state = 'open'"
            " AND reminded_at IS NULL",
            (to_db_time(now), poll_id),
        )
        return cursor.rowcount > 0

    async def due_ends(self, now: datetime) -> builtins.list[int]:
        rows = await self.db.fetchall(
            "SELECT id FROM polls WHERE state = 'open' AND deadline <= ? ORDER BY deadline",
            (to_db_time(now),),
        )
        return [r[0] for r in rows]

    async def end(self, poll_id: int, now: datetime) -> bool:
        """Stop the voting (the deadline, or the organiser): True for the one who ended it."""
        cursor = await self.db.execute(
            "UPDATE polls SET state = 'ended', ended_at = ?, tally_dirty = 1"
            " WHERE id = ? AND state = 'open'",
            (to_db_time(now), poll_id),
        )
        return cursor.rowcount > 0

    async def close(
        self, poll_id: int, position: int | None, event_id: int | None, now: datetime
    ) -> bool:
        """The date is chosen (and is event ``event_id``), or the poll is dropped: True
        for the one who closed it, so the result is told once."""
        cursor = await self.db.execute(
            "UPDATE polls SET state = 'closed', chosen_option = ?, event_id = ?, closed_at = ?,"
            " ended_at = COALESCE(ended_at, ?) WHERE id = ? AND state IN ('open', 'ended')",
            (position, event_id, to_db_time(now), to_db_time(now), poll_id),
        )
        return cursor.rowcount > 0

    # the organiser's tally --------------------------------------------------------------

    async def set_tally_target(
        self, poll_id: int, platform: str, chat_id: str, target: str | None
    ) -> None:
        await self.db.execute(
            "UPDATE polls SET tally_platform = ?, tally_chat = ?, tally_target = ? WHERE id = ?",
            (platform, chat_id, target, poll_id),
        )

    async def dirty_tallies(self, sent_before: datetime) -> builtins.list[int]:
        """Polls with votes since their tally was last queued, and not queued since
        ``sent_before`` (at most one edit every few seconds)."""
        rows = await self.db.fetchall(
            "SELECT id FROM polls WHERE tally_dirty = 1"
            " AND (tally_sent_at IS NULL OR tally_sent_at <= ?) ORDER BY id",
            (to_db_time(sent_before),),
        )
        return [r[0] for r in rows]

    async def claim_tally(self, poll_id: int, now: datetime) -> bool:
        cursor = await self.db.execute(
            "UPDATE polls SET tally_dirty = 0, tally_sent_at = ? WHERE id = ? AND tally_dirty = 1",
            (to_db_time(now), poll_id),
        )
        return cursor.rowcount > 0

    # counts and personal data -----------------------------------------------------------

    async def counts(self) -> dict[str, int]:
        """For /stats: polls by state, people asked and those who answered."""
        rows = await self.db.fetchall("SELECT state, COUNT(*) FROM polls GROUP BY state")
        found = {state: 0 for state in ("open", "ended", "closed")}
        found.update({r[0]: r[1] for r in rows})
        found["asked"] = int(await self.db.fetchval("SELECT COUNT(*) FROM poll_audience"))
        found["answered"] = int(
            await self.db.fetchval(
                "SELECT COUNT(*) FROM (SELECT DISTINCT poll_id, member_id FROM poll_answers)"
            )
        )
        return found
