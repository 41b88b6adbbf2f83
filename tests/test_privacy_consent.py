"""Consent: registration records the notice version accepted; a new version stops member
commands until the member agrees or leaves; the operator's notice file; announcements."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.app import App
from bot.models import Button
from bot.services import Services
from bot.settings import ConfigError, Settings
from handlers.privacy.notice import BUILTIN_VERSION
from tests.helpers import FakeAdapter, Person


async def test_registration_shows_the_notice_and_records_the_version(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.answer_until_consent()
    [question] = anna.last
    assert question.title == "Datenschutzhinweise von Knotenpunkt"
    assert "/meinedaten" in question.text and "/loeschen" in question.text
    assert "Sind Sie damit einverstanden?" in question.text
    await anna.press("Ja, einverstanden")
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    [consent] = await app.store.privacy.consents(member.id)
    assert (consent.kind, consent.granted, consent.version, consent.source) == (
        "privacy",
        True,
        BUILTIN_VERSION,
        "registration",
    )
    assert abs((consent.at - member.created_at).total_seconds()) < 5


async def test_a_new_notice_version_stops_member_commands_until_accepted(
    app: Services,
) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    topic = await app.store.topics.create("Wasserstoff")
    app.settings.privacy_notice_version = "2026-02"  # the operator publishes a new one

    [asked] = await anna.say("/themen abonnieren Wasserstoff")
    assert "haben sich geändert" in asked.text
    assert [b.label for b in asked.button_list()] == [
        "Zustimmen",
        "Nicht zustimmen und Daten löschen",
    ]
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    assert await app.store.topics.subscribed_ids(member.id) == set()  # nothing happened
    for command in ("/start", "/profil", "/termine"):
        assert "haben sich geändert" in (await anna.say(command))[0].text, command
    [data] = await anna.say("/meinedaten")  # seeing one's data needs no consent
    assert data.document is not None
    assert "/abbrechen" in (await anna.say("/hilfe"))[0].text

    await anna.say("/themen")
    await anna.press("Zustimmen")
    assert "Zustimmung ist gespeichert" in anna.texts()
    await anna.say("/themen abonnieren Wasserstoff")
    assert await app.store.topics.subscribed_ids(member.id) == {topic.id}
    versions = [c.version for c in await app.store.privacy.consents(member.id)]
    assert versions == [BUILTIN_VERSION, "2026-02"]


async def test_an_open_input_is_stopped_too_and_an_old_accept_button_asks_again(
    app: Services,
) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/profil")
    await anna.press("Name ändern")
    app.settings.privacy_notice_version = "v2"
    [asked] = await anna.say("Anna Neu")
    assert "haben sich geändert" in asked.text
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and member.name == "Anna Muster"
    app.settings.privacy_notice_version = "v3"  # another one before she tapped
    [again] = await anna.press("Zustimmen")
    assert "haben sich geändert" in again.text
    assert await app.store.privacy.accepted_version(member.id) == BUILTIN_VERSION


async def test_leaving_instead_of_agreeing_erases_the_member(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    app.settings.privacy_notice_version = "v2"
    await anna.say("/start")
    [confirm] = await anna.press("Nicht zustimmen")
    assert "alle Ihre Daten" in confirm.text
    await anna.press("Ja, alles löschen")
    assert await app.store.members.find_by_identity("console", "anna") is None
    assert await app.store.members.count() == 0


async def test_members_from_before_consent_records_are_asked_once(app: Services) -> None:
    """The migration gives members who registered before it the version 'legacy'."""
    db = app.store.db
    member = await app.store.members.create(
        name="Alt", company="Alt AG", region="Hagen", competencies=[], language="de"
    )
    await app.store.members.add_identity(member.id, "console", "alt", "alt")
    for statement in (
        "DROP TABLE invited_members",
        "DROP TABLE invitations",
        "DROP TABLE consent_events",
        "DROP INDEX identities_unreachable",
        "DELETE FROM schema_migrations WHERE version = 8",
    ):
        await db.execute(statement)
    assert await db.migrate() == [8]
    assert await app.store.privacy.accepted_version(member.id) == "legacy"
    [asked] = await Person(app.core, "alt").say("/themen")
    assert "haben sich geändert" in asked.text


async def test_the_operators_notice_file_and_its_version(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    (tmp_path / "notice-de.txt").write_text("Hinweis der Kammer, Fassung 1", encoding="utf-8")
    (tmp_path / "notice-en.txt").write_text("Notice of the chamber, edition 1", encoding="utf-8")
    settings = make_settings(
        privacy_notice=str(tmp_path / "notice-{lang}.txt"),
        privacy_contact="datenschutz@example.org",
    )
    application = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await application.start()
    try:
        anna = Person(services.core, "anna")
        await anna.answer_until_consent()
        text = anna.texts()
        assert "Hinweis der Kammer, Fassung 1" in text and "datenschutz@example.org" in text
        await anna.press("Ja, einverstanden")
        member = await services.store.members.find_by_identity("console", "anna")
        assert member is not None
        first = await services.store.privacy.accepted_version(member.id)
        assert first is not None and first.startswith("sha256:")

        (tmp_path / "notice-de.txt").write_text("Hinweis der Kammer, Fassung 2", encoding="utf-8")
        [asked] = await anna.say("/themen")
        assert "Fassung 2" in asked.text
        await anna.press("Zustimmen")
        assert await services.store.privacy.accepted_version(member.id) not in (None, first)
    finally:
        await application.stop()


async def test_a_notice_file_that_cannot_be_read_stops_start_up(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings(privacy_notice=str(tmp_path / "missing-{lang}.txt"))
    application = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    with pytest.raises(ConfigError, match="KNOTENPUNKT_PRIVACY_NOTICE"):
        await application.start()
    await application.stop()


async def test_announcement_choices_are_consent_events(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/mitteilungen aus")
    await anna.say("/mitteilungen an")
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    events = [
        (c.granted, c.source)
        for c in await app.store.privacy.consents(member.id)
        if c.kind == "announcements"
    ]
    assert events == [(False, "command"), (True, "command")]
    assert await app.store.members.announcements_enabled(member.id)


@pytest.mark.parametrize("command", ["/themen abonnieren Wasserstoff", "/themen"])
async def test_a_pending_member_cannot_subscribe(
    make_settings: Callable[..., Settings], command: str
) -> None:
    application = App(
        make_settings(approval_required=True),
        serve_http=False,
        adapter_factories=[lambda s: FakeAdapter()],
    )
    services = await application.start()
    try:
        topic = await services.store.topics.create("Wasserstoff")
        anna = Person(services.core, "anna")
        await anna.answer_until_consent()
        await anna.press("Ja, einverstanden")
        member = await services.store.members.find_by_identity("console", "anna")
        assert member is not None and member.status == "pending"
        [answer] = await anna.say(command)
        assert "wartet noch auf die Freigabe" in answer.text
        [toggle] = await anna.tap(Button(label="x", action="topics.toggle", arg=str(topic.id)))
        assert "wartet noch auf die Freigabe" in toggle.text
        assert await services.store.topics.subscribed_ids(member.id) == set()
    finally:
        await application.stop()


async def test_linking_keeps_every_consent_and_unlinking_copies_the_notice(app: Services) -> None:
    store = app.store
    first = await store.members.create(
        name="A", company="A", region="Hagen", competencies=[], language="de"
    )
    second = await store.members.create(
        name="B", company="B", region="Hagen", competencies=[], language="de"
    )
    await store.members.add_identity(second.id, "slack", "U1", "D1")
    await store.privacy.record_consent(first.id, "privacy", True, version="v1")
    await store.privacy.record_consent(second.id, "privacy", True, version="v2")
    await store.members.set_announcements(second.id, False)
    await store.linking.merge(first.id, second.id)
    kept = [(c.kind, c.version) for c in await store.privacy.consents(first.id)]
    assert kept == [("privacy", "v1"), ("privacy", "v2"), ("announcements", None)]
    assert await store.privacy.accepted_version(first.id) == "v2"
    split = await store.linking.split(first.id, "slack", "U1")
    assert [c.version for c in await store.privacy.consents(split)] == ["v1", "v2"]
