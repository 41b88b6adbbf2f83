"""The weekly digest. The database is the truth; APScheduler is only the clock.

Members who put a group on "weekly digest" get one message per week, Monday 08:00 in
their own zone, listing the updates of the past week (Monday 08:00 to Monday 08:00) of
all their digest groups. Every minute :meth:`DigestScanner.scan` looks for members whose
latest Monday 08:00 has passed and whose digest for that ISO week is not settled yet. The
``group_digests`` row (member, week) and the outbox row (dedupe key
``group-digest:{member}:{week}``) are written in one transaction, so a digest goes out
once, never twice, also across restarts; one that came due while the bot was down goes
out at the next scan (the first runs at start) during that week. Besides the updates, a
digest lists the group's events created that week that are still ahead (members on "all"
heard of them at once; those on the digest would otherwise never). A week without updates
or new events is settled with nothing sent. A digest lists only what came after the member
chose the digest (or joined), so nothing arrives twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.calendar.recurrence import Occurrence
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.upcoming import upcoming
from handlers.groups import render
from storage import Store
from storage.db import utcnow
from storage.group_posts import Post
from storage.groups import Group, Membership

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

JOB_ID = "group-digest"
SCAN_SECONDS = 60.0
DIGEST_TIME = time(8, 0)  # Monday, in the member's zone


def digest_moment(now: datetime, zone: ZoneInfo) -> datetime:
    """The latest Monday 08:00 in ``zone`` at or before ``now`` (DST-correct)."""
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    moment = datetime.combine(monday, DIGEST_TIME, tzinfo=zone)
    if moment > local:
        moment = datetime.combine(monday - timedelta(days=7), DIGEST_TIME, tzinfo=zone)
    return moment


def week_key(moment: datetime) -> str:
    """``2026-W03``: the ISO week of the Monday a digest is sent."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def window(moment: datetime) -> tuple[datetime, datetime]:
    """The week a digest covers: the Monday 08:00 before ``moment`` up to ``moment``."""
    zone = moment.tzinfo
    start = datetime.combine(moment.date() - timedelta(days=7), DIGEST_TIME, tzinfo=zone)
    return start, moment


def dedupe_key(member_id: int, week: str) -> str:
    return f"group-digest:{member_id}:{week}"


class DigestScanner:
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
        """Settle every digest that is due now; returns how many digests were queued."""
        now = self.clock()
        by_zone: dict[str, list[int]] = {}
        for subscriber in await self.store.groups.digest_subscribers():
            zone_name = subscriber.timezone or self.settings.timezone
            by_zone.setdefault(zone_name, []).append(subscriber.member_id)
        queued = 0
        for zone_name, member_ids in by_zone.items():
            queued += await self._settle_zone(ZoneInfo(zone_name), member_ids, now)
        if queued:
            log.info("group digests: %d queued", queued)
        return queued

    async def _settle_zone(self, zone: ZoneInfo, member_ids: list[int], now: datetime) -> int:
        """Read first and write only when someone is owed a digest: on most ticks nobody is,
        and the scan costs two reads and no write transaction."""
        moment = digest_moment(now, zone)
        week = week_key(moment)
        groups = self.store.groups
        owed = await self._unsettled(week, member_ids)
        if not owed:
            return 0
        memberships = await groups.digest_memberships(owed)
        group_ids = sorted({m.group_id for ms in memberships.values() for m in ms})
        since, until = window(moment)
        posts = await groups.posts_between(group_ids, since, until)
        events = await self._new_events(group_ids, since, until, now)
        names = {g.id: g for g in await groups.list() if g.id in group_ids}
        async with self.store.transaction():
            # again under the write lock: the claim below is the "sent once" truth
            contents: dict[tuple[tuple[int, ...], tuple[int, ...]], list[int]] = {}
            for member_id in await self._unsettled(week, owed):
                mine = _posts_for(memberships.get(member_id, []), posts)
                dates = _events_for(memberships.get(member_id, []), events)
                claimed = await groups.claim_digest(member_id, week, len(mine) + len(dates))
                if claimed and (mine or dates):
                    key = (tuple(p.id for p in mine), tuple(o.event.id for o in dates))
                    contents.setdefault(key, []).append(member_id)
            by_id = {p.id: p for p in posts}
            dates_by_event = {o.event.id: o for o in events}
            queued = 0
            for (post_ids, event_ids), members in contents.items():
                sections = _sections(
                    [by_id[i] for i in post_ids], [dates_by_event[i] for i in event_ids], names
                )
                queued += await self.notifier.to_members(
                    members,
                    partial(render.digest, zone=zone, week=week, sections=sections),
                    batch=f"group-digest:{week}",
                    dedupe=lambda member_id: dedupe_key(member_id, week),
                )
        return queued

    async def _new_events(
        self, group_ids: list[int], since: datetime, until: datetime, now: datetime
    ) -> list[Occurrence]:
        """The next date of each event of these groups created in the window, if it is
        still ahead (a cancelled or past one is no news)."""
        found = []
        for event in await self.store.events.created_for_groups(group_ids, since, until):
            dates = await upcoming(self.store, event_id=event.id, limit=1, now=now)
            found += dates
        return found

    async def _unsettled(self, week: str, member_ids: list[int]) -> list[int]:
        settled = await self.store.groups.settled_digests(week, member_ids)
        return [m for m in member_ids if m not in settled]


def _posts_for(memberships: list[Membership], posts: list[Post]) -> list[Post]:
    """The posts of the member's digest groups since they chose the digest."""
    since = {m.group_id: m.level_since for m in memberships}
    return [p for p in posts if p.group_id in since and p.created_at >= since[p.group_id]]


def _events_for(memberships: list[Membership], events: list[Occurrence]) -> list[Occurrence]:
    """The new events of the member's digest groups since they chose the digest."""
    since = {m.group_id: m.level_since for m in memberships}
    return [
        o
        for o in events
        if o.event.group_id in since and o.event.created_at >= since[o.event.group_id]
    ]


def _sections(
    posts: list[Post], events: list[Occurrence], groups: dict[int, Group]
) -> list[render.DigestSection]:
    by_group: dict[int, render.DigestSection] = {}
    for post in posts:
        section = by_group.setdefault(post.group_id, render.DigestSection(groups[post.group_id]))
        section.posts.append(post)
    for occ in events:
        gid = occ.event.group_id
        assert gid is not None
        by_group.setdefault(gid, render.DigestSection(groups[gid])).events.append(occ)
    ordered = sorted(by_group, key=lambda gid: groups[gid].name.casefold())
    return [by_group[gid] for gid in ordered]


def install(services: Services, interval: float = SCAN_SECONDS) -> DigestScanner:
    """Schedule the scan; its first run is right at start, which sends the digests that
    came due while the bot was down."""
    scanner = DigestScanner(services.store, services.notifier, services.settings)
    services.scheduler.add_job(
        scanner.scan,
        "interval",
        seconds=interval,
        id=JOB_ID,
        next_run_time=utcnow(),
        replace_existing=True,
    )
    return scanner
