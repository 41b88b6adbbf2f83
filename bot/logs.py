"""Logging: readable lines by default, JSON lines for log collectors, never a secret.

``KNOTENPUNKT_LOG_FORMAT=json`` writes one object per line with the platform, chat kind,
command and duration of the update being handled where known (set by the core through
:func:`log_context`). Every line passes :class:`SecretFilter`, which blanks the configured
tokens and secrets, token-shaped strings and calendar feed addresses, also inside
tracebacks. Library loggers that print request and response bodies at DEBUG (members'
messages would be in them) never log below INFO; the other chatty ones stay at WARNING
unless ``KNOTENPUNKT_LOG_LEVEL=debug``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any, TextIO

# Loggers that dump payloads (message texts, SQL parameters) at DEBUG: at least INFO, always.
PAYLOAD_LOGGERS = ("aiosqlite", "telegram", "slack_sdk", "slack_bolt", "bot.adapters.slack.bolt")
# Loggers that are merely chatty: WARNING unless the operator asks for debug.
NOISY_LOGGERS = ("httpx", "httpcore", "apscheduler", "aiohttp.access", "aiohttp.client", "hpack")
CONTEXT_FIELDS = ("platform", "chat_kind", "command", "duration_ms")
REDACTED = "[redacted]"

_fields: ContextVar[dict[str, Any] | None] = ContextVar("knotenpunkt_log_fields", default=None)

# Token shapes, also when nobody configured them here (a token pasted into the wrong place).
_PATTERNS = (
    (re.compile(r"bot\d{3,}:[A-Za-z0-9_-]+"), f"bot{REDACTED}"),  # Bot API URLs
    (re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}"), REDACTED),  # a bare Telegram token
    (re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+"), REDACTED),  # Slack tokens
    (re.compile(r"/calendar/[^/\s\"'?]+\.ics"), f"/calendar/{REDACTED}.ics"),  # feed URLs
)


@contextlib.contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    """Fields that every log line written inside the block carries (JSON keys)."""
    token = _fields.set({**(_fields.get() or {}), **fields})
    try:
        yield
    finally:
        _fields.reset(token)


def update_log_context(**fields: Any) -> None:
    """Add fields learnt along the way (the command, once routed) to the current block."""
    current = _fields.get()
    if current is not None:
        current.update(fields)


class SecretFilter(logging.Filter):
    """Blanks secrets in the message and the traceback of every record it sees.

    Attached to the handler, so that records of every logger pass through it.
    """

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO and record.name.startswith(PAYLOAD_LOGGERS):
            return False
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for name in CONTEXT_FIELDS:
            if not hasattr(record, name):
                value = (_fields.get() or {}).get(name)
                if value is not None:
                    setattr(record, name, value)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in CONTEXT_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """``time LEVEL logger: message [platform=… command=… 12 ms]``."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        extras = [
            f"{name}={getattr(record, name)}"
            for name in ("platform", "chat_kind", "command")
            if getattr(record, name, None) is not None
        ]
        duration = getattr(record, "duration_ms", None)
        if duration is not None:
            extras.append(f"{duration} ms")
        return f"{line} [{' '.join(extras)}]" if extras else line


def setup_logging(
    log_format: str,
    level: str = "info",
    secrets: Iterable[str | None] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Install the one handler on the root logger; returns it (tests read what it wrote)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    handler.addFilter(SecretFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    debug = level.lower() == "debug"
    root.setLevel(logging.DEBUG if debug else level.upper())
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO if debug else logging.WARNING)
    return handler
