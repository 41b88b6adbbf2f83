"""The scheduler keeps a failing job on its schedule: it is logged and runs again."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.scheduler import create_scheduler


async def test_a_failing_job_is_logged_and_runs_again(caplog: pytest.LogCaptureFixture) -> None:
    runs: list[int] = []

    async def flaky() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            raise RuntimeError("database is locked")

    scheduler = create_scheduler()
    scheduler.start()
    try:
        with caplog.at_level(logging.ERROR, logger="bot.scheduler"):
            scheduler.add_job(flaky, "interval", seconds=0.1, id="flaky")
            for _ in range(50):
                if len(runs) >= 2:
                    break
                await asyncio.sleep(0.05)
    finally:
        await scheduler.stop()
    assert len(runs) >= 2  # it ran again after the failure
    failed = [r for r in caplog.records if r.name == "bot.scheduler" and "flaky" in r.getMessage()]
    assert failed and failed[0].exc_info is not None  # with the traceback, once
