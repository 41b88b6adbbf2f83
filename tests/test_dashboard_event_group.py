"""An event's working group is changed in the dashboard's edit form: the new group's members
(German and English) hear of the event once, nobody else again, and an archived group of
the event survives editing something else."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import pytest

from bot.settings import Settings
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.events_support import add_event
from tests.groups_support import group_service, make_group
from tests.test_dashboard_actions import delivered, get, post


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


def _fields(form: str, **changes: str) -> dict[str, object]:
    """The edit form's values as shown, with ``changes``."""
    start = re.search(r'name="start" value="([^"]+)"', form)
    assert start is not None
    return {
        "title": "Wasserstoff-Werkstatt",
        "start": start.group(1),
        "format": "workshop",
        **changes,
    }


async def test_the_group_is_changed_in_the_edit_form_and_its_members_are_told(
    dash: Dashboard,
) -> None:
    store, services = dash.services.store, dash.services
    anna = await add_member(store, "Anna")
    bob = await add_member(store, "Bob", language="en")
    cem = await add_member(store, "Cem")
    h2 = await make_group(store, services.settings, "AG Wasserstoff", members=(anna, bob))
    robots = await make_group(store, services.settings, "AG Robotik", members=(cem,))
    event = await add_event(services, title="Wasserstoff-Werkstatt", group_id=robots.id)
    assert await delivered(dash.adapter, "cem", "Neuer Termin: Wasserstoff-Werkstatt", dash)

    async with await dash.signed_in() as client:
        form = await get(client, f"/admin/events/{event.id}/edit")
        assert '<select id="group" name="group">' in form  # not disabled
        assert f'<option value="{h2.id}">AG Wasserstoff</option>' in form
        status, location, _ = await post(
            client, f"/admin/events/{event.id}/edit", _fields(form, group=str(h2.id))
        )
        assert status == 303 and location == f"/admin/events/{event.id}"
        changed = await store.events.get(event.id)
        assert changed is not None and changed.group_id == h2.id
        assert "AG Wasserstoff" in await get(client, f"/admin/events/{event.id}")
        assert await delivered(dash.adapter, "anna", "Neuer Termin: Wasserstoff-Werkstatt", dash)
        assert await delivered(dash.adapter, "bob", "New event: Wasserstoff-Werkstatt", dash)

        # an edit of something else tells the group nothing new, and keeps the group
        status, _, _ = await post(
            client,
            f"/admin/events/{event.id}/edit",
            _fields(form, group=str(h2.id), title="H2-Werkstatt"),
        )
        assert status == 303
        await services.worker.drain(within=5.0)
        news = [s for s in dash.adapter.sent if "Neuer Termin" in (s.message.title or "")]
        assert sorted(s.chat_id for s in news) == ["anna", "cem"]

        # the group archived: editing the title keeps the event in it
        await group_service(store, services.settings).archive("AG Wasserstoff")
        form = await get(client, f"/admin/events/{event.id}/edit")
        assert f'<option value="{h2.id}" selected>AG Wasserstoff</option>' in form
        status, _, _ = await post(
            client,
            f"/admin/events/{event.id}/edit",
            _fields(form, group=str(h2.id), title="H2-Werkstatt 2"),
        )
        assert status == 303
        kept = await store.events.get(event.id)
        assert kept is not None and kept.group_id == h2.id

        # and it can leave its group
        status, _, _ = await post(
            client, f"/admin/events/{event.id}/edit", _fields(form, group="", title="Offen")
        )
        assert status == 303
    alone = await store.events.get(event.id)
    assert alone is not None and alone.group_id is None
    entries = await store.audit.entries(action="event.group_changed")
    assert [e.detail["group_id"] for e in entries] == [h2.id, None]
