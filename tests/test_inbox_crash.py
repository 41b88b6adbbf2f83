"""SIGKILL between acknowledgement and processing loses no update and no answer.

A real bot process (``python -m bot.cli run``) talks to the fake Telegram on 127.0.0.1
with a slow API, so that many updates are acknowledged (offset moved on, or webhook 200)
but not yet handled when it is killed. After a restart each person is answered once.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import aiohttp
import pytest

from tests.fake_telegram import SECRET_HEADER_NAME, FakeTelegram, user

PEOPLE = 40
IN_FLIGHT = 16  # updates handled at once (the inbox runner's concurrency): answers in flight
SECRET = "crash-test-secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        cwd=Path(__file__).resolve().parent.parent,
    )


async def _until(condition: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def assert_answered(answers: Mapping[object, int]) -> None:
    """Everyone answered; an answer in flight at the kill (the platform took it, the bot
    never heard back) may come twice, never more, and no more of them than the sends in
    flight at once (the inbox's concurrency)."""
    assert all(1 <= n <= 2 for n in answers.values()), answers
    assert sum(n == 2 for n in answers.values()) <= IN_FLIGHT, answers


def _answers(fake: FakeTelegram, ids: list[int]) -> dict[int, int]:
    return {i: len(fake.sent_to(i)) for i in ids}


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigkill_after_acknowledgement_loses_nothing(mode: str, tmp_path: Path) -> None:
    fake = FakeTelegram(send_delay=0.5)
    await fake.start()
    port = _free_port()
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(tmp_path / "bot.sqlite3"),
        "KNOTENPUNKT_TELEGRAM_TOKEN": fake.token,
        "KNOTENPUNKT_TELEGRAM_API_URL": fake.url,
        "KNOTENPUNKT_TELEGRAM_MODE": mode,
        "KNOTENPUNKT_TELEGRAM_WEBHOOK_SECRET": SECRET,
        "KNOTENPUNKT_PUBLIC_URL": "https://bot.example.org",
        "KNOTENPUNKT_HTTP_PORT": str(port),
    }
    log = tmp_path / "bot.log"
    process = _start(env, log)
    people = [user(7000 + n, f"P{n}", "de") for n in range(PEOPLE)]
    ids = [p["id"] for p in people]
    try:
        await _until(lambda: bool(fake.calls_to("setMyCommands")), 20, "the bot to start")
        updates = [fake.message_update(p, "/hilfe") for p in people]
        if mode == "polling":
            await _until(lambda: bool(fake.calls_to("getUpdates")), 10, "polling")
            for update in updates:
                fake.push(update)
            last = str(updates[-1]["update_id"] + 1)
            await _until(
                lambda: any(c.params.get("offset") == last for c in fake.calls_to("getUpdates")),
                10,
                "the offset to move past every update",
            )
        else:
            await _until(lambda: bool(fake.webhook.get("url")), 10, "setWebhook")
            url = f"http://127.0.0.1:{port}/telegram/webhook"
            async with aiohttp.ClientSession() as session:
                for update in updates:
                    headers = {SECRET_HEADER_NAME: SECRET}
                    async with session.post(url, json=update, headers=headers) as response:
                        assert response.status == 200
        await _until(lambda: sum(_answers(fake, ids).values()) >= 3, 20, "the first answers")
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        before = sum(_answers(fake, ids).values())
        assert before < PEOPLE, "the kill came too late to prove anything"

        fake.send_delay = 0.0
        fake.webhook.clear()
        process = _start(env, log)
        await _until(lambda: all(n >= 1 for n in _answers(fake, ids).values()), 30, "answers")
        await asyncio.sleep(1.0)
        answers = _answers(fake, ids)
        assert_answered(answers)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        await fake.stop()


async def test_update_ptb_cannot_read_is_skipped_quietly_without_spinning(
    make_settings: Callable[..., object], caplog: pytest.LogCaptureFixture
) -> None:
    from tests.fake_telegram_harness import running_bot, wait_for

    async with running_bot(make_settings) as bot:  # type: ignore[arg-type]
        polls = len(bot.fake.calls_to("getUpdates"))
        broken = {"update_id": 990_001, "message": {"message_id": "x", "text": "geheim 123"}}
        bot.fake.push(broken)
        await wait_for(lambda: bot.adapter.updates_processed >= 1)
        await asyncio.sleep(1.0)
        assert len(bot.fake.calls_to("getUpdates")) - polls < 10  # no spin
        assert "geheim" not in caplog.text
        lines = [r for r in caplog.records if "cannot be read" in r.getMessage()]
        assert len(lines) == 1 and lines[0].exc_info is None
        answer = await bot.say(user(7999, "Nach", "de"), "/hilfe")
        assert answer, "the next update is handled as usual"


