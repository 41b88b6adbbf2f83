"""A date poll through the real Telegram adapter: the organiser's tally is the message the
form's confirmation turned into, and the job edits that message after votes (never a
new message per vote); a member's vote edits their ballot in place."""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.polls_support import day, typed

OLGA = user(340, "Olga", "de")
BEN = user(341, "Ben", "de")


async def test_the_tally_is_edited_in_place(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings, admins=["telegram:340"]) as bot:
        store = bot.services.store
        olga = await bot.member(340, "Olga Organisatorin")
        ben = await bot.member(341, "Ben Beispiel")
        group = await store.groups.create("AG Wasserstoff")
        await store.groups.join(group.id, olga)
        await store.groups.join(group.id, ben)
        await bot.say(OLGA, "/terminfindung")
        await bot.say(OLGA, "Treffen AG Wasserstoff")
        await bot.press(OLGA, "Eine Arbeitsgruppe")
        await bot.press(OLGA, "AG Wasserstoff")
        await bot.say(OLGA, f"{typed(day(5, 10))}, {typed(day(6, 14))}")
        await bot.say(OLGA, typed(day(3, 18)))
        await bot.press(OLGA, "Alle Gefragten")
        await bot.say(OLGA, "-")
        sent = await bot.press(OLGA, "Abstimmung senden")
        tally = next(m for m in sent if "Zwischenstand" in m.text)
        assert tally.edited  # the preview became the tally

        await wait_for(lambda: any("Terminabstimmung" in m.text for m in bot.fake.sent_to(341)))
        [ballot] = [m for m in bot.fake.sent_to(341) if "Terminabstimmung" in m.text]
        [voted] = await bot.press(BEN, "1 ✅ Ja")
        assert voted.edited and voted.message_id == ballot.message_id
        await bot.press(BEN, "2 🤔 Wenn nötig")

        def edited_tally() -> list[dict]:
            return [
                c.params
                for c in bot.fake.calls_to("editMessageText")
                if str(c.params["chat_id"]) == "340"
                and str(c.params["message_id"]) == str(tally.message_id)
                and "1 Ja" in c.params["text"]
            ]

        await wait_for(lambda: bool(edited_tally()), within=10)
        assert "Noch keine Antwort (1): Olga Organisatorin" in edited_tally()[-1]["text"]
        new_tallies = [
            m for m in bot.fake.sent_to(340) if "Zwischenstand:" in m.text and not m.edited
        ]
        assert new_tallies == []  # every tally since is an edit of that one message
