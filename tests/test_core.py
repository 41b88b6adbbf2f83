"""The core's promises: clear answers to bad input, nothing half-written, one place for roles."""

from __future__ import annotations

from bot.context import Context
from bot.models import ChatKind, Identity, Incoming, Platform
from bot.router import Access
from bot.services import Services
from tests.helpers import Person


async def test_unknown_command_answer_in_member_language(app: Services) -> None:
    bob = Person(app.core, "bob")
    await bob.register(language="English")
    await bob.say("/fly")
    assert bob.texts() == "I don't know the command /fly. Send /help to see all commands."
    anna = Person(app.core, "anna")
    await anna.say("/fliegen")
    assert "Den Befehl /fliegen kenne ich nicht" in anna.texts()


async def test_free_text_without_question(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("Hallo Bot")
    assert "keine Frage an Sie offen" in anna.texts()


async def test_failing_handler_rolls_back_and_apologises(app: Services) -> None:
    @app.router.command("explode", access=Access.ANYONE)
    async def explode(ctx: Context, args: str) -> None:
        await ctx.store.topics.create("Half written", "")
        raise RuntimeError("boom")

    bob = Person(app.core, "bob", language_hint="en")
    replies = await bob.say("/explode")
    assert replies[0].text.startswith("Sorry, something went wrong")
    assert "boom" not in replies[0].text and "Traceback" not in replies[0].text
    assert await app.store.topics.find("Half written") is None


async def test_duplicate_update_is_processed_once(app: Services) -> None:
    anna = Person(app.core, "anna")
    first = await anna.say("/start", update_id="42")
    again = await anna.say("/start", update_id="42")
    assert first and again == []


async def test_button_for_unknown_action_is_stale(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    from bot.models import Button

    await anna.tap(Button(label="x", action="events.rsvp", arg="999"))
    assert "nicht mehr gültig" in anna.texts()


async def test_private_command_in_group_is_redirected(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/profil", chat_id="-100", chat_kind=ChatKind.GROUP)
    assert "nur im privaten Chat" in anna.texts()
    await anna.say("Guten Morgen zusammen", chat_id="-100", chat_kind=ChatKind.GROUP)
    assert anna.last == []
    await anna.say("/otherbotcommand", chat_id="-100", chat_kind=ChatKind.GROUP)
    assert anna.last == []


async def test_bare_commands_when_allowed(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    replies = await app.core.handle(
        Incoming(
            platform=Platform.CONSOLE,
            chat_id="anna",
            sender=Identity(platform=Platform.CONSOLE, user_id="anna"),
            text="hilfe",
            bare_commands=True,
        )
    )
    assert replies[0].title == "Das kann ich für Sie tun:"


async def test_help_shows_admin_commands_only_to_admins(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/hilfe")
    assert "/themen" in anna.texts() and "/neuesthema" not in anna.texts()
    assert [b.label for b in anna.last[0].button_list()] == [
        "⚙️ Profil und Einstellungen",
        "🔒 Datenschutz und Ihre Daten",
    ]
    admin = Person(app.core, "admin", language_hint="en")
    await admin.register(language="English")
    await admin.say("/help")
    assert "/topics" in admin.texts() and "/newtopic" not in admin.texts()  # a button away
    await admin.press("Network team: topics")
    assert "/newtopic" in admin.texts() and "/topics" not in admin.texts()


async def test_pending_member_waits_for_approval(app: Services) -> None:
    app.settings.approval_required = True
    admin = Person(app.core, "admin")
    await admin.register(name="Admin")
    anna = Person(app.core, "anna")
    await anna.answer_until_consent(name="Anna", region="Hagen", competencies="-")
    await anna.press("Ja")
    assert "wartet auf die Freigabe" in anna.texts()
    await anna.say("/themen")
    assert "wartet noch auf die Freigabe" in anna.texts()
    await app.worker.drain()
    await admin.say("/freigeben")
    assert "Neue Anmeldung: Anna (Muster GmbH, Hagen)" in admin.texts()
    await admin.press("Freigeben")
    assert "Anna ist freigegeben" in admin.texts()
    await anna.say("/themen")
    assert "Themenkanäle" in (anna.last[0].title or anna.texts())
    await admin.say("/freigeben")
    assert "Keine Anmeldungen" in admin.texts()


async def test_approval_needs_admin(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/approve")
    assert "vorbehalten" in anna.texts()
