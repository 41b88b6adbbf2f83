"""Broadcasts: the audience, its exact count, the wizard, the report, cancel and opt-out."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from bot.delivery.errors import PermanentFailure, Unreachable
from bot.i18n import format_datetime
from bot.models import ChatKind
from bot.services import Services
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService, CountChanged
from handlers.validation import Invalid
from storage import Store
from storage.broadcasts import Audience
from storage.outbox import Outcome
from tests.broadcast_support import CLI, add_member, queued_members, service
from tests.helpers import FakeAdapter, Person


async def _network(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    """Members of every sort, and the topics: who must and must not be counted."""
    ki = (await store.topics.create("KI")).id
    h2 = (await store.topics.create("Wasserstoff")).id
    m = {
        "anna": await add_member(store, "Anna", topics=(ki,)),
        "ben": await add_member(store, "Ben", region="Kreis Olpe", topics=(ki, h2), language="en"),
        "cem": await add_member(store, "Cem", topics=(h2,)),
        "dora": await add_member(
            store, "Dora", topics=(ki,), identities=(("telegram", "100"), ("slack", "U1"))
        ),
        "half": await add_member(store, "Half", identities=(("telegram", "200"), ("slack", "U2"))),
        "quiet": await add_member(store, "Quiet", topics=(ki,)),
        "blocked": await add_member(store, "Blocked", topics=(ki,)),
        "pending": await add_member(store, "Pending", topics=(ki,), status="pending"),
        "rejected": await add_member(store, "Rejected", status="rejected"),
    }
    await store.members.touch_identity("slack", "U1", "U1")  # Dora used Slack last
    await store.members.touch_identity("telegram", "200", "200")
    await store.members.mark_unreachable("telegram", "200")  # Half blocked us on Telegram
    await store.members.set_announcements(m["quiet"], False)
    await store.members.mark_unreachable("console", "blocked")
    return m, {"ki": ki, "h2": h2}


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        ({}, ["anna", "ben", "cem", "dora", "half"]),
        ({"topic": "ki"}, ["anna", "ben", "dora"]),
        ({"region": "Hagen"}, ["anna", "cem", "dora", "half"]),
        ({"topic": "ki", "region": "Hagen"}, ["anna", "dora"]),
        ({"topic": "h2", "region": "Kreis Olpe"}, ["ben"]),
    ],
)
async def test_preview_count_equals_rows_queued_for_every_audience(
    store: Store, settings: Settings, audience: dict[str, str], expected: list[str]
) -> None:
    members, topics = await _network(store)
    wanted = Audience(topic_id=topics.get(audience.get("topic", "")), region=audience.get("region"))
    svc = service(store, settings)
    preview = await svc.preview(wanted)
    broadcast, queued = await svc.send_now(wanted, "Hallo *alle*", CLI, expected=preview.total)
    assert preview.total == queued == len(expected)
    assert await queued_members(store, broadcast.id) == sorted(members[n] for n in expected)
    rows = await store.db.fetchall(
        "SELECT platform, COUNT(*) FROM outbox WHERE batch = ? GROUP BY platform",
        (broadcast.batch,),
    )
    assert {r[0]: r[1] for r in rows} == preview.by_platform
    assert (await store.broadcasts.get(broadcast.id)).recipients == queued  # type: ignore[union-attr]


async def test_one_message_per_member_on_the_identity_used_last(
    store: Store, settings: Settings
) -> None:
    members, _topics = await _network(store)
    broadcast, _queued = await service(store, settings).send_now(Audience(), "Hallo", CLI)
    rows = await store.db.fetchall(
        "SELECT member_id, platform, chat_id, payload FROM outbox WHERE batch = ?",
        (broadcast.batch,),
    )
    by_member = {r[0]: (r[1], r[2]) for r in rows}
    assert len(rows) == len(by_member)  # nobody twice
    assert by_member[members["dora"]] == ("slack", "U1")
    assert by_member[members["half"]] == ("slack", "U2")  # not the blocked Telegram identity
    payloads = {r[0]: json.loads(r[3]) for r in rows}
    assert payloads[members["ben"]]["title"].startswith("📣 Announcement from")
    assert payloads[members["anna"]]["title"].startswith("📣 Mitteilung von")
    assert payloads[members["anna"]]["markup"] is True


async def test_delivery_targets_and_broadcasts_pick_the_same_identity(store: Store) -> None:
    members, _topics = await _network(store)
    targets = await store.members.delivery_targets(list(members.values()))
    assert {m: (i.platform, i.chat_id) for m, (_lang, i) in targets.items()} == {
        members["anna"]: ("console", "anna"),
        members["ben"]: ("console", "ben"),
        members["cem"]: ("console", "cem"),
        members["dora"]: ("slack", "U1"),
        members["half"]: ("slack", "U2"),
        members["quiet"]: ("console", "quiet"),  # opting out concerns broadcasts only
    }


async def test_count_changed_since_the_preview_queues_nothing(
    store: Store, settings: Settings
) -> None:
    await add_member(store, "Anna")
    svc = service(store, settings)
    preview = await svc.preview(Audience())
    await add_member(store, "Neu")
    with pytest.raises(CountChanged) as changed:
        await svc.send_now(Audience(), "Hallo", CLI, expected=preview.total)
    assert changed.value.preview.total == 2
    assert await store.db.fetchval("SELECT COUNT(*) FROM outbox") == 0
    assert await store.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0
    with pytest.raises(Invalid):
        await svc.send_now(Audience(region="Nirgendwo"), "Hallo", CLI)  # nobody: refused


async def test_text_and_names_are_checked(store: Store, settings: Settings) -> None:
    svc = service(store, settings)
    with pytest.raises(Invalid, match=r"broadcast\.text_too_long"):
        svc.check_text("x" * 4001)
    with pytest.raises(Invalid, match=r"broadcast\.empty_text"):
        svc.check_text("  \n ")
    assert svc.check_text(" " + "x" * 4000 + "\n") == "x" * 4000
    with pytest.raises(Invalid, match=r"names\.unknown_topic"):
        await svc.audience(topic="Gibt es nicht")
    with pytest.raises(Invalid, match=r"broadcast\.unknown_region"):
        await svc.audience(region="Atlantis")
    assert (await svc.audience(region="kreis  olpe")).region == "Kreis Olpe"


async def test_cancel_withdraws_pending_rows_and_keeps_what_was_sent(
    store: Store, settings: Settings
) -> None:
    for name in ("A", "B", "C", "D", "E"):
        await add_member(store, name)
    svc = service(store, settings)
    broadcast, queued = await svc.send_now(Audience(), "Hallo", CLI)
    rows = await store.outbox.due(svc.clock(), 10)
    for row in rows[:2]:
        await store.outbox.mark_sending(row.id)
        await store.outbox.mark_sent(row.id)
    for row in rows[2:4]:  # in flight while cancelling
        await store.outbox.mark_sending(row.id)
    _cancelled, withdrawn = await svc.cancel(broadcast.id, "test")
    assert (queued, withdrawn) == (5, 3)
    await store.outbox.settle(  # one had reached the platform, the other must wait
        [
            Outcome(item_id=rows[2].id, status="sent"),
            Outcome(item_id=rows[3].id, status="pending", retry_at=svc.clock(), counts=False),
        ]
    )
    progress = await svc.progress(broadcast.id)
    assert progress.counts.model_dump() == {
        "sent": 3,
        "pending": 0,
        "unreachable": 0,
        "failed": 0,
        "withdrawn": 2,
    }
    # withdrawn, not deleted: the rows stay for the report
    assert await store.outbox.batch_report(broadcast.batch) == {"sent": 3, "withdrawn": 2}
    assert progress.broadcast.status == "cancelled" and progress.broadcast.withdrawn == 3
    assert await store.outbox.due(svc.clock(), 10) == []
    with pytest.raises(Invalid, match=r"broadcast\.not_open"):
        await svc.cancel(broadcast.id, "test")
    await svc.tick()
    assert (await svc.progress(broadcast.id)).broadcast.status == "cancelled"  # no report
    actions = [entry["action"] for entry in await store.audit.recent()]
    assert actions[:2] == ["broadcast.cancelled", "broadcast.sent"]


# the chat -------------------------------------------------------------------------------


async def _admin_sends(admin: Person, text: str, audience: list[str], when: str = "Sofort") -> None:
    await admin.say("/rundschreiben")
    for label in audience:
        await admin.press(label)
    await admin.say(text)
    await admin.press(when)


async def test_wizard_previews_exactly_what_members_get_then_sends_and_reports(
    app: Services, fake_adapter: FakeAdapter, person: Callable[..., Person]
) -> None:
    ki = (await app.store.topics.create("KI in der Industrie")).id
    anna = await add_member(app.store, "Anna", topics=(ki,))
    await add_member(app.store, "Ben", topics=(ki,), language="en")
    await add_member(app.store, "Cem")  # not subscribed
    admin = person("admin")
    text = "Einladung zur *Jahreskonferenz*: [Anmeldung](https://example.org/k)"
    await _admin_sends(admin, text, ["Abonnenten eines Themas", "KI in der Industrie"])
    preview, count = admin.last
    assert preview.markup and preview.text.startswith(text)
    assert "Empfänger: 2 (Abonnenten von „KI in der Industrie“) – Konsole: 2." in count.text
    await admin.press("Jetzt senden")
    assert "Rundschreiben Nr. 1 ist unterwegs (Empfänger: 2)" in admin.texts()
    await app.worker.drain()
    delivered = {s.chat_id: s.message for s in fake_adapter.sent}
    assert delivered["anna"] == preview  # exactly what the admin saw
    assert delivered["ben"].title == "📣 Announcement from Knotenpunkt"
    assert "cem" not in delivered
    svc = BroadcastService(app.store, app.notifier, app.settings)
    await svc.tick()
    await svc.tick()  # the report goes out once
    await app.worker.drain()
    reports = [s.message for s in fake_adapter.sent if s.chat_id == "admin"]
    assert [r.title for r in reports] == ["Rundschreiben Nr. 1 ist zugestellt"]
    assert "✅ 2 gesendet · ⏳ 0 ausstehend · 🚫 0 nicht erreichbar" in reports[0].text
    [sent] = [e for e in await app.store.audit.recent() if e["action"] == "broadcast.sent"]
    assert sent["actor"] == "console:admin" and sent["count"] == 2
    assert sent["audience"] == {"topic_id": ki} and sent["at"]
    assert await queued_members(app.store, 1) == sorted([anna, anna + 1])


async def test_report_counts_match_the_outbox_and_list_the_unreachable(
    app: Services, fake_adapter: FakeAdapter, person: Callable[..., Person]
) -> None:
    for name in ("Anna", "Ben", "Cem", "Dora"):
        await add_member(app.store, name)
    fake_adapter.failures.extend([Unreachable("blocked"), PermanentFailure("refused")])
    admin = person("admin")
    await _admin_sends(admin, "Hallo", ["Alle Mitglieder"])
    await admin.press("Jetzt senden")
    await app.worker.drain()
    svc = BroadcastService(app.store, app.notifier, app.settings)
    await svc.tick()
    await app.worker.drain()
    outbox = await app.store.outbox.batch_report("broadcast:1")
    assert outbox == {"sent": 2, "unreachable": 1, "failed": 1}
    [report] = [s.message for s in fake_adapter.sent if s.chat_id == "admin"]
    assert "✅ 2 gesendet · ⏳ 0 ausstehend · 🚫 1 nicht erreichbar · ⚠️ 1 fehlgeschlagen" in (
        report.text
    )
    [button] = report.button_list()
    await admin.tap(button)
    blocked = await app.store.db.fetchval(
        "SELECT m.name FROM outbox o JOIN members m ON m.id = o.member_id"
        " WHERE o.status = 'unreachable'"
    )
    assert f"• {blocked} ({blocked} GmbH, Konsole)" in admin.texts()
    await admin.say("/rundschreiben status")
    assert "🚫 1 nicht erreichbar" in admin.texts() and "✔️ fertig" in admin.texts()


async def test_admin_confirms_again_when_the_audience_changed(
    app: Services, fake_adapter: FakeAdapter, person: Callable[..., Person]
) -> None:
    await add_member(app.store, "Anna")
    admin = person("admin")
    await _admin_sends(admin, "Hallo", ["Alle Mitglieder"])
    assert "Empfänger: 1 " in admin.last[1].text
    await add_member(app.store, "Ben")
    await admin.press("Jetzt senden")
    assert "seit der Vorschau geändert: jetzt 2" in admin.texts()
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0
    await admin.press("Jetzt senden")
    assert "Empfänger: 2" in admin.texts()
    assert await app.store.db.fetchval("SELECT recipients FROM broadcasts") == 2


async def test_wizard_checks_each_step(app: Services, person: Callable[..., Person]) -> None:
    await add_member(app.store, "Anna", region="Kreis Soest")
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Abonnenten eines Themas")
    assert "Es gibt noch keine Themen" in admin.texts()  # and the audience question again
    await admin.say("3")  # members of a region, typed as its number
    await admin.say("Atlantis")
    assert "Die Region „Atlantis“ kenne ich nicht." in admin.texts()
    await admin.press("Kreis Soest")
    await admin.say("x" * 4001)
    assert "Der Text hat 4001 Zeichen; höchstens 4000 sind möglich." in admin.texts()
    await admin.say("Hallo *Soest und _snake_case")
    await admin.press("Sofort")
    assert "Empfänger: 1 (Mitglieder in der Region Kreis Soest)" in admin.texts()
    assert "so angezeigt, wie sie dastehen: *Soest" in admin.texts()
    await admin.press("Ändern")
    await admin.press("Text")  # change one field from the preview
    await admin.say("Hallo *Soest*")
    assert "Hinweis" not in admin.texts()
    await admin.press("Ändern")
    await admin.press("Versand")
    await admin.press("Planen")
    await admin.say("morgen früh")
    assert "„morgen früh“ verstehe ich nicht" in admin.texts()
    await admin.say("01.01.2020 09:00")
    assert "in der Vergangenheit" in admin.texts()
    await admin.say("01.12.2099 09:00")
    assert "höchstens ein Jahr im Voraus" in admin.texts()
    await admin.say((datetime.now() + timedelta(days=3)).strftime("%d.%m.%Y 09:00"))
    [send] = [b for b in admin.last[-1].button_list() if "Planen" in b.label]
    await admin.press("Verwerfen")
    assert "Abgebrochen" in admin.texts()
    await admin.tap(send)  # a stale button after the wizard ended
    assert "gehört zu keinem offenen Rundschreiben" in admin.texts()
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0


async def test_members_and_groups_are_refused(app: Services, person: Callable[..., Person]) -> None:
    anna = person("anna")
    await anna.register()
    await anna.say("/rundschreiben")
    assert anna.texts() == "Dieser Befehl ist dem Netzwerk-Team vorbehalten."
    await anna.say("/broadcast status")
    assert anna.texts() == "Dieser Befehl ist dem Netzwerk-Team vorbehalten."
    stranger = person("stranger")
    await stranger.say("/broadcast")
    assert "Netzwerk-Team vorbehalten" in stranger.texts()
    admin = person("admin")
    await admin.say("/rundschreiben", chat_id="group1", chat_kind=ChatKind.GROUP)
    assert admin.texts() == "Das geht nur im privaten Chat mit mir."
    await admin.say("/rundschreiben")
    [button] = [b for b in admin.last[-1].button_list() if b.arg.endswith(":all")]
    await anna.tap(button)  # a member replaying an admin's button
    assert anna.texts() == "Dieser Befehl ist dem Netzwerk-Team vorbehalten."
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0


async def test_announcements_can_be_turned_off_and_on(
    app: Services, person: Callable[..., Person]
) -> None:
    anna = person("anna")
    await anna.register()
    svc = BroadcastService(app.store, app.notifier, app.settings)
    assert (await svc.preview(Audience())).total == 1
    await anna.say("/mitteilungen")
    assert "Mitteilungen des Netzwerk-Teams: an." in anna.texts()
    await anna.say("/mitteilungen aus")
    assert "Gespeichert.\n\nMitteilungen des Netzwerk-Teams: aus." in anna.texts()
    row = await app.store.db.fetchone("SELECT enabled, changed_at FROM announcement_settings")
    assert row is not None and row[0] == 0 and row[1]
    assert (await svc.preview(Audience())).total == 0
    await anna.press("Mitteilungen einschalten")
    assert "Mitteilungen des Netzwerk-Teams: an." in anna.texts()
    assert (await svc.preview(Audience())).total == 1
    await anna.say("/announcements off")
    assert (await svc.preview(Audience())).total == 0
    await anna.say("/mitteilungen vielleicht")
    assert anna.texts() == "So geht's: /mitteilungen an oder /mitteilungen aus"


async def test_status_lists_and_cancels_in_chat(
    app: Services, person: Callable[..., Person]
) -> None:
    await add_member(app.store, "Anna")
    admin = person("admin")
    await admin.say("/rundschreiben status")
    assert "Es gibt noch keine Rundschreiben" in admin.texts()
    await _admin_sends(admin, "Sommerfest am _Freitag_", ["Alle Mitglieder"], when="Planen")
    at = datetime.now(app.settings.zone).replace(hour=9, minute=0, second=0, microsecond=0)
    at += timedelta(days=7)  # a week ahead, whatever the day the suite runs
    await admin.say(at.strftime("%d.%m.%Y %H:%M"))
    await admin.press("Planen")  # the preview's confirmation
    shown = format_datetime(at, "de", app.settings.zone)
    assert f"Rundschreiben Nr. 1 ist für {shown} geplant" in admin.texts()
    await admin.press("Stand der Zustellung")
    assert f"🕘 geplant für {shown}" in admin.texts()
    assert "„Sommerfest am Freitag“" in admin.texts()
    await admin.press("Nr. 1 abbrechen")
    assert "wirklich abbrechen" in admin.texts()
    await admin.press("Ja, abbrechen")
    assert "Rundschreiben Nr. 1 ist abgebrochen: 0 zurückgezogen, 0 bereits zugestellt." in (
        admin.texts()
    )
    await admin.say("/rundschreiben abbrechen 1")
    assert "schon fertig oder abgebrochen" in admin.texts()
    await admin.say("/rundschreiben abbrechen 7")
    assert "Ein Rundschreiben Nr. 7 gibt es nicht." in admin.texts()
    await admin.say("/rundschreiben hallo")
    assert "So geht's: /rundschreiben" in admin.texts()
