"""A message Telegram receives in several parts goes out part by part, once each, at a fake
Bot API that enforces Telegram's flood limits (one message a second per chat, twenty a
minute per group, 429 with retry_after otherwise): a two-part broadcast and a two-part
answer arrive whole and in order; a failure between parts resumes at the next part; a 429
storm ends in a visible failure, not a loop."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from bot.models import Button, ChatKind, Document, Outgoing
from bot.router import Access
from bot.settings import Settings
from tests.fake_telegram import FakeTelegram, user
from tests.fake_telegram_harness import Bot, running_bot, wait_for
from tests.slack_signing import running_slack, standard_fake

ADMIN = user(1, "Chefin", "de")
ANNA = user(101, "Anna", "de")
WORDS = "Wasserstoff Netzwerk Förderung Anmeldung Programm Kooperation Übersicht 🚀 "


def _long_text(length: int) -> str:
    return (WORDS * (length // len(WORDS) + 1))[:length].strip()


def _has_button(fake: FakeTelegram, chat_id: int, label: str) -> bool:
    try:
        fake.find_button(chat_id, label)
    except AssertionError:
        return False
    return True


def _limited() -> FakeTelegram:
    return FakeTelegram(flood_limits=True)


async def _message_to(bot: Bot, chat_id: int, text: str, batch: str, **fields: object) -> None:
    await bot.services.notifier.to_chat(
        "telegram", str(chat_id), Outgoing(text=text, **fields), chat_kind=ChatKind.PRIVATE,
        batch=batch,
    )  # fmt: skip


async def test_two_part_broadcast_reaches_each_member_once_per_part_in_order(
    make_settings: Callable[..., Settings],
) -> None:
    fake = _limited()
    async with running_bot(make_settings, fake=fake, admins=["telegram:1"]) as bot:
        await bot.member(101, "Anna Muster")
        await bot.member(102, "Bernd Beispiel")
        await bot.say(ADMIN, "/rundschreiben")
        await bot.press(ADMIN, "Alle Mitglieder")
        await bot.say(ADMIN, _long_text(4000))  # with title and footer: over 4,096
        await bot.press(ADMIN, "Sofort")
        await wait_for(lambda: _has_button(fake, 1, "Jetzt senden"), 10)
        preview = [m for m in fake.sent_to(1) if m.text.startswith("📣 Mitteilung von")]
        await bot.press(ADMIN, "Jetzt senden")
        await bot.outbox_report("broadcast:1", {"sent": 2}, within=20)
        for chat in (101, 102):
            got = fake.sent_to(chat)
            assert len(got) == 2, [m.text[:40] for m in got]
            first, second = got
            assert first.text.startswith("📣 Mitteilung von Knotenpunkt")
            assert "Sie erhalten diese Mitteilung" in second.text  # the footer, once
            assert "Mitteilung von" not in second.text
        assert preview, "the admin saw the preview"
        member_calls = [c for c in fake.calls_to("sendMessage") if c.params["chat_id"] in
                        ("101", "102")]  # fmt: skip
        assert len(member_calls) == 4  # no part sent twice, no part refused
        for chat in ("101", "102"):
            first_at, second_at = (c.at for c in member_calls if c.params["chat_id"] == chat)
            assert second_at - first_at >= 0.9  # the second part waited for the chat's limit


async def test_two_parts_to_a_group_keep_to_twenty_a_minute(
    make_settings: Callable[..., Settings],
) -> None:
    fake = _limited()
    async with running_bot(make_settings, fake=fake) as bot:
        await bot.services.notifier.to_chat(
            "telegram", "-1001", Outgoing(text=_long_text(6000)), chat_kind=ChatKind.GROUP,
            batch="group",
        )  # fmt: skip
        await bot.outbox_report("group", {"sent": 1}, within=15)
        first, second = (c.at for c in fake.calls_to("sendMessage"))
        assert second - first >= 60 / 20 - 0.1  # evenly spaced within the group's limit
        assert len(fake.sent_to(-1001)) == 2 and fake.flood_violations == 0


def _long_answer(bot: Bot) -> None:
    """``/lang``: an answer of two parts with a button (long lists are paged, so no
    everyday command answers with two parts any more)."""

    @bot.services.router.command("lang", access=Access.ANYONE, visible=False)
    async def long_answer(ctx: object, args: str) -> Outgoing:
        text = "Thema 00 " + _long_text(5000) + " Thema 11"
        return Outgoing(text=text, buttons=[[Button(label="Weiter", action="help.show")]])


async def test_two_part_answer_arrives_once_with_the_buttons_on_the_last_part(
    make_settings: Callable[..., Settings],
) -> None:
    fake = _limited()
    async with running_bot(make_settings, fake=fake) as bot:
        await bot.member(101, "Anna Muster")
        _long_answer(bot)
        await bot.say(ANNA, "/lang")
        await wait_for(lambda: len(fake.sent_to(101)) >= 2, 10)
        await bot.services.worker.drain(10)
        first, second = fake.sent_to(101)
        assert "Thema 00" in first.text and "Thema 11" in second.text
        assert first.buttons() == [] and second.buttons(), "the buttons on the last part"
        calls = [c for c in fake.calls_to("sendMessage") if c.params["chat_id"] == "101"]
        assert len(calls) == 2 and fake.flood_violations == 0
        assert calls[1].at - calls[0].at >= 0.9


async def test_a_network_error_between_parts_resumes_at_the_next_part(
    make_settings: Callable[..., Settings],
) -> None:
    fake = _limited()
    async with running_bot(make_settings, fake=fake) as bot:
        await bot.member(101, "Anna Muster")
        await _message_to(bot, 101, _long_text(6000), "resume")
        await wait_for(lambda: len(fake.sent_to(101)) == 1, 10)
        fake.fail("sendMessage", "network", chat_id=101)  # part 2's first try is lost
        await bot.outbox_report("resume", {"sent": 1}, within=15)
        first, second = fake.sent_to(101)
        assert first.text.startswith("Wasserstoff") and not second.text.startswith(first.text[:200])
        assert (first.text + " " + second.text).split() == _long_text(6000).split()
        assert len([c for c in fake.calls_to("sendMessage") if c.params["chat_id"] == "101"]) == 3


async def test_a_two_part_answer_that_fails_between_parts_resumes_at_part_two(
    make_settings: Callable[..., Settings],
) -> None:
    fake = _limited()
    async with running_bot(make_settings, fake=fake) as bot:
        await bot.member(101, "Anna Muster")
        _long_answer(bot)
        await bot.say(ANNA, "/lang")
        await wait_for(lambda: len(fake.sent_to(101)) >= 1, 10)
        fake.fail("sendMessage", "network", chat_id=101)
        await wait_for(lambda: len(fake.sent_to(101)) >= 2, 15)
        await bot.services.worker.drain(10)
        first, second = fake.sent_to(101)
        assert "Thema 00" in first.text and "Thema 11" in second.text and second.buttons()
        assert "Thema 00" not in second.text


async def test_a_429_storm_ends_in_a_visible_failure_not_a_loop(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeTelegram()
    fake.fail("sendMessage", "retry_after", chat_id=101, times=1000, retry_after=1)
    async with running_bot(make_settings, fake=fake) as bot:
        bot.services.worker.max_throttled = 3  # the bound (10 by default), reached sooner
        await bot.member(101, "Anna Muster")
        with caplog.at_level(logging.WARNING, logger="bot.delivery.worker"):
            await _message_to(bot, 101, "Hallo", "storm")
            await bot.outbox_report("storm", {"failed": 1}, within=20)
        assert len(fake.calls_to("sendMessage")) == 3
        [failure] = [r for r in caplog.records if r.levelno == logging.ERROR]
        assert "telegram:101" in failure.getMessage()
        assert "throttled 3 times" in failure.getMessage()
        row = await bot.services.store.db.fetchone(
            "SELECT last_error, throttled FROM outbox WHERE batch = 'storm'"
        )
        assert row is not None and "throttled 3 times" in row[0]


async def test_a_slack_message_with_a_file_resumes_at_the_upload(
    make_settings: Callable[..., Settings],
) -> None:
    """On Slack the text and the file are two parts: the upload failing once does not post
    the text a second time."""
    async with running_slack(make_settings, standard_fake()) as slack:
        slack.fake.fail("files.getUploadURLExternal", "internal_error", status=500)
        message = Outgoing(
            text="Protokoll der AG", document=Document(filename="protokoll.txt", content=b"TOP 1")
        )
        await slack.services.notifier.to_chat(
            "slack", "C1", message, chat_kind=ChatKind.GROUP, batch="file"
        )
        await wait_for(lambda: bool(slack.fake.uploads), 15)
        await slack.settle()
        assert [m.text for m in slack.fake.messages_in("C1")] == ["Protokoll der AG"]
        assert list(slack.fake.uploads.values()) == [b"TOP 1"]
        assert len(slack.fake.calls_to("files.getUploadURLExternal")) == 2
        row = await slack.services.store.db.fetchone(
            "SELECT status, parts_sent FROM outbox WHERE batch = 'file'"
        )
        assert row is not None and tuple(row) == ("sent", 1)