async def test_sigkill_after_slack_ack_loses_nothing(tmp_path: Path) -> None:
    from tests.fake_slack import BOT_TOKEN, FakeSlack
    from tests.slack_signing import SIGNING_SECRET, SlackSender

    fake = FakeSlack(delays={"chat.postMessage": 0.5})
    users = [f"U{100 + n}" for n in range(PEOPLE)]
    for name in users:
        fake.add_user(name, name.lower())
    await fake.start()
    port = _free_port()
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(tmp_path / "bot.sqlite3"),
        "KNOTENPUNKT_SLACK_BOT_TOKEN": BOT_TOKEN,
        "KNOTENPUNKT_SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "KNOTENPUNKT_SLACK_API_URL": fake.api_url,
        "KNOTENPUNKT_HTTP_PORT": str(port),
    }
    log = tmp_path / "bot.log"
    process = _start(env, log)
    sender = SlackSender(f"http://127.0.0.1:{port}/slack/events", fake)

    def answers() -> dict[str, int]:
        posts = fake.calls_to("chat.postMessage")
        return {u: sum(1 for p in posts if p.get("channel") == FakeSlack.dm(u)) for u in users}

    try:
        await _until(lambda: bool(fake.calls_to("auth.test")), 20, "the bot to start")
        await asyncio.sleep(0.3)
        for name in users:
            reply = await sender.dm(name, "hilfe")
            assert reply.status == 200 and reply.seconds < 3.0
        await _until(lambda: sum(answers().values()) >= 3, 20, "the first answers")
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert sum(answers().values()) < PEOPLE, "the kill came too late to prove anything"

        fake.delays.clear()
        process = _start(env, log)
        await _until(lambda: all(n >= 1 for n in answers().values()), 30, "answers")
        await asyncio.sleep(1.0)
        assert_answered(answers())
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        await fake.stop()


async def test_sigkill_after_slack_socket_mode_ack_loses_nothing(tmp_path: Path) -> None:
    from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
    from tests.slack_signing import SIGNING_SECRET

    # Slow before the core, not after it: the kill lands while acknowledged envelopes wait
    # to be processed. (A kill between the handler's commit and its reply's send loses
    # that reply until replies go through the outbox; that is another test's business.)
    fake = FakeSlack(delays={"users.info": 3.0})
    users = [f"U{100 + n}" for n in range(PEOPLE)]
    for name in users:
        fake.add_user(name, name.lower())
    await fake.start()
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(tmp_path / "bot.sqlite3"),
        "KNOTENPUNKT_SLACK_BOT_TOKEN": BOT_TOKEN,
        "KNOTENPUNKT_SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "KNOTENPUNKT_SLACK_APP_TOKEN": APP_TOKEN,
        "KNOTENPUNKT_SLACK_API_URL": fake.api_url,
        "KNOTENPUNKT_HTTP_PORT": str(_free_port()),
    }
    log = tmp_path / "bot.log"
    process = _start(env, log)

    def answers() -> dict[str, int]:
        posts = fake.calls_to("chat.postMessage")
        return {u: sum(1 for p in posts if p.get("channel") == FakeSlack.dm(u)) for u in users}

    try:
        await fake.socket_connected(within=20)
        envelopes = [f"env-{name}" for name in users]
        for name, envelope_id in zip(users, envelopes, strict=True):
            await fake.socket_send(fake.socket_dm(name, "hilfe", f"Ev{name}", envelope_id))
        await fake.socket_acked(envelopes, within=10)
        await _until(lambda: bool(fake.calls_to("users.info")), 10, "processing to begin")
        process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(process.wait, 10)
        assert sum(answers().values()) == 0, "the kill came too late to prove anything"

        fake.delays.clear()
        process = _start(env, log)
        await _until(lambda: all(n >= 1 for n in answers().values()), 30, "answers")
        await asyncio.sleep(1.0)
        assert_answered(answers())
    finally:
        if process.poll() is None:  # the fake keeps answering while the bot closes its socket
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.to_thread(process.wait, 15)
            except subprocess.TimeoutExpired:
                process.kill()
        await fake.stop()
