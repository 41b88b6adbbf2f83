"""The personal calendar feed over HTTP needs the member's secret token."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import aiohttp
import icalendar
import pytest

from bot.app import App, Services
from bot.settings import Settings
from tests.events_support import add_event, member
from tests.helpers import FakeAdapter


@pytest.fixture
async def http_app(make_settings: Callable[..., Settings]) -> AsyncIterator[Services]:
    settings = make_settings(public_url="https://bot.example.org/")
    app = App(settings, serve_http=True, adapter_factories=[lambda s: FakeAdapter()])
    services = await app.start()
    yield services
    await app.stop()


async def get(url: str) -> tuple[int, str, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, response.content_type, await response.read()


async def test_feed_needs_the_right_token(http_app: Services) -> None:
    topic = await http_app.store.topics.create("Circular Economy")
    going = await add_event(http_app, "Werkstattbesuch")
    await add_event(http_app, "Rezyklat-Webinar", topic_ids=[topic.id], format="webinar")
    await add_event(http_app, "Anderes Thema", rrule="FREQ=WEEKLY")
    anna = await member(http_app, "anna", "Anna Muster")
    replies = await anna.say("/kalender")
    assert http_app.http is not None
    token = await http_app.store.events.feed_token(1)
    assert f"https://bot.example.org/calendar/{token}.ics" in replies[0].text
    await anna.say("/themen abonnieren Circular Economy")
    await http_app.store.rsvps.record(going.id, going.start, 1, "yes", False)

    base = http_app.http.base_url
    status, kind, body = await get(f"{base}/calendar/{token}.ics")
    assert (status, kind) == (200, "text/calendar")
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")]
    assert summaries == ["Werkstattbesuch"]

    status, _kind, body = await get(f"{base}/calendar/{token}.ics?scope=topics")
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")]
    assert status == 200 and summaries == ["Rezyklat-Webinar"]

    wrong = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for path in (f"/calendar/{wrong}.ics", "/calendar/.ics", "/calendar/x.ics", "/calendar/"):
        status, _kind, body = await get(base + path)
        assert status == 404, path
        assert b"Werkstatt" not in body


async def test_the_token_is_stable_and_secret(http_app: Services) -> None:
    await member(http_app, "anna", "Anna Muster")
    await member(http_app, "ben", "Ben Beispiel")
    first = await http_app.store.events.feed_token(1)
    assert first == await http_app.store.events.feed_token(1)
    assert len(first) >= 32 and first != await http_app.store.events.feed_token(2)
    assert await http_app.store.events.member_for_token(first) == 1
    assert await http_app.store.events.member_for_token(first.upper() + "x") is None
