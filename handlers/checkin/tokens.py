"""Rotating check-in codes: an HMAC of the date's secret and the number of the time window.

Time is cut into windows of ``KNOTENPUNKT_CHECKIN_ROTATION`` (counted from the epoch); the
code of a window is shown on the check-in page and accepted in that window and the next
one, so a code scanned just before it rotates still works, while a photo passed around
stops working a few minutes later. Nothing per window is stored.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

# no 0/O, 1/I/L: read off a screen across a room and typed on a phone without doubt
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
LINK_PREFIX = "ci_"  # the /start payload of the Telegram deep link: ci_<code>
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def window_of(moment: datetime, rotation: timedelta) -> int:
    """The number of the time window ``moment`` falls in."""
    return int((moment - _EPOCH) // rotation)


def window_end(window: int, rotation: timedelta) -> datetime:
    """When window ``window`` ends (the next code is shown from then on)."""
    return _EPOCH + rotation * (window + 1)


def code_for(secret: str, window: int) -> str:
    """The short code of one date in one window."""
    digest = hmac.new(secret.encode(), f"checkin:{window}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:16], "big")
    chars = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def normalize(text: str) -> str:
    """What was typed or scanned, as a code: case, spaces and dashes do not matter, and
    the ``ci_`` of a deep link's payload is dropped."""
    value = text.strip()
    if value.lower().startswith(LINK_PREFIX):
        value = value[len(LINK_PREFIX) :]
    return "".join(value.split()).replace("-", "").upper()


def looks_like_code(text: str) -> bool:
    code = normalize(text)
    return len(code) == CODE_LENGTH and all(c in ALPHABET for c in code)
