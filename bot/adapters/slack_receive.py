"""Reading a verified Slack HTTP request ourselves, before slack-bolt would.

slack-bolt tells a slash command's form body from an interaction payload by looking for
the text ``payload`` anywhere in the body, so a command like ``/knotenpunkt payload`` (or a
channel or user named so) was taken for an interaction and answered 404. Here the body is
parsed by its form fields: an interaction is a form with exactly one ``payload`` field.
The parsed body then goes to bolt as a dict (bolt's "socket_mode" request form, which it
neither re-parses nor re-verifies: :mod:`bot.adapters.slack_verify` has checked it).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import parse_qsl


class UnreadableBody(ValueError):
    """The body is neither JSON nor a form we know."""


def parse_body(raw: bytes, content_type: str | None) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
        if (content_type or "").startswith("application/json"):
            parsed: object = json.loads(text)
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))
            parsed = json.loads(form["payload"]) if set(form) == {"payload"} else form
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UnreadableBody(type(exc).__name__) from exc
    if not isinstance(parsed, dict):
        raise UnreadableBody("not an object")
    return parsed


def request_key(body: dict[str, Any], delivery: str) -> str:
    """The inbox key: Slack's event id (a retried event keeps it), else what names this one
    delivery (the request's signature over HTTP, the envelope id in Socket Mode)."""
    event_id = body.get("event_id")
    if isinstance(event_id, str) and event_id:
        return event_id
    return "req:" + hashlib.sha256(delivery.encode()).hexdigest()[:40]


def sender_key(body: dict[str, Any], fallback: str) -> str:
    """Whose request it is: one person's requests are handled in order."""
    event = body.get("event")
    user: object = None
    if isinstance(event, dict):
        user = event.get("user") or event.get("channel")
        if isinstance(user, dict):
            user = user.get("id")
    user = user or body.get("user_id")
    if user is None and isinstance(body.get("user"), dict):
        user = body["user"].get("id")
    return f"user:{user}" if isinstance(user, str) and user else fallback
