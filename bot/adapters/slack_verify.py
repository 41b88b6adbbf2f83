"""Checks every Slack HTTP request before anything parses it: timestamp, signature, replay.

Slack signs ``v0:{timestamp}:{raw body}`` with the signing secret. A request is refused
when its timestamp is not a plain number within five minutes of now, when its signature
does not match, or when the same signature was already accepted within the window (a
captured request sent again). The accepted signatures are kept in the store, so a restart
does not forget them. Refusals are one log line, never a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Protocol

WINDOW_SECONDS = 300
PURGE_EVERY_SECONDS = 60  # expired signatures go this often, not on every request
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class SignatureMemory(Protocol):
    """Where accepted signatures are remembered (the store's ``seen_signatures``)."""

    async def first_use(self, signature: str, expires_at: datetime) -> bool: ...

    async def purge_expired(self, now: datetime) -> int: ...


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class RequestVerifier:
    def __init__(
        self, secret: str, seen: SignatureMemory, clock: Callable[[], float] = time.time
    ) -> None:
        self._secret = secret.encode()
        self._seen = seen
        self._clock = clock
        self._next_purge = 0.0

    async def refusal(self, headers: Mapping[str, str], body: bytes) -> str | None:
        """None if the request is genuine and new; else why it is refused (for the log)."""
        stamp = headers.get("X-Slack-Request-Timestamp", "")
        signature = headers.get("X-Slack-Signature", "")
        if not _TIMESTAMP.fullmatch(stamp):
            return "malformed timestamp"
        now = self._clock()
        if abs(now - int(stamp)) > WINDOW_SECONDS:
            return "stale timestamp"
        if not _SIGNATURE.fullmatch(signature):
            return "malformed signature"
        base = b"v0:" + stamp.encode() + b":" + body
        expected = "v0=" + hmac.new(self._secret, base, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return "wrong signature"
        if now >= self._next_purge:
            self._next_purge = now + PURGE_EVERY_SECONDS
            await self._seen.purge_expired(_moment(now))
        # remembered until the timestamp check would refuse it anyway
        if not await self._seen.first_use(signature, _moment(int(stamp) + WINDOW_SECONDS)):
            return "replayed request"
        return None
