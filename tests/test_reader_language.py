"""Words in the reader's language: stored values (the region "other") are shown as the
reader says them, command names in texts follow the reader's language, and the command
line speaks in its own terms, not with chat advice."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.i18n import CATALOG, t
from bot.services import Services
from bot.settings import Settings
from handlers import build_router
from tests.broadcast_support import add_member
from tests.dashboard_support import running_dashboard
from tests.helpers import Person

ROOT = Path(__file__).resolve().parents[1]
CLI = "cli"  # the command line's texts: English, without chat advice
COMMAND_IN_TEXT = re.compile(r"(?<![\w/.:<])/(\w+)\b(?!/)")  # not a path like /calendar/
NOT_OURS = {("slack.invite_bot", "invite")}  # Slack's own /invite command


def _command_names() -> tuple[dict[str, str], dict[str, str]]:
    """German alias by English name, and English name by German alias."""
    german, english = {}, {}
    for command in build_router().commands.values():
        if command.aliases:
            german[command.name] = command.aliases[0]
            english.update(dict.fromkeys(command.aliases, command.name))
    return german, english


def test_texts_name_commands_in_the_readers_language() -> None:
    german, english = _command_names()
    wrong = []
    for key, texts in CATALOG.items():
        for lang, text in texts.items():
            for name in COMMAND_IN_TEXT.findall(text):
                if (key, name) in NOT_OURS:
                    continue
                if lang.startswith("de") and name in german:
                    wrong.append(f"{key} ({lang}): /{name} is /{german[name]} in German")
                if lang in ("en", CLI) and name in english:
                    wrong.append(f"{key} ({lang}): /{name} is /{english[name]} in English")
    assert wrong == []


def test_refusals_the_command_line_shows_speak_cli() -> None:
    """An input error the CLI passes on (the shared services' ``Invalid``) must not give
    chat advice: where the chat text names a chat command, the key has a "cli" text."""
    router = build_router()
    modules = set()
    for source in (ROOT / "bot" / "cli").glob("*.py"):
        modules |= set(re.findall(r"^\s*from (handlers[\w.]*) import", source.read_text(), re.M))
    keys = set()
    for name in modules:
        path = importlib.import_module(name).__file__
        assert path is not None
        keys |= set(re.findall(r'Invalid\(\s*"([\w.]+)"', Path(path).read_text()))
    assert "broadcast.unknown_group" in keys  # the scan finds them
    keys |= {key for key in CATALOG if key.startswith("names.unknown_")}  # handlers.names
    for key in keys:
        names = [n for n in COMMAND_IN_TEXT.findall(CATALOG[key]["en"]) if n in router.commands]
        if names:
            assert "cli" in CATALOG[key], f"{key}: the CLI would say {CATALOG[key]['en']!r}"
        assert not COMMAND_IN_TEXT.search(t(CLI, key, **dict.fromkeys(_fields(key), 1))), key


def _fields(key: str) -> set[str]:
    return set(re.findall(r"{(\w+)[},]", CATALOG[key]["en"]))


def test_the_cli_points_to_its_own_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(tmp_path / "k.sqlite3"))
    assert main(["topic", "archive", "Nope"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "knotenpunkt topic: there is no topic “Nope”; there are no topics yet"
        " (knotenpunkt topic add; knotenpunkt topic list shows them all)\n"
    )
    assert main(["group", "archive", "Nope"]) == 1
    assert "knotenpunkt group list" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "region"), [("de", "Andere Region"), ("en", "Other region")])
async def test_a_registration_from_another_region_reads_well(
    app: Services, lang: str, region: str
) -> None:
    app.settings.approval_required = True
    admin = Person(app.core, "admin", language_hint=lang)
    await admin.register(name="Chefin", language="Deutsch" if lang == "de" else "English")
    carla = Person(app.core, "carla")
    await carla.answer_until_consent(name="Carla Test", company="Test KG", region="Andere Region")
    await carla.press("Ja")
    await admin.say("/freigeben" if lang == "de" else "/approve")
    assert f"Carla Test (Test KG, {region})" in admin.texts()
    assert ", other)" not in admin.texts()


async def test_a_broadcast_to_another_region_names_it_in_german(app: Services) -> None:
    await add_member(app.store, "Olaf", region="other")
    admin = Person(app.core, "admin")
    await admin.register(name="Chefin")
    await admin.say("/rundschreiben")
    await admin.press("Region")
    [ask] = admin.last
    assert "Andere Region" in [b.label for b in ask.button_list()]
    await admin.press("Andere Region")
    assert "Andere Region" in admin.texts() and "other" not in admin.texts()


@pytest.mark.parametrize(("lang", "command"), [("de", "/verknuepfen"), ("en", "/link")])
async def test_the_link_code_names_the_command_in_the_readers_language(
    app: Services, lang: str, command: str
) -> None:
    anna = Person(app.core, "anna", language_hint=lang)
    await anna.register(language="Deutsch" if lang == "de" else "English")
    [code] = await anna.say(command)
    assert re.search(rf"^{command} [A-Z0-9]{{6}}$", code.text, re.M), code.text
    other = "/link " if lang == "de" else "/verknuepfen "
    assert other not in code.text


async def test_the_dashboard_shows_the_region_in_the_admins_language(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_dashboard(make_settings) as dash:
        await add_member(dash.services.store, "Olaf", region="other")
        client = await dash.signed_in()
        async with client, client.get("/admin/members") as response:
            body = await response.text()
    assert '<option value="other">Andere Region</option>' in body
    assert ">Andere Region</td>" in body  # the region cell of the members table


ENGLISH = re.compile(
    r"\b(the|and|you|your|please|send|other|not|with|this|here|more|members?|events?|"
    r"topics?|groups?|settings|yes|no)\b"
)  # words German texts do not use (capitalised nouns like "Mitglieder" are German)


async def test_german_screens_hold_no_english_and_no_raw_keys(app: Services) -> None:
    """A German admin and a German member through the usual screens and every button of
    help and statistics: no English words, no catalog keys, no stored codes like "other"."""
    from tests.events_support import add_event

    app.settings.approval_required = True
    topic = await app.store.topics.create("Wasserstoff", "H2")
    await app.store.groups.create("AG Wasserstoff", "Austausch", "open", topic.id, "test")
    await add_event(app, title="KI-Stammtisch", topic_ids=[topic.id], capacity=20)
    admin = Person(app.core, "admin")
    await admin.register(name="Chefin Muster")
    carla = Person(app.core, "carla")
    await carla.answer_until_consent(name="Carla Test", company="Test KG", region="Andere Region")
    await carla.press("Ja")
    seen = []

    async def visit(person: Person, text: str, buttons: bool = False) -> None:
        answer = await person.say(text)
        seen.extend(answer)
        if buttons:
            for button in [b for m in answer for b in m.button_list()]:
                seen.extend(await person.tap(button))
        await person.say("/abbrechen")

    for command in ("/hilfe", "/statistik"):
        await visit(admin, command, buttons=True)
    await visit(carla, "/hilfe")
    for command in ("/freigeben", "/themen", "/gruppen", "/termine", "/profil", "/einladen",
                    "/verknuepfen", "/suche", "/gesuche", "/mitteilungen", "/erinnerungen",
                    "/rundschreiben", "/datenschutz", "/trennen", "/teilnehmer 1"):  # fmt: skip
        await visit(admin, command)
    keys = re.compile("|".join(re.escape(k) for k in CATALOG if "." in k))
    for message in seen:
        for text in [message.title or "", message.text, *(b.label for b in message.button_list())]:
            shown = re.sub(r"https?://\S+|Telegram|Slack|Dashboard|Chefin Muster", "", text)
            assert not ENGLISH.search(shown), text
            assert not keys.search(text), text
