"""The help lists exactly what the reader may use now: every command it lists runs (in a
private chat, or in a group where it says so), every other command is refused. For
people who have not signed up, members waiting for approval, members (with and without
the right to invite), admins and a group chat, in German and English."""

from __future__ import annotations

import pytest

from bot.i18n import t
from bot.models import ChatKind, Outgoing
from bot.services import Services
from handlers.menu import command_label
from tests.helpers import Person

REFUSALS = (
    "error.admin_only",
    "error.pending_approval",
    "error.not_active",
    "error.not_registered",
    "error.private_only",
    "error.group_only",
)
GROUP = {"chat_kind": ChatKind.GROUP, "chat_id": "-100777"}
IN_A_GROUP = {"de": " (in einer Gruppe oder einem Kanal)", "en": " (in a group or channel)"}


def _named(lines: list[str]) -> list[str]:
    return [line.split(" – ")[0] for line in lines]


def _refusals(lang: str) -> set[str]:
    return {t(lang, key) for key in REFUSALS}


async def help_lines(person: Person, lang: str, **chat: object) -> list[str]:
    """Every command line of the help, on the first screen and behind its buttons."""
    first = (await person.say("/hilfe" if lang == "de" else "/help", **chat))[0]
    screens: list[Outgoing] = [first]
    for button in first.button_list():
        screens += await person.tap(button) if not chat else []
    return [line for s in screens for line in s.text.splitlines() if line.startswith("/")]


async def check_help_matches_access(app: Services, person: Person, lang: str) -> list[str]:
    """Run every command: the listed ones must not be refused, the others must be."""
    lines = await help_lines(person, lang)
    in_a_group = IN_A_GROUP[lang]
    listed = {line.split(" – ")[0][1:]: line.endswith(in_a_group) for line in lines}
    refusals = _refusals(lang)
    commands = {id(c): c for c in app.router.commands.values() if c.visible and c.help_key}
    for command in commands.values():
        name = command_label(lang, command.name, command.aliases, "")
        chat = GROUP if listed.get(name) else {}
        answer = " ".join(m.text for m in await person.say(f"/{name}", **chat))
        if name in listed:
            assert answer not in refusals, (name, answer)
        else:
            assert answer in refusals, (name, answer)
        await person.say("/abbrechen" if lang == "de" else "/cancel")
    return lines


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_someone_not_signed_up_sees_what_they_may_use(app: Services, lang: str) -> None:
    guest = Person(app.core, "gast", language_hint=lang)
    lines = await check_help_matches_access(app, guest, lang)
    start, cancel = ("/start", "/abbrechen") if lang == "de" else ("/start", "/cancel")
    assert lines[0].startswith(f"{start} – ") and _named(lines).count(cancel) == 1
    assert not any(
        line.startswith(("/themen", "/topics", "/einladen", "/invite")) for line in lines
    )


async def test_a_member_waiting_for_approval_sees_only_what_answers(app: Services) -> None:
    app.settings.approval_required = True
    await Person(app.core, "admin").register(name="Chefin")
    anna = Person(app.core, "anna")
    await anna.answer_until_consent()
    await anna.press("Ja")
    lines = await check_help_matches_access(app, anna, "de")
    [shown] = await anna.say("/hilfe")
    assert shown.text.startswith("Ihre Anmeldung wartet noch auf die Freigabe")
    assert _named(lines) == [
        "/hilfe",
        "/abbrechen",
        "/datenschutz",
        "/meinedaten",
        "/loeschen",
    ]


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_a_member_is_not_offered_team_commands(app: Services, lang: str) -> None:
    anna = Person(app.core, "anna", language_hint=lang)
    await anna.register(language="Deutsch" if lang == "de" else "English")
    lines = await check_help_matches_access(app, anna, lang)
    invite = "/einladen" if lang == "de" else "/invite"
    assert not any(line.startswith(invite) for line in lines)
    assert _named(lines).count("/abbrechen" if lang == "de" else "/cancel") == 1
    assert any(line.startswith(("/themen", "/topics")) for line in lines)


async def test_members_who_may_invite_see_the_invitation(app: Services) -> None:
    app.settings.members_may_invite = True
    anna = Person(app.core, "anna")
    await anna.register()
    lines = await check_help_matches_access(app, anna, "de")
    assert "/einladen – Jemanden ins Netzwerk einladen" in lines
    [invite] = await anna.say("/einladen 1 7")
    assert "Einladung" in invite.text and invite.text not in _refusals("de")


@pytest.mark.parametrize("lang", ["de", "en"])
async def test_an_admin_finds_every_command_with_its_syntax(app: Services, lang: str) -> None:
    admin = Person(app.core, "admin", language_hint=lang)
    await admin.register(language="Deutsch" if lang == "de" else "English")
    lines = await check_help_matches_access(app, admin, lang)
    new_group = "/neuegruppe" if lang == "de" else "/newgroup"
    [line] = [line for line in lines if line.startswith(new_group)]
    assert line.endswith("| THEMA") if lang == "de" else line.endswith("| TOPIC")
    assert _named(lines).count("/abbrechen" if lang == "de" else "/cancel") == 1
    [first] = await admin.say("/hilfe" if lang == "de" else "/help")
    assert len(first.text.splitlines()) <= 14 and len(first.button_list()) == 4


async def test_the_help_in_a_group_lists_what_works_there(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    lines = await help_lines(anna, "de", **GROUP)
    assert _named(lines) == ["/neuigkeit", "/hilfe"]
    assert "privaten Chat" in anna.texts()
    admin = Person(app.core, "admin")
    await admin.register(name="Chefin")
    lines = await help_lines(admin, "de", **GROUP)
    assert _named(lines) == ["/neuigkeit", "/hilfe", "/binden", "/loesen"]
