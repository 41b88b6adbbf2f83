"""Levels per topic (issue 29): at once, only in the weekly overview, or muted; chosen with
the second button of a subscribed topic in /themen; topic event notices and topic news
(broadcasts to a topic) go at once only to those on "all"; the staff see the counts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from bot.services import Services
from bot.settings import Settings
from handlers.privacy.stats import collect, section
from handlers.topics import create_topic
from storage.broadcasts import Audience
from tests.events_support import add_event
from tests.helpers import Person
from tests.slack_signing import SlackWorld, add_member, running_slack, standard_fake


@pytest.fixture
async def slack(make_settings: Callable[..., Settings]) -> AsyncIterator[SlackWorld]:
    async with running_slack(make_settings, standard_fake()) as world:
        yield world


async def _told(app: Services, chat: str, words: str) -> int:
    found = await app.store.db.fetchval(
        "SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND reply_target IS NULL AND payload LIKE ?",
        (chat, f"%{words}%"),
    )
    return int(found)


async def _subscribed(app: Services, who: str, topic: str, level: str | None) -> int:
    person = Person(app.core, who)
    await person.register(name=who.title())
    await person.say("/themen")
    await person.press(topic)
    if level in ("digest", "muted"):
        await person.press("🔔 Sofort ⇄")  # all -> digest
        assert "„KI in der Industrie“: 🗞 Wochenüberblick." in person.texts()
    if level == "muted":
        await person.press("🗞 Wochenüberblick ⇄")  # digest -> muted
        assert "„KI in der Industrie“: 🔕 Stumm." in person.texts()
    member = await app.store.members.find_by_identity("console", who)
    assert member is not None
    return member.id


async def test_a_muted_topic_tells_nothing_and_a_digest_topic_nothing_at_once(
    app: Services,
) -> None:
    topic = await create_topic(app.store, "KI in der Industrie", "", None)
    anna = await _subscribed(app, "anna", "KI in der Industrie", "all")
    dora = await _subscribed(app, "dora", "KI in der Industrie", "digest")
    mia = await _subscribed(app, "mia", "KI in der Industrie", "muted")
    assert await app.store.topics.level_counts() == {topic.id: {"all": 1, "digest": 1, "muted": 1}}
    assert await app.store.topics.subscriber_ids(topic.id, ("all",)) == [anna]
    assert await app.store.topics.subscriber_ids(topic.id) == sorted([anna, dora, mia])

    await add_event(app, "KI-Stammtisch", topic_ids=[topic.id])
    assert await _told(app, "anna", "KI-Stammtisch") == 1
    assert await _told(app, "dora", "KI-Stammtisch") == 0
    assert await _told(app, "mia", "KI-Stammtisch") == 0

    counts = await app.store.broadcasts.count_by_platform(Audience(topic_id=topic.id))
    assert sum(counts.values()) == 1  # topic news at once: only those on "all"


async def test_the_level_button_sets_the_level_it_shows_once(app: Services) -> None:
    await create_topic(app.store, "KI in der Industrie", "", None)
    anna = Person(app.core, "anna")
    await anna.register()
    await anna.say("/themen")
    await anna.press("KI in der Industrie")
    [screen] = anna.last
    row = next(r for r in screen.buttons if r[0].label == "✅ KI in der Industrie")
    level_button = row[1]
    assert level_button.label == "🔔 Sofort ⇄"
    await anna.tap(level_button)
    await anna.tap(level_button)  # the same press again: digest stays digest
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None
    [(_topic, level)] = await app.store.topics.levels_for(member.id)
    assert level == "digest"
    assert "🗞 KI in der Industrie" in anna.last[0].text
    # unsubscribing and subscribing again starts at "all"
    await anna.press("🗞 KI in der Industrie")
    await anna.press("▫️ KI in der Industrie")
    assert (await app.store.topics.levels_for(member.id))[0][1] == "all"


async def test_the_staff_see_how_many_are_on_each_level(app: Services) -> None:
    await create_topic(app.store, "KI in der Industrie", "", None)
    await _subscribed(app, "anna", "KI in der Industrie", "all")
    await _subscribed(app, "dora", "KI in der Industrie", "digest")
    stats = await collect(app.store, app.settings)
    assert stats.topic_levels == [("KI in der Industrie", 1, 1, 0)]
    text = section("de", stats, "topics")
    assert "Benachrichtigung je Thema (sofort · Wochenüberblick · stumm):" in text
    assert "  KI in der Industrie: 1 · 1 · 0" in text


async def test_the_slack_app_home_sets_a_topics_level(slack: SlackWorld) -> None:
    fake, store = slack.fake, slack.services.store
    member_id = await add_member(slack.services, "U1", "Anna Muster")
    hydrogen = await store.topics.create("Wasserstoff")
    await store.topics.subscribe(member_id, hydrogen.id)
    await slack.send.home_opened("U1")
    await slack.settle()
    assert "🔔 Sofort" in str(fake.views["U1"]["blocks"])

    await slack.send.click_home("U1", "🔔 Sofort ⇄")
    await slack.settle()
    assert (await store.topics.levels_for(member_id))[0][1] == "digest"
    assert "🗞 Wochenüberblick ⇄" in str(fake.views["U1"]["blocks"])  # published again
    assert not fake.calls_to("chat.postMessage")
