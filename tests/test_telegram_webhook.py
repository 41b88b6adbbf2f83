"""Webhook mode: Telegram POSTs updates to the bot's own HTTP server."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from bot.settings import Settings
from tests.fake_telegram import SECRET_HEADER_NAME, user
from tests.fake_telegram_harness import Bot, running_bot, wait_for

SECRET = "s3cret-Token_1"


def webhook_settings() -> dict[str, object]:
    return {
        "telegram_mode": "webhook",
        "telegram_webhook_secret": SECRET,
        "public_url": "https://bot.example.org/",
    }


async def post(bot: Bot, update: dict[str, Any], secret: str | None = SECRET) -> int:
    headers = {SECRET_HEADER_NAME: secret} if secret is not None else {}
    url = f"http://127.0.0.1:{bot.services.http.port}/telegram/webhook"  # type: ignore[union-attr]
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=update, headers=headers) as response,
    ):
        return response.status


async def test_webhook_is_registered_with_url_and_secret(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, **webhook_settings()) as bot:
        assert bot.fake.webhook["url"] == "https://bot.example.org/telegram/webhook"
        assert bot.fake.webhook["secret_token"] == SECRET
        assert "callback_query" in bot.fake.webhook["allowed_updates"]
        assert bot.fake.calls_to("getUpdates") == []


async def test_right_secret_is_processed_wrong_or_missing_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, **webhook_settings()) as bot:
        anna = user(601, "Anna", "de")
        assert await post(bot, bot.fake.message_update(anna, "/start"), "wrong") == 403
        assert await post(bot, bot.fake.message_update(anna, "/hilfe"), None) == 403
        assert await post(bot, bot.fake.message_update(anna, "/start")) == 200
        await wait_for(lambda: bot.adapter.updates_processed == 1)
        await wait_for(lambda: len(bot.fake.sent_to(601)) == 1)
        assert "Willkommen" in bot.fake.sent_to(601)[0].text
        assert bot.adapter.updates_processed == 1  # the refused ones never reached the bot
        assert await bot.services.store.conversations.get("telegram", "601") is not None


async def test_duplicate_update_is_processed_once(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings, **webhook_settings()) as bot:
        ben = user(602, "Ben", "en")
        update = bot.fake.message_update(ben, "/start")
        assert await post(bot, update) == 200
        assert await post(bot, update) == 200  # Telegram re-sent it: still 200, no retry loop
        assert await post(bot, bot.fake.message_update(ben, "/help")) == 200
        await wait_for(lambda: bot.adapter.updates_processed == 3)
        texts = [m.text for m in bot.fake.sent_to(602)]
        assert len(texts) == 2, texts
        assert "Welcome" in texts[0] and "/start" in texts[1]


async def test_not_json_is_a_bad_request(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings, **webhook_settings()) as bot:
        url = f"http://127.0.0.1:{bot.services.http.port}/telegram/webhook"  # type: ignore[union-attr]
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=b"nope", headers={SECRET_HEADER_NAME: SECRET}) as response,
        ):
            assert response.status == 400
        assert bot.adapter.updates_processed == 0


async def test_updates_after_stop_are_left_for_telegram_to_resend(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, **webhook_settings()) as bot:
        await bot.adapter.stop()  # the HTTP server is still up for a moment while stopping
        assert await post(bot, bot.fake.message_update(user(603), "/start")) == 503
        assert bot.adapter.updates_processed == 0


def _message(update_id: int, **fields: Any) -> dict[str, Any]:
    sender = {"id": 5, "is_bot": False, "first_name": "Anna"}
    message = {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}}
    message.update(fields.pop("message", {}))
    message.setdefault("from", {**sender, **fields.pop("sender", {})})
    message.setdefault("text", "/start")
    return {"update_id": update_id, "message": message}


MALFORMED: list[dict[str, Any]] = [
    {"update_id": 1, "message": "x"},
    {"update_id": 2, "message": {"message_id": 1}},
    _message(3, message={"text": 5}),
    _message(4, message={"from": "x"}),
    _message(5, sender={"id": "a"}),
    _message(6, sender={"first_name": 7}),
    _message(7, sender={"language_code": 5}),
    _message(8, message={"date": "x"}),
    _message(9, message={"chat": {"id": 5, "type": "group"}, "migrate_to_chat_id": "x"}),
    _message(10, message={"chat": {"id": "x", "type": "private"}}),
    {"update_id": 11, "callback_query": {"id": "1", "from": {"id": 5}, "data": 7}},
    {"update_id": 12, "callback_query": {"id": "1", "data": "x"}},
    {"update_id": 13, "my_chat_member": {"chat": {"id": 5}}},
    {
        "update_id": 14,
        "callback_query": {
            "id": "1",
            "from": {"id": 5, "is_bot": False, "first_name": 9},
            "data": "menu:x",
            "chat_instance": "c",
        },
    },
]


async def test_malformed_updates_are_skipped_with_one_short_line(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    """Bodies that PTB parses but whose fields have the wrong types are read completely
    before anything is done: one "cannot be read" line each, never a traceback."""
    caplog.set_level(logging.INFO)
    async with running_bot(make_settings, **webhook_settings()) as bot:
        for body in MALFORMED:
            assert await post(bot, body) == 200, body
        await wait_for(lambda: bot.adapter.updates_processed >= len(MALFORMED))
        assert await post(bot, bot.fake.message_update(user(606, "Ben", "en"), "/start")) == 200
        await wait_for(lambda: bot.adapter.updates_processed >= len(MALFORMED) + 1)
        assert "Welcome" in bot.fake.sent_to(606)[0].text
    assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records]
    assert not [r for r in caplog.records if "failed" in r.getMessage()]
