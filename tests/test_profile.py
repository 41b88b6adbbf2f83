"""Profile view and editing, language switching."""

from __future__ import annotations

from bot.services import Services
from tests.helpers import Person


async def test_profile_shows_all_fields(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/profil")
    text = anna.texts()
    assert "Name: Anna Muster" in text and "Unternehmen: Muster GmbH" in text
    assert "Region: Kreis Olpe" in text and "Kompetenzen: KI, Robotik" in text
    assert "Sprache: Deutsch" in text


async def test_edit_name_with_validation(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/profil")
    await anna.press("Name ändern")
    await anna.say("y" * 101)
    assert "höchstens 100 Zeichen" in anna.texts()
    await anna.say("Anna Beispiel")
    assert "Gespeichert" in anna.texts() and "Name: Anna Beispiel" in anna.texts()


async def test_edit_region_and_competencies(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/profil")
    await anna.press("Region ändern")
    await anna.press("Andere Region")
    assert "Region: Andere Region" in anna.texts()
    await anna.press("Kompetenzen ändern")
    await anna.say("Schweißen; Laser")
    assert "Kompetenzen: Schweißen, Laser" in anna.texts()


async def test_language_switch(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/sprache en")
    assert anna.texts() == "I will write to you in English from now on."
    await anna.say("/profile")
    assert "Language: English" in anna.texts()
    await anna.say("/language")
    await anna.press("Deutsch")
    assert "auf Deutsch" in anna.texts()
    await anna.say("/sprache fr")
    assert "Diese Sprache kann ich nicht" in anna.texts()


async def test_every_edit_shows_the_current_value_and_a_dash_keeps_it(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register(
        company="Müller & Söhne GmbH & Co. KG", competencies="Pulverbeschichtung für Luftfahrt, KI"
    )
    await anna.say("/profil")
    await anna.press("Kompetenzen ändern")
    assert "Bisher: Pulverbeschichtung für Luftfahrt, KI" in anna.texts()
    await anna.say("-")  # the prompt says "-" skips: the competencies stay
    assert "Gespeichert" in anna.texts()
    assert "Kompetenzen: Pulverbeschichtung für Luftfahrt, KI" in anna.texts()
    await anna.press("Unternehmen ändern")
    assert "Bisher: Müller & Söhne GmbH & Co. KG" in anna.texts()
    await anna.say("-")  # kept, not stored as "-"
    assert "Unternehmen: Müller & Söhne GmbH & Co. KG" in anna.texts()
    await anna.press("Name ändern")
    await anna.press("Beibehalten")
    assert "Name: Anna Muster" in anna.texts()
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and member.company == "Müller & Söhne GmbH & Co. KG"
    assert member.competencies == ["Pulverbeschichtung für Luftfahrt", "KI"]


async def test_region_typed_in_the_profile_and_a_stale_keep_button(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/profil")
    await anna.press("Region ändern")
    assert "Bisher: Kreis Olpe" in anna.texts()
    question = anna.last
    await anna.say("Atlantis")
    assert "„Atlantis“ kenne ich nicht" in anna.texts()
    await anna.say("siegen")  # a word of "Kreis Siegen-Wittgenstein"
    assert "Region: Kreis Siegen-Wittgenstein" in anna.texts()
    anna.last = question
    await anna.press("Beibehalten")  # that question is over
    assert "nicht mehr gültig" in anna.texts()
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and member.region == "Kreis Siegen-Wittgenstein"
