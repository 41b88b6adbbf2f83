"""A full disk or a busy store: the member hears once why the answer waits, the update stays
where it is (the inbox, or Telegram's queue), nothing half-written remains, and the bot
goes on by itself once space returns.

A full disk is a store whose ``max_page_count`` is reached: the test fills it to the limit
it sets on the bot's writing connection, and raises the limit again later.
"""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleAdapter, ConsoleUser
from bot.models import Incoming, Outgoing
from bot.settings import Settings
from storage import Store, StoreUnavailable
from storage.db import Database
from tests.fake_slack import FakeSlack
from tests.fake_telegram import user
from tests.fake_telegram_harness import Bot, running_bot, wait_for
from tests.slack_signing import SlackWorld, running_slack, standard_fake
from tests.slack_signing import add_member as add_slack_member
from tests.test_telegram_webhook import post, webhook_settings

ADMIN = user(1, "Chefin", "de")
ANNA = user(601, "Anna", "de")
MEMBERS = 40
APOLOGY_DE = "Entschuldigung, ich kann gerade nichts speichern. Ihre Nachricht geht nicht"
NO_LIMIT = 1_073_741_823  # SQLite's largest page count


async def _writer_value(db: Database, pragma: str) -> int:
    cursor = await db.execute(f"PRAGMA {pragma}")
    row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def fill_the_disk(db: Database) -> None:
    """No page more than the store has now, and its free pages used up by filler."""
    await db.execute("CREATE TABLE IF NOT EXISTS filler (data BLOB)")
    await db.execute(f"PRAGMA max_page_count = {await _writer_value(db, 'page_count')}")
    with pytest.raises(StoreUnavailable, match="SQLITE_FULL"):
        for _ in range(10_000):
            await db.execute("INSERT INTO filler VALUES (zeroblob(1000))")
    assert await _writer_value(db, "freelist_count") == 0


async def free_space(db: Database) -> None:
    await db.execute(f"PRAGMA max_page_count = {NO_LIMIT}")


def _apologies(bot: Bot, chat_id: int) -> int:
    return sum(1 for m in bot.fake.sent_to(chat_id) if m.text.startswith(APOLOGY_DE))


async def _unfinished(store: Store) -> list[str]:
    return [row.update_id for row in await store.updates.unfinished("telegram")]


