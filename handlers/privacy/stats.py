"""``/stats`` for the network team and ``knotenpunkt stats``: members by region and platform,
new members per month, subscriptions per topic, the next events with their answers,
deliveries of the last seven days, and accounts unreachable past the retention period
(with a button to erase them). :func:`collect` is shared by chat, CLI and dashboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel

from bot.context import Context
from bot.delivery.notify import Notifier
from bot.i18n import format_datetime, t
from bot.models import Outgoing
from bot.router import Access, Router, Section
from bot.settings import Settings
from handlers.cooperation.service import CooperationService
from handlers.events.upcoming import upcoming
from handlers.members.render import region_label
from handlers.privacy.render import platform_label
from storage import Store
from storage.cooperation import MonthCounts
from storage.db import utcnow

MONTHS = 12
EVENTS = 5
DELIVERY_DAYS = 7
COOPERATION_MONTHS = 6


class EventCounts(BaseModel):
    event_id: int
    title: str
    start: datetime
    capacity: int | None
    yes: int
    waitlist: int
    maybe: int
    no: int


class NetworkStats(BaseModel):
    generated_at: datetime
    members_by_status: dict[str, int]
    members_by_region: list[tuple[str, int]]
    members_by_platform: list[tuple[str, int]]
    new_members_per_month: list[tuple[str, int]]
    subscriptions_per_topic: list[tuple[str, int]]
    group_sizes: list[tuple[str, int]]
    cooperation_per_month: list[MonthCounts]  # the network's proof of value to its funders
    upcoming_events: list[EventCounts]
    deliveries_last_7_days: dict[str, int]
    retention_days: int
    unreachable_accounts: int  # unreachable for longer than the retention period
    unreachable_members: int  # of those, members with no other reachable account


async def collect(store: Store, settings: Settings, now: datetime | None = None) -> NetworkStats:
    now = now or utcnow()
    events = []
    for occ in await upcoming(store, limit=EVENTS, now=now):
        counts = await store.stats.rsvp_counts(occ.event.id, occ.key)
        events.append(
            EventCounts(
                event_id=occ.event.id,
                title=occ.event.title,
                start=occ.start,
                capacity=occ.event.capacity,
                **counts,
            )
        )
    year, month = now.year, now.month - (MONTHS - 1)
    if month <= 0:
        year, month = year - 1, month + 12
    cutoff = now - timedelta(days=settings.unreachable_retention_days)
    stale = await store.privacy.stale_identities(cutoff)
    return NetworkStats(
        generated_at=now,
        members_by_status=await store.stats.members_by_status(),
        members_by_region=await store.stats.members_by_region(),
        members_by_platform=await store.stats.members_by_platform(),
        new_members_per_month=await store.stats.new_members_per_month(
            datetime(year, month, 1, tzinfo=UTC)
        ),
        subscriptions_per_topic=await store.stats.subscriptions_per_topic(),
        group_sizes=await store.stats.group_sizes(),
        cooperation_per_month=await CooperationService(
            store, Notifier(store, settings.language), settings, clock=lambda: now
        ).monthly_stats(COOPERATION_MONTHS),
        upcoming_events=events,
        deliveries_last_7_days=await store.stats.deliveries_since(
            now - timedelta(days=DELIVERY_DAYS)
        ),
        retention_days=settings.unreachable_retention_days,
        unreachable_accounts=len(stale),
        unreachable_members=len({s.member_id for s in stale if not s.reachable_elsewhere}),
    )


def _pairs(pairs: list[tuple[str, int]], label: Callable[[str], str] = str) -> str:
    if not pairs:
        return "  –"
    return "\n".join(f"  {label(key)}: {count}" for key, count in pairs)


def render(lang: str, settings: Settings, stats: NetworkStats) -> str:
    """The overview as text (chat in the reader's language, CLI in English)."""
    zone = settings.zone
    status = stats.members_by_status
    events = [
        t(
            lang,
            "privacy.stats_event",
            title=e.title,
            when=format_datetime(e.start, lang, zone),
            yes=e.yes,
            capacity=f"/{e.capacity}" if e.capacity else "",
            waitlist=e.waitlist,
            maybe=e.maybe,
            no=e.no,
        )
        for e in stats.upcoming_events
    ]
    deliveries = stats.deliveries_last_7_days
    sections = [
        t(
            lang,
            "privacy.stats_members",
            active=status.get("active", 0),
            pending=status.get("pending", 0),
            rejected=status.get("rejected", 0),
        ),
        t(lang, "privacy.stats_regions")
        + "\n"
        + _pairs(stats.members_by_region, lambda r: region_label(lang, r)),
        t(lang, "privacy.stats_platforms")
        + "\n"
        + _pairs(stats.members_by_platform, lambda p: platform_label(lang, p)),
        t(lang, "privacy.stats_months") + "\n" + _pairs(stats.new_members_per_month),
        t(lang, "privacy.stats_topics") + "\n" + _pairs(stats.subscriptions_per_topic),
        t(lang, "privacy.stats_groups") + "\n" + _pairs(stats.group_sizes),
        t(lang, "privacy.stats_cooperation")
        + "\n"
        + "\n".join(
            t(lang, "privacy.stats_cooperation_month", **c.model_dump())
            for c in stats.cooperation_per_month
        ),
        t(lang, "privacy.stats_events") + "\n" + ("\n".join(events) or "  –"),
        t(
            lang,
            "privacy.stats_deliveries",
            days=DELIVERY_DAYS,
            sent=deliveries.get("sent", 0),
            pending=deliveries.get("pending", 0) + deliveries.get("sending", 0),
            failed=deliveries.get("failed", 0),
            unreachable=deliveries.get("unreachable", 0),
        ),
        t(
            lang,
            "privacy.stats_stale",
            days=stats.retention_days,
            accounts=stats.unreachable_accounts,
            members=stats.unreachable_members,
        ),
    ]
    return "\n\n".join(sections)


def register(router: Router) -> None:
    @router.command(
        "stats",
        "statistik",
        access=Access.ADMIN,
        help_key="privacy.help_stats",
        section=Section.PEOPLE,
    )
    async def show(ctx: Context, args: str) -> Outgoing:
        stats = await collect(ctx.store, ctx.settings)
        buttons = []
        if stats.unreachable_accounts:
            buttons.append([ctx.button("privacy.btn_stale", "privacy.stale")])
        return Outgoing(
            title=ctx.t("privacy.stats_title", network=ctx.settings.network_name),
            text=render(ctx.lang, ctx.settings, stats),
            buttons=buttons,
        )
