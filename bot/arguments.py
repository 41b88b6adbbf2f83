"""The one place where arguments from a platform (button data, typed numbers) become values.

Button data and typed text come from outside: a button from an old message, a forged
callback, ``²`` (which ``str.isdigit`` accepts) or a number with forty digits. Everything
here accepts ASCII digits only, within bounds, so nothing downstream (SQLite, datetime)
sees a value it cannot handle. A handler that cannot use a button's argument raises
:class:`StaleArgument`; the core answers "this button is no longer valid" and keeps
nothing the handler may have written.
"""

from __future__ import annotations

import re

MAX_ID = 2**63 - 1  # SQLite's INTEGER
MAX_DIGITS = 19
MAX_ARGUMENT = 256  # longer button data is not ours (Telegram allows 64 bytes)
MAX_TIMESTAMP = 253_402_300_799  # 9999-12-31 23:59:59 UTC, the end of datetime

_DIGITS = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


class StaleArgument(Exception):
    """A button's argument does not fit what the button expects (stale or forged)."""


def number(text: str, low: int = 0, high: int = MAX_ID) -> int | None:
    """``text`` as an integer in ``low..high`` (ASCII digits only), else None."""
    value = text.strip()
    if not _DIGITS.fullmatch(value):
        return None
    parsed = int(value)
    return parsed if low <= parsed <= high else None


def record_id(text: str) -> int | None:
    """A database id (1 or more) from a button or a command, else None."""
    return number(text, 1, MAX_ID)


def member_number(text: str) -> int | None:
    """A member's number as staff type it, ``12`` or ``#12``; None when it is not one."""
    value = text.strip()
    return record_id(value[1:] if value.startswith("#") else value)


def button_number(text: str, low: int = 0, high: int = MAX_ID) -> int:
    """Like :func:`number`, for a button: anything else raises :class:`StaleArgument`."""
    parsed = number(text, low, high) if len(text) <= MAX_ARGUMENT else None
    if parsed is None:
        raise StaleArgument(text[:40])
    return parsed


def button_fields(text: str, count: int, separator: str = ":") -> list[str]:
    """Exactly ``count`` parts of a button argument, else :class:`StaleArgument`."""
    parts = text.split(separator) if len(text) <= MAX_ARGUMENT else []
    if len(parts) != count:
        raise StaleArgument(text[:40])
    return parts


def button_choice(text: str, choices: tuple[str, ...] | list[str]) -> str:
    """One of ``choices`` exactly, else :class:`StaleArgument`."""
    if text not in choices:
        raise StaleArgument(text[:40])
    return text
