"""Binding a group to a topic, platform-neutral, and topic notifications reaching it."""

from __future__ import annotations

from bot.models import ChatKind, Outgoing
from bot.services import Services
from handlers.topics import create_topic
from tests.helpers import FakeAdapter, Person


async def test_admin_binds_group_and_topic_news_reach_it(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    topic = await create_topic(app.store, "Circular Economy", "", None)
    admin = Person(app.core, "admin")
    await admin.say("/binden circular economy", chat_id="group-1", chat_kind=ChatKind.GROUP)
    assert "bekommt jetzt die Nachrichten zum Thema „Circular Economy“" in admin.texts()
    await admin.say("/binden Circular Economy", chat_id="group-1", chat_kind=ChatKind.GROUP)
    assert "schon mit „Circular Economy“ verbunden" in admin.texts()

    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/themen abonnieren Circular Economy")
    await app.notifier.to_topic(topic.id, lambda lang: Outgoing(text=f"news-{lang}"), batch="n")
    await app.worker.drain()
    assert fake_adapter.texts_to("anna") == ["news-de"]
    group = [s for s in fake_adapter.sent if s.chat_id == "group-1"]
    assert [(s.chat_kind, s.message.text) for s in group] == [(ChatKind.GROUP, "news-de")]


async def test_member_cannot_bind_and_bind_needs_group(app: Services) -> None:
    await create_topic(app.store, "Circular Economy", "", None)
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/bind Circular Economy", chat_id="g", chat_kind=ChatKind.GROUP)
    assert "vorbehalten" in anna.texts()
    admin = Person(app.core, "admin")
    await admin.say("/bind Circular Economy")
    assert "nur in einer Gruppe" in admin.texts()
    assert await app.store.bindings.for_chat("console", "g") == []


async def test_unbind_migrate_and_removal(app: Services) -> None:
    topic = await create_topic(app.store, "Circular Economy", "", None)
    admin = Person(app.core, "admin")
    await admin.say("/bind Circular Economy", chat_id="old", chat_kind=ChatKind.GROUP)
    await app.core.chat_migrated("console", "old", "new")
    assert [b.chat_id for b in await app.store.bindings.for_target("topic", topic.id)] == ["new"]
    await app.core.removed_from_chat("console", "new")
    assert await app.store.bindings.for_target("topic", topic.id) == []
    await admin.say("/bind Circular Economy", chat_id="new", chat_kind=ChatKind.GROUP)
    assert len(await app.store.bindings.for_target("topic", topic.id)) == 1  # revived
    await admin.say("/loesen", chat_id="new", chat_kind=ChatKind.GROUP)
    assert "Verbindung gelöst: Circular Economy" in admin.texts()
    await admin.say("/unbind", chat_id="new", chat_kind=ChatKind.GROUP)
    assert "mit nichts verbunden" in admin.texts()
