"""Event reminders. The database is the truth; APScheduler is only the clock.

Every date carries its next reminder moment (``event_dates.remind_at``, see
:mod:`handlers.events.dates`), so each scan is one index lookup for the dates whose moment
has come: on most ticks none, and the scan costs a fraction of a millisecond, so it runs
every second. For each such date that has not begun, the members to remind get one outbox
row each; their ``sent_reminders`` rows (the "sent once" truth) and outbox rows (with dedupe
key ``reminder:{event}:{occurrence}:{offset}:{member}``) are written together, a few
hundred members per short transaction, so after a crash or restart a reminder is sent once
and never twice, and answers to other members are never held up for long. Then the date's
moment moves on to its next one. A reminder whose moment passed while the bot was down goes
out at the next scan (the first runs at start) as long as the event has not begun.

When several offsets are due at once for someone (the bot was down, or they answered
late) only the latest one is sent: one reminder, not a burst. A reminder is not sent for
a moment that passed before the person answered (or before the event was created).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from babel.dates import format_timedelta

from bot.calendar.recurrence import Occurrence
from bot.delivery.notify import Notifier
from bot.i18n import format_day, t
from bot.metrics import Metrics
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events import render as event_render
from handlers.events.dates import as_occurrence, reminder_offsets
from handlers.events.moments import ALL_DAY_REMINDER_HOUR, next_moment, reminder_moment
from storage import Store
from storage.db import utcnow
from storage.rsvps import ReminderCandidate

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

__all__ = ["ALL_DAY_REMINDER_HOUR", "ReminderScanner", "install", "reminder_moment"]

JOB_ID = "event-reminders"
INTERVAL = 1.0  # seconds between scans: a reminder is queued at most about this late
DUE_PAGE = 100  # dates looked at per query
CLAIM_BATCH = 400  # members claimed and queued per transaction (tens of milliseconds)


def dedupe_key(event_id: int, start: datetime, offset: timedelta, member_id: int) -> str:
    stamp = start.strftime("%Y%m%dT%H%M%SZ")
    return f"reminder:{event_id}:{stamp}:{int(offset.total_seconds())}:{member_id}"


class ReminderScanner:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        settings: Settings,
        clock: Callable[[], datetime] = utcnow,
        metrics: Metrics | None = None,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self.settings = settings
        self.clock = clock
        self.metrics = metrics
        self.longest_write = 0.0  # seconds the longest claim transaction took (benchmark)

    @property
    def offsets(self) -> list[timedelta]:
        return reminder_offsets(self.settings)

    async def scan(self) -> int:
        """Queue every reminder that is due now; returns how many were queued."""
        offsets = self.offsets
        if not offsets:
            return 0
        now = self.clock()
        queued = 0
        while True:
            due = await self.store.dates.due_reminders(now, DUE_PAGE)
            for event, date in due:
                occ = as_occurrence(event, date)
                if not occ.cancelled and occ.start > now:
                    queued += await self._remind(occ, offsets, now)
                later = None if occ.cancelled else next_moment(occ, offsets, now)
                if later is not None and later >= occ.start:
                    later = None  # begun by then: nothing more to remind of
                await self.store.dates.set_remind_at(event.id, date.occurrence, later)
            if len(due) < DUE_PAGE:
                break
        if self.metrics is not None:
            self.metrics.record_reminders(queued)
        if queued:
            log.info("reminders: %d queued", queued)
        return queued

    async def _remind(self, occ: Occurrence, offsets: list[timedelta], now: datetime) -> int:
        """Read who is owed a reminder, then claim and queue them a batch at a time."""
        due = [o for o in offsets if reminder_moment(occ, o) <= now]  # smallest offset first
        if not due:
            return 0
        event, store = occ.event, self.store
        topic_ids = await store.events.topic_ids(event.id)
        candidates = await store.rsvps.reminder_candidates(
            event.id, occ.key, topic_ids, event.created_at
        )
        if not candidates:
            return 0
        owed = _owed(occ, due, candidates, await store.rsvps.sent_offsets(event.id, occ.start))
        render = partial(render_reminder, occ=occ, now=now)
        queued = 0
        members = list(owed)
        for start in range(0, len(members), CLAIM_BATCH):
            chunk = [(m, owed[m]) for m in members[start : start + CLAIM_BATCH]]
            began = asyncio.get_running_loop().time()
            async with store.transaction():
                # the claim is the "sent once" truth: only members claimed now are queued
                claimed = await store.rsvps.claim_reminders(event.id, occ.start, chunk)

                def dedupe(member_id: int, claimed: dict[int, timedelta] = claimed) -> str:
                    return dedupe_key(event.id, occ.start, claimed[member_id], member_id)

                queued += await self.notifier.to_members_zoned(
                    claimed, render, self.settings.timezone, dedupe=dedupe
                )
            took = asyncio.get_running_loop().time() - began
            self.longest_write = max(self.longest_write, took)
            await asyncio.sleep(0)  # others' transactions between batches
        return queued


def _owed(
    occ: Occurrence,
    due: list[timedelta],
    candidates: list[ReminderCandidate],
    sent: dict[int, set[int]],
) -> dict[int, timedelta]:
    """Who gets which reminder now: the latest due moment after they answered, unless that
    one or a later one went out already."""
    owed: dict[int, timedelta] = {}
    for candidate in candidates:
        wanted = [o for o in due if reminder_moment(occ, o) >= candidate.since]
        if not wanted:
            continue
        offset = wanted[0]
        if any(s <= offset.total_seconds() for s in sent.get(candidate.member_id, ())):
            continue  # this one, or a later one, went out already
        owed[candidate.member_id] = offset
    return owed


def render_reminder(lang: str, zone: ZoneInfo, occ: Occurrence, now: datetime) -> Outgoing:
    if occ.event.all_day:
        day = format_day(event_render.all_day_dates(occ)[0], lang)
        lead = t(lang, "events.reminder_text_all_day", day=day)
    else:
        left = format_timedelta(
            occ.start - now,
            threshold=1.1,
            add_direction=True,
            locale="de_DE" if lang == "de" else "en",
        )
        lead = t(lang, "events.reminder_text", left=left)
    return Outgoing(
        title=t(lang, "events.reminder_title", title=occ.event.title),
        text=lead + "\n\n" + event_render.details(lang, zone, occ),
        buttons=event_render.rsvp_buttons(lang, occ)[:1],
    )


def install(services: Services, interval: float | None = None) -> ReminderScanner:
    """Schedule the scan on the app's scheduler; its first run is right at start, which
    sends the reminders that came due while the bot was down."""
    scanner = ReminderScanner(
        services.store, services.notifier, services.settings, metrics=services.metrics
    )
    services.scheduler.add_job(
        scanner.scan,
        "interval",
        seconds=interval or INTERVAL,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
        max_instances=1,
        coalesce=True,
    )
    return scanner
