"""Notifications to Slack through the outbox, error mapping, and channel bindings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.errors import PermanentFailure, RetryAfter, TemporaryFailure, Unreachable
from bot.models import Button, ChatKind, Document, Outgoing
from bot.settings import Settings
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        yield world


async def _wait_for(check: Callable[[], object], within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not check():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def _wait_until(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_notification_text_is_escaped_so_nobody_gets_pinged(slack: SlackWorld) -> None:
    await slack.services.notifier.to_chat(
        "slack", "DU1", Outgoing(title="News *& mehr*", text="<!channel> & Co <@U2>")
    )
    await slack.settle()
    [call] = slack.fake.calls_to("chat.postMessage")
    section = call["blocks"][0]["text"]
    assert section["type"] == "mrkdwn"
    assert section["text"] == "*News ∗&amp; mehr∗*\n&lt;!channel&gt; &amp; Co &lt;@U2&gt;"
    assert call["text"] == "News *&amp; mehr*\n&lt;!channel&gt; &amp; Co &lt;@U2&gt;"
    assert "<!channel>" not in str(call) and "<@U2>" not in str(call)


async def test_retry_after_from_slack_is_honoured_by_the_outbox(slack: SlackWorld) -> None:
    fake, store = slack.fake, slack.services.store
    member_id = await add_member(slack.services, "U1", "Anna")
    fake.rate_limit("chat.postMessage", retry_after=1)
    await slack.services.notifier.to_members([member_id], lambda lang: Outgoing(text="Hallo"))

    await _wait_for(lambda: len(fake.calls_to("chat.postMessage")) == 1)
    started = asyncio.get_running_loop().time()
    later = datetime.now(UTC) + timedelta(days=1)
    rows: list = []

    async def rescheduled() -> bool:
        rows[:] = await store.outbox.due(later, 10)
        return bool(rows) and "retry after 1" in (rows[0].last_error or "")

    await _wait_until(rescheduled)
    [row] = rows
    assert row.status == "pending"
    assert row.attempts == 0  # being asked to wait is not a failed attempt

    await _wait_for(lambda: len(fake.calls_to("chat.postMessage")) == 2)
    assert asyncio.get_running_loop().time() - started >= 0.8
    await slack.settle()
    assert (await store.outbox.get(row.id)).status == "sent"  # type: ignore[union-attr]
    assert fake.last_in("DU1").text == "Hallo"


async def test_deactivated_account_marks_the_identity_unreachable(slack: SlackWorld) -> None:
    store = slack.services.store
    member_id = await add_member(slack.services, "U1", "Anna")
    slack.fake.fail("chat.postMessage", "account_inactive")
    await slack.services.notifier.to_members([member_id], lambda lang: Outgoing(text="Hallo"))
    await slack.settle()
    [identity] = await store.members.identities(member_id)
    assert identity.unreachable_at is not None
    assert (await store.outbox.counts()).get("unreachable") == 1


@pytest.mark.parametrize(
    ("error", "status", "expected"),
    [
        ("channel_not_found", 200, Unreachable),
        ("not_in_channel", 200, Unreachable),
        ("is_archived", 200, Unreachable),
        ("invalid_blocks", 200, PermanentFailure),
        ("internal_error", 500, TemporaryFailure),
    ],
)
async def test_send_translates_slack_errors(
    slack: SlackWorld, error: str, status: int, expected: type[Exception]
) -> None:
    slack.fake.fail("chat.postMessage", error, status=status)
    with pytest.raises(expected, match=error):
        await slack.adapter.send("C1", ChatKind.GROUP, Outgoing(text="x"))


async def test_send_translates_429_and_network_errors(slack: SlackWorld) -> None:
    slack.fake.rate_limit("chat.postMessage", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await slack.adapter.send("C1", ChatKind.GROUP, Outgoing(text="x"))
    assert caught.value.seconds == 7

    slack.adapter.client.base_url = "http://127.0.0.1:9/api/"  # nothing listens there
    with pytest.raises(TemporaryFailure):
        await slack.adapter.send("C1", ChatKind.GROUP, Outgoing(text="x"))


async def test_a_document_is_uploaded_to_the_chat(slack: SlackWorld) -> None:
    message = Outgoing(
        text="Termin", document=Document(filename="termin.ics", content=b"BEGIN:VCALENDAR")
    )
    await slack.adapter.send("DU1", ChatKind.PRIVATE, message)
    assert list(slack.fake.uploads.values()) == [b"BEGIN:VCALENDAR"]
    [complete] = slack.fake.calls_to("files.completeUploadExternal")
    assert complete["channel_id"] == "DU1"


async def test_channel_binding_by_slash_command_and_topic_notification(slack: SlackWorld) -> None:
    fake, services = slack.fake, slack.services
    await add_member(services, "UADMIN", "Chefin")
    await add_member(services, "U1", "Anna")
    topic = await services.store.topics.create("Wasserstoff")

    await slack.send.command("U1", "bind Wasserstoff", "C1", "wasserstoff-ag")  # not an admin
    await slack.settle()
    assert "Netzwerk-Team vorbehalten" in str(fake.responses[-1])  # only Anna sees it
    assert fake.responses[-1]["response_type"] == "ephemeral"
    assert fake.messages_in("C1") == []
    assert await services.store.bindings.for_chat("slack", "C1") == []

    await slack.send.command("UADMIN", "bind Wasserstoff", "C1", "wasserstoff-ag")
    await slack.settle()
    [binding] = await services.store.bindings.for_chat("slack", "C1")
    assert (binding.target_kind, binding.target_id, binding.title) == (
        "topic",
        topic.id,
        "wasserstoff-ag",
    )
    assert "Wasserstoff" in fake.last_in("C1").text

    await services.notifier.to_topic(
        topic.id,
        lambda lang: Outgoing(
            title="Neu", text="Förderaufruf H2", buttons=[[Button(label="Mehr", action="x.y")]]
        ),
    )
    await slack.settle()
    posted = fake.last_in("C1")
    assert "Förderaufruf H2" in posted.text
    assert posted.buttons()[0]["value"] == "x.y|"

    await slack.send.command("UADMIN", "unbind", "C1", "wasserstoff-ag")
    await slack.settle()
    assert await services.store.bindings.for_chat("slack", "C1") == []


async def test_bound_channel_that_lost_the_bot_is_marked_unreachable(slack: SlackWorld) -> None:
    services = slack.services
    topic = await services.store.topics.create("Wasserstoff")
    await services.store.bindings.bind("slack", "C1", "topic", topic.id)
    slack.fake.fail("chat.postMessage", "not_in_channel")
    await services.notifier.to_topic(topic.id, lambda lang: Outgoing(text="Neu"))
    await slack.settle()
    [binding] = await services.store.bindings.for_chat("slack", "C1")
    assert binding.unreachable_at is not None


async def test_bot_removed_from_channel_stops_its_bindings(slack: SlackWorld) -> None:
    services = slack.services
    topic = await services.store.topics.create("Wasserstoff")
    await services.store.bindings.bind("slack", "C1", "topic", topic.id)
    await slack.send.event(
        {"type": "member_left_channel", "user": "U1", "channel": "C1", "channel_type": "C"}
    )
    await slack.settle()
    [binding] = await services.store.bindings.for_chat("slack", "C1")
    assert binding.unreachable_at is None  # someone else left
    await slack.send.event({"type": "channel_left", "channel": "C1", "actor_id": "U1"})
    await slack.settle()
    [binding] = await services.store.bindings.for_chat("slack", "C1")
    assert binding.unreachable_at is not None


async def test_slash_command_in_a_channel_without_the_bot_answers_privately(
    slack: SlackWorld,
) -> None:
    await add_member(slack.services, "UADMIN", "Chefin")
    await slack.services.store.topics.create("Wasserstoff")
    await slack.send.command("UADMIN", "bind Wasserstoff", "C2", "ohne-bot")
    await slack.settle()
    [response] = slack.fake.responses
    assert response["response_type"] == "ephemeral"
    assert "Wasserstoff" in response["text"] and "/invite" in response["text"]


async def test_button_in_a_channel_answers_only_the_presser(slack: SlackWorld) -> None:
    await add_member(slack.services, "U1", "Anna")
    await slack.services.notifier.to_chat(
        "slack",
        "C1",
        Outgoing(text="Neu", buttons=[[Button(label="Themen", action="topics.list")]]),
        chat_kind=ChatKind.GROUP,
    )
    await slack.settle()
    await slack.send.click("U1", slack.fake.last_in("C1"), "Themen")
    await slack.settle()
    [ephemeral] = slack.fake.calls_to("chat.postEphemeral")
    assert (ephemeral["channel"], ephemeral["user"]) == ("C1", "U1")
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_binding_by_mentioning_the_bot_in_a_channel(slack: SlackWorld) -> None:
    await add_member(slack.services, "UADMIN", "Chefin")
    topic = await slack.services.store.topics.create("Wasserstoff")
    mention = {"type": "app_mention", "user": "UADMIN", "channel": "C1", "ts": "1.5"}
    await slack.send.event({**mention, "text": "<@UBOT> binden Wasserstoff"})
    await slack.settle()
    [binding] = await slack.services.store.bindings.for_chat("slack", "C1")
    assert (binding.target_id, binding.title) == (topic.id, "wasserstoff-ag")
    assert "Wasserstoff" in slack.fake.last_in("C1").text


async def test_channel_moved_to_a_new_id_keeps_its_binding(slack: SlackWorld) -> None:
    store = slack.services.store
    topic = await store.topics.create("Wasserstoff")
    await store.bindings.bind("slack", "C1", "topic", topic.id)
    await slack.send.event(
        {"type": "channel_id_changed", "old_channel_id": "C1", "new_channel_id": "C9"}
    )
    await slack.settle()
    assert await store.bindings.for_chat("slack", "C1") == []
    [moved] = await store.bindings.for_chat("slack", "C9")
    assert moved.target_id == topic.id
