"""Working groups on the command line, chats bound to a group, and events of a group (CLI
``--group`` and the wizard step) announced to its members and bound chats."""

from __future__ import annotations

import argparse
from datetime import datetime

import pytest

from bot.cli import event as event_cli
from bot.cli import group as group_cli
from bot.models import ChatKind
from bot.services import Services
from bot.settings import Settings
from tests.groups_support import console_member, make_group, titles_to
from tests.helpers import FakeAdapter, Person


async def cli(settings: Settings, module: object, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    module.add_parser(parser.add_subparsers())  # type: ignore[attr-defined]
    args = parser.parse_args(list(argv))
    return int(await args.func(args, settings))


async def test_group_cli_add_list_moderator_members_archive(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    anna = await console_member(app.store, "anna", "Anna Muster")
    await app.store.topics.create("Wasserstoff")
    assert await cli(settings, group_cli, "group", "add", "AG Wasserstoff", "--description",
                     "H2", "--policy", "request", "--topic", "Wasserstoff") == 0  # fmt: skip
    assert "created group 1: AG Wasserstoff (request)" in capsys.readouterr().out
    assert await cli(settings, group_cli, "group", "add", "ag wasserstoff") == 1
    assert "already exists" in capsys.readouterr().err
    assert await cli(settings, group_cli, "group", "add", "X", "--topic", "Nix") == 1
    assert (
        await cli(settings, group_cli, "group", "moderator", "AG Wasserstoff", "Anna Muster") == 0
    )
    assert "Anna Muster is moderator of AG Wasserstoff" in capsys.readouterr().out
    assert (
        await cli(settings, group_cli, "group", "moderator", "AG Wasserstoff", "console:anna") == 0
    )
    assert "(already)" in capsys.readouterr().out
    assert await cli(settings, group_cli, "group", "moderator", "AG Wasserstoff", "Niemand") == 1
    assert "cannot find a member" in capsys.readouterr().err
    assert await cli(settings, group_cli, "group", "members", "AG Wasserstoff") == 0
    assert f"{anna:>5}  Anna Muster, Muster GmbH  [moderator, all]" in capsys.readouterr().out
    assert await cli(settings, group_cli, "group", "list") == 0
    assert "AG Wasserstoff  [request, 1 member]" in capsys.readouterr().out
    assert await cli(settings, group_cli, "group", "archive", "AG Wasserstoff") == 0
    assert "0 queued messages withdrawn" in capsys.readouterr().out
    assert await cli(settings, group_cli, "group", "list") == 0
    assert "AG Wasserstoff" not in capsys.readouterr().out
    assert await cli(settings, group_cli, "group", "list", "--all") == 0
    assert "AG Wasserstoff (archived)" in capsys.readouterr().out
    group = await app.store.groups.find("AG Wasserstoff")
    topic = await app.store.topics.find("Wasserstoff")
    assert group is not None and topic is not None and group.topic_id == topic.id
    actions = [e["action"] for e in await app.store.audit.recent(3)]
    assert actions == ["group.archived", "group.moderator_named", "group.created"]
    assert {e["actor"] for e in await app.store.audit.recent(3)} == {"cli"}


async def test_chat_binds_one_group_and_several_topics(app: Services) -> None:
    await make_group(app.store, app.settings)
    await make_group(app.store, app.settings, "AG Robotik")
    await app.store.topics.create("Wasserstoff")
    admin = Person(app.core, "admin")

    async def in_chat(text: str) -> str:
        replies = await admin.say(text, chat_id="chat-1", chat_kind=ChatKind.GROUP)
        return replies[0].text

    assert "Neuigkeiten der Arbeitsgruppe „AG Wasserstoff“" in await in_chat(
        "/binden gruppe AG Wasserstoff"
    )
    assert "schon mit „AG Wasserstoff“" in await in_chat("/bind group ag wasserstoff")
    assert "(eine je Chat)" in await in_chat("/binden gruppe AG Robotik")
    assert "„Wasserstoff“" in await in_chat("/binden Wasserstoff")
    assert "gibt es nicht" in await in_chat("/binden gruppe Quanten")
    listed = await in_chat("/binden")
    assert "Wasserstoff" in listed and "Arbeitsgruppe „AG Wasserstoff“" in listed
    assert "nicht mit „AG Robotik“" in await in_chat("/loesen gruppe AG Robotik")
    assert "Verbindung gelöst: Arbeitsgruppe" in await in_chat("/loesen gruppe")
    assert [b.target_kind for b in await app.store.bindings.for_chat("console", "chat-1")] == [
        "topic"
    ]
    assert (
        "/binden gruppe NAME"
        in (await admin.say("/binden", chat_id="c2", chat_kind="group"))[0].text
    )


async def test_event_of_a_group_is_announced_to_members_and_bound_chats(
    app: Services, settings: Settings, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    anna = await console_member(store, "anna", "Anna Muster")
    mia = await console_member(store, "mia", "Mia Muted")
    await console_member(store, "eve", "Eve Extern")
    group = await make_group(store, settings, members=(anna, mia))
    await store.groups.set_level(group.id, mia, "muted")
    await store.bindings.bind("console", "chat-h2", "group", group.id)
    year = datetime.now().year + 1
    assert await cli(settings, event_cli, "event", "add", "--title", "H2-Werkstatt",
                     "--start", f"03.12.{year} 18:00", "--group", "AG Wasserstoff") == 0  # fmt: skip
    assert await cli(settings, event_cli, "event", "add", "--title", "X",
                     "--start", f"03.12.{year} 18:00", "--group", "Nix") == 1  # fmt: skip
    [event] = await store.events.all()
    assert event.group_id == group.id
    await app.worker.drain()
    assert titles_to(fake_adapter, "anna") == ["Neuer Termin: H2-Werkstatt"]
    announced = next(s.message.text for s in fake_adapter.sent if s.chat_id == "anna")
    assert "👥 Arbeitsgruppe: AG Wasserstoff" in announced
    assert titles_to(fake_adapter, "chat-h2") == ["Neuer Termin: H2-Werkstatt"]
    assert titles_to(fake_adapter, "mia") == titles_to(fake_adapter, "eve") == []


async def test_wizard_asks_for_the_group_when_there_are_groups(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna = await console_member(app.store, "anna", "Anna Muster")
    group = await make_group(app.store, app.settings, members=(anna,))
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    await admin.say("H2-Werkstatt")
    await admin.say(f"03.12.{datetime.now().year + 1} 18:00")
    await admin.say("2h")
    await admin.say("-")
    replies = await admin.press("Weiter")
    assert "Gehört der Termin zu einer Arbeitsgruppe" in replies[0].text
    assert [b.label for b in replies[0].button_list()] == ["AG Wasserstoff", "Keine Arbeitsgruppe"]
    await admin.say("Quanten")
    assert "gibt es nicht" in admin.last[0].text
    assert "Welches Format" in (await admin.press("AG Wasserstoff"))[0].text
    await admin.press("Treffen")
    await admin.say("-")
    await admin.press("Einmalig")
    replies = await admin.say("-")  # no description
    assert "👥 Arbeitsgruppe: AG Wasserstoff" in replies[0].text
    assert replies[0].text.index("Arbeitsgruppe") < replies[0].text.index("Anlegen?")
    await admin.press("Anlegen")
    [event] = await app.store.events.all()
    assert event.group_id == group.id
    await app.worker.drain()
    assert titles_to(fake_adapter, "anna") == ["Neuer Termin: H2-Werkstatt"]
