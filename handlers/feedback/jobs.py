"""Asking for feedback. The database is the truth; APScheduler is only the clock.

Each scan looks for dates that ended at least ``KNOTENPUNKT_FEEDBACK_DELAY`` ago (and not
more than :data:`LOOKBACK` before that: a date from long ago is not asked about when the
bot comes back) and asks the members owed a request (see
:meth:`storage.feedback.FeedbackRepository.owed`). A request's ``feedback_requests`` row
and its outbox row are written in one transaction, so after a crash or a restart each
member is asked once per date, never twice. What came due while the bot was down is asked
at the first scan, right at start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from itertools import groupby
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.calendar.recurrence import Occurrence
from bot.delivery.notify import Notifier
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events.dates import as_occurrence
from handlers.feedback import render
from storage import Store
from storage.db import from_db_time, utcnow

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

JOB_ID = "event-feedback"
INTERVAL = 30.0  # seconds between scans
LOOKBACK = timedelta(days=3)  # dates that ended longer before are not asked about
CHANGEABLE = timedelta(days=7)  # how long an answer may change after the request
BATCH = 400  # requests claimed per query and transaction


def dedupe_key(event_id: int, occurrence: str, member_id: int) -> str:
    return f"feedback:{event_id}:{occurrence}:{member_id}"


class FeedbackAsker:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        settings: Settings,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self.settings = settings
        self.clock = clock

    async def scan(self) -> int:
        """Ask everyone owed a request now; returns how many messages were queued."""
        now = self.clock()
        upto = now - self.settings.feedback_delay
        queued = 0
        while True:
            owed = await self.store.feedback.owed(upto, upto - LOOKBACK, BATCH)
            for (event_id, occurrence), asks in groupby(owed, key=lambda a: (a[0], a[1])):
                queued += await self._ask(event_id, occurrence, [a[2] for a in asks], now)
            if len(owed) < BATCH:
                break
        if queued:
            log.info("feedback: %d requests queued", queued)
        return queued

    async def _ask(self, event_id: int, occurrence: str, members: list[int], now: datetime) -> int:
        dated = await self.store.dates.get(event_id, from_db_time(occurrence))
        until = now + CHANGEABLE
        async with self.store.transaction():
            claimed = await self.store.feedback.claim(
                [(event_id, occurrence, m) for m in members], now, until
            )
            if dated is None or not claimed:
                return 0
            occ = as_occurrence(*dated)

            def dedupe(member_id: int) -> str:
                return dedupe_key(event_id, occurrence, member_id)

            return await self.notifier.to_members_zoned(
                [m for _e, _o, m in claimed],
                partial(_request, occ=occ, until=until),
                self.settings.timezone,
                dedupe=dedupe,
            )


def _request(lang: str, zone: ZoneInfo, occ: Occurrence, until: datetime) -> Outgoing:
    return render.request(lang, zone, occ, until)


def install(services: Services, interval: float | None = None) -> FeedbackAsker:
    """Schedule the scan; its first run is right at start."""
    asker = FeedbackAsker(services.store, services.notifier, services.settings)
    services.scheduler.add_job(
        asker.scan,
        "interval",
        seconds=interval or INTERVAL,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
        max_instances=1,
        coalesce=True,
    )
    return asker
