"""What the dashboard's forms do, over HTTP: each action goes through the chat's and the
CLI's services, with their checks, audit entries and notifications."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta

import aiohttp
import pytest
from aiohttp import web

from bot.calendar.recurrence import next_occurrence, nth_weekday_rule
from bot.i18n import t, tn
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events.service import EventService
from storage.db import to_db_time, utcnow
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, csrf_of, running_dashboard
from tests.events_support import add_event
from tests.helpers import FakeAdapter
from tests.test_events_ics import calendar, conference


async def post(
    client: aiohttp.ClientSession, path: str, data: dict[str, object] | aiohttp.FormData
) -> tuple[int, str, str]:
    """POST with the session's CSRF token; (status, Location, body)."""
    csrf = await csrf_of(client)
    if isinstance(data, aiohttp.FormData):
        data.add_field("csrf", csrf)
        payload: object = data
    else:
        payload = {"csrf": csrf, **data}
    async with client.post(path, data=payload, allow_redirects=False) as response:
        return response.status, response.headers.get("Location", ""), await response.text()


async def get(client: aiohttp.ClientSession, path: str) -> str:
    async with client.get(path, allow_redirects=False) as response:
        assert response.status == 200, (path, response.status)
        return await response.text()


async def delivered(adapter: FakeAdapter, chat: str, text: str, dash: Dashboard) -> bool:
    await dash.services.worker.drain(within=5.0)
    return any(
        text in f"{sent.message.title or ''}\n{sent.message.text}"
        for sent in adapter.sent
        if sent.chat_id == chat
    )


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


async def test_approving_and_declining_goes_through_the_chats_approval(dash: Dashboard) -> None:
    store = dash.services.store
    bernd = await add_member(store, "Bernd", status="pending")
    clara = await add_member(store, "Clara", status="pending")
    async with await dash.signed_in() as client:
        status, location, _ = await post(client, f"/admin/members/{bernd}/approve", {})
        assert status == 303 and location == "/admin/members?status=pending"
        assert t("de", "dashboard.members.notice.approved", name="Bernd") in await get(
            client, location
        )
        status, location, _ = await post(client, f"/admin/members/{clara}/decline", {})
        assert t("de", "dashboard.members.notice.rejected", name="Clara") in await get(
            client, location
        )
        status, location, _ = await post(client, f"/admin/members/{bernd}/decline", {})
        already = t("de", "dashboard.members.notice.already", name="Bernd")
        assert already in await get(client, location)  # decided before: nothing changes
    assert (await store.members.get(bernd)).status == "active"  # type: ignore[union-attr]
    assert (await store.members.get(clara)).status == "rejected"  # type: ignore[union-attr]
    assert await delivered(dash.adapter, "bernd", t("de", "approval.welcome"), dash)
    # the declined member is told once, with whom to ask, as after the chat's button
    assert await delivered(dash.adapter, "clara", "wurde leider nicht freigegeben", dash)
    audit = await store.audit.recent()
    assert {(e["action"], e["actor"]) for e in audit} >= {
        ("member.approved", "console:admin"),
        ("member.rejected", "console:admin"),
    }


async def test_members_are_found_by_text_region_topic_group_and_platform(dash: Dashboard) -> None:
    store = dash.services.store
    topic = await store.topics.create("Robotik", "")
    anna = await add_member(store, "Anna", region="Hagen", topics=(topic.id,))
    await add_member(store, "Berta", region="Kreis Olpe", identities=(("telegram", "77"),))
    group = await store.groups.create("AG Roboter", "", "open", None, "t")
    await store.groups.join(group.id, anna)
    async with await dash.signed_in() as client:
        for query, names in [
            ("q=ann", {"Anna"}),
            ("region=Kreis+Olpe", {"Berta"}),
            (f"topic={topic.id}", {"Anna"}),
            (f"group={group.id}", {"Anna"}),
            ("platform=telegram", {"Berta"}),
            ("q=%25", set()),  # a LIKE wildcard is searched for literally
        ]:
            body = await get(client, f"/admin/members?{query}")
            shown = set(re.findall(r'<tr id="member-\d+">\s*<td>(\w+)', body))
            assert shown == names, query


