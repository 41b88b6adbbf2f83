"""A long topic list at the fake Telegram (issue 33): 45 topics with descriptions are one
message with buttons, paged with "Weiter", and every press edits that message in place."""

from __future__ import annotations

from collections.abc import Callable

from bot.settings import Settings
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot

ANNA = user(101, "Anna", "de")
DESCRIPTION = (
    "Förderprogramme, Pilotprojekte und Erfahrungsaustausch der Mitgliedsunternehmen "
    "in der Region, mit Terminen, Ansprechpartnern und Berichten aus der Praxis."
)


async def test_45_topics_are_one_message_paged_and_edited_in_place(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        await bot.member(101, "Anna Muster")
        for number in range(1, 46):
            await bot.services.store.topics.create(f"Thema {number:02d}", DESCRIPTION)

        [first] = await bot.say(ANNA, "/themen")  # one message that answers, with buttons
        labels = [b["text"] for b in first.buttons()]
        assert "▫️ Thema 01" in labels and "Weiter ▶" in labels
        assert "Thema 01 – Förderprogramme" in first.text and "Thema 45" not in first.text

        sent_before = len(bot.fake.calls_to("sendMessage"))
        [subscribed] = await bot.press(ANNA, "Thema 01")
        assert subscribed.edited and subscribed.message_id == first.message_id
        assert "„Thema 01“ abonniert" in subscribed.text
        assert "✅ Thema 01" in [b["text"] for b in subscribed.buttons()]

        seen = {label.split(" ", 1)[1] for label in labels if "Thema" in label}
        pages = 1
        while "Weiter ▶" in [b["text"] for b in bot.fake.find_button(101, "Thema")[0].buttons()]:
            [page] = await bot.press(ANNA, "Weiter")
            assert page.edited and page.message_id == first.message_id
            pages += 1
            seen |= {b["text"].split(" ", 1)[1] for b in page.buttons() if "Thema" in b["text"]}
        [last] = await bot.press(ANNA, "Thema 45")
        assert last.edited and last.message_id == first.message_id
        assert "✅ Thema 45" in [b["text"] for b in last.buttons()]

        assert pages > 1 and {f"Thema {n:02d}" for n in range(1, 46)} <= {s.strip() for s in seen}
        assert len(bot.fake.calls_to("sendMessage")) == sent_before  # nothing new, ever
        assert await bot.services.store.topics.subscribed_ids(1) is not None
