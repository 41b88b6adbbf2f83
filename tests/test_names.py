"""Names as people type them: a unique start or a whole word finds a topic or a working
group in every command that takes one, umlauts and ß either way; a name that fits several
is answered with the candidates as buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from bot.services import Services
from bot.settings import Settings
from handlers.names import matches
from storage.db import utcnow
from tests.events_support import add_event, member
from tests.groups_support import make_group
from tests.helpers import Person
from tests.test_cli_events import cli


@dataclass
class Named:
    id: int
    name: str


def _names(query: str, *names: str) -> list[str]:
    candidates = [Named(n, name) for n, name in enumerate(names, 1)]
    return [c.name for c in matches(query, candidates)]


def test_the_rules_in_their_order() -> None:
    topics = ("KI in der Industrie", "Kinematik", "Robotik", "Künstliche Intelligenz")
    assert _names("KI", *topics) == ["KI in der Industrie"]  # a whole first word first
    assert _names("kin", *topics) == ["Kinematik"]  # then the start of the name
    assert _names("Industrie", *topics) == ["KI in der Industrie"]  # then a whole word
    assert _names("kuenstliche", *topics) == ["Künstliche Intelligenz"]  # umlaut spelt out
    assert _names("kunstliche intelligenz", *topics) == ["Künstliche Intelligenz"]
    assert _names("ki in der industrie", *topics) == ["KI in der Industrie"]
    assert _names("AG", "AG", "AG Wasserstoff") == ["AG"]  # the exact name wins
    assert _names("Schweissen", "Facharbeitskreis Schweißen") == ["Facharbeitskreis Schweißen"]
    assert _names("Industrie", "KI in der Industrie", "Industrie 4.0") == ["Industrie 4.0"]
    assert _names("Netz", "Netzwerk A", "Netzwerk B") == ["Netzwerk A", "Netzwerk B"]
    assert _names("Stammtisch", *topics) == []
    assert _names("  ", *topics) == []


@pytest.mark.parametrize(
    ("language", "command", "heading"),
    [
        ("Deutsch", "/termine KI", "Der nächste Termin zum Thema „KI in der Industrie“:"),
        ("English", "/events KI", "The next event on “KI in der Industrie”:"),
    ],
)
async def test_events_of_a_topic_by_its_first_word(
    app: Services, language: str, command: str, heading: str
) -> None:
    topic = await app.store.topics.create("KI in der Industrie")
    await app.store.topics.create("Kinematik")
    await add_event(app, "KI-Stammtisch", topic_ids=[topic.id])
    anna = await member(app, "anna", "Anna Muster", language=language)
    [listing] = await anna.say(command)
    assert listing.text.startswith(heading) and "KI-Stammtisch" in listing.text


@pytest.mark.parametrize(
    ("language", "command", "typed"),
    [
        ("Deutsch", "/gruppen", "Schweißen"),
        ("Deutsch", "/gruppen", "schweissen"),
        ("English", "/groups", "Facharbeitskreis"),
    ],
)
async def test_a_group_by_a_word_of_its_name(
    app: Services, language: str, command: str, typed: str
) -> None:
    await make_group(app.store, app.settings, "Facharbeitskreis Schweißen")
    await make_group(app.store, app.settings, "AG Wasserstoff")
    anna = await member(app, "anna", "Anna Muster", language=language)
    [view] = await anna.say(f"{command} {typed}")
    assert view.title == "Facharbeitskreis Schweißen", view.text


@pytest.mark.parametrize(
    ("language", "command", "question", "done"),
    [
        ("Deutsch", "/themen abonnieren KI", "„KI“ passt zu mehreren Themen", "abonniert"),
        ("English", "/topics subscribe KI", "“KI” fits several topics", "You subscribed"),
    ],
)
async def test_a_name_that_fits_several_offers_them_as_buttons(
    app: Services, language: str, command: str, question: str, done: str
) -> None:
    await app.store.topics.create("KI in der Industrie")
    wanted = await app.store.topics.create("KI Anwendungen")
    anna = await member(app, "anna", "Anna Muster", language=language)
    [answer] = await anna.say(command)
    assert question in answer.text and "KI Anwendungen, KI in der Industrie" in answer.text
    assert [b.label for b in answer.button_list()] == ["KI Anwendungen", "KI in der Industrie"]
    [subscribed] = await anna.press("KI Anwendungen")
    assert done in subscribed.text and "KI Anwendungen" in subscribed.text
    member_id = (await app.store.members.find_by_identity("console", "anna")).id  # type: ignore[union-attr]
    assert await app.store.topics.subscribed_ids(member_id) == {wanted.id}


async def test_ambiguous_groups_in_an_admin_command(app: Services) -> None:
    await make_group(app.store, app.settings, "AG Wasserstoff")
    await make_group(app.store, app.settings, "AG Robotik")
    admin = Person(app.core, "admin")
    [answer] = await admin.say("/gruppearchivieren AG")
    assert "„AG“ passt zu mehreren Arbeitsgruppen" in answer.text
    assert (await app.store.groups.find("AG Robotik")).active  # type: ignore[union-attr]
    await admin.press("AG Robotik")
    assert "AG Robotik" in admin.texts()
    assert not (await app.store.groups.find("AG Robotik")).active  # type: ignore[union-attr]
    assert (await app.store.groups.find("AG Wasserstoff")).active  # type: ignore[union-attr]


async def test_in_a_wizard_the_candidates_answer_the_step(app: Services) -> None:
    await app.store.topics.create("KI in der Industrie")
    wanted = await app.store.topics.create("KI Anwendungen")
    admin = Person(app.core, "admin")
    await admin.say("/rundschreiben")
    await admin.press("Thema")
    replies = await admin.say("KI")
    assert "passt zu mehreren Themen" in replies[0].text
    await admin.press("KI Anwendungen")
    state = await app.store.conversations.get("console", "admin")
    assert state is not None and state.step == "text"
    assert int(state.data["v"]["topic"]) == wanted.id  # the form's answers so far


async def test_the_cli_finds_names_alike_and_lists_candidates(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    await app.store.topics.create("KI in der Industrie")
    await app.store.topics.create("KI Anwendungen")
    await make_group(app.store, app.settings, "Facharbeitskreis Schweißen")
    start = (utcnow() + timedelta(days=10)).astimezone(settings.zone).strftime("%Y-%m-%d 18:00")
    code = await cli(settings, "add", "--title", "Schweißtag", "--start", start,
                     "--topic", "Anwendungen", "--group", "schweissen")  # fmt: skip
    assert code == 0, capsys.readouterr()
    [event] = await app.store.events.all()
    assert event.group_id is not None
    code = await cli(settings, "add", "--title", "KI-Tag", "--start", start, "--topic", "KI")
    assert code != 0
    assert "fits several topics: KI Anwendungen, KI in der Industrie" in capsys.readouterr().err


async def test_the_button_replaces_the_name_not_a_piece_of_the_command(app: Services) -> None:
    topic = await app.store.topics.create("Industrie 4.0")
    other = await app.store.topics.create("Industrie Digital")
    await add_event(app, "Hallenfest", topic_ids=[topic.id])
    anna = await member(app, "anna", "Anna Muster")
    [answer] = await anna.say("/termine industrie")  # "industrie" is no part of "/termine"
    assert [b.arg for b in answer.button_list()] == [
        f"/termine #{topic.id}",
        f"/termine #{other.id}",
    ]
    [listing] = await anna.press("Industrie 4.0")
    assert "„Industrie 4.0“" in listing.text and "Hallenfest" in listing.text
