"""Restart chaos benchmark: the bot is killed with SIGKILL at ``--kills`` random moments
(default 20) on every way in (Telegram polling and webhook, Slack HTTP and Socket Mode),
while ``--members`` members (default 40) send commands and press buttons, a broadcast goes
out through the CLI and an event's reminder falls due. See tests/chaos_support.py.

Per way in: updates sent, answers that came twice (and the most in one round, against the
16 handled at once), notifications that came twice (against the delivery worker's 16),
broadcasts and reminders lost, whether ``PRAGMA integrity_check`` was ok after every kill,
and the restart time (kill to listening) at its median and worst.

Run: ``.venv/bin/python -m bench chaos [--kills 20] [--members 40] [--ways slack-http]``;
writes ``bench/results/chaos.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from tests.chaos_support import IN_FLIGHT, Chaos
from tests.chaos_ways import WAYS

RESULTS = Path(__file__).parent / "results"


async def one_way(way: str, options: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        chaos = Chaos(way, Path(tmp), options.members, options.kills, options.seed)
        try:
            outcome = await chaos.run()
        except AssertionError as problem:  # a broken promise is a figure, not a crash
            log = (Path(tmp) / "bot.log").read_text(errors="replace")[-2000:]
            return {"way": way, "failed": str(problem)[:500], "log_tail": log}
    summary = outcome.summary()
    restarts = [r.restart_s for r in outcome.rounds if r.kill_at_s >= 0]
    summary["restart_p50_s"] = round(statistics.median(restarts), 2)
    summary["restart_max_s"] = round(max(restarts), 2)
    summary["notified_twice_most_in_a_round"] = max(r.notified_twice for r in outcome.rounds)
    try:
        outcome.check()
        summary["promises_kept"] = 1
    except AssertionError as problem:
        summary["promises_kept"] = 0
        summary["broken"] = str(problem)[:500]
    return summary


async def main(options: argparse.Namespace) -> dict[str, Any]:
    ways = {}
    for way in options.ways.split(","):
        ways[way] = await one_way(way, options)
        print(f"{way:18} {json.dumps(ways[way])}", flush=True)
    kept = [w.get("promises_kept", 0) for w in ways.values()]
    return {
        "kills_per_way": options.kills,
        "members": options.members,
        "in_flight_bound": IN_FLIGHT,
        "ways": ways,
        "lost": sum(w.get("broadcast_lost", 0) + w.get("reminders_lost", 0) for w in ways.values()),
        "answered_twice": sum(w.get("answered_twice", 0) for w in ways.values()),
        "answered_twice_most_in_a_round": max(
            (w.get("answered_twice_most_in_a_round", 0) for w in ways.values()), default=0
        ),
        "notified_twice": sum(w.get("notified_twice", 0) for w in ways.values()),
        "integrity_ok": int(all(w.get("integrity_ok", 0) for w in ways.values())),
        "promises_kept": int(all(kept) and len(kept) == len(ways)),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument("--ways", default=",".join(WAYS), help=f"some of {', '.join(WAYS)}")
    result = asyncio.run(main(parser.parse_args()))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "chaos.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        if key != "ways":
            print(f"{key:32} {value}")
