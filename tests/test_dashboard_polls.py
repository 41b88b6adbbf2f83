"""The dashboard's date polls (Terminfindungen), over HTTP: created through the chat form's
fields and the same finish, refused with the chat's messages, followed in a live tally,
ended and closed into one event through the chat's service."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from datetime import datetime

import pytest
from markupsafe import escape

from bot.i18n import format_datetime, t
from bot.services import Services
from bot.settings import Settings
from handlers.events.inputs import MAX_CAPACITY
from handlers.polls.service import PollService
from storage.polls import NewPoll, Poll
from tests.dashboard_support import Dashboard, running_dashboard
from tests.fake_telegram_harness import wait_for
from tests.helpers import Person
from tests.polls_support import ZONE, as_shown, day, organiser_and_group, typed
from tests.test_dashboard_actions import get, post
from tests.test_dashboard_once import once_of, shows_first_outcome, twice


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


def fields_of(group_id: int, options: str, deadline: datetime, **more: str) -> dict[str, str]:
    values = {
        "title": "Treffen AG Wasserstoff",
        "audience": "group",
        "group": str(group_id),
        "topic": "",
        "members": "",
        "options": options,
        "deadline": typed(deadline),
        "visibility": "all",
        "remind": "",
    }
    values.update(more)
    return values


async def polls_of(services: Services) -> list[Poll]:
    return await services.store.polls.recent()


def shown(text: str) -> str:
    """A message as the page writes it (HTML-escaped)."""
    return str(escape(text))


async def chat_refusal(services: Services, options: str) -> str:
    """What ``/terminfindung`` answers to these candidate dates in the chat."""
    organiser = Person(services.core, "admin")
    await organiser.say("/terminfindung")
    await organiser.say("Treffen AG Wasserstoff")
    await organiser.press("Eine Arbeitsgruppe")
    await organiser.press("AG Wasserstoff")
    replies = await organiser.say(options)
    await organiser.say("/abbrechen")
    return replies[0].text


async def test_a_poll_created_on_the_web_reaches_the_group_and_is_listed(dash: Dashboard) -> None:
    services = dash.services
    _organiser, group, ids = await organiser_and_group(services)
    first, second = day(5, 10), day(6, 14)
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/polls/new")
        assert t("de", "dashboard.nav.polls") in page  # in the navigation
        fields = fields_of(group.id, f"{as_shown(first)}, {typed(second)}", day(3, 18))
        status, location, _ = await post(
            client,
            "/admin/polls/new",
            {**fields, "remind": typed(day(2, 9)), "once": once_of(page, "/admin/polls/new")},
        )
        assert status == 303 and re.fullmatch(r"/admin/polls/\d+", location), location
        [poll] = await polls_of(services)
        assert location == f"/admin/polls/{poll.id}"
        assert poll.organiser_id == ids["admin"] and poll.audience_ref == group.id
        assert [o.start for o in poll.options] == [first, second]
        assert poll.remind_at == day(2, 9) and poll.deadline == day(3, 18)
        assert sorted(await services.store.polls.audience(poll.id)) == sorted(
            [ids["ben"], ids["cara"]]
        )
        page = await get(client, location)
        assert t("de", "dashboard.polls.notice.created") in page
        assert "Ben, Cara" in page  # nobody has answered yet
        listing = await get(client, "/admin/polls")
        assert "Treffen AG Wasserstoff" in listing and "AG Wasserstoff" in listing
        assert t("de", "dashboard.polls.state.open") in listing
        assert t("de", "dashboard.polls.rate_value", answered=0, asked=2, rate=0) in listing
        entries = await services.store.audit.recent(limit=20)
        assert any(e["action"] == "poll.created" and e["actor"] == "console:admin" for e in entries)
    await services.worker.drain(within=5.0)
    assert any("Terminabstimmung" in (s.message.title or "") for s in dash.adapter.sent
               if s.chat_id == "ben")  # fmt: skip
    assert any("Date poll" in (s.message.title or "") for s in dash.adapter.sent
               if s.chat_id == "cara")  # fmt: skip


async def test_the_create_form_sent_twice_creates_one_poll(dash: Dashboard) -> None:
    _organiser, group, _ids = await organiser_and_group(dash.services)
    fields = fields_of(group.id, f"{typed(day(5, 10))}; {typed(day(6, 10))}", day(3, 18))
    async with await dash.signed_in() as client:
        page = await get(client, "/admin/polls/new")
        first, second = await twice(client, page, "/admin/polls/new", fields)
        await shows_first_outcome(client, first, second, "dashboard.polls.notice.resubmitted")
    assert len(await polls_of(dash.services)) == 1
    await dash.services.worker.drain(within=5.0)
    ballots = [s for s in dash.adapter.sent if s.chat_id == "ben"
               and "Terminabstimmung" in (s.message.title or "")]  # fmt: skip
    assert len(ballots) == 1


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("past", "options"),
        ("twice", "options"),
        ("thirteen", "options"),
        ("one", "options"),
        ("deadline_after_first", "deadline"),
        ("remind_after_deadline", "remind"),
        ("no_group", "group"),
        ("bad_member", "members"),
    ],
)
async def test_bad_input_is_refused_with_the_chats_message_and_nothing_is_written(
    dash: Dashboard, case: str, field: str
) -> None:
    services = dash.services
    _organiser, group, _ids = await organiser_and_group(services)
    soon, later = day(5, 10), day(6, 10)
    good = f"{typed(soon)}, {typed(later)}"
    deadline = day(3, 18)
    sent = {
        "past": fields_of(group.id, f"{typed(day(-2, 10))}, {typed(later)}", deadline),
        "twice": fields_of(group.id, f"{typed(soon)}, {as_shown(soon)}", deadline),
        "thirteen": fields_of(
            group.id, "; ".join(typed(day(10 + n, 10)) for n in range(13)), deadline
        ),
        "one": fields_of(group.id, typed(soon), deadline),
        "deadline_after_first": fields_of(group.id, good, day(5, 12)),
        "remind_after_deadline": fields_of(group.id, good, deadline, remind=typed(day(4, 9))),
        "no_group": fields_of(group.id, good, deadline, group=""),
        "bad_member": fields_of(group.id, good, deadline, audience="members", members="#12, x"),
    }[case]
    expected = {
        "past": t("de", "polls.option_past", date=as_shown(day(-2, 10))),
        "twice": t("de", "polls.twice", date=as_shown(soon)),
        "thirteen": t("de", "polls.too_many", count=13, max=12),
        "one": t("de", "polls.too_few"),
        "deadline_after_first": t(
            "de", "polls.deadline_after_first", first=format_datetime(soon, "de", ZONE)
        ),
        "remind_after_deadline": t(
            "de", "polls.remind_late", deadline=format_datetime(deadline, "de", ZONE)
        ),
        "no_group": t("de", "error.empty.web"),
        "bad_member": t("de", "polls.no_members", member="x"),
    }[case]
    async with await dash.signed_in() as client:
        status, _, page = await post(client, "/admin/polls/new", sent)
    assert status == 400
    assert f'id="{field}"' in page and f'aria-describedby="{field}-error"' in page
    message = re.search(rf'<p class="error" id="{field}-error">([^<]+)</p>', page)
    assert message, page
    assert message.group(1) == shown(expected)
    if case in ("past", "twice", "thirteen", "one"):  # the same words as the chat's
        assert message.group(1) == shown(await chat_refusal(services, sent["options"]))
    assert sent["title"] in page  # what was typed is kept
    assert await polls_of(services) == []
    assert not [
        e for e in await services.store.audit.recent(limit=50) if e["action"] == "poll.created"
    ]


async def _open_poll(services: Services) -> tuple[Poll, dict[str, int]]:
    """A poll to the group, started through the service; Ben answered, Cara did not."""
    _organiser, group, ids = await organiser_and_group(services)
    first, second = day(5, 10), day(6, 14)
    svc = PollService(services.store, services.notifier, services.settings, "test")
    organiser = await services.store.members.get(ids["admin"])
    assert organiser is not None

    poll = await svc.start(
        NewPoll(title="Treffen AG Wasserstoff", organiser_id=organiser.id, audience_kind="group",
                audience_ref=group.id, deadline=day(3, 18), visibility="all", remind_at=None,
                options=[(first, None), (second, None)]),
        [ids["ben"], ids["cara"]],
        organiser,
    )  # fmt: skip
    await svc.vote(poll.id, ids["ben"], 0, "m")
    await svc.vote(poll.id, ids["ben"], 1, "y")
    return poll, ids


async def test_the_poll_page_shows_the_live_tally_best_first(dash: Dashboard) -> None:
    services = dash.services
    poll, ids = await _open_poll(services)
    async with await dash.signed_in() as client:
        page = await get(client, f"/admin/polls/{poll.id}")
        rows = re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>"
                          r"<td>([^<]+)</td></tr>", page)  # fmt: skip
        assert rows == [
            (as_shown(day(6, 14)), "1", "0", "0", "1"),  # yes counts 1
            (as_shown(day(5, 10)), "0", "1", "0", "0,5"),  # if need be ½
        ]
        assert re.search(r'<p id="waiting">Cara</p>', page)
        assert t("de", "dashboard.polls.rate_value", answered=1, asked=2, rate=50) in page
        # a vote that comes in shows on the next look
        await PollService(services.store, services.notifier, services.settings).vote(
            poll.id, ids["cara"], 0, "y"
        )
        page = await get(client, f"/admin/polls/{poll.id}")
        assert t("de", "dashboard.polls.all_answered") in page
        assert 'id="close-form"' not in page  # open: ended first
        status, _, _ = await post(client, "/admin/polls/999/end", {})
        assert status == 404


async def test_ending_and_closing_makes_one_event_with_the_answers(dash: Dashboard) -> None:
    services = dash.services
    store = services.store
    poll, ids = await _open_poll(services)
    svc = PollService(store, services.notifier, services.settings)
    await svc.vote(poll.id, ids["cara"], 1, "m")
    async with await dash.signed_in() as client:
        page = await get(client, f"/admin/polls/{poll.id}")
        status, location, _ = await post(
            client,
            f"/admin/polls/{poll.id}/end",
            {"once": once_of(page, f"/admin/polls/{poll.id}/end")},
        )
        assert status == 303 and location == f"/admin/polls/{poll.id}"
        ended = await store.polls.get(poll.id)
        assert ended is not None and ended.state == "ended"
        page = await get(client, location)
        assert t("de", "dashboard.polls.notice.ended") in page
        # the best date is preselected
        best = re.search(r'name="option" value="(\d+)" checked', page)
        assert best and best.group(1) == "1"
        # a refused close: the chat's words for the seats, nothing made
        action = f"/admin/polls/{poll.id}/close"
        status, _, refused = await post(
            client, action, {"option": "1", "where": "Rathaus Olpe", "capacity": "viele",
                             "once": once_of(page, action)},
        )  # fmt: skip
        assert status == 400
        message = t("de", "events.bad_capacity.web", max=MAX_CAPACITY)
        assert f'<p class="error" id="capacity-error">{shown(message)}</p>' in refused
        assert await store.events.all() == []
        # closing, sent twice: one event
        fields = {"option": "1", "where": "Rathaus Olpe", "capacity": "20"}
        first, second = await twice(client, refused, action, fields)
        await shows_first_outcome(client, first, second, "dashboard.polls.notice.resubmitted")
        # and once more with a fresh form: refused, still one event
        status, _, again = await post(client, action, {**fields, "once": "another-token-123"})
        assert status == 400 and shown(t("de", "polls.already_closed")) in again
    [event] = await store.events.all()
    assert event.start == day(6, 14) and event.location == "Rathaus Olpe" and event.capacity == 20
    closed = await store.polls.get(poll.id)
    assert closed is not None and closed.state == "closed" and closed.event_id == event.id
    rsvp = await store.rsvps.get(event.id, event.start, ids["ben"])
    assert rsvp is not None and rsvp.status == "yes"  # Ja -> Zusage
    maybe = await store.rsvps.get(event.id, event.start, ids["cara"])
    assert maybe is not None and maybe.status == "maybe"  # Wenn nötig -> Vielleicht
    await services.worker.drain(within=5.0)

    def results(chat: str) -> list[str]:
        return [s.message.title or "" for s in dash.adapter.sent
                if s.chat_id == chat and s.message.title in ("Termin steht: Treffen AG Wasserstoff",
                                                             "Date set: Treffen AG Wasserstoff")]  # fmt: skip

    await wait_for(lambda: bool(results("ben")) and bool(results("cara")))
    assert len(results("ben")) == 1 and len(results("cara")) == 1  # told once


async def test_chosen_members_are_asked_by_their_numbers(dash: Dashboard) -> None:
    services = dash.services
    _organiser, group, ids = await organiser_and_group(services)
    good = f"{typed(day(5, 10))}, {typed(day(6, 10))}"
    fields = fields_of(group.id, good, day(3, 18), audience="members", members=f"#{ids['cara']}")
    async with await dash.signed_in() as client:
        status, location, _ = await post(client, "/admin/polls/new", fields)
        assert status == 303, location
        [poll] = await polls_of(services)
        assert poll.audience_kind == "members"
        assert await services.store.polls.audience(poll.id) == [ids["cara"]]
        listing = await get(client, "/admin/polls")
        assert "1 ausgewähltes Mitglied" in listing


async def test_an_admin_without_a_member_profile_is_told_and_nothing_is_written(
    dash: Dashboard,
) -> None:
    services = dash.services
    store = services.store
    group = await store.groups.create("AG Wasserstoff", "", "open", None, "t")
    fields = fields_of(group.id, f"{typed(day(5, 10))}, {typed(day(6, 10))}", day(3, 18))
    async with await dash.signed_in() as client:  # console:admin, an admin by the settings
        status, _, page = await post(client, "/admin/polls/new", fields)
    assert status == 400 and shown(t("de", "dashboard.polls.no_member")) in page
    assert await polls_of(services) == []
