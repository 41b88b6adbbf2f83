"""Socket Mode: chosen when an app token is set; events arrive over the fake's websocket."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from bot.settings import Settings
from tests.fake_slack import APP_TOKEN, TEAM_ID
from tests.slack_signing import running_slack, standard_fake


async def _wait_for(check: Callable[[], object], within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not check():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_without_app_token_events_come_over_http(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        assert slack.adapter.mode == "http"
        assert slack.adapter.socket_handler is None
        assert (await slack.adapter.health())["ok"]


async def test_app_token_selects_socket_mode_and_events_arrive_over_it(
    make_settings: Callable[..., Settings],
) -> None:
    fake = standard_fake()
    async with running_slack(make_settings, fake, slack_app_token=APP_TOKEN) as slack:
        assert slack.adapter.mode == "socket"
        assert fake.calls_to("apps.connections.open")
        await fake.socket_connected()
        assert await slack.adapter.health() == {"ok": True, "mode": "socket", "connected": True}
        # no HTTP events endpoint in Socket Mode
        reply = await slack.send.dm("U1", "start")
        assert reply.status in (404, 405)

        await fake.socket_send(
            {
                "envelope_id": "env-1",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "payload": {
                    "team_id": TEAM_ID,
                    "api_app_id": "A0FAKE",
                    "type": "event_callback",
                    "event_id": "EvSocket1",
                    "event_time": int(time.time()),
                    "event": {
                        "type": "message",
                        "channel": "DU1",
                        "user": "U1",
                        "text": "start",
                        "ts": "1700000200.000001",
                        "channel_type": "im",
                    },
                },
            }
        )
        await _wait_for(lambda: fake.socket_acks)
        assert fake.socket_acks[0]["envelope_id"] == "env-1"
        await _wait_for(lambda: fake.calls_to("chat.postMessage"))
        await slack.settle()
        assert "Willkommen" in fake.last_in("DU1").text
