"""A SIGKILL between two parts of a message: after the restart the rest arrives, once.

The bot runs in its own process against a fake Telegram that enforces one message a second
per chat. A notification of two parts is queued (as the CLI would: a row written to the
store by another process); part 1 arrives, part 2 is held at the fake while the bot is
killed. After the restart part 2 arrives once and part 1 is not sent again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

from bot.models import Outgoing
from storage.db import to_db_time, utcnow
from tests.fake_telegram import FakeTelegram
from tests.test_inbox_crash import _start, _until

CHAT = 7401
TEXT = " ".join(f"Absatz {n}: Wasserstoff-Netzwerk Südwestfalen." for n in range(100))


def _query(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        with connection:
            return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _queue(db: Path) -> None:
    stamp = to_db_time(utcnow())
    payload = Outgoing(text=TEXT).model_dump_json()
    _query(
        db,
        "INSERT INTO outbox (platform, chat_id, chat_kind, payload, batch, next_attempt_at,"
        " created_at) VALUES ('telegram', ?, 'private', ?, 'kill', ?, ?)",
        (str(CHAT), payload, stamp, stamp),
    )


async def test_sigkill_between_two_parts_sends_the_rest_once(tmp_path: Path) -> None:
    fake = FakeTelegram(flood_limits=True)
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
    process = _start(env, log)
    try:
        await _until(lambda: bool(fake.calls_to("getUpdates")), 20, "polling")
        _queue(db)
        await _until(lambda: len(fake.sent_to(CHAT)) == 1, 20, "part 1")
        gate = fake.hold("sendMessage", [CHAT])
        await _until(lambda: len(fake.calls_to("sendMessage")) == 2, 10, "part 2 on its way")
        assert _query(db, "SELECT status, parts_sent FROM outbox") == [("sending", 1)]
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        fake.drop(gate)  # the killed bot's call never arrives

        process = _start(env, log)
        await _until(lambda: len(fake.sent_to(CHAT)) == 2, 30, "part 2 after the restart")
        await _until(lambda: _query(db, "SELECT status FROM outbox") == [("sent",)], 10, "sent")
        first, second = fake.sent_to(CHAT)
        assert first.text.startswith("Absatz 0:")
        assert second.text.endswith("Absatz 99: Wasserstoff-Netzwerk Südwestfalen.")
        assert "Absatz 0:" not in second.text
        assert len(fake.calls_to("sendMessage")) == 3  # part 1, part 2 lost at the kill, part 2
        assert fake.flood_violations == 0
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except Exception:
                process.kill()
        await fake.stop()
