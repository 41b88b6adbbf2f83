"""``/loeschen`` answered by typing (issue 32, item 2): its question is a form without
fields, so "ja" erases and "nein" keeps, as the buttons do; a stale confirmation of
someone else's question erases nothing."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import Services
from tests.helpers import Person


async def test_a_typed_ja_after_loeschen_erases(
    app: Services, person: Callable[..., Person]
) -> None:
    anna = person("anna")
    await anna.register(name="Anna Müller", company="Müller & Söhne GmbH & Co. KG")
    asked = await anna.say("/loeschen")
    labels = [b.label for m in asked for b in m.button_list()]
    assert labels == ["Ja, alles löschen", "Abbrechen"]  # nothing to change in a question
    await anna.say("ja")
    assert "gelöscht" in anna.texts().lower(), anna.texts()
    assert await app.store.members.find_by_identity("console", "anna") is None


async def test_a_typed_nein_keeps_everything(app: Services, person: Callable[..., Person]) -> None:
    ben = person("ben")
    await ben.register(name="Ben Weiß")
    await ben.say("/loeschen")
    await ben.say("nein")
    assert await app.store.members.find_by_identity("console", "ben") is not None
    await ben.say("ja")  # the question is over: nothing happens
    assert await app.store.members.find_by_identity("console", "ben") is not None
