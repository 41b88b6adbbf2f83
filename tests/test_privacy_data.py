"""A member's data: ``/meinedaten`` has every table's rows about him and nothing about the
members who share his topic and event; ``/loeschen`` leaves no trace of him in the database
file, moves the waitlist up, anonymises what stays for others and keeps the audit trail."""

from __future__ import annotations

import json

import pytest

from bot.i18n import t
from bot.models import Button
from bot.services import Services
from bot.settings import Settings
from storage.privacy_steps import DATA_STEPS, ERASED
from tests.privacy_support import (
    HIS_TRACES,
    NAME,
    OTHER_ID,
    SLACK_ID,
    TELEGRAM_ID,
    THEIR_TRACES,
    Network,
    build,
    file_bytes,
    traces,
    vacuum,
)


@pytest.fixture
def settings(make_settings) -> Settings:  # type: ignore[no-untyped-def]
    return make_settings(approval_required=True)


@pytest.fixture
async def network(app: Services) -> Network:
    return await build(app)


async def test_export_has_every_table_about_him_and_nothing_about_the_others(
    app: Services, network: Network
) -> None:
    [answer] = await network.telegram.say("/meinedaten")
    assert answer.document is not None and answer.document.filename.endswith(".json")
    assert answer.document.mime_type == "application/json"
    document = json.loads(answer.document.content)
    tables = document["tables"]
    exported = {step.table for step in DATA_STEPS if step.export is not None}
    assert {t for t in exported if not tables.get(t)} == set(), "tables without his rows"
    assert tables["members"][0]["name"] == NAME
    assert tables["members"][0]["competencies"] == ["Hyperspektralanalyse", "Xylophonbau"]
    assert {i["user_id"] for i in tables["identities"]} == {TELEGRAM_ID, SLACK_ID}
    assert [c["version"] for c in tables["consent_events"] if c["kind"] == "privacy"] == [
        "builtin-1"
    ]
    assert "token" not in json.dumps(tables["calendar_tokens"])  # the feed exists, no secret
    assert document["privacy_notice"]["accepted_version"] == "builtin-1"

    raw = answer.document.content
    assert traces(raw, THEIR_TRACES) == [], "another member's data in his export"
    assert b"console:admin" not in raw  # nor the staff's accounts
    actors = {entry["actor"] for entry in tables["audit_log"]}
    assert actors <= {"you", "network team", "system", "cli"}

    assert NAME in answer.text and "• 1 Themen-Abo\n" in answer.text
    assert "/loeschen" in answer.text
    exported_entry = (await app.store.audit.entries(action="member.exported"))[-1]
    assert exported_entry.detail == {"member_id": network.him.id, "by": "self"}


async def test_erasure_leaves_no_trace_in_the_database_file(
    app: Services, network: Network
) -> None:
    store = app.store
    audit_before = len(await store.audit.entries())
    assert traces(file_bytes(app.settings.db_path), HIS_TRACES) == list(
        HIS_TRACES
    )  # the probe works

    [confirm] = await network.telegram.say("/loeschen")
    assert "nicht rückgängig" in confirm.text
    [done] = await network.telegram.press("Ja, alles löschen")
    assert "Ihre Daten sind gelöscht" in done.text and "• 1 Profil\n" in done.text
    await app.worker.drain(within=5.0)

    assert traces(file_bytes(app.settings.db_path), HIS_TRACES) == []  # secure_delete, no VACUUM
    vacuum(app.settings.db_path)
    assert traces(file_bytes(app.settings.db_path), HIS_TRACES) == []

    # what stays for the others, without him
    assert await store.members.get(network.him.id) is None
    assert len(await store.audit.entries()) == audit_before + 1  # the erasure itself
    assert await store.audit.entries(actor=f"telegram:{TELEGRAM_ID}") == []
    erased = await store.audit.entries(action="member.erased")
    assert [(e.actor, e.detail["by"]) for e in erased] == [(ERASED, "self")]
    registered = await store.audit.entries(action="member.registered")
    assert network.him.id not in [e.detail["member_id"] for e in registered]
    assert len(registered) == 3  # the action stays, without who
    event = await store.db.fetchone("SELECT organiser, created_by FROM events WHERE id = 2")
    assert tuple(event) == (None, ERASED)
    broadcast = await store.broadcasts.get(1)
    assert broadcast is not None and broadcast.created_by == ERASED
    assert broadcast.report_member_id is None and broadcast.report_chat_id is None
    binding = await store.db.fetchone("SELECT bound_by, chat_id FROM bindings")
    assert tuple(binding) == (None, "-100777")  # the group keeps its topic news
    assert await store.invitations.invited_by(network.third.id) is None  # joined, not by whom
    assert await store.directory.indexed_ids() == []  # Bertram and Cora are not listed

    # writing again is a new person
    [welcome] = await network.telegram.say("/start")
    assert "Willkommen" in welcome.text


async def test_erasure_moves_the_waitlist_up_and_tells_who_moved(
    app: Services, network: Network, fake_adapter
) -> None:  # type: ignore[no-untyped-def]
    rsvp = await app.store.rsvps.for_member(network.other.id)
    assert [r.waitlisted for r in rsvp] == [True]
    await network.telegram.say("/loeschen")
    await network.telegram.press("Ja, alles löschen")
    [moved] = await app.store.rsvps.for_member(network.other.id)
    assert moved.status == "yes" and not moved.waitlisted
    await app.worker.drain(within=5.0)
    told = [s.message.title for s in fake_adapter.sent if s.chat_id == OTHER_ID]
    assert t("de", "events.promoted", title="KI-Stammtisch") in told


async def test_cancelling_or_a_stale_button_deletes_nothing(
    app: Services, network: Network
) -> None:
    await network.telegram.say("/loeschen")
    [kept] = await network.telegram.press("Abbrechen")
    assert "nichts gelöscht" in kept.text
    old = Button(label="x", action="privacy.erase", arg=f"{network.him.id}.1")  # another time
    [stale] = await network.telegram.tap(old)
    assert "nicht mehr aktuell" in stale.text
    assert await app.store.members.get(network.him.id) is not None


async def test_unregistered_people_have_nothing_to_see_or_delete(app: Services) -> None:
    from tests.helpers import Person

    stranger = Person(app.core, "stranger")
    await stranger.say("/start")  # an unfinished registration
    [answer] = await stranger.say("/loeschen")
    assert "nichts gespeichert" in answer.text
    assert await app.store.conversations.get("console", "stranger") is None
    [answer] = await stranger.say("/meinedaten")
    assert "nichts gespeichert" in answer.text
