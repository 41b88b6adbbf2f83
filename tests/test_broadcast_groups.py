"""Broadcasts to the members of a working group: the exact count, the wizard, the CLI,
archived and unknown groups, and stored audiences from before groups existed."""

from __future__ import annotations

import asyncio
import io
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.cli import main
from bot.models import Outgoing
from bot.services import Services
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService, Sender
from handlers.validation import Invalid
from storage import Store
from storage.broadcasts import Audience
from tests.broadcast_support import CLI, add_member, queued_members, service
from tests.groups_support import group_service, make_group
from tests.helpers import FakeAdapter, Person

GROUP_LABEL = "Mitglieder der Arbeitsgruppe „AG Wasserstoff“"


async def _group_network(store: Store, settings: Settings) -> tuple[int, dict[str, int]]:
    """A group whose members are of every sort, and people outside it."""
    m = {
        "tg": await add_member(store, "Tg", identities=(("telegram", "100"),)),
        "sl": await add_member(store, "Sl", identities=(("slack", "U1"),)),
        "both": await add_member(store, "Both", identities=(("telegram", "200"), ("slack", "U2"))),
        "muted": await add_member(store, "Muted"),
        "digest": await add_member(store, "Digest", identities=(("telegram", "300"),)),
        "quiet": await add_member(store, "Quiet"),
        "pending": await add_member(store, "Pending", status="pending"),
        "outsider": await add_member(store, "Outsider"),
    }
    await store.members.touch_identity("slack", "U2", "U2")  # Both used Slack last
    inside = tuple(v for k, v in m.items() if k != "outsider")
    group = await make_group(store, settings, members=inside)
    await make_group(store, settings, "AG Robotik", members=(m["outsider"],))
    await store.groups.set_level(group.id, m["muted"], "muted")
    await store.groups.set_level(group.id, m["digest"], "digest")
    await store.members.set_announcements(m["quiet"], False)
    return group.id, m


async def test_preview_count_equals_rows_queued_for_a_group(
    store: Store, settings: Settings
) -> None:
    group_id, m = await _group_network(store, settings)
    svc = service(store, settings)
    audience = await svc.audience(group="ag  WASSERSTOFF")
    assert audience == Audience(group_id=group_id) and audience.kind == "group"
    preview = await svc.preview(audience)
    # muted and digest members get it (announcements decide, not the group's level);
    # the one who turned announcements off and the pending member do not
    assert preview.by_platform == {"telegram": 2, "slack": 2, "console": 1}
    broadcast, queued = await svc.send_now(audience, "Hallo AG", CLI, expected=preview.total)
    expected = sorted(m[n] for n in ("tg", "sl", "both", "muted", "digest"))
    assert queued == preview.total == 5
    assert await queued_members(store, broadcast.id) == expected  # Both once
    rows = await store.db.fetchall(
        "SELECT platform, COUNT(*) FROM outbox WHERE batch = ? GROUP BY platform",
        (broadcast.batch,),
    )
    assert {r[0]: r[1] for r in rows} == preview.by_platform
    chosen = await store.db.fetchval(
        "SELECT platform FROM outbox WHERE member_id = ? AND batch = ?",
        (m["both"], broadcast.batch),
    )
    assert chosen == "slack"
    [sent] = [e for e in await store.audit.recent() if e["action"] == "broadcast.sent"]
    assert sent["audience"] == {"group_id": group_id}
    assert await svc.describe("en", audience) == "members of the working group “AG Wasserstoff”"


async def test_unknown_archived_and_combined_groups_are_refused(
    store: Store, settings: Settings
) -> None:
    group_id, _m = await _group_network(store, settings)
    svc = service(store, settings)
    with pytest.raises(Invalid, match=r"broadcast\.unknown_group") as unknown:
        await svc.audience(group="Vorstand")
    assert unknown.value.params["groups"] == "AG Robotik, AG Wasserstoff"
    with pytest.raises(ValueError, match="cannot be combined"):
        await svc.audience(group="AG Wasserstoff", region="Hagen")
    with pytest.raises(ValidationError):
        Audience(group_id=group_id, topic_id=1)
    await group_service(store, settings).archive("AG Wasserstoff")
    with pytest.raises(Invalid, match=r"broadcast\.group_archived"):
        await svc.audience(group="AG Wasserstoff")
    assert (await svc.preview(Audience(group_id=group_id))).total == 0


