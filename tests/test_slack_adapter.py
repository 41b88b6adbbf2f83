"""The Slack adapter end to end: signed requests in, Web API calls to a fake Slack out."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable

import pytest

from bot.settings import Settings
from tests.fake_slack import BOT_ID, BOT_USER_ID
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as world:
        yield world


async def test_registration_and_topic_subscription_through_dm_and_buttons(
    slack: SlackWorld,
) -> None:
    fake, send, store = slack.fake, slack.send, slack.services.store
    topic = await store.topics.create("Wasserstoff", "H2 in Südwestfalen")

    assert (await send.dm("U1", "start")).status == 200
    await slack.settle()
    welcome = fake.last_in("DU1")
    assert "Willkommen" in welcome.text
    await send.click("U1", welcome, "Deutsch")
    await slack.settle()
    assert "Wie heißen Sie" in fake.last_in("DU1").text
    await send.dm("U1", "Anna Muster")
    await slack.settle()
    await send.dm("U1", "Muster & <Söhne> GmbH")  # arrives escaped, is stored as typed
    await slack.settle()
    await send.click("U1", fake.last_in("DU1"), "Kreis Olpe")
    await slack.settle()
    await send.dm("U1", "KI, Robotik")
    await slack.settle()
    await send.click("U1", fake.last_in("DU1"), "Ja")
    await slack.settle()
    assert "registriert" in fake.last_in("DU1").text

    member = await store.members.find_by_identity("slack", "U1")
    assert member is not None
    assert (member.name, member.company, member.language) == (
        "Anna Muster",
        "Muster & <Söhne> GmbH",
        "de",
    )
    [identity] = await store.members.identities(member.id)
    assert (identity.chat_id, identity.display_name) == ("DU1", "anna")

    await send.dm("U1", "themen")  # a bare command in a DM
    await slack.settle()
    topics = fake.last_in("DU1")
    assert "Wasserstoff" in topics.all_text()
    posted_before = len(fake.calls_to("chat.postMessage"))
    await send.click("U1", topics, "Wasserstoff")
    await slack.settle()
    assert await store.topics.subscribed_ids(member.id) == {topic.id}
    [update] = fake.calls_to("chat.update")
    assert (update["channel"], update["ts"]) == ("DU1", topics.ts)
    assert "✅ Wasserstoff" in topics.all_text()  # the same message, edited
    assert len(fake.calls_to("chat.postMessage")) == posted_before
    assert len(fake.calls_to("users.info")) == 1  # the locale lookup is cached


async def test_slack_locale_picks_the_language_for_new_people(slack: SlackWorld) -> None:
    await slack.send.dm("U2", "/start")  # with a slash works too
    await slack.settle()
    assert "Welcome" in slack.fake.last_in("DU2").text
    assert slack.fake.calls_to("users.info")[0]["include_locale"] in ("1", "true", "True")


async def test_slash_command_acks_at_once_and_answers_in_the_dm(slack: SlackWorld) -> None:
    fake = slack.fake
    await add_member(slack.services, "U1", "Anna")
    await slack.services.store.topics.create("Wasserstoff")
    fake.delays["users.info"] = 1.0  # slow Slack: the ack must not wait for it

    reply = await slack.send.command("U1", "themen")
    assert reply.status == 200
    assert reply.seconds < 0.8
    await slack.settle()
    assert "Wasserstoff" in fake.last_in("DU1").all_text()
    assert fake.calls_to("conversations.open")[0]["users"] == "U1"

    await slack.send.command("U1", "")  # bare /knotenpunkt: help
    await slack.settle()
    assert "Das kann ich für Sie tun" in fake.last_in("DU1").text


async def test_events_and_clicks_are_acked_before_the_slow_work(slack: SlackWorld) -> None:
    fake = slack.fake
    fake.delays["users.info"] = 1.5  # slow Slack: the acks must not wait for it
    reply = await slack.send.dm("U1", "start")
    assert reply.status == 200 and reply.seconds < 1.0
    await slack.settle()
    welcome = fake.last_in("DU1")
    assert "Willkommen" in welcome.text

    fake.delays["chat.update"] = 1.5
    fake.delays["chat.postMessage"] = 1.5
    reply = await slack.send.click("U1", welcome, "Deutsch")
    assert reply.status == 200 and reply.seconds < 1.0
    await slack.settle()
    assert "Wie heißen Sie" in fake.last_in("DU1").text


async def test_app_home_shows_profile_and_topic_toggles(slack: SlackWorld) -> None:
    fake, store = slack.fake, slack.services.store
    member_id = await add_member(slack.services, "U1", "Anna Muster")
    hydrogen = await store.topics.create("Wasserstoff")
    robots = await store.topics.create("Robotik")
    await store.topics.subscribe(member_id, hydrogen.id)

    await slack.send.home_opened("U1")
    await slack.settle()
    view = fake.views["U1"]
    assert view["type"] == "home"
    text = str(view["blocks"])
    assert "Anna Muster" in text and "Anna Muster GmbH" in text
    assert "Robotik" in text and "Wasserstoff" in text

    await slack.send.click_home("U1", "Abonnieren")  # Robotik, the only one not subscribed
    await slack.settle()
    assert await store.topics.subscribed_ids(member_id) == {hydrogen.id, robots.id}
    assert len(fake.calls_to("views.publish")) == 2  # the Home tab was published again
    assert "Abonnieren" not in str(fake.views["U1"]["blocks"])
    assert not fake.calls_to("chat.update")
    assert not fake.calls_to("chat.postMessage")


async def test_app_home_welcomes_people_who_have_not_signed_up(slack: SlackWorld) -> None:
    await slack.send.home_opened("U2")
    await slack.settle()
    text = str(slack.fake.views["U2"]["blocks"])
    assert "Welcome to Knotenpunkt" in text
    assert "write start" in text


async def test_forged_signature_and_stale_timestamp_reach_nothing(slack: SlackWorld) -> None:
    send, store = slack.send, slack.services.store
    assert (await send.dm("U1", "start", secret="not-the-secret")).status == 401
    stale = int(time.time()) - 6 * 60
    assert (await send.dm("U1", "start", timestamp=stale)).status == 401
    assert (await send.command("U1", "hilfe", secret="not-the-secret")).status == 401
    assert (await send.command("U1", "hilfe", timestamp=stale)).status == 401
    click = {"action_id": "reg.lang#0", "text": {"type": "plain_text", "text": "Deutsch"}}
    container = {"type": "message", "message_ts": "1.1", "channel_id": "DU1"}
    click |= {"value": "reg.lang|de"}
    assert (await send.block_action("U1", click, container, secret="forged")).status == 401
    assert (await send.block_action("U1", click, container, timestamp=stale)).status == 401
    await slack.settle()
    assert not slack.fake.calls_to("chat.postMessage")
    assert not slack.fake.calls_to("users.info")
    assert await store.conversations.get("slack", "U1") is None
    assert await store.members.count() == 0


async def test_events_from_bots_and_edits_are_ignored(slack: SlackWorld) -> None:
    send = slack.send
    own = {"type": "message", "channel": "DU1", "user": BOT_USER_ID, "bot_id": BOT_ID}
    await send.event({**own, "text": "start", "channel_type": "im", "ts": "1.1"})
    await send.event(
        {"type": "message", "subtype": "bot_message", "bot_id": "BOTHER", "channel": "DU1"}
        | {"text": "start", "channel_type": "im", "ts": "1.2"}
    )
    await send.event(  # another app's bot user writing to us
        {"type": "message", "user": "UOTHERBOT", "bot_id": "BOTHER", "channel": "DU1"}
        | {"text": "start", "channel_type": "im", "ts": "1.25"}
    )
    await send.event(
        {"type": "message", "subtype": "message_changed", "channel": "DU1", "ts": "1.3"}
        | {"channel_type": "im", "message": {"user": "U1", "text": "start"}}
    )
    await send.event(
        {"type": "app_mention", "user": BOT_USER_ID, "bot_id": BOT_ID}
        | {"text": f"<@{BOT_USER_ID}> hilfe", "channel": "C1", "ts": "1.4"}
    )
    await slack.settle()
    assert not slack.fake.calls_to("chat.postMessage")
    assert await slack.services.store.conversations.get("slack", BOT_USER_ID) is None

    await send.dm("U1", "start")  # a person is still answered
    await slack.settle()
    assert "Willkommen" in slack.fake.last_in("DU1").text


async def test_a_retried_event_is_handled_once(slack: SlackWorld) -> None:
    await slack.send.dm("U1", "start", event_id="Ev-same")
    await slack.settle()
    await slack.send.dm("U1", "start", event_id="Ev-same")
    await slack.settle()
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


async def test_a_failing_reply_gives_a_short_apology(slack: SlackWorld) -> None:
    slack.fake.fail("chat.postMessage", "invalid_blocks")
    await slack.send.dm("U1", "start")
    await slack.settle()
    [failed, apology] = slack.fake.calls_to("chat.postMessage")
    assert "Willkommen" in failed["text"]
    assert apology["text"].startswith("Entschuldigung")
    assert "Traceback" not in apology["text"] and "invalid_blocks" not in apology["text"]


async def test_url_verification_is_answered(slack: SlackWorld) -> None:
    body = '{"token": "t", "challenge": "abc123", "type": "url_verification"}'
    reply = await slack.send.post(body, "application/json")
    assert reply.status == 200
    assert "abc123" in reply.body


async def test_app_home_lists_next_events_and_takes_an_rsvp(slack: SlackWorld) -> None:
    from tests.events_support import add_event

    fake, store = slack.fake, slack.services.store
    member_id = await add_member(slack.services, "U1", "Anna Muster")
    event = await add_event(slack.services, title="KI-Stammtisch", capacity=10)

    await slack.send.home_opened("U1")
    await slack.settle()
    text = str(fake.views["U1"]["blocks"])
    assert "Nächste Termine" in text and "KI-Stammtisch" in text

    assert "noch 10 Plätze frei" in text  # the same compact line as in /termine

    await slack.send.click_home("U1", "Zusage")
    await slack.settle()
    occurrence = event.start
    rsvp = await store.rsvps.get(event.id, occurrence, member_id)
    assert rsvp is not None and rsvp.status == "yes"
    assert "✅ zugesagt · noch 9 Plätze frei" in str(fake.views["U1"]["blocks"])  # republished
    assert not fake.calls_to("chat.postMessage")

    await slack.send.click_home("U1", "Einzelheiten")  # the card, as a message in the DM
    await slack.settle()
    [card] = fake.messages_in("DU1")
    assert "Plätze: 9 von 10 frei." in card.all_text() and "Ihre Antwort: Zusage" in card.all_text()
