"""Logs: JSON lines with context, and no secret or member text at any level.

A whole scenario (Telegram registration with a member's own words, a calendar feed, Slack
signed requests, a fan-out, a failing handler) runs with the bot's own log handler at
DEBUG; the captured output is then searched for every secret and for the member's text.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator

import aiohttp
import pytest

from bot.logs import SecretFilter, setup_logging
from bot.models import Outgoing
from bot.settings import Settings
from tests.fake_slack import BOT_TOKEN
from tests.fake_telegram import TOKEN, user
from tests.fake_telegram_harness import running_bot
from tests.slack_signing import SIGNING_SECRET, running_slack, standard_fake

MEMBER_TEXT = "Zaunkoenig Geheimprojekt 4711"
WEBHOOK_SECRET = "webhook-secret-0815-abc"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


async def test_no_secret_and_no_member_text_in_a_whole_run_at_debug(
    make_settings: Callable[..., Settings], restore_logging: None
) -> None:
    out = io.StringIO()
    secrets = [TOKEN, BOT_TOKEN, SIGNING_SECRET, WEBHOOK_SECRET]
    setup_logging("json", "debug", secrets=secrets, stream=out)
    feed_token = ""

    async with running_bot(
        make_settings, public_url="https://bot.example.org", telegram_webhook_secret=WEBHOOK_SECRET
    ) as bot:
        anna = user(301, "Anna", "de")
        await bot.say(anna, "/start")
        await bot.press(anna, "Deutsch")
        await bot.say(anna, "Anna Muster")
        await bot.say(anna, MEMBER_TEXT)  # her company, in her own words
        await bot.press(anna, "Kreis Olpe")
        await bot.say(anna, "KI, Robotik")
        await bot.press(anna, "Ja")
        await bot.say(anna, MEMBER_TEXT)  # free text outside any conversation
        await bot.say(anna, "/kalender")
        member = await bot.services.store.members.find_by_identity("telegram", "301")
        assert member is not None
        feed_token = await bot.services.store.events.feed_token(member.id)
        assert bot.services.http is not None
        async with aiohttp.ClientSession(bot.services.http.base_url) as session:
            for path in (f"/calendar/{feed_token}.ics", f"/calendar/{feed_token}x.ics"):
                async with session.get(path) as response:
                    await response.read()
        bot.fake.fail("sendMessage", "blocked", chat_id=301)
        notifier = bot.services.notifier
        await notifier.to_members([member.id], lambda lang: Outgoing(text=MEMBER_TEXT))
        await bot.services.worker.drain()
        logging.getLogger("bot.test").error("token in a message: %s and %s", TOKEN, BOT_TOKEN)

    async with running_slack(make_settings, standard_fake()) as slack:
        await slack.send.dm("U1", "start")
        await slack.settle()
        await slack.send.dm("U1", MEMBER_TEXT)
        await slack.settle()
        await slack.send.dm("U1", "hallo", secret="wrong-secret")  # a forged request

    log = out.getvalue()
    assert len(log.splitlines()) > 20, log
    for secret in (*secrets, feed_token, MEMBER_TEXT, "Zaunkoenig"):
        assert secret not in log, f"{secret!r} found in the log"
    lines = [json.loads(line) for line in log.splitlines()]
    handled = [line for line in lines if line["message"].startswith("handled ")]
    assert {"platform", "chat_kind", "command", "duration_ms"} <= set(handled[0])
    assert {(h["platform"], h["command"]) for h in handled} >= {
        ("telegram", "/start"),
        ("telegram", "flow:register"),
        ("telegram", "/calendar"),
        ("slack", "/start"),
    }
    ours = ("bot", "handlers", "storage", "root")
    assert any(not line["logger"].startswith(ours) for line in lines)  # libraries at debug


def test_the_filter_blanks_token_shapes_and_feed_addresses() -> None:
    blank = SecretFilter(["configured-secret-1"]).redact
    assert blank("POST https://api.telegram.org/bot123456789:AAH-abc_DEF/getMe") == (
        "POST https://api.telegram.org/bot[redacted]/getMe"
    )
    assert "xoxb" not in blank("auth with xoxb-1234-5678-abcdef")
    assert "xapp" not in blank("socket with xapp-1-A0-123-abc")
    assert blank("GET /calendar/Zr1x_sEcReT-token.ics 200") == "GET /calendar/[redacted].ics 200"
    assert blank("a configured-secret-1 here") == "a [redacted] here"


def test_text_lines_carry_the_context(restore_logging: None) -> None:
    from bot.logs import log_context

    out = io.StringIO()
    setup_logging("text", "info", stream=out)
    with log_context(platform="slack", chat_kind="private"):
        logging.getLogger("bot.core").info("handled %s", "/help")
    assert (
        out.getvalue()
        .rstrip()
        .endswith("bot.core: handled /help [platform=slack chat_kind=private]")
    )
    logging.getLogger("httpx").info("HTTP Request: GET https://example.org")
    logging.getLogger("apscheduler.scheduler").info("Added job")
    assert "example.org" not in out.getvalue() and "Added job" not in out.getvalue()
