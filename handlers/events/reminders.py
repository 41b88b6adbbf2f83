"""Event reminders. The database is the truth; APScheduler is only the clock.

Every few seconds :meth:`ReminderScanner.scan` looks at the store: for each occurrence
that has not begun and each configured offset whose moment (start - offset) has come, the
members to remind get one outbox row each. The ``sent_reminders`` row and the outbox row
(with dedupe key ``reminder:{event}:{occurrence}:{offset}:{member}``) are written in one
transaction, so after a crash or restart a reminder is sent once and never twice, and a
reminder whose moment passed while the bot was down goes out at the next scan (the first
runs at start) as long as the event has not begun.

When several offsets are due at once for someone (the bot was down, or they answered
late) only the latest one is sent: one reminder, not a burst. A reminder is not sent for
a moment that passed before the person answered (or before the event was created).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from babel.dates import format_timedelta

from bot.calendar.recurrence import Occurrence, occurrences
from bot.delivery.notify import Notifier
from bot.i18n import format_day, t
from bot.metrics import Metrics
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events import render as event_render
from storage import Store
from storage.db import utcnow
from storage.rsvps import ReminderCandidate

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

JOB_ID = "event-reminders"
ALL_DAY_REMINDER_HOUR = 9  # all-day events are reminded of the day before, at this local hour
MAX_INTERVAL = 5.0
MIN_INTERVAL = 0.2


def scan_interval(offsets: list[timedelta]) -> float:
    """Scan often enough that a reminder is at most a quarter of the shortest offset late."""
    if not offsets:
        return MAX_INTERVAL
    return max(MIN_INTERVAL, min(MAX_INTERVAL, min(offsets).total_seconds() / 4))


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

    @property
    def offsets(self) -> list[timedelta]:
        return sorted(o for o in self.settings.reminder_offsets if o > timedelta())

    async def scan(self) -> int:
        """Queue every reminder that is due now; returns how many were queued."""
        offsets = self.offsets
        if not offsets:
            return 0
        now = self.clock()
        horizon = now + offsets[-1] + timedelta(seconds=1)
        # an all-day date is reminded of at a morning hour one or more days ahead
        all_day_horizon = now + timedelta(days=_days_ahead(offsets[-1]) + 1)
        queued = 0
        events = await self.store.events.active(now)
        overrides = await self.store.events.overrides_for([e.id for e in events])
        for event in events:
            until = all_day_horizon if event.all_day else horizon
            for occ in occurrences(event, overrides[event.id], now, until):
                if occ.start > now:
                    queued += await self._remind(occ, offsets, now)
        if self.metrics is not None:
            self.metrics.record_reminders(queued)
        return queued

    async def scan_safely(self) -> None:
        """The scheduled job: a failure is logged and the next tick tries again."""
        try:
            queued = await self.scan()
        except Exception:
            log.exception("reminder scan failed; trying again at the next tick")
            return
        if queued:
            log.info("reminders: %d queued", queued)

    async def _remind(self, occ: Occurrence, offsets: list[timedelta], now: datetime) -> int:
        """Read first, write only when someone is owed a reminder: on most ticks nothing is,
        and the scan then costs a few reads and no write transaction."""
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
        sent = await store.rsvps.sent_offsets(event.id, occ.start)
        if not _owed(occ, due, candidates, sent):
            return 0
        chosen: dict[int, timedelta] = {}
        async with store.transaction():
            # again under the write lock: the claim below is the "sent once" truth
            sent = await store.rsvps.sent_offsets(event.id, occ.start)
            for member_id, offset in _owed(occ, due, candidates, sent).items():
                if await store.rsvps.claim_reminder(event.id, occ.start, offset, member_id):
                    chosen[member_id] = offset
            queued = await self._enqueue(occ, chosen, now)
        return queued

    async def _enqueue(self, occ: Occurrence, chosen: dict[int, timedelta], now: datetime) -> int:
        by_zone: dict[str, list[int]] = {}
        for member_id in chosen:
            member = await self.store.members.get(member_id)
            if member is not None:
                by_zone.setdefault(member.timezone or self.settings.timezone, []).append(member_id)

        def dedupe(member_id: int) -> str:
            return dedupe_key(occ.event.id, occ.start, chosen[member_id], member_id)

        queued = 0
        for zone_name, ids in by_zone.items():
            render = partial(render_reminder, zone=ZoneInfo(zone_name), occ=occ, now=now)
            queued += await self.notifier.to_members(ids, render, dedupe=dedupe)
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


def _days_ahead(offset: timedelta) -> int:
    """Whole days before an all-day date: 1 for ``1d`` and for ``1h``, 2 for ``2d``."""
    return max(1, math.ceil(offset / timedelta(days=1)))


def reminder_moment(occ: Occurrence, offset: timedelta) -> datetime:
    """When the reminder ``offset`` before ``occ`` is due. An all-day date starts at
    midnight, so "an hour before" would be 23:00 the night before: it is reminded of at
    ALL_DAY_REMINDER_HOUR local time, one day (or as many as the offset spans) ahead."""
    if not occ.event.all_day:
        return occ.start - offset
    zone = ZoneInfo(occ.event.timezone)
    day = occ.start.astimezone(zone).date() - timedelta(days=_days_ahead(offset))
    return datetime.combine(day, time(ALL_DAY_REMINDER_HOUR), tzinfo=zone).astimezone(UTC)


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
        scanner.scan_safely,
        "interval",
        seconds=interval or scan_interval(scanner.offsets),
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
    return scanner
