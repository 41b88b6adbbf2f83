"""``/stats`` for the network team and ``knotenpunkt stats``: members by region and platform,
new members per month, subscriptions per topic, the next events with their answers,
deliveries of the last seven days, and accounts unreachable past the retention period
(with a button to erase them). :func:`collect` is shared by chat, CLI and dashboard.

In chat the first screen holds what staff look at most (:func:`summary`); the rest is
behind buttons, one section each, so it fits a phone's screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial

from babel.numbers import format_decimal
from pydantic import BaseModel

from bot.context import Context
from bot.delivery.notify import Notifier
from bot.i18n import format_datetime, format_day, format_month, t
from bot.models import Button, Outgoing
from bot.router import Access, Router, Section
from bot.settings import Settings
from handlers.cooperation.service import CooperationService
from handlers.events.figures import Period, figures_for, quarter_of
from handlers.events.render import all_day_dates
from handlers.events.upcoming import upcoming
from handlers.members.render import region_label
from handlers.privacy.render import platform_label
from storage import Store
from storage.cooperation import MonthCounts
from storage.db import utcnow
from storage.event_figures import Aggregate

MONTHS = 12
EVENTS = 5
DELIVERY_DAYS = 7
COOPERATION_MONTHS = 6


class EventCounts(BaseModel):
    event_id: int
    title: str
    start: datetime
    capacity: int | None
    day: date | None = None  # the (first) day of an all-day event; None when it has a time
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
    topic_levels: list[tuple[str, int, int, int]] = []  # name, all, digest, muted
    cooperation_per_month: list[MonthCounts]  # the network's proof of value to its funders
    upcoming_events: list[EventCounts]
    deliveries_last_7_days: dict[str, int]
    retention_days: int
    unreachable_accounts: int  # unreachable for longer than the retention period
    unreachable_members: int  # of those, members with no other reachable account
    polls: dict[str, int] = {}  # date polls by state, people asked and those who answered
    # the current quarter's events so far: whom they reached (issue 28)
    events_period: Period | None = None
    events_reached: Aggregate | None = None


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
                day=all_day_dates(occ)[0] if occ.event.all_day else None,
                capacity=occ.event.capacity,
                **counts,
            )
        )
    year, month = now.year, now.month - (MONTHS - 1)
    if month <= 0:
        year, month = year - 1, month + 12
    cutoff = now - timedelta(days=settings.unreachable_retention_days)
    stale = await store.privacy.stale_identities(cutoff)
    quarter = quarter_of(now.astimezone(settings.zone).date())
    reached = await figures_for(store, quarter, settings.zone, now)
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
        topic_levels=await store.stats.levels_per_topic(),
        cooperation_per_month=await CooperationService(
            store, Notifier.from_settings(store, settings), settings, clock=lambda: now
        ).monthly_stats(COOPERATION_MONTHS),
        upcoming_events=events,
        deliveries_last_7_days=await store.stats.deliveries_since(
            now - timedelta(days=DELIVERY_DAYS)
        ),
        retention_days=settings.unreachable_retention_days,
        unreachable_accounts=len(stale),
        unreachable_members=len({s.member_id for s in stale if not s.reachable_elsewhere}),
        polls=await store.polls.counts(),
        events_period=quarter,
        events_reached=reached.total,
    )


SECTIONS = ("members", "topics", "cooperation", "polls")
"""What stays behind buttons: the first screen answers the usual question (how many
members, who comes to the next events, did the messages go out)."""


def _pairs(pairs: list[tuple[str, int]], label: Callable[[str], str] = str) -> str:
    if not pairs:
        return "  –"
    return "\n".join(f"  {label(key)}: {count}" for key, count in pairs)


def _levels(lang: str, rows: list[tuple[str, int, int, int]]) -> str:
    if not rows:
        return "  –"
    return "\n".join(
        "  " + t(lang, "privacy.stats_topic_level", topic=name, all=a, digest=d, muted=m)
        for name, a, d, m in rows
    )


def _event_line(lang: str, settings: Settings, e: EventCounts) -> str:
    if e.day is not None:  # all day: the day, not a midnight
        when = f"{format_day(e.day, lang)}, {t(lang, 'events.all_day')}"
    else:
        when = format_datetime(e.start, lang, settings.zone)
    return t(
        lang,
        "privacy.stats_event",
        title=e.title,
        when=when,
        yes=e.yes,
        capacity=f"/{e.capacity}" if e.capacity else "",
        waitlist=e.waitlist,
        maybe=e.maybe,
        no=e.no,
    )


def events_reached(lang: str, period: Period, total: Aggregate) -> str:
    """The quarter's events in one line: dates, whom they reached, the rating."""
    counts = total.model_dump(
        include={"dates", "people", "companies", "regions", "checked_in", "walk_ins", "no_shows"}
    )
    line = t(lang, "figures.stats", period=period.label(lang), **counts)
    if total.stars_average is None:
        return f"{line}; {t(lang, 'figures.stats_no_feedback')}"
    locale = "de_DE" if lang == "de" else "en_GB"
    average = format_decimal(total.stars_average, format="0.0", locale=locale)
    return f"{line}; {t(lang, 'figures.stats_feedback', average=average, count=total.feedback)}"


