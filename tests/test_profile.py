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
