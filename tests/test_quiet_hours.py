"""Quiet hours end to end, with the real app and Telegram adapter against the fake Bot API.

The member's local time is moved, not the machine's: each member lives in a fixed-offset
zone chosen so that it is 23:xx (or 12:xx) there now. Held messages wait in the outbox with
their not-before moment; the worker's clock is moved past it to let them go.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.slack_home import build_home_view
from bot.cli import main
from bot.delivery.quiet import QuietWindow
from bot.settings import Settings
from handlers.broadcast.service import BroadcastService, Sender
from handlers.events.reminders import ReminderScanner
from handlers.events.service import EventService
from handlers.groups.service import GroupService
from storage import Store
from storage.broadcasts import Audience
from storage.db import from_db_time, utcnow
from storage.events import EventFields
from tests.broadcast_support import add_member
from tests.fake_telegram import BotMessage, user
from tests.fake_telegram_harness import Bot, running_bot, wait_for

ANNA, BERND, CARLA = 101, 102, 103
WINDOW = QuietWindow(time(21, 0), time(7, 0))


def zone_where_it_is(local_hour: int) -> str:
    """A fixed-offset zone in which the hour now is ``local_hour`` (Etc/GMT-2 is UTC+2)."""
    offset = (local_hour - utcnow().hour) % 24
    if offset > 14:
        offset -= 24
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def next_seven(zone: str) -> datetime:
    """07:00 local after now: when default quiet hours that hold at night end."""
    until = WINDOW.until(utcnow(), ZoneInfo(zone))
    assert until is not None, "it is night there"
    local = until.astimezone(ZoneInfo(zone))
    assert (local.hour, local.minute) == (7, 0)
    assert timedelta(hours=6) < until - utcnow() <= timedelta(hours=8)
    return until


async def member_at(bot: Bot, user_id: int, name: str, zone: str) -> int:
    member_id = await bot.member(user_id, name)
    await bot.services.store.members.update_field(member_id, "timezone", zone)
    return member_id


def got(bot: Bot, chat_id: int, text: str) -> list[BotMessage]:
    return [m for m in bot.fake.sent_to(chat_id) if text in m.text]


async def pending_until(bot: Bot, chat_id: int) -> list[datetime]:
    rows = await bot.services.store.db.fetchall(
        "SELECT next_attempt_at FROM outbox WHERE chat_id = ? AND status = 'pending'",
        (str(chat_id),),
    )
    return [from_db_time(r[0]) for r in rows]  # type: ignore[misc]


def move_clock(bot: Bot, by: timedelta) -> None:
    bot.services.worker.clock = lambda: utcnow() + by
    bot.services.worker.wake()


async def test_a_group_update_at_23_waits_until_7_for_default_quiet_hours_across_a_restart(
    make_settings: Callable[..., Settings],
) -> None:
    night = zone_where_it_is(23)
    async with running_bot(make_settings, quiet_hours="21:00-07:00") as bot:
        store = bot.services.store
        anna = await member_at(bot, ANNA, "Anna Muster", night)  # the default: 21:00-07:00
        bernd = await member_at(bot, BERND, "Bernd Beispiel", night)
        carla = await member_at(bot, CARLA, "Carla Autorin", night)
        await store.quiet_hours.set(bernd, False, 21 * 60, 7 * 60)  # turned off
        groups = GroupService(store, bot.services.notifier, bot.settings, "test")
        group = await groups.create("AG Wasserstoff", "H2 in der Produktion", "open")
        for member_id in (anna, bernd, carla):
            await store.groups.join(group.id, member_id)
        author = await store.members.get(carla)
        assert author is not None
        await groups.post_update(group, author, "Elektrolyseur läuft")

        await wait_for(lambda: bool(got(bot, BERND, "Elektrolyseur läuft")), 10)
        await asyncio.sleep(0.3)
        assert not got(bot, ANNA, "Elektrolyseur läuft")
        seven = next_seven(night)
        assert await pending_until(bot, ANNA) == [seven]

        await bot.restart()  # held rows are in the store, not in memory
        await asyncio.sleep(0.3)
        assert not got(bot, ANNA, "Elektrolyseur läuft")
        move_clock(bot, seven - utcnow() - timedelta(minutes=1))  # 06:59: still quiet
        await asyncio.sleep(0.3)
        assert not got(bot, ANNA, "Elektrolyseur läuft")
        move_clock(bot, seven - utcnow() + timedelta(seconds=1))
        await wait_for(lambda: bool(got(bot, ANNA, "Elektrolyseur läuft")), 10)
        await bot.services.worker.drain()
        assert len(got(bot, ANNA, "Elektrolyseur läuft")) == 1  # once
        assert len(got(bot, BERND, "Elektrolyseur läuft")) == 1


async def test_an_urgent_broadcast_goes_at_once_silently_at_night_and_with_sound_by_day(
    make_settings: Callable[..., Settings],
) -> None:
    night, day = zone_where_it_is(23), zone_where_it_is(12)
    async with running_bot(make_settings, quiet_hours="21:00-07:00") as bot:
        await member_at(bot, ANNA, "Anna Muster", night)
        await member_at(bot, BERND, "Bernd Beispiel", day)
        broadcasts = BroadcastService(bot.services.store, bot.services.notifier, bot.settings)
        sender = Sender(actor="test", language="de")
        await broadcasts.send_now(Audience(), "Stromausfall im Technologiepark", sender,
                                  urgent=True)  # fmt: skip
        await broadcasts.send_now(Audience(), "Neuer Newsletter", sender)

        await wait_for(lambda: bool(got(bot, ANNA, "Stromausfall")), 10)
        await wait_for(lambda: bool(got(bot, BERND, "Neuer Newsletter")), 10)
        ((at_night,),) = [got(bot, ANNA, "Stromausfall")]
        ((by_day,),) = [got(bot, BERND, "Stromausfall")]
        assert at_night.silent  # disable_notification reached the Bot API
        assert not by_day.silent
        assert not got(bot, BERND, "Neuer Newsletter")[0].silent
        await asyncio.sleep(0.3)
        assert not got(bot, ANNA, "Neuer Newsletter")  # not urgent: held until 07:00
        assert await pending_until(bot, ANNA) == [next_seven(night)]


async def test_a_reminder_at_night_is_not_held(make_settings: Callable[..., Settings]) -> None:
    async with running_bot(make_settings, reminder_offsets="1h", quiet_hours="21:00-07:00") as bot:
        store = bot.services.store
        anna = await member_at(bot, ANNA, "Anna Muster", zone_where_it_is(23))
        start = utcnow().replace(microsecond=0) + timedelta(hours=3)
        events = EventService(store, bot.services.notifier, bot.settings, "test")
        fields = EventFields(title="KI-Stammtisch", start=start, end=start + timedelta(hours=2),
                             timezone="Europe/Berlin")  # fmt: skip
        event = await events.create(fields)
        await store.rsvps.record(event.id, start, anna, "yes", False)
        an_hour_before = start - timedelta(hours=1) + timedelta(seconds=10)
        scanner = ReminderScanner(store, bot.services.notifier, bot.settings,
                                  clock=lambda: an_hour_before)  # fmt: skip
        assert await scanner.scan() == 1
        await wait_for(lambda: bool(got(bot, ANNA, "KI-Stammtisch")), 10)
        assert not got(bot, ANNA, "KI-Stammtisch")[0].silent


def test_a_window_over_midnight_ends_at_its_local_end_also_across_a_dst_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    year = utcnow().year + 1
    # the night the clocks go forward (last Sunday of March): 21:00 to 07:00 is 9 hours
    sunday = max(
        datetime(year, 3, day, tzinfo=berlin)
        for day in range(25, 32)
        if datetime(year, 3, day).weekday() == 6
    )
    evening = sunday - timedelta(hours=1)  # Saturday 23:00 local
    end = WINDOW.until(evening, berlin)
    assert end == datetime.combine(sunday.date(), time(7, 0), tzinfo=berlin)
    assert end is not None
    assert end.astimezone(UTC) - evening.astimezone(UTC) == timedelta(hours=7)  # CET to CEST
    assert WINDOW.until(sunday + timedelta(hours=8), berlin) is None  # 08:00: not quiet
    early = WINDOW.until(sunday + timedelta(hours=5), berlin)  # 05:00 (CEST): till 07:00
    assert early is not None and early.astimezone(berlin).hour == 7


def test_windows_parse_and_a_daytime_window_works() -> None:
    assert QuietWindow.parse("off") is None
    assert str(QuietWindow.parse(" 22:30 - 6:00 ")) == "22:30-06:00"
    for bad in ("22-06", "25:00-07:00", "07:00-07:00", "abends"):
        try:
            QuietWindow.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
    lunch = QuietWindow(time(12, 0), time(13, 30))
    zone = ZoneInfo("Europe/Berlin")
    noon = datetime.combine(utcnow().date(), time(12, 15), tzinfo=zone)
    assert lunch.until(noon, zone) == noon.replace(hour=13, minute=30)
    assert lunch.until(noon.replace(hour=14), zone) is None


def test_the_networks_default_comes_from_the_settings(
    make_settings: Callable[..., Settings],
) -> None:
    assert Settings.model_fields["quiet_hours"].default == "21:00-07:00"
    assert make_settings(quiet_hours="off").quiet_window is None
    assert str(make_settings(quiet_hours="22:00-6:00").quiet_window) == "22:00-06:00"


async def test_a_member_changes_turns_off_and_resets_quiet_hours_in_the_chat(
    make_settings: Callable[..., Settings],
) -> None:
    anna = user(ANNA, "Anna", "de")
    async with running_bot(make_settings, quiet_hours="21:00-07:00") as bot:
        member_id = await member_at(bot, ANNA, "Anna Muster", "Europe/Berlin")
        store = bot.services.store
        shown = await bot.say(anna, "/ruhezeiten")
        assert "21:00 bis 07:00 Uhr (Europe/Berlin), die Voreinstellung" in shown[-1].text
        answer = await bot.press(anna, "22:00–06:00")
        assert "Ihre Ruhezeiten: 22:00 bis 06:00 Uhr" in answer[-1].text
        assert await store.quiet_hours.get(member_id) == (True, (22 * 60, 6 * 60))
        await bot.press(anna, "Keine Ruhezeiten")
        assert await store.quiet_hours.get(member_id) == (False, (21 * 60, 7 * 60))
        typed = await bot.say(anna, "/ruhezeiten 23:15-6:45")
        assert "23:15 bis 06:45" in typed[-1].text
        refused = await bot.say(anna, "/ruhezeiten abends")
        assert "„abends“ verstehe ich nicht" in refused[-1].text
        assert await store.quiet_hours.get(member_id) == (True, (23 * 60 + 15, 6 * 60 + 45))
        await bot.say(anna, "/ruhezeiten standard")
        assert await store.quiet_hours.get(member_id) is None
        profile = await bot.say(anna, "/profil")
        assert "Ihre Ruhezeiten: 21:00 bis 07:00 Uhr" in profile[-1].text
        choices = await bot.press(anna, "Ruhezeiten ändern")
        assert any(b["text"] == "🔔 Keine Ruhezeiten" for b in choices[-1].buttons())


async def test_the_slack_app_home_offers_the_same_choices(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings(quiet_hours="21:00-07:00")
    store = await Store.open(settings.db_path)
    try:
        member = await store.members.create(
            name="Bea", company="X GmbH", region="Hagen", competencies=[], language="en"
        )
        await store.quiet_hours.set(member.id, True, 22 * 60, 6 * 60)
        view = await build_home_view(store, settings, member, "en")
        texts = json.dumps(view, ensure_ascii=False)
        assert "Your quiet hours: 22:00 to 06:00 (Europe/Berlin)." in texts
        assert "No quiet hours" in texts and "🌙 22:00–07:00" in texts
    finally:
        await store.close()


async def test_an_admin_marks_a_broadcast_urgent_in_the_chat_form(
    make_settings: Callable[..., Settings],
) -> None:
    admin = user(1, "Chefin", "de")
    async with running_bot(make_settings, quiet_hours="21:00-07:00", admins=["telegram:1"]) as bot:
        await member_at(bot, ANNA, "Anna Muster", zone_where_it_is(23))
        await bot.say(admin, "/rundschreiben")
        await bot.press(admin, "Alle Mitglieder")
        await bot.say(admin, "Die Halle ist heute gesperrt.")
        await bot.press(admin, "Dringend")
        await wait_for(lambda: bool(got(bot, 1, "Dringend: geht auch in den Ruhezeiten")), 10)
        await bot.press(admin, "Jetzt senden")
        await wait_for(lambda: bool(got(bot, ANNA, "Halle ist heute gesperrt")), 10)
        assert got(bot, ANNA, "Halle ist heute gesperrt")[0].silent
        broadcast = await bot.services.store.broadcasts.get(1)
        assert broadcast is not None and broadcast.urgent


def test_the_cli_marks_a_broadcast_urgent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"

    async def network() -> None:
        store = await Store.open(db)
        try:
            anna = await add_member(store, "Anna")
            await store.members.update_field(anna, "timezone", zone_where_it_is(23))
        finally:
            await store.close()

    def rows(batch: str) -> list[tuple[str, int]]:
        with sqlite3.connect(db) as conn:
            found = conn.execute(
                "SELECT next_attempt_at, silent FROM outbox WHERE batch = ?", (batch,)
            )
            return [(r[0], r[1]) for r in found.fetchall()]

    asyncio.run(network())
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    monkeypatch.setenv("KNOTENPUNKT_QUIET_HOURS", "21:00-07:00")
    assert main(["broadcast", "send", "--audience", "all", "--text", "Newsletter", "--yes"]) == 0
    assert main(["broadcast", "send", "--audience", "all", "--text", "Sturm", "--urgent",
                 "--yes"]) == 0  # fmt: skip
    assert "urgent:     goes out at once" in capsys.readouterr().out
    ((held_until, silent),) = rows("broadcast:1")
    held = from_db_time(held_until)
    assert held is not None and held - utcnow() > timedelta(hours=6) and not silent
    ((due, silent),) = rows("broadcast:2")
    at_once = from_db_time(due)
    assert at_once is not None and at_once <= utcnow() and silent