async def test_an_event_is_created_checked_like_the_wizard_and_announced(
    dash: Dashboard,
) -> None:
    store = dash.services.store
    topic = await store.topics.create("KI", "")
    anna = await add_member(store, "Anna", topics=(topic.id,))
    day = (utcnow() + timedelta(days=9)).astimezone(dash.services.settings.zone)
    fields = {
        "title": "KI-Stammtisch", "start": f"{day:%Y-%m-%d}T18:00", "end": "",
        "where": "https://meet.example.org/ki", "topics": str(topic.id), "format": "meetup",
        "capacity": "20", "repeat": "monthly", "rrule": "",
    }  # fmt: skip
    async with await dash.signed_in() as client:
        past = {**fields, "start": "2020-01-01T18:00"}
        status, _, body = await post(client, "/admin/events/new", past)
        assert status == 400 and t("de", "events.start_past") in body
        assert 'value="KI-Stammtisch"' in body  # the form keeps what was typed
        status, _, body = await post(client, "/admin/events/new", {**fields, "capacity": "0"})
        assert status == 400 and t("de", "events.bad_capacity.web", max=100_000) in body
        status, location, _ = await post(client, "/admin/events/new", fields)
        assert status == 303 and location.startswith("/admin/events/")
        assert t("de", "dashboard.events.notice.created") in await get(client, location)
    event_id = int(location.split("/")[-1])
    event = await store.events.get(event_id)
    assert event is not None and event.url == "https://meet.example.org/ki"
    assert event.capacity == 20 and event.end - event.start == timedelta(hours=2)
    assert event.rrule == nth_weekday_rule(event.start.astimezone(dash.services.settings.zone))
    assert event.organiser == "console:admin"
    report = await store.outbox.batch_report(f"event:{event_id}:new")
    assert sum(report.values()) == 1  # Anna, the topic's subscriber
    assert anna


async def test_the_event_page_reads_fields_like_the_chat_form(dash: Dashboard) -> None:
    """Seats in words and a description typed in a browser (CRLF lines) read as in chat."""
    day = (utcnow() + timedelta(days=9)).astimezone(dash.services.settings.zone)
    fields = {
        "title": "  Müller & Söhne: „Pulverbeschichtung“ ", "start": f"{day:%Y-%m-%d}T18:00",
        "end": "", "where": "Werk 2 / Halle B", "format": "workshop", "capacity": "30 Plätze",
        "repeat": "none", "rrule": "", "description": "Programm:\r\n1. Begrüßung 🎉\r\n",
    }  # fmt: skip
    async with await dash.signed_in() as client:
        status, location, _ = await post(client, "/admin/events/new", fields)
        assert status == 303, location
        status, location, _ = await post(client, "/admin/events/new", {**fields, "capacity":
                                         "unbegrenzt", "title": "Zweiter Termin"})  # fmt: skip
        assert status == 303, location
    first, second = await dash.services.store.events.all()
    assert first.title == "Müller & Söhne: „Pulverbeschichtung“" and first.capacity == 30
    assert first.description == "Programm:\n1. Begrüßung 🎉" and second.capacity is None


async def test_an_all_day_event_and_an_edit_that_tells_those_going(dash: Dashboard) -> None:
    store, services = dash.services.store, dash.services
    anna = await add_member(store, "Anna")
    event = await add_event(services, title="Messe")
    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    await EventService(store, services.notifier, services.settings).answer(occ, anna, "yes")
    async with await dash.signed_in() as client:
        form = await get(client, f"/admin/events/{event.id}/edit")
        start = re.search(r'name="start" value="([^"]+)"', form)
        assert start is not None
        status, _, _ = await post(
            client,
            f"/admin/events/{event.id}/edit",
            {"title": "Messe Hannover", "start": start.group(1), "end": "", "format": "other"},
        )
        assert status == 303
        day = (utcnow() + timedelta(days=30)).date()
        status, location, _ = await post(
            client,
            "/admin/events/new",
            {
                "title": "Hannover Messe",
                "start": f"{day}T00:00",
                "end": f"{day + timedelta(days=2)}T00:00",
                "all_day": "1",
                "format": "conference",
            },
        )
        assert status == 303
    changed = await store.events.get(event.id)
    assert changed is not None and changed.title == "Messe Hannover"
    assert changed.start == event.start  # the start was kept
    assert await delivered(dash.adapter, "anna", "Messe Hannover", dash)
    fair = await store.events.get(int(location.split("/")[-1].split("?")[0]))
    assert fair is not None and fair.all_day and fair.end - fair.start >= timedelta(days=3)


