"""Smaller rules of the dashboard's forms (issue 34, items 3 and 6): an end left as the
form suggested follows a changed start; one line-break rule for names and titles; every
multi-line text stored with ``\\n``; an edit saved unchanged changes nothing; notices come
from the server, not from the query string."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import pytest

from bot.i18n import t
from bot.settings import Settings
from storage.db import utcnow
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.events_support import add_event
from tests.test_dashboard_actions import get, post


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


def value_of(form: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', form)
    assert found, name
    return found.group(1)


async def test_an_end_left_as_suggested_follows_a_changed_start(dash: Dashboard) -> None:
    store = dash.services.store
    zone = dash.services.settings.zone
    async with await dash.signed_in() as client:
        form = await get(client, "/admin/events/new")
        start, end = value_of(form, "start"), value_of(form, "end")
        assert value_of(form, "suggested_end") == end
        later = (utcnow() + timedelta(days=30)).astimezone(zone)
        fields = {
            "title": "Werkstattgespräch",
            "start": f"{later:%Y-%m-%d}T10:00",
            "end": end,  # as the form filled it in, untouched
            "suggested_end": value_of(form, "suggested_end"),
            "format": "meetup",
        }
        assert start != fields["start"]
        status, location, body = await post(client, "/admin/events/new", fields)
        assert status == 303, body
        event = await store.events.get(int(location.split("/")[-1]))
        assert event is not None
        assert f"{event.start.astimezone(zone):%Y-%m-%dT%H:%M}" == fields["start"]
        assert event.end - event.start == timedelta(hours=2)
        # an end the person set is theirs: before the start, it is refused
        status, _, body = await post(
            client, "/admin/events/new", {**fields, "end": f"{later:%Y-%m-%d}T09:00"}
        )
        assert status == 400 and "nach dem Beginn" in body
        # editing: the start moved, the end as shown follows and keeps the length
        event = await add_event(dash.services, duration=timedelta(hours=3))
        form = await get(client, f"/admin/events/{event.id}/edit")
        moved = (event.start + timedelta(days=5)).astimezone(zone)
        status, _, body = await post(
            client,
            f"/admin/events/{event.id}/edit",
            {
                "title": event.title,
                "start": f"{moved:%Y-%m-%dT%H:%M}",
                "end": value_of(form, "end"),
                "suggested_end": value_of(form, "suggested_end"),
                "format": event.format,
            },
        )
        assert status == 303, body
        changed = await store.events.get(event.id)
        assert changed is not None and changed.end - changed.start == timedelta(hours=3)


async def test_a_topic_or_group_name_with_a_line_break_is_refused_like_a_title(
    dash: Dashboard,
) -> None:
    store = dash.services.store
    one_line = t("de", "error.one_line")
    async with await dash.signed_in() as client:
        status, _, body = await post(client, "/admin/topics/new", {"name": "Robo\r\ntik"})
        assert status == 400 and one_line in body
        status, _, body = await post(client, "/admin/groups/new", {"name": "AG\nGreifer"})
        assert status == 400 and one_line in body
        start = (utcnow() + timedelta(days=9)).astimezone(dash.services.settings.zone)
        status, _, body = await post(
            client,
            "/admin/events/new",
            {"title": "KI\r\nTreff", "start": f"{start:%Y-%m-%dT%H:%M}", "format": "meetup"},
        )
        assert status == 400 and one_line in body
    assert await store.topics.list(include_archived=True) == []
    assert await store.groups.list(include_archived=True) == []


async def test_every_text_of_several_lines_is_stored_with_one_line_break(
    dash: Dashboard,
) -> None:
    store = dash.services.store
    await add_member(store, "Anna")
    start = (utcnow() + timedelta(days=9)).astimezone(dash.services.settings.zone)
    async with await dash.signed_in() as client:
        status, location, _ = await post(
            client,
            "/admin/events/new",
            {
                "title": "KI-Treff",
                "description": "Erste Zeile\r\nZweite Zeile\rDritte",
                "start": f"{start:%Y-%m-%dT%H:%M}",
                "format": "meetup",
            },
        )
        assert status == 303
        await post(client, "/admin/topics/new", {"name": "Robotik", "description": "a\r\nb"})
        await post(client, "/admin/groups/new", {"name": "AG Greifer", "description": "c\r\nd"})
        draft = {"kind": "all", "region": "", "text": "Hallo\r\nzusammen", "step": "send"}
        status, _, _ = await post(client, "/admin/broadcasts/new", {**draft, "expected": "1"})
        assert status == 303
    event = await store.events.get(int(location.split("/")[-1].split("?")[0]))
    assert event is not None and event.description == "Erste Zeile\nZweite Zeile\nDritte"
    topic = await store.topics.find("Robotik")
    assert topic is not None and topic.description == "a\nb"
    group = await store.groups.find("AG Greifer")
    assert group is not None and group.description == "c\nd"
    [broadcast] = await store.broadcasts.recent()
    assert broadcast.text == "Hallo\nzusammen"


async def test_an_edit_saved_unchanged_changes_nothing(dash: Dashboard) -> None:
    store = dash.services.store
    topic = await store.topics.create("Robotik", "")
    event = await add_event(
        dash.services, description="Zeile eins\nZeile zwei", location="Siegen", topic_ids=[topic.id]
    )
    async with await dash.signed_in() as client:
        form = await get(client, f"/admin/events/{event.id}/edit")
        fields = {name: value_of(form, name) for name in ("title", "start", "end")}
        fields["suggested_end"] = fields["end"]
        fields |= {"where": value_of(form, "where"), "format": event.format, "repeat": "none"}
        fields |= {"description": "Zeile eins\r\nZeile zwei", "topics": str(topic.id)}
        before = [e["action"] for e in await store.audit.recent(limit=1000)]
        status, location, _ = await post(client, f"/admin/events/{event.id}/edit", fields)
        assert status == 303
        page = await get(client, location)
        assert t("de", "dashboard.events.notice.unchanged") in page
        assert t("de", "dashboard.events.notice.changed") not in page
        after = [e["action"] for e in await store.audit.recent(limit=1000)]
        assert after == before  # no event.changed
        unchanged = await store.events.get(event.id)
        assert unchanged is not None and unchanged.status == event.status
        # a real change still says so
        status, location, _ = await post(
            client, f"/admin/events/{event.id}/edit", {**fields, "where": "Hagen"}
        )
        assert t("de", "dashboard.events.notice.changed") in await get(client, location)
    assert "event.changed" in [e["action"] for e in await store.audit.recent()]


async def test_notices_come_from_the_server_not_from_the_query_string(dash: Dashboard) -> None:
    store = dash.services.store
    topic = await store.topics.create("Robotik", "")
    event = await add_event(dash.services)
    bogus = "Ihr Konto wurde gesperrt, bitte hier anmelden"
    async with await dash.signed_in() as client:
        for path in (
            f"/admin/topics?notice=topic_created&name={bogus}",
            f"/admin/members?notice=approved&name={bogus}",
            f"/admin/events/{event.id}?notice=created",
        ):
            page = await get(client, path)
            assert bogus not in page and 'id="notice"' not in page, path
        status, location, _ = await post(client, f"/admin/topics/{topic.id}/archive", {})
        assert status == 303 and "?" not in location
        notice = t("de", "dashboard.structure.notice.topic_archived", name="Robotik")
        assert notice in await get(client, location)
        assert notice not in await get(client, location)  # shown once
