"""No dead ends: the main menu leads to what a member uses, the directory question at the
end of registration leads on, and a mistyped command gets the closest one offered."""

from __future__ import annotations

import pytest

from bot.models import Platform
from bot.services import Services
from tests.groups_support import make_group
from tests.helpers import Person

GERMAN = ("Deutsch", "Ja, ins Verzeichnis", "Termine", "Arbeitsgruppen", "Gesuche")
ENGLISH = ("English", "Yes, list me", "Events", "Working groups", "Requests")


@pytest.mark.parametrize(("language", "list_me", "events", "groups", "requests"), [GERMAN, ENGLISH])
async def test_the_menu_after_registration_leads_to_events_groups_and_requests(
    app: Services, language: str, list_me: str, events: str, groups: str, requests: str
) -> None:
    await make_group(app.store, app.settings, "AG Wasserstoff")
    anna = Person(app.core, "anna")
    await anna.register(language=language)
    done = list(anna.last)
    labels = [b.label for b in done[-1].button_list()]
    assert {events, groups, requests} <= set(labels), labels

    [listed] = await anna.press(list_me)  # the directory question
    assert listed.replace and {events, groups, requests} <= {b.label for b in listed.button_list()}
    assert "?" in listed.text.split("\n\n")[-1]  # it asks what comes next

    await anna.press(events)
    assert "Termine" in anna.texts() or "events" in anna.texts()
    anna.last = [listed]
    replies = await anna.press(groups)
    assert any("AG Wasserstoff" in m.text or "AG Wasserstoff" in (m.title or "") for m in replies)
    anna.last = [listed]
    [answer] = await anna.press(requests)
    assert "/gesuch" in answer.text or "/request" in answer.text, answer.text


async def test_start_shows_the_same_menu_and_no_groups_button_without_groups(
    app: Services,
) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    [menu] = await anna.say("/start")
    assert [b.label for b in menu.button_list()] == [
        "Termine",
        "Themen",
        "Gesuche",
        "Profil",
        "Hilfe",
    ]


async def test_a_member_waiting_for_approval_is_told_what_comes_next(app: Services) -> None:
    app.settings.approval_required = True
    anna = Person(app.core, "anna")
    await anna.answer_until_consent()
    await anna.press("Ja")
    [answer] = await anna.press("Nein, nicht eintragen")
    assert answer.replace and "Freigabe" in answer.text and "melde mich" in answer.text
    assert answer.buttons == []  # the menu is for active members


@pytest.mark.parametrize(
    ("language", "typed", "suggested", "question", "result"),
    [
        ("Deutsch", "/termin", "/termine", "Meinten Sie /termine?", "keine Termine geplant"),
        ("Deutsch", "/event", "/termine", "Meinten Sie /termine?", "keine Termine"),  # German
        ("English", "/event", "/events", "Did you mean /events?", "no upcoming events"),
        ("English", "/topic", "/topics", "Did you mean /topics?", "no topic channels"),
    ],
)
async def test_an_unknown_command_gets_the_closest_one_with_a_button(
    app: Services, language: str, typed: str, suggested: str, question: str, result: str
) -> None:
    anna = Person(app.core, "anna")
    await anna.register(language=language)
    [answer] = await anna.say(typed)
    assert question in answer.text
    [button] = answer.button_list()
    assert button.label.endswith(suggested)
    await anna.tap(button)  # runs it as if typed
    assert result in anna.texts()


async def test_the_suggestion_keeps_the_arguments(app: Services) -> None:
    await app.store.topics.create("KI in der Industrie")
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/themn abonnieren KI in der Industrie")
    assert "Meinten Sie /themen?" in anna.texts()
    await anna.press("/themen")
    assert "KI in der Industrie" in anna.texts() and "abonniert" in anna.texts()


async def test_suggestions_are_only_commands_the_sender_may_use(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    [answer] = await anna.say("/terminabsage")  # close to the admins' /terminabsagen
    assert "Meinten Sie /terminabsagen" not in answer.text
    admin = Person(app.core, "admin")
    [answer] = await admin.say("/terminabsage")
    assert "Meinten Sie /terminabsagen?" in answer.text
    stranger = Person(app.core, "zoe")
    [answer] = await stranger.say("/stat")  # /start is for anyone; /stats only for admins
    assert "Meinten Sie /start?" in answer.text


async def test_nothing_close_keeps_the_plain_answer(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    [answer] = await anna.say("/xyzzy")
    assert "Den Befehl /xyzzy kenne ich nicht. Mit /hilfe" in answer.text
    assert answer.buttons == []


async def test_slack_users_see_the_suggestion_in_their_form(app: Services) -> None:
    anna = Person(app.core, "U1", platform=Platform.SLACK)
    await anna.register()
    incoming_prefix = {"command_prefix": "/knotenpunkt "}
    [answer] = await anna.say("/termin", **incoming_prefix)
    assert "Meinten Sie /knotenpunkt termine?" in answer.text
