"""Which numbers of each benchmark are reported, and the target each is held against.

Each benchmark module writes its own JSON file into ``bench/results/``; ``python -m bench``
reads it back, picks the figures listed here (a dotted path into the JSON), and prints each
beside its target. A figure without a target is shown for context (an anchor, a size).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
}


@dataclass(frozen=True)
class Figure:
    path: str  # dotted path into the benchmark's JSON
    label: str
    target: str | None = None  # e.g. "< 20", ">= 0.95", "== 0"

    def value(self, result: dict[str, Any]) -> Any:
        node: Any = result
        for part in self.path.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def met(self, value: Any) -> bool | None:
        """True or False against the target; None when there is none (or no value)."""
        if self.target is None or value is None:
            return None
        op, _, bound = self.target.partition(" ")
        return _OPS[op](value, float(bound))


@dataclass(frozen=True)
class Bench:
    name: str
    module: str  # run as ``python -m MODULE``
    result_file: str  # what it writes into bench/results/
    summary: str
    figures: tuple[Figure, ...]


F = Figure

BENCHES: tuple[Bench, ...] = (
    Bench(
        "answers",
        "bench.answers_bench",
        "answers.json",
        "mixed load (/termine, /themen, buttons) vs a bare PTB echo bot, same run, each in its"
        " own process over HTTP",
        (
            F("saturation.updates_per_s", "answers/s, as fast as it takes"),
            F("saturation.bare_updates_per_s", "bare PTB echo, same run (anchor)"),
            F("saturation.ratio", "ratio to bare PTB", ">= 0.7"),
            F("saturation.cpu_ms_per_update", "CPU ms per update (the bot's process)"),
            F("offered.p99_ms", "first reply p99 at 100 updates/s (ms)", "< 50"),
            F("offered.bare_p99_ms", "bare PTB p99 at 100 updates/s (ms, anchor)"),
            F(
                "offered_during_broadcast.p99_ms",
                "first reply p99 at 100 updates/s during a broadcast at 30/s (ms)",
                "< 50",
            ),
            F(
                "offered_during_broadcast.bare_p99_ms",
                "bare PTB p99 meanwhile, sending at 30/s itself (ms, anchor)",
            ),
            F("termine.api_calls", "Bot API calls per /termine", "<= 1"),
        ),
    ),
    Bench(
        "broadcast",
        "bench.broadcast_bench",
        "broadcast.json",
        "one announcement to 1,000 at 30/s and to 10,000 at 1,000/s (fake Telegram, limits on)",
        (
            F("a_real_limit.share_of_30_per_s", "1,000 at 30/s: share of 30/s", ">= 0.95"),
            F("a_real_limit.responses_429", "1,000 at 30/s: 429 answers", "== 0"),
            F("a_real_limit.duplicates", "1,000 at 30/s: duplicates", "== 0"),
            F("a_real_limit.missing", "1,000 at 30/s: missing", "== 0"),
            F("a_real_limit.topics_p99_ms", "/themen p99 meanwhile (ms)", "< 100"),
            F("b_worker_cost.enqueue_s", "10,000: enqueue (s)", "< 1"),
            F("b_worker_cost.worker_rate_per_s", "10,000 at 1,000/s: worker msgs/s"),
            F("b_worker_cost.bare_ptb_rate_per_s", "bare PTB sender, same concurrency (anchor)"),
            F("b_worker_cost.worker_to_bare", "10,000: worker / bare PTB", ">= 0.9"),
            F("b_worker_cost.responses_429_worker", "10,000: 429 answers", "== 0"),
            F("b_worker_cost.duplicates", "10,000: duplicates", "== 0"),
            F("b_worker_cost.missing", "10,000: missing", "== 0"),
            F("b_worker_cost.peak_rss_mib", "10,000: peak RSS (MiB)", "< 250"),
        ),
    ),
    Bench(
        "parts",
        "bench.parts_bench",
        "parts.json",
        "a two-part broadcast (4,000 characters with title and footer) to 1,000 members at"
        " Telegram's limits (fake Telegram: 30/s, 1/s per chat)",
        (
            F("parts_per_s", "1,000 × 2 parts: parts/s"),
            F("share_of_30_per_s", "1,000 × 2 parts: share of 30/s"),
            F("recipients_got_a_part_twice", "1,000 × 2 parts: got a part twice", "== 0"),
            F("parts_missing", "1,000 × 2 parts: parts missing", "== 0"),
            F("responses_429", "1,000 × 2 parts: 429 answers", "== 0"),
            F("total_s", "1,000 × 2 parts: total time (s)"),
        ),
    ),
    Bench(
        "scale",
        "bench.scale_bench",
        "scale.json",
        "100,000 members, 50 topics, 2,000 events (200 series), 20,000 answers",
        (
            F("termine_p99_ms", "/termine p99 (ms)", "< 20"),
            F("themen_p99_ms", "/themen p99 (ms)", "< 20"),
            F("profil_p99_ms", "/profil p99 (ms)", "< 20"),
            F("suche_p99_ms", "/suche p99 (ms)", "< 50"),
            F("reminder_scan_p95_ms", "reminder scan p95 (ms)", "< 20"),
            F("dates_refresh_s", "daily refresh of all dates (s)"),
            F("themen_p99_during_refresh_ms", "/themen p99 during that refresh (ms)", "< 100"),
            F("startup_s", "start-up (s)", "< 3"),
            F("rss_mib", "RSS after start-up and queries (MiB)", "< 250"),
        ),
    ),
    Bench(
        "reminders",
        "bench.reminders_bench",
        "reminders.json",
        "10,000 reminders due in the same minute, while members use the bot",
        (
            F("queued", "reminders queued"),
            F("lag_p99_s", "due → queued p99 (s)", "< 2"),
            F("duplicates", "reminders queued twice", "== 0"),
            F("missing", "reminders missing", "== 0"),
            F("answers_p99_ms", "/themen p99 during the burst (ms)", "< 100"),
            F("longest_write_ms", "longest reminder write transaction (ms)", "< 50"),
            F("peak_rss_mib", "peak RSS (MiB)", "< 250"),
        ),
    ),
    Bench(
        "crash",
        "bench.crash_bench",
        "crash.json",
        "SIGKILL of the bot in the middle of a fan-out, then a restart",
        (
            F("lost", "messages lost", "== 0"),
            F("duplicates", "messages sent twice"),
            F("in_flight_bound", "sends in flight at most (the bound)"),
            F("duplicates_within_bound", "duplicates ≤ in flight", "== 1"),
        ),
    ),
    Bench(
        "chaos",
        "bench.chaos_bench",
        "chaos.json",
        "SIGKILL at 20 random moments on each way in, while members use the bot",
        (
            F("lost", "broadcasts and reminders lost", "== 0"),
            F("answered_twice", "answers sent twice (all kills)"),
            F("answered_twice_most_in_a_round", "answers twice at one kill (bound 16)", "<= 16"),
            F("notified_twice", "notifications sent twice (all kills)"),
            F("integrity_ok", "integrity_check ok after every kill", "== 1"),
            F("promises_kept", "every update answered, all within bounds", "== 1"),
        ),
    ),
    Bench(
        "events",
        "bench.events_bench",
        "events.json",
        "reminder scan on a small network (--events 50)",
        (
            F("steady_scan_median_ms", "steady scan median (ms)", "< 20"),
            F("upcoming_median_ms", "next dates query median (ms)", "< 20"),
        ),
    ),
    Bench(
        "outbox",
        "bench.outbox_bench",
        "outbox.json",
        "core throughput and outbox delivery with fake adapters",
        (
            F("core_messages_per_s", "/themen through the core per s"),
            F("enqueue_rows_per_s", "rows queued per s", ">= 10000"),
            F("delivery_unlimited_per_s", "delivery without limits per s"),
            F("delivery_telegram_limited_per_s", "150 rows at 30/s: per s"),
        ),
    ),
    Bench(
        "polls",
        "bench.polls_bench",
        "polls.json",
        "date poll to 2,000 members, then 2,000 votes",
        (
            F("queued_ms", "every ballot stored (ms)", "< 1000"),
            F("tally_edits", "organiser's tally edits while voting", "≤ one per 5 s"),
            F("answers_stored", "votes counted", "= 2000"),
        ),
    ),
    Bench(
        "groups",
        "bench.groups_bench",
        "groups.json",
        "working-group update to 2,000 members",
        (
            F("private_reply_max_ms", "reply to the author, private (ms)", "< 300"),
            F("bound_chat_reply_max_ms", "reply to the author, bound chat (ms)", "< 300"),
            F("private_enqueued_max_ms", "all rows stored (ms)", "< 1000"),
        ),
    ),
    Bench(
        "directory",
        "bench.directory_bench",
        "directory.json",
        "/suche over 100,000 members (30 % listed)",
        (F("find_p99_ms", "/suche p99 (ms)", "< 50"),),
    ),
    Bench(
        "facets",
        "bench.facets_bench",
        "facets.json",
        "faceted /suche over 100,000 members with company profiles (30 % listed)",
        (F("faceted_p99_ms", "faceted search p99 (ms)", "< 50"),),
    ),
    Bench(
        "ops",
        "bench.ops_bench",
        "ops.json",
        "/metrics and /healthz with a 100,000-row outbox; stop during a fan-out",
        (
            F("metrics_scrape_ms_max", "/metrics scrape, slowest (ms)", "< 500"),
            F("healthz_ms_max", "/healthz, slowest (ms)", "< 500"),
            F("graceful_stop_during_fan_out_s", "graceful stop (s)", "< 10"),
        ),
    ),
    Bench(
        "cooperation",
        "bench.cooperation_bench",
        "cooperation.json",
        "cooperation requests over 100,000 members: post (matching, notices), /gesuche",
        (
            F("post_p95_ms", "post a request, p95 (ms)", "< 500"),
            F("notified_max", "most members told of one request"),
            F("list_p99_ms", "/gesuche p99 (ms)", "< 50"),
        ),
    ),
    Bench(
        "overview",
        "bench.overview_bench",
        "overview.json",
        "weekly overview for 100,000 members at its time, answers meanwhile",
        (
            F("queue_s", "all overviews queued (s)", "< 60"),
            F("queued", "overviews queued"),
            F("lock.max_ms", "write lock, longest hold (ms)", "< 50"),
            F("answers.p99_ms", "answers meanwhile, p99 (ms)", "< 100"),
        ),
    ),
    Bench(
        "privacy",
        "bench.privacy_bench",
        "privacy.json",
        "export and erasure of one member, /stats, with 100,000 members",
        (
            F("export.max_ms", "export of one member, slowest (ms)", "< 1000"),
            F("erase.max_ms", "erasure of one member, slowest (ms)", "< 1000"),
            F("stats.max_ms", "/stats, slowest (ms)", "< 1000"),
        ),
    ),
    Bench(
        "dashboard",
        "bench.dashboard_bench",
        "dashboard.json",
        "staff dashboard pages over HTTP with 3,000 members and 40 events",
        tuple(
            F(f"{page}.p95_ms", f"{page} p95 (ms)", "< 150")
            for page in (
                "/admin/",
                "/admin/members",
                "/admin/members?q=Firma+12",
                "/admin/events",
                "/admin/broadcasts",
                "/admin/audit",
            )
        ),
    ),
    Bench(
        "parsing",
        "bench.parsing_bench",
        "parsing.json",
        "typed dates and ranges read by bot.parsing.dates: 5,000 inputs, German and English",
        (
            F("median_ms", "one input, median (ms)"),
            F("p99_ms", "one input, p99 (ms)", "< 3"),
            F("max_ms", "one input, slowest (ms)", "< 10"),
            F("single_run_p99_ms", "one input, p99 of single runs, shared machine (ms)"),
            F("refused", "inputs refused (nonsense, impossible dates)"),
        ),
    ),
    Bench(
        "names",
        "bench.names_bench",
        "names.json",
        "typed names matched by bot.parsing.names: 5,000 inputs against 60 names",
        (
            F("median_ms", "one input, median (ms)"),
            F("p99_ms", "one input, p99 (ms)", "< 0.5"),
            F("cold_median_ms", "one input, median, names folded anew (ms)", "< 1"),
            F("cold_p99_ms", "one input, p99, names folded anew, shared machine (ms)"),
            F("unique", "inputs naming one name"),
            F("ambiguous", "inputs fitting several (offered as buttons)"),
            F("none", "inputs naming nothing"),
        ),
    ),
)

BY_NAME = {bench.name: bench for bench in BENCHES}
