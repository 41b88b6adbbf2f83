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


async def test_slash_command_in_a_channel_is_answered_ephemerally(slack: SlackWorld) -> None:
    await add_member(slack.services, "U1", "Anna")
    for text in ("hilfe", "themen", "tanzen"):  # help, a private-only command, an unknown one
        before = len(slack.fake.responses)
        await slack.send.command("U1", text, channel_id="C1", channel_name="wasserstoff-ag")
        await slack.settle()
        assert len(slack.fake.responses) == before + 1, text
        assert slack.fake.responses[-1]["response_type"] == "ephemeral"
    assert slack.fake.messages_in("C1") == []  # nothing in public
    help_text = str(slack.fake.responses[0])  # what works here, in the channel
    assert "/knotenpunkt neuigkeit" in help_text and "/knotenpunkt hilfe" in help_text
    assert "/knotenpunkt themen" not in help_text and "privaten Chat" in help_text
    assert "\\n/neuigkeit" not in help_text and " /hilfe" not in help_text


async def test_binding_a_channel_is_announced_in_the_channel(slack: SlackWorld) -> None:
    await add_member(slack.services, "UADMIN", "Chefin")
    await slack.services.store.topics.create("Wasserstoff")
    await slack.send.command("UADMIN", "bind Wasserstoff", "C1", "wasserstoff-ag")
    await slack.settle()
    assert "Wasserstoff" in slack.fake.last_in("C1").text