async def test_cancelling_a_date_and_the_series_after_a_question(dash: Dashboard) -> None:
    store, services = dash.services.store, dash.services
    anna = await add_member(store, "Anna")
    event = await add_event(services, title="Stammtisch", rrule="FREQ=WEEKLY")
    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    await EventService(store, services.notifier, services.settings).answer(occ, anna, "yes")
    async with await dash.signed_in() as client:
        question = await get(client, f"/admin/events/{event.id}/cancel?date={occ.epoch}")
        assert tn("de", "events.cancel_confirm_yes", 1) in question
        status, location, _ = await post(
            client, f"/admin/events/{event.id}/cancel", {"date": str(occ.epoch)}
        )
        assert status == 303 and location == f"/admin/events/{event.id}"
        page = await get(client, location)
        assert t("de", "dashboard.events.notice.cancelled_date") in page
        overrides = await store.events.overrides(event.id)
        assert overrides[occ.key].cancelled
        assert (await store.events.get(event.id)).status != "cancelled"  # type: ignore[union-attr]
        status, _, _ = await post(client, f"/admin/events/{event.id}/cancel", {"date": "all"})
        assert status == 303
        assert (await store.events.get(event.id)).cancelled  # type: ignore[union-attr]
        async with client.get(f"/admin/events/{event.id}/cancel?date=123") as response:
            assert response.status == 404  # not a date of this event
    assert await delivered(dash.adapter, "anna", "Stammtisch", dash)
    actions = [e["action"] for e in await store.audit.recent()]
    assert actions.count("event.cancelled") == 2


async def test_attendees_as_csv_for_excel_and_plain(dash: Dashboard) -> None:
    store, services = dash.services.store, dash.services
    anna = await add_member(store, "=Anna")
    event = await add_event(services, title="Workshop")
    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    await EventService(store, services.notifier, services.settings).answer(occ, anna, "yes")
    async with await dash.signed_in() as client:
        assert "=Anna" in await get(client, f"/admin/events/{event.id}/attendees?date={occ.epoch}")
        async with client.get(f"/admin/events/{event.id}/attendees.csv") as response:
            assert "attachment" in response.headers["Content-Disposition"]
            excel = await response.read()
        async with client.get(f"/admin/events/{event.id}/attendees.csv?format=csv") as response:
            plain = (await response.read()).decode()
    assert excel.startswith("\ufeff".encode()) and b";'=Anna;" in excel
    rows = list(csv.reader(io.StringIO(plain)))
    assert rows[1][3] == "=Anna" and rows[1][5] == "yes"


@pytest.fixture
async def calendar_server() -> AsyncIterator[str]:
    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=calendar(conference("Konferenz per URL")))

    app = web.Application()
    app.router.add_get("/events.ics", feed)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


async def test_importing_a_calendar_from_a_file_and_a_url(
    dash: Dashboard, calendar_server: str
) -> None:
    store = dash.services.store
    async with await dash.signed_in() as client:
        upload = aiohttp.FormData()
        upload.add_field("file", calendar(conference()), filename="website.ics")
        status, _, body = await post(client, "/admin/events/import", upload)
        assert status == 200 and "1 neu" in body
        upload = aiohttp.FormData()
        upload.add_field("file", calendar(conference()), filename="website.ics")
        status, _, body = await post(client, "/admin/events/import", upload)
        assert "1 unverändert" in body  # the same file again: a sync, nothing doubled
        upload = aiohttp.FormData()
        upload.add_field("file", b"<html>secret</html>", filename="page.html")
        status, _, body = await post(client, "/admin/events/import", upload)
        assert status == 400 and "secret" not in body
        status, _, body = await post(client, "/admin/events/import", {"url": "ftp://x"})
        assert status == 400 and t("de", "dashboard.import.nothing") in body
        status, _, body = await post(
            client, "/admin/events/import", {"url": f"{calendar_server}/missing.ics"}
        )
        assert status == 400 and "404" in body
    titles = {e.title for e in await store.events.all()}
    assert titles == {"Konferenz Südwestfalen"}
    async with await dash.signed_in() as client:
        # a different source with the same UID is not taken over
        status, _, body = await post(
            client, "/admin/events/import", {"url": f"{calendar_server}/events.ics"}
        )
        assert status == 200 and "1 übersprungen" in body


