"""Accepted Slack signatures are kept in the store for their five minutes, then purged.

(That a replay is refused after a restart is in tests/test_forgeries.py.)"""

from __future__ import annotations

import time
from datetime import timedelta

from bot.adapters.slack_verify import WINDOW_SECONDS, RequestVerifier
from storage import Store
from storage.db import utcnow
from tests.slack_signing import SIGNING_SECRET, sign


async def test_expired_signatures_are_purged(store: Store) -> None:
    now = utcnow()
    memory = store.seen_signatures
    assert await memory.first_use("v0=live", now + timedelta(minutes=4))
    assert not await memory.first_use("v0=live", now + timedelta(minutes=4))
    assert await memory.first_use("v0=old", now - timedelta(seconds=1))
    assert await memory.purge_expired(now) == 1
    assert await memory.first_use("v0=old", now + timedelta(minutes=5)), "forgotten"
    assert not await memory.first_use("v0=live", now + timedelta(minutes=4)), "still known"


async def test_verifier_forgets_signatures_once_their_window_has_passed(store: Store) -> None:
    clock = [time.time()]
    verifier = RequestVerifier(SIGNING_SECRET, store.seen_signatures, clock=lambda: clock[0])
    first = b"token=a&text=hilfe"
    first_headers = sign(SIGNING_SECRET, int(clock[0]), first.decode())
    assert await verifier.refusal(first_headers, first) is None
    assert await verifier.refusal(first_headers, first) == "replayed request"

    clock[0] += WINDOW_SECONDS + 61
    assert await verifier.refusal(first_headers, first) == "stale timestamp"
    later = b"token=b&text=hilfe"
    assert (
        await verifier.refusal(sign(SIGNING_SECRET, int(clock[0]), later.decode()), later) is None
    )
    expiry = utcnow() + timedelta(minutes=5)
    assert await store.seen_signatures.first_use(first_headers["X-Slack-Signature"], expiry), (
        "the first signature was purged once it could no longer pass the timestamp check"
    )
