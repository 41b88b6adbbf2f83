"""Events as the network's staff see them: all-day dates, one horizon, cancelling with a
question first, recurrence in words, the wizard's wording, and the calendar feed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from bot.app import App
from bot.calendar.ics import event_ics, feed_ics
from bot.calendar.recurrence import HORIZON, occurrences
from bot.cli import event as event_cli
from bot.delivery.notify import Notifier
from bot.i18n import format_day
from bot.services import Services
from bot.settings import Settings
from handlers.events.reminders import ReminderScanner
from handlers.events.rule_text import describe_rule
from storage.db import utcnow
from tests.events_support import add_event, first_card, member, texts
from tests.helpers import FakeAdapter, Person
from tests.test_events_reminders import Clock, reminder_rows

BERLIN = ZoneInfo("Europe/Berlin")


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return int(await args.func(args, settings))


def _all_day_calendar(day: datetime, days: int = 1) -> bytes:
    end = day + timedelta(days=days)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Website//DE",
        "BEGIN:VEVENT",
        "UID:messe@example.org",
        "DTSTAMP:20260101T000000Z",
        "SUMMARY:Hannover Messe",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


# all-day ----------------------------------------------------------------------------


async def test_an_all_day_event_stays_all_day(
    app: Services, settings: Settings, tmp_path: Path
) -> None:
    day = datetime.combine(utcnow().date() + timedelta(days=60), time())
    feed = tmp_path / "website.ics"
    feed.write_bytes(_all_day_calendar(day, days=2))
    assert await cli(settings, "import", str(feed)) == 0
    (event,) = await app.store.events.all()
    assert event.all_day

    anna = await member(app, "anna", "Anna Muster")
    [listing] = await anna.say("/termine")
    assert ", ganztägig · " in listing.text and "00:00" not in listing.text
    card = await first_card(anna)
    first, last = format_day(day.date(), "de"), format_day(day.date() + timedelta(days=1), "de")
    assert f"🗓 {first} – {last}, ganztägig" in card.text
    assert "00:00" not in card.text

    exported = event_ics(event, {})
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}".encode() in exported
    assert f"DTEND;VALUE=DATE:{day + timedelta(days=2):%Y%m%d}".encode() in exported
    occs = occurrences(event, {}, utcnow(), utcnow() + HORIZON)
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}".encode() in feed_ics(occs, "Netz", {})

    assert await cli(settings, "import", str(feed)) == 0  # the same again: unchanged
    assert (await app.store.events.all())[0].sequence == event.sequence


async def test_an_all_day_event_is_reminded_of_in_the_morning_before(
    app: Services, settings: Settings, tmp_path: Path
) -> None:
    day = datetime.combine(utcnow().date() + timedelta(days=30), time())
    feed = tmp_path / "website.ics"
    feed.write_bytes(_all_day_calendar(day))
    assert await cli(settings, "import", str(feed)) == 0
    (event,) = await app.store.events.all()
    await member(app, "anna", "Anna Muster")
    anna = await app.store.members.find_by_identity("console", "anna")
    assert anna is not None
    await app.store.rsvps.record(event.id, event.start, anna.id, "yes", False)

    def local(days_before: int, hour: int, minute: int = 0) -> datetime:
        moment = datetime.combine(day.date() - timedelta(days=days_before), time(hour, minute))
        return moment.replace(tzinfo=BERLIN).astimezone(UTC)

    clock = Clock(local(2, 23))  # "1d" before midnight would be here: nothing yet
    scanner = ReminderScanner(app.store, Notifier(app.store, "de"), settings, clock=clock)
    assert await scanner.scan() == 0
    clock.now = local(1, 8, 59)
    assert await scanner.scan() == 0
    clock.now = local(1, 9, 0)
    assert await scanner.scan() == 1
    clock.now = local(1, 23, 0)  # "1h" before midnight: no second reminder at night
    assert await scanner.scan() == 0
    assert len(await reminder_rows(app.store)) == 1
    row = await app.store.db.fetchone("SELECT payload FROM outbox WHERE dedupe_key LIKE 'rem%'")
    assert row is not None
    assert f"Der ganztägige Termin ist am {format_day(day.date(), 'de')}." in row[0]


# one horizon ------------------------------------------------------------------------


async def test_what_is_announced_is_listed(app: Services, fake_adapter: FakeAdapter) -> None:
    topic = await app.store.topics.create("Wasserstoff")
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/themen abonnieren Wasserstoff")
    far = utcnow().replace(microsecond=0) + timedelta(days=500)
    event = await add_event(app, "Weit weg", start=far, topic_ids=[topic.id])
    await app.worker.drain()
    assert [s.message.title for s in fake_adapter.sent if s.chat_id == "anna"] == [
        "Neuer Termin: Weit weg"
    ]
    assert "Weit weg" in texts(await anna.say("/termine"))
    admin = Person(app.core, "admin")
    assert "Teilnehmende: Weit weg" in texts(await admin.say(f"/teilnehmer {event.id}"))

    await admin.say("/neuertermin")
    await admin.say("Zu weit")
    too_far = utcnow() + HORIZON + timedelta(days=10)
    replies = await admin.say(f"{too_far.astimezone(BERLIN):%d.%m.%Y} 18:00")
    assert f"höchstens {HORIZON.days} Tage im Voraus" in replies[0].text


# cancelling -------------------------------------------------------------------------


async def test_cancelling_asks_first_with_title_date_and_yes_count(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    event = await add_event(app, "Demo Day", location="Siegen")
    anna = await member(app, "anna", "Anna Muster")
    await anna.tap((await first_card(anna)).buttons[0][0])  # Zusage
    admin = Person(app.core, "admin")

    replies = await admin.say(f"/terminabsagen {event.id}")
    (question,) = replies
    assert "„Demo Day“ ganz absagen" in question.text
    assert format_day(event.start.astimezone(BERLIN).date(), "de") in question.text
    assert "1 Person hat zugesagt" in question.text
    assert [b.label for b in question.button_list()] == ["Ja, absagen", "Nein, behalten"]
    assert not (await app.store.events.get(event.id)).cancelled  # type: ignore[union-attr]

    replies = await admin.press("Nein, behalten")
    assert "bleibt bestehen" in replies[0].text
    assert not (await app.store.events.get(event.id)).cancelled  # type: ignore[union-attr]

    await admin.say(f"/terminabsagen {event.id}")
    replies = await admin.press("Ja, absagen")
    assert "ist abgesagt" in replies[0].text and replies[0].replace
    assert (await app.store.events.get(event.id)).cancelled  # type: ignore[union-attr]
    await app.worker.drain()
    assert "Abgesagt: Demo Day" in [s.message.title for s in fake_adapter.sent]

    for command in ("/terminabsagen abc", "/terminabsagen", "/cancelevent 4x"):
        assert "So geht's: /terminabsagen NR" in (await admin.say(command))[0].text
    assert "So geht's: /teilnehmer NR" in (await admin.say("/teilnehmer abc"))[0].text
    assert "Nr. 99 gibt es nicht" in (await admin.say("/terminabsagen 99"))[0].text


# recurrence in words ------------------------------------------------------------------


def test_rules_read_in_words_in_both_languages() -> None:
    start = datetime(2027, 3, 4, 18, 0)  # the first Thursday of March
    cases = {
        "FREQ=MONTHLY;BYDAY=1TH": ("Monatlich am 1. Donnerstag", "Monthly on the 1st Thursday"),
        "FREQ=MONTHLY;BYDAY=-1TU": ("Monatlich am letzten Dienstag", "Monthly on the last Tuesday"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH": ("Jeden zweiten Donnerstag", "Every other Thursday"),
        "FREQ=WEEKLY": ("Jeden Donnerstag", "Every Thursday"),
        "FREQ=DAILY;COUNT=5": ("Täglich, 5 Termine", "Every day, 5 dates"),
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15": (
            "Alle 3 Monate am 15.",
            "Every 3 months on day 15",
        ),
        "FREQ=YEARLY;UNTIL=20301231": (
            "Jährlich am 4. März, bis Di., 31.12.2030",
            "Every year on 4 March, until Tue, 31 Dec 2030",
        ),
    }
    for rule, (german, english) in cases.items():
        assert describe_rule("de", rule, start) == german, rule
        assert describe_rule("en", rule, start) == english, rule
    assert describe_rule("de", None, start) == "Einmalig"
    assert describe_rule("en", "FREQ=MONTHLY;BYSETPOS=2;BYDAY=MO,TU", start).startswith(
        "By the rule"
    )


async def test_the_wizard_speaks_in_words(app: Services) -> None:
    anna = await member(app, "anna", "Anna Muster", language="English")
    await add_event(app, "Stammtisch", rrule="FREQ=MONTHLY;BYDAY=1TH")
    card = await first_card(anna, "/events")
    assert "🔁 Monthly on the 1st Thursday" in card.text and "FREQ" not in card.text

    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    await admin.say("Workshop")
    start = (utcnow() + timedelta(days=40)).astimezone(BERLIN)
    replies = await admin.say("31.02.2027 09:00")
    assert "Den 31.02.2027 gibt es im Kalender nicht" in replies[0].text
    await admin.say(f"{start:%d.%m.%Y} 09:00")
    await admin.say("3h")
    await admin.say("-")
    await admin.say("-")  # no topic
    replies = await admin.say("party")
    assert "Unbekanntes Format. Möglich: Treffen, Webinar, Workshop" in replies[0].text
    await admin.say("Workshop")
    replies = await admin.say("-")  # unlimited seats
    labels = [b.label for b in replies[0].button_list()]
    assert "Einmalig" in labels and any(label.startswith("Monatlich am ") for label in labels)
    await admin.press("Monatlich am ")
    replies = await admin.say("-")  # no description
    assert "Plätze: unbegrenzt" in replies[0].text
    assert "Wiederholung: Monatlich am " in replies[0].text and "FREQ" not in replies[0].text
    replies = await admin.press("Anlegen")
    assert "ist angelegt" in replies[0].text and "benachrichtigt" not in replies[0].text


async def test_a_long_series_shows_one_date_in_lists(app: Services) -> None:
    await add_event(app, "Täglich", rrule="FREQ=DAILY;COUNT=100000")
    await add_event(app, "Einmal", start=utcnow().replace(microsecond=0) + timedelta(days=5))
    anna = await member(app, "anna", "Anna Muster")
    [listing] = await anna.say("/termine")
    assert [row[0].label.split(" ", 4)[-1] for row in listing.buttons] == ["Täglich", "Einmal"]


# calendar feed ------------------------------------------------------------------------


async def test_no_feed_link_that_cannot_work(
    app: Services, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    anna = await member(app, "anna", "Anna Muster")
    reply = (await anna.say("/kalender"))[0].text
    assert "noch nicht verfügbar" in reply and "http" not in reply
    admin = Person(app.core, "admin")
    await admin.register(name="Chefin Admin")
    reply = (await admin.say("/kalender"))[0].text
    assert "KNOTENPUNKT_PUBLIC_URL" in reply and "knotenpunkt run --http" in reply

    # a public address without a running HTTP server (console mode) is no better
    settings = make_settings(
        public_url="https://bot.example.org", db_path=tmp_path / "console.sqlite3"
    )
    application = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await application.start()
    try:
        console_anna = await member(services, "anna", "Anna Muster")
        reply = (await console_anna.say("/kalender"))[0].text
        assert "noch nicht verfügbar" in reply and "example.org" not in reply
    finally:
        await application.stop()


async def test_feeds_ask_to_be_refreshed_and_single_files_are_published(app: Services) -> None:
    event = await add_event(app, "Webinar", rrule="FREQ=WEEKLY")
    single = icalendar.Calendar.from_ical(event_ics(event, {}))
    assert str(single["METHOD"]) == "PUBLISH"
    occs = occurrences(event, {}, utcnow(), utcnow() + timedelta(days=30))
    feed = feed_ics(occs, "Netz", {})
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in feed and b"X-PUBLISHED-TTL:PT1H" in feed
    assert b"METHOD" not in feed