def summary(lang: str, settings: Settings, stats: NetworkStats) -> str:
    """The first screen: members, the next events with their answers, deliveries, and
    accounts to erase when there are any."""
    status = stats.members_by_status
    this_month = f"{stats.generated_at:%Y-%m}"  # the store counts UTC months
    new = dict(stats.new_members_per_month).get(this_month, 0)
    deliveries = stats.deliveries_last_7_days
    events = [_event_line(lang, settings, e) for e in stats.upcoming_events]
    sections = [
        t(
            lang,
            "privacy.stats_members",
            active=status.get("active", 0),
            pending=status.get("pending", 0),
            rejected=status.get("rejected", 0),
        )
        + "\n"
        + t(lang, "privacy.stats_new", month=format_month(this_month, lang), count=new),
        t(lang, "privacy.stats_events") + "\n" + ("\n".join(events) or "  –"),
        *(
            [events_reached(lang, stats.events_period, stats.events_reached)]
            if stats.events_period is not None and stats.events_reached is not None
            else []
        ),
        t(
            lang,
            "privacy.stats_deliveries",
            days=DELIVERY_DAYS,
            sent=deliveries.get("sent", 0),
            pending=deliveries.get("pending", 0) + deliveries.get("sending", 0),
            failed=deliveries.get("failed", 0),
            unreachable=deliveries.get("unreachable", 0),
        ),
    ]
    if stats.unreachable_accounts:
        sections.append(
            t(
                lang,
                "privacy.stats_stale",
                days=stats.retention_days,
                accounts=stats.unreachable_accounts,
                members=stats.unreachable_members,
            )
        )
    return "\n\n".join(sections)


def section(lang: str, stats: NetworkStats, name: str) -> str:
    """One of :data:`SECTIONS`: the figures behind a button."""
    if name == "members":
        blocks = [
            ("privacy.stats_regions", _pairs(stats.members_by_region, partial(region_label, lang))),
            (
                "privacy.stats_platforms",
                _pairs(stats.members_by_platform, partial(platform_label, lang)),
            ),
            (
                "privacy.stats_months",
                _pairs(stats.new_members_per_month, lambda m: format_month(m, lang)),
            ),
        ]
    elif name == "topics":
        blocks = [
            ("privacy.stats_topics", _pairs(stats.subscriptions_per_topic)),
            ("privacy.stats_topic_levels", _levels(lang, stats.topic_levels)),
            ("privacy.stats_groups", _pairs(stats.group_sizes)),
        ]
    elif name == "polls":
        counts = {"open": 0, "closed": 0, "asked": 0, "answered": 0} | stats.polls
        counts["open"] += counts.pop("ended", 0)  # waiting for the organiser's pick
        blocks = [("polls.stats_title", t(lang, "polls.stats", **counts))]
    else:
        months = "\n".join(
            t(
                lang,
                "privacy.stats_cooperation_month",
                **(c.model_dump() | {"month": format_month(c.month, lang)}),
            )
            for c in stats.cooperation_per_month
        )
        blocks = [("privacy.stats_cooperation", months)]
    return "\n\n".join(f"{t(lang, key)}\n{body}" for key, body in blocks)


def render(lang: str, settings: Settings, stats: NetworkStats) -> str:
    """Everything at once, for the command line (which has no buttons)."""
    parts = [summary(lang, settings, stats), *(section(lang, stats, n) for n in SECTIONS)]
    return "\n\n".join(parts)


def _buttons(ctx: Context, stats: NetworkStats, shown: str | None) -> list[list[Button]]:
    rows = [
        [ctx.button(f"privacy.stats_btn_{name}", "privacy.stats", name)]
        for name in SECTIONS
        if name != shown
    ]
    if shown is not None:
        rows.append([ctx.button("privacy.stats_btn_overview", "privacy.stats", "")])
    elif stats.unreachable_accounts:
        rows.append([ctx.button("privacy.btn_stale", "privacy.stale")])
    return rows


async def stats_message(ctx: Context, shown: str | None = None) -> Outgoing:
    stats = await collect(ctx.store, ctx.settings)
    title = ctx.t("privacy.stats_title", network=ctx.settings.network_name)
    if shown is None:
        text = summary(ctx.lang, ctx.settings, stats)
    else:
        title += " – " + ctx.t(f"privacy.stats_btn_{shown}")
        text = section(ctx.lang, stats, shown)
    return Outgoing(title=title, text=text, buttons=_buttons(ctx, stats, shown))


def register(router: Router) -> None:
    @router.command(
        "stats",
        "statistik",
        access=Access.ADMIN,
        help_key="privacy.help_stats",
        section=Section.PEOPLE,
    )
    async def show(ctx: Context, args: str) -> Outgoing:
        return await stats_message(ctx)

    @router.action("privacy.stats", access=Access.ADMIN)
    async def show_section(ctx: Context, arg: str) -> Outgoing:
        if arg and arg not in SECTIONS:
            return ctx.reply("input.stale_button")
        return await stats_message(ctx, arg or None)
