"""What members read about their data: ``/meinedaten`` and the erasure report name kinds of
data in words with the right plural (never a table name), and what the bot says about the
erasure is what it does: erasing, then looking at what remains, matches the report and the
warning before it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest

from bot.i18n import CATALOG, t
from bot.services import Services
from bot.settings import Settings
from storage.db import utcnow
from storage.privacy import ErasedRows
from storage.privacy_steps import DATA_STEPS
from tests.helpers import Person
from tests.privacy_support import THIRD_ID, Network, build

TABLE_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")  # cooperation_requests, group_posts, …


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(approval_required=True)


def test_every_table_has_words_for_what_it_holds() -> None:
    for step in DATA_STEPS:
        kinds = {statement.split()[0] for statement in step.erase}
        if step.export is not None or "DELETE" in kinds:
            assert f"privacy.kind.{step.table}" in CATALOG, step.table
        if "UPDATE" in kinds or step.scrub is not None:
            assert f"privacy.kept.{step.table}" in CATALOG, step.table


async def test_mydata_names_kinds_in_words_with_plurals(app: Services) -> None:
    network = await build(app)
    [answer] = await network.telegram.say("/meinedaten")
    assert not TABLE_NAME.findall(answer.text), answer.text
    for line in (
        "• 1 Themen-Abo",
        "• 1 Kooperationsanfrage",
        "• 1 Mitgliedschaft in einer Arbeitsgruppe",
        "• 1 Beitrittsanfrage an eine Arbeitsgruppe",
        "• 1 Beitrag in einer Arbeitsgruppe",
        "• 1 erhaltener Kooperationshinweis",
    ):
        assert line + "\n" in answer.text, line
    assert re.search(r"• ([2-9]|\d\d+) Protokolleinträge\n", answer.text)
    assert "Themen-Abos: 1" not in answer.text


def _paragraphs(text: str) -> tuple[str, str]:
    """The warning's paragraphs: what is deleted, and what stays for others."""
    parts = text.split("\n\n")
    return parts[1], parts[2]


async def _row_counts(app: Services) -> dict[str, int]:
    counts = {}
    for step in DATA_STEPS:
        if step.export is not None or step.table == "inbox":
            counts[step.table] = int(
                await app.store.db.fetchval(f"SELECT COUNT(*) FROM {step.table}")
            )
    return counts


def _capture(app: Services) -> list[ErasedRows]:
    """Records what the store's erasure returns (the report is rendered from it)."""
    seen: list[ErasedRows] = []
    erase = app.store.privacy.erase

    async def recording(member_id: int) -> ErasedRows:
        seen.append(await erase(member_id))
        return seen[-1]

    app.store.privacy.erase = recording  # type: ignore[method-assign]
    return seen


# words of the warning, by table: where the warning puts them must be what the erasure does
PROMISED = {
    "members": r"Profil",
    "identities": r"Konten",
    "subscriptions": r"Themen-Abos",
    "rsvps": r"Antworten zu Terminen",
    "calendar_tokens": r"Kalender-Abo",
    "group_members": r"Mitgliedschaften",
    "group_requests": r"Beitrittsanfragen",
    "cooperation_requests": r"Kooperationsanfragen",
    "group_posts": r"Beiträge in Arbeitsgruppen",
    "events": r"\bTermine\b",
    "work_groups": r"Arbeitsgruppen, Rundschreiben",
    "broadcasts": r"Rundschreiben",
    "invitations": r"Einladungen",
    "audit_log": r"Protokoll",
}


