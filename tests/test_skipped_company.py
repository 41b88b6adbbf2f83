"""Skipped answers (issue 32, item 4): a company stored as "-" is cleared by a migration,
and an empty company is left out wherever a member is named, never shown as
"Anna Müller – -" or "Anna Müller ()"; every skip word of the forms skips the
competencies."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services import Services
from handlers.cooperation.render import person_lines
from handlers.members.render import with_company
from storage import Store
from storage.db import Database, to_db_time, utcnow
from tests.events_support import add_event, member
from tests.helpers import Person


async def test_a_company_stored_as_the_skip_word_is_cleared_by_the_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    db = await Database(path).open(migrate=False)
    await db.migrate(until=18)
    stamp = to_db_time(utcnow())
    for number, company in ((1, "-"), (2, " – "), (3, "Muster GmbH"), (4, "Bau-GmbH")):
        await db.execute(
            "INSERT INTO members (id, name, company, region, competencies, language,"
            " consent_at, created_at, updated_at) VALUES (?, ?, ?, 'Kreis Olpe', '[]', 'de',"
            " ?, ?, ?)",
            (number, f"Person {number}", company, stamp, stamp, stamp),
        )
    await db.close()
    store = await Store.open(path)
    try:
        companies = [(await store.members.get(n)).company for n in (1, 2, 3, 4)]  # type: ignore[union-attr]
        assert companies == ["", "", "Muster GmbH", "Bau-GmbH"]
    finally:
        await store.close()


@pytest.mark.parametrize(
    ("company", "more", "shown"),
    [
        ("Muster GmbH", (), "Anna Müller (Muster GmbH)"),
        ("-", (), "Anna Müller"),
        ("", (), "Anna Müller"),
        ("–", ("Kreis Olpe",), "Anna Müller (Kreis Olpe)"),
        ("Muster GmbH", ("Kreis Olpe",), "Anna Müller (Muster GmbH, Kreis Olpe)"),
    ],
)
def test_a_member_is_named_without_an_empty_company(
    company: str, more: tuple[str, ...], shown: str
) -> None:
    assert with_company("Anna Müller", company, *more) == shown


@pytest.mark.parametrize("stored", ["", "-"])
async def test_no_skipped_company_shows_where_members_are_named(app: Services, stored: str) -> None:
    event = await add_event(app, "Demo Day")
    anna = await member(app, "anna", "Anna Müller")
    anna_row = await app.store.members.find_by_identity("console", "anna")
    assert anna_row is not None
    await app.store.members.update_field(anna_row.id, "company", stored)
    await anna.say("/termine")
    await anna.press("Demo Day")
    await anna.press("✅")
    admin = await member(app, "admin", "Clara Chef")

    seen = []
    seen += await admin.say("/mitglied Anna")
    seen += await admin.say("/admins Anna")
    seen += await admin.say(f"/teilnehmer {event.id}")
    seen += await anna.say("/profil")
    await app.store.directory.set_listed(anna_row.id, True)
    found = await admin.say("/suche Anna")
    assert "Anna Müller – Kreis Olpe" in "\n".join(m.text for m in found)  # the directory
    seen += found
    texts = "\n".join([m.text for m in seen] + [b.label for m in seen for b in m.button_list()])
    assert "Anna Müller" in texts and "Unternehmen: keine Angabe" in texts
    for wrong in ("Anna Müller ()", "Anna Müller (-)", "Anna Müller – -", ": -\n"):
        assert wrong not in texts, texts
    anna_row = await app.store.members.get(anna_row.id)
    assert anna_row is not None
    assert person_lines("de", anna_row, "Kreis Olpe")[0] == "Anna Müller – Kreis Olpe"
    assert person_lines("de", anna_row)[0] == "Anna Müller"


@pytest.mark.parametrize("skipped", ["-", "—", " – ", "keine", "Überspringen", "skip"])
async def test_every_skip_word_skips_the_competencies(app: Services, skipped: str) -> None:
    bob = Person(app.core, "bob")
    await bob.register(name="Bob Builder", competencies=skipped)
    found = await app.store.members.find_by_identity("console", "bob")
    assert found is not None and found.competencies == []
    await bob.say("/profil")
    assert "Kompetenzen: keine" in bob.texts()


async def test_a_stray_dash_between_commas_is_no_competency(app: Services) -> None:
    bob = Person(app.core, "bob")
    await bob.register(name="Bob Builder", competencies="KI, -, C++, …")
    found = await app.store.members.find_by_identity("console", "bob")
    assert found is not None and found.competencies == ["KI", "C++"]
