"""Date-poll benchmark: prints numbers and writes bench/results/polls.json.

A working group of ``--members`` members (default 2,000; half on Telegram, half on
Slack). The organiser's poll goes out through :class:`PollService` (``queued_ms``: every
ballot stored in the outbox; the goal is under 1 s). Then every member answers the first
date through ``Core.handle`` as an adapter would hand it over, while the app's poll job
runs as in production: it must queue the organiser's tally at most once every
``TALLY_EVERY`` seconds (``tally_edits`` against ``tally_edits_allowed``), and every vote
must be counted once (``answers_stored`` equals the members).

Run: ``.venv/bin/python -m bench.polls_bench [--members 2000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

from bot.app import App, Services
from bot.models import Identity, Incoming, Platform
from bot.settings import Settings
from handlers.polls.buttons import Vote
from handlers.polls.service import TALLY_EVERY, PollService
from storage.db import utcnow
from storage.members import Member
from storage.polls import NewPoll
from tests.helpers import FakeAdapter

RESULTS = Path(__file__).parent / "results"
QUEUE_GOAL_MS = 1000


async def _setup(services: Services, members: int) -> tuple[Member, int, list[tuple[str, str]]]:
    """The organiser, the group and who votes from where (platform, user id)."""
    store = services.store
    organiser = await store.members.create(
        name="Olga Organisatorin",
        company="Netzwerk",
        region="Hagen",
        competencies=[],
        language="de",
    )
    await store.members.add_identity(organiser.id, "telegram", "999", "999")
    group = await store.groups.create("AG Bench")
    voters: list[tuple[str, str]] = []
    async with store.transaction():
        for i in range(members):
            member = await store.members.create(
                name=f"Mitglied {i}", company="Bench GmbH", region="Hagen", competencies=[],
                language="de" if i % 3 else "en",
            )  # fmt: skip
            platform, user_id = ("telegram", str(1000 + i)) if i % 2 else ("slack", f"U{i}")
            chat = user_id if platform == "telegram" else f"D{i}"
            await store.members.add_identity(member.id, platform, user_id, chat)
            await store.groups.join(group.id, member.id)
            voters.append((platform, user_id))
    return organiser, group.id, voters


async def main(members: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        telegram = FakeAdapter(platform=Platform.TELEGRAM)
        slack = FakeAdapter(platform=Platform.SLACK)
        app = App(
            settings, serve_http=False, adapter_factories=[lambda s: telegram, lambda s: slack]
        )
        services = await app.start()
        try:
            organiser, group_id, voters = await _setup(services, members)
            store = services.store
            svc = PollService(store, services.notifier, settings, "bench")
            soon = utcnow().replace(microsecond=0) + timedelta(days=3)
            new = NewPoll(
                title="Treffen AG Bench", organiser_id=organiser.id, audience_kind="group",
                audience_ref=group_id, deadline=soon, visibility="all", remind_at=None,
                options=[(soon + timedelta(days=n + 1), None) for n in range(5)],
            )  # fmt: skip
            audience = await store.groups.member_ids(group_id)
            started = time.perf_counter()
            poll = await svc.start(new, audience, organiser)
            queued = time.perf_counter() - started
            rows = sum((await store.outbox.batch_report(f"poll:{poll.id}")).values())
            await store.polls.set_tally_target(poll.id, "telegram", "999", '{"edit": 1}')
            edit_times: list[float] = []  # when the job queued a tally edit
            add_edit = store.outbox.add_edit

            async def counted(*args: object) -> int:
                edit_times.append(time.perf_counter())
                return await add_edit(*args)  # type: ignore[arg-type]

            store.outbox.add_edit = counted  # type: ignore[method-assign]
            began = time.perf_counter()
            for platform, user_id in voters:
                who = Identity(platform=Platform(platform), user_id=user_id)
                press = Vote(poll.id, 0, "y")
                await services.core.handle(
                    Incoming(platform=Platform(platform), chat_id=user_id, sender=who,
                             action=press.action, action_arg=press.encode())
                )  # fmt: skip
            voting = time.perf_counter() - began
            await asyncio.sleep(TALLY_EVERY.total_seconds() + 2.5)  # the last flush
            edits = len(edit_times)
            gaps = [b - a for a, b in pairwise(edit_times)]
            answers = await store.polls.answers(poll.id)
        finally:
            await app.stop()
    allowed = int(voting // TALLY_EVERY.total_seconds()) + 2  # the first flush, and the last
    result: dict[str, object] = {
        "members": members,
        "ballots_queued": rows,
        "queued_ms": round(queued * 1000, 1),
        "voting_seconds": round(voting, 1),
        "tally_edits": edits,
        "tally_edits_allowed": allowed,
        "shortest_gap_s": round(min(gaps), 1) if gaps else None,
        "answers_stored": sum(len(given) for given in answers.values()),
        "queue_goal_ms": QUEUE_GOAL_MS,
    }
    result["goals_met"] = (
        queued * 1000 < QUEUE_GOAL_MS
        and edits <= allowed
        and all(gap >= TALLY_EVERY.total_seconds() - 0.1 for gap in gaps)
        and result["answers_stored"] == members
    )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=2000)
    ns = parser.parse_args()
    outcome = asyncio.run(main(ns.members))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "polls.json").write_text(json.dumps(outcome, indent=2) + "\n")
    for key, value in outcome.items():
        print(f"{key:34} {value}")
