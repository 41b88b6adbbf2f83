"""People are told: a declined registration gets one message with whom to ask and what can be
done (``/meinedaten``, ``/loeschen``), every later "not active" answer names the contact too,
and a join request to a group without moderators says that the network team decides."""

from __future__ import annotations

from collections.abc import Callable

from bot.app import App
from bot.contact import contact
from bot.i18n import t
from bot.services import Services
from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.groups_support import console_member, make_group, texts_to
from tests.helpers import FakeAdapter, Person

CONTACT = "Frau Berg, datenschutz@netzwerk-swf.example"


async def _declined(app: Services, who: Person, language: str) -> None:
    """``who`` registers, waits, and the admin declines the registration in chat."""
    admin = Person(app.core, "admin")
    await who.answer_until_consent(name="Carla Test", language=language)
    await who.press("Ja" if language == "Deutsch" else "Yes")
    await admin.say("/freigeben")
    await admin.press("Ablehnen")
    assert "Carla Test wurde abgelehnt." in admin.texts()
    await app.worker.drain()


async def test_a_declined_member_is_told_once_with_the_contact_and_what_to_do(
    make_settings: Callable[..., Settings], fake_adapter: FakeAdapter
) -> None:
    settings = make_settings(approval_required=True, privacy_contact=CONTACT)
    application = App(settings, serve_http=False, adapter_factories=[lambda s: fake_adapter])
    app = await application.start()
    try:
        carla = Person(app.core, "carla")
        await _declined(app, carla, "Deutsch")
        told = [text for text in texts_to(fake_adapter, "carla") if "freigegeben" in text]
        assert len(told) == 1, told
        assert "Ihre Anmeldung bei Knotenpunkt wurde leider nicht freigegeben" in told[0]
        assert CONTACT in told[0] and "/meinedaten" in told[0] and "/loeschen" in told[0]

        await carla.say("/themen")  # later answers name the contact as well
        assert "Ihr Zugang ist nicht aktiv" in carla.texts() and CONTACT in carla.texts()
        await carla.say("/start")
        assert CONTACT in carla.texts() and "/loeschen" in carla.texts()
        await carla.say("/meinedaten")  # what she is pointed to works
        assert "Carla Test" in carla.texts()
        await app.worker.drain()
        assert len([x for x in texts_to(fake_adapter, "carla") if "freigegeben" in x]) == 1
    finally:
        await application.stop()


async def test_in_english_and_without_a_privacy_contact_the_network_team_is_named(
    make_settings: Callable[..., Settings], fake_adapter: FakeAdapter
) -> None:
    settings = make_settings(approval_required=True, network_name="Netzwerk Südwestfalen")
    application = App(settings, serve_http=False, adapter_factories=[lambda s: fake_adapter])
    app = await application.start()
    try:
        bob = Person(app.core, "bob", language_hint="en")
        await _declined(app, bob, "English")
        [told] = [text for text in texts_to(fake_adapter, "bob") if "not approved" in text]
        assert "please contact the Netzwerk Südwestfalen team" in told
        assert "/mydata" in told and "/delete" in told
        await bob.say("/topics")
        assert "Your access is not active" in bob.texts()
        assert "the Netzwerk Südwestfalen team" in bob.texts()
        assert contact(settings, "de") == "das Team von Netzwerk Südwestfalen"
    finally:
        await application.stop()


async def test_declined_on_telegram_the_member_gets_the_message_there(
    make_settings: Callable[..., Settings],
) -> None:
    admin, carla = user(42, "Petra"), user(4711, "Carla")
    async with running_bot(
        make_settings, admins=["telegram:42"], approval_required=True, privacy_contact=CONTACT
    ) as bot:
        await bot.member(42, "Petra Admin")
        await bot.say(carla, "/start")
        await bot.press(carla, "Deutsch")
        for answer in ("Carla Test", "Test KG"):
            await bot.say(carla, answer)
        await bot.press(carla, "Hagen")
        await bot.say(carla, "-")
        await bot.press(carla, "Ja")
        await wait_for(lambda: any("Neue Anmeldung" in m.text for m in bot.fake.sent_to(42)))
        await bot.press(admin, "Ablehnen")

        def told() -> list[str]:
            return [m.text for m in bot.fake.sent_to(4711) if "nicht freigegeben" in m.text]

        await wait_for(lambda: len(told()) == 1)
        assert CONTACT in told()[0]
        [answer] = await bot.say(carla, "/termine")
        assert "nicht aktiv" in answer.text and CONTACT in answer.text


async def test_a_request_to_a_group_without_moderators_says_the_team_decides(
    app: Services,
) -> None:
    await make_group(app.store, app.settings, "Konsortium Drohnen", "request")
    await make_group(app.store, app.settings, "AG Leichtbau", "request")
    await console_member(app.store, "mia", "Mia Moderatorin")
    await console_member(app.store, "anna", "Anna Muster")
    await console_member(app.store, "bob", "Bob Builder", language="en")
    await Person(app.core, "admin").say("/moderator AG Leichtbau @Mia Moderatorin")
    anna, bob = Person(app.core, "anna"), Person(app.core, "bob")

    await anna.say("/gruppen Konsortium Drohnen")
    await anna.press("Beitritt anfragen")
    assert "hat keine Moderation, deshalb entscheidet das Netzwerk-Team" in anna.texts()
    await anna.say("/gruppen Konsortium Drohnen")
    assert t("de", "groups.you_requested_team") in anna.texts()
    assert "Moderator·innen" not in anna.texts()
    await anna.say("/gruppen AG Leichtbau")  # a group with a moderator: she decides
    await anna.press("Beitritt anfragen")
    assert "ist bei den Moderator·innen" in anna.texts()
    await anna.say("/gruppen AG Leichtbau")
    assert "Ihre Anfrage liegt den Moderator·innen vor" in anna.texts()

    await bob.say("/groups Konsortium Drohnen")
    await bob.press("Ask to join")
    assert "has no moderators, so the network team decides" in bob.texts()
    await bob.say("/groups Konsortium Drohnen")
    assert "the network team decides on your request" in bob.texts()
