"""Answers benchmark: how fast members get their answers, measured the way the bot runs in
production, beside a bare python-telegram-bot echo bot in the same run.

Each bot runs in a process of its own: ours as ``knotenpunkt run`` with the real Telegram
adapter (settings from the environment, a store seeded beforehand), the echo bot as
``python -m bench.echo_bot``. Each long-polls its own fake Bot API over HTTP on 127.0.0.1;
both fakes and the members (the load) live in this process, so they cost both bots alike.

The load is mixed as members use the bot: a third ``/termine``, a third ``/themen``, a
third presses on a topic's subscribe button (an edit of the message), from ``--people``
members (default 600, each with one update at a time) with topics and events in the store.
The echo bot answers a text with the same text and a button press with an edit; it does no
work, so it marks what the platform library and the fake cost by themselves.

- saturation: ``--burst`` updates (default 600) pushed at once; updates per second until
  all are answered, CPU milliseconds per update of the bot's process, and the ratio to the
  echo bot, in ``--rounds`` alternating rounds (default 3; the median round's figures);
- offered load: ``--rate`` updates per second (default 100) for ``--seconds`` (default 8);
  the time from each update to its first answer (p50, p99), both bots;
- the same while a broadcast to ``--audience`` members (default 10,000) goes out at 30/s:
  ours through ``knotenpunkt broadcast send`` from a third process, the echo bot sending
  as many messages at 30/s itself;
- one ``/termine``: how many Bot API calls it makes.

Run: ``.venv/bin/python -m bench answers [--people 600] [--burst 600] [--rate 100]``;
writes ``bench/results/answers.json`` and prints the ratio and both p99 figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.delivery.notify import Notifier
from storage import Store
from storage.db import utcnow
from storage.events import EventFields
from tests.fake_telegram import FakeTelegram, user

RESULTS = Path(__file__).parent / "results"
FIRST_USER = 500_000
FAR_USER = 900_000  # the broadcast audience (as bench/echo_bot.py sends to)
ANSWERS = {"sendMessage", "editMessageText", "answerCallbackQuery"}


class Load:
    """Pushes updates and records when each chat got its first answer after its update."""

    def __init__(self, fake: FakeTelegram, people: int, topics_button: bool) -> None:
        self.fake = fake
        self.people = [user(FIRST_USER + n, f"P{n}", "de") for n in range(people)]
        self.topics_button = topics_button  # ours: a /themen message to press buttons on
        self.pending: dict[int, float] = {}  # chat -> when its update was pushed
        self.latencies: list[float] = []
        self.seen = 0

    def _button_update(self, person: dict[str, Any]) -> dict[str, Any] | None:
        if not self.topics_button:
            message = next((m for m in reversed(self.fake.sent) if m.chat_id == person["id"]), None)
            return None if message is None else self.fake.callback_update(person, message, "x")
        try:
            message, data = self.fake.find_button(person["id"], "Thema")
        except AssertionError:
            return None
        return self.fake.callback_update(person, message, data)

    def update(self, n: int) -> tuple[int, dict[str, Any]]:
        person = self.people[n % len(self.people)]
        kind = n % 3
        update = self._button_update(person) if kind == 2 else None
        if update is None:
            text = "/termine" if kind == 0 else "/themen"
            update = self.fake.message_update(person, text)
        return person["id"], update

    def push(self, n: int) -> bool:
        chat, update = self.update(n)
        if chat in self.pending:
            return False  # one update at a time per member, as people do
        self.pending[chat] = time.monotonic()  # the clock the fake stamps calls with
        self.fake.push(update)
        return True

    def answered(self) -> bool:
        """Collect the answers that came in; True when every update pushed has one."""
        self.collect()
        return not self.pending

    def collect(self) -> None:
        calls = self.fake.calls
        for call in calls[self.seen :]:
            if call.method not in ANSWERS:
                continue
            chat = call.params.get("chat_id")
            if chat is None:  # answerCallbackQuery: the chat is not in the call
                continue
            pushed = self.pending.pop(int(chat), None)
            if pushed is not None:
                self.latencies.append(call.at - pushed)
        self.seen = len(calls)


async def _until(condition: Callable[[], bool], within: float) -> None:
    deadline = time.perf_counter() + within
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("not answered in time")
        await asyncio.sleep(0.002)


async def saturation(load: Load, count: int, pid: int) -> dict[str, float]:
    load.latencies.clear()
    cpu, started, pushed = _cpu_seconds(pid), time.perf_counter(), 0
    for n in range(count):
        pushed += load.push(n)

    await _until(load.answered, 120)
    elapsed = time.perf_counter() - started
    return {
        "updates": pushed,
        "updates_per_s": round(pushed / elapsed, 1),
        "cpu_ms_per_update": round((_cpu_seconds(pid) - cpu) / pushed * 1000, 2),
    }


async def offered(load: Load, rate: float, seconds: float) -> dict[str, float]:
    load.latencies.clear()
    interval, started, n, skipped = 1 / rate, time.perf_counter(), 0, 0
    while time.perf_counter() - started < seconds:
        skipped += not load.push(n)
        n += 1
        load.collect()
        await asyncio.sleep(max(0.0, started + n * interval - time.perf_counter()))

    await _until(load.answered, 60)
    ordered = sorted(load.latencies)
    return {
        "offered_per_s": rate,
        "answered": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        "skipped_busy": skipped,
    }


def _environment(fake: FakeTelegram, db_path: Path) -> dict[str, str]:
    """The bot's settings as an operator gives them: the environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
    environment.update(
        KNOTENPUNKT_DB_PATH=str(db_path),
        KNOTENPUNKT_TELEGRAM_TOKEN=fake.token,
        KNOTENPUNKT_TELEGRAM_API_URL=fake.url,
        KNOTENPUNKT_HTTP_PORT="0",
        KNOTENPUNKT_TELEGRAM_RATE="30",
    )
    return environment


