"""``/stats`` and ``knotenpunkt stats``: the counts match the store; accounts unreachable
past the retention period are offered for erasure with one confirmation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.i18n import format_day, format_month
from bot.services import Services
from handlers.events.upcoming import upcoming
from handlers.privacy.stats import collect, render
from storage.db import to_db_time, utcnow
from storage.outbox import OutboxEntry
from tests.broadcast_support import add_member
from tests.events_support import add_event
from tests.events_support import service as events
from tests.helpers import Person


async def _network(app: Services) -> dict[str, int]:
    store = app.store
    hydrogen = await store.topics.create("Wasserstoff")
    robots = await store.topics.create("Robotik")
    ids = {
        "anna": await add_member(store, "Anna", region="Hagen", topics=(hydrogen.id,)),
        "ben": await add_member(
            store,
            "Ben",
            region="Kreis Olpe",
            identities=(("telegram", "11"), ("slack", "U11")),
            topics=(hydrogen.id, robots.id),
        ),
        "cem": await add_member(store, "Cem", region="Hagen", identities=(("telegram", "12"),)),
        "dora": await add_member(store, "Dora", region="Hagen", status="pending"),
        "old": await add_member(store, "Olaf", region="Hagen", identities=(("telegram", "13"),)),
    }
    await store.topics.subscribe(ids["dora"], robots.id)  # pending: not counted
    long_ago = to_db_time(utcnow() - timedelta(days=200))
    await store.db.execute(
        "UPDATE identities SET unreachable_at = ? WHERE user_id IN ('13', 'U11')", (long_ago,)
    )
    await store.db.execute("UPDATE members SET created_at = ? WHERE id = ?", (long_ago, ids["old"]))
    event = await add_event(app, title="Stammtisch", capacity=1)
    [occ] = await upcoming(store, event_id=event.id, limit=1)
    for who, answer in (("anna", "yes"), ("ben", "yes"), ("cem", "maybe")):
        await events(app).answer(occ, ids[who], answer)
    await store.outbox.add(
        [OutboxEntry(platform="slack", chat_id="U11", payload="{}", member_id=ids["ben"])]
    )
    await app.worker.drain(within=5.0)
    return ids


async def test_stats_match_the_store(app: Services) -> None:
    await _network(app)
    group = await app.store.groups.create("AG Wasserstoff")
    for member_id in (1, 2):
        await app.store.groups.join(group.id, member_id)
    await app.store.groups.create("AG Leer")
    month = utcnow().astimezone(app.settings.zone).strftime("%Y-%m")
    await app.store.db.execute(
        "INSERT INTO cooperation_monthly (month, posted, interests, connections)"
        " VALUES (?, 3, 2, 1)",
        (month,),
    )
    stats = await collect(app.store, app.settings)
    assert stats.group_sizes == [("AG Wasserstoff", 2), ("AG Leer", 0)]
    assert len(stats.cooperation_per_month) == 6
    last = stats.cooperation_per_month[-1]
    assert (last.month, last.posted, last.interests, last.connections) == (month, 3, 2, 1)
    assert stats.members_by_status == {"active": 4, "pending": 1}
    assert stats.members_by_region == [("Hagen", 3), ("Kreis Olpe", 1)]
    assert stats.members_by_platform == [("telegram", 3), ("console", 1), ("slack", 1)]
    month = utcnow().strftime("%Y-%m")
    assert (month, 4) in stats.new_members_per_month
    assert sum(n for _, n in stats.new_members_per_month) == 5
    assert stats.subscriptions_per_topic == [("Wasserstoff", 2), ("Robotik", 1)]
    [event] = stats.upcoming_events
    assert (event.title, event.yes, event.waitlist, event.maybe, event.no) == (
        "Stammtisch",
        1,
        1,
        1,
        0,
    )
    outbox = dict(
        (r[0], r[1])
        for r in await app.store.db.fetchall("SELECT status, COUNT(*) FROM outbox GROUP BY 1")
    )
    assert stats.deliveries_last_7_days == outbox
    assert (stats.unreachable_accounts, stats.unreachable_members) == (2, 1)

    admin = Person(app.core, "admin")
    [shown] = await admin.say("/stats")
    assert "Mitglieder: 4 aktiv, 1 wartet auf Freigabe, 0 abgelehnt" in shown.text
    assert f"Neu im {format_month(month, 'de')}: 4" in shown.text
    assert "Stammtisch" in shown.text
    assert "1/1 Zusage, 1 auf der Warteliste, 1 vielleicht, 0 Absagen" in shown.text
    assert "Länger als 180 Tage unerreichbar: 2 Konten (1 Mitglied ohne" in shown.text
    assert "Wasserstoff: 2" not in shown.text  # behind a button
    assert [b.label for b in shown.button_list()] == [
        "👥 Regionen, Plattformen, Monate",
        "🏷 Themen und Arbeitsgruppen",
        "🤝 Kooperationsgesuche",
        "🗓 Terminabstimmungen",
        "Unerreichbare löschen …",
    ]
    [people] = await admin.press("Regionen")
    assert "Hagen: 3" in people.text and "Telegram: 3" in people.text
    assert f"  {format_month(month, 'de')}: 4" in people.text and month not in people.text
    assert "Themen und Arbeitsgruppen" in people.button_list()[0].label
    [topics] = await admin.press("Themen und")
    assert "Wasserstoff: 2" in topics.text and "AG Wasserstoff: 2" in topics.text
    [cooperation] = await admin.press("Kooperationsgesuche")
    local_month = utcnow().astimezone(app.settings.zone).strftime("%Y-%m")
    assert f"{format_month(local_month, 'de')}: 3, 2, 1" in cooperation.text
    [back] = await admin.press("Übersicht")
    assert back.text == shown.text
    for screen in (shown, people, topics, cooperation):
        assert len(screen.text.splitlines()) <= 20, screen.text  # one phone screen


async def test_stats_read_well_in_english_and_the_cli_prints_everything(
    app: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    await _network(app)
    admin = Person(app.core, "admin", language_hint="en")
    [shown] = await admin.say("/stats")
    assert "1 awaiting approval" in shown.text
    assert "(1 member without another account)" in shown.text
    assert "Deliveries of the last 7 days" in shown.text
    [people] = await admin.press("Regions")
    assert f"  {format_month(f'{utcnow():%Y-%m}', 'en')}: 4" in people.text
    text = render("en", app.settings, await collect(app.store, app.settings))
    assert "By region:" in text and "Subscriptions per topic:" in text
    assert "Cooperation requests per month" in text


async def test_an_all_day_fair_shows_its_day_not_midnight(app: Services) -> None:
    zone = app.settings.zone
    day = (utcnow().astimezone(zone) + timedelta(days=10)).date()
    start = datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)
    await add_event(app, title="Hannover Messe", start=start, duration=timedelta(days=3),
                    all_day=True)  # fmt: skip
    await add_member(app.store, "Anna")
    [shown] = await Person(app.core, "admin").say("/stats")
    assert f"• Hannover Messe – {format_day(day, 'de')}, ganztägig\n" in shown.text
    assert "00:00" not in shown.text
    [english] = await Person(app.core, "admin", language_hint="en").say("/stats")
    assert f"• Hannover Messe – {format_day(day, 'en')}, all day\n" in english.text


async def _handled_updates(app: Services, chat_keys: dict[str, str]) -> None:
    """Inbox rows handled by an earlier version, which kept the chat key until the purge."""
    now = to_db_time(utcnow())
    for update_id, (platform, _, key) in ((u, k.partition("|")) for u, k in chat_keys.items()):
        await app.store.db.execute(
            "INSERT INTO inbox (platform, update_id, chat_key, received_at, done_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (platform, update_id, key, now, now),
        )


async def test_unreachable_accounts_are_erased_after_one_confirmation(app: Services) -> None:
    ids = await _network(app)
    olaf, ben_slack, ben_telegram = "telegram|chat:13", "slack|user:U11", "telegram|chat:11"
    await _handled_updates(app, {"1": olaf, "Ev2": ben_slack, "3": ben_telegram})
    admin = Person(app.core, "admin")
    await admin.say("/stats")
    [confirm] = await admin.press("Unerreichbare löschen")
    assert "Olaf, Telegram" in confirm.text and "das ganze Mitglied" in confirm.text
    assert "Ben, Slack" in confirm.text and "nur dieses Konto" in confirm.text
    [done] = await admin.press("Ja, löschen")
    assert "1 Mitglied ganz, 1 weiteres Konto" in done.text
    assert await app.store.members.get(ids["old"]) is None
    ben = await app.store.members.identities(ids["ben"])
    assert [i.key for i in ben] == ["telegram:11"]
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM outbox WHERE chat_id = 'U11'") == 0
    keys = await app.store.db.fetchall("SELECT update_id, chat_key FROM inbox ORDER BY update_id")
    assert [tuple(k) for k in keys] == [("1", ""), ("3", "chat:11"), ("Ev2", "")]  # Ben's kept
    [entry] = await app.store.audit.entries(action="member.retention")
    assert entry.actor == "console:admin" and entry.detail == {"members": 1, "identities": 1}
    assert "Keine Konten" in (await admin.tap(confirm.button_list()[0]))[0].text


def test_cli_stats_prints_text_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(tmp_path / "k.sqlite3"))
    assert main(["stats"]) == 0
    assert "Members: 0 active" in capsys.readouterr().out
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["members_by_status"] == {} and data["retention_days"] == 180