async def test_a_broadcast_counts_previews_sends_and_confirms_the_count(dash: Dashboard) -> None:
    store = dash.services.store
    topic = await store.topics.create("Wasserstoff", "")
    for name in ("Anna", "Bernd"):
        await add_member(store, name, topics=(topic.id,))
    await add_member(store, "Clara")
    draft = {"kind": "topic", "topic_id": str(topic.id), "region": "", "text": "*Hallo*"}
    async with await dash.signed_in() as client:
        async with client.get(f"/admin/broadcasts/count?kind=topic&topic_id={topic.id}") as r:
            assert (await r.json())["total"] == 2
        async with client.get("/admin/broadcasts/count?kind=all") as r:
            assert (await r.json())["total"] == 3
        async with client.get("/admin/broadcasts/count?kind=topic&topic_id=99") as r:
            assert (await r.json())["total"] is None
        status, _, body = await post(client, "/admin/broadcasts/new", {**draft, "step": "count"})
        assert tn("de", "dashboard.broadcasts.recipients", 2) in body
        status, _, body = await post(client, "/admin/broadcasts/new", {**draft, "step": "preview"})
        assert 'data-count="2"' in body and "<strong>Hallo</strong>" in body
        status, _, body = await post(
            client, "/admin/broadcasts/new", {**draft, "text": " ", "step": "preview"}
        )
        assert status == 400 and t("de", "broadcast.empty_text") in body
        # someone subscribed since the preview: nothing is sent, the new number is shown
        await add_member(store, "Dora", topics=(topic.id,))
        sent = {**draft, "step": "send", "expected": "2"}
        status, _, body = await post(client, "/admin/broadcasts/new", sent)
        assert t("de", "dashboard.broadcasts.count_changed") in body and 'data-count="3"' in body
        assert await store.broadcasts.recent() == []
        status, location, _ = await post(client, "/admin/broadcasts/new", {**sent, "expected": "3"})
        assert status == 303 and location.startswith("/admin/broadcasts/")
        page = await get(client, location)
        assert t("de", "dashboard.broadcasts.notice.sent") in page
    [broadcast] = await store.broadcasts.recent()
    assert broadcast.recipients == 3 and broadcast.created_by == "console:admin"


async def test_a_broadcast_is_scheduled_and_cancelled(dash: Dashboard) -> None:
    store = dash.services.store
    await add_member(store, "Anna")
    when = (utcnow() + timedelta(days=2)).astimezone(dash.services.settings.zone)
    draft = {"kind": "all", "text": "Später", "send_at": f"{when:%Y-%m-%dT%H:%M}"}
    async with await dash.signed_in() as client:
        status, _, body = await post(
            client, "/admin/broadcasts/new", {**draft, "step": "schedule", "send_at": "morgen"}
        )
        assert status == 400 and t("de", "broadcast.bad_time", value="morgen") in body
        status, location, _ = await post(
            client, "/admin/broadcasts/new", {**draft, "step": "schedule"}
        )
        assert t("de", "dashboard.broadcasts.notice.scheduled") in await get(client, location)
        broadcast_id = int(location.split("/")[-1])
        assert (await store.broadcasts.get(broadcast_id)).status == "scheduled"  # type: ignore[union-attr]
        status, location, _ = await post(client, f"/admin/broadcasts/{broadcast_id}/cancel", {})
        assert t("de", "dashboard.broadcasts.notice.cancelled") in await get(client, location)
        assert "/admin/broadcasts/" in (await get(client, "/admin/broadcasts"))
    assert (await store.broadcasts.get(broadcast_id)).status == "cancelled"  # type: ignore[union-attr]