async def test_archiving_a_group_cancels_its_scheduled_broadcasts_and_tells_who_planned_them(
    store: Store, settings: Settings
) -> None:
    group_id, _m = await _group_network(store, settings)
    chef = await add_member(store, "Chef")  # planned one in German, Bob one in English
    bob = await add_member(store, "Bob", language="en")
    svc = service(store, settings)
    now = svc.clock()
    later = now + timedelta(hours=1)
    german, found = await svc.schedule(
        Audience(group_id=group_id), "Später", Sender("console:chef", "de", chef), later
    )
    english, _ = await svc.schedule(
        Audience(group_id=group_id), "Later", Sender("console:bob", "en", bob), later
    )
    everyone, _ = await svc.schedule(Audience(), "An alle", CLI, later)  # not the group's
    assert found.total == 5
    await group_service(store, settings, actor="console:admin").archive("AG Wasserstoff")
    for broadcast in (german, english):
        progress = await svc.progress(broadcast.id)
        assert progress.broadcast.status == "cancelled"
    assert (await svc.progress(everyone.id)).broadcast.status == "scheduled"
    notes = await store.db.fetchall(
        "SELECT chat_id, payload FROM outbox WHERE chat_id IN ('chef', 'bob') ORDER BY chat_id"
    )
    told = {row[0]: Outgoing.model_validate_json(row[1]).text for row in notes}
    assert told["chef"].startswith(
        f"Ihr Rundschreiben Nr. {german.id} an die Mitglieder von „AG Wasserstoff“, geplant für"
    )
    assert "Die Arbeitsgruppe wurde archiviert. Es wurde nichts gesendet." in told["chef"]
    assert told["bob"].startswith(f"Your broadcast no. {english.id} to the members of")
    assert "the working group was archived. Nothing was sent." in told["bob"]
    cancelled = await store.audit.entries(action="broadcast.cancelled")
    assert {(e.actor, e.detail["reason"]) for e in cancelled} == {
        ("console:admin", "group_archived")
    }

    svc.clock = lambda: later + timedelta(seconds=1)
    await svc.tick()
    await svc.tick()
    assert await queued_members(store, german.id) == []
    assert (await svc.progress(everyone.id)).broadcast.status != "scheduled"


async def test_audiences_stored_before_groups_existed_still_load(
    store: Store, settings: Settings
) -> None:
    svc = service(store, settings)
    topic = await store.topics.create("KI")
    old, _ = await svc.schedule(Audience(), "Alt", CLI, svc.clock() + timedelta(hours=1))
    other, _ = await svc.schedule(Audience(), "Alt", CLI, svc.clock() + timedelta(hours=1))
    await store.db.execute(
        "UPDATE broadcasts SET audience = ? WHERE id = ?",
        (f'{{"topic_id": {topic.id}, "region": "Hagen"}}', old.id),
    )
    await store.db.execute("UPDATE broadcasts SET audience = '{}' WHERE id = ?", (other.id,))
    loaded = await store.broadcasts.get(old.id)
    assert loaded is not None and loaded.audience == Audience(topic_id=topic.id, region="Hagen")
    assert loaded.audience.group_id is None and loaded.audience.kind == "topic+region"
    assert [b.audience.kind for b in await store.broadcasts.recent()] == ["topic+region", "all"]
    assert await svc.describe("de", loaded.audience) == "Abonnenten von „KI“ in der Region Hagen"


# the chat -------------------------------------------------------------------------------


async def test_wizard_sends_to_a_group_by_buttons_and_reports(
    app: Services, fake_adapter: FakeAdapter, person: Callable[..., Person]
) -> None:
    anna = await add_member(app.store, "Anna")
    ben = await add_member(app.store, "Ben", language="en")
    await add_member(app.store, "Cem")  # not in the group
    group = await make_group(app.store, app.settings, members=(anna, ben))
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Mitglieder einer Arbeitsgruppe")
    assert "Welche Arbeitsgruppe?" in admin.texts()
    await admin.press("AG Wasserstoff")
    assert f"Empfänger: {GROUP_LABEL}." in admin.texts()
    await admin.say("Treffen am *Freitag*")
    await admin.press("Sofort")
    _preview, count = admin.last
    assert f"Empfänger: 2 ({GROUP_LABEL}) – Konsole: 2." in count.text
    await admin.press("Jetzt senden")
    assert "Rundschreiben Nr. 1 ist unterwegs (Empfänger: 2)" in admin.texts()
    await app.worker.drain()
    assert {s.chat_id for s in fake_adapter.sent} == {"anna", "ben"}
    svc = BroadcastService(app.store, app.notifier, app.settings)
    await svc.tick()
    await app.worker.drain()
    [report] = [s.message for s in fake_adapter.sent if s.chat_id == "admin"]
    assert f"An: {GROUP_LABEL}" in report.text and "✅ 2 gesendet" in report.text
    await admin.say("/rundschreiben status")
    assert f"Nr. 1 · an {GROUP_LABEL}" in admin.texts()
    [sent] = [e for e in await app.store.audit.recent() if e["action"] == "broadcast.sent"]
    assert sent["audience"] == {"group_id": group.id} and sent["count"] == 2


