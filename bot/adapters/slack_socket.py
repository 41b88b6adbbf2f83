"""Slack Socket Mode: each envelope is stored in the inbox, and only then acknowledged.

slack_sdk's aiohttp Socket Mode client receives the envelopes; bolt is not involved here
(its Socket Mode handler acknowledges before our code runs, so a crash lost the request).
The envelope's payload is what Slack would have POSTed in HTTP mode, so the inbox row is
the same and the adapter processes it the same way. A payload that cannot be stored is
not acknowledged: Slack sends an event again, and a slash command or click shows the
person Slack's own error instead of vanishing.

A modal's submission is the one exception: its acknowledgement carries the answer (errors
next to the fields, the preview), so it is handled first, by ``answer_now``, and acked with
the answer; it is not stored (if handling fails there is no ack, and Slack shows the person
an error in the modal, which they can submit again).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_receive import request_key, sender_key
from bot.inbox import InboxRunner

log = logging.getLogger(__name__)

AnswerNow = Callable[[dict[str, Any]], Awaitable[dict[str, Any] | None]]


class SocketReceiver:
    """One Socket Mode connection whose envelopes go to the adapter's inbox."""

    def __init__(
        self,
        app_token: str,
        web_client: AsyncWebClient,
        inbox: InboxRunner,
        answer_now: AnswerNow | None = None,
    ) -> None:
        self.app_token = app_token
        self.answer_now = answer_now
        self.web_client = web_client
        self.inbox = inbox
        self.client: SocketModeClient | None = None
        self._storing: set[asyncio.Task[Any]] = set()  # envelopes between receipt and ack

    async def connect(self) -> None:
        client = SocketModeClient(
            self.app_token,
            web_client=self.web_client,
            logger=logging.getLogger("bot.adapters.slack.socket"),
        )
        client.socket_mode_request_listeners.append(self._on_request)
        self.client = client
        await client.connect()

    async def connected(self) -> bool:
        return self.client is not None and bool(await self.client.is_connected())

    async def close(self, within: float = 5.0) -> None:
        """Stop receiving; envelopes already being stored are stored (and acked) first."""
        if self._storing:
            await asyncio.wait(set(self._storing), timeout=within)
        if self.client is not None:
            client, self.client = self.client, None
            await client.close()

    async def _on_request(
        self, client: AsyncBaseSocketModeClient, request: SocketModeRequest
    ) -> None:
        """Store, then acknowledge (Slack wants the ack within three seconds)."""
        storing = asyncio.current_task()
        if storing is not None:
            self._storing.add(storing)
            storing.add_done_callback(self._storing.discard)
        await self._store_and_ack(client, request)

    async def _store_and_ack(
        self, client: AsyncBaseSocketModeClient, request: SocketModeRequest
    ) -> None:
        body: dict[str, Any] = request.payload
        if self.answer_now is not None and body.get("type") == "view_submission":
            await self._answer(client, request, self.answer_now)
            return
        key = request_key(body, request.envelope_id)
        try:
            added = await self.inbox.accept(key, sender_key(body, key), json.dumps(body))
        except Exception as exc:
            log.error("slack: envelope %s not stored, so not acknowledged: %s", key, exc)
            return
        if not added:
            log.info("slack: request %s received twice; skipped", key)
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))

    async def _answer(
        self, client: AsyncBaseSocketModeClient, request: SocketModeRequest, answer_now: AnswerNow
    ) -> None:
        """A request answered in its acknowledgement (a modal's submission)."""
        try:
            payload = await answer_now(request.payload)
        except Exception:
            log.exception("slack: envelope %s could not be answered", request.envelope_id)
            return
        response = SocketModeResponse(envelope_id=request.envelope_id, payload=payload)
        await client.send_socket_mode_response(response)