async def test_the_dashboard_reads_a_broadcast_as_the_chat_form_does(dash: Dashboard) -> None:
    """The same send times and texts are refused with the same words on the web and in the
    chat: both read them through the broadcast service's readers."""
    await add_member(dash.services.store, "Anna")
    zone = dash.services.settings.zone
    past = (utcnow() - timedelta(hours=2)).astimezone(zone)
    far = (utcnow() + timedelta(days=400)).astimezone(zone)
    admin = dash.person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Alle Mitglieder")
    said = (await admin.say("x" * 4001))[0].text
    async with await dash.signed_in() as client:
        form = {"kind": "all", "text": "x" * 4001, "step": "preview"}
        status, _, body = await post(client, "/admin/broadcasts/new", form)
        assert status == 400 and said in body
        await admin.say("Sommerfest für „Müller & Söhne“")
        await admin.press("Planen")
        for typed in ("morgen früh", f"{past:%d.%m.%Y %H:%M}", f"{far:%Y-%m-%dT%H:%M}"):
            said = (await admin.say(typed))[0].text
            form = {"kind": "all", "text": "Sommerfest", "send_at": typed, "step": "schedule"}
            status, _, body = await post(client, "/admin/broadcasts/new", form)
            assert status == 400 and said in body, (typed, said)
    assert await dash.services.store.broadcasts.recent() == []


async def test_topics_and_groups_with_moderators(dash: Dashboard) -> None:
    store = dash.services.store
    anna = await add_member(store, "Anna Muster")
    async with await dash.signed_in() as client:
        status, location, _ = await post(
            client, "/admin/topics/new", {"name": "Robotik", "description": "Arme"}
        )
        assert status == 303 and location == "/admin/topics"
        created = t("de", "dashboard.structure.notice.topic_created", name="Robotik")
        assert created in await get(client, location)
        status, _, body = await post(client, "/admin/topics/new", {"name": "robotik"})
        assert status == 400 and t("de", "topics.duplicate", topic="robotik") in body
        topic = await store.topics.find("Robotik")
        assert topic is not None
        status, location, _ = await post(
            client, "/admin/groups/new",
            {"name": "AG Greifer", "join_policy": "request", "topic_id": str(topic.id)},
        )  # fmt: skip
        assert status == 303
        group = await store.groups.find("AG Greifer")
        assert group is not None and group.join_policy == "request" and group.topic_id == topic.id
        status, _, _ = await post(
            client, f"/admin/groups/{group.id}/moderators", {"member": "@Anna Muster"}
        )
        assert (await store.groups.membership(group.id, anna)).moderator  # type: ignore[union-attr]
        status, _, body = await post(
            client, f"/admin/groups/{group.id}/moderators", {"member": "Niemand"}
        )
        assert status == 400 and t("de", "groups.member_unknown", who="Niemand") in body
        await post(client, f"/admin/groups/{group.id}/moderators", {"remove": str(anna)})
        assert not (await store.groups.membership(group.id, anna)).moderator  # type: ignore[union-attr]
        await post(client, f"/admin/groups/{group.id}/archive", {})
        await post(client, f"/admin/topics/{topic.id}/archive", {})
        status, _, body = await post(client, f"/admin/topics/{topic.id}/archive", {})
        assert status == 400 and t("de", "topics.already_archived", topic="Robotik") in body
    assert not (await store.groups.get(group.id)).active  # type: ignore[union-attr]
    actions = {(e["action"], e["actor"]) for e in await store.audit.recent()}
    assert ("topic.created", "console:admin") in actions
    assert ("group.moderator_named", "console:admin") in actions


async def test_the_audit_log_filters_by_action_actor_and_day(dash: Dashboard) -> None:
    store = dash.services.store
    await store.audit.record("event.created", "telegram:1", title="A")
    await store.audit.record("topic.created", "slack:U2", name="B")
    today = utcnow().date()
    async with await dash.signed_in() as client:
        body = await get(client, "/admin/audit?action=topic")
        assert "<td>topic.created</td>" in body and "<td>event.created</td>" not in body
        body = await get(client, "/admin/audit?actor=telegram")
        assert "event.created" in body and "slack:U2" not in body
        body = await get(client, f"/admin/audit?since={today + timedelta(days=1)}")
        assert tn("de", "dashboard.audit.found", 0) in body
        body = await get(client, f"/admin/audit?since={today}&until={today}&action=event")
        assert tn("de", "dashboard.audit.found", 1) in body


