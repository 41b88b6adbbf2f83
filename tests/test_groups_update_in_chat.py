"""``/update TEXT`` in a Telegram group bound to a working group: the group shows the update
once (the member's own message); the bot confirms without repeating it, in the poster's
language, and the other members still get it."""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings
from tests.fake_telegram import group_chat, user
from tests.fake_telegram_harness import running_bot
from tests.groups_support import make_group

UPDATE = "Förderaufruf Wasserstoff: Einreichung bis Ende des Monats"


async def test_the_update_shows_once_in_the_bound_telegram_group(
    make_settings: Callable[..., Settings],
) -> None:
    anna, bob = user(501, "Anna", "de"), user(502, "Bob", "en")
    async with running_bot(make_settings, admins=["telegram:42"]) as bot:
        store, settings = bot.services.store, bot.services.settings
        members = [await bot.member(501, "Anna Muster"), await bot.member(502, "Bob", "en")]
        members.append(await bot.member(503, "Cem"))
        group = await make_group(store, settings, "AG Wasserstoff", members=tuple(members))
        chat = group_chat(-300, "AG Wasserstoff")
        await store.bindings.bind("telegram", "-300", "group", group.id)

        replies = await bot.say(anna, f"/update@KnotenpunktTestBot {UPDATE}", chat)
        [answer] = [m for m in replies if m.chat_id == -300]
        assert UPDATE not in answer.text  # her own message shows it; once is enough
        assert answer.text.startswith("Als Neuigkeit der Arbeitsgruppe „AG Wasserstoff“")
        assert "Auch an 2 Mitglieder und 0 weitere Chats gesendet" in answer.text

        replies = await bot.say(bob, "/update@KnotenpunktTestBot Second note", chat)
        [answer] = [m for m in replies if m.chat_id == -300]
        assert answer.text.startswith("Published as an update of the working group")
        assert "Second note" not in answer.text

        [post, _] = await store.groups.recent_posts(group.id)
        await bot.outbox_report(f"group-post:{post.id}", {"sent": 2})
        assert [m.text for m in bot.fake.sent_to(-300) if UPDATE in m.text] == []
        assert any(UPDATE in m.text for m in bot.fake.sent_to(503))  # Cem gets it
