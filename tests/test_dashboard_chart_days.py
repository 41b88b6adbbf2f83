"""The dashboard's delivery chart counts the days of the network's zone: a message sent at
00:30 in Berlin belongs to that Berlin day, though in UTC it is still the day before."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.settings import Settings
from handlers.dashboard.overview import day_bounds
from storage import Store
from storage.db import to_db_time, utcnow
from tests.dashboard_support import running_dashboard
from tests.test_dashboard_actions import get


async def _sent_at(store: Store, moment: datetime) -> None:
    await store.db.execute(
        "INSERT INTO outbox (platform, chat_id, chat_kind, payload, status, next_attempt_at,"
        " created_at, sent_at) VALUES ('console', 'anna', 'private', '{}', 'sent', ?, ?, ?)",
        (to_db_time(moment), to_db_time(moment), to_db_time(moment)),
    )


def _bars(body: str) -> list[int]:
    return [int(n) for n in re.findall(r"<title>[^<]*: (\d+)</title></rect>", body)]


async def test_the_chart_counts_the_networks_days(make_settings: Callable[..., Settings]) -> None:
    async with running_dashboard(make_settings) as dash:
        zone = dash.services.settings.zone
        today = utcnow().astimezone(zone).date()
        yesterday = today - timedelta(days=1)
        early_today = datetime.combine(today, time(0, 30), tzinfo=zone)
        late_yesterday = datetime.combine(yesterday, time(23, 30), tzinfo=zone)
        assert early_today.astimezone(ZoneInfo("UTC")).date() == yesterday  # the trap
        for moment in (early_today, late_yesterday, late_yesterday - timedelta(hours=5)):
            await _sent_at(dash.services.store, moment)
        async with await dash.signed_in() as client:
            bars = _bars(await get(client, "/admin/"))
        assert len(bars) == 30
        assert bars[-2:] == [2, 1]  # yesterday, today: as the network counts its days


def test_a_day_with_a_clock_change_has_its_own_length() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    start, end = day_bounds(date(2025, 3, 30), berlin)  # summer time began
    assert end - start == timedelta(hours=23)
    start, end = day_bounds(date(2025, 10, 26), berlin)  # and ended
    assert end - start == timedelta(hours=25)
    assert start.isoformat() == "2025-10-25T22:00:00+00:00"
