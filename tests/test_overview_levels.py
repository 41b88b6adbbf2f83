"""The overview's two parts end to end: what a member put on "weekly overview" (a topic's
news and events), and, for a member who did not use the bot that week, the highlights of
all they follow, each with a button that opens it; and the day and hour a member chooses."""

from __future__ import annotations

from datetime import timedelta

from bot.delivery.notify import Notifier
from bot.models import Outgoing
from bot.services import Services
from handlers.overview.jobs import OverviewScanner
from handlers.overview.moments import overview_moment
from handlers.topics import create_topic
from storage.broadcasts import Audience
from storage.db import to_db_time, utcnow
from storage.polls import NewPoll
from tests.broadcast_support import CLI
from tests.broadcast_support import service as broadcast_service
from tests.cooperation_support import post as post_request
from tests.events_support import add_event
from tests.groups_support import console_member, group_service, make_group
from tests.helpers import Person
from tests.test_overview import BERLIN, MINUTE, Clock, digests, next_monday_eight


def scanner(app: Services, clock: Clock) -> OverviewScanner:
    return OverviewScanner(
        app.store, Notifier(app.store, app.settings.language), app.settings, clock=clock
    )


async def _to(app: Services, chat: str) -> list[Outgoing]:
    return [message for c, _, message in await digests(app.store) if c == chat]


async def test_a_topic_on_digest_is_heard_of_only_in_the_overview(app: Services) -> None:
    store = app.store
    topic = await create_topic(store, "KI in der Industrie", "", None)
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    mia = await console_member(store, "mia", "Mia Muted")
    for member_id in (anna, dora, mia):
        await store.topics.subscribe(member_id, topic.id)
    await store.topics.set_level(dora, topic.id, "digest")
    await store.topics.set_level(mia, topic.id, "muted")

    monday = next_monday_eight()
    await add_event(app, "KI-Stammtisch", start=monday + timedelta(days=3), topic_ids=[topic.id])
    await broadcast_service(store, app.settings).send_now(
        Audience(topic_id=topic.id), "Neue Förderrichtlinie für KI-Projekte", CLI
    )
    at_once = await store.db.fetchall(
        "SELECT DISTINCT chat_id FROM outbox WHERE batch NOT LIKE 'overview:%'"
        " AND reply_target IS NULL ORDER BY chat_id"
    )
    assert [r[0] for r in at_once] == ["anna"]  # the event notice and the news

    clock = Clock(monday + MINUTE)
    assert await scanner(app, clock).scan() == 1
    [overview] = await _to(app, "dora")
    assert "Thema „KI in der Industrie“" in overview.text
    assert "KI-Stammtisch" in overview.text
    assert "📣 Neue Förderrichtlinie für KI-Projekte" in overview.text
    assert any(b.label == "📅 KI-Stammtisch" for b in overview.button_list())
    assert await _to(app, "mia") == [] and await _to(app, "anna") == []


async def test_who_was_away_gets_the_highlights_of_all_they_follow(app: Services) -> None:
    store, settings = app.store, app.settings
    topic = await create_topic(store, "Wasserstoff", "", None)
    anna = await console_member(store, "anna", "Anna Muster")
    paul = await console_member(store, "paul", "Paul Pause")
    await store.topics.subscribe(paul, topic.id)
    group = await make_group(store, settings, "AG Wasserstoff", members=(anna, paul))
    monday = next_monday_eight()
    # Paul last used the bot before this week
    await store.db.execute(
        "UPDATE identities SET last_seen_at = ? WHERE member_id = ?",
        (to_db_time(utcnow() - timedelta(days=8)), paul),
    )
    await add_event(app, "H2-Werkstatt", start=monday + timedelta(days=2), topic_ids=[topic.id])
    author = await store.members.get(anna)
    assert author is not None
    await group_service(store, settings).post_update(group, author, "Protokoll ist online")
    await post_request(store, settings, anna, ["Wasserstoff"], title="Elektrolyseur gesucht")
    poll = await store.polls.create(
        NewPoll(
            title="Nächstes AG-Treffen",
            organiser_id=anna,
            audience_kind="group",
            audience_ref=group.id,
            deadline=monday + timedelta(days=5),
            visibility="all",
            remind_at=None,
            options=[(monday + timedelta(days=9), None)],
        ),
        [anna, paul],
    )

    clock = Clock(monday + MINUTE)
    assert await scanner(app, clock).scan() == 1  # Paul; Anna used the bot this week
    [overview] = await _to(app, "paul")
    text = overview.text
    assert "Was Sie diese Woche verpasst haben:" in text
    assert "H2-Werkstatt" in text
    assert "AG Wasserstoff: " in text and "Protokoll ist online" in text
    assert "🤝 Kooperationsgesuch: Elektrolyseur gesucht" in text
    assert "🗳 Terminumfrage „Nächstes AG-Treffen“ wartet auf Ihre Antwort" in text
    actions = {b.action for b in overview.button_list()}
    assert actions == {"ev.card", "grp.view", "coop.view", "poll.b"}

    # each button opens what it names
    person = Person(app.core, "paul")
    person.last = [overview]
    [card] = await person.press("📅 H2-Werkstatt")
    assert card.title == "H2-Werkstatt"
    person.last = [overview]
    ballot = await person.press("🗳 Nächstes AG-Treffen")
    assert any("Nächstes AG-Treffen" in f"{m.title} {m.text}" for m in ballot), poll.id


async def test_the_member_chooses_day_and_hour_or_turns_it_off(app: Services) -> None:
    store, settings = app.store, app.settings
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    group = await make_group(store, settings, members=(anna, dora))
    await store.groups.set_level(group.id, dora, "digest")
    person = Person(app.core, "dora")
    [screen] = await person.say("/ueberblick")
    assert "Montags um 8 Uhr" in screen.text
    [screen] = await person.say("/ueberblick Freitag 17")
    assert "Freitags um 17 Uhr" in screen.text
    [screen] = await person.say("/ueberblick Mondtag")
    assert "„Mondtag“ verstehe ich nicht" in screen.text
    assert await store.overview.choice(dora) == (4, 17)

    author = await store.members.get(anna)
    assert author is not None
    await group_service(store, settings).post_update(group, author, "Neuigkeit")
    friday = overview_moment(utcnow(), BERLIN, 4, 17) + timedelta(days=7)  # the next one
    clock = Clock(friday - MINUTE)
    assert await scanner(app, clock).scan() == 0  # the week before the update
    clock.now = friday + MINUTE
    assert await scanner(app, clock).scan() == 1

    await person.say("/ueberblick")
    [screen] = await person.press("Aus")
    assert "ist aus" in screen.text
    await group_service(store, settings).post_update(group, author, "Noch eine")
    clock.now = friday + timedelta(days=7, minutes=1)
    assert await scanner(app, clock).scan() == 0
    assert await store.overview.choice(dora) is None
