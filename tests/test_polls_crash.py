"""A SIGKILL between a date poll's deadline and its closing sends nothing twice.

A real bot process against the fake Telegram. The poll's deadline passes while the bot
runs: the organiser's "Abstimmung beendet" is caught in flight (the fake holds the call)
and the bot is killed; after the restart it arrives once and the poll is not ended again.
The organiser then closes the poll; the result to the members is caught in flight and the
bot is killed again; after the restart each member has the result exactly once, there is
one event, and its RSVPs are the votes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
from datetime import timedelta
from pathlib import Path

from handlers.polls.jobs import INTERVAL
from storage import Store
from storage.db import utcnow
from storage.polls import NewPoll
from tests.fake_telegram import FakeTelegram, user
from tests.polls_support import day
from tests.test_inbox_crash import _start, _until

OLGA, BEN, CARA = user(7401, "Olga", "de"), user(7402, "Ben", "de"), user(7403, "Cara", "de")
TITLE = "Treffen AG Wasserstoff"
SETTLE = 2 * INTERVAL + 1  # the poll jobs' ticks and the outbox worker's retries


async def _seed(db: Path) -> int:
    """Olga's poll to Ben and Cara, both answered, its deadline a few seconds ahead."""
    store = await Store.open(db)
    try:
        ids = {}
        for person in (OLGA, BEN, CARA):
            member = await store.members.create(
                name=person["first_name"], company="Muster GmbH", region="Kreis Olpe",
                competencies=["KI"], language="de",
            )  # fmt: skip
            chat = str(person["id"])
            await store.members.add_identity(member.id, "telegram", chat, chat, None)
            ids[person["id"]] = member.id
        audience = [ids[BEN["id"]], ids[CARA["id"]]]
        poll = await store.polls.create(
            NewPoll(
                title=TITLE,
                organiser_id=ids[OLGA["id"]],
                audience_kind="members",
                audience_ref=None,
                deadline=utcnow() + timedelta(seconds=3),
                visibility="all",
                remind_at=None,
                options=[(day(5, 10), None), (day(6, 14), None)],
            ),
            audience,
        )
        await store.polls.answer(poll.id, 0, ids[BEN["id"]], "y")
        await store.polls.answer(poll.id, 0, ids[CARA["id"]], "m")
        return poll.id
    finally:
        await store.close()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _with(fake: FakeTelegram, chat: dict, part: str) -> list[str]:
    return [m.text for m in fake.sent_to(chat["id"]) if part in m.text]


def _called(fake: FakeTelegram, chat: dict) -> bool:
    return any(c.params.get("chat_id") == str(chat["id"]) for c in fake.calls_to("sendMessage"))


def _kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)


async def test_sigkill_after_the_deadline_and_while_the_result_goes_out_sends_each_once(
    tmp_path: Path,
) -> None:
    fake = FakeTelegram()
    await fake.start()
    db = tmp_path / "bot.sqlite3"
    poll_id = await _seed(db)
    env = {
        **os.environ,
        "KNOTENPUNKT_DB_PATH": str(db),
        "KNOTENPUNKT_TELEGRAM_TOKEN": fake.token,
        "KNOTENPUNKT_TELEGRAM_API_URL": fake.url,
        "KNOTENPUNKT_HTTP_PORT": "0",
    }
    log = tmp_path / "bot.log"
    gate = fake.hold("sendMessage", [OLGA["id"]])
    process = _start(env, log)
    try:
        # the deadline passes: the organiser's "ended" is on its way when the bot dies
        await _until(lambda: _called(fake, OLGA), 30, "the end of the poll to be sent")
        assert _rows(db, f"SELECT state FROM polls WHERE id = {poll_id}") == [("ended",)]
        _kill(process)
        fake.drop(gate)
        assert fake.sent_to(OLGA["id"]) == []

        process = _start(env, log)
        await _until(lambda: bool(_with(fake, OLGA, "beendet")), 30, "the end after the restart")
        await asyncio.sleep(SETTLE)  # a repeat would come within a job tick or two
        assert len(_with(fake, OLGA, "beendet")) == 1, fake.sent_to(OLGA["id"])
        ended = "SELECT COUNT(*) FROM audit_log WHERE action = 'poll.ended'"
        assert _rows(db, ended) == [(1,)]

        # the organiser picks the best date (suggested first) and closes the poll
        message, data = fake.find_button(OLGA["id"], "⭐")
        fake.push(fake.callback_update(OLGA, message, data))
        await _until(lambda: bool(_with(fake, OLGA, "Ort")), 20, "the place to be asked")
        fake.push(fake.message_update(OLGA, "Rathaus Olpe"))
        await _until(lambda: bool(_with(fake, OLGA, "Plätze")), 20, "the seats to be asked")
        fake.push(fake.message_update(OLGA, "-"))
        await _until(lambda: bool(_with(fake, OLGA, "wird ein Termin")), 20, "the preview")
        held = fake.hold("sendMessage", [BEN["id"], CARA["id"]])
        message, data = fake.find_button(OLGA["id"], "Termin anlegen")
        fake.push(fake.callback_update(OLGA, message, data))
        await _until(
            lambda: _called(fake, BEN) and _called(fake, CARA), 30, "the result on its way"
        )
        assert _rows(db, f"SELECT state FROM polls WHERE id = {poll_id}") == [("closed",)]
        _kill(process)
        fake.drop(held)
        assert _with(fake, BEN, "Termin steht") == _with(fake, CARA, "Termin steht") == []

        process = _start(env, log)
        await _until(
            lambda: bool(_with(fake, BEN, "Termin steht") and _with(fake, CARA, "Termin steht")),
            30,
            "the result after the restart",
        )
        await asyncio.sleep(SETTLE)
        assert len(_with(fake, BEN, "Termin steht")) == 1, fake.sent_to(BEN["id"])
        assert len(_with(fake, CARA, "Termin steht")) == 1, fake.sent_to(CARA["id"])
        assert len(_with(fake, OLGA, "beendet")) == 1
        [(event_id,)] = _rows(db, "SELECT id FROM events")
        rsvps = _rows(db, f"SELECT member_id, status FROM rsvps WHERE event_id = {event_id}")
        assert sorted(rsvps) == [(2, "yes"), (3, "maybe")]
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        await fake.stop()
