"""Forged, malformed and replayed requests: a clear 4xx and one log line, nothing handled."""

from __future__ import annotations

import logging
import time
import urllib.parse
from collections.abc import Callable

import aiohttp
import pytest

from bot.settings import Settings
from tests.fake_slack import TEAM_ID, FakeSlack
from tests.fake_telegram import SECRET_HEADER_NAME
from tests.fake_telegram_harness import running_bot
from tests.slack_signing import SIGNING_SECRET, running_slack, sign, standard_fake


async def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers) as r,
    ):
        return r.status


def _answers(fake: FakeSlack) -> int:
    posts = fake.calls_to("chat.postMessage") + fake.calls_to("chat.postEphemeral")
    return len(posts) + len(fake.responses)


def _command_body(user: str, text: str) -> str:
    form = {
        "team_id": TEAM_ID,
        "channel_id": "D" + user,
        "channel_name": "directmessage",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/knotenpunkt",
        "text": text,
        "trigger_id": "trigger.1",
    }
    return urllib.parse.urlencode(form)


async def test_malformed_slack_timestamp_is_refused_with_one_line(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        url = slack.send.url
        body = _command_body("U1", "hilfe")
        headers = sign(SIGNING_SECRET, int(time.time()), body)
        headers["X-Slack-Request-Timestamp"] = "abc"
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        caplog.clear()
        assert await _post(url, body.encode(), headers) in (400, 401)
        await slack.settle()
        lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(lines) == 1 and lines[0].exc_info is None, [r.getMessage() for r in lines]
        assert not slack.fake.calls_to("chat.postMessage")


async def test_replayed_signed_slack_request_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        body = _command_body("U1", "hilfe")
        headers = sign(SIGNING_SECRET, int(time.time()), body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        assert await _post(slack.send.url, body.encode(), headers) == 200
        await slack.settle()
        answered = _answers(slack.fake)
        assert answered >= 1
        for _ in range(2):  # captured and sent again within the five minutes
            assert await _post(slack.send.url, body.encode(), headers) == 401
        await slack.settle()
        assert _answers(slack.fake) == answered


async def test_request_replayed_after_a_restart_is_refused(
    make_settings: Callable[..., Settings],
) -> None:
    body = _command_body("U1", "hilfe")
    headers = sign(SIGNING_SECRET, int(time.time()), body)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    async with running_slack(make_settings, standard_fake()) as slack:
        assert await _post(slack.send.url, body.encode(), headers) == 200
        await slack.settle()
        assert _answers(slack.fake) >= 1

    async with running_slack(make_settings, standard_fake()) as slack:  # the same store
        assert await _post(slack.send.url, body.encode(), headers) == 401
        await slack.settle()
        assert _answers(slack.fake) == 0


async def test_webhook_body_of_brackets_is_a_bad_request(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    settings = {"telegram_mode": "webhook", "telegram_webhook_secret": "s3cret"}
    async with running_bot(make_settings, public_url="https://bot.example.org", **settings) as bot:
        url = f"http://127.0.0.1:{bot.services.http.port}/telegram/webhook"  # type: ignore[union-attr]
        caplog.clear()
        for body in (b"[" * 5000, b"[1, 2]", b'{"update_id": "x"}'):
            assert await _post(url, body, {SECRET_HEADER_NAME: "s3cret"}) == 400
        assert not [r for r in caplog.records if r.exc_info]
        assert bot.adapter.updates_processed == 0


async def test_webhook_without_configured_secret_uses_one_derived_from_the_token(
    make_settings: Callable[..., Settings],
) -> None:
    from bot.adapters.telegram import derived_secret
    from tests.fake_telegram import user

    settings = {"telegram_mode": "webhook", "public_url": "https://bot.example.org"}
    async with running_bot(make_settings, **settings) as bot:
        secret = bot.fake.webhook["secret_token"]
        assert secret == derived_secret(bot.fake.token) and len(secret) >= 40
        url = f"http://127.0.0.1:{bot.services.http.port}/telegram/webhook"  # type: ignore[union-attr]
        forged = bot.fake.message_update(user(901, "Mallory"), "/neuesthema Gefälscht")
        import json

        body = json.dumps(forged).encode()
        assert await _post(url, body, {"Content-Type": "application/json"}) == 403
        assert await _post(url, body, {SECRET_HEADER_NAME: "guess"}) == 403
        assert await bot.services.store.topics.find("Gefälscht") is None
        headers = {SECRET_HEADER_NAME: secret, "Content-Type": "application/json"}
        hello = bot.fake.message_update(user(902, "Nina"), "/start")
        assert await _post(url, json.dumps(hello).encode(), headers) == 200
