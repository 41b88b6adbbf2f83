"""Working-group fan-out benchmark: prints numbers and writes bench/results/groups.json.

A group of ``--members`` members (default 2,000; half on Telegram, half on Slack, every
tenth on both) bound to a Telegram group and a Slack channel. A member posts updates the
two ways members do, through ``Core.handle`` as an adapter would call it, while the
delivery worker runs (with Telegram's and Slack's rate limits, fake adapters):

- private: the press on "Senden" at the end of the ``/neuigkeit`` conversation;
- bound chat: ``/neuigkeit TEXT`` sent in the bound Telegram group.

For each post it measures the time until the answer to the author is back
(``reply_ms``; the goal is under 300 ms) and until every outbox row of the update is
stored (``enqueued_ms``; the goal is under 1 s). The rows are written in the handler's
transaction, so both moments coincide: the author hears back only when all rows are
safe. Rows per post = members on "all" minus the author, plus the bound chats.

Run: ``.venv/bin/python -m bench.groups_bench [--members 2000] [--posts 5]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from bot.app import App, Services
from bot.models import ChatKind, Identity, Incoming, Platform
from bot.settings import Settings
from handlers.groups.service import GroupService, post_batch
from storage.groups import Group
from tests.helpers import FakeAdapter

RESULTS = Path(__file__).parent / "results"
REPLY_GOAL_MS = 300
ENQUEUE_GOAL_MS = 1000
Timing = tuple[float, float]


async def _setup(services: Services, members: int) -> Group:
    """The group, its members and two bound chats; the first member (Telegram) posts."""
    store = services.store
    group = await GroupService(store, services.notifier, services.settings, "bench").create(
        "AG Bench"
    )
    async with store.transaction():
        for i in range(members):
            member = await store.members.create(
                name=f"Mitglied {i}", company="Bench GmbH", region="Hagen", competencies=[],
                language="de" if i % 3 else "en",
            )  # fmt: skip
            if i % 2 == 0 or i % 10 == 1:
                await store.members.add_identity(
                    member.id, "telegram", str(1000 + i), str(1000 + i)
                )
            if i % 2 == 1:
                await store.members.add_identity(member.id, "slack", f"U{i}", f"D{i}")
            await store.groups.join(group.id, member.id)
        await store.bindings.bind("telegram", "-100", "group", group.id, "AG Bench")
        await store.bindings.bind("slack", "C100", "group", group.id, "ag-bench")
    return group


def _incoming(**fields: object) -> Incoming:
    return Incoming(
        platform=Platform.TELEGRAM,
        sender=Identity(platform=Platform.TELEGRAM, user_id="1000"),
        **fields,  # type: ignore[arg-type]
    )


async def _timed_post(
    services: Services, group: Group, incoming: Incoming, expected: int
) -> Timing:
    """Hand one update to the core: seconds until the author's answer, and until a count
    of the outbox confirms every row of the update is stored."""
    started = time.perf_counter()
    replies = await services.core.handle(incoming)
    reply = time.perf_counter() - started
    assert any(b.action == "grp.wd" for b in replies[0].button_list()), replies  # posted
    [post] = await services.store.groups.recent_posts(group.id, 1)
    rows = sum((await services.store.outbox.batch_report(post_batch(post.id))).values())
    enqueued = time.perf_counter() - started
    assert rows == expected, (rows, expected)
    return reply, enqueued


async def _private_post(services: Services, group: Group, n: int, expected: int) -> Timing:
    core = services.core
    await core.handle(_incoming(chat_id="1000", text=f"/neuigkeit Neuigkeit Nummer {n}"))
    await core.handle(_incoming(chat_id="1000", action="grp.pick", action_arg=str(group.id)))
    press = _incoming(chat_id="1000", action="grp.post", action_arg="yes")
    return await _timed_post(services, group, press, expected + 2)  # + both bound chats


async def _chat_post(services: Services, group: Group, n: int, expected: int) -> Timing:
    text = _incoming(chat_id="-100", chat_kind=ChatKind.GROUP, text=f"/neuigkeit Aus dem Chat {n}")
    return await _timed_post(services, group, text, expected + 1)  # not the chat it came from


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


async def main(members: int, posts: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, db_path=Path(tmp) / "bench.sqlite3")  # type: ignore[call-arg]
        telegram = FakeAdapter(platform=Platform.TELEGRAM)
        slack = FakeAdapter(platform=Platform.SLACK)
        app = App(
            settings, serve_http=False, adapter_factories=[lambda s: telegram, lambda s: slack]
        )
        services = await app.start()
        try:
            group = await _setup(services, members)
            replies: dict[str, list[float]] = {"private": [], "bound_chat": []}
            enqueued: dict[str, list[float]] = {"private": [], "bound_chat": []}
            for n in range(posts):
                for kind, post in (("private", _private_post), ("bound_chat", _chat_post)):
                    reply, stored = await post(services, group, n, members - 1)
                    replies[kind].append(reply)
                    enqueued[kind].append(stored)
            delivered = len(telegram.sent) + len(slack.sent)
        finally:
            await app.stop()
    result: dict[str, object] = {
        "members": members,
        "posts_each_way": posts,
        "private_rows_per_post": members - 1 + 2,
        "bound_chat_rows_per_post": members - 1 + 1,
    }
    for kind in replies:
        result[f"{kind}_reply_median_ms"] = _ms(statistics.median(replies[kind]))
        result[f"{kind}_reply_max_ms"] = _ms(max(replies[kind]))
        result[f"{kind}_enqueued_max_ms"] = _ms(max(enqueued[kind]))
    worst_reply = max(max(v) for v in replies.values())
    worst_enqueue = max(max(v) for v in enqueued.values())
    result["delivered_meanwhile"] = delivered
    result["reply_goal_ms"] = REPLY_GOAL_MS
    result["enqueue_goal_ms"] = ENQUEUE_GOAL_MS
    result["goals_met"] = _ms(worst_reply) < REPLY_GOAL_MS and _ms(worst_enqueue) < ENQUEUE_GOAL_MS
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=5)
    ns = parser.parse_args()
    outcome = asyncio.run(main(ns.members, ns.posts))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "groups.json").write_text(json.dumps(outcome, indent=2) + "\n")
    for key, value in outcome.items():
        print(f"{key:34} {value}")
