"""APScheduler as the clock. The database holds what is due; jobs only look at it.

A housekeeping job trims data that is no longer needed (seen update ids, delivered
outbox rows, abandoned conversations).
"""

from __future__ import annotations

import logging
from datetime import timedelta

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
KEEP_CONVERSATIONS = timedelta(days=30)


def create_scheduler() -> AsyncIOScheduler:
    return AsyncIOScheduler(
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


async def housekeeping(store: Store) -> None:
    now = utcnow()
    updates = await store.updates.purge_before(now - KEEP_UPDATE_IDS)
    sent = await store.outbox.purge_sent_before(now - KEEP_SENT_MESSAGES)
    stale = await store.conversations.purge_older_than(to_db_time(now - KEEP_CONVERSATIONS) or "")
    if updates or sent or stale:
        log.info(
            "housekeeping: %d update ids, %d sent messages, %d stale conversations removed",
            updates,
            sent,
            stale,
        )


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
