"""Slash commands reach the bot whatever their text, and answer politely in channels."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from bot.settings import Settings
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        yield world


@pytest.mark.parametrize(
    "text",
    ["themen payload", "payload", '{"payload": 1}', "a=b&payload=c", "hilfe {", "ä ö ü ß 💡"],
)
async def test_slash_command_with_any_text_is_answered(slack: SlackWorld, text: str) -> None:
    await add_member(slack.services, "U1", "Anna")
    reply = await slack.send.command("U1", text)
    assert reply.status == 200, reply
    await slack.settle()
    answered = slack.fake.calls_to("chat.postMessage") + slack.fake.calls_to("chat.postEphemeral")
    assert answered or slack.fake.responses, text


async def test_slash_command_in_a_channel_named_payload_is_answered(slack: SlackWorld) -> None:
    await add_member(slack.services, "U1", "Anna")
    reply = await slack.send.command("U1", "hilfe", channel_id="C1", channel_name="payload")
    assert reply.status == 200
    await slack.settle()
    answered = slack.fake.calls_to("chat.postMessage") + slack.fake.calls_to("chat.postEphemeral")
    assert answered or slack.fake.responses
