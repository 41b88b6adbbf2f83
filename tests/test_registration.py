"""Registration through every step, with bad input at each."""

from __future__ import annotations

from bot.app import Services
from tests.helpers import Person


async def test_full_registration_in_german(app: Services) -> None:
    anna = Person(app.core, "anna")
    replies = await anna.say("/start")
    assert "Willkommen" in replies[0].text
    await anna.press("Deutsch")
    assert "Wie heißt du" in anna.texts()
    await anna.say("  Anna   Muster ")
    assert "Unternehmen" in anna.texts()
    await anna.say("Muster GmbH")
    assert "Region" in anna.texts()
    await anna.press("Kreis Olpe")
    await anna.say("KI, Robotik, ki ,  ")
    assert "Datenschutz" in anna.texts()
    await anna.press("Ja")
    assert "registriert" in anna.texts()

    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    assert (member.name, member.company, member.region) == (
        "Anna Muster",
        "Muster GmbH",
        "Kreis Olpe",
    )
    assert member.competencies == ["KI", "Robotik"]
    assert member.language == "de"
    assert await app.store.conversations.get("console", "anna") is None
