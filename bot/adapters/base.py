"""What every adapter offers the core. Adapters translate; they decide nothing.

Optional extras the wiring uses when present: ``async stop_receiving()`` (take no more
updates and finish those taken, while sending still works: the first step of a graceful
shutdown, before the outbox drains) and ``async health() -> dict`` (for ``/healthz``,
with ``"ok": bool``).
"""

from __future__ import annotations

from typing import Protocol

from bot.models import ChatKind, Outgoing, Platform


class Adapter(Protocol):
    platform: Platform

    async def start(self) -> None:
        """Connect and begin receiving updates (returns once running)."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""

    async def send(self, chat_id: str, chat_kind: ChatKind, message: Outgoing) -> None:
        """Deliver one message; raise a :mod:`bot.delivery.errors` error on failure."""
