"""Date polls on Slack through the fake Web API: "Offene Abstimmungen" in the App Home,
the ballot sent to the DM from there, and an answer that edits that same message;
/terminfindung as a modal with date pickers, refused next to the block at fault."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from bot.settings import Settings
from storage.db import utcnow
from storage.polls import NewPoll
from tests.groups_support import make_group
from tests.polls_support import as_shown, day, typed
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        yield world


async def test_open_polls_in_the_app_home_and_a_vote_edits_the_ballot(slack: SlackWorld) -> None:
    fake, store = slack.fake, slack.services.store
    anna = await add_member(slack.services, "U1", "Anna Muster")
    soon = utcnow().replace(microsecond=0) + timedelta(days=2)
    poll = await store.polls.create(
        NewPoll(
            title="Treffen AG Wasserstoff",
            organiser_id=anna,
            audience_kind="members",
            audience_ref=None,
            deadline=soon,
            visibility="all",
            remind_at=None,
            options=[(soon + timedelta(days=2), None), (soon + timedelta(days=3), None)],
        ),
        [anna],
    )
    await slack.send.home_opened("U1")
    await slack.settle()
    home = str(fake.views["U1"]["blocks"])
    assert "Offene Abstimmungen" in home and "Treffen AG Wasserstoff" in home
    assert "noch nicht beantwortet" in home

    await slack.send.click_home("U1", "Abstimmen")
    await slack.settle()
    ballot = fake.last_in("DU1")
    assert "Terminabstimmung: Treffen AG Wasserstoff" in ballot.all_text()
    posted = len(fake.calls_to("chat.postMessage"))
    await slack.send.click("U1", ballot, "1 ✅ Ja")
    await slack.settle()
    assert await store.polls.answers(poll.id) == {anna: {0: "y"}}
    [update] = fake.calls_to("chat.update")
    assert (update["channel"], update["ts"]) == ("DU1", ballot.ts)
    assert len(fake.calls_to("chat.postMessage")) == posted  # no new message per vote


# the form as a Slack modal: date pickers beside the typed dates ------------------------------


def _input_blocks(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {block["block_id"]: block for block in view["blocks"] if block["type"] == "input"}


def _at(moment: datetime) -> int:
    """A moment as a Slack date-and-time picker sends it."""
    return int(moment.timestamp())


async def _poll_modal(slack: SlackWorld) -> tuple[dict[str, Any], dict[str, Any]]:
    """The admin, a working group with Anna, and /terminfindung's modal; its base values."""
    services = slack.services
    admin = await add_member(services, "UADMIN", "Chefin")
    anna = await add_member(services, "U1", "Anna Muster")
    group = await make_group(services.store, services.settings, members=(admin, anna))
    before = len(slack.fake.modals)
    assert (await slack.send.command("UADMIN", "terminfindung")).status == 200
    await slack.settle()
    assert len(slack.fake.modals) == before + 1, [c.method for c in slack.fake.calls]
    values = {
        "title": "Treffen AG Wasserstoff",
        "audience": "group",
        "group": str(group.id),
        "options": "",
        "deadline": _at(day(3, 18)),
        "visibility": "all",
    }
    return slack.fake.modals[-1], values


async def _errors(slack: SlackWorld, view: dict[str, Any], values: dict[str, Any]) -> dict:
    answer = json.loads((await slack.send.submit("UADMIN", view, values)).body)
    assert answer["response_action"] == "errors", answer
    return answer["errors"]


async def test_the_poll_modal_has_date_pickers_and_refuses_next_to_the_right_one(
    slack: SlackWorld,
) -> None:
    view, values = await _poll_modal(slack)
    blocks = _input_blocks(view)
    pickers = [f"options.{n}" for n in range(1, 13)]
    assert list(blocks) == [
        "title", "audience", "group", "topic", "members", "options", *pickers, "deadline",
        "visibility", "remind",
    ]  # fmt: skip
    assert all(blocks[p]["element"]["type"] == "datetimepicker" for p in pickers)
    assert all(blocks[p]["optional"] for p in pickers) and blocks["options"]["optional"]
    assert blocks["options.3"]["label"]["text"] == "Termin 3"
    assert "oder wählen Sie sie unten aus" in blocks["options"]["hint"]["text"]
    assert blocks["deadline"]["element"]["type"] == "datetimepicker"
    assert len(view["blocks"]) <= 100 and len(set(blocks)) == len(blocks)

    first, second = day(5, 10), day(6, 14)
    assert await _errors(slack, view, values) == {"options": "Bitte füllen Sie dieses Feld aus."}
    past = day(-1, 10)
    errors = await _errors(slack, view, {**values, "options.1": _at(first), "options.2": _at(past)})
    assert set(errors) == {"options.2"} and "Vergangenheit" in errors["options.2"], errors
    twice = {"options.1": _at(first), "options.2": _at(second), "options.3": _at(first)}
    errors = await _errors(slack, view, {**values, **twice})
    assert set(errors) == {"options.3"} and "zweimal" in errors["options.3"], errors
    late = {"options.1": _at(first), "options.2": _at(second), "deadline": _at(day(5, 12))}
    errors = await _errors(slack, view, {**values, **late})
    assert set(errors) == {"deadline"}, errors
    typed_two = f"{typed(day(7, 9))}; {typed(day(7, 15))}"
    thirteen = {p: _at(day(8 + n, 10)) for n, p in enumerate(pickers[:11])}
    errors = await _errors(slack, view, {**values, "options": typed_two, **thirteen})
    assert set(errors) == {"options.11"} and "13" in errors["options.11"], errors
    errors = await _errors(slack, view, {**values, "options": "31.02. 10:00"})
    assert set(errors) == {"options"}, errors  # the typed text's own refusal, next to it
    assert await slack.services.store.polls.of_organiser(1) == []  # nothing written


async def test_picked_and_typed_dates_make_the_same_poll_as_typed_ones(slack: SlackWorld) -> None:
    view, values = await _poll_modal(slack)
    typed_first, picked = day(5, 10), [day(6, 14), day(8, 9)]
    values = {
        **values,
        "options": typed(typed_first),
        "options.1": _at(picked[0]),
        "options.4": _at(picked[1]),  # the pickers between may stay empty
    }
    answer = json.loads((await slack.send.submit("UADMIN", view, values)).body)
    assert answer["response_action"] == "update", answer
    shown = "\n".join(b["text"]["text"] for b in answer["view"]["blocks"] if "text" in b)
    assert all(as_shown(moment) in shown for moment in (typed_first, *picked)), shown
    done = await slack.send.submit("UADMIN", answer["view"], {})
    assert done.body == ""
    await slack.settle()
    [poll] = await slack.services.store.polls.of_organiser(1)
    assert [o.start for o in poll.options] == [typed_first, *picked]
    assert poll.deadline == day(3, 18)
    await slack.settle()
    assert any("Treffen AG Wasserstoff" in m.all_text() for m in slack.fake.messages_in("DU1"))
