"""Receiving Telegram updates so that none is lost: store first, acknowledge after.

Long polling is done here rather than by PTB's Updater, because the Updater confirms an
offset with its next getUpdates before the updates it fetched were handled: a crash in
between lost them. Here every fetched update is committed to the inbox first and only
then does the offset move past it. The raw JSON is stored; PTB parses it when the update
is handled, so an update PTB cannot read is skipped with one short line instead of
making the poll spin.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

Accept = Callable[[list[tuple[str, str, str]]], Awaitable[object]]
"""Commits (update id, chat key, raw JSON) of a fetched batch to the inbox, in one trip."""
_MAX_BACKOFF = 30.0


def chat_key(update: dict[str, Any]) -> str:
    """The chat an update belongs to (its order is kept per chat); its own key otherwise."""
    for field in ("message", "edited_message", "my_chat_member"):
        chat = _dict(_dict(update.get(field)).get("chat")).get("id")
        if isinstance(chat, int):
            return f"chat:{chat}"
    query = _dict(update.get("callback_query"))
    chat = _dict(_dict(query.get("message")).get("chat")).get("id")
    if not isinstance(chat, int):
        chat = _dict(query.get("from")).get("id")
    if isinstance(chat, int):
        return f"chat:{chat}"
    return f"update:{update.get('update_id')}"


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


async def store_updates(items: list[Any], accept: Accept) -> int | None:
    """Commit the fetched updates to the inbox (the batch at once: one trip to the store);
    the highest update id stored, if any."""
    highest = None
    entries = []
    for item in items:
        update_id = _dict(item).get("update_id")
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            log.warning("telegram: an entry without update_id was skipped")
            continue
        entries.append((str(update_id), chat_key(item), json.dumps(item)))
        highest = update_id if highest is None else max(highest, update_id)
    if entries:
        await accept(entries)
    return highest


class TokenRefused(RuntimeError):
    """Telegram answered 401/404: the token is wrong or revoked; polling cannot recover."""


class Poller:
    """getUpdates in a loop; backs off (1 s, doubling to 30 s) on any failure, and ends for
    good when Telegram refuses the token (health then reports the loop as stopped)."""

    def __init__(
        self,
        api_base: str,
        token: str,
        accept: Accept,
        *,
        timeout: int,
        interval: float,
        allowed_updates: list[str],
    ) -> None:
        self.url = f"{api_base}{token}/getUpdates"
        self.accept = accept
        self.timeout = timeout
        self.interval = interval
        self.allowed_updates = allowed_updates
        self.backoff_first = 1.0  # seconds before the first retry after a failure
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="telegram-polling")

    @property
    def alive(self) -> bool:
        return self._task is not None and not self._task.done()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        offset: int | None = None
        backoff = 0.0
        client_timeout = aiohttp.ClientTimeout(total=self.timeout + 15)
        async with aiohttp.ClientSession(timeout=client_timeout) as session:
            while True:
                try:
                    items = await self._fetch(session, offset)
                    highest = await store_updates(items, self.accept)
                except asyncio.CancelledError:
                    raise
                except TokenRefused as exc:
                    log.error("telegram: getUpdates refused (%s); polling stopped", _short(exc))
                    return
                except Exception as exc:  # network, HTTP error, not JSON, store full or busy
                    backoff = min(_MAX_BACKOFF, max(self.backoff_first, backoff * 2))
                    log.warning(
                        "telegram: getUpdates failed (%s); retrying in %.0fs",
                        _short(exc),
                        backoff,
                    )
                    await asyncio.sleep(backoff)
                    continue
                backoff = 0.0
                if highest is not None:
                    offset = highest + 1  # only now: everything up to it is stored
                elif items:  # a batch without anything usable: do not ask again at once
                    await asyncio.sleep(1.0)
                if self.interval:
                    await asyncio.sleep(self.interval)

    async def _fetch(self, session: aiohttp.ClientSession, offset: int | None) -> list[Any]:
        form = {"timeout": str(self.timeout), "allowed_updates": json.dumps(self.allowed_updates)}
        if offset is not None:
            form["offset"] = str(offset)
        async with session.post(self.url, data=form) as response:
            if response.status in (401, 404):
                raise TokenRefused(f"HTTP {response.status}")
            body = await response.json(content_type=None)
        if not isinstance(body, dict) or not body.get("ok"):
            description = _dict(body).get("description", f"HTTP {response.status}")
            raise RuntimeError(str(description)[:200])
        result = body.get("result")
        if not isinstance(result, list):
            raise RuntimeError("result is not a list")
        return result


def _short(exc: Exception) -> str:
    """The error in one line, without anything from the updates themselves."""
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
