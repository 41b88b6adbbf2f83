"""An invitation survives a "no" to the privacy notice: every answer is discarded, only the
code is kept, so the ``/start`` the bot advises continues invited (no approval queue);
``/start CODE`` keeps working after the "no", and lets in someone already waiting."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.services import Services
from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.helpers import FakeAdapter, Person
from tests.privacy_support import invitation_code


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(approval_required=True)


async def _answers(person: Person, language: str = "Deutsch", name: str = "Gast Person") -> None:
    await person.press(language)
    await person.say(name)
    await person.say("Gast GmbH")
    await person.press("Hagen")
    await person.say("-")


async def _status(app: Services, user_id: str) -> str | None:
    member = await app.store.members.find_by_identity("console", user_id)
    return None if member is None else member.status


async def test_no_then_start_continues_with_the_invitation(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    code = await invitation_code(Person(app.core, "admin"), "1", "7")
    guest = Person(app.core, "guest")
    await guest.say(f"/start {code}")
    await _answers(guest)
    await guest.say("Nein")
    assert "Angaben wurden verworfen" in guest.texts()
    assert "Ihre Einladung bleibt gültig" in guest.texts() and "/start" in guest.texts()
    assert await _status(app, "guest") is None  # nothing about her is stored
    state = await app.store.conversations.get("console", "guest")
    assert state is not None and set(state.data) == {"invitation"}
    await guest.say("Hallo?")
    assert "Senden Sie /start" in guest.texts()

    [welcome, language] = await guest.say("/start")
    assert "Sie wurden zu Knotenpunkt eingeladen" in welcome.text
    assert "Willkommen" in language.text
    await _answers(guest)
    await guest.press("Ja, einverstanden")
    assert "registriert" in guest.texts() and "Freigabe" not in guest.texts()
    assert await _status(app, "guest") == "active"
    assert len(await app.store.audit.entries(action="invitation.used")) == 1
    await app.worker.drain()
    assert not [s for s in fake_adapter.sent if "Neue Anmeldung" in s.message.text]


async def test_in_english_with_the_button_and_start_code_after_the_no(app: Services) -> None:
    code = await invitation_code(Person(app.core, "admin"), "mehrfach")
    guest = Person(app.core, "guest", language_hint="en")
    await guest.say(f"/start {code}")
    await _answers(guest, "English", "Guest Person")
    await guest.press("No")
    assert "Your invitation stays valid" in guest.texts()
    [welcome, _language] = await guest.say(f"/start {code}")  # the link again: still fine
    assert "You have been invited" in welcome.text
    await _answers(guest, "English", "Guest Person")
    await guest.press("Yes, I agree")
    assert "registered" in guest.texts() and "approval" not in guest.texts()
    assert await _status(app, "guest") == "active"

    other = Person(app.core, "other", language_hint="en")  # without an invitation: as before
    await other.say("/start")
    await _answers(other, "English", "Other Person")
    await other.press("No")
    assert "invitation" not in other.texts() and "send /start again" in other.texts()
    assert await app.store.conversations.get("console", "other") is None


async def test_a_member_waiting_for_approval_is_let_in_by_an_invitation(
    app: Services,
) -> None:
    admin = Person(app.core, "admin")
    await admin.register(name="Nina Netzwerk")
    waiting = Person(app.core, "guest")
    await waiting.say("/start")  # the old trap: "no", then a plain /start, then the code
    await _answers(waiting)
    await waiting.press("Ja, einverstanden")
    assert await _status(app, "guest") == "pending"
    await waiting.say("/start AAAAA-AAAAA")  # an unknown code changes nothing
    assert "kenne ich nicht" in waiting.texts() and "wartet noch" in waiting.texts()

    code = await invitation_code(admin, "1", "7")
    await waiting.say(f"/start {code}")
    assert "Ihre Einladung gilt: Sie sind jetzt Mitglied von Knotenpunkt" in waiting.texts()
    assert await _status(app, "guest") == "active"
    await waiting.say("/themen")
    assert "wartet" not in waiting.texts()
    await admin.say("/freigeben")
    assert "Keine Anmeldungen warten" in admin.texts()
    await waiting.say(f"/start {code}")  # used up now, and she is in anyway
    assert "wartet" not in waiting.texts()
    [approved] = await app.store.audit.entries(action="member.approved")
    assert approved.detail["by"] == "invitation"


async def test_on_telegram_the_deep_link_survives_the_no(
    make_settings: Callable[..., Settings],
) -> None:
    guest = user(4711, "Gast")
    async with running_bot(make_settings, approval_required=True) as bot:
        code = await invitation_code(Person(bot.services.core, "admin"), "1", "7")
        await bot.say(guest, f"/start {code}")
        await bot.press(guest, "Deutsch")
        for answer in ("Gast Person", "Gast GmbH"):
            await bot.say(guest, answer)
        await bot.press(guest, "Hagen")
        await bot.say(guest, "-")
        [refused] = await bot.press(guest, "Nein")
        assert "Ihre Einladung bleibt gültig" in refused.text
        [welcome, *_] = await bot.say(guest, "/start")
        assert "eingeladen" in welcome.text
        await bot.press(guest, "Deutsch")
        for answer in ("Gast Person", "Gast GmbH"):
            await bot.say(guest, answer)
        await bot.press(guest, "Hagen")
        await bot.say(guest, "-")
        await bot.press(guest, "Ja, einverstanden")
        member = await bot.services.store.members.find_by_identity("telegram", "4711")
        await wait_for(lambda: member is not None)
        assert member is not None and member.status == "active"
