"""A date poll end to end across platforms, with the real Telegram and Slack adapters
against the fake servers: the organiser on Telegram starts it for a working group with Tom
(Telegram) and Anna (Slack); both vote, Anna changes her answer; the reminder reaches only
Anna, who had not answered then; the organiser closes it on Telegram, the event's RSVPs
are the votes, and each member hears the result once, on their own platform."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.settings import Settings
from handlers.polls.jobs import PollJobs
from storage import Store
from tests.fake_telegram import user
from tests.fake_telegram_harness import wait_for
from tests.groups_support import make_group
from tests.platforms_support import World, both_platforms
from tests.polls_support import day, typed
from tests.slack_signing import add_member

OLGA, TOM = user(42, "Olga", "de"), user(501, "Tom", "de")


async def _telegram_member(store: Store, person: dict, name: str) -> int:
    member = await store.members.create(
        name=name, company=f"{name} GmbH", region="Kreis Olpe", competencies=["KI"],
        language="de",
    )  # fmt: skip
    chat = str(person["id"])
    await store.members.add_identity(member.id, "telegram", chat, chat, name)
    return member.id


def _on_telegram(world: World, person: dict, part: str) -> list[str]:
    return [m.text for m in world.telegram.sent_to(person["id"]) if part in m.text]


def _on_slack(world: World, channel: str, part: str) -> list[str]:
    return [m.all_text() for m in world.slack.messages_in(channel) if part in m.all_text()]


async def test_a_poll_with_a_telegram_and_a_slack_member_from_form_to_event(
    make_settings: Callable[..., Settings],
) -> None:
    async with both_platforms(make_settings) as world:
        services, store = world.services, world.services.store
        await _telegram_member(store, OLGA, "Olga")
        tom = await _telegram_member(store, TOM, "Tom")
        anna = await add_member(services, "U1", "Anna")
        group = await make_group(store, services.settings, members=(tom, anna))

        first, second = day(5, 10), day(6, 14)
        remind, deadline = day(2, 9), day(3, 18)
        await world.telegram_says(OLGA, "/terminfindung")
        await world.telegram_says(OLGA, "Treffen AG Wasserstoff")
        await world.telegram_press(OLGA, "Eine Arbeitsgruppe")
        await world.telegram_press(OLGA, "AG Wasserstoff")
        await world.telegram_says(OLGA, f"{typed(first)}, {typed(second)}")
        await world.telegram_says(OLGA, typed(deadline))
        await world.telegram_press(OLGA, "Alle Gefragten")
        await world.telegram_says(OLGA, typed(remind))
        await world.telegram_press(OLGA, "Abstimmung senden")
        [poll] = await store.polls.of_organiser(1)
        assert poll.audience_ref == group.id

        # the ballots: Tom's on Telegram, Anna's in her Slack DM
        await wait_for(lambda: bool(_on_telegram(world, TOM, "Terminabstimmung")), within=10)
        await world.settle()
        assert len(_on_slack(world, "DU1", "Terminabstimmung")) == 1
        await world.telegram_press(TOM, "1 ✅ Ja")
        await world.telegram_press(TOM, "2 ❌ Nein")

        # the reminder, while Anna has not answered: to her only
        jobs = PollJobs(store, services.notifier, services.settings)
        jobs.clock = lambda: remind + timedelta(minutes=1)
        assert (await jobs.tick())[0] == 1
        await world.settle()
        await wait_for(lambda: bool(_on_slack(world, "DU1", "Erinnerung")), within=10)
        assert not _on_telegram(world, TOM, "Erinnerung")

        # Anna answers on the reminder, then changes her answer: the same message is edited
        reminder = world.slack.last_in("DU1")
        await world.send.click("U1", reminder, "1 ❌ Nein")
        await world.settle()
        await world.send.click("U1", world.slack.last_in("DU1"), "1 🤔 Wenn nötig")
        await world.settle()
        assert world.slack.last_in("DU1").ts == reminder.ts
        assert await store.polls.answers(poll.id) == {tom: {0: "y", 1: "n"}, anna: {0: "m"}}
        voters = [e.actor for e in await store.audit.entries(action="poll.answered")]
        assert voters == ["telegram:501", "telegram:501", "slack:U1", "slack:U1"]
        assert (await jobs.tick())[0] == 0  # the reminder once

        # the deadline: the organiser gets the dates to pick from, the best one first
        jobs.clock = lambda: deadline + timedelta(minutes=1)
        assert (await jobs.tick())[1] == 1
        await wait_for(lambda: bool(_on_telegram(world, OLGA, "Abstimmung beendet")), within=10)
        await world.telegram_press(OLGA, "⭐")
        await world.telegram_says(OLGA, "Rathaus Olpe")
        await world.telegram_says(OLGA, "-")
        await world.telegram_press(OLGA, "Termin anlegen")
        assert _on_telegram(world, OLGA, "ist angelegt"), world.telegram.sent_to(42)

        closed = await store.polls.get(poll.id)
        assert closed is not None and closed.event_id is not None
        event = await store.events.get(closed.event_id)
        assert event is not None and event.start == first and event.group_id == group.id
        rsvps = {m: await store.rsvps.get(event.id, event.start, m) for m in (tom, anna)}
        assert {m: r.status if r else None for m, r in rsvps.items()} == {
            tom: "yes",
            anna: "maybe",
        }

        # the result: once to each member, on their platform
        await wait_for(lambda: bool(_on_telegram(world, TOM, "Termin steht")), within=10)
        await world.settle()
        await wait_for(lambda: bool(_on_slack(world, "DU1", "Termin steht")), within=10)
        await jobs.tick()
        await world.settle()
        assert len(_on_telegram(world, TOM, "Termin steht")) == 1
        assert len(_on_slack(world, "DU1", "Termin steht")) == 1
        assert not _on_telegram(world, OLGA, "Termin steht")  # not asked: not told
