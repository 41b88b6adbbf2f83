"""A restart in the middle of registration resumes at the same step."""

from __future__ import annotations

from bot.app import App
from bot.settings import Settings
from tests.helpers import FakeAdapter, Person


async def test_registration_resumes_after_restart(settings: Settings) -> None:
    first = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await first.start()
    anna = Person(services.core, "anna")
    await anna.say("/start")
    await anna.press("English")
    await anna.say("Anna Muster")
    await first.stop()

    second = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await second.start()
    try:
        anna = Person(services.core, "anna")
        await anna.say("Muster GmbH")  # the answer to the step we were at: company
        assert "Where is your company located" in anna.texts()
        await anna.press("Hagen")
        await anna.say("welding")
        await anna.press("Yes")
        member = await services.store.members.find_by_identity("console", "anna")
        assert member is not None
        assert (member.name, member.company, member.language) == (
            "Anna Muster",
            "Muster GmbH",
            "en",
        )
    finally:
        await second.stop()


async def test_start_during_registration_repeats_the_open_question(settings: Settings) -> None:
    app = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await app.start()
    try:
        anna = Person(services.core, "anna")
        await anna.say("/start")
        await anna.press("Deutsch")
        await anna.say("Anna")
        await anna.say("/start")
        assert "mitten in der Anmeldung" in anna.texts()
        assert "Unternehmen" in anna.texts()
    finally:
        await app.stop()
