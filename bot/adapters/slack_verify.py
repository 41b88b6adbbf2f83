"""Checks every Slack HTTP request before anything parses it: timestamp, signature, replay.

Slack signs ``v0:{timestamp}:{raw body}`` with the signing secret. A request is refused
when its timestamp is not a plain number within five minutes of now, when its signature
does not match, or when the same signature was already accepted within the window (a
captured request sent again). Refusals are one log line, never a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping

WINDOW_SECONDS = 300
MAX_REMEMBERED = 200_000  # signatures within the window; far above Slack's request rates
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class RequestVerifier:
    def __init__(self, secret: str, clock: Callable[[], float] = time.time) -> None:
        self._secret = secret.encode()
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()  # signature -> when it expires

    def refusal(self, headers: Mapping[str, str], body: bytes) -> str | None:
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
        self._forget_expired(now)
        if signature in self._seen:
            return "replayed request"
        self._seen[signature] = int(stamp) + WINDOW_SECONDS
        return None

    def _forget_expired(self, now: float) -> None:
        while self._seen and (
            next(iter(self._seen.values())) < now or len(self._seen) > MAX_REMEMBERED
        ):
            self._seen.popitem(last=False)
