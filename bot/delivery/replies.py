"""The fast path: answers to the sender, sent at once after the handler's commit.

The core writes a handler's answers to the outbox in the handler's own transaction, marked
``sending`` (claimed by this fast path). Right after the commit they are sent here, in
order, and their outcome is recorded; a crash in between leaves them ``sending``, and the
delivery worker sends them once after the restart. Answers that must wait (the platform
said 429 for longer than a person waits, the network failed) go back to ``pending`` and
the worker sends them, in order: a later answer is never sent before an earlier one.
An answer of several parts records each part delivered, so that a retry here or by the
worker resumes after it: no part goes twice.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.adapters.base import Adapter
from bot.delivery.errors import PermanentFailure, RetryAfter, Unreachable
from bot.metrics import Metrics
from bot.models import ChatKind, Outgoing
from storage import Store
from storage.db import utcnow
from storage.outbox import Outcome

log = logging.getLogger(__name__)

MAX_WAIT = 30.0  # a 429 this long is waited out here; a longer one is left to the worker
TRIES = 3  # 429s waited out for one answer before it is left to the worker
RETRY_LATER = 2.0  # seconds before the worker tries an answer the network refused


@dataclass(frozen=True)
class Reply:
    """One answer as written to the outbox."""

    item_id: int
    message: Outgoing


async def send_replies(
    store: Store,
    adapter: Adapter,
    chat_id: str,
    chat_kind: ChatKind,
    reply_target: str,
    replies: list[Reply],
    metrics: Metrics,
    apology: Outgoing,
) -> list[Outcome]:
    """Send the answers in order and record how each ended (one transaction). Once one
    must wait, the rest wait with it, so that the worker keeps their order. An answer the
    platform refuses for good (it cannot be rendered there) is replaced by ``apology``."""
    outcomes: list[Outcome] = []
    waiting: Outcome | None = None
    for reply in replies:
        if waiting is not None:
            outcomes.append(waiting.model_copy(update={"item_id": reply.item_id, "counts": False}))
            continue
        outcome = await _send_one(store, adapter, chat_id, chat_kind, reply_target, reply, metrics)
        outcomes.append(outcome)
        if outcome.status == "pending":
            waiting = outcome
        elif outcome.status == "failed":
            await _apologise(adapter, chat_id, chat_kind, reply_target, apology)
    if all(o.status == "sent" for o in outcomes):  # the usual case: one trip to the store
        await store.outbox.forget_sent_replies([o.item_id for o in outcomes])
        return outcomes
    async with store.transaction():
        await store.outbox.settle(o for o in outcomes if o.status != "unreachable")
        for outcome in outcomes:
            if outcome.status == "unreachable":
                await store.outbox.mark_final(outcome.item_id, "unreachable", outcome.error or "")
                await store.members.mark_unreachable(adapter.platform.value, chat_id)
    return outcomes


async def _send_one(
    store: Store,
    adapter: Adapter,
    chat_id: str,
    chat_kind: ChatKind,
    reply_target: str,
    reply: Reply,
    metrics: Metrics,
) -> Outcome:
    platform = adapter.platform.value
    done = 0  # parts delivered: a retry (here or by the worker) resumes after them

    async def part_done(parts: int) -> None:
        nonlocal done
        done = parts
        await store.outbox.record_parts(reply.item_id, parts)

    for attempt in range(1, TRIES + 1):
        try:
            await adapter.send(
                chat_id, chat_kind, reply.message, reply_target=reply_target, direct=True,
                start_part=done, on_part=part_done,
            )  # fmt: skip
        except RetryAfter as exc:
            metrics.record_rate_limited(platform)
            if exc.seconds > MAX_WAIT or attempt == TRIES:
                metrics.record_reply(platform, "retried")
                log.warning(
                    "reply to %s:%s must wait %.0fs; the outbox sends it", platform, chat_id,
                    exc.seconds,
                )  # fmt: skip
                when = utcnow() + timedelta(seconds=exc.seconds)
                return Outcome(item_id=reply.item_id, status="pending", retry_at=when,
                               error=str(exc), counts=False, throttled=True)  # fmt: skip
            await asyncio.sleep(exc.seconds)  # only this chat waits: others run meanwhile
            continue
        except Unreachable as exc:
            metrics.record_reply(platform, "unreachable")
            return Outcome(item_id=reply.item_id, status="unreachable", error=str(exc))
        except PermanentFailure as exc:
            metrics.record_reply(platform, "failed")
            log.error("reply to %s:%s refused: %s", platform, chat_id, exc)
            return Outcome(item_id=reply.item_id, status="failed", error=str(exc))
        except Exception as exc:  # the network, a 5xx: the worker tries again shortly
            metrics.record_reply(platform, "retried")
            log.warning("reply to %s:%s failed (%s); the outbox retries it", platform, chat_id,
                        exc)  # fmt: skip
            when = utcnow() + timedelta(seconds=RETRY_LATER)
            return Outcome(item_id=reply.item_id, status="pending", retry_at=when,
                           error=f"{type(exc).__name__}: {exc}")  # fmt: skip
        metrics.record_reply(platform, "sent")
        return Outcome(item_id=reply.item_id, status="sent")
    raise AssertionError("unreachable")  # the loop returns on its last attempt


async def _apologise(
    adapter: Adapter, chat_id: str, chat_kind: ChatKind, reply_target: str, apology: Outgoing
) -> None:
    """A short apology for an answer the platform refused; never a stack trace."""
    try:
        await adapter.send(chat_id, chat_kind, apology, reply_target=reply_target, direct=True)
    except Exception as exc:
        log.warning("could not even apologise in %s:%s: %s", adapter.platform.value, chat_id, exc)
