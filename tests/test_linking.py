"""Linking Telegram and Slack into one member, through the core as each platform would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.models import Outgoing
from bot.settings import Settings
from handlers.linking.service import ALPHABET, CODE_LENGTH
from handlers.topics import create_topic
from tests.events_support import add_event
from tests.events_support import service as events
from tests.helpers import Person
from tests.linking_support import TwoPlatforms, code_in, two_platforms


async def _linked(world: TwoPlatforms) -> tuple[Person, Person, int]:
    """Anna signs up on Telegram, then joins her Slack account with /start CODE."""
    tg = world.on_telegram("4711")
    await tg.register()
    await tg.say("/verknuepfen")
    code = code_in(tg)
    slack = world.on_slack("U1")
    await slack.say(f"/start {code}")
    assert "Verknüpft" in slack.texts(), slack.texts()
    member = await world.services.store.members.find_by_identity("telegram", "4711")
    assert member is not None
    return tg, slack, member.id


async def test_start_code_in_a_fresh_chat_joins_it_and_both_chats_are_told(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        tg = world.on_telegram("4711")
        await tg.register()
        await tg.say("/link")
        code = code_in(tg)
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
        assert "10 Minuten" in tg.texts()

        slack = world.on_slack("U1")
        await slack.say(f"/start {code.lower()}")  # typed in small letters: still fine
        assert "Verknüpft" in slack.texts() and "Telegram, Slack" in slack.texts()
        store = world.services.store
        assert await store.members.count() == 1
        member = await store.members.find_by_identity("slack", "U1")
        assert member is not None and member.name == "Anna Muster"
        keys = {i.key for i in await store.members.identities(member.id)}
        assert keys == {"telegram:4711", "slack:U1"}
        await world.delivered()
        assert any("Slack-Konto verknüpft" in t for t in world.telegram.texts_to("4711"))
        assert world.slack.sent == []  # Slack got its answer directly, not a notification
        assert (await store.audit.recent(1))[0]["action"] == "member.linked"
        # the Slack chat is a member chat now: its commands work
        await slack.say("/profil")
        assert "Konten: Telegram (4711), Slack (U1)" in slack.texts()


async def test_link_merges_two_members_older_profile_wins_topics_and_answers_merge(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        app, store = world.services, world.services.store
        ki = await create_topic(store, "KI", "", None)
        h2 = await create_topic(store, "Wasserstoff", "", None)
        tg = world.on_telegram("4711")
        await tg.register(name="Anna Muster", competencies="KI")
        slack = world.on_slack("U1")
        await slack.register(name="A. Muster", company="Andere AG", competencies="Laser")
        older = await store.members.find_by_identity("telegram", "4711")
        newer = await store.members.find_by_identity("slack", "U1")
        assert older is not None and newer is not None
        await store.topics.subscribe(older.id, ki.id)
        await store.topics.subscribe(newer.id, ki.id)
        await store.topics.subscribe(newer.id, h2.id)
        first = await add_event(app, title="Stammtisch")
        second = await add_event(app, title="Workshop", start=first.start + timedelta(days=1))
        await store.rsvps.record(first.id, first.start, older.id, "no", False)
        await store.rsvps.record(first.id, first.start, newer.id, "yes", False)
        await store.rsvps.record(second.id, second.start, older.id, "maybe", False)
        await store.rsvps.record(second.id, second.start, newer.id, "no", False)

        await slack.say("/link")  # the newer account asks, the older one enters the code
        await tg.say(f"/link {code_in(slack)}")
        assert "Verknüpft" in tg.texts(), tg.texts()

        assert await store.members.count() == 1
        merged = await store.members.get(older.id)
        assert merged is not None
        assert (merged.name, merged.company, merged.competencies) == (
            "Anna Muster",
            "Muster GmbH",
            ["KI"],
        )
        assert await store.members.get(newer.id) is None
        assert await store.topics.subscribed_ids(older.id) == {ki.id, h2.id}
        assert await store.topics.subscriber_ids(ki.id) == [older.id]  # one per topic
        answers = {(r.event_id, r.status) for r in await store.rsvps.for_member(older.id)}
        assert answers == {(first.id, "yes"), (second.id, "maybe")}
        assert len(await store.rsvps.attendees(first.id)) == 1
        await world.delivered()
        assert any("verknüpft" in t for t in world.slack.texts_to("U1"))


async def test_wrong_codes_count_and_five_per_hour_lock_the_door(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        tg = world.on_telegram("4711")
        await tg.register()
        await tg.say("/link")
        good = code_in(tg)
        slack = world.on_slack("U1")
        await slack.register(name="Anna")
        await slack.say("/link AAAAAA")
        assert "kenne ich nicht" in slack.texts() and "Noch 4 Versuche" in slack.texts()
        await slack.say("/link 12")
        assert "kein gültiger Code" in slack.texts() and "Noch 3 Versuche" in slack.texts()
        for _ in range(3):
            await slack.say("/link CCCCCC")
        assert "Noch 0 Versuche" in slack.texts()
        await slack.say(f"/link {good}")  # even the right code waits now
        assert "Zu viele falsche Codes" in slack.texts() and "60 Minuten" in slack.texts()
        store = world.services.store
        assert await store.members.count() == 2
        # the code itself is still good for the other account, a fresh chat somewhere else
        fresh = world.on_slack("U9")
        await fresh.say(f"/start {good}")
        assert "Verknüpft" in fresh.texts()


async def test_a_used_code_and_ones_own_code_are_refused(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        tg, slack, member_id = await _linked(world)
        await tg.say("/link")
        code = code_in(tg)
        await tg.say(f"/link {code}")
        assert "Code dieses Kontos" in tg.texts()
        await slack.say(f"/link {code}")
        assert "schon zu einem Profil" in slack.texts()
        other = world.on_telegram("999")
        await other.say(f"/start {code}")
        assert "Verknüpft" in other.texts()
        intruder = world.on_slack("U2")
        await intruder.say(f"/start {code}")
        assert "schon verwendet" in intruder.texts()
        store = world.services.store
        assert await store.members.find_by_identity("slack", "U2") is None
        assert len(await store.members.identities(member_id)) == 3


async def test_link_without_registration_and_while_pending(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        stranger = world.on_slack("U5")
        await stranger.say("/verknuepfen")
        assert "noch nicht angemeldet" in stranger.texts()
        await stranger.say("/start ZZ")  # not a code: sign-up starts as before
        assert "Willkommen" in stranger.texts()

    async with two_platforms(lambda **kw: make_settings(approval_required=True, **kw)) as world:
        waiting = world.on_telegram("77")
        await waiting.answer_until_consent()
        await waiting.press("Ja")
        assert "wartet auf die Freigabe" in waiting.texts()
        await waiting.say("/link")
        assert "wartet noch auf die Freigabe" in waiting.texts()
        await waiting.say("/link AAAAAA")
        assert "wartet noch auf die Freigabe" in waiting.texts()


async def test_notifications_after_linking_go_once_to_the_preferred_platform(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        tg, slack, member_id = await _linked(world)
        app, store = world.services, world.services.store
        topic = await create_topic(store, "KI", "", None)
        await store.topics.subscribe(member_id, topic.id)

        def count() -> tuple[int, int]:
            return len(world.telegram.sent), len(world.slack.sent)

        await world.delivered()
        before = count()
        await add_event(app, title="Erstes Treffen", topic_ids=[topic.id])
        await world.delivered()
        # Slack was used last (the /start CODE): the announcement goes there, once
        assert count() == (before[0], before[1] + 1)

        await tg.say("/profil")
        assert "Benachrichtigungen über: die zuletzt genutzte Plattform" in tg.texts()
        await tg.press("Benachrichtigungen über")
        await tg.press("Telegram")
        assert "Benachrichtigungen über: Telegram" in tg.texts()
        await slack.say("/termine")  # Slack is used last again; the choice still holds
        before = count()
        await add_event(app, title="Zweites Treffen", topic_ids=[topic.id])
        await app.notifier.to_topic(topic.id, lambda lang: _text("Neuigkeit"))
        await world.delivered()
        assert count() == (before[0] + 2, before[1])

        # Telegram blocked the bot: the other account gets it, still once
        await store.members.mark_unreachable("telegram", "4711")
        before = count()
        await events(app).to_members([member_id], lambda lang, zone: _text("Erinnerung"))
        await world.delivered()
        assert count() == (before[0], before[1] + 1)
        assert world.slack.sent[-1].message.text == "Erinnerung"


def _text(text: str) -> Outgoing:
    return Outgoing(text=text)


async def test_unlink_separates_an_account_with_a_copy_of_the_profile(
    make_settings: Callable[..., Settings],
) -> None:
    async with two_platforms(make_settings) as world:
        tg, slack, member_id = await _linked(world)
        app, store = world.services, world.services.store
        topic = await create_topic(store, "KI", "", None)
        await store.topics.subscribe(member_id, topic.id)
        event = await add_event(app)
        await store.rsvps.record(event.id, event.start, member_id, "yes", False)

        await tg.say("/trennen")
        assert "Welches Konto" in tg.texts()
        await tg.press("Slack (U1) lösen")
        assert "Slack (U1) ist gelöst" in tg.texts()

        separated = await store.members.find_by_identity("slack", "U1")
        kept = await store.members.get(member_id)
        assert separated is not None and kept is not None and separated.id != member_id
        assert (separated.name, separated.company, separated.region) == (
            kept.name,
            kept.company,
            kept.region,
        )
        assert await store.topics.subscribed_ids(separated.id) == {topic.id}
        assert await store.rsvps.for_member(separated.id) == []
        assert len(await store.rsvps.for_member(member_id)) == 1
        assert [i.key for i in await store.members.identities(member_id)] == ["telegram:4711"]
        await world.delivered()
        assert any("gelöst" in t for t in world.slack.texts_to("U1"))
        assert (await store.audit.recent(1))[0]["action"] == "member.unlinked"

        await tg.say("/unlink")
        assert "nur ein Konto" in tg.texts()
        # and they can be joined again
        await slack.say("/link")
        await tg.say(f"/link {code_in(slack)}")
        assert "Verknüpft" in tg.texts()
        assert await store.members.count() == 1
