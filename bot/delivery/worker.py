"""Moves rows from the outbox to the platforms, within rate limits, with retries.

The worker wakes at once when rows are added in this process and polls for rows added by
other processes (the CLI). Rows for one chat go out one at a time, in order. A crash
between ``sending`` and ``sent`` makes that row go again after the restart: only messages
in flight at a crash can be duplicated.
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
from storage.outbox import OutboxItem

log = logging.getLogger(__name__)


class DeliveryWorker:
    def __init__(
        self,
        store: Store,
        adapters: Mapping[str, Adapter],
        limiter: RateLimiter,
        *,
        concurrency: int = 8,
        poll_interval: float = 1.0,
        max_attempts: int = 8,
        base_backoff: float = 2.0,
        max_backoff: float = 900.0,
        clock: Callable[[], datetime] = utcnow,
        metrics: Metrics | None = None,
    ) -> None:
        self.store = store
        self.metrics = metrics or Metrics()
        self.adapters = dict(adapters)
        self.limiter = limiter
        self.poll_interval = poll_interval
        self.max_attempts = max_attempts
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self.clock = clock
        self._slots = asyncio.Semaphore(concurrency)
        self._wakeup = asyncio.Event()
        self._in_flight: dict[int, str] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self.task: asyncio.Task[None] | None = None  # the dispatch loop; health looks at it
        self._stopping = False

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
        if self._tasks:
            _done, pending = await asyncio.wait(self._tasks, timeout=drain_seconds)
            for task in pending:
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.gather(*pending, return_exceptions=True)
            if pending:
                reset = await self.store.outbox.reset_in_flight()
                log.warning("outbox: %d send(s) cut off by the stop; they go again", reset)

    async def drain(self, within: float = 10.0) -> None:
        """Wait until nothing is due now and nothing is in flight (for tests and the console)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while loop.time() < deadline:
            due = await self.store.outbox.due(self.clock(), 1, self._in_flight.keys())
            due = [i for i in due if i.platform in self.adapters]
            if not due and not self._in_flight:
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
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=wait)

    async def _dispatch_due(self) -> float:
        """Start sends for every due row we may send now; return how long to sleep."""
        wait = self.poll_interval
        items = await self.store.outbox.due(self.clock(), 200, self._in_flight.keys())
        busy_chats = set(self._in_flight.values())
        for item in items:
            adapter = self.adapters.get(item.platform)
            chat = f"{item.platform}:{item.chat_id}"
            if adapter is None or chat in busy_chats:
                continue
            busy_chats.add(chat)  # later rows for this chat wait for this one: order kept
            delay = self.limiter.acquire(item.platform, item.chat_kind, item.chat_id)
            if delay > 0:
                wait = min(wait, delay)
                continue
            self._in_flight[item.id] = chat
            task = asyncio.create_task(self._deliver(adapter, item))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        next_due = await self.store.outbox.next_due_at()
        if next_due is not None:
            wait = min(wait, max(0.0, (next_due - self.clock()).total_seconds()))
        return max(wait, 0.005)

    async def _deliver(self, adapter: Adapter, item: OutboxItem) -> None:
        called = False
        try:
            async with self._slots:
                if self._stopping:
                    return  # stopping: the row stays pending for the next start
                if self.limiter.paused_for(item.platform) > 0:
                    return  # a 429 came in since dispatch: the row stays pending
                if not await self.store.outbox.mark_sending(item.id):
                    return
                with log_context(platform=item.platform, chat_kind=item.chat_kind):
                    called = await self._send_and_record(adapter, item)
        finally:
            self.limiter.finished(item.platform, item.chat_kind, item.chat_id, called=called)
            self._in_flight.pop(item.id, None)
            self._wakeup.set()

    async def _send_and_record(self, adapter: Adapter, item: OutboxItem) -> bool:
        """Send one row and record the outcome; False if the platform was not called."""
        outbox = self.store.outbox
        attempts = item.attempts + 1
        paused = self.limiter.paused_for(item.platform)
        if paused > 0:  # checked immediately before the call: after a 429 nothing goes out
            when = self.clock() + timedelta(seconds=paused)
            await outbox.retry_at(item.id, when, "platform paused", count_attempt=False)
            return False
        try:
            message = Outgoing.model_validate_json(item.payload)
            await adapter.send(item.chat_id, ChatKind(item.chat_kind), message)
        except RetryAfter as exc:
            log.warning("outbox: %s asked to wait %.1fs", item.platform, exc.seconds)
            self.metrics.record_rate_limited(item.platform)
            self.metrics.record_notification(item.platform, "retried")
            self.limiter.pause(item.platform, exc.seconds)
            when = self.clock() + timedelta(seconds=exc.seconds)
            await outbox.retry_at(item.id, when, str(exc), count_attempt=False)
        except Unreachable as exc:
            log.info("outbox: %s:%s unreachable: %s", item.platform, item.chat_id, exc)
            self.metrics.record_notification(item.platform, "unreachable")
            await self._mark_unreachable(item, str(exc))
        except PermanentFailure as exc:
            log.error("outbox: message %d refused: %s", item.id, exc)
            self.metrics.record_notification(item.platform, "failed")
            await outbox.mark_final(item.id, "failed", str(exc))
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            if attempts >= self.max_attempts:
                log.error(
                    "outbox: message %d failed after %d attempts: %s", item.id, attempts, error
                )
                await outbox.mark_final(item.id, "failed", error)
                self.metrics.record_notification(item.platform, "failed")
            else:
                backoff = min(self.max_backoff, self.base_backoff * 2 ** (attempts - 1))
                log.warning(
                    "outbox: message %d failed (%s); retry in %.1fs", item.id, error, backoff
                )
                await outbox.retry_at(item.id, self.clock() + timedelta(seconds=backoff), error)
                self.metrics.record_notification(item.platform, "retried")
        else:
            await outbox.mark_sent(item.id)
            self.metrics.record_notification(item.platform, "sent")
        return True

    async def _mark_unreachable(self, item: OutboxItem, reason: str) -> None:
        async with self.store.transaction():
            await self.store.outbox.mark_final(item.id, "unreachable", reason)
            if item.binding_id is not None:
                await self.store.bindings.mark_unreachable(item.binding_id)
            else:
                await self.store.members.mark_unreachable(item.platform, item.chat_id)
            await self.store.outbox.drop_pending_for_chat(item.platform, item.chat_id, reason)
