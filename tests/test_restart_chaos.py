"""Restart chaos: SIGKILL at random moments (a fixed seed, so a failure repeats) while
members send commands and press buttons, a broadcast goes out and a reminder falls due.

Every update is answered; an answer in flight at a kill comes at most twice and no more
of them than updates are handled at once; the broadcast and the reminder reach everyone,
no more than the delivery worker's concurrency twice; the store is intact after every
kill. The benchmark (``python -m bench chaos``) does the same with more kills, on every
way in. See tests/chaos_support.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chaos_support import Chaos

KILLS = 5
MEMBERS = 24


@pytest.mark.parametrize("way", ["telegram-polling", "slack-http"])
async def test_random_sigkills_lose_nothing_and_repeat_little(way: str, tmp_path: Path) -> None:
    outcome = await Chaos(way, tmp_path, MEMBERS, KILLS, seed=24).run()
    outcome.check()
    assert len(outcome.rounds) == KILLS + 2 and outcome.updates == MEMBERS * (KILLS + 2)
