"""Broadcast benchmark against the fake Telegram Bot API, with Telegram's limits enforced.

The fake (``tests/fake_telegram.py``) is run here with the limits Telegram applies: at most
``rate`` messages in any one second overall and one per chat per second; beyond that it
answers 429 with ``retry_after: 1``. The real app (real Telegram adapter, outbox worker,
scheduler) runs in the same process against it.

(a) ``--members`` (default 1,000) members at Telegram's real 30/s: enqueue time, achieved
    delivery rate (share of 30/s), 429s drawn, duplicates and missing messages; meanwhile a
    member (not in the audience) sends ``/themen`` about once a second and the time to the
    bot's answer is measured (p50, p99).
(b) ``--big`` (default 10,000) members with the limit raised to 1,000/s, to see the worker's
    own cost: enqueue time (goal < 1 s) and delivery rate, compared with a bare
    python-telegram-bot sender with the same concurrency (the worker's) sending the same
    HTML against the same fake in the same run; ``--rounds`` (default 3) alternating rounds,
    medians; CPU per message, duplicates and missing messages, peak RSS.

Run: ``.venv/bin/python -m bench broadcast [--members 1000] [--big 10000] [--rounds 3]``;
writes ``bench/results/broadcast.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import resource
import statistics
import tempfile
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.error import RetryAfter
from telegram.request import HTTPXRequest

from bot.adapters.telegram import TelegramAdapter, api_urls
from bot.app import App, Services
from bot.delivery.worker import CONCURRENCY as WORKER_CONCURRENCY
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService, Sender
from storage.broadcasts import Audience
from tests.fake_telegram import ApiError, FakeTelegram, user

RESULTS = Path(__file__).parent / "results"
MARK = "BENCH-RUNDSCHREIBEN"
CONCURRENCY = WORKER_CONCURRENCY  # the bare sender gets as many sends at a time
PROBE_ID = 999_999


@dataclass
class LimitedTelegram(FakeTelegram):
    """The fake with Telegram's sending limits: ``rate`` per second overall (a sliding
    one-second window) and one message per chat per second."""

    rate: float = 30.0
    too_many: int = 0
    _window: deque[float] = field(default_factory=deque)
    _last_in_chat: dict[str, float] = field(default_factory=dict)

    def _maybe_fail(self, method: str, params: dict[str, Any]) -> None:
        super()._maybe_fail(method, params)
        if method != "sendMessage":
            return
        now = time.monotonic()
        while self._window and now - self._window[0] >= 1.0:
            self._window.popleft()
        chat = str(params.get("chat_id"))
        last = self._last_in_chat.get(chat)
        if len(self._window) >= self.rate or (last is not None and now - last < 1.0):
            self.too_many += 1
            raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self._window.append(now)
        self._last_in_chat[chat] = now


def _forget(fake: FakeTelegram) -> None:
    """Drop what the fake recorded (each call, each message) once it has been counted."""
    fake.calls.clear()
    fake.sent.clear()
    fake._messages.clear()


def peak_rss_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def _start(fake: FakeTelegram, db: Path, rate: float) -> tuple[App, Services]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        db_path=db,
        telegram_token=fake.token,
        telegram_api_url=fake.url,
        telegram_rate=rate,
        http_port=0,
    )
    app = App(
        settings,
        serve_http=False,
        adapter_factories=[lambda s: TelegramAdapter(s, poll_interval=0.0, poll_timeout=1)],
    )
    return app, await app.start()


async def _members(services: Services, count: int, first_id: int = 10_000) -> None:
    store = services.store
    async with store.transaction():
        for i in range(count):
            member = await store.members.create(
                name=f"Mitglied {i}", company="Bench GmbH", region="Hagen", competencies=[],
                language="de" if i % 4 else "en",
            )  # fmt: skip
            user_id = str(first_id + i)
            await store.members.add_identity(member.id, "telegram", user_id, user_id)


async def _broadcast(services: Services, mark: str = MARK) -> tuple[int, int, float]:
    """Send to everyone; returns (broadcast id, rows queued, seconds to enqueue)."""
    service = BroadcastService(services.store, services.notifier, services.settings)
    started = time.perf_counter()
    broadcast, queued = await service.send_now(
        Audience(), f"*{mark}*: Einladung zur _Jahreskonferenz_", Sender("bench", "de")
    )
    return broadcast.id, queued, time.perf_counter() - started


async def _until_delivered(services: Services, broadcast_id: int, within: float) -> float:
    started = time.perf_counter()
    while True:
        counts = (await services.store.broadcasts.counts([broadcast_id]))[broadcast_id]
        if counts.pending == 0:
            return time.perf_counter() - started
        if time.perf_counter() - started > within:
            raise TimeoutError(f"not delivered within {within}s: {counts}")
        await asyncio.sleep(0.05)


def _integrity(fake: FakeTelegram, expected: set[int], mark: str = MARK) -> dict[str, int]:
    got = Counter(m.chat_id for m in fake.sent if mark in m.text)
    return {
        "duplicates": sum(n - 1 for n in got.values() if n > 1),
        "missing": len(expected - set(got)),
    }


async def _probe(fake: FakeTelegram, adapter: TelegramAdapter, stop: asyncio.Event) -> list[float]:
    """A member sends /themen about once a second; seconds until the answer arrives."""
    person = user(PROBE_ID, "Probe", "de")
    latencies = []
    while not stop.is_set():
        before = len(fake.sent_to(PROBE_ID))
        started = time.perf_counter()
        fake.push(fake.message_update(person, "/themen"))
        while len(fake.sent_to(PROBE_ID)) == before:
            if time.perf_counter() - started > 10:
                break
            await asyncio.sleep(0.001)
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(1.05)
    return latencies


async def bench_rate(members: int) -> dict[str, Any]:
    """(a): the real 30/s, with a member using the bot meanwhile."""
    fake = LimitedTelegram(rate=30.0)
    await fake.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app, services = await _start(fake, Path(tmp) / "a.sqlite3", 30.0)
            try:
                await _members(services, members)
                probe = await services.store.members.create(
                    name="Probe", company="P", region="Hagen", competencies=[], language="de"
                )
                await services.store.members.add_identity(
                    probe.id, "telegram", str(PROBE_ID), str(PROBE_ID)
                )
                await services.store.members.set_announcements(probe.id, False)
                adapter = services.adapters["telegram"]
                assert isinstance(adapter, TelegramAdapter)
                stop = asyncio.Event()
                probing = asyncio.create_task(_probe(fake, adapter, stop))
                broadcast_id, queued, enqueue_s = await _broadcast(services)
                delivery_s = await _until_delivered(services, broadcast_id, members / 5 + 60)
                stop.set()
                latencies = await probing
            finally:
                await app.stop()
    finally:
        await fake.stop()
    rate = queued / delivery_s
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "members": members,
        "queued": queued,
        "enqueue_s": round(enqueue_s, 3),
        "delivery_s": round(delivery_s, 2),
        "rate_per_s": round(rate, 1),
        "share_of_30_per_s": round(rate / 30.0, 3),
        "responses_429": fake.too_many,
        **_integrity(fake, set(range(10_000, 10_000 + members))),
        "topics_probes": len(latencies),
        "topics_p50_ms": round(statistics.median(latencies) * 1000, 1),
        "topics_p99_ms": round(quantiles[98] * 1000, 1),
    }


async def _bare_sender(fake: FakeTelegram, chats: list[int], html: str) -> tuple[float, int]:
    """python-telegram-bot alone, CONCURRENCY sends at a time, waiting out a 429."""
    base_url, base_file_url = api_urls(fake.url)
    request = HTTPXRequest(connection_pool_size=256)
    bot = Bot(fake.token, base_url=base_url, base_file_url=base_file_url, request=request)
    slots = asyncio.Semaphore(CONCURRENCY)
    waits = 0

    async def send(chat: int) -> None:
        nonlocal waits
        async with slots:
            while True:
                try:
                    await bot.send_message(chat, html, parse_mode="HTML")
                    return
                except RetryAfter:
                    waits += 1
                    await asyncio.sleep(1.0)

    async with bot:
        started = time.perf_counter()
        await asyncio.gather(*(send(chat) for chat in chats))
        return len(chats) / (time.perf_counter() - started), waits


async def bench_cost(members: int, rounds: int) -> dict[str, Any]:
    """(b): the limit raised to 1,000/s: enqueue time, and the worker against bare PTB in
    alternating rounds (the same text, the same concurrency), medians reported."""
    fake = LimitedTelegram(rate=1000.0)
    await fake.start()
    worker_rates, bare_rates, ratios, worker_cpu, bare_cpu = [], [], [], [], []
    enqueue, passes, duplicates, missing, worker_429, bare_429, bare_waits = [], 0, 0, 0, 0, 0, 0
    expected = set(range(10_000, 10_000 + members))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app, services = await _start(fake, Path(tmp) / "b.sqlite3", 1000.0)
            try:
                await _members(services, members)
                for round_ in range(rounds):
                    mark = f"{MARK}-{round_}"
                    before, cpu = fake.too_many, time.process_time()
                    broadcast_id, queued, enqueue_s = await _broadcast(services, mark)
                    delivery_s = await _until_delivered(services, broadcast_id, members / 20 + 120)
                    worker_cpu.append((time.process_time() - cpu) / queued)
                    worker_rates.append(queued / delivery_s)
                    enqueue.append(enqueue_s)
                    worker_429 += fake.too_many - before
                    found = _integrity(fake, expected, mark)
                    duplicates += found["duplicates"]
                    missing += found["missing"]
                    html = next(m.html for m in reversed(fake.sent) if mark in m.text)
                    _forget(fake)  # the fake keeps every message: not the bot's memory
                    await asyncio.sleep(1.0)  # the fake's per-chat second, between rounds
                    before, cpu = fake.too_many, time.process_time()
                    chats = list(range(200_000, 200_000 + members))
                    bare_rate, waits = await _bare_sender(fake, chats, html.replace(mark, "bare"))
                    bare_cpu.append((time.process_time() - cpu) / members)
                    bare_rates.append(bare_rate)
                    bare_429 += fake.too_many - before
                    bare_waits += waits
                    ratios.append(worker_rates[-1] / bare_rate)
                    _forget(fake)
                    await asyncio.sleep(1.0)
                passes = services.worker.passes
            finally:
                await app.stop()
    finally:
        await fake.stop()
    median = statistics.median
    return {
        "members": members,
        "rounds": rounds,
        "enqueue_s": round(median(enqueue), 3),
        "worker_rate_per_s": round(median(worker_rates), 1),
        "bare_ptb_rate_per_s": round(median(bare_rates), 1),
        "worker_to_bare": round(median(ratios), 3),
        "worker_to_bare_each": [round(r, 3) for r in ratios],
        "worker_cpu_ms_per_message": round(median(worker_cpu) * 1000, 2),
        "bare_cpu_ms_per_message": round(median(bare_cpu) * 1000, 2),
        "concurrency": CONCURRENCY,
        "responses_429_worker": worker_429,
        "responses_429_bare": bare_429,
        "bare_waits": bare_waits,
        "duplicates": duplicates,
        "missing": missing,
        "peak_rss_mib": peak_rss_mib(),
        "worker_transactions": passes,
        "rows_per_transaction": round(rounds * members / max(passes, 1), 1),
    }


async def main(members: int, big: int, rounds: int) -> dict[str, Any]:
    logging.basicConfig(level=logging.ERROR)
    return {
        "a_real_limit": await bench_rate(members),
        "b_worker_cost": await bench_cost(big, rounds),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    result = asyncio.run(main(options.members, options.big, options.rounds))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "broadcast.json").write_text(json.dumps(result, indent=2) + "\n")
    for part, numbers in result.items():
        print(f"== {part}")
        for key, value in numbers.items():
            print(f"{key:26} {value}")
