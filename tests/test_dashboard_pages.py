"""The dashboard's pages over HTTP: each renders for an admin, in the admin's language,
with member-supplied text escaped and a CSRF token in every form."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.calendar.recurrence import next_occurrence
from bot.i18n import t
from bot.settings import Settings
from handlers.events.service import EventService
from storage.db import utcnow
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.events_support import add_event

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
HOSTILE = '<script>alert("x")</script>'


async def demo(dash: Dashboard) -> dict[str, int]:
    """A topic, a group, an event with answers, a broadcast and a pending member."""
    store, services = dash.services.store, dash.services
    topic = await store.topics.create("KI in der Industrie", "Maschinelles Lernen")
    anna = await add_member(store, "Anna", topics=(topic.id,))
    await add_member(store, HOSTILE, status="pending")
    group = await store.groups.create("AG Wasserstoff", "", "open", None, "test")
    await store.groups.join(group.id, anna, role="moderator")
    event = await add_event(services, title=f"Stammtisch {HOSTILE}", topic_ids=[topic.id])

    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    await EventService(store, services.notifier, services.settings).answer(occ, anna, "yes")
    return {"topic": topic.id, "group": group.id, "event": event.id, "anna": anna}


def pages(ids: dict[str, int]) -> list[str]:
    event, group = ids["event"], ids["group"]
    return [
        "/admin/", "/admin/members", "/admin/members?status=pending&q=script",
        f"/admin/members?topic={ids['topic']}&region=Hagen&platform=console",
        "/admin/events", "/admin/events?all=1", "/admin/events/new", f"/admin/events/{event}",
        f"/admin/events/{event}/edit", f"/admin/events/{event}/cancel?date=all",
        f"/admin/events/{event}/attendees", "/admin/events/import", "/admin/broadcasts",
        "/admin/broadcasts/new", "/admin/topics", f"/admin/groups/{group}",
        "/admin/audit", "/admin/audit?action=event&actor=test",
    ]  # fmt: skip


async def test_every_page_renders_escaped_with_csrf_in_every_form(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        ids = await demo(dash)
        client = await dash.signed_in()
        async with client:
            for path in pages(ids):
                async with client.get(path, allow_redirects=False) as response:
                    body = await response.text()
                    assert response.status == 200, (path, body[:2000])
                assert "<script>alert" not in body, path
                assert "style=" not in body, path  # the CSP allows no inline styles
                for form in FORM.findall(body):
                    if 'method="post"' in form:
                        assert 'name="csrf" value="' in form, (path, form[:200])
            async with client.get("/admin/members") as response:
                assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in await response.text()


async def test_unknown_ids_are_404(make_settings: Callable[..., Settings]) -> None:
    async with running_dashboard(make_settings) as dash:
        client = await dash.signed_in()
        async with client:
            for path in ("/admin/events/999", "/admin/events/x/edit", "/admin/groups/5",
                         "/admin/broadcasts/7", "/admin/events/999/attendees.csv"):  # fmt: skip
                async with client.get(path, allow_redirects=False) as response:
                    assert response.status == 404, path


async def test_an_english_admin_sees_english(make_settings: Callable[..., Settings]) -> None:
    async with running_dashboard(make_settings) as dash:
        boss = dash.person("boss", "en")
        await boss.register(language="English")
        await dash.services.store.members.grant_admin("console:boss")
        client = await dash.signed_in("boss")
        async with client, client.get("/admin/") as response:
            body = await response.text()
        assert t("en", "dashboard.overview.upcoming") in body
        assert t("de", "dashboard.overview.upcoming") not in body
        assert '<html lang="en">' in body
