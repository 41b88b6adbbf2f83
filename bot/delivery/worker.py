"""Moves rows from the outbox to the platforms, within rate limits, with retries.

Each pass of the loop is one transaction (one commit): it records how the sends that
finished since the last pass ended, then claims, per platform, as many rows as free send
slots and rate tokens allow, in one ``UPDATE … RETURNING``. Between passes it sleeps until
the limiter's next token, a send finishes, rows are added in this process (``wake``), or
the next row becomes due; rows added by other processes (the CLI) are found by a poll.
Sends start at evenly spaced moments a little under the platform's rate.

Guarantees: messages to one chat go out one at a time, in order (the claim takes only a
chat's oldest due row, never while the chat has one in flight); a 429 pauses the whole
platform, checked again right before each call; rows are ``sending`` only from their claim
until their outcome is recorded, at most ``concurrency`` of them, so a crash can duplicate
at most that many messages. A message of several parts records each part it delivered
(``parts_sent``): a retry or a restart resumes after them, so no part goes twice, and each
part waits for its own place in the chat's limits. 429s are counted per row; past
``max_throttled`` the row fails, in the log and in its broadcast's report. A chat that must wait for its own limit has its rows set aside
until then; a platform that is paused or has no adapter is not looked at: neither holds up
anyone else's rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from bot.adapters.base import Adapter
from bot.delivery.errors import PermanentFailure, RetryAfter, Unreachable
from bot.delivery.ratelimit import RateLimiter
from bot.logs import log_context
from bot.metrics import Metrics
from bot.models import ChatKind, Outgoing
from storage import Store
from storage.db import utcnow
from storage.outbox import OutboxItem, Outcome

log = logging.getLogger(__name__)

CONCURRENCY = 16  # sends in flight at most: the rows a crash can duplicate
MAX_HOLD_ROUNDS = 4  # claims in a row that may find only chats that must wait
MAX_THROTTLED = 10  # 429s for one row before it fails (visibly) instead of waiting again


class DeliveryWorker:
    def __init__(
        self,
        store: Store,
        adapters: Mapping[str, Adapter],
        limiter: RateLimiter,
        *,
        concurrency: int = CONCURRENCY,
        poll_interval: float = 1.0,
        max_attempts: int = 8,
        base_backoff: float = 2.0,
        max_backoff: float = 900.0,
        max_throttled: int = MAX_THROTTLED,
        clock: Callable[[], datetime] = utcnow,
        metrics: Metrics | None = None,
    ) -> None:
        self.store = store
        self.metrics = metrics or Metrics()
        self.adapters = dict(adapters)
        self.limiter = limiter
        self.concurrency = concurrency
        self.poll_interval = poll_interval
        self.max_attempts = max_attempts
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self.max_throttled = max_throttled
        self.clock = clock
        self._wakeup = asyncio.Event()
        self._in_flight: dict[int, str] = {}  # claimed row id -> platform, until settled
        self._outcomes: list[tuple[OutboxItem, Outcome]] = []  # sent, not yet recorded
        self._tasks: set[asyncio.Task[None]] = set()
        self._held_until = clock()  # the latest moment a chat's rows were set aside to
        self.task: asyncio.Task[None] | None = None  # the dispatch loop; health looks at it
        self._stopping = False
        self.passes = 0  # transactions of the loop (the benchmark reports rows per pass)

    @property
    def in_flight(self) -> int:
        """Rows claimed and not yet settled (the most a crash could duplicate)."""
        return len(self._in_flight)

    def wake(self) -> None:
        """New rows were added: look at the outbox now rather than at the next poll."""
        self._wakeup.set()

    async def start(self) -> None:
        reset = await self.store.outbox.reset_in_flight()
        if reset:
            log.warning("outbox: %d message(s) were in flight at the last stop; resending", reset)
        self._stopping = False
        self.task = asyncio.create_task(self._run(), name="delivery-worker")

    @property
    def alive(self) -> bool:
        """The dispatch loop runs (it ends only when stopped, or by a bug)."""
        return self.task is not None and not self.task.done()

    def stop_taking(self) -> None:
        """Start no new sends from now on (the first step of a shutdown)."""
        self._stopping = True
        self._wakeup.set()

    async def stop(self, drain_seconds: float = 5.0) -> None:
        """Stop taking new rows; give sends in flight a moment to finish. Rows not sent
        stay pending for the next start; rows cut off mid-send go back to pending."""
        self.stop_taking()
        if self.task is not None:
            if not self.task.done():
                await self.task
            self.task = None
        pending: set[asyncio.Task[None]] = set()
        if self._tasks:
            _done, pending = await asyncio.wait(self._tasks, timeout=drain_seconds)
            for task in pending:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*pending, return_exceptions=True)
        if self._outcomes:  # sends that finished after the loop's last pass
            settling, self._outcomes = self._outcomes, []
            async with self.store.transaction():
                await self._settle(settling)
            for item, _outcome in settling:
                self._in_flight.pop(item.id, None)
        if pending:
            reset = await self.store.outbox.reset_in_flight()
            log.warning("outbox: %d send(s) cut off by the stop; they go again", reset)

    async def drain(self, within: float = 10.0) -> None:
        """Wait until nothing is due and nothing is in flight (for tests and the console);
        rows of chats set aside for their own rate limit count as due."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while loop.time() < deadline:
            by = max(self.clock(), self._held_until)
            if not self._in_flight and not await self.store.outbox.has_due(self.adapters, by):
                return
            self.wake()
            await asyncio.sleep(0.02)
        raise TimeoutError("outbox did not drain")

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                wait = await self._dispatch_due()
            except Exception:
                log.exception("outbox: dispatch failed; trying again shortly")
                wait = self.poll_interval
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wakeup.wait(), timeout=wait)
            else:
                await asyncio.sleep(0)  # let sends and replies run between passes

    async def _dispatch_due(self) -> float:
        """One pass, one transaction: record how the finished sends ended, then claim what
        may go now on every platform. Returns how long to sleep."""
        wait = self.poll_interval
        settling, self._outcomes = self._outcomes, []
        started: list[tuple[Adapter, OutboxItem]] = []
        exhausted: list[str] = []
        now = self.clock()
        self.passes += 1
        try:
            async with self.store.transaction():
                await self._settle(settling)
                free = self.concurrency - len(self._in_flight) + len(settling)
                for platform, adapter in list(self.adapters.items()):
                    if free <= 0 or self._stopping:
                        break  # a finishing send wakes the loop
                    allowed, token_wait = self.limiter.budget(platform, free)
                    if allowed == 0:
                        wait = min(wait, token_wait)
                        continue
                    items, none_left = await self._claim(platform, allowed, now)
                    for item in items:  # in flight from the claim on: drain() must not
                        self._in_flight[item.id] = item.platform  # see a gap at the commit
                    free -= len(items)
                    started += [(adapter, item) for item in items]
                    if none_left:
                        exhausted.append(platform)
                    else:  # more may be waiting: look again at the next token
                        wait = min(wait, self.limiter.budget(platform, 1)[1])
        except BaseException:
            self._outcomes[:0] = settling  # recorded by the next pass instead
            for _adapter, item in started:  # not claimed after all: rolled back
                self._in_flight.pop(item.id, None)
            raise
        for item, _outcome in settling:
            self._in_flight.pop(item.id, None)
        for adapter, item in started:
            self._start(adapter, item)
        for platform in exhausted:  # everything claimable is taken: until the next is due
            next_due = await self.store.outbox.next_due_after(platform, now)
            if next_due is not None:
                wait = min(wait, (next_due - self.clock()).total_seconds())
        return max(wait, 0.0)

    async def _claim(
        self, platform: str, allowed: int, now: datetime
    ) -> tuple[list[OutboxItem], bool]:
        """Claim up to ``allowed`` rows that may go now, taking each one's rate places;
        also whether the outbox had no more rows that could be claimed now.

        A claimed row whose chat must still wait for its own limit goes back, and the chat's
        due rows with it, to when the chat may receive again (one transaction for all)."""
        taken: list[OutboxItem] = []
        exhausted = False
        for _ in range(MAX_HOLD_ROUNDS):
            wanted = allowed - len(taken)
            claimed = await self.store.outbox.claim(platform, now, wanted)
            exhausted = len(claimed) < wanted
            holds = []
            for item in claimed:
                chat_wait = self.limiter.chat_wait(platform, item.chat_kind, item.chat_id)
                if chat_wait > 0:
                    until = now + timedelta(seconds=chat_wait)
                    holds.append((item.chat_id, item.id, until))
                    self._held_until = max(self._held_until, until)
                elif self.limiter.acquire(platform, item.chat_kind, item.chat_id) > 0:
                    holds.append((item.chat_id, item.id, now))  # overall full: back as it was
                else:
                    taken.append(item)
            if holds:
                await self.store.outbox.hold(platform, holds, now)
            if not holds or len(taken) >= allowed or exhausted:
                break
        return taken, exhausted

    def _start(self, adapter: Adapter, item: OutboxItem) -> None:
        self._in_flight[item.id] = item.platform
        delay = self.limiter.start_delay(item.platform)
        task = asyncio.create_task(self._deliver(adapter, item, delay))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver(self, adapter: Adapter, item: OutboxItem, delay: float) -> None:
        """Send at the row's start time; the loop records the outcome with others (the
        row stays ``sending`` and its slot taken until then)."""
        called, outcome = False, None
        try:
            if delay > 0:
                await asyncio.sleep(delay)  # its evenly spaced start
            with log_context(platform=item.platform, chat_kind=item.chat_kind):
                called, outcome = await self._send(adapter, item)
        finally:
            self.limiter.finished(item.platform, item.chat_kind, item.chat_id, called=called)
            if outcome is not None:  # None: cut off by a stop, which resets the row
                self._outcomes.append((item, outcome))
                self._wakeup.set()

    async def _send(self, adapter: Adapter, item: OutboxItem) -> tuple[bool, Outcome]:
        """Send one claimed row; (whether the platform was called, how it ended)."""
        paused = self.limiter.paused_for(item.platform)
        if self._stopping or paused > 0:  # checked immediately before the call
            when = self.clock() + timedelta(seconds=paused)
            error = "platform paused" if paused > 0 else None
            return False, Outcome(item_id=item.id, status="pending", retry_at=when, error=error,
                                  counts=False)  # fmt: skip
        attempts = item.attempts  # the claim counted this one
        try:
            message = Outgoing.model_validate_json(item.payload)
            if item.silent:  # an urgent message in the member's quiet hours
                message = message.model_copy(update={"silent": True})

            async def part_done(parts: int) -> None:  # a retry resumes after these
                await self.store.outbox.record_parts(item.id, parts)

            await adapter.send(
                item.chat_id, ChatKind(item.chat_kind), message, reply_target=item.reply_target,
                start_part=item.parts_sent, on_part=part_done,
            )  # fmt: skip
        except RetryAfter as exc:
            self.metrics.record_rate_limited(item.platform)
            self.limiter.pause(item.platform, exc.seconds)
            if item.throttled + 1 >= self.max_throttled:
                error = f"throttled {item.throttled + 1} times: {exc}"
                log.error("outbox: message %d to %s:%s failed: %s", item.id, item.platform,
                          item.chat_id, error)  # fmt: skip
                self.metrics.record_notification(item.platform, "failed")
                return True, Outcome(item_id=item.id, status="failed", error=error)
            log.warning("outbox: %s asked to wait %.1fs (message %d to chat %s, %d. time)",
                        item.platform, exc.seconds, item.id, item.chat_id,
                        item.throttled + 1)  # fmt: skip
            self.metrics.record_notification(item.platform, "retried")
            when = self.clock() + timedelta(seconds=exc.seconds)
            return True, Outcome(item_id=item.id, status="pending", retry_at=when,
                                 error=str(exc), counts=False, throttled=True)  # fmt: skip
        except Unreachable as exc:
            log.info("outbox: %s:%s unreachable: %s", item.platform, item.chat_id, exc)
            self.metrics.record_notification(item.platform, "unreachable")
            return True, Outcome(item_id=item.id, status="unreachable", error=str(exc))
        except PermanentFailure as exc:
            log.error("outbox: message %d refused: %s", item.id, exc)
            self.metrics.record_notification(item.platform, "failed")
            return True, Outcome(item_id=item.id, status="failed", error=str(exc))
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            if attempts >= self.max_attempts:
                log.error(
                    "outbox: message %d failed after %d attempts: %s", item.id, attempts, error
                )
                self.metrics.record_notification(item.platform, "failed")
                return True, Outcome(item_id=item.id, status="failed", error=error)
            backoff = min(self.max_backoff, self.base_backoff * 2 ** (attempts - 1))
            log.warning("outbox: message %d failed (%s); retry in %.1fs", item.id, error, backoff)
            self.metrics.record_notification(item.platform, "retried")
            when = self.clock() + timedelta(seconds=backoff)
            return True, Outcome(item_id=item.id, status="pending", retry_at=when, error=error)
        self.metrics.record_notification(item.platform, "sent")
        return True, Outcome(item_id=item.id, status="sent")

    async def _settle(self, settling: list[tuple[OutboxItem, Outcome]]) -> None:
        """Record outcomes (inside the pass's transaction)."""
        if not settling:
            return
        await self.store.outbox.settle(o for _item, o in settling if o.status != "unreachable")
        for item, outcome in settling:
            if outcome.status == "unreachable":
                await self._mark_unreachable(item, outcome.error or "")

    async def _mark_unreachable(self, item: OutboxItem, reason: str) -> None:
        await self.store.outbox.mark_final(item.id, "unreachable", reason)
        if item.binding_id is not None:
            await self.store.bindings.mark_unreachable(item.binding_id)
        else:
            await self.store.members.mark_unreachable(item.platform, item.chat_id)
        await self.store.outbox.drop_pending_for_chat(item.platform, item.chat_id, reason)