async def _seed(db_path: Path, people: int, audience: int) -> None:
    """Members who send updates (region Hagen), members a broadcast goes to (region Fern),
    topics and events, written before the bot starts."""
    store = await Store.open(db_path)
    try:
        topics = [await store.topics.create(f"Thema {n}") for n in range(12)]
        for first, count, region in ((FIRST_USER, people, "Hagen"), (FAR_USER, audience, "Fern")):
            async with store.transaction():
                for n in range(count):
                    member = await store.members.create(
                        name=f"P{n}", company="C", region=region, competencies=[], language="de"
                    )
                    chat = str(first + n)
                    await store.members.add_identity(member.id, "telegram", chat, chat)
                    await store.topics.subscribe(member.id, topics[n % len(topics)].id)
        from bot.settings import Settings
        from handlers.events.service import EventService

        settings = Settings(_env_file=None, db_path=db_path)  # type: ignore[call-arg]
        events = EventService(store, Notifier(store, "de"), settings, "bench")
        now = utcnow().replace(second=0, microsecond=0)
        for n in range(30):
            start = now + timedelta(days=n + 1, hours=n % 5)
            fields = EventFields(title=f"Termin {n}", start=start, end=start + timedelta(hours=2),
                                 timezone=settings.timezone, capacity=50 if n % 3 else None,
                                 rrule="FREQ=WEEKLY" if n % 10 == 0 else None,
                                 topic_ids=[topics[n % len(topics)].id])  # fmt: skip
            await events.create(fields, announce=False)
    finally:
        await store.close()


def _knotenpunkt() -> list[str]:
    script = Path(sys.executable).parent / "knotenpunkt"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


async def _polling(fake: FakeTelegram, process: asyncio.subprocess.Process) -> None:
    """Wait until the bot in ``process`` polls its fake."""
    deadline = time.perf_counter() + 60
    while not any(c.method == "getUpdates" for c in fake.calls):
        if process.returncode is not None or time.perf_counter() > deadline:
            raise RuntimeError("the bot did not start polling")
        await asyncio.sleep(0.05)


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 20)
        except TimeoutError:
            process.kill()
            await process.wait()


async def _termine_calls(fake: FakeTelegram, load: Load) -> list[str]:
    """The Bot API calls one /termine makes."""
    before, chat = len(fake.calls), load.people[0]["id"]

    def to_chat() -> list[str]:  # not the broadcast's sends, which may still go on
        calls = fake.calls[before:]
        return [c.method for c in calls if str(c.params.get("chat_id")) == str(chat)]

    fake.push(fake.message_update(load.people[0], "/termine"))
    await _until(lambda: "sendMessage" in to_chat(), 10)
    await asyncio.sleep(0.3)
    return to_chat()


async def _warm(fake: FakeTelegram, load: Load, text: str) -> None:
    """Each member writes once (ours: a /themen message to press buttons on later)."""
    for n, person in enumerate(load.people):
        load.pending[FIRST_USER + n] = time.monotonic()
        fake.push(fake.message_update(person, text))
    await _until(load.answered, 120)