async def test_export_erase_and_cooperation_go_through_their_services(dash: Dashboard) -> None:
    """The privacy and cooperation capabilities lend the dashboard their actions
    (handlers/dashboard/providers.py): the export is the member's real JSON document, the
    erasure is the real one (audited), open requests are listed escaped."""
    store = dash.services.store
    anna = await add_member(store, "Anna")
    now = to_db_time(utcnow())
    await store.db.execute(
        "INSERT INTO cooperation_requests (author_id, kind, title, description, created_at,"
        " expires_at) VALUES (?, 'seek', 'Partner für <KI>', 'd', ?, ?)",
        (anna, now, to_db_time(utcnow() + timedelta(days=30))),
    )
    async with await dash.signed_in() as client:
        assert "Partner für &lt;KI&gt;" in await get(client, "/admin/")
        body = await get(client, "/admin/members")
        assert f"/admin/members/{anna}/erase" in body
        async with client.get(f"/admin/members/{anna}/export") as response:
            document = json.loads(await response.read())
            assert document["member_id"] == anna and document["tables"]["members"]
            assert f"export-{anna}-" in response.headers["Content-Disposition"]
        question = await get(client, f"/admin/members/{anna}/erase")
        assert t("de", "dashboard.members.erase_confirm") in question
        assert await store.members.get(anna) is not None  # asking erases nothing
        status, location, _ = await post(client, f"/admin/members/{anna}/erase", {})
        assert status == 303 and location == "/admin/members"
        erased = t("de", "dashboard.members.notice.erased", name="Anna")
        assert erased in await get(client, location)
    assert await store.members.get(anna) is None
    actions = [(e.action, e.actor) for e in await store.audit.entries()]
    assert ("member.exported", "console:admin") in actions
    assert ("member.erased", "console:admin") in actions


async def test_the_chart_counts_deliveries_per_day(dash: Dashboard) -> None:
    store = dash.services.store
    await add_member(store, "Anna")
    await dash.services.notifier.to_chat("console", "anna", Outgoing(text="x"))
    await dash.services.worker.drain(within=5.0)
    async with await dash.signed_in() as client:
        body = await get(client, "/admin/")
    assert t("de", "dashboard.overview.chart_title", count=1) in body
    assert body.count('<rect class="col"') == 30


async def test_pasted_text_is_cleaned_on_the_web_as_in_the_chat(dash: Dashboard) -> None:
    """A soft hyphen and a zero-width space pasted into a form do not reach the store."""
    async with await dash.signed_in() as client:
        name = "Pulver\u00adbeschichtung\u200b"
        status, _, _ = await post(client, "/admin/topics/new", {"name": name})
        assert status == 303
    assert await dash.services.store.topics.find("Pulverbeschichtung") is not None


async def test_a_broadcast_marked_urgent_on_the_dashboard_is_sent_as_urgent(
    dash: Dashboard,
) -> None:
    store = dash.services.store
    await add_member(store, "Anna")
    draft = {"kind": "all", "text": "Die Halle ist gesperrt", "urgent": "1"}
    async with await dash.signed_in() as client:
        _, _, compose = await post(client, "/admin/broadcasts/new", {**draft, "step": "edit"})
        assert 'id="urgent" name="urgent" value="1" checked' in compose
        _, _, body = await post(client, "/admin/broadcasts/new", {**draft, "step": "preview"})
        assert t("de", "broadcast.preview_urgent") in body
        assert '<input type="hidden" name="urgent" value="1">' in body
        sent = {**draft, "step": "send", "expected": "1"}
        status, _, _ = await post(client, "/admin/broadcasts/new", sent)
        assert status == 303
    [broadcast] = await store.broadcasts.recent()
    assert broadcast.urgent