async def test_a_full_disk_keeps_the_update_in_the_inbox_until_space_returns(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:1"]) as bot:
        bot.adapter.inbox.retry_first, bot.adapter.inbox.retry_max = 0.05, 0.2
        store = bot.services.store
        for n in range(MEMBERS):
            await bot.member(1000 + n, f"Mitglied {n}")
        await bot.say(ADMIN, "/rundschreiben")
        await bot.press(ADMIN, "Alle Mitglieder")
        await bot.say(ADMIN, "Sommerfest am Freitag")
        await bot.press(ADMIN, "Sofort")
        message, data = bot.fake.find_button(1, "Jetzt senden")

        await fill_the_disk(store.db)
        update = bot.fake.push(bot.fake.callback_update(ADMIN, message, data))
        await wait_for(lambda: _apologies(bot, 1) == 1)
        await asyncio.sleep(0.6)  # several more tries meet the full disk
        assert await _unfinished(store) == [str(update["update_id"])]
        assert await store.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 0
        assert await store.db.fetchval("SELECT COUNT(*) FROM outbox") == 0
        assert _apologies(bot, 1) == 1

        await free_space(store.db)
        await bot.outbox_report("broadcast:1", {"sent": MEMBERS})
        await wait_for(lambda: not bot.adapter.inbox.busy)
        assert await _unfinished(store) == []
        assert await store.db.fetchval("SELECT COUNT(*) FROM broadcasts") == 1
        for n in range(MEMBERS):
            assert len(bot.fake.sent_to(1000 + n)) == 1
        assert _apologies(bot, 1) == 1
        assert await store.maintenance.integrity_check() == ["ok"]


async def test_an_update_the_full_disk_cannot_take_stays_with_telegram(
    make_settings: Callable[..., Settings],
) -> None:
    """The webhook refuses it (Telegram sends it again) and the sender is told once."""
    async with running_bot(make_settings, **webhook_settings()) as bot:
        store = bot.services.store
        await bot.member(601, "Anna Muster")
        await fill_the_disk(store.db)
        long_text = "/hilfe " + "Wasserstoff " * 400  # more than a page in the inbox
        update = bot.fake.message_update(ANNA, long_text)
        assert await post(bot, update) == 503
        await wait_for(lambda: _apologies(bot, 601) == 1)
        assert await post(bot, update) == 503  # Telegram tried again: no second apology
        assert await store.db.fetchval("SELECT COUNT(*) FROM inbox") == 0

        await free_space(store.db)
        assert await post(bot, update) == 200
        await wait_for(lambda: bot.adapter.updates_processed == 1)
        answers = [m for m in bot.fake.sent_to(601) if not m.text.startswith(APOLOGY_DE)]
        assert len(answers) == 1 and "/termine" in answers[0].text
        assert _apologies(bot, 601) == 1


async def test_polling_leaves_an_update_the_full_disk_cannot_take_with_telegram(
    make_settings: Callable[..., Settings],
) -> None:
    """The offset does not move past it, so getUpdates brings it again; told once."""
    async with running_bot(make_settings) as bot:
        bot.adapter.poller.backoff_first = 0.05
        store = bot.services.store
        await bot.member(601, "Anna Muster")
        await fill_the_disk(store.db)
        update = bot.fake.push(bot.fake.message_update(ANNA, "/hilfe " + "Wasserstoff " * 400))
        await wait_for(lambda: _apologies(bot, 601) == 1)
        polls = len(bot.fake.calls_to("getUpdates"))
        await wait_for(lambda: len(bot.fake.calls_to("getUpdates")) >= polls + 3)
        offsets = {c.params.get("offset") for c in bot.fake.calls_to("getUpdates")}
        assert str(update["update_id"] + 1) not in offsets
        assert await store.db.fetchval("SELECT COUNT(*) FROM inbox") == 0

        await free_space(store.db)
        await wait_for(lambda: bot.adapter.updates_processed == 1)
        answers = [m for m in bot.fake.sent_to(601) if not m.text.startswith(APOLOGY_DE)]
        assert len(answers) == 1 and "/termine" in answers[0].text
        assert _apologies(bot, 601) == 1


async def test_a_busy_store_rolls_back_and_the_next_transaction_works(tmp_path: Path) -> None:
    """Another process holds the write lock beyond the busy timeout: the write fails as
    unavailable, leaves no transaction open, and works once the lock is gone."""
    store = await Store.open(tmp_path / "busy.sqlite3")
    other = sqlite3.connect(tmp_path / "busy.sqlite3", isolation_level=None)
    try:
        await store.db.execute("PRAGMA busy_timeout = 100")
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreUnavailable, match="SQLITE_BUSY"):
            async with store.transaction():
                await store.topics.create("Eins")
        with pytest.raises(StoreUnavailable):
            await store.topics.create("Zwei")
        other.execute("ROLLBACK")
        await store.topics.create("Drei")
        assert [t.name for t in await store.topics.list()] == ["Drei"]
    finally:
        other.close()
        await store.close()


async def test_a_full_disk_in_the_middle_of_a_transaction_leaves_nothing(
    tmp_path: Path,
) -> None:
    store = await Store.open(tmp_path / "full.sqlite3")
    try:
        await fill_the_disk(store.db)
        with pytest.raises(StoreUnavailable):
            async with store.transaction():
                await store.topics.create("Klein")  # fits in its page
                for n in range(200):  # these do not
                    await store.topics.create(f"Thema {n} " + "x" * 200)
        assert await store.topics.list() == []
        await free_space(store.db)
        await store.topics.create("Danach")
        assert [t.name for t in await store.topics.list()] == ["Danach"]
    finally:
        await store.close()


