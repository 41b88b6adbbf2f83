"""One slow chat does not stall everyone: a 429 on one reply waits in that chat only."""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for


async def test_a_429_on_one_reply_does_not_delay_another_member(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        anna, ben = user(801, "Anna", "de"), user(802, "Ben", "de")
        bot.fake.fail("sendMessage", "retry_after", chat_id=801, times=2, retry_after=1)
        bot.fake.push(bot.fake.message_update(anna, "/hilfe"))
        bot.fake.push(bot.fake.message_update(ben, "/hilfe"))
        await wait_for(lambda: len(bot.fake.sent_to(802)) == 1)
        calls = bot.fake.calls_to("sendMessage")
        refused = next(c.at for c in calls if c.params["chat_id"] == "801")
        answered = next(c.at for c in calls if c.params["chat_id"] == "802")
        assert answered - refused < 0.2, answered - refused
        # Anna's answer is not dropped on the second 429: it comes once the waits are over.
        await wait_for(lambda: len(bot.fake.sent_to(801)) == 1, within=6)


async def test_one_chat_is_handled_strictly_in_order(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        anna = user(803, "Anna", "de")
        bot.fake.send_delay = 0.05
        for text in ("/start", "/hilfe", "/start"):
            bot.fake.push(bot.fake.message_update(anna, text))
        await wait_for(lambda: len(bot.fake.sent_to(803)) == 3)
        texts = [m.text for m in bot.fake.sent_to(803)]
        assert "Willkommen" in texts[0] and "/start" in texts[1], texts
