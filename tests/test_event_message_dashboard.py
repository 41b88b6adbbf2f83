"""The dashboard's page for writing to an event's people: the counts of each choice, the
preview with the exact count, a form sent twice sending once, and refusals (nobody of the
date answered that way, a cancelled event)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import pytest

from bot.calendar.recurrence import next_occurrence
from bot.i18n import t
from bot.settings import Settings
from storage.db import utcnow
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.events_support import add_event
from tests.events_support import service as events_service
from tests.test_dashboard_actions import get, post
from tests.test_dashboard_once import shows_first_outcome, twice


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


async def test_a_message_to_the_yes_answers_sent_twice_reaches_them_once(
    dash: Dashboard,
) -> None:
    store = dash.services.store
    m = {name: await add_member(store, name) for name in ("Anna", "Bernd", "Cem", "Dora")}
    event = await add_event(dash.services, title="Wasserstoff-Tag", capacity=2)
    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    for name, answer in (("Anna", "yes"), ("Bernd", "yes"), ("Cem", "maybe")):
        await events_service(dash.services).answer(occ, m[name], answer)
    path = f"/admin/events/{event.id}/message"
    async with await dash.signed_in() as client:
        assert f'href="{path}?date={occ.epoch}"' in await get(client, f"/admin/events/{event.id}")
        page = await get(client, f"{path}?date={occ.epoch}")
        assert "Zusagen (2)" in page and "Vielleicht (1)" in page and "Warteliste (0)" in page
        draft = {"date": str(occ.epoch), "people": "yes", "text": "Bitte *Ausweis* mitbringen"}
        status, _, preview = await post(client, path, {**draft, "step": "preview"})
        assert status == 200
        assert 'data-count="2"' in preview
        assert "Zusagen zu „Wasserstoff-Tag“" in preview
        first, second = await twice(
            client, preview, path, {**draft, "step": "send", "expected": "2"}
        )
        assert first[0] == 303 and re.fullmatch(r"/admin/broadcasts/\d+", first[1])
        await shows_first_outcome(client, first, second, "dashboard.broadcasts.notice.resubmitted")
    [made] = await store.broadcasts.recent()
    assert made.audience.people == "yes"
    await dash.services.worker.drain(within=5.0)
    reached = sorted(s.chat_id for s in dash.adapter.sent if "Ausweis" in s.message.text)
    assert reached == ["anna", "bernd"]


async def test_nobody_on_the_waiting_list_and_a_cancelled_event_send_nothing(
    dash: Dashboard,
) -> None:
    store = dash.services.store
    anna = await add_member(store, "Anna")
    event = await add_event(dash.services, title="Wasserstoff-Tag")
    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    await events_service(dash.services).answer(occ, anna, "yes")
    path = f"/admin/events/{event.id}/message"
    draft = {"date": str(occ.epoch), "people": "waitlist", "text": "Hallo"}
    async with await dash.signed_in() as client:
        _, _, preview = await post(client, path, {**draft, "step": "preview"})
        assert 'data-count="0"' in preview and 'id="send-now" disabled' in preview
        status, _, refused = await post(client, path, {**draft, "step": "send", "expected": "0"})
        assert status == 400 and t("de", "event_message.nobody") in refused
        await events_service(dash.services).cancel(event)
        page = await get(client, path)
        assert 'id="no-dates"' in page and "abgesagt" in page
        draft["people"] = "yes"
        status, _, refused = await post(client, path, {**draft, "step": "send", "expected": "1"})
        assert status == 400 and "abgesagt" in refused
    assert await store.broadcasts.recent() == []
