"""The real wizards as Slack modals, against the fake Slack with signed requests:
``/knotenpunkt neuertermin`` and ``/knotenpunkt gesuch`` open a modal; a submission with a
required field empty or an impossible date gets the error next to that field; a valid one
leaves the same rows as the same answers typed in the DM; a modal submitted after the
sender lost the right to it is refused with a clear message."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.settings import Settings
from storage.events import Event
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake()) as world:
        await add_member(world.services, "UADMIN", "Chefin")
        await world.services.store.members.grant_admin("slack:UADMIN")
        yield world


def _moment(days: int, hour: int) -> datetime:
    """A moment in the network's zone (a Slack picker sends it as unix seconds; typed, it is
    read in that zone)."""
    return (datetime.now(ZoneInfo("Europe/Berlin")) + timedelta(days=days)).replace(
        hour=hour, minute=30, second=0, microsecond=0
    )


async def _open(slack: SlackWorld, command: str, user: str = "UADMIN") -> dict[str, Any]:
    before = len(slack.fake.modals)
    reply = await slack.send.command(user, command)
    assert reply.status == 200
    await slack.settle()
    assert len(slack.fake.modals) == before + 1, [c.method for c in slack.fake.calls]
    return slack.fake.modals[-1]


def _blocks(view: dict[str, Any]) -> list[str]:
    return [block["block_id"] for block in view["blocks"] if block["type"] == "input"]


TITLE = "Werksbesuch „Pulverbeschichtung für Luftfahrt“ bei Müller & Söhne GmbH & Co. KG"


def _event_values(**changes: Any) -> dict[str, Any]:
    values = {
        "title": TITLE,
        "start": int(_moment(12, 17).timestamp()),
        "end": int(_moment(12, 19).timestamp()),
        "where": "Halle 2 / Tor „Süd“, Siegen",
        "format": "meetup",
        "capacity": "30 Plätze",
        "repeat": "none",
        "description": "Bitte Sicherheitsschuhe mitbringen. 🏭",
    }
    return {**values, **changes}


def _row(event: Event) -> tuple[object, ...]:
    return (
        event.title, event.start, event.end, event.location, event.format, event.capacity,
        event.rrule, event.description,
    )  # fmt: skip


async def test_new_event_modal_errors_preview_and_the_same_row_as_the_dm(
    slack: SlackWorld,
) -> None:
    view = await _open(slack, "neuertermin")
    assert _blocks(view)[:3] == ["title", "start", "end"]
    assert not slack.fake.messages_in("DUADMIN")  # a modal, not a questionnaire

    reply = await slack.send.submit("UADMIN", view, _event_values(title="", start=None))
    answer = json.loads(reply.body)
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) >= {"title", "start"}

    reply = await slack.send.submit("UADMIN", view, _event_values())
    answer = json.loads(reply.body)
    assert answer["response_action"] == "update", answer
    shown = "\n".join(b["text"]["text"] for b in answer["view"]["blocks"] if "text" in b)
    assert "Müller & Söhne" in shown and "30" in shown
    done = await slack.send.submit("UADMIN", answer["view"], {})
    assert done.body == ""
    await slack.settle()
    store = slack.services.store
    [modal_event] = await store.events.all()

    start, end = _moment(12, 17), _moment(12, 19)
    for typed in (
        "/neuertermin", TITLE, start.strftime("%d.%m.%Y %H:%M"), end.strftime("%H:%M"),
        "Halle 2 / Tor „Süd“, Siegen", "weiter", "Treffen", "30 Plätze", "einmalig",
        "Bitte Sicherheitsschuhe mitbringen. 🏭", "ja",
    ):  # fmt: skip
        await slack.send.dm("UADMIN", typed)
        await slack.settle()
    events = await store.events.all()
    assert len(events) == 2, slack.fake.last_in("DUADMIN").text
    assert _row(events[0]) == _row(events[1]) == _row(modal_event)


async def test_a_modal_submitted_after_losing_admin_rights_is_refused(slack: SlackWorld) -> None:
    view = await _open(slack, "neuertermin")
    await slack.services.store.members.revoke_admin(["slack:UADMIN"])
    reply = await slack.send.submit("UADMIN", view, _event_values())
    assert reply.status == 200 and reply.body == ""  # the modal closes, the DM says why
    await slack.settle()
    assert "dem Netzwerk-Team vorbehalten" in slack.fake.last_in("DUADMIN").text
    assert await slack.services.store.events.all() == []


async def test_the_request_modal_refuses_an_empty_title_next_to_it(slack: SlackWorld) -> None:
    view = await _open(slack, "gesuch")
    assert "title" in _blocks(view) and "kind" in _blocks(view)
    kind = next(b for b in view["blocks"] if b.get("block_id") == "kind")
    values = {
        "kind": kind["element"]["options"][0]["value"],
        "title": "",
        "description": "Wir suchen Partner für Pulverbeschichtung für Luftfahrt.",
        "tags": "Pulverbeschichtung, Galvanik",
        "expiry": None,
    }
    answer = json.loads((await slack.send.submit("UADMIN", view, values)).body)
    assert answer["response_action"] == "errors"
    assert "title" in answer["errors"]
    assert await slack.services.store.cooperation.get(1) is None


async def test_the_broadcast_modal_refuses_an_empty_text_next_to_it(slack: SlackWorld) -> None:
    view = await _open(slack, "rundschreiben")
    assert {"kind", "text", "when"} <= set(_blocks(view))
    values = {"kind": "all", "text": "", "when": "now"}
    answer = json.loads((await slack.send.submit("UADMIN", view, values)).body)
    assert answer["response_action"] == "errors" and set(answer["errors"]) == {"text"}
    values["text"] = "Sommerfest bei Müller & Söhne GmbH & Co. KG: „Grillen“ ab 18 Uhr 🎉"
    answer = json.loads((await slack.send.submit("UADMIN", view, values)).body)
    assert answer["response_action"] == "update", answer
    assert await slack.services.store.broadcasts.recent() == []  # only after the preview
    done = await slack.send.submit("UADMIN", answer["view"], {})
    assert done.body == ""
    await slack.settle()
    [sent] = await slack.services.store.broadcasts.recent()
    assert sent.text.startswith("Sommerfest bei Müller & Söhne")
