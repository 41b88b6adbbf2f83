"""The outbox: every message the bot sends is a row here first.

Notifications to others are queued here and sent by the delivery worker; answers to the
sender (rows with a ``reply_target``) are written in the handler's transaction and sent at
once by the fast path, or by the worker after a crash or when an earlier answer to the
same chat is still unsent. An answer that has gone out (or failed for good) is deleted at
once: it is personal and nothing needs it any more.

Rows survive restarts; the delivery worker moves them from ``pending`` through ``sending``
to ``sent``, ``failed`` or ``unreachable``; rows whose message was taken back before they
went out become ``withdrawn``, also while a send is in flight. A withdrawn row never goes
back to ``pending``: only a send that had already reached the platform still turns it into
``sent``. A ``dedupe_key`` makes enqueueing idempotent (reminders use it so that none goes
out twice).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel

from storage.db import Database, from_db_time, to_db_time, utcnow


class OutboxEntry(BaseModel):
    """A row to add. ``payload`` is the serialised message."""

    platform: str
    chat_id: str
    chat_kind: str = "private"
    payload: str
    member_id: int | None = None
    binding_id: int | None = None
    batch: str | None = None
    dedupe_key: str | None = None
    not_before: datetime | None = None
    silent: bool = False  # without sound (an urgent message in the member's quiet hours)


class Outcome(BaseModel):
    """How one send ended: ``sent``; ``pending`` again (a retry, or not sent at all, then
    ``counts`` is False and the attempt is given back; ``throttled`` when the platform
    answered 429); ``failed`` or ``unreachable``."""

    item_id: int
    status: str
    error: str | None = None
    retry_at: datetime | None = None
    counts: bool = True
    throttled: bool = False


class OutboxItem(BaseModel):
    id: int
    platform: str
    chat_id: str
    chat_kind: str
    payload: str
    member_id: int | None
    binding_id: int | None
    batch: str | None
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    reply_target: str | None = None
    parts_sent: int = 0
    throttled: int = 0
    silent: bool = False

    @property
    def is_reply(self) -> bool:
        return self.reply_target is not None


def _item(row: object) -> OutboxItem:
    r = dict(row)  # type: ignore[call-overload]
    r["next_attempt_at"] = from_db_time(r["next_attempt_at"])
    return OutboxItem(**{k: r[k] for k in OutboxItem.model_fields})


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, entries: Iterable[OutboxEntry]) -> int:
        """Insert rows; rows whose dedupe_key exists already are skipped. Returns inserted.

        One ``executemany`` for all rows: a fan-out to thousands of members is one trip to
        the database thread, not one per row."""
        now = utcnow()
        stamp = to_db_time(now)
        rows = [
            (
                e.platform,
                e.chat_id,
                e.chat_kind,
                e.member_id,
                e.binding_id,
                e.payload,
                e.batch,
                e.dedupe_key,
                to_db_time(e.not_before) if e.not_before else stamp,
                stamp,
                int(e.silent),
            )
            for e in entries
        ]
        if not rows:
            return 0
        async with self.db.transaction() as conn:
            cursor = await conn.executemany(
                "INSERT OR IGNORE INTO outbox (platform, chat_id, chat_kind, member_id,"
                " binding_id, payload, batch, dedupe_key, next_attempt_at, created_at, silent)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            return max(cursor.rowcount, 0)

    async def add_edit(
        self, platform: str, chat_id: str, member_id: int | None, payload: str, reply_target: str
    ) -> int:
        """A message that edits one sent before (an adapter's ``reply_target``), for the
        worker to send: a live tally kept in one message."""
        stamp = to_db_time(utcnow())
        cursor = await self.db.execute(
            "INSERT INTO outbox (platform, chat_id, chat_kind, member_id, payload,"
            " reply_target, next_attempt_at, created_at) VALUES (?, ?, 'private', ?, ?, ?, ?, ?)",
            (platform, chat_id, member_id, payload, reply_target, stamp, stamp),
        )
        return max(cursor.rowcount, 0)

    async def add_replies(
        self,
        platform: str,
        chat_id: str,
        chat_kind: str,
        reply_target: str,
        payloads: builtins.list[str],
        member_id: int | None,
        *,
        waiting: bool | None = None,
    ) -> tuple[builtins.list[int], bool]:
        """Answers to the sender, in the handler's transaction: their row ids, and whether
        the caller sends them now (the fast path). They are ``sending`` at once, claimed by
        the caller, unless an earlier answer to this chat is still unsent (after a crash):
        then they wait behind it as ``pending`` and the worker sends them in order.
        ``waiting`` is that answer when the caller's transaction already read it (the
        update's context does), so the store is asked once."""
        if not payloads:
            return [], False
        if waiting is None:
            waiting = (
                await self.db.fetchval(
                    "SELECT 1 FROM outbox WHERE platform = ? AND chat_id = ?"
                    " AND reply_target IS NOT NULL AND status IN ('pending', 'sending') LIMIT 1",
                    (platform, chat_id),
                )
                is not None
            )
        status, attempts = ("pending", 0) if waiting else ("sending", 1)
        stamp = to_db_time(utcnow())
        marks = ",".join("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" for _ in payloads)
        values: builtins.list[object] = []
        for payload in payloads:
            values += [platform, chat_id, chat_kind, member_id, payload, reply_target, status,
                       attempts, stamp, stamp]  # fmt: skip
        rows = await self.db.execute_returning(  # one statement: atomic on its own
            "INSERT INTO outbox (platform, chat_id, chat_kind, member_id, payload,"
            " reply_target, status, attempts, next_attempt_at, created_at)"
            f" VALUES {marks} RETURNING id",
            values,
        )
        return sorted(r[0] for r in rows), not waiting

    async def defer_batch(self, batch: str, until: dict[int, datetime]) -> int:
        """Quiet hours: the batch's pending rows for these members wait until their moment
        (a broadcast queued set-based, whose rows' dedupe key is ``{batch}:{member}``: the
        unique index finds each row at once). Returns rows deferred."""
        rows = [(to_db_time(moment), f"{batch}:{member}") for member, moment in until.items()]
        if rows:
            await self.db.executemany(
                "UPDATE outbox SET next_attempt_at = MAX(next_attempt_at, ?)"
                " WHERE dedupe_key = ? AND status = 'pending'",
                rows,
            )
        return len(rows)

    async def silence_batch(self, batch: str, member_ids: Iterable[int]) -> int:
        """Quiet hours: the batch's pending rows for these members go without sound (keyed
        as in :meth:`defer_batch`)."""
        rows = [(f"{batch}:{member}",) for member in member_ids]
        if rows:
            await self.db.executemany(
                "UPDATE outbox SET silent = 1 WHERE dedupe_key = ? AND status = 'pending'",
                rows,
            )
        return len(rows)

    async def record_parts(self, item_id: int, parts_sent: int) -> None:
        """A long message is delivered part by part: a retry resumes after these."""
        await self.db.execute(
            "UPDATE outbox SET parts_sent = MAX(parts_sent, ?) WHERE id = ?", (parts_sent, item_id)
        )

    async def due(self, now: datetime, limit: int) -> list[OutboxItem]:
        """The oldest rows due now (the CLI and tests look; the worker claims)."""
        rows = await self.db.fetchall(
            "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
            " ORDER BY next_attempt_at, id LIMIT ?",
            (to_db_time(now), limit),
        )
        return [_item(r) for r in rows]

    async def next_due_at(self) -> datetime | None:
        value = await self.db.fetchval(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'"
        )
        return from_db_time(value)

    async def claim(self, platform: str, now: datetime, limit: int) -> list[OutboxItem]:
        """Mark up to ``limit`` due rows of one platform ``sending`` and return them, in one
        statement (the caller's transaction makes it one commit).

        Per chat only its oldest due row can be taken, and none while the chat has a row in
        flight: messages to one chat go out one at a time, in order. Chats with hundreds of
        rows cannot crowd others out: each counts once however long its queue is."""
        stamp = to_db_time(now)
        async with self.db.transaction() as conn:
            rows = await conn.execute_fetchall(  # one trip to the database thread
                "UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id IN ("
                " SELECT o.id FROM outbox o"
                " WHERE o.status = 'pending' AND o.platform = :platform AND o.next_attempt_at <= :now"
                " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.platform = o.platform"
                "  AND e.chat_id = o.chat_id AND e.status = 'sending')"
                " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.platform = o.platform"
                "  AND e.chat_id = o.chat_id AND e.status = 'pending' AND e.id < o.id"
                "  AND e.next_attempt_at <= :now)"
                " ORDER BY o.next_attempt_at, o.id LIMIT :limit)"
                " RETURNING *",
                {"platform": platform, "now": stamp, "limit": limit},
            )
        items = [_item(r) for r in rows]
        items.sort(key=lambda i: (i.next_attempt_at, i.id))
        return items

    async def hold(
        self, platform: str, holds: Iterable[tuple[str, int, datetime]], now: datetime
    ) -> None:
        """Chats that may not receive anything before ``until`` (their own rate limit):
        the claimed row goes back (the attempt not counted) and the chat's due rows wait
        until then, so the next claims do not look at them again. Order is kept: they are
        due together and are taken by id."""
        stamp = to_db_time(now)
        await self.db.executemany(
            "UPDATE outbox SET next_attempt_at = MAX(next_attempt_at, :until),"
            " attempts = attempts - (status = 'sending'), status = 'pending'"
            " WHERE platform = :platform AND chat_id = :chat AND status IN ('sending', 'pending')"
            " AND (id = :id OR (status = 'pending' AND next_attempt_at <= :now))",
            [
                {"platform": platform, "chat": chat, "id": item_id, "until": to_db_time(until),
                 "now": stamp}
                for chat, item_id, until in holds
            ],
        )  # fmt: skip

    async def next_due_after(self, platform: str, now: datetime) -> datetime | None:
        """When the next row of a platform that is not due yet becomes due."""
        value = await self.db.fetchval(
            "SELECT MIN(next_attempt_at) FROM outbox"
            " WHERE status = 'pending' AND platform = ? AND next_attempt_at > ?",
            (platform, to_db_time(now)),
        )
        return from_db_time(value)

    async def has_due(self, platforms: Iterable[str], by: datetime) -> bool:
        """Whether a row of these platforms is pending and due by ``by``."""
        wanted = list(platforms)
        if not wanted:
            return False
        marks = ",".join("?" for _ in wanted)
        value = await self.db.fetchval(
            f"SELECT 1 FROM outbox WHERE status = 'pending' AND platform IN ({marks})"
            " AND next_attempt_at <= ? LIMIT 1",
            (*wanted, to_db_time(by)),
        )
        return value is not None

    async def settle(self, outcomes: Iterable[Outcome]) -> None:
        """Record how sends ended, many rows in one transaction (the caller's).

        A row withdrawn while its send was in flight stays withdrawn, whether the send is to
        be retried (a 429, the platform paused) or failed; only ``sent`` is recorded on it,
        because then the message did go out."""
        now = to_db_time(utcnow())
        sent, back, final = [], [], []
        for o in outcomes:
            if o.status == "sent":
                sent.append((now, o.item_id))
            elif o.status == "pending":
                when = to_db_time(o.retry_at or utcnow())
                back.append(
                    (when, (o.error or "")[:500] or None, int(not o.counts), int(o.throttled),
                     o.item_id)
                )  # fmt: skip
            elif o.status in ("failed", "unreachable"):
                final.append((o.status, (o.error or "")[:500], o.item_id))
            else:
                raise ValueError(o.status)
        async with self.db.transaction() as conn:
            if sent:
                await conn.executemany(
                    "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL"
                    " WHERE id = ? AND status IN ('sending', 'withdrawn')",
                    sent,
                )
            if back:
                await conn.executemany(
                    "UPDATE outbox SET status = 'pending', next_attempt_at = ?,"
                    " last_error = COALESCE(?, last_error), attempts = attempts - ?,"
                    " throttled = throttled + ? WHERE id = ? AND status = 'sending'",
                    back,
                )
            if final:
                await conn.executemany(
                    "UPDATE outbox SET status = ?, last_error = ? WHERE id = ?"
                    " AND status = 'sending'",
                    final,
                )
            done = [(item_id,) for *_rest, item_id in [*sent, *final]]
            if done:  # an answer that went out (or never will) is not kept: it is personal
                await conn.executemany(
                    "DELETE FROM outbox WHERE id = ? AND reply_target IS NOT NULL"
                    " AND status NOT IN ('pending', 'sending')",
                    done,
                )

    async def forget_sent_replies(self, item_ids: builtins.list[int]) -> None:
        """Answers that all went out: what :meth:`settle` does for them (they are personal
        and not kept), in one statement. A row withdrawn while in flight went out too."""
        if not item_ids:
            return
        marks = ",".join("?" for _ in item_ids)
        await self.db.execute(
            f"DELETE FROM outbox WHERE id IN ({marks}) AND reply_target IS NOT NULL"
            " AND status IN ('sending', 'withdrawn')",
            item_ids,
        )

    async def get(self, item_id: int) -> OutboxItem | None:
        row = await self.db.fetchone("SELECT * FROM outbox WHERE id = ?", (item_id,))
        return _item(row) if row else None

    async def mark_sending(self, item_id: int) -> bool:
        cursor = await self.db.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1"
            " WHERE id = ? AND status = 'pending'",
            (item_id,),
        )
        return cursor.rowcount > 0

    async def mark_sent(self, item_id: int) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?",
            (to_db_time(utcnow()), item_id),
        )

    async def retry_at(
        self, item_id: int, when: datetime, error: str, count_attempt: bool = True
    ) -> None:
        """Back to pending for a later try; a rate-limit wait does not count as an attempt.
        A row withdrawn meanwhile stays withdrawn."""
        await self.db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?,"
            " attempts = attempts - ? WHERE id = ? AND status = 'sending'",
            (to_db_time(when), error[:500], 0 if count_attempt else 1, item_id),
        )

    async def mark_final(self, item_id: int, status: str, error: str) -> None:
        if status not in ("failed", "unreachable"):
            raise ValueError(status)
        await self.db.execute(
            "UPDATE outbox SET status = ?, last_error = ? WHERE id = ? AND status = 'sending'",
            (status, error[:500], item_id),
        )

    async def drop_pending_for_chat(self, platform: str, chat_id: str, reason: str) -> int:
        """The recipient is gone: the rest of their queue will not be delivered either."""
        cursor = await self.db.execute(
            "UPDATE outbox SET status = 'unreachable', last_error = ?"
            " WHERE platform = ? AND chat_id = ? AND status = 'pending'",
            (reason[:500], platform, chat_id),
        )
        return cursor.rowcount

    async def withdraw_pending(self, batches: Iterable[str]) -> int:
        """The message was taken back: rows of these batches not yet sent never will be.

        Rows in flight (``sending``) are withdrawn too: a send that already reached the
        platform is still recorded as sent, but one that must wait (a 429, the platform
        paused) or fails does not go back to pending (see :meth:`settle`)."""
        wanted = list(dict.fromkeys(batches))
        withdrawn = 0
        async with self.db.transaction() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                cursor = await conn.execute(
                    "UPDATE outbox SET status = 'withdrawn', last_error = 'withdrawn'"
                    f" WHERE status IN ('pending', 'sending') AND batch IN ({marks})",
                    chunk,
                )
                withdrawn += cursor.rowcount
        return withdrawn

    async def reset_in_flight(self) -> int:
        """After a crash, rows caught mid-send go again (at most those may be duplicated)."""
        cursor = await self.db.execute(
            "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"
        )
        return cursor.rowcount

    async def batch_report(self, batch: str) -> dict[str, int]:
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) FROM outbox WHERE batch = ? GROUP BY status", (batch,)
        )
        return {r[0]: r[1] for r in rows}

    async def oldest_due_pending(self, now: datetime) -> datetime | None:
        """When the pending row that has waited longest became due (None: nothing waits)."""
        value = await self.db.fetchval(
            "SELECT MIN(next_attempt_at) FROM outbox"
            " WHERE status = 'pending' AND next_attempt_at <= ?",
            (to_db_time(now),),
        )
        return from_db_time(value)

    async def unfinished_batches(self) -> dict[tuple[str, str], int]:
        """(batch, status) -> rows, for the batches that still have rows to deliver."""
        rows = await self.db.fetchall(
            "SELECT batch, status, COUNT(*) FROM outbox WHERE batch IN"
            " (SELECT DISTINCT batch FROM outbox"
            "  WHERE status IN ('pending', 'sending') AND batch IS NOT NULL)"
            " GROUP BY batch, status"
        )
        return {(r[0], r[1]): r[2] for r in rows}

    async def counts(self) -> dict[str, int]:
        rows = await self.db.fetchall("SELECT status, COUNT(*) FROM outbox GROUP BY status")
        return {r[0]: r[1] for r in rows}

    async def purge_sent_before(self, cutoff: datetime) -> int:
        cursor = await self.db.execute(
            "DELETE FROM outbox WHERE status = 'sent' AND sent_at < ? AND batch IS NULL",
            (to_db_time(cutoff),),
        )
        return cursor.rowcount
