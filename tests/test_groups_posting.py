"""Posting working-group updates: the /neuigkeit conversation, who may post, the fan-out
(members on "all", bound chats except the one it came from, once per member), withdrawing
and archiving stopping rows still queued."""

from __future__ import annotations

import pytest

from bot.delivery.ratelimit import RateLimiter, limits_from_settings
from bot.delivery.worker import DeliveryWorker
from bot.models import ChatKind
from bot.services import Services
from bot.settings import Settings
from handlers.groups.service import post_batch
from handlers.validation import Invalid
from storage import Store
from tests.groups_support import console_member, group_service, make_group, texts_to, titles_to
from tests.helpers import FakeAdapter, Person

TITLE = "📣 Anna Muster (Muster GmbH) in AG Wasserstoff"


async def test_private_update_flow_reaches_members_on_all_and_bound_chats(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    anna_id = await console_member(store, "anna", "Anna Muster")
    bob_id = await console_member(store, "bob", "Bob Builder", "Bau GmbH", "en")
    carla_id = await console_member(store, "carla", "Carla Stumm")
    dora_id = await console_member(store, "dora", "Dora Digest")
    group = await make_group(store, app.settings, members=(anna_id, bob_id, carla_id, dora_id))
    await make_group(store, app.settings, "AG Robotik")  # anna is not in it
    await store.groups.set_level(group.id, carla_id, "muted")
    await store.groups.set_level(group.id, dora_id, "digest")
    await store.bindings.bind("console", "chat-h2", "group", group.id, "H2-Runde")

    anna = Person(app.core, "anna")
    replies = await anna.say("/neuigkeit")
    assert "In welche Arbeitsgruppe" in replies[0].text
    assert [b.label for b in replies[0].button_list()] == ["AG Wasserstoff"]
    await anna.press("AG Wasserstoff")
    assert "höchstens 4000 Zeichen" in anna.texts()
    replies = await anna.say("x" * 4001)
    assert "4001 Zeichen; erlaubt sind höchstens 4000" in replies[0].text
    assert "höchstens 4000 Zeichen" in replies[1].text
    body = "Neue Förderrichtlinie H2: https://example.org/foerderung"
    replies = await anna.say(body)
    assert replies[0].title == "Vorschau für „AG Wasserstoff“"
    assert f"{TITLE}\n\n{body}" in replies[0].text
    replies = await anna.press("Senden")
    assert "Gesendet an 1 Mitglied und 1 verbundenen Chat." in replies[0].text
    await app.worker.drain()

    assert titles_to(fake_adapter, "bob") == ["📣 Anna Muster (Muster GmbH) in AG Wasserstoff"]
    assert texts_to(fake_adapter, "bob")[0].endswith(body)
    assert texts_to(fake_adapter, "chat-h2") == [f"{TITLE}\n{body}"]
    for nobody in ("anna", "carla", "dora"):  # the author, muted, weekly digest
        assert titles_to(fake_adapter, nobody) == [], nobody

    bob = Person(app.core, "bob")
    await bob.say("/groups")
    assert "Anna Muster (Muster GmbH): Neue Förderrichtlinie H2" in bob.last[2].text
    assert (await store.audit.recent(1))[0]["action"] == "group.post_created"


async def test_update_text_with_the_command_skips_the_text_step(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna_id = await console_member(app.store, "anna", "Anna Muster")
    bob_id = await console_member(app.store, "bob", "Bob Builder")
    await make_group(app.store, app.settings, members=(anna_id, bob_id))
    anna = Person(app.core, "anna")
    await anna.say("/update Treffen verschoben")
    await anna.say("1")  # the group by its number
    assert "Vorschau" in (anna.last[0].title or "")
    await anna.say("ja")
    assert "Gesendet an 1 Mitglied." in anna.texts()
    await app.worker.drain()
    assert texts_to(fake_adapter, "bob") == [f"{TITLE}\nTreffen verschoben"]


async def test_non_member_cannot_post_but_an_admin_can(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    anna_id = await console_member(store, "anna", "Anna Muster")
    eve_id = await console_member(store, "eve", "Eve Extern")
    await console_member(store, "admin", "Petra Admin", "Netzwerk e. V.")
    group = await make_group(store, app.settings, members=(anna_id,))
    await store.bindings.bind("console", "chat-h2", "group", group.id)

    eve = Person(app.core, "eve")
    await eve.say("/neuigkeit")
    assert "noch in keiner Arbeitsgruppe" in eve.texts()
    await eve.say("/neuigkeit Hallo alle", chat_id="chat-h2", chat_kind=ChatKind.GROUP)
    assert "Nur Mitglieder von „AG Wasserstoff“" in eve.texts()
    eve_member = await store.members.get(eve_id)
    assert eve_member is not None
    with pytest.raises(Invalid) as refused:
        await group_service(store, app.settings).post_update(group, eve_member, "Hallo")
    assert refused.value.key == "groups.post_members_only"
    assert await store.groups.recent_posts(group.id) == []

    admin = Person(app.core, "admin")
    await admin.say("/neuigkeit")
    await admin.press("AG Wasserstoff")
    await admin.say("Netzwerktreffen am Freitag")
    await admin.press("Senden")
    await app.worker.drain()
    assert titles_to(fake_adapter, "anna") == ["📣 Petra Admin (Netzwerk e. V.) in AG Wasserstoff"]


async def test_posting_in_a_bound_chat_skips_that_chat(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    anna_id = await console_member(store, "anna", "Anna Muster")
    bob_id = await console_member(store, "bob", "Bob Builder")
    group = await make_group(store, app.settings, members=(anna_id, bob_id))
    await store.bindings.bind("console", "chat-a", "group", group.id)
    await store.bindings.bind("console", "chat-b", "group", group.id)
    await store.bindings.bind("console", "chat-c", "group", group.id)
    await store.bindings.mark_chat_unreachable("console", "chat-c")  # the bot was removed

    anna = Person(app.core, "anna")
    replies = await anna.say("/update@KnotenpunktBot", chat_id="chat-a", chat_kind=ChatKind.GROUP)
    assert "/neuigkeit TEXT" in replies[0].text
    replies = await anna.say("/update Protokoll ist online", chat_id="chat-a", chat_kind="group")
    # the chat shows her message with the text: the answer confirms and does not repeat it
    assert replies[0].title is None and "Protokoll ist online" not in replies[0].text
    assert replies[0].text.startswith("Als Neuigkeit der Arbeitsgruppe „AG Wasserstoff“")
    assert "✅ Auch an 1 Mitglied und 1 " in replies[0].text
    await app.worker.drain()
    assert texts_to(fake_adapter, "chat-b") == [f"{TITLE}\nProtokoll ist online"]
    assert texts_to(fake_adapter, "chat-a") == texts_to(fake_adapter, "chat-c") == []
    assert titles_to(fake_adapter, "bob") == [TITLE]
    replies = await anna.say("/update Hallo", chat_id="chat-x", chat_kind=ChatKind.GROUP)
    assert "mit keiner Arbeitsgruppe verbunden" in replies[0].text


async def test_a_member_with_two_identities_gets_an_update_once(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    anna_id = await console_member(store, "anna", "Anna Muster")
    bob_id = await console_member(store, "bob", "Bob Builder")
    await store.members.add_identity(bob_id, "console", "bob-laptop", "bob-laptop")
    group = await make_group(store, app.settings, members=(anna_id, bob_id))
    anna = await store.members.get(anna_id)
    assert anna is not None
    fanout = await group_service(store, app.settings).post_update(group, anna, "Einmal bitte")
    assert (fanout.members, fanout.chats) == (1, 0)
    await app.worker.drain()
    assert len(titles_to(fake_adapter, "bob") + titles_to(fake_adapter, "bob-laptop")) == 1


async def _deliver(store: Store, settings: Settings, adapter: FakeAdapter) -> DeliveryWorker:
    worker = DeliveryWorker(
        store, {"console": adapter}, RateLimiter(limits_from_settings(settings))
    )
    await worker.start()
    await worker.drain()
    return worker


async def test_withdrawn_update_is_not_delivered_to_rows_still_pending(
    store: Store, settings: Settings, fake_adapter: FakeAdapter
) -> None:
    anna_id = await console_member(store, "anna", "Anna Muster")
    bob_id = await console_member(store, "bob", "Bob Builder")
    carla_id = await console_member(store, "carla", "Carla C")
    group = await make_group(store, settings, members=(anna_id, bob_id, carla_id))
    await store.bindings.bind("console", "chat-h2", "group", group.id)
    service = group_service(store, settings)
    anna = await store.members.get(anna_id)
    assert anna is not None
    kept = await service.post_update(group, anna, "Bleibt stehen")
    taken_back = await service.post_update(group, anna, "Falscher Link")
    with pytest.raises(Invalid) as refused:
        await service.withdraw(taken_back.post.id, bob_id, admin=False)  # not his
    assert refused.value.key == "groups.withdraw_not_allowed"

    post, stopped = await service.withdraw(taken_back.post.id, anna_id, admin=False)
    assert stopped == 3  # bob, carla, the bound chat
    assert await store.outbox.batch_report(post_batch(post.id)) == {"withdrawn": 3}
    assert [p.body for p in await store.groups.recent_posts(group.id)] == ["Bleibt stehen"]
    with pytest.raises(Invalid):
        await service.withdraw(taken_back.post.id, anna_id, admin=False)  # twice

    worker = await _deliver(store, settings, fake_adapter)
    try:
        sent = [s.message.text for s in fake_adapter.sent]
        assert sorted(sent) == ["Bleibt stehen"] * 3
        assert await store.outbox.batch_report(post_batch(kept.post.id)) == {"sent": 3}
    finally:
        await worker.stop()
    actions = [e["action"] for e in await store.audit.recent(3)]
    assert actions[0] == "group.post_withdrawn"


async def test_archiving_a_group_stops_delivery(
    store: Store, settings: Settings, fake_adapter: FakeAdapter
) -> None:
    anna_id = await console_member(store, "anna", "Anna Muster")
    bob_id = await console_member(store, "bob", "Bob Builder")
    group = await make_group(store, settings, members=(anna_id, bob_id))
    await store.bindings.bind("console", "chat-h2", "group", group.id)
    service = group_service(store, settings)
    anna = await store.members.get(anna_id)
    assert anna is not None
    first = await service.post_update(group, anna, "Erste Neuigkeit")
    archived, withdrawn = await service.archive("AG Wasserstoff")
    assert (archived.id, withdrawn) == (group.id, 2)
    with pytest.raises(Invalid) as refused:
        await service.post_update(group, anna, "Zu spät")
    assert refused.value.key == "groups.gone"

    worker = await _deliver(store, settings, fake_adapter)
    try:
        assert fake_adapter.sent == []
        assert await store.outbox.batch_report(post_batch(first.post.id)) == {"withdrawn": 2}
    finally:
        await worker.stop()


async def test_author_withdraws_from_the_group_view(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna_id = await console_member(app.store, "anna", "Anna Muster")
    bob_id = await console_member(app.store, "bob", "Bob Builder")
    await make_group(app.store, app.settings, members=(anna_id, bob_id))
    anna, bob = Person(app.core, "anna"), Person(app.core, "bob")
    await anna.say("/update Termin am Montag")
    await anna.press("AG Wasserstoff")
    await anna.press("Senden")
    await bob.say("/gruppen AG Wasserstoff")
    assert not [b for b in bob.last[0].button_list() if "Zurückziehen" in b.label]
    await anna.say("/gruppen AG Wasserstoff")
    await anna.press("Zurückziehen: Termin am Montag")
    assert "Zurückgezogen: „Termin am Montag“" in anna.texts()
    await bob.say("/gruppen")
    assert "Termin am Montag" not in bob.texts()
