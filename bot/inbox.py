"""Runs stored updates: different chats at the same time (bounded), one chat strictly in order.

Adapters call :meth:`InboxRunner.accept` with an update's raw payload *before* they
acknowledge it to the platform; it returns once the row is committed. The runner then
hands payloads to the adapter's ``process`` callback: one task per chat with work, at
most ``concurrency`` of them running at once. A chat that waits (a 429 on its reply, a
slow API) holds only its own turn. ``process`` normally ends in :meth:`Core.handle`, which
marks the row done in the handler's transaction, and then returns True; rows it never
reaches (an update that is not for the bot, one that cannot be read) are marked done here
afterwards. At start,
:meth:`InboxRunner.resume` runs the rows left unfinished by a crash, before new ones.

When the store is full or busy (:class:`StoreUnavailable`, nothing of the try was kept)
the row stays unfinished at the head of its chat's queue and is tried again after a pause
that doubles up to ``retry_max``: the bot recovers by itself once space returns, and later
updates of that chat wait behind it, so the order holds. :meth:`InboxRunner.first_apology`
lets the adapter tell the sender once, not at every try.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable

from storage import Store, StoreUnavailable
from storage.updates import InboxRow

log = logging.getLogger(__name__)

Process = Callable[[InboxRow], Awaitable[bool | None]]
"""Handles a row; True when it marked the row done itself (in the handler's transaction)."""
_APOLOGIES_REMEMBERED = 10_000  # updates whose sender was told the store is unavailable


class InboxRunner:
    def __init__(
        self,
        store: Store,
        platform: str,
        process: Process,
        *,
        concurrency: int = 16,
        retry_first: float = 1.0,
        retry_max: float = 30.0,
    ) -> None:
        self.store = store
        self.platform = platform
        self.process = process
        self.retry_first = retry_first  # seconds before a row the store refused runs again
        self.retry_max = retry_max
        self._turns = asyncio.Semaphore(concurrency)
        self._queues: dict[str, deque[InboxRow]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._apologised: OrderedDict[str, None] = OrderedDict()

    async def accept(self, update_id: str, chat_key: str, payload: str) -> bool:
        """Store the update durably and queue it; False if it was stored before."""
        added = await self.store.updates.add(self.platform, update_id, chat_key, payload)
        if added:
            self._queue(InboxRow(self.platform, update_id, chat_key, payload))
        return added

    async def accept_many(self, rows: list[InboxRow]) -> list[InboxRow]:
        """Store several updates durably in one trip and queue them in order; those
        stored before (re-deliveries) are left out of what is returned."""
        added = await self.store.updates.add_many(rows)
        fresh = []
        for row in rows:
            if (row.platform, row.update_id) in added:
                added.discard((row.platform, row.update_id))  # twice in one batch: once
                self._queue(row)
                fresh.append(row)
        return fresh

    async def resume(self) -> int:
        """Queue every row a previous run stored but did not finish, oldest first."""
        rows = await self.store.updates.unfinished(self.platform)
        if rows:
            log.warning("%s: %d update(s) stored but not handled before; handling now",
                        self.platform, len(rows))  # fmt: skip
        for row in rows:
            self._queue(row)
        return len(rows)

    def _queue(self, row: InboxRow) -> None:
        queue = self._queues.get(row.chat_key)
        if queue is not None:  # the chat's task is running and will take it in order
            queue.append(row)
            return
        self._queues[row.chat_key] = deque([row])
        task = asyncio.create_task(self._run_chat(row.chat_key), name=f"inbox-{row.chat_key}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def first_apology(self, update_id: str) -> bool:
        """True the first time an update meets a full or busy store (its sender is told
        once, not at every try); forgotten once the update is handled."""
        if update_id in self._apologised:
            return False
        self._apologised[update_id] = None
        while len(self._apologised) > _APOLOGIES_REMEMBERED:
            self._apologised.popitem(last=False)
        return True

    async def _run_chat(self, chat_key: str) -> None:
        queue = self._queues[chat_key]
        pause = 0.0
        try:
            while queue:
                row = queue[0]
                async with self._turns:
                    handled = await self._run(row, first_try=pause == 0.0)
                if handled:
                    queue.popleft()
                    self._apologised.pop(row.update_id, None)
                    pause = 0.0
                    continue
                pause = min(self.retry_max, max(self.retry_first, pause * 2))
                await asyncio.sleep(pause)  # without the turn: other chats go on meanwhile
        finally:
            del self._queues[chat_key]

    async def _run(self, row: InboxRow, first_try: bool = True) -> bool:
        """Process the row and mark it done; False when the store was full or busy: the
        row stays unfinished (nothing of the try was kept) for another try."""
        try:
            if await self.process(row):
                return True  # marked done with its handling: no trip of its own
        except StoreUnavailable as exc:
            self._log_waiting(row, exc, first_try)
            return False
        except Exception:
            log.exception("%s: handling update %s failed", self.platform, row.update_id)
        try:
            await self.store.updates.mark_done(row.platform, row.update_id)
        except StoreUnavailable as exc:
            self._log_waiting(row, exc, first_try)
            return False
        except Exception as exc:  # the store is closing: the row runs again after restart
            log.warning("%s: could not mark update %s done: %s", self.platform, row.update_id, exc)
        return True

    def _log_waiting(self, row: InboxRow, exc: StoreUnavailable, first_try: bool) -> None:
        """One warning when an update starts waiting; each further try only at debug."""
        level = logging.WARNING if first_try else logging.DEBUG
        log.log(level, "%s: update %s waits for the store (%s); trying again",
                self.platform, row.update_id, exc)  # fmt: skip

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def idle(self, within: float = 10.0) -> None:
        """Wait until every update accepted so far has been handled (tests, shutdown)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while self._tasks and loop.time() < deadline:
            await asyncio.wait(set(self._tasks), timeout=deadline - loop.time())

    async def stop(self, within: float = 5.0) -> None:
        """Let running updates finish for a moment; the rest stay stored for the next start."""
        await self.idle(within)
        for task in list(self._tasks):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(*self._tasks, return_exceptions=True)