def _slack_apologies(world: SlackWorld, channel: str) -> int:
    """Apologies posted in the channel, by text or in the message's blocks."""
    return sum(
        1
        for m in world.fake.messages_in(channel)
        if APOLOGY_DE in m.text or APOLOGY_DE in json.dumps(m.blocks, ensure_ascii=False)
    )


async def test_slack_a_request_the_full_disk_refuses_waits_in_the_inbox(
    make_settings: Callable[..., Settings],
) -> None:
    fake = standard_fake()
    for n in range(MEMBERS):
        fake.add_user(f"UM{n}", f"mitglied{n}", "de-DE")
    async with running_slack(make_settings, fake, admins=["slack:UADMIN"]) as slack:
        slack.adapter.inbox.retry_first, slack.adapter.inbox.retry_max = 0.05, 0.2
        store = slack.services.store
        for n in range(MEMBERS):
            await add_slack_member(slack.services, f"UM{n}", f"Mitglied {n}")
        admin_dm = FakeSlack.dm("UADMIN")
        await slack.send.dm("UADMIN", "rundschreiben")
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Alle Mitglieder")
        await slack.settle()
        await slack.send.dm("UADMIN", "Sommerfest am Freitag")
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Sofort")
        await slack.settle()
        count = slack.fake.last_in(admin_dm)

        await fill_the_disk(store.db)
        assert (await slack.send.click("UADMIN", count, "Jetzt senden")).status == 200
        await wait_for(lambda: _slack_apologies(slack, admin_dm) == 1)
        await asyncio.sleep(0.6)  # several more tries meet the full disk
        assert len(await store.updates.unfinished("slack")) == 1
        assert await store.db.fetchval("SELECT COUNT(*) FROM outbox") == 0

        await free_space(store.db)
        await wait_for(lambda: not slack.adapter.inbox.busy)
        await slack.settle()
        assert await store.updates.unfinished("slack") == []
        for n in range(MEMBERS):
            assert len(slack.fake.messages_in(FakeSlack.dm(f"UM{n}"))) == 1
        assert _slack_apologies(slack, admin_dm) == 1


async def test_slack_a_command_the_full_disk_cannot_take_is_answered_in_its_ack(
    make_settings: Callable[..., Settings],
) -> None:
    """Slack never sends a slash command again: its ack asks to try again later."""
    async with running_slack(make_settings, standard_fake()) as slack:
        store = slack.services.store
        await add_slack_member(slack.services, "U1", "Anna")
        await fill_the_disk(store.db)
        reply = await slack.send.command("U1", "hilfe " + "Wasserstoff " * 400)
        assert reply.status == 200
        answer = json.loads(reply.body)
        assert answer["response_type"] == "ephemeral"
        assert answer["text"].startswith("Entschuldigung, ich kann gerade nichts speichern.")
        assert "in ein paar Minuten noch einmal" in answer["text"]
        assert await store.db.fetchval("SELECT COUNT(*) FROM inbox") == 0

        await free_space(store.db)
        assert (await slack.send.command("U1", "hilfe")).status == 200
        await slack.settle()
        assert await store.updates.unfinished("slack") == []


async def test_the_console_asks_to_try_again_and_reads_on() -> None:
    """Nothing keeps a typed line for later: the console says so and takes the next one."""
    seen: list[str] = []

    async def handle(incoming: Incoming) -> list[Outgoing]:
        seen.append(incoming.text or "")
        if len(seen) == 1:
            raise StoreUnavailable("SQLITE_FULL: database or disk is full")
        return [Outgoing(text="Die nächsten Termine")]

    async def me() -> ConsoleUser:
        return ConsoleUser(language="en", answering=False)

    finished = asyncio.Event()

    async def eof() -> None:
        finished.set()

    out = io.StringIO()
    console = ConsoleAdapter(handle, "anna", io.StringIO("/events\n/events\n"), out, eof, lookup=me)
    await console.start()
    await asyncio.wait_for(finished.wait(), 5)
    assert seen == ["/events", "/events"]
    assert "Sorry, I can't save anything right now. Please try again in a few minutes." in (
        out.getvalue()
    )
    assert out.getvalue().rstrip().endswith("Die nächsten Termine")
