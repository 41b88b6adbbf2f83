"""Finding members on the dashboard as staff type German: the member search and the
moderator field fold spelling like the chat directory, and competencies are stored as
UTF-8 JSON (not ``"Schwei\\u00dfen"``, which a text search reads as escapes)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from bot.settings import Settings
from storage import Store
from storage.db import Database
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.test_dashboard_actions import get, post

JUERGEN = "Jürgen Weiß"
ANNA = "Anna Müller"
BERTA = "Berta Brandt"
EVERYONE = {JUERGEN, ANNA, BERTA}


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


async def _people(store: Store) -> dict[str, int]:
    ids = {name: await add_member(store, name) for name in EVERYONE}
    skills = {
        JUERGEN: ["Schweißen", "Oberflächentechnik", "🔧 Wartung"],
        ANNA: ["Additive Fertigung"],
        BERTA: ["Vertrieb", "Prüfstände „Süd“"],
    }
    for name, tags in skills.items():
        await store.members.update_field(ids[name], "competencies", tags)
    return ids


async def test_the_member_search_reads_german_words_as_typed(dash: Dashboard) -> None:
    await _people(dash.services.store)
    async with await dash.signed_in() as client:
        for typed, wanted in [
            ("Schweißen", {JUERGEN}),
            ("schweissen", {JUERGEN}),
            ("Oberflächentechnik", {JUERGEN}),
            ("oberflaechen", {JUERGEN}),
            ("🔧", {JUERGEN}),
            ("Weiss", {JUERGEN}),
            ("Mueller", {ANNA}),
            ("juergen", {JUERGEN}),
            ("anna fertigung", {ANNA}),  # every word, in any field
            ("Prüfstände", {BERTA}),
            ("u00df", set()),  # no escape of the stored JSON is searched
            ('"', set()),  # nor its quotes
            ("niemand", set()),
        ]:
            body = await get(client, f"/admin/members?q={quote(typed)}")
            assert {name for name in EVERYONE if name in body} == wanted, typed


async def test_competencies_are_stored_as_utf8_json(dash: Dashboard) -> None:
    store = dash.services.store
    ids = await _people(store)
    stored = await store.db.fetchval(
        "SELECT competencies FROM members WHERE id = ?", (ids[JUERGEN],)
    )
    assert "Schweißen" in stored and "\\u" not in stored
    member = await store.members.create(
        name="Özlem", company="Ö GmbH", region="Hagen", competencies=["Lötstellen"], language="de"
    )
    stored = await store.db.fetchval("SELECT competencies FROM members WHERE id = ?", (member.id,))
    assert json.loads(stored) == ["Lötstellen"] and "Lötstellen" in stored


async def test_a_migration_rewrites_escaped_competencies_as_utf8(tmp_path: Path) -> None:
    tags = ["Schweißen", "🔧 Wartung", 'Zoll "C"', "Ölhydraulik", "plain"]
    db = await Database(tmp_path / "old.sqlite3").open(migrate=False)
    try:
        await db.migrate(until=18)
        await db.execute(
            "INSERT INTO members (name, company, region, competencies, language, status,"
            " consent_at, created_at, updated_at) VALUES ('Jürgen', 'J', 'Hagen', ?, 'de',"
            " 'active', '2020-01-01', '2020-01-01', '2020-01-01')",
            (json.dumps(tags),),
        )
        await db.migrate()
        stored = await db.fetchval("SELECT competencies FROM members")
    finally:
        await db.close()
    assert json.loads(stored) == tags  # the same values, in the same order
    assert "Schweißen" in stored and "🔧" in stored and "\\u" not in stored


async def test_the_moderator_field_finds_a_name_as_typed(dash: Dashboard) -> None:
    store = dash.services.store
    ids = await _people(store)
    second_anna = await add_member(store, "Anna Schmidt")
    group = await store.groups.create("AG Fügetechnik", "", "open", None, "t")
    path = f"/admin/groups/{group.id}/moderators"
    async with await dash.signed_in() as client:
        status, _, body = await post(client, path, {"member": "Jürgen"})
        assert status == 303, body
        assert (await store.groups.membership(group.id, ids[JUERGEN])).moderator  # type: ignore[union-attr]
        status, _, _ = await post(client, path, {"member": "mueller"})
        assert status == 303
        assert (await store.groups.membership(group.id, ids[ANNA])).moderator  # type: ignore[union-attr]
        status, _, body = await post(client, path, {"member": "Anna"})
        assert status == 400 and "„Anna“ passt zu mehreren Mitgliedern" in body  # names both
        assert await store.groups.membership(group.id, second_anna) is None
