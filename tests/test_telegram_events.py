"""Events through the real Telegram adapter: RSVP buttons and the .ics file (sendDocument)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.slack_blocks import render as slack_render
from bot.adapters.telegram_render import keyboard
from bot.calendar.recurrence import Occurrence
from bot.i18n import t
from bot.models import CALLBACK_LIMIT, Button, Outgoing
from bot.settings import Settings
from handlers.events import render as event_render
from handlers.events.buttons import ListPage
from storage.events import Event
from tests.events_support import add_event
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot

ANNA = user(330, "Anna", "de")
BERLIN = ZoneInfo("Europe/Berlin")


async def test_termine_is_one_message_and_the_card_opens_in_place(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        member_id = await bot.member(330)
        event = await add_event(bot.services, title="KI-Stammtisch & <Co>", capacity=3)
        for n in range(9):  # more than a page: "mehr" leads on
            await add_event(
                bot.services, title=f"Termin {n}", start=event.start + timedelta(days=n + 1)
            )
        [listing] = await bot.say(ANNA, "/termine")
        assert len(bot.fake.calls_to("sendMessage")) == 1  # one Bot API call for the list
        assert f"Nr. {event.id} · " in listing.text and "· KI-Stammtisch & <Co>" in listing.text
        assert "noch 3 Plätze frei" in listing.text and "&lt;Co&gt;" in listing.html

        [card] = await bot.press(ANNA, "KI-Stammtisch")
        assert card.edited and card.message_id == listing.message_id  # in place
        assert "Plätze: 3 von 3 frei." in card.text

        file_reply = await bot.press(ANNA, ".ics")
        [call] = bot.fake.calls_to("sendDocument")
        filename, content = call.files["document"]
        assert filename.endswith(".ics") and call.params["chat_id"] == "330"
        assert content.startswith(b"BEGIN:VCALENDAR") and b"KI-Stammtisch" in content
        assert [m.document is not None for m in file_reply] == [True]
        assert call.params["caption"] == "„KI-Stammtisch &amp; &lt;Co&gt;“ für Ihren Kalender."

        answered = len(bot.fake.calls_to("answerCallbackQuery"))
        [answer] = await bot.press(ANNA, "Zusage")
        assert len(bot.fake.calls_to("answerCallbackQuery")) == answered + 1
        assert answer.edited and answer.message_id == listing.message_id
        rsvp = await bot.services.store.rsvps.get(event.id, event.start, member_id)
        assert rsvp is not None and rsvp.status == "yes"

        [back] = await bot.press(ANNA, "Zur Liste")
        assert (
            back.message_id == listing.message_id
            and "✅ zugesagt · noch 2 Plätze frei" in back.text
        )
        [more] = await bot.press(ANNA, "mehr")
        assert more.message_id == listing.message_id and "Weitere Termine (Seite 2):" in more.text
        assert len(bot.fake.calls_to("sendMessage")) == 1  # all of it in that one message
        # every button the bot sent fits Telegram's callback_data limit
        for message in bot.fake.sent:
            assert all(len(b["callback_data"].encode()) <= 64 for b in message.buttons())


async def test_button_press_is_answered_even_when_handling_it_fails(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(make_settings) as bot:
        await bot.member(331)

        @bot.services.router.action("boom.core")
        async def boom(ctx: object, arg: str) -> Outgoing:
            raise RuntimeError("secret internals")

        @bot.services.router.action("boom.adapter")
        async def unrenderable(ctx: object, arg: str) -> Outgoing:
            # a button over Telegram's 64 bytes: the adapter itself fails to send this
            return Outgoing(text="x", buttons=[[Button(label="x", action="a", arg="y" * 80)]])

        [menu] = await bot.say(user(331), "/start")
        for action in ("boom.core", "boom.adapter"):
            before = len(bot.fake.calls_to("answerCallbackQuery"))
            update = bot.fake.callback_update(user(331), menu, f"{action}|1")
            replies = await bot.deliver(update)
            assert len(bot.fake.calls_to("answerCallbackQuery")) == before + 1, action
            assert [m.text for m in replies] == [t("de", "error.internal")], action
        assert "secret internals" in caplog.text  # logged for the operator, not shown
        assert "reply to telegram:331 refused: cannot render for Telegram" in caplog.text


def _worst_case_occurrence() -> Occurrence:
    """The longest ids the store can produce for years to come."""
    start = datetime(2099, 12, 31, 23, 0, tzinfo=UTC)
    event = Event.model_construct(id=2**31 - 1, title="x", start=start, end=start)
    return Occurrence(event, start, start, start)


def test_event_buttons_fit_telegram_callback_data_and_slack_values() -> None:
    occ = _worst_case_occurrence()
    listing = ListPage(1000, 2**31 - 1)  # the last page of a topic: carried by a card's buttons
    rows = event_render.rsvp_buttons("de", occ, admin=True, listing=listing)
    row = event_render.ListRow(occ, None, None)
    rows.append([event_render.list_button("de", BERLIN, row, listing)])
    data = [button.encode() for row in rows for button in row]
    assert all(len(item.encode()) <= CALLBACK_LIMIT for item in data)
    assert data[0].startswith("ev.rsvp|2147483647:") and data[0].endswith(f":y:{listing.encode()}")
    assert keyboard(rows) is not None  # would raise over 64 bytes
    [payload] = slack_render(Outgoing(text="x", buttons=rows))
    elements = [e for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [e["value"] for e in elements] == data
    assert all(len(e["value"]) <= 2000 and len(e["action_id"]) <= 255 for e in elements)
