"""Socket Mode: chosen when an app token is set; events arrive over the fake's websocket.

Each envelope is committed to the inbox before it is acknowledged, and processed from
there as in HTTP mode (the SIGKILL variant is in tests/test_inbox_crash.py).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from bot.adapters.slack_receive import request_key
from bot.settings import Settings
from tests.fake_slack import APP_TOKEN, TEAM_ID, FakeSlack
from tests.slack_signing import add_member, running_slack, standard_fake


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
        assert slack.adapter.socket is None
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


def _stored_keys(settings: Settings) -> set[str]:
    """The Slack inbox keys committed so far, read as another process would see them."""
    with sqlite3.connect(settings.db_path) as db:
        rows = db.execute("SELECT update_id FROM inbox WHERE platform = 'slack'").fetchall()
    return {row[0] for row in rows}


def _dm_posts(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    return [p for p in fake.calls_to("chat.postMessage") if p.get("channel") == fake.dm(user)]


async def test_each_envelope_is_in_the_inbox_before_it_is_acknowledged(
    make_settings: Callable[..., Settings],
) -> None:
    fake = standard_fake()
    settings = make_settings()
    stored_at_ack: dict[str, set[str]] = {}
    posts_at_ack: dict[str, int] = {}

    def on_ack(ack: dict[str, Any]) -> None:
        stored_at_ack[ack["envelope_id"]] = _stored_keys(settings)
        posts_at_ack[ack["envelope_id"]] = len(_dm_posts(fake, "U1"))

    fake.on_socket_ack = on_ack
    fake.delays["users.info"] = 0.3  # the work after the ack takes its time
    async with running_slack(make_settings, fake, slack_app_token=APP_TOKEN) as slack:
        await add_member(slack.services, "U1", "Anna")
        dm = fake.socket_dm("U1", "start", "EvStart1", "env-dm")
        await fake.socket_send(dm)
        await fake.socket_acked(["env-dm"])
        await slack.settle()
        assert "Was möchten Sie tun?" in fake.last_in("DU1").text

        click = fake.socket_click("U1", fake.last_in("DU1"), "Hilfe", "env-click")
        await fake.socket_send(click)
        await fake.socket_acked(["env-click"])
        await slack.settle()
        command = fake.socket_command("U1", "profil", "env-command")
        await fake.socket_send(command)
        await fake.socket_acked(["env-command"])
        await slack.settle()

    for envelope, posts_before in ((dm, 0), (click, 1), (command, 2)):
        envelope_id = envelope["envelope_id"]
        assert request_key(envelope["payload"], envelope_id) in stored_at_ack[envelope_id]
        assert posts_at_ack[envelope_id] == posts_before, "acknowledged only after the work"
    assert len(_dm_posts(fake, "U1")) == 3, "each processed from the inbox and answered"


async def test_retried_event_and_resent_envelope_are_processed_once(
    make_settings: Callable[..., Settings],
) -> None:
    fake = standard_fake()
    async with running_slack(make_settings, fake, slack_app_token=APP_TOKEN) as slack:
        await add_member(slack.services, "U1", "Anna")
        await fake.socket_send(fake.socket_dm("U1", "start", "EvTwice", "env-a"))
        # Slack retries an event it thinks was missed: a new envelope, the same event id
        await fake.socket_send(fake.socket_dm("U1", "start", "EvTwice", "env-b", retry_attempt=1))
        command = fake.socket_command("U1", "profil", "env-c")
        await fake.socket_send(command)
        await fake.socket_send(command)  # the same envelope again (sent before a reconnect)
        await fake.socket_acked(["env-a", "env-b", "env-c"])
        await slack.settle()
        await asyncio.sleep(0.3)
        await slack.settle()
    assert len([a for a in fake.socket_acks if a["envelope_id"] == "env-c"]) == 2
    assert len(_dm_posts(fake, "U1")) == 2, [p.get("text") for p in _dm_posts(fake, "U1")]
