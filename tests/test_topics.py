"""Topic channels: listing, toggling, text forms, and the admin commands."""

from __future__ import annotations

from bot.services import Services
from handlers.topics import create_topic
from tests.helpers import Person


async def _topics(app: Services) -> None:
    await create_topic(app.store, "KI in der Industrie", "KI-Anwendungen", None)
    await create_topic(app.store, "Circular Economy", "", None)


async def test_toggle_subscribes_and_unsubscribes(app: Services) -> None:
    await _topics(app)
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/themen")
    assert anna.last[0].title == "Themenkanäle"
    await anna.press("KI in der Industrie")
    assert anna.last[0].replace is True
    assert "abonniert" in anna.texts()
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    ki = await app.store.topics.find("ki in der industrie")
    assert ki is not None
    assert await app.store.topics.subscribed_ids(member.id) == {ki.id}
    assert any(b.label == "✅ KI in der Industrie" for b in anna.last[0].button_list())
    await anna.press("KI in der Industrie")
    assert "abbestellt" in anna.texts()
    assert await app.store.topics.subscribed_ids(member.id) == set()


async def test_text_forms_subscribe_and_unsubscribe(app: Services) -> None:
    await _topics(app)
    bob = Person(app.core, "bob")
    await bob.register(language="English")
    await bob.say("/topics subscribe circular economy")
    assert "You subscribed to “Circular Economy”" in bob.texts()
    await bob.say("/topics subscribe Circular Economy")
    assert "already subscribed" in bob.texts()
    await bob.say("/themen abbestellen Circular Economy")
    assert "unsubscribed" in bob.texts()
    await bob.say("/topics subscribe Quantum")
    assert "There is no topic “Quantum”" in bob.texts()
    await bob.say("/topics dance")
    assert "Usage" in bob.texts()


async def test_toggle_of_archived_topic_says_so(app: Services) -> None:
    await _topics(app)
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/themen")
    admin = Person(app.core, "admin")
    await admin.say("/themaarchivieren KI in der Industrie")
    assert "archiviert" in admin.texts()
    await anna.press("KI in der Industrie")
    assert "gibt es nicht mehr" in anna.texts()
    assert all("KI" not in b.label for b in anna.last[0].button_list())


async def test_topics_need_registration(app: Services) -> None:
    stranger = Person(app.core, "stranger")
    await stranger.say("/themen")
    assert "noch nicht registriert" in stranger.texts()


async def test_admin_creates_topic_with_description(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuesthema Wasserstoff | H2 in der Produktion")
    assert "„Wasserstoff“ ist angelegt" in admin.texts()
    topic = await app.store.topics.find("Wasserstoff")
    assert topic is not None and topic.description == "H2 in der Produktion"
    await admin.say("/newtopic wasserstoff")
    assert "gibt es schon" in admin.texts()
    await admin.say("/newtopic")
    assert "/neuesthema NAME | Beschreibung" in admin.texts()
    await admin.say("/newtopic " + "x" * 61)
    assert "2 bis 60 Zeichen" in admin.texts()
    audit = await app.store.audit.recent()
    assert audit[0]["action"] == "topic.created" and audit[0]["actor"] == "console:admin"


async def test_member_is_refused_admin_commands(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/newtopic Geheim")
    assert "dem Netzwerk-Team vorbehalten" in anna.texts()
    await anna.say("/archivetopic KI in der Industrie")
    assert "dem Netzwerk-Team vorbehalten" in anna.texts()
    assert await app.store.topics.find("Geheim") is None


async def test_admin_granted_through_the_store_counts(app: Services) -> None:
    await app.store.members.grant_admin("console:carla")
    carla = Person(app.core, "carla")
    await carla.say("/newtopic Robotik")
    assert "angelegt" in carla.texts()
