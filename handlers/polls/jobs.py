"""The scheduler's part: the database says what is due, APScheduler is only the clock.

Each tick sends the reminders that are due (once: claimed with their outbox rows), ends
the polls whose deadline has passed (the organiser gets the dates to pick from, once),
and queues the organiser's tally of polls with new votes, at most once every few
seconds per poll however many votes arrive. What came due while the bot was down
happens at the first tick, right at start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.polls.service import PollService
from storage import Store
from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

JOB_ID = "date-polls"
INTERVAL = 2.0


class PollJobs:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        settings: Settings,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.service = PollService(store, notifier, settings, "scheduler")
        self.store = store
        self.clock = clock

    async def tick(self) -> tuple[int, int, int]:
        """(reminders queued, polls ended, tallies queued)."""
        now = self.clock()
        reminded = ended = 0
        for poll_id in await self.store.polls.due_reminders(now):
            reminded += await self.service.remind(poll_id, now)
        for poll_id in await self.store.polls.due_ends(now):
            ended += int(await self.service.end(poll_id, now))
        tallies = await self.service.flush_tallies(now)
        if reminded or ended:
            log.info("date polls: %d reminders, %d ended", reminded, ended)
        return reminded, ended, tallies


def install(services: Services, interval: float = INTERVAL) -> PollJobs:
    jobs = PollJobs(services.store, services.notifier, services.settings)
    services.scheduler.add_job(
        jobs.tick,
        "interval",
        seconds=interval,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
    return jobs
