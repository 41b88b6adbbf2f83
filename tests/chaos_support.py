"""Restart chaos: a real bot process killed with SIGKILL at random moments, again and again.

Used by tests/test_restart_chaos.py (a few kills) and bench/chaos_bench.py (more). The run
is a sequence of rounds. In each round every member sends one update (``termine``, or a
press on the event's button in the list the previous round brought, which turns the list
into the card), at random moments within ``SPREAD`` seconds, delivered the way the platform
does it (pushed to getUpdates, or posted again until the bot says 200, like Telegram's and
Slack's retries); the bot is killed at a random moment of the round, the store is checked
(``PRAGMA integrity_check``), the bot is started again, and the round ends once everybody
has an answer and nothing waits in the inbox or the outbox. Meanwhile a broadcast is queued through
the CLI against the same store, and an event's reminder falls due.

Checked per round: every update answered; an answer in flight at the kill at most twice,
and no more of them than updates are handled at once (16). At the end: every member got
the broadcast and the reminder, none more than twice, and the notifications sent twice
in a round were no more than the delivery worker's concurrency (16).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bot.delivery.notify import Notifier
from bot.delivery.worker import CONCURRENCY
from bot.settings import Settings
from handlers.events.service import EventService
from storage import Store
from storage.db import to_db_time, utcnow
from storage.events import EventFields
from tests.chaos_ways import BROADCAST, LISTED, REMINDER, TITLE, make_way

ROOT = Path(__file__).resolve().parent.parent
IN_FLIGHT = 16  # updates handled at once (the inbox runner's concurrency)
SPREAD = 0.6  # seconds over which a round's updates arrive
OFFSET = timedelta(seconds=600)  # the reminder offset (KNOTENPUNKT_REMINDER_OFFSETS)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def integrity(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def _scalar(db: Path, sql: str) -> int:
    connection = sqlite3.connect(db, timeout=5)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


async def until(condition: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def _add_event(db: Path, store: Store, title: str, start: datetime, rsvps: bool) -> None:
    """An event; with ``rsvps`` every member said yes to it five minutes ago."""
    settings = Settings(_env_file=None, db_path=db, reminder_offsets=[OFFSET])  # type: ignore[call-arg]
    service = EventService(store, Notifier(store, "de"), settings, "chaos")
    fields = EventFields(title=title, start=start, end=start + timedelta(hours=2),
                         timezone=settings.timezone)  # fmt: skip
    event = await service.create(fields, announce=False)
    if not rsvps:
        return
    stamp = to_db_time(utcnow() - timedelta(minutes=5))
    async with store.transaction() as conn:
        await conn.execute(
            "INSERT INTO rsvps (event_id, occurrence, member_id, status, created_at,"
            " updated_at) SELECT ?, ?, id, 'yes', ?, ? FROM members",
            (event.id, to_db_time(event.start), stamp, stamp),
        )


@dataclass
class Round:
    kill_at_s: float
    answered_twice: int
    notified_twice: int
    integrity: str
    restart_s: float  # from the kill until the bot listens again
    seconds: float  # the whole round, until everyone is answered


@dataclass
class Outcome:
    way: str
    members: int
    kills: int
    updates: int = 0
    rounds: list[Round] = field(default_factory=list)
    broadcast: dict[int, int] = field(default_factory=dict)  # member -> copies received
    reminder: dict[int, int] = field(default_factory=dict)
    final_integrity: str = ""
    seconds: float = 0.0

    def check(self) -> None:
        """The promises: nothing lost, in-flight work at most twice and within the bounds."""
        for r in self.rounds:
            assert r.integrity == "ok", r
            assert r.answered_twice <= IN_FLIGHT, r
            assert r.notified_twice <= CONCURRENCY, r
        assert self.final_integrity == "ok"
        assert all(1 <= n <= 2 for n in self.broadcast.values()), self.broadcast
        assert all(1 <= n <= 2 for n in self.reminder.values()), self.reminder

    def summary(self) -> dict[str, Any]:
        return {
            "way": self.way,
            "members": self.members,
            "kills": self.kills,
            "updates": self.updates,
            "answered_twice": sum(r.answered_twice for r in self.rounds),
            "answered_twice_most_in_a_round": max(r.answered_twice for r in self.rounds),
            "notified_twice": sum(r.notified_twice for r in self.rounds),
            "broadcast_lost": sum(1 for n in self.broadcast.values() if n == 0),
            "reminders_lost": sum(1 for n in self.reminder.values() if n == 0),
            "integrity_ok": int(
                all(r.integrity == "ok" for r in self.rounds) and self.final_integrity == "ok"
            ),
            "seconds": round(self.seconds, 1),
        }


class Chaos:
    """One run on one way in: seed the store, then rounds of updates and kills."""

    def __init__(self, way_name: str, tmp: Path, members: int, kills: int, seed: int) -> None:
        self.port = free_port()
        self.way = make_way(way_name, members, self.port)
        self.db = tmp / "chaos.sqlite3"
        self.log = tmp / "bot.log"
        self.members = members
        self.kills = kills
        self.rng = random.Random(seed)
        self.process: subprocess.Popen[bytes] | None = None
        self.outcome = Outcome(way_name, members, kills)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "KNOTENPUNKT_DB_PATH": str(self.db),
            "KNOTENPUNKT_HTTP_PORT": str(self.port),
            "KNOTENPUNKT_REMINDER_OFFSETS": f"{int(OFFSET.total_seconds())}s",
            **self.way.env(),
        }

    async def seed(self) -> None:
        """Members with an identity on the way in, and an event in three days for the
        list they page through, before the bot first starts."""
        store = await Store.open(self.db)
        try:
            for n in range(self.members):
                platform, user_id, chat_id = self.way.identity(n)
                member = await store.members.create(
                    name=f"M{n}", company=f"M{n} GmbH", region="Hagen", competencies=[],
                    language="de",
                )  # fmt: skip
                await store.members.add_identity(member.id, platform, user_id, chat_id)
            await _add_event(self.db, store, LISTED, utcnow() + timedelta(days=3), rsvps=False)
        finally:
            await store.close()

    async def add_event(self, remind_in: timedelta) -> None:
        """While the bot runs, an admin adds an event (the same service as ``knotenpunkt
        event add``) that everybody had said yes to, and whose reminder falls due
        ``remind_in`` from now."""
        store = await Store.open(self.db)
        try:
            await _add_event(self.db, store, TITLE, utcnow() + OFFSET + remind_in, rsvps=True)
        finally:
            await store.close()

    def start_bot(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            env=self.env(),
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )

    async def ready(self) -> None:
        """The bot listens (its health endpoint answers)."""
        url = f"http://127.0.0.1:{self.port}/healthz/live"
        deadline = time.monotonic() + 30
        async with aiohttp.ClientSession() as session:
            while True:
                assert self.process is not None and self.process.poll() is None, "bot died"
                try:
                    async with session.get(url) as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError("the bot did not start")
                await asyncio.sleep(0.05)

    async def broadcast(self) -> None:
        """An admin sends a broadcast from the CLI against the running bot's store."""
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "broadcast", "send", "--audience", "all",
            "--text", BROADCAST, "--yes",
            env=self.env(), cwd=ROOT,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        output, _ = await process.communicate()
        assert process.returncode == 0, output.decode()

    def _quiet(self) -> bool:
        """No update waits in the inbox and nothing waits in the outbox (answers or
        notifications): what a kill caught in flight went out before the next round."""
        waiting = "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')"
        return (
            _scalar(self.db, "SELECT COUNT(*) FROM inbox WHERE done_at IS NULL") == 0
            and _scalar(self.db, waiting) == 0
        )

    def _notified_twice(self) -> int:
        return sum(
            max(0, self.way.notifications(n, marker) - 1)
            for n in range(self.members)
            for marker in (BROADCAST, REMINDER)
        )

    async def round(self, number: int, kill: bool) -> None:
        way = self.way
        before = [way.outputs(n) for n in range(self.members)]
        twice_before = self._notified_twice()
        press = number % 2 == 1
        moments = [self.rng.uniform(0, SPREAD) for _ in range(self.members)]
        kill_at = self.rng.uniform(0.05, SPREAD + 0.3)
        if number == 1:  # the kill may catch the broadcast going out
            await self.broadcast()
        if number == 2:  # or the reminder
            await self.add_event(remind_in=timedelta(seconds=0.3))
        began = time.monotonic()

        async def one(n: int) -> None:
            await asyncio.sleep(moments[n])
            await way.send(n, press)

        sends = asyncio.gather(*(one(n) for n in range(self.members)))
        checked, restart = "ok", 0.0
        if kill:
            await asyncio.sleep(max(0.0, kill_at - (time.monotonic() - began)))
            assert self.process is not None
            self.process.send_signal(signal.SIGKILL)
            await asyncio.to_thread(self.process.wait, 10)
            killed = time.monotonic()
            checked = integrity(self.db)
            self.start_bot()
            await self.ready()
            restart = time.monotonic() - killed
        await sends
        self.outcome.updates += self.members

        def answered() -> bool:
            return all(way.outputs(n) > before[n] for n in range(self.members))

        await until(answered, 60, f"answers in round {number} on {way.name}")
        await until(self._quiet, 60, f"the inbox and the outbox done in round {number}")
        after = [way.outputs(n) for n in range(self.members)]
        deltas = [a - b for a, b in zip(after, before, strict=True)]
        assert all(1 <= d <= 2 for d in deltas), (number, deltas)
        self.outcome.rounds.append(
            Round(
                kill_at_s=round(kill_at, 2) if kill else -1.0,
                answered_twice=sum(d == 2 for d in deltas),
                notified_twice=self._notified_twice() - twice_before,
                integrity=checked,
                restart_s=round(restart, 2),
                seconds=round(time.monotonic() - began, 2),
            )
        )

    async def run(self) -> Outcome:
        started = time.monotonic()
        await self.way.start()
        try:
            await self.seed()
            self.start_bot()
            await self.ready()
            await self.round(0, kill=False)  # the first list, to press on later
            for number in range(1, self.kills + 1):
                await self.round(number, kill=True)
            await self.round(self.kills + 1, kill=False)
            way = self.way
            everyone = range(self.members)
            await until(
                lambda: (
                    all(way.notifications(n, BROADCAST) for n in everyone)
                    and all(way.notifications(n, REMINDER) for n in everyone)
                ),
                60,
                f"the broadcast and the reminder on {way.name}",
            )
            await until(self._quiet, 30, "the outbox to drain")
            self.outcome.broadcast = {n: way.notifications(n, BROADCAST) for n in everyone}
            self.outcome.reminder = {n: way.notifications(n, REMINDER) for n in everyone}
        finally:
            if self.process is not None and self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    await asyncio.to_thread(self.process.wait, 15)
                except subprocess.TimeoutExpired:
                    self.process.kill()
            await self.way.stop()
        self.outcome.final_integrity = integrity(self.db)
        self.outcome.seconds = time.monotonic() - started
        return self.outcome
