"""Telegram groups: binding to a topic, topic news posted there, migration, removal."""

from __future__ import annotations

from collections.abc import Callable

from bot.models import Outgoing
from bot.settings import Settings
from tests.fake_telegram import group_chat, user
from tests.fake_telegram_harness import running_bot

ADMIN = user(42, "Petra", "de")


def news(lang: str) -> Outgoing:
    return Outgoing(text="Neues zum Wasserstoff")


async def test_admin_binds_group_and_topic_news_reach_it_also_after_migration(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:42"]) as bot:
        store = bot.services.store
        topic = await store.topics.create("Wasserstoff")
        group = group_chat(-300, "AG Wasserstoff")

        replies = await bot.say(ADMIN, "/binden@KnotenpunktTestBot Wasserstoff", group)
        assert [m.chat_id for m in replies] == [-300]
        assert "Wasserstoff" in replies[0].text
        [binding] = await store.bindings.for_chat("telegram", "-300")
        assert (binding.target_kind, binding.target_id, binding.title) == (
            "topic",
            topic.id,
            "AG Wasserstoff",
        )

        await bot.services.notifier.to_topic(topic.id, news, batch="n1")
        await bot.outbox_report("n1", {"sent": 1})
        assert [m.text for m in bot.fake.sent_to(-300)][-1] == "Neues zum Wasserstoff"

        # the group becomes a supergroup: Telegram posts a service message in the old chat
        await bot.deliver(bot.fake.message_update(ADMIN, None, group, migrate_to_chat_id=-1001234))
        assert await store.bindings.for_chat("telegram", "-300") == []
        [moved] = await store.bindings.for_chat("telegram", "-1001234")
        assert moved.id == binding.id

        await bot.services.notifier.to_topic(topic.id, news, batch="n2")
        await bot.outbox_report("n2", {"sent": 1})
        assert [m.text for m in bot.fake.sent_to(-1001234)] == ["Neues zum Wasserstoff"]


async def test_send_to_a_migrated_group_follows_it(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        store = bot.services.store
        topic = await store.topics.create("Robotik")
        await store.bindings.bind("telegram", "-301", "topic", topic.id)
        bot.fake.migrated["-301"] = -1009999  # Telegram answers with migrate_to_chat_id
        await bot.services.notifier.to_topic(topic.id, news, batch="n1")
        await bot.outbox_report("n1", {"sent": 1})
        assert [m.text for m in bot.fake.sent_to(-1009999)] == ["Neues zum Wasserstoff"]
        assert [b.chat_id for b in await store.bindings.for_target("topic", topic.id)] == [
            "-1009999"
        ]


async def test_members_cannot_bind_and_other_bots_commands_are_ignored(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:42"]) as bot:
        await bot.services.store.topics.create("Wasserstoff")
        group = group_chat(-302, "Stammtisch", "supergroup")
        member = user(77, "Max", "de")

        denied = await bot.say(member, "/binden Wasserstoff", group)
        assert "Netzwerk-Team" in denied[0].text
        assert await bot.services.store.bindings.for_chat("telegram", "-302") == []
        assert await bot.say(ADMIN, "/bind@SomeOtherBot Wasserstoff", group) == []
        assert await bot.say(member, "Guten Morgen zusammen", group) == []
        assert await bot.services.store.bindings.for_chat("telegram", "-302") == []
        helped = await bot.say(member, "/hilfe@knotenpunkttestbot", group)
        assert helped and helped[0].chat_id == -302


async def test_bot_removed_from_group_marks_binding_unreachable(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        store = bot.services.store
        topic = await store.topics.create("Wasserstoff")
        await store.bindings.bind("telegram", "-303", "topic", topic.id)
        bot_user = {"id": 999, "is_bot": True, "first_name": "Knotenpunkt"}
        change = {
            "chat": group_chat(-303, "AG"),
            "from": ADMIN,
            "date": 1700000000,
            "old_chat_member": {"status": "member", "user": bot_user},
            "new_chat_member": {"status": "kicked", "user": bot_user, "until_date": 0},
        }
        await bot.deliver({"update_id": 5000, "my_chat_member": change})
        [binding] = await store.bindings.for_chat("telegram", "-303")
        assert binding.unreachable_at is not None
        assert await store.bindings.for_target("topic", topic.id) == []


def private_change(person: dict[str, object], old: str, new: str) -> dict[str, object]:
    """The ``my_chat_member`` update Telegram sends when a person blocks or unblocks us."""
    bot_user = {"id": 999, "is_bot": True, "first_name": "Knotenpunkt"}
    return {
        "chat": {"id": person["id"], "type": "private", "first_name": person["first_name"]},
        "from": person,
        "date": 1700000000,
        "old_chat_member": {"status": old, "user": bot_user, "until_date": 0},
        "new_chat_member": {"status": new, "user": bot_user, "until_date": 0},
    }


async def test_a_member_who_blocks_the_bot_is_not_counted_until_they_unblock(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:42"]) as bot:
        await bot.member(101, "Anna Muster")
        await bot.member(102, "Bernd Blockiert")
        bernd = user(102, "Bernd", "de")

        async def preview_count() -> str:
            await bot.say(ADMIN, "/abbrechen")
            await bot.say(ADMIN, "/rundschreiben")
            await bot.press(ADMIN, "Alle Mitglieder")
            await bot.say(ADMIN, "Hallo zusammen")
            return (await bot.press(ADMIN, "Sofort"))[-1].text

        await bot.deliver(
            {"update_id": 6000, "my_chat_member": private_change(bernd, "member", "kicked")}
        )
        [identity] = await bot.services.store.members.identities(2)
        assert identity.unreachable_at is not None
        assert "Empfänger: 1 (alle Mitglieder) – Telegram: 1." in await preview_count()

        await bot.deliver(
            {"update_id": 6001, "my_chat_member": private_change(bernd, "kicked", "member")}
        )
        assert "Empfänger: 2 (alle Mitglieder) – Telegram: 2." in await preview_count()
