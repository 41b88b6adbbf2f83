"""The overview page: members, the coming dates with their answers, broadcasts in
progress, deliveries of the last 30 days (days of the network's zone) as a small chart
drawn on the server (SVG, no script), and open cooperation requests where that capability
is installed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from aiohttp import web

from handlers.broadcast.service import BroadcastService
from handlers.dashboard.hooks import HOOKS
from handlers.dashboard.kit import SERVICES, render
from handlers.events.upcoming import upcoming
from storage.db import utcnow

DAYS = 30
CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 600, 120, 14


@dataclass(frozen=True)
class Bar:
    day: date
    count: int
    x: float
    y: float
    width: float
    height: float


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """A day of the network's zone as a UTC window: midnight to midnight, so a day with a
    DST change has 23 or 25 hours."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def chart(per_day: dict[str, int], today: date) -> list[Bar]:
    """One bar per day for the last :data:`DAYS` days, scaled to the busiest day."""
    days = [today - timedelta(days=n) for n in range(DAYS - 1, -1, -1)]
    counts = [per_day.get(d.isoformat(), 0) for d in days]
    peak = max(counts) or 1
    slot = CHART_WIDTH / DAYS
    bars = []
    for index, (day, count) in enumerate(zip(days, counts, strict=True)):
        height = round(count / peak * (CHART_HEIGHT - CHART_TOP), 1)
        bars.append(
            Bar(day, count, round(index * slot + 1, 1), CHART_HEIGHT - height, slot - 2, height)
        )
    return bars


async def overview(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    store = services.store
    counts = await store.dashboard.member_counts()
    dates = []
    for occ in await upcoming(store, limit=8):
        dates.append((occ, await store.dashboard.answer_counts(occ.event.id, occ.key)))
    service = BroadcastService(store, services.notifier, services.settings)
    open_broadcasts = [
        p for p in await service.recent(limit=50) if p.broadcast.status in ("scheduled", "sending")
    ]
    today = utcnow().astimezone(services.settings.zone).date()
    days = [today - timedelta(days=n) for n in range(DAYS - 1, -1, -1)]
    per_day = await store.dashboard.deliveries_in(
        [day_bounds(day, services.settings.zone) for day in days]
    )
    bars = chart(dict(zip((d.isoformat() for d in days), per_day, strict=True)), today)
    requests = None
    if HOOKS.open_cooperation_requests is not None:
        requests = await HOOKS.open_cooperation_requests(services)
    return render(
        request,
        "overview.html",
        active=counts.get("active", 0),
        pending=counts.get("pending", 0),
        dates=dates,
        broadcasts=open_broadcasts,
        bars=bars,
        delivered=sum(bar.count for bar in bars),
        peak=max(bar.count for bar in bars),
        chart_width=CHART_WIDTH,
        chart_height=CHART_HEIGHT,
        requests=requests,
    )


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/", overview)