async def test_the_report_and_the_warning_say_what_the_erasure_does(app: Services) -> None:
    network: Network = await build(app)
    await app.worker.drain(within=5.0)
    [confirm] = await network.telegram.say("/loeschen")
    deleting, keeping = _paragraphs(confirm.text)
    assert "Kooperationsanfragen" in deleting and "Kooperationsanfragen" not in keeping
    assert "gezeigt als „Ein früheres Mitglied“" in keeping

    before = await _row_counts(app)
    seen = _capture(app)
    [done] = await network.telegram.press("Ja, alles löschen")
    [rows] = seen
    assert not TABLE_NAME.findall(done.text), done.text
    report_deleted, _, report_kept = done.text.partition("Für andere bleibt, ohne Namen:")
    assert "• 1 Profil\n" in report_deleted and "• 2 Konten\n" in report_deleted
    assert "• 1 Kooperationsanfrage\n" in report_deleted
    assert "• 1 Beitrag in einer Arbeitsgruppe, gezeigt als „Ein früheres Mitglied“" in report_kept
    assert "Beitrag" not in report_deleted and "Kooperationsanfrage\n" not in report_kept

    # what remains is what the report says
    after = await _row_counts(app)
    for table, n in rows.deleted.items():
        if table != "outbox":  # the erasure itself queues notices (the waitlist moved up)
            assert before[table] - after[table] >= n, table
    for table in set(rows.kept) - set(rows.deleted) - {"audit_log"}:
        assert after[table] == before[table], table
    assert after["audit_log"] == before["audit_log"] + 1  # kept, plus the erasure's own entry
    store = app.store
    assert (
        await store.db.fetchval(
            "SELECT COUNT(*) FROM cooperation_requests WHERE title = ?", ("Suche Partner",)
        )
        == 0
    )
    post = await store.db.fetchone(
        "SELECT author_id FROM group_posts WHERE body = ?", ("Neuigkeit aus der AG",)
    )
    assert post is not None and post["author_id"] is None
    assert await store.db.fetchval("SELECT COUNT(*) FROM group_requests") == 0

    # … and is what the others see: the post, from "Ein früheres Mitglied"
    [view] = await Person(app.core, THIRD_ID).say("/gruppen AG Sensorik")
    assert "Neuigkeit aus der AG" in view.text and t("de", "groups.unknown_author") in view.text

    # the warning put each kind where the erasure put it
    for table, word in PROMISED.items():
        if table in rows.deleted and table not in rows.kept:
            assert re.search(word, deleting), (table, "promised to stay")
        if table in rows.kept and table not in rows.deleted:
            assert re.search(word, keeping), (table, "promised to be deleted")
            if table != "broadcasts":  # the word also names the deleted broadcast setting
                assert not re.search(word, deleting), (table, "also promised to be deleted")


async def test_in_english_the_report_reads_in_words(app: Services) -> None:
    app.settings.approval_required = False
    bob = Person(app.core, "bob", language_hint="en")
    await bob.register(name="Bob Builder", language="English")
    member = await app.store.members.find_by_identity("console", "bob")
    assert member is not None
    group = await app.store.groups.create("AG Robotics", created_by="console:admin")
    await app.store.groups.join(group.id, member.id)
    await app.store.groups.add_post(group.id, member.id, "News from the workshop")
    await app.store.groups.add_post(group.id, member.id, "More news")
    now = utcnow()
    await app.store.cooperation.create(
        author_id=member.id,
        kind="seek",
        title="Looking for a partner",
        description="Milling",
        tags=["milling"],
        region=None,
        created_at=now,
        expires_at=now + timedelta(days=30),
    )
    [summary] = await bob.say("/mydata")
    assert "• 1 cooperation request\n" in summary.text
    assert "• 2 working group updates\n" in summary.text
    assert "• 1 working group membership\n" in summary.text
    assert not TABLE_NAME.findall(summary.text), summary.text

    [confirm] = await bob.say("/delete")
    deleting, keeping = _paragraphs(confirm.text)
    assert "cooperation requests" in deleting and "cooperation requests" not in keeping
    assert "working group updates (shown as “A former member”)" in keeping
    [done] = await bob.press("Yes, delete everything")
    deleted, _, kept = done.text.partition("Staying for others, without the name:")
    assert "• 1 profile\n" in deleted and "• 1 cooperation request\n" in deleted
    assert "• 2 working group updates, shown as “A former member”" in kept
    assert not TABLE_NAME.findall(done.text), done.text
    store = app.store
    assert await store.db.fetchval("SELECT COUNT(*) FROM cooperation_requests") == 0
    bodies = await store.db.fetchall("SELECT author_id, body FROM group_posts ORDER BY id")
    assert [tuple(row) for row in bodies] == [(None, "News from the workshop"), (None, "More news")]
