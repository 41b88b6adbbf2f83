"""The real python-telegram-bot Application, polling the fake Bot API: people use the bot."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import replace

import pytest

from bot.adapters.telegram import TelegramAdapter
from bot.app import App
from bot.i18n import t
from bot.models import Button, Outgoing
from bot.router import Access
from bot.settings import Settings
from handlers.topics import create_topic
from tests.fake_telegram import FakeTelegram, user
from tests.fake_telegram_harness import running_bot, wait_for


async def test_registration_and_topic_subscription_through_buttons(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        store = bot.services.store
        hydrogen = await create_topic(store, "Wasserstoff", "H2 in der Region", None)
        await create_topic(store, "Robotik", "", None)
        anna = user(301, "Anna", "de")

        welcome = await bot.say(anna, "/start")
        assert "Willkommen" in welcome[0].text
        assert [b["text"] for b in welcome[0].buttons()] == ["Deutsch", "English"]
        assert "Wie heißen Sie" in (await bot.press(anna, "Deutsch"))[-1].text
        assert "Unternehmen" in (await bot.say(anna, "Anna Muster"))[-1].text
        assert "Region" in (await bot.say(anna, "Muster GmbH"))[-1].text
        await bot.press(anna, "Kreis Olpe")
        assert "Datenschutz" in (await bot.say(anna, "KI, Robotik"))[-1].text
        done = await bot.press(anna, "Ja")
        assert "registriert" in done[-1].text

        member = await store.members.find_by_identity("telegram", "301")
        assert member is not None
        assert (member.name, member.region, member.language) == ("Anna Muster", "Kreis Olpe", "de")
        identity = (await store.members.identities(member.id))[0]
        assert (identity.chat_id, identity.display_name) == ("301", "Anna")

        listing = await bot.say(anna, "/themen")
        assert listing[0].html.startswith("<b>")
        assert "▫️ Wasserstoff" in listing[0].text
        toggled = await bot.press(anna, "Wasserstoff")
        # replace=True: the list message itself is edited, not a new one sent
        assert len(toggled) == 1 and toggled[0].edited
        assert toggled[0].message_id == listing[0].message_id
        assert "✅ Wasserstoff" in toggled[0].text
        assert await store.topics.subscribed_ids(member.id) == {hydrogen.id}

        # every button press got its spinner stopped
        presses = [c for c in bot.fake.calls if c.method == "answerCallbackQuery"]
        assert len(presses) == 4


async def test_menus_in_german_and_english_with_admin_commands_for_admins(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:42", "slack:U1"]) as bot:
        menus = bot.fake.menus
        default = json.dumps({"type": "default"}, sort_keys=True)
        german = [c["command"] for c in menus[(default, "de")]]
        english = [c["command"] for c in menus[(default, "en")]]
        assert menus[(default, "")] == menus[(default, "en")]
        assert "themen" in german and "hilfe" in german and "start" in german
        assert "topics" in english and "help" in english and "themen" not in english
        assert "binden" not in german and "bind" not in english  # admin only
        descriptions = {c["command"]: c["description"] for c in menus[(default, "de")]}
        assert descriptions["themen"] == "Themenkanäle abonnieren"

        admin_scope = json.dumps({"type": "chat", "chat_id": 42}, sort_keys=True)
        assert "binden" in [c["command"] for c in menus[(admin_scope, "de")]]
        assert "bind" in [c["command"] for c in menus[(admin_scope, "en")]]
        every = [c["command"] for menu in menus.values() for c in menu]
        assert all(name.isascii() and name == name.lower() and len(name) <= 32 for name in every)


async def test_restart_does_not_process_a_redelivered_update_again(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        ben = user(302, "Ben", "en")
        update = bot.fake.message_update(ben, "/start")
        first = await bot.deliver(update)
        assert "Welcome" in first[0].text or "Willkommen" in first[0].text
        await bot.restart()  # as if the offset had not reached Telegram before a crash
        assert await bot.deliver(update) == []
        again = await bot.say(ben, "/start")
        assert again, "a new update is handled as usual"


async def test_polling_removes_a_webhook_and_confirms_updates(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        assert bot.fake.calls_to("deleteWebhook"), "polling starts by removing any webhook"
        update = bot.fake.message_update(user(303), "/hilfe")
        await bot.deliver(update)
        next_id = str(update["update_id"] + 1)
        await wait_for(lambda: bot.fake.calls_to("getUpdates")[-1].params.get("offset") == next_id)


async def test_network_errors_while_polling_are_retried(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(make_settings) as bot:
        bot.fake.fail("getUpdates", "network", times=2)
        await wait_for(lambda: len(bot.fake.refused) == 1)
        # after PTB's backoff (1 s, then 1.5 s) polling goes on
        replies = await bot.deliver(bot.fake.message_update(user(304), "/hilfe"), within=15)
        assert replies and replies[0].chat_id == 304
        assert bot.fake.refused == [("getUpdates", 502), ("getUpdates", 502)]
        assert "getUpdates failed" in caplog.text and "Traceback" not in caplog.text


async def test_names_are_escaped_for_html(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        await bot.member(310, name="<b>&Co</b>")
        await bot.services.store.topics.create("<i>R&D</i>", "a < b & c > d")
        greeting = (await bot.say(user(310), "/start"))[0]
        assert "Hallo &lt;b&gt;&amp;Co&lt;/b&gt;!" in greeting.html
        assert "Hallo <b>&Co</b>!" in greeting.text  # as the member sees it
        listing = (await bot.say(user(310), "/themen"))[0]
        assert "<i>R&D</i> – a < b & c > d" in listing.text
        assert "&lt;i&gt;R&amp;D&lt;/i&gt; – a &lt; b &amp; c &gt; d" in listing.html
        assert listing.buttons()[0]["text"] == "▫️ <i>R&D</i>"  # button labels are plain


async def test_long_topic_list_is_paged_into_one_message_with_its_keyboard(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        member = await bot.member(311)
        for number in range(12):
            await bot.services.store.topics.create(f"Thema {number:02}", "x" * 200 + " & " * 90)
        [first] = await bot.say(user(311), "/themen")
        assert first.html.startswith("<b>") and len(first.text) <= 4096
        topic_lines = [line for line in first.text.split("\n") if " – x" in line]
        assert topic_lines and all(line.startswith("▫️ Thema") for line in topic_lines)
        assert all(line.rstrip().endswith("&") for line in topic_lines)  # no line cut in two
        labels = [b["text"] for b in first.buttons()]
        assert labels[: len(topic_lines)] == [line.split(" – ")[0] for line in topic_lines]
        assert labels[-1] == "Weiter ▶"

        # a toggle edits the message it was pressed on, whatever the length of the list
        [again] = await bot.press(user(311), "Thema 03")
        assert again.edited and again.message_id == first.message_id
        assert "✅ Thema 03" in [b["text"] for b in again.buttons()]
        assert len(await bot.services.store.topics.subscribed_ids(member)) == 1


async def test_deep_link_payload_reaches_registration(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        await bot.say(user(312, "Cem", "en"), "/start INVITE-42")
        state = await bot.services.store.conversations.get("telegram", "312")
        assert state is not None and state.data["payload"] == "INVITE-42"


async def test_stale_button_is_answered_and_explained(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        await bot.member(313)
        [menu] = await bot.say(user(313), "/start")
        replies = await bot.deliver(bot.fake.callback_update(user(313), menu, "gone.away|1"))
        assert "nicht mehr gültig" in replies[-1].text
        assert bot.fake.calls_to("answerCallbackQuery")


async def test_failure_inside_the_adapter_is_logged_and_apologised(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(make_settings) as bot:

        @bot.services.router.command("kaputt", access=Access.ANYONE, visible=False)
        async def broken(ctx: object, args: str) -> Outgoing:
            # a button whose data cannot fit Telegram's 64 bytes: rendering it fails
            return Outgoing(text="hier", buttons=[[Button(label="x", action="a", arg="y" * 80)]])

        update = bot.fake.message_update(user(314), "/kaputt")
        replies = await bot.deliver(update)
        assert [m.text for m in replies] == [t("de", "error.internal")]
        assert "reply to telegram:314 refused: cannot render for Telegram" in caplog.text
        assert "Traceback" not in replies[0].text


async def test_edit_that_changes_nothing_is_ignored_and_failed_edit_falls_back_to_sending(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        await bot.member(315)
        topic = await bot.services.store.topics.create("Vergangen")
        [listing] = await bot.say(user(315), "/themen")
        await bot.services.store.topics.archive(topic.id)
        first = await bot.press(user(315), "Vergangen")  # the topic is gone: list edited
        assert len(first) == 1 and first[0].edited
        edits_before = len(bot.fake.calls_to("editMessageText"))
        # the same button on the old list again: the same content, Telegram says "not modified"
        again = await bot.deliver(bot.fake.callback_update(user(315), listing, "topics.toggle|1"))
        assert again == [] and len(bot.fake.calls_to("editMessageText")) == edits_before + 1

        # a button on a message Telegram no longer knows: the answer is sent as a new message
        lost = replace(listing, message_id=9999)
        sent = await bot.deliver(bot.fake.callback_update(user(315), lost, "topics.toggle|1"))
        assert len(sent) == 1 and not sent[0].edited and sent[0].chat_id == 315


async def test_app_starts_the_adapter_from_the_token_and_stops_promptly(
    make_settings: Callable[..., Settings],
) -> None:
    fake = FakeTelegram()
    await fake.start()
    try:
        settings = make_settings(telegram_token=fake.token, telegram_api_url=fake.url + "/bot")
        app = App(settings)
        services = await app.start()
        try:
            assert isinstance(services.adapters["telegram"], TelegramAdapter)
            await wait_for(lambda: len(fake.calls_to("getUpdates")) >= 1)
        finally:
            started = time.monotonic()
            await app.stop()  # a long poll (30 s) is pending: stopping must not wait for it
        assert time.monotonic() - started < 3
        assert fake.calls_to("getUpdates")[0].params["timeout"] == "30"
    finally:
        await fake.stop()