async def main(options: argparse.Namespace) -> dict[str, Any]:
    """Each bot in a process of its own, polling its own fake Bot API in this process (the
    platform and the members); saturation in alternating rounds (medians), so that the
    machine's drift hits both alike; then the offered load, without and with a broadcast
    (``knotenpunkt broadcast send`` from another process; the echo bot's own sends)."""
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "answers.sqlite3"
        await _seed(db_path, options.people, options.audience)
        fake, echo_fake = FakeTelegram(), FakeTelegram()
        await fake.start()
        await echo_fake.start()
        environment = _environment(fake, db_path)
        log = (Path(tmp) / "bot.log").open("w")
        ours = await asyncio.create_subprocess_exec(
            *_knotenpunkt(), "run", env=environment, stdout=log, stderr=log
        )
        echo = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.echo_bot", echo_fake.url, echo_fake.token,
            "--broadcast", str(options.audience), stdout=log, stderr=log,
        )  # fmt: skip
        ours_load = Load(fake, options.people, topics_button=True)
        echo_load = Load(echo_fake, options.people, topics_button=False)
        try:
            await _polling(fake, ours)
            await _polling(echo_fake, echo)
            await _warm(fake, ours_load, "/themen")
            await _warm(echo_fake, echo_load, "hallo")
            rounds: list[tuple[dict[str, float], dict[str, float]]] = []
            for _ in range(options.rounds):
                rounds.append(
                    (
                        await saturation(ours_load, options.burst, ours.pid),
                        await saturation(echo_load, options.burst, echo.pid),
                    )
                )
            ours_offered = await offered(ours_load, options.rate, options.seconds)
            bare_offered = await offered(echo_load, options.rate, options.seconds)
            sending = await asyncio.create_subprocess_exec(
                *_knotenpunkt(), "broadcast", "send", "--audience", "region:Fern",
                "--text", "Rundschreiben", "--yes", env=environment, stdout=log, stderr=log,
            )  # fmt: skip
            await sending.wait()
            echo.send_signal(signal.SIGUSR1)
            await asyncio.sleep(1.0)  # both fan-outs under way
            ours_during = await offered(ours_load, options.rate, options.seconds)
            bare_during = await offered(echo_load, options.rate, options.seconds)
            broadcast_sent = sum(
                1 for c in fake.calls
                if c.method == "sendMessage" and int(c.params.get("chat_id", 0)) >= FAR_USER
            )  # fmt: skip
            termine_calls = await _termine_calls(fake, ours_load)
        finally:
            await _stop(ours)
            await _stop(echo)
            log.close()
            await echo_fake.stop()
            await fake.stop()
    ratios = [o["updates_per_s"] / b["updates_per_s"] for o, b in rounds]
    median_round = sorted(range(len(rounds)), key=lambda i: ratios[i])[len(rounds) // 2]
    ours_round, bare_round = rounds[median_round]
    return {
        "people": options.people,
        "how": "each bot in its own process (knotenpunkt run, real Telegram adapter), HTTP"
        " long polling to a fake Bot API in the benchmark's process",
        "saturation": {
            **ours_round,
            "bare_updates_per_s": bare_round["updates_per_s"],
            "bare_cpu_ms_per_update": bare_round["cpu_ms_per_update"],
            "ratio": round(ratios[median_round], 3),
            "ratios_of_rounds": [round(r, 3) for r in ratios],
        },
        "offered": {
            **ours_offered,
            "bare_p50_ms": bare_offered["p50_ms"],
            "bare_p99_ms": bare_offered["p99_ms"],
        },
        "offered_during_broadcast": {
            **ours_during,
            "bare_p50_ms": bare_during["p50_ms"],
            "bare_p99_ms": bare_during["p99_ms"],
            "audience": options.audience,
            "broadcast_sent_by_then": broadcast_sent,
        },
        "termine": {"api_calls": len(termine_calls), "methods": termine_calls},
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=600)
    parser.add_argument("--audience", type=int, default=10_000)
    parser.add_argument("--burst", type=int, default=600)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=3)
    result = asyncio.run(main(parser.parse_args()))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "answers.json").write_text(json.dumps(result, indent=2) + "\n")
    saturation_figures, offered_figures = result["saturation"], result["offered"]
    during = result["offered_during_broadcast"]
    print(f"answers ratio {saturation_figures['ratio']} x the echo bot"
          f" ({saturation_figures['updates_per_s']} vs {saturation_figures['bare_updates_per_s']}"
          f" updates/s, rounds {saturation_figures['ratios_of_rounds']})")  # fmt: skip
    print(f"first reply p99 at {offered_figures['offered_per_s']:g}/s: {offered_figures['p99_ms']}"
          f" ms (echo bot {offered_figures['bare_p99_ms']} ms)")  # fmt: skip
    print(f"first reply p99 during a {during['audience']}-member broadcast at 30/s:"
          f" {during['p99_ms']} ms (echo bot {during['bare_p99_ms']} ms)")  # fmt: skip
    for part, numbers in result.items():
        print(f"{part:12} {numbers}")
