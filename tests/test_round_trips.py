"""How often one update goes to the store's thread: each trip costs about 85 µs of waiting
(aiosqlite runs every statement in the connection's own thread), so a typical command must
take at most six, counted from the update's arrival to its answer being settled."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from bot.context import Context
from bot.models import Identity, Incoming, Platform
from bot.router import Access
from bot.services import Services
from bot.settings import Settings
from storage.updates import InboxRow
from tests.events_support import add_event
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.helpers import FakeAdapter, Person

MAX_TRIPS = 6
_CALLS = ("execute", "execute_fetchall", "executemany", "executescript", "commit", "rollback")


class CountingConnection:
    """Stands in front of an aiosqlite connection and counts the calls into its thread
    made by one task (the one handling the update; background work is not counted)."""

    def __init__(self, connection: Any, counter: TripCounter) -> None:
        self._connection = connection
        self._counter = counter

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:  # isolation_level, row_factory: the connection's own
            setattr(self._connection, name, value)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._connection, name)
        if name not in _CALLS:
            return attribute

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._counter.note(name, args[0] if args else "")
            return attribute(*args, **kwargs)

        return counted


class TripCounter:
    def __init__(self) -> None:
        self.task: asyncio.Task[Any] | None = None
        self.trips: list[str] = []

    def note(self, call: str, sql: object) -> None:
        if self.task is not None and asyncio.current_task() is self.task:
            self.trips.append(f"{call}: {str(sql)[:70]}")

    async def count(self, work: Any) -> list[str]:
        """The trips ``work`` (a coroutine) makes in its own task."""
        self.trips = []
        self.task = asyncio.ensure_future(work)
        try:
            await self.task
        finally:
            self.task = None
        return list(self.trips)


def watch(app: Services) -> TripCounter:
    counter = TripCounter()
    db = app.store.db
    db._conn = CountingConnection(db._conn, counter)  # type: ignore[assignment]
    if db._reader is not None:
        db._reader = CountingConnection(db._reader, counter)  # type: ignore[assignment]
    return counter


def incoming(user_id: str, update_id: int, **fields: Any) -> Incoming:
    return Incoming(
        platform=Platform.CONSOLE,
        chat_id=user_id,
        sender=Identity(platform=Platform.CONSOLE, user_id=user_id),
        update_id=str(update_id),
        **fields,
    )


async def test_a_typical_command_takes_at_most_six_trips(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    anna = Person(app.core, "anna")
    await anna.register()
    topic = await app.store.topics.create("Wasserstoff", "H2 in der Region")
    await add_event(app)
    [listing] = await anna.say("/termine")
    card_button = listing.buttons[0][0]
    counter = watch(app)
    updates = {
        "/themen": incoming("anna", 1, text="/themen"),
        "/termine": incoming("anna", 2, text="/termine"),
        "/hilfe": incoming("anna", 3, text="/hilfe"),
        "topic button": incoming("anna", 4, action="topics.toggle", action_arg=str(topic.id)),
        "event card": incoming("anna", 5, action=card_button.action, action_arg=card_button.arg),
    }
    for name, update in updates.items():
        before = len(fake_adapter.sent)
        trips = await counter.count(app.core.handle(update, via=fake_adapter))
        assert len(fake_adapter.sent) > before, name  # answered, through the fast path
        assert len(trips) <= MAX_TRIPS, (name, len(trips), trips)


async def test_a_failing_handler_keeps_nothing_though_the_mark_began_the_transaction(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    """The BEGIN goes with the inbox mark: the handler's writes and the mark still roll
    back together; the update is then marked done with its apology (so the inbox runner
    needs no trip of its own)."""

    @app.router.command("explode", access=Access.ANYONE)
    async def explode(ctx: Context, args: str) -> None:
        await ctx.store.topics.create("Half written", "")
        raise RuntimeError("boom")

    replies = await app.core.handle(incoming("bob", 7, text="/explode"), via=fake_adapter)
    assert replies and "boom" not in replies[0].text
    assert await app.store.topics.find("Half written") is None
    assert await app.store.updates.is_done("console", "7")  # with the apology
    assert not app.store.db.conn.in_transaction
    answer = await app.core.handle(incoming("bob", 8, text="/hilfe"), via=fake_adapter)
    assert answer and await app.store.updates.is_done("console", "8")


async def test_writing_from_an_older_account_still_makes_it_the_one_notified(
    app: Services,
) -> None:
    """The identity is touched only when that changes something: writing from the account
    that is not the most recent one makes it the one that receives notifications."""
    member = await app.store.members.create(
        name="Anna", company="C", region="Olpe", competencies=[], language="de"
    )
    await app.store.members.add_identity(member.id, "telegram", "t1", "t1")
    await app.store.members.add_identity(member.id, "slack", "s1", "s1")  # the later one
    [(_lang, before)] = (await app.store.members.delivery_targets([member.id])).values()
    assert before.platform == "slack"
    await Person(app.core, "t1", platform=Platform.TELEGRAM).say("/hilfe")
    [(_lang, after)] = (await app.store.members.delivery_targets([member.id])).values()
    assert after.platform == "telegram"


async def test_through_the_telegram_inbox_the_mark_is_the_handlers_alone(
    make_settings: Callable[..., Settings],
) -> None:
    """A stored update is marked done in the handler's transaction; the inbox runner makes
    no trip of its own to mark it again (also not after an apology)."""
    async with running_bot(make_settings) as bot:
        await bot.member(4242, "Anna")
        await bot.services.store.topics.create("Wasserstoff", "H2 in der Region")
        counter = watch(bot.services)
        person = user(4242, "Anna")
        for n, text in enumerate(["/themen", "/gibtsnicht", "/hilfe"]):
            update = bot.fake.message_update(person, text)
            row = InboxRow("telegram", str(update["update_id"]), "chat:4242", json.dumps(update))
            await bot.services.store.updates.add(row.platform, row.update_id, row.chat_key,
                                                 row.payload)  # fmt: skip
            before = len(bot.fake.calls_to("sendMessage"))
            trips = await counter.count(bot.adapter.inbox._run(row))
            assert len(bot.fake.calls_to("sendMessage")) == before + 1, text  # answered
            marks = [trip for trip in trips if "INTO inbox" in trip]
            assert len(marks) == 1, (text, trips)
            assert len(trips) <= MAX_TRIPS, (text, len(trips), trips)
            assert await bot.services.store.updates.is_done("telegram", row.update_id), n


async def test_a_fetched_batch_of_updates_is_stored_in_one_trip(
    make_settings: Callable[..., Settings],
) -> None:
    """Long polling commits what one getUpdates brought in one statement, not one trip per
    update (a burst of members writing at once arrives in batches of up to 100)."""
    async with running_bot(make_settings) as bot:
        people = [user(5000 + n, f"P {n}") for n in range(20)]
        counter = watch(bot.services)
        counter.task = bot.adapter.poller._task  # the trips the poller makes
        done = bot.adapter.updates_processed
        for person in people:  # all there when the waiting getUpdates returns
            bot.fake.push(bot.fake.message_update(person, "/hilfe"))
        await wait_for(lambda: bot.adapter.updates_processed >= done + len(people))
        counter.task = None
        assert len(counter.trips) <= 2, counter.trips  # the batch (and maybe a straggler)
        answered = {int(c.params["chat_id"]) for c in bot.fake.calls_to("sendMessage")}
        assert {person["id"] for person in people} <= answered