async def test_archiving_in_chat_tells_the_admin_who_planned_a_broadcast_to_the_group(
    app: Services, person: Callable[..., Person], fake_adapter: FakeAdapter
) -> None:
    anna = await add_member(app.store, "Anna")
    await make_group(app.store, app.settings, members=(anna,))
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Mitglieder einer Arbeitsgruppe")
    await admin.press("AG Wasserstoff")
    await admin.say("Treffen am Freitag")
    await admin.press("Planen")
    when = (datetime.now(app.settings.zone) + timedelta(days=2)).strftime("%d.%m.%Y 09:00")
    await admin.say(when)
    await admin.press("Planen")
    assert "geplant" in admin.texts(), admin.texts()
    await admin.say("/gruppearchivieren AG Wasserstoff")
    assert "„AG Wasserstoff“ ist archiviert" in admin.texts()
    await app.worker.drain()
    [note] = [s.message.text for s in fake_adapter.sent if s.chat_id == "admin"]
    assert "Rundschreiben Nr. 1 an die Mitglieder von „AG Wasserstoff“" in note
    assert "wurde abgebrochen: Die Arbeitsgruppe wurde archiviert" in note
    await admin.say("/rundschreiben status")
    assert "✖️ abgebrochen" in admin.texts()


async def test_wizard_offers_only_active_groups(
    app: Services, person: Callable[..., Person]
) -> None:
    anna = await add_member(app.store, "Anna")
    admin = person("admin")
    await admin.say("/rundschreiben")
    assert "Mitglieder einer Arbeitsgruppe" not in str(admin.last[-1].button_list())
    await admin.say("Mitglieder einer Arbeitsgruppe")  # not offered, so not understood
    assert "An wen soll das Rundschreiben gehen?" in admin.texts()
    await make_group(app.store, app.settings, members=(anna,))
    await make_group(app.store, app.settings, "AG Alt", members=(anna,))
    await group_service(app.store, app.settings).archive("AG Alt")
    await admin.say("/rundschreiben")
    await admin.say("Mitglieder einer Arbeitsgruppe")  # typed, now that one exists
    assert [b.label for b in admin.last[-1].button_list()] == ["AG Wasserstoff"]
    [button] = admin.last[-1].button_list()
    await admin.say("AG Alt")
    assert "„AG Alt“ ist archiviert; an sie kann kein Rundschreiben gehen." in admin.texts()
    await admin.say("Vorstand")
    assert "„Vorstand“ kenne ich nicht. Arbeitsgruppen: AG Wasserstoff" in admin.texts()
    await group_service(app.store, app.settings).archive("AG Wasserstoff")
    await admin.tap(button)  # archived since the buttons were shown
    assert "„AG Wasserstoff“ ist archiviert" in admin.texts()
    assert "Es gibt keine aktive Arbeitsgruppe mehr." in admin.texts()
    assert [b.arg for b in admin.last[-1].button_list()] == [
        "0:all",
        "0:topic",
        "0:region",
        "0:both",
    ]
    await admin.tap(button)  # not at the group step any more
    assert "gehört zu keinem offenen Rundschreiben" in admin.texts()


# the CLI --------------------------------------------------------------------------------


async def _cli_network(db: Path) -> None:
    store = await Store.open(db)
    try:
        anna = await add_member(store, "Anna")
        ben = await add_member(store, "Ben", identities=(("telegram", "1"), ("slack", "U1")))
        cem = await add_member(store, "Cem")
        quiet = await add_member(store, "Quiet")
        await store.members.set_announcements(quiet, False)
        group = await store.groups.create("AG Wasserstoff")
        for member_id in (anna, ben, quiet):
            await store.groups.join(group.id, member_id)
        old = await store.groups.create("AG Alt")
        await store.groups.join(old.id, cem)
        await store.groups.archive(old.id)
    finally:
        await store.close()


def test_cli_sends_to_a_group_and_refuses_unknown_and_archived_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"
    asyncio.run(_cli_network(db))
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))

    def cli(*args: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return main(["broadcast", *args])

    send = ["send", "--audience", "group:ag wasserstoff", "--text", "Hallo AG"]
    assert cli(*send, stdin="n\n") == 1
    out = capsys.readouterr().out
    assert "audience:   members of the working group “AG Wasserstoff”" in out
    assert "recipients: 2 now (" in out and "Send now to 2 members?" in out
    assert cli(*send, "--yes") == 0
    assert "broadcast 1 queued for 2 recipients" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT COUNT(*) FROM outbox WHERE batch = 'broadcast:1'").fetchone()
    assert rows[0] == 2
    assert cli("list") == 0
    assert "No. 1 · to members of the working group “AG Wasserstoff”" in capsys.readouterr().out
    refusals = {
        ("--audience", "group:Vorstand"): (
            "I don't know the working group “Vorstand”. Working groups: AG Wasserstoff"
        ),
        ("--audience", "group:AG Alt"): "The working group “AG Alt” is archived",
        ("--audience", "group:AG Wasserstoff", "--audience", "region:Hagen"): (
            "group: cannot be combined with topic: or region:"
        ),
        ("--audience", "all", "--audience", "group:AG Wasserstoff"): "'all' cannot be combined",
        ("--audience", "group:"): "unknown audience 'group:'",
    }
    for extra, message in refusals.items():
        assert cli("send", *extra, "--text", "x", "--yes") == 1
        assert message in capsys.readouterr().err, extra
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM broadcasts").fetchone()[0] == 1
