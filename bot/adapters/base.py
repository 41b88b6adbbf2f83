"""What every adapter offers the core. Adapters translate; they decide nothing.

Optional extras the wiring uses when present: ``async stop_receiving()`` (take no more
updates and finish those taken, while sending still works: the first step of a graceful
shutdown, before the outbox drains) and ``async health() -> dict`` (for ``/healthz``,
with ``"ok": bool``).
"""

from __future__ import annotations

from typing import Protocol

from bot.adapters.parts import OnPart
from bot.models import ChatKind, Outgoing, Platform


class Adapter(Protocol):
    platform: Platform

    async def start(self) -> None:
        """Connect and begin receiving updates (returns once running)."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""

    async def send(
        self,
        chat_id: str,
        chat_kind: ChatKind,
        message: Outgoing,
        *,
        reply_target: str | None = None,
        direct: bool = False,
        start_part: int = 0,
        on_part: OnPart | None = None,
    ) -> None:
        """Deliver one message; raise a :mod:`bot.delivery.errors` error on failure.

        ``reply_target`` (set on answers to the sender) is what the adapter put into the
        update's :attr:`Incoming.reply_target`: where and how to answer, e.g. the message to
        edit. ``direct``: the fast path sends it (it takes its own place in the rate limits;
        the worker's rows took theirs when claimed).

        A message the platform receives in several parts (long text, a file after the text,
        several Slack payloads) is sent part by part: ``start_part`` parts went out in an
        earlier try and are skipped; ``on_part(k)`` is awaited once ``k`` parts are out and
        another follows (the caller records it, so a retry resumes there). Each further
        part waits for its own place in the rate limits."""
