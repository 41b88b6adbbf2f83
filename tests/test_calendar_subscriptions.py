"""Calendar subscriptions against a calendar served on 127.0.0.1: a moved date, a deleted
date and an unchanged calendar (304) each do the right thing; an answer of 500 or garbage
changes nothing and is tried again after a growing pause; the last result shows on the
dashboard, in ``event subscriptions`` and in ``doctor``."""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import pytest
from aiohttp import web

from bot.cli import event as event_cli
from bot.cli.doctor import subscription_checks
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.events.dates import PAST
from handlers.events.subscriptions import FIRST_RETRY, run_due
from storage import Store
from storage.db import to_db_time, utcnow
from tests.calendar_files import BERLIN, base_day, crlf, library_dates, stamp, vevent
from tests.dashboard_support import csrf_of, running_dashboard

BERLIN_ID = "TZID=Europe/Berlin"
UID = "stammtisch@website.example"


def _date(week: int, hour: int = 18) -> datetime:
    return datetime.combine(base_day() + timedelta(weeks=week), time(hour), tzinfo=BERLIN)


def _calendar(moved: int | None = None, deleted: int | None = None) -> bytes:
    """A weekly series on the website; the date of week ``moved`` a day later at 19:00,
    the one of week ``deleted`` taken out."""
    base = base_day()
    extra = [f"EXDATE;{BERLIN_ID}:{stamp(_date(deleted).date(), 18)}"] if deleted else []
    lines = vevent(UID, "KI-Stammtisch", f"DTSTART;{BERLIN_ID}:{stamp(base, 18)}",
                   f"DTEND;{BERLIN_ID}:{stamp(base, 20)}", "RRULE:FREQ=WEEKLY;COUNT=10", *extra)  # fmt: skip
    if moved is not None:
        day = _date(moved).date()
        later = day + timedelta(days=1)
        lines += vevent(UID, "KI-Stammtisch", f"RECURRENCE-ID;{BERLIN_ID}:{stamp(day, 18)}",
                        f"DTSTART;{BERLIN_ID}:{stamp(later, 19)}",
                        f"DTEND;{BERLIN_ID}:{stamp(later, 21)}")  # fmt: skip
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Website Kalender//DE"]
    return crlf([*head, *lines, "END:VCALENDAR"])


