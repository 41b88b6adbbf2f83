"""APScheduler as the clock. The database holds what is due; jobs only look at it.

A housekeeping job trims data that is no longer needed: seen update ids (platforms re-send
within a day), delivered outbox rows, conversation state left for more than a day (an
unfinished input keeps personal answers), reminder claims of dates that have begun (no
reminder can be due for them), and invitations that expired long ago.

A job that fails is logged here and runs again at its next time (jobs only look at what
the database says is due, and write in transactions, so nothing half-written stays): the
capabilities schedule their plain ``scan``/``tick`` methods.

On shutdown APScheduler cancels a job that is still running and logs the cancellation as
a failure with a traceback (``Job "ReminderScanner.scan" raised ... CancelledError``).
:class:`Scheduler` lets such a job finish first: it is a short database read.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from apscheduler.events import (
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
    JobSubmissionEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.metrics import Metrics
from storage import Store
from storage.db import to_db_time, utcnow

log = logging.getLogger(__name__)

KEEP_UPDATE_IDS = timedelta(days=3)
KEEP_SENT_MESSAGES = timedelta(days=30)
KEEP_CONVERSATIONS = timedelta(days=1)
KEEP_REMINDER_CLAIMS = timedelta(days=1)  # after the date began
KEEP_EXPIRED_INVITATIONS = timedelta(days=30)


STOP_GRACE = 10.0  # seconds a running job may take to finish on shutdown


class Scheduler(AsyncIOScheduler):  # type: ignore[misc]
    """The asyncio scheduler, with a shutdown that waits for running jobs."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._running: set[asyncio.Task[Any]] = set()

    def add_job(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        if inspect.iscoroutinefunction(func):
            func = self._tracked(func)
        return super().add_job(func, *args, **kwargs)

    def _tracked(self, func: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        @functools.wraps(func)
        async def run(*args: Any, **kwargs: Any) -> Any:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                return await func(*args, **kwargs)
            except Exception:  # the database is the truth: the next run picks it up again
                log.exception("scheduled job %s failed; it runs again next time", func.__qualname__)
                return None
            finally:
                if task is not None:
                    self._running.discard(task)

        return run

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """No new runs; running jobs finish (within ``grace``); then shut down."""
        if not self.running:
            return
        self.pause()
        running = set(self._running)
        if running:
            _, late = await asyncio.wait(running, timeout=grace)
            if late:
                log.warning("%d scheduled job(s) still running at shutdown; cancelled", len(late))
        self.shutdown(wait=False)
        await asyncio.sleep(0)  # the asyncio scheduler shuts down on the loop's next turn


def create_scheduler() -> Scheduler:
    return Scheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
    )


def watch_scheduler(scheduler: AsyncIOScheduler, metrics: Metrics) -> None:
    """Measure how late each job starts (a busy event loop or a blocked thread shows here)."""

    def submitted(event: JobSubmissionEvent) -> None:
        if event.scheduled_run_times:
            late = utcnow() - max(event.scheduled_run_times)
            metrics.observe_scheduler_lag(event.job_id, late.total_seconds())

    def missed(event: JobEvent) -> None:
        metrics.record_scheduler_missed(event.job_id)

    scheduler.add_listener(submitted, EVENT_JOB_SUBMITTED)
    scheduler.add_listener(missed, EVENT_JOB_MISSED)


async def stop_scheduler(scheduler: AsyncIOScheduler) -> None:
    """Stop the clock without cutting a running job short."""
    if isinstance(scheduler, Scheduler):
        await scheduler.stop()
    elif scheduler.running:
        scheduler.shutdown(wait=False)


async def housekeeping(store: Store) -> dict[str, int]:
    """Purge what is no longer needed; how many rows of each kind went."""
    now = utcnow()
    removed = {
        "update ids": await store.updates.purge_before(now - KEEP_UPDATE_IDS),
        "sent messages": await store.outbox.purge_sent_before(now - KEEP_SENT_MESSAGES),
        "stale conversations": await store.conversations.purge_older_than(
            to_db_time(now - KEEP_CONVERSATIONS) or ""
        ),
        "reminder claims": await store.rsvps.purge_reminder_claims_before(
            now - KEEP_REMINDER_CLAIMS
        ),
        "expired invitations": await store.invitations.purge_expired_before(
            now - KEEP_EXPIRED_INVITATIONS
        ),
    }
    if any(removed.values()):
        log.info(
            "housekeeping: %s removed",
            ", ".join(f"{count} {what}" for what, count in removed.items() if count),
        )
    return removed


def add_housekeeping(scheduler: AsyncIOScheduler, store: Store) -> None:
    scheduler.add_job(
        housekeeping,
        "interval",
        hours=1,
        args=[store],
        id="housekeeping",
        next_run_time=utcnow() + timedelta(seconds=30),
        replace_existing=True,
    )
