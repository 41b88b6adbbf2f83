"""``/metrics`` over real HTTP, parsed with prometheus-client's own parser, after a scenario
with the real Telegram adapter against the fake Bot API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import Metrics
from bot.models import Outgoing
from bot.settings import Settings
from handlers.events.reminders import ReminderScanner
from storage.db import utcnow
from storage.outbox import OutboxEntry
from tests.events_support import add_event
from tests.fake_telegram import user
from tests.fake_telegram_harness import Bot, running_bot, wait_for

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def scrape(bot: Bot) -> tuple[Samples, set[str], str]:
    assert bot.services.http is not None
    async with (
        aiohttp.ClientSession() as session,
        session.get(bot.services.http.base_url + "/metrics") as response,
    ):
        assert response.status == 200
        content_type = response.headers["Content-Type"]
        text = await response.text()
    samples: Samples = {}
    families = set()
    for family in text_string_to_metric_families(text):
        families.add(family.name)
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples, families, content_type


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def _news(lang: str) -> Outgoing:
    return Outgoing(text="Neuigkeiten aus dem Netzwerk")


async def test_metrics_after_a_scenario(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings) as bot:
        store, services = bot.services.store, bot.services
        anna = await bot.member(101, "Anna")
        ben = await bot.member(102, "Ben")
        cleo = await bot.member(103, "Cleo")
        empty, families, content_type = await scrape(bot)
        assert content_type.startswith("text/plain")
        assert value(empty, "knotenpunkt_outbox_messages", status="pending") == 0  # not missing
        # an update stored (acknowledged) but not yet handled counts until it is done
        await store.updates.add("telegram", "999001", "chat:1", "{}")
        stored, _names, _type = await scrape(bot)
        assert value(stored, "knotenpunkt_inbox_pending") == 1
        await store.updates.mark_done("telegram", "999001")

        await bot.say(user(101), "/hilfe")
        await bot.say(user(101), "/hilfe")
        await bot.say(user(109, "Zoe"), "hallo")  # not registered

        # a reminder a day before an event Anna said yes to
        event = await add_event(services, start=utcnow().replace(microsecond=0) + timedelta(days=5))
        await store.rsvps.record(event.id, event.start, anna, "yes", False)
        scanner = ReminderScanner(
            store,
            services.notifier,
            services.settings,
            clock=lambda: event.start - timedelta(hours=23),
            metrics=services.metrics,
        )
        assert await scanner.scan() == 1
        await services.worker.drain()

        # a fan-out: Ben's chat answers 429 once, Cleo blocked the bot
        bot.fake.fail("sendMessage", "retry_after", chat_id=102, retry_after=1)
        bot.fake.fail("sendMessage", "blocked", chat_id=103)
        await services.notifier.to_members([anna, ben, cleo], _news, batch="news:1")
        await bot.outbox_report("news:1", {"sent": 2, "unreachable": 1}, within=10)

        # a broadcast that cannot go out (no Slack here): it waits, and ages
        await store.outbox.add(
            OutboxEntry(
                platform="slack",
                chat_id="DU1",
                payload=_news("de").model_dump_json(),
                batch="broadcast:7",
                not_before=utcnow() - timedelta(minutes=5),
            )
            for _ in range(2)
        )
        await wait_for(lambda: len(services.scheduler.get_jobs()) > 0)

        samples, families, _ = await scrape(bot)

    assert {
        "knotenpunkt_updates",
        "knotenpunkt_handler_duration_seconds",
        "knotenpunkt_replies",
        "knotenpunkt_notifications",
        "knotenpunkt_rate_limited",
        "knotenpunkt_outbox_messages",
        "knotenpunkt_outbox_oldest_pending_age_seconds",
        "knotenpunkt_reminders_sent",
        "knotenpunkt_scheduler_lag_seconds",
        "knotenpunkt_broadcast_messages",
        "knotenpunkt_inbox_pending",
        "process_resident_memory_bytes",
        "python_info",
    } <= families
    updates = "knotenpunkt_updates_total"
    assert value(samples, updates, platform="telegram", kind="command", chat_kind="private") == 2
    assert value(samples, updates, platform="telegram", kind="text", chat_kind="private") == 1
    help_count = "knotenpunkt_handler_duration_seconds_count"
    assert value(samples, help_count, command="/help") == 2
    assert value(samples, "knotenpunkt_handler_duration_seconds_sum", command="/help") > 0
    assert value(samples, "knotenpunkt_replies_total", platform="telegram", result="sent") == 3
    sent = "knotenpunkt_notifications_total"
    assert value(samples, sent, platform="telegram", result="sent") == 3  # reminder + 2 news
    assert value(samples, sent, platform="telegram", result="retried") == 1
    assert value(samples, sent, platform="telegram", result="unreachable") == 1
    assert value(samples, sent, platform="telegram", result="failed") == 0
    assert value(samples, "knotenpunkt_rate_limited_total", platform="telegram") == 1
    assert value(samples, "knotenpunkt_reminders_sent_total") == 1
    outbox = "knotenpunkt_outbox_messages"
    assert value(samples, outbox, status="pending") == 2
    assert value(samples, outbox, status="sent") >= 3
    assert value(samples, outbox, status="unreachable") == 1
    age = value(samples, "knotenpunkt_outbox_oldest_pending_age_seconds")
    assert 290 < age < 400
    progress = "knotenpunkt_broadcast_messages"
    assert value(samples, progress, batch="broadcast:7", status="pending") == 2
    assert value(samples, progress, batch="news:1", status="sent") == 0  # finished: not shown
    assert value(samples, "knotenpunkt_inbox_pending") == 0
    assert value(samples, "knotenpunkt_scheduler_lag_seconds_count", job="event-reminders") >= 1
    assert value(samples, "process_resident_memory_bytes") > 0


def test_each_metrics_has_its_own_registry() -> None:
    """Two apps in one process (the tests) count separately."""
    first, second = Metrics(), Metrics()
    first.record_update("telegram", "command", "private")
    assert (
        first.registry.get_sample_value(
            "knotenpunkt_updates_total",
            {"platform": "telegram", "kind": "command", "chat_kind": "private"},
        )
        == 1
    )
    assert (
        second.registry.get_sample_value(
            "knotenpunkt_updates_total",
            {"platform": "telegram", "kind": "command", "chat_kind": "private"},
        )
        is None
    )
