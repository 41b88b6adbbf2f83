"""A SIGKILL between the handler's commit and the answer's send loses no answer.

The answer is written to the outbox in the handler's transaction. Here the fake Telegram
holds the bot's ``sendMessage`` (the call arrived, nothing is delivered yet) while the bot
is killed: the update is done in the store, its answer is not at the member. After the
restart the answer arrives, once; the update is not handled a second time.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

from tests.fake_telegram import FakeTelegram, user
from tests.test_inbox_crash import _start, _until


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


async def test_sigkill_between_commit_and_send_delivers_the_answer_once(tmp_path: Path) -> None:
    fake = FakeTelegram()
    await fake.start()
    db = tmp_path / "bot.sqlite3"
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(db),
        "KNOTENPUNKT_TELEGRAM_TOKEN": fake.token,
        "KNOTENPUNKT_TELEGRAM_API_URL": fake.url,
        "KNOTENPUNKT_HTTP_PORT": "0",
    }
    log = tmp_path / "bot.log"
    anna = user(7301, "Anna", "de")
    process = _start(env, log)
    try:
        await _until(lambda: bool(fake.calls_to("getUpdates")), 20, "polling")
        gate = fake.hold("sendMessage", [anna["id"]])
        fake.push(fake.message_update(anna, "/start"))
        await _until(
            lambda: any(c.params.get("chat_id") == str(anna["id"]) for c in fake.calls_to(
                "sendMessage")),
            20,
            "the answer to be on its way",
        )  # fmt: skip
        handled = _rows(db, "SELECT done_at FROM inbox WHERE platform = 'telegram'")
        in_flight = _rows(db, "SELECT status FROM outbox WHERE reply_target IS NOT NULL")
        assert handled and handled[0][0] is not None, "the update was handled and committed"
        assert in_flight == [("sending",)], in_flight
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        fake.drop(gate)  # the killed bot's call never arrives
        assert fake.sent_to(anna["id"]) == []

        process = _start(env, log)
        await _until(lambda: bool(fake.sent_to(anna["id"])), 30, "the answer after the restart")
        await _until(lambda: len(fake.calls_to("getUpdates")) > 3, 10, "a few polls")
        [answer] = fake.sent_to(anna["id"])
        assert "Willkommen" in answer.text or "Sprache" in answer.text, answer.text
        assert _rows(db, "SELECT COUNT(*) FROM outbox WHERE reply_target IS NOT NULL") == [(0,)]
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except Exception:
                process.kill()
        await fake.stop()
