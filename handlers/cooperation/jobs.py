"""The scheduler's part: the database says what is due, APScheduler is only the clock.

Every tick closes the open requests whose expiry has passed (the author is told) and asks
the authors of requests open for two weeks whether theirs is still open. Each is claimed
in the store (status ``expired``, ``asked_at``) in the same transaction as its outbox row,
with a dedupe key, so it happens once, also across restarts; what came due while the bot
was down happens at the first tick, right at start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.delivery.notify import Notifier
from handlers.cooperation import render
from storage import Store
from storage.cooperation import CooperationRequest
from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

JOB_ID = "cooperation-requests"
INTERVAL = 60.0
ASK_AFTER = timedelta(weeks=2)


class RequestJobs:
    def __init__(
        self, store: Store, notifier: Notifier, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.store = store
        self.notifier = notifier
        self.clock = clock

    async def tick(self) -> tuple[int, int]:
        """Expire what is due, then ask what is due; returns (expired, asked)."""
        now = self.clock()
        expired = asked = 0
        for request in await self.store.cooperation.expired_open(now):
            expired += await self._expire(request, now)
        for request in await self.store.cooperation.due_questions(now - ASK_AFTER, now):
            asked += await self._ask(request, now)
        if expired or asked:
            log.info("cooperation requests: %d expired, %d authors asked", expired, asked)
        return expired, asked

    async def _expire(self, request: CooperationRequest, now: datetime) -> int:
        async with self.store.transaction():
            if not await self.store.cooperation.close(request.id, "expired", now, None):
                return 0  # closed meanwhile
            await self.store.audit.record("cooperation.expired", None, request_id=request.id)
            await self.notifier.to_members(
                [request.author_id],
                lambda lang: render.author_note(lang, "cooperation.expired_note", request),
                dedupe=lambda member_id: f"cooperation:expired:{request.id}",
            )
        return 1

    async def _ask(self, request: CooperationRequest, now: datetime) -> int:
        async with self.store.transaction():
            if not await self.store.cooperation.claim_question(request.id, now):
                return 0
            interested = len(await self.store.cooperation.interested(request.id))
            await self.notifier.to_members(
                [request.author_id],
                lambda lang: render.question(lang, request, interested),
                dedupe=lambda member_id: f"cooperation:asked:{request.id}",
            )
        return 1


def install(services: Services, interval: float = INTERVAL) -> RequestJobs:
    jobs = RequestJobs(services.store, services.notifier)
    services.scheduler.add_job(
        jobs.tick,
        "interval",
        seconds=interval,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
    return jobs
