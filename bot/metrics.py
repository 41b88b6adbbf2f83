"""Prometheus metrics: what the bot did (counters, histograms) and what the store holds now.

Each :class:`Metrics` has its own registry, so that several apps in one process (the tests)
do not share counters. The core, the delivery worker, the adapters, the scheduler and the
reminder scan call the small ``record_*``/``observe`` hooks here; the outbox, the inbox and
the member count are read from the store when ``/metrics`` is scraped
(:meth:`Metrics.refresh` before :meth:`Metrics.exposition`), so they are never stale.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from prometheus_client import (
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import choose_encoder

from storage import Store
from storage.db import utcnow

OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "unreachable")
# What happened to one message sent on a platform.
RESULTS = ("sent", "retried", "unreachable", "failed")
# Handlers answer in milliseconds; a slow import or a big fan-out takes seconds.
HANDLER_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
LAG_BUCKETS = (0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0)


@dataclass
class StoreSnapshot:
    """What the store holds at scrape time."""

    outbox: dict[str, int] = field(default_factory=dict)
    oldest_pending_age: float = 0.0
    batches: dict[tuple[str, str], int] = field(default_factory=dict)
    inbox_depth: int = 0
    members: int = 0


class _StoreCollector:
    """Yields the last snapshot taken by :meth:`Metrics.refresh` as gauges."""

    def __init__(self) -> None:
        self.snapshot = StoreSnapshot()

    def collect(self) -> Iterator[Metric]:
        snap = self.snapshot
        outbox = GaugeMetricFamily(
            "knotenpunkt_outbox_messages", "Outbox rows by status.", labels=["status"]
        )
        for status in sorted(set(OUTBOX_STATUSES) | set(snap.outbox)):
            outbox.add_metric([status], snap.outbox.get(status, 0))
        yield outbox
        yield GaugeMetricFamily(
            "knotenpunkt_outbox_oldest_pending_age_seconds",
            "How long the oldest pending outbox row has been due (0 when none is waiting).",
            value=snap.oldest_pending_age,
        )
        batches = GaugeMetricFamily(
            "knotenpunkt_broadcast_messages",
            "Rows of each fan-out (announcement, broadcast) that is still being delivered.",
            labels=["batch", "status"],
        )
        for (batch, status), count in sorted(snap.batches.items()):
            batches.add_metric([batch, status], count)
        yield batches
        yield GaugeMetricFamily(
            "knotenpunkt_inbox_pending",
            "Updates received and stored but not yet handled.",
            value=snap.inbox_depth,
        )
        yield GaugeMetricFamily("knotenpunkt_members", "Registered members.", value=snap.members)


class Metrics:
    """The bot's metrics in one registry, with hooks for the parts that do the work."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        reg = self.registry
        ProcessCollector(registry=reg)
        PlatformCollector(registry=reg)
        GCCollector(registry=reg)
        self.updates = Counter(
            "knotenpunkt_updates_total",
            "Updates handled, by platform, kind (command, button, text) and chat kind.",
            ["platform", "kind", "chat_kind"],
            registry=reg,
        )
        self.handler_errors = Counter(
            "knotenpunkt_handler_errors_total",
            "Updates whose handler failed (the sender got an apology).",
            ["command"],
            registry=reg,
        )
        self.handler_seconds = Histogram(
            "knotenpunkt_handler_duration_seconds",
            "Time to handle one update, by command (or button action or conversation).",
            ["command"],
            buckets=HANDLER_BUCKETS,
            registry=reg,
        )
        self.replies = Counter(
            "knotenpunkt_replies_total",
            "Answers sent straight to the sender, by platform and result.",
            ["platform", "result"],
            registry=reg,
        )
        self.notifications = Counter(
            "knotenpunkt_notifications_total",
            "Outbox rows the delivery worker tried to send, by platform and result.",
            ["platform", "result"],
            registry=reg,
        )
        self.rate_limited = Counter(
            "knotenpunkt_rate_limited_total",
            "HTTP 429 (slow down) answers received from a platform.",
            ["platform"],
            registry=reg,
        )
        self.reminders = Counter(
            "knotenpunkt_reminders_sent_total",
            "Event reminders handed to the outbox (one per member and date).",
            registry=reg,
        )
        self.scheduler_lag = Histogram(
            "knotenpunkt_scheduler_lag_seconds",
            "How late a scheduled job started compared with its planned time.",
            ["job"],
            buckets=LAG_BUCKETS,
            registry=reg,
        )
        self.scheduler_missed = Counter(
            "knotenpunkt_scheduler_missed_total",
            "Scheduled runs skipped because they were too late.",
            ["job"],
            registry=reg,
        )
        self._store = _StoreCollector()
        reg.register(self._store)  # type: ignore[arg-type]
        for platform in ("telegram", "slack", "console"):
            for result in RESULTS:  # zero series from the start: rates work from the first scrape
                self.notifications.labels(platform, result)
            self.rate_limited.labels(platform)

    # hooks ----------------------------------------------------------------------------

    def record_update(self, platform: str, kind: str, chat_kind: str) -> None:
        self.updates.labels(platform, kind, chat_kind).inc()

    def observe_handler(self, command: str, seconds: float, failed: bool = False) -> None:
        self.handler_seconds.labels(command).observe(seconds)
        if failed:
            self.handler_errors.labels(command).inc()

    def record_reply(self, platform: str, result: str) -> None:
        self.replies.labels(platform, result).inc()

    def record_notification(self, platform: str, result: str) -> None:
        self.notifications.labels(platform, result).inc()

    def record_rate_limited(self, platform: str) -> None:
        self.rate_limited.labels(platform).inc()

    def record_reminders(self, count: int) -> None:
        if count:
            self.reminders.inc(count)

    def observe_scheduler_lag(self, job: str, seconds: float) -> None:
        self.scheduler_lag.labels(job).observe(max(0.0, seconds))

    def record_scheduler_missed(self, job: str) -> None:
        self.scheduler_missed.labels(job).inc()

    # scrape ---------------------------------------------------------------------------

    async def refresh(self, store: Store) -> None:
        """Read the store's gauges now (called right before a scrape)."""
        now = utcnow()
        oldest = await store.outbox.oldest_due_pending(now)
        self._store.snapshot = StoreSnapshot(
            outbox=await store.outbox.counts(),
            oldest_pending_age=(now - oldest).total_seconds() if oldest else 0.0,
            batches=await store.outbox.unfinished_batches(),
            inbox_depth=await store.maintenance.inbox_depth(),
            members=await store.members.count(),
        )

    def exposition(self, accept: str | None = None) -> tuple[bytes, str]:
        """The text format (or OpenMetrics when asked for), and its content type."""
        encoder, content_type = choose_encoder(accept or "")
        return encoder(self.registry), content_type


class Stopwatch:
    """Seconds since it was made: a small helper for the hooks above."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started
