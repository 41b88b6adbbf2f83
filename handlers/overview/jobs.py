"""The weekly overview scan. The database is the truth; APScheduler is only the clock.

Every minute :meth:`OverviewScanner.scan` takes each schedule (members sharing a zone, a
weekday and an hour), finds its latest moment and the members whose overview for that ISO
week is not settled, and settles them a page at a time: the ``group_digests`` rows (member,
week) and the outbox rows (dedupe key ``overview:{member}:{week}``) of a page are written
in one short transaction, so an overview goes out once, never twice, also across a
restart or a SIGKILL, and the write lock is held only for one page. An empty week is
settled with nothing sent. One that came due while the bot was down goes out at the next
scan (the first runs at start) during that week. What a member's overview holds is read
and rendered before the transaction; members with the same content, language and zone
share one rendering.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.upcoming import upcoming
from handlers.overview.compose import Content, Week, compose
from handlers.overview.moments import dedupe_key, overview_moment, week_key, window
from handlers.overview.render import overview
from storage import Store
from storage.db import utcnow
from storage.outbox import OutboxEntry
from storage.overview import Schedule

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

JOB_ID = "weekly-overview"
SCAN_SECONDS = 60.0
PAGE = 500  # members per transaction: a few milliseconds of write lock
YIELD_EVERY = 2  # members composed or rendered between turns of the event loop
SETTLED_FOR = 900.0  # seconds a fully settled schedule is not read again


class OverviewScanner:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        settings: Settings,
        clock: Callable[[], datetime] = utcnow,
        page: int = PAGE,
    ) -> None:
        self.store = store
        self.notifier = notifier
        self.settings = settings
        self.clock = clock
        self.page = page
        self._settled: dict[tuple[Schedule, str], float] = {}

    async def scan(self) -> int:
        """Settle every overview that is due now; returns how many were queued."""
        now = self.clock()
        queued = 0
        weeks: dict[tuple[datetime, datetime], Week] = {}
        for schedule in await self.store.overview.schedules():
            zone = ZoneInfo(schedule.timezone or self.settings.timezone)
            moment = overview_moment(now, zone, schedule.weekday, schedule.hour)
            week_name = week_key(moment)
            seen = self._settled.get((schedule, week_name))
            if seen is not None and time.monotonic() - seen < SETTLED_FOR:
                continue
            span = window(moment)
            if span not in weeks:
                weeks[span] = await self._week(*span, now)
            queued += await self._settle(schedule, zone, week_name, weeks[span])
            self._settled[(schedule, week_name)] = time.monotonic()
        if queued:
            log.info("weekly overviews: %d queued", queued)
        return queued

    async def _settle(self, schedule: Schedule, zone: ZoneInfo, week_name: str, week: Week) -> int:
        queued, after = 0, 0
        while True:
            owed = await self.store.overview.owed(schedule, week_name, after, self.page)
            if not owed:
                return queued
            after = owed[-1]
            queued += await self._settle_page(owed, zone, week_name, week)
            await asyncio.sleep(0)  # let answers through between pages

    async def _settle_page(
        self, owed: list[int], zone: ZoneInfo, week_name: str, week: Week
    ) -> int:
        readers = await self.store.overview.readers(owed)
        targets = await self.store.members.delivery_targets(owed)
        contents: dict[int, Content] = {}
        for count, member_id in enumerate(owed, 1):
            if member_id in readers:
                contents[member_id] = compose(readers[member_id], week)
            if count % YIELD_EVERY == 0:
                await asyncio.sleep(0)  # short turns: answers in flight hold the write lock
        rendered: dict[tuple[Content, str], str] = {}
        entries: dict[int, OutboxEntry] = {}
        for count, (member_id, content) in enumerate(contents.items(), 1):
            if count % YIELD_EVERY == 0:
                await asyncio.sleep(0)
            if not content.size or member_id not in targets:
                continue
            language, identity = targets[member_id]
            key = (content, language)
            if key not in rendered:
                message = overview(language, zone, week_name, week, content)
                rendered[key] = message.model_dump_json()
            entries[member_id] = OutboxEntry(
                platform=identity.platform,
                chat_id=identity.chat_id,
                payload=rendered[key],
                member_id=member_id,
                batch=f"overview:{week_name}",
                dedupe_key=dedupe_key(member_id, week_name),
            )
        counts = {m: contents[m].size if m in contents else 0 for m in owed}
        async with self.store.transaction(begins_with_write=True):
            # the claim is the "sent once" truth: only those it settles now get a row
            claimed = await self.store.overview.claim(week_name, counts)
            queued = await self.store.outbox.add(
                [entries[m] for m in owed if m in claimed and m in entries]
            )
        if queued:
            self.notifier.on_enqueue()
        return queued

    async def _week(self, since: datetime, until: datetime, now: datetime) -> Week:
        """What the week brought: every member of the schedule picks from it."""
        store = self.store
        groups = {g.id: g for g in await store.groups.list() if g.active}
        events, dates = [], {}
        for event in await store.overview.new_events(since, until):
            found = await upcoming(store, event_id=event.event_id, limit=1, now=now)
            if found:  # a past date is no news
                events.append(event)
                dates[event.event_id] = found[0]
        return Week(
            since=since,
            until=until,
            posts=await store.groups.posts_between(sorted(groups), since, until),
            events=events,
            dates=dates,
            news=await store.overview.topic_news(since, until),
            requests=await store.overview.open_requests(since, until, now),
            topics={t.id: t for t in await store.topics.list()},
            groups=groups,
        )


def install(services: Services, interval: float = SCAN_SECONDS) -> OverviewScanner:
    """Schedule the scan; its first run is right at start, which sends the overviews that
    came due while the bot was down."""
    scanner = OverviewScanner(services.store, services.notifier, services.settings)
    services.scheduler.add_job(
        scanner.scan,
        "interval",
        seconds=interval,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
    return scanner
