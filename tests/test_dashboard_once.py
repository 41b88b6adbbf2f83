"""A dashboard form sent twice acts once (issue 34, item 1): the same request again (a
network retry, a browser resending, going back and sending again) carries the same
one-time token and leads to the first outcome with "already sent", never a second effect.
Each state-changing form is sent twice with the same fields, over HTTP."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import aiohttp
import pytest

from bot.i18n import t
from bot.settings import Settings
from storage.db import utcnow
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.events_support import add_event
from tests.test_dashboard_actions import get, post
from tests.test_events_ics import calendar, conference

Sent = tuple[int, str, str]


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


def once_of(page: str, action: str) -> str:
    """The one-time token of the form that posts to ``action`` on this page."""
    found = re.search(
        rf'<form method="post" action="{re.escape(action)}"(?:(?!</form>).)*?'
        r'name="once" value="([^"]+)"',
        page,
        re.DOTALL,
    )
    assert found, f"no one-time token in the form for {action}"
    return found.group(1)


async def twice(
    client: aiohttp.ClientSession, page: str, action: str, fields: dict[str, object]
) -> tuple[Sent, Sent]:
    """The form on ``page`` sent twice with the same fields (and so the same token)."""
    token = once_of(page, action)
    first = await post(client, action, {**fields, "once": token})
    second = await post(client, action, {**fields, "once": token})
    return first, second


async def audit_size(dash: Dashboard) -> int:
    return len(await dash.services.store.audit.recent(limit=10_000))


async def shows_first_outcome(
    client: aiohttp.ClientSession, first: Sent, second: Sent, notice_key: str
) -> str:
    """The second answer leads to the first outcome, saying it was sent already."""
    assert second[0] == 303, second
    if first[0] == 303:
        assert second[1] == first[1]
    page = await get(client, second[1])
    assert t("de", notice_key) in page
    return page


async def test_a_broadcast_sent_now_twice_reaches_everyone_once(dash: Dashboard) -> None:
    store = dash.services.store
    for name in ("Anna", "Bernd"):
        await add_member(store, name)
    draft = {"kind": "all", "region": "", "text": "Einladung zum Sommerfest"}
    async with await dash.signed_in() as client:
        _, _, preview = await post(client, "/admin/broadcasts/new", {**draft, "step": "preview"})
        first, second = await twice(
            client, preview, "/admin/broadcasts/new", {**draft, "step": "send", "expected": "2"}
        )
        assert first[0] == 303
        page = await shows_first_outcome(
            client, first, second, "dashboard.broadcasts.notice.resubmitted"
        )
        assert "Einladung zum Sommerfest" in page  # the report of the first
    assert len(await store.broadcasts.recent()) == 1
    await dash.services.worker.drain(within=5.0)
    to_anna = [s for s in dash.adapter.sent if s.chat_id == "anna"]
    assert len(to_anna) == 1


async def test_a_scheduled_broadcast_and_its_cancelling_act_once(dash: Dashboard) -> None:
    store = dash.services.store
    await add_member(store, "Anna")
    when = (utcnow() + timedelta(days=2)).astimezone(dash.services.settings.zone)
    draft = {"kind": "all", "region": "", "text": "Später", "send_at": f"{when:%Y-%m-%dT%H:%M}"}
    async with await dash.signed_in() as client:
        _, _, preview = await post(client, "/admin/broadcasts/new", {**draft, "step": "preview"})
        first, second = await twice(
            client, preview, "/admin/broadcasts/new", {**draft, "step": "schedule"}
        )
        await shows_first_outcome(client, first, second, "dashboard.broadcasts.notice.resubmitted")
        [broadcast] = await store.broadcasts.recent()
        page = await get(client, first[1])
        before = await audit_size(dash)
        action = f"/admin/broadcasts/{broadcast.id}/cancel"
        first, second = await twice(client, page, action, {})
        after_first = await audit_size(dash)
        await shows_first_outcome(client, first, second, "dashboard.broadcasts.notice.resubmitted")
        assert await audit_size(dash) == after_first > before


async def test_an_event_created_twice_is_one_event(dash: Dashboard) -> None:
    store = dash.services.store
    start = (utcnow() + timedelta(days=10)).astimezone(dash.services.settings.zone)
    fields = {
        "title": "KI-Stammtisch",
        "start": f"{start:%Y-%m-%d}T18:00",
        "end": f"{start:%Y-%m-%d}T20:00",
        "format": "meetup",
        "repeat": "none",
    }
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/events/new")
        first, second = await twice(client, page, "/admin/events/new", fields)
        assert first[0] == 303
        page = await shows_first_outcome(
            client, first, second, "dashboard.events.notice.resubmitted"
        )
        assert "KI-Stammtisch" in page  # the event created by the first
    assert [e.title for e in await store.events.all()] == ["KI-Stammtisch"]


async def test_an_event_edited_or_cancelled_twice_acts_once(dash: Dashboard) -> None:
    event = await add_event(dash.services)
    async with await dash.signed_in() as client:
        form = await get(client, f"/admin/events/{event.id}/edit")
        start = re.search(r'name="start" value="([^"]+)"', form)
        assert start is not None
        fields = {"title": "KI-Stammtisch Süd", "start": start.group(1), "format": "meetup"}
        before = await audit_size(dash)
        first, second = await twice(client, form, f"/admin/events/{event.id}/edit", fields)
        after_first = await audit_size(dash)
        await shows_first_outcome(client, first, second, "dashboard.events.notice.resubmitted")
        assert await audit_size(dash) == after_first > before
        question = await get(client, f"/admin/events/{event.id}/cancel?date=all")
        action = f"/admin/events/{event.id}/cancel"
        first, second = await twice(client, question, action, {"date": "all"})
        after_first = await audit_size(dash)
        await shows_first_outcome(client, first, second, "dashboard.events.notice.resubmitted")
        assert await audit_size(dash) == after_first


async def test_topics_and_groups_act_once(dash: Dashboard) -> None:
    store = dash.services.store
    await add_member(store, "Anna Muster")
    notice = "dashboard.structure.notice.resubmitted"
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/topics")
        first, second = await twice(client, page, "/admin/topics/new", {"name": "Robotik"})
        await shows_first_outcome(client, first, second, notice)  # not "gibt es schon"
        topic = await store.topics.find("Robotik")
        assert topic is not None
        page = await get(client, "/admin/topics")
        first, second = await twice(
            client, page, "/admin/groups/new", {"name": "AG Greifer", "join_policy": "open"}
        )
        await shows_first_outcome(client, first, second, notice)
        group = await store.groups.find("AG Greifer")
        assert group is not None
        page = await get(client, f"/admin/groups/{group.id}")
        action = f"/admin/groups/{group.id}/moderators"
        before = await audit_size(dash)
        first, second = await twice(client, page, action, {"member": "@Anna Muster"})
        after_first = await audit_size(dash)
        await shows_first_outcome(client, first, second, notice)
        assert await audit_size(dash) == after_first > before
        page = await get(client, f"/admin/groups/{group.id}")
        first, second = await twice(client, page, f"/admin/groups/{group.id}/archive", {})
        await shows_first_outcome(client, first, second, notice)  # not "gibt es nicht mehr"
        page = await get(client, "/admin/topics")
        first, second = await twice(client, page, f"/admin/topics/{topic.id}/archive", {})
        await shows_first_outcome(client, first, second, notice)  # not "schon archiviert"
    assert len(await store.topics.list(include_archived=True)) == 1
    assert len(await store.groups.list(include_archived=True)) == 1


async def test_deciding_on_and_erasing_members_act_once(dash: Dashboard) -> None:
    store = dash.services.store
    bernd = await add_member(store, "Bernd", status="pending")
    clara = await add_member(store, "Clara", status="pending")
    notice = "dashboard.members.notice.resubmitted"
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/members?status=pending")
        first, second = await twice(client, page, f"/admin/members/{bernd}/approve", {})
        await shows_first_outcome(client, first, second, notice)  # not "schon entschieden"
        first, second = await twice(client, page, f"/admin/members/{clara}/decline", {})
        await shows_first_outcome(client, first, second, notice)
        question = await get(client, f"/admin/members/{bernd}/erase")
        before = await audit_size(dash)
        first, second = await twice(client, question, f"/admin/members/{bernd}/erase", {})
        assert first[0] == 303 and await store.members.get(bernd) is None
        after_first = await audit_size(dash)
        await shows_first_outcome(client, first, second, notice)
        assert await audit_size(dash) == after_first > before
    await dash.services.worker.drain(within=5.0)
    told = [s for s in dash.adapter.sent if s.chat_id == "clara"]
    assert len(told) == 1  # declined once, told once


async def test_an_import_sent_twice_imports_once(dash: Dashboard) -> None:
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/events/import")
        token = once_of(page, "/admin/events/import")
        answers = []
        for _ in range(2):
            upload = aiohttp.FormData()
            upload.add_field("once", token)
            upload.add_field("file", calendar(conference()), filename="website.ics")
            answers.append(await post(client, "/admin/events/import", upload))
        first, second = answers
        assert first[0] == 200 and "1 neu" in first[2]
        assert second[0] == 303 and second[1] == "/admin/events/import"
        page = await get(client, second[1])
        assert t("de", "dashboard.events.notice.resubmitted") in page
    assert len(await dash.services.store.events.all()) == 1


async def test_a_token_is_spent_only_by_a_change(dash: Dashboard) -> None:
    """A refused form spends nothing: corrected, the same page's form goes through."""
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/topics")
        token = once_of(page, "/admin/topics/new")
        status, _, _ = await post(client, "/admin/topics/new", {"name": "R", "once": token})
        assert status == 400
        status, location, _ = await post(
            client, "/admin/topics/new", {"name": "Robotik", "once": token}
        )
        assert status == 303
        page = await get(client, location)
        assert t("de", "dashboard.structure.notice.topic_created", name="Robotik") in page
