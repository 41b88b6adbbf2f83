"""APScheduler as the clock. The database holds what is due; jobs only look at it.

A housekeeping job trims data that is no longer needed: seen update ids (platforms re-send
within a day), delivered outbox rows, conversation state left for more than a day (an
unfinished input keeps personal answers), reminder claims of dates that have begun (no
reminder can be due for them), and invitations that expired long ago.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from storage import Store
from storage.db import to_db_time, utcnow

log = logging.getLogger(__name__)

KEEP_UPDATE_IDS = timedelta(days=3)
KEEP_SENT_MESSAGES = timedelta(days=30)
KEEP_CONVERSATIONS = timedelta(days=1)
KEEP_REMINDER_CLAIMS = timedelta(days=1)  # after the date began
KEEP_EXPIRED_INVITATIONS = timedelta(days=30)


def create_scheduler() -> AsyncIOScheduler:
    return AsyncIOScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
    )


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
