"""Settings as an operator writes them in the env file: ``1d,1h``, ``true``, a plain path,
quotes only where a value needs them. One place for ``init`` (writes the file) and
``doctor --show-settings`` (shows what the bot read), so both look like the example file.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from bot.settings import PREFIX, format_duration

# what a shell, systemd and python-dotenv all read alike without quotes
_PLAIN = re.compile(r"^[A-Za-z0-9_./:@+,=-]*$")
UNSAFE = re.compile(r'["\\$`\n\r]')  # not even in quotes: a shell or systemd reads it otherwise


def env_value(value: object) -> str:
    """A setting's value as text for the env file (the inverse of reading it)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ",".join(env_value(item) for item in value)
    if isinstance(value, Path):
        return str(value)
    return "" if value is None else str(value)


def quoted(text: str) -> str:
    return text if _PLAIN.match(text) else f'"{text}"'


def env_line(name: str, value: object) -> str:
    """``KNOTENPUNKT_NAME=value`` for a setting's field name and value."""
    return f"{PREFIX}{name.upper()}={quoted(env_value(value))}"
