"""The scheduler's part: the database says what is due, APScheduler is only the clock.

Every second the tick sends the scheduled broadcasts whose time has come (the first tick
runs at start, so one missed while the bot was down goes out then, with a note to the
admin) and reports the broadcasts whose last outbox row became final.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.broadcast.service import BroadcastService
from storage.db import utcnow

if TYPE_CHECKING:
    from bot.services import Services


JOB_ID = "broadcasts"
INTERVAL = 1.0


def install(services: Services, interval: float = INTERVAL) -> BroadcastService:
    service = BroadcastService(services.store, services.notifier, services.settings)
    services.scheduler.add_job(
        service.tick,
        "interval",
        seconds=interval,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
    return service
