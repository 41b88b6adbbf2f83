"""Names typed as people say them (issue 32, item 3): one matcher in the kernel for
topics, groups, regions and members, the same in chat commands, form steps and the CLI;
ambiguous names are offered as buttons, unknown ones answered with the list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.cli import group as group_cli
from bot.forms import words
from bot.parsing.names import fold, rank, spelling, words_match
from bot.services import Services
from bot.settings import Settings
from handlers.validation import Invalid
from storage import Store
from storage.db import utcnow
from tests.broadcast_support import add_member as broadcast_member
from tests.broadcast_support import service as broadcast_service
from tests.groups_support import make_group
from tests.helpers import Person
from tests.test_cli_events import cli
from tests.test_groups_admin_cli import cli as group_cli_run

SURFACES = "Oberflächen & Beschichtung 🎨"
HYDROGEN = "Facharbeitskreis Wasserstoff (H₂)"


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        (SURFACES, "oberflachen beschichtung"),
        ("Oberflaechen", "oberflachen"),
        (HYDROGEN, "facharbeitskreis wasserstoff h2"),
        ("H₂", "h2"),
        ("Jürgen GROSS", "jurgen gross"),
        ("Jürgen Groß", "jurgen gross"),
        ("Yılmaz", "yilmaz"),
        ("Özlem", "ozlem"),
        ("oezlem", "ozlem"),
        ("🎨 ✨ !!", ""),
    ],
)
def test_folding(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_the_rules_find_a_unique_word_or_beginning() -> None:
    names = [SURFACES, HYDROGEN, "Wasserwirtschaft", "KI in der Industrie", "Kinematik"]
    assert rank("Oberflächen", names) == [0]
    assert rank("oberflachen", names) == [0]
    assert rank("Beschichtung", names) == [0]
    assert rank("beschichtung oberfl", names) == [0]  # every word, any order
    assert rank("H2", names) == [1]
    assert rank("Wasserstoff", names) == [1]
    assert rank("Wasser", names) == [2, 1] or rank("Wasser", names) == [2]
    assert rank("wasserst", names) == [1]  # the beginning of a word
    assert rank("KI", names) == [3]  # a whole first word before "Kinematik"
    assert rank("ki", names) == [3]
    assert rank("Robotik", names) == []
    assert rank("🎨", names) == []
    assert words.match("h2", names) == [1]  # typed answers to choices: the same matcher
    assert words.match("2", names) == [1]  # ... or their number
    assert words_match("gross", "Jürgen Groß", "Groß & Söhne")
    assert words_match("oezlem yilm", "Özlem Yılmaz", "")
    assert not words_match("weiss", "Jürgen Groß", "")
    assert spelling("FRÄSEN") == spelling("fraesen") == spelling("Fräsen") == "frasen"
    assert spelling("3D-Druck") == spelling("3D Druck") and spelling("C++") != spelling("C#")


async def _admin(app: Services) -> Person:
    admin = Person(app.core, "admin")
    await admin.register(name="Ada Admin")
    return admin


async def test_a_topic_with_symbols_and_emoji_by_a_word(app: Services) -> None:
    topic = await app.store.topics.create(SURFACES)
    await app.store.topics.create("Robotik")
    anna = Person(app.core, "anna")
    await anna.register()
    for typed in ("Oberflächen", "oberflaechen", "beschichtung", "Beschichtung Oberfl"):
        await anna.say(f"/themen abmelden {SURFACES}")
        [answer] = await anna.say(f"/themen abonnieren {typed}")
        assert "abonniert" in answer.text and SURFACES in answer.text, (typed, answer.text)
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    assert await app.store.topics.subscribed_ids(member.id) == {topic.id}


@pytest.mark.parametrize(
    ("language", "command", "expected"),
    [
        ("Deutsch", "/themen abonnieren Stammtisch", "Ein Thema „Stammtisch“ gibt es nicht."),
        ("English", "/topics subscribe Stammtisch", "There is no topic “Stammtisch”."),
    ],
)
async def test_an_unknown_topic_is_answered_with_the_list(
    app: Services, language: str, command: str, expected: str
) -> None:
    await app.store.topics.create(SURFACES)
    await app.store.topics.create("Robotik")
    anna = Person(app.core, "anna")
    await anna.register(language=language)
    [answer] = await anna.say(command)
    assert answer.text.startswith(expected), answer.text
    assert f"Robotik, {SURFACES}" in answer.text or f"{SURFACES}, Robotik" in answer.text


@pytest.mark.parametrize("typed", ["H2", "h₂", "Wasserstoff", "wasserst"])
async def test_a_group_by_h2_or_a_word(app: Services, typed: str) -> None:
    await make_group(app.store, app.settings, HYDROGEN)
    await make_group(app.store, app.settings, "Wasserwirtschaft")
    anna = Person(app.core, "anna")
    await anna.register()
    [view] = await anna.say(f"/gruppen {typed}")
    assert view.title == HYDROGEN, view.text


async def test_an_unknown_group_is_answered_with_the_list(app: Services) -> None:
    await make_group(app.store, app.settings, HYDROGEN)
    admin = await _admin(app)
    for command in ("/gruppearchivieren Stammtisch", "/gruppen Stammtisch"):
        [answer] = await admin.say(command)
        assert "Eine Arbeitsgruppe „Stammtisch“ gibt es nicht" in answer.text, command
        assert f"Die Arbeitsgruppen: {HYDROGEN}." in answer.text


async def _people(app: Services) -> None:
    for user, name, company in [
        ("juergen", "Jürgen Groß", "Groß Oberflächen GmbH"),
        ("joerg", "Jörg Weiß", "Weiß & Co. KG"),
        ("oezlem", "Özlem Yılmaz", "Yılmaz Lasertechnik"),
    ]:
        await Person(app.core, user).register(name=name, company=company)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("gross", "Jürgen Groß"),
        ("GROSS", "Jürgen Groß"),
        ("weiss", "Jörg Weiß"),
        ("oezlem", "Özlem Yılmaz"),
        ("yilmaz", "Özlem Yılmaz"),
        ("Lasertechnik", "Özlem Yılmaz"),
        ("juergen gross", "Jürgen Groß"),
    ],
)
async def test_mitglied_finds_as_forgivingly_as_suche(
    app: Services, typed: str, found: str
) -> None:
    await _people(app)
    admin = await _admin(app)
    answers = await admin.say(f"/mitglied {typed}")
    assert len(answers) == 1 and found in answers[0].text, admin.texts()


async def test_mitglied_says_when_nobody_fits(app: Services) -> None:
    await _people(app)
    admin = await _admin(app)
    await admin.say("/mitglied Meier")
    assert "Kein Mitglied gefunden für „Meier“" in admin.texts()


async def test_moderator_by_a_name_as_typed(app: Services) -> None:
    group = await make_group(app.store, app.settings, HYDROGEN)
    await _people(app)
    admin = await _admin(app)
    [answer] = await admin.say("/moderator H2 @gross")
    assert "Jürgen Groß" in answer.text and HYDROGEN in answer.text, answer.text
    member = await app.store.members.find_by_identity("console", "juergen")
    assert member is not None
    membership = await app.store.groups.membership(group.id, member.id)
    assert membership is not None and membership.moderator


async def test_moderator_with_a_name_that_fits_several_offers_them(app: Services) -> None:
    group = await make_group(app.store, app.settings, HYDROGEN)
    await Person(app.core, "anna1").register(name="Anna Berg")
    await Person(app.core, "anna2").register(name="Anna Tal")
    admin = await _admin(app)
    [answer] = await admin.say("/moderator Wasserstoff @anna")
    assert "„anna“ passt zu mehreren Mitgliedern" in answer.text
    assert [b.label for b in answer.button_list()] == ["Anna Berg", "Anna Tal"]
    [named] = await admin.press("Anna Tal")
    assert "Anna Tal" in named.text
    member = await app.store.members.find_by_identity("console", "anna2")
    assert member is not None
    membership = await app.store.groups.membership(group.id, member.id)
    assert membership is not None and membership.moderator


async def test_the_cli_takes_names_as_typed(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    surfaces = await app.store.topics.create(SURFACES)
    group = await make_group(app.store, app.settings, HYDROGEN)
    start = (utcnow() + timedelta(days=10)).astimezone(settings.zone).strftime("%Y-%m-%d 18:00")
    code = await cli(settings, "add", "--title", "Wasserstofftag", "--start", start,
                     "--topic", "oberflaechen", "--group", "H2")  # fmt: skip
    assert code == 0, capsys.readouterr()
    [event] = await app.store.events.all()
    assert event.group_id == group.id
    assert await app.store.events.topic_ids(event.id) == [surfaces.id]
    code = await cli(settings, "add", "--title", "X", "--start", start, "--topic", "Stammtisch")
    assert code != 0
    assert f"there is no topic “Stammtisch”; the topics: {SURFACES}" in capsys.readouterr().err


async def test_a_broadcast_region_as_typed(store: Store, settings: Settings) -> None:
    await broadcast_member(store, "Otto", region="other")
    await broadcast_member(store, "Kai", region="Kreis Olpe")
    svc = broadcast_service(store, settings)
    for typed in ("andere", "Andere Region", "other", "Other region"):
        assert (await svc.audience(region=typed)).region == "other", typed
    assert (await svc.audience(region="olpe")).region == "Kreis Olpe"
    with pytest.raises(Invalid) as refused:
        await svc.audience(region="Atlantis")
    assert "Andere Region" in str(refused.value.params["regions"])
    assert "other" not in str(refused.value.params["regions"])


async def test_admins_finds_a_candidate_as_typed(app: Services) -> None:
    await _people(app)
    admin = await _admin(app)
    [offer] = await admin.say("/admins weiss")
    assert [b.label for b in offer.button_list()] == ["Zum Admin machen: Jörg Weiß (Weiß & Co. KG)"]


async def test_the_group_cli_takes_groups_and_members_as_typed(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    await make_group(app.store, app.settings, HYDROGEN)
    await _people(app)
    assert await group_cli_run(settings, group_cli, "group", "moderator", "h2", "yilmaz") == 0
    assert f"Özlem Yılmaz is moderator of {HYDROGEN}" in capsys.readouterr().out
    assert await group_cli_run(settings, group_cli, "group", "members", "wasserstoff") == 0
    assert "Özlem Yılmaz, Yılmaz Lasertechnik  [moderator" in capsys.readouterr().out
    assert await group_cli_run(settings, group_cli, "group", "members", "Stammtisch") == 1
    err = capsys.readouterr().err
    assert f"there is no working group “Stammtisch”; the working groups: {HYDROGEN}" in err