@dataclass
class Website:
    """A calendar with an ETag; it answers 304 to a request that names the current one."""

    body: bytes = b""
    mode: str = "ok"  # ok, fail (500) or garbage (a login page)
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@pytest.fixture
async def website() -> AsyncIterator[Website]:
    site = Website(body=_calendar())

    async def serve(request: web.Request) -> web.Response:
        site.requests.append(dict(request.headers))
        if site.mode == "fail":
            return web.Response(status=500, text="Internal Server Error")
        if site.mode == "garbage":
            return web.Response(text="<html><body>Bitte anmelden</body></html>")
        if request.headers.get("If-None-Match") == site.etag:
            return web.Response(status=304, headers={"ETag": site.etag})
        return web.Response(
            body=site.body,
            content_type="text/calendar",
            headers={"ETag": site.etag, "Last-Modified": "Mon, 01 Jun 2026 08:00:00 GMT"},
        )

    app = web.Application()
    app.router.add_get("/kalender.ics", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    site.url = f"http://127.0.0.1:{port}/kalender.ics"
    yield site
    await runner.cleanup()


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return int(await args.func(args, settings))


async def _due(store: Store) -> None:
    await store.db.execute(
        "UPDATE calendar_subscriptions SET next_run_at = ?", (to_db_time(utcnow()),)
    )


async def _snapshot(store: Store) -> tuple[object, ...]:
    events = [(e.uid, e.status, e.sequence, e.ical) for e in await store.events.all()]
    dated = await store.dates.of_events([e.id for e in await store.events.all()], utcnow() - PAST)
    return tuple(events), tuple((d.occurrence, d.start, d.end, d.cancelled) for _e, d in dated)


async def _listed_equals_library(store: Store, body: bytes) -> None:
    start, end = utcnow() - PAST + timedelta(days=1), utcnow() + timedelta(days=700)
    event = await store.events.by_uid(UID)
    assert event is not None
    dated = await store.dates.of_events([event.id], start)
    listed = {(UID, d.start, d.end) for _e, d in dated if not d.cancelled and d.start < end}
    assert listed == library_dates(body, BERLIN, start, end)


async def test_a_subscription_follows_the_calendar_and_a_failing_fetch_changes_nothing(
    make_settings: Callable[..., Settings], website: Website, capsys: pytest.CaptureFixture[str]
) -> None:
    async with running_dashboard(make_settings) as dash:
        services = dash.services
        store, settings = services.store, services.settings
        sync = (store, services.notifier, settings)
        assert await cli(settings, "import", website.url, "--every", "1h") == 0
        assert "subscribed to" in capsys.readouterr().out
        (sub,) = await store.subscriptions.all()
        assert sub.every == timedelta(hours=1) and sub.last_status == "synced"
        assert sub.etag == website.etag and sub.next_run_at > utcnow() + timedelta(minutes=59)
        await _listed_equals_library(store, website.body)
        event = await store.events.by_uid(UID)
        assert event is not None

        # a moved date: fetched again (conditionally), the date follows
        website.body = _calendar(moved=2)
        await _due(store)
        assert await run_due(*sync) == 1
        assert website.requests[-1]["If-None-Match"] == sub.etag
        moved = await store.dates.get(event.id, _date(2))
        assert moved is not None and moved[1].moved
        assert moved[1].start == _date(2) + timedelta(days=1, hours=1)
        await _listed_equals_library(store, website.body)

        # unchanged: the server answers 304 and nothing is touched
        before = await _snapshot(store)
        await _due(store)
        await run_due(*sync)
        (sub,) = await store.subscriptions.all()
        assert sub.last_status == "unchanged" and await _snapshot(store) == before

        # a deleted date: gone from the lists, shown as cancelled in feeds
        website.body = _calendar(moved=2, deleted=3)
        await _due(store)
        await run_due(*sync)
        deleted = await store.dates.get(event.id, _date(3))
        assert deleted is not None and deleted[1].cancelled
        await _listed_equals_library(store, website.body)

        # the server fails, then sends garbage: nothing changes, the pauses grow
        before = await _snapshot(store)
        for mode, pause in (("fail", FIRST_RETRY), ("garbage", 2 * FIRST_RETRY)):
            website.mode = mode
            await _due(store)
            started = utcnow()
            await run_due(*sync)
            (sub,) = await store.subscriptions.all()
            assert sub.last_status == "failed" and await _snapshot(store) == before
            assert started + pause <= sub.next_run_at <= utcnow() + pause
        assert sub.failures == 2 and sub.last_report is not None
        assert "not an iCalendar file" in sub.last_report["reason"]
        assert "Bitte anmelden" not in sub.last_report["reason"]
        [check] = await subscription_checks(store)
        assert not check.ok and "2 time(s) in a row" in check.detail
        assert "nothing was changed" in check.detail

        # the dashboard shows the last result; the calendar comes back
        async with await dash.signed_in() as client:
            async with client.get("/admin/events/import") as response:
                page = await response.text()
            assert "Abruf" in page and "fehlgeschlagen (2× in Folge)" in page
            website.mode = "ok"
            csrf = await csrf_of(client, "/admin/events/import")
            await _due(store)
            await run_due(*sync)
            async with client.get("/admin/events/import") as response:
                page = await response.text()
            assert "Abgerufen" in page and "unverändert seit dem letzten Abruf" in page
            [check] = await subscription_checks(store)
            assert check.ok and "(not modified since: 304)" in check.detail

            # a subscription made on the dashboard; then one ended there
            other = website.url.replace("127.0.0.1", "localhost")
            form = {"csrf": csrf, "url": other, "every": "6h"}
            async with client.post("/admin/events/import", data=form, allow_redirects=False) as r:
                assert r.status == 303
            added = await store.subscriptions.by_url(other)
            assert added is not None and added.every == timedelta(hours=6)
            assert added.last_status == "synced"  # fetched at once
            assert added.last_report is not None
            assert added.last_report["counts"]["skipped"] == 1  # the UID is the first one's
            remove = f"/admin/events/subscriptions/{added.id}/remove"
            async with client.post(remove, data={"csrf": csrf}, allow_redirects=False) as r:
                assert r.status == 303
            assert await store.subscriptions.by_url(other) is None

    assert await cli(settings, "subscriptions") == 0
    out = capsys.readouterr().out
    assert website.url in out and "every 1h" in out and "synced at" in out


async def test_subscribing_refuses_what_cannot_be_kept_in_sync(
    settings: Settings, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await cli(settings, "import", "https://example.org/k.ics", "--every", "10s") == 1
    assert "is not an interval between 5m and 7d" in capsys.readouterr().err
    assert await cli(settings, "import", "/tmp/kalender.ics", "--every", "1h") == 1
    assert "http://, https:// or webcal://" in capsys.readouterr().err
    assert await store.subscriptions.all() == []


async def test_a_conditional_request_carries_last_modified_too(
    settings: Settings, store: Store, website: Website
) -> None:
    assert await cli(settings, "import", website.url, "--every", "15m") == 0
    (sub,) = await store.subscriptions.all()
    assert sub.last_modified == "Mon, 01 Jun 2026 08:00:00 GMT"
    await _due(store)
    await run_due(store, Notifier(store, "de"), settings)
    assert website.requests[-1]["If-Modified-Since"] == sub.last_modified
