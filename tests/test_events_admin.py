"""The /neuertermin wizard and the event CLI (add, list, attendees as CSV, cancel)."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date, datetime, timedelta

import pytest

from bot.cli import event as event_cli
from bot.services import Services
from bot.settings import Settings
from tests.events_support import add_event, first_card, member
from tests.helpers import FakeAdapter, Person


def second_tuesday_next_year() -> date:
    year = datetime.now().year + 1
    first = date(year, 2, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


async def test_wizard_creates_a_monthly_event_and_announces_it(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    topic = await app.store.topics.create("KI in der Industrie")
    await app.store.bindings.bind("console", "group-ki", "topic", topic.id, "KI-Gruppe")
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/themen abonnieren KI in der Industrie")
    admin = Person(app.core, "admin")

    assert "Wie heißt er" in (await admin.say("/neuertermin"))[0].text
    assert "Wann beginnt er" in (await admin.say("KI-Stammtisch"))[0].text
    for bad in ("31.02.2027 18:00", "2027-13-01 18:00", "nächsten Dienstag", "01.01.2020 18:00"):
        replies = await admin.say(bad)
        assert len(replies) == 2 and "Wann beginnt er" in replies[1].text, bad
    day = second_tuesday_next_year()
    assert "Wie lange" in (await admin.say(f"{day:%d.%m.%Y} 18:00"))[0].text
    assert "Dauer wie 2h" in (await admin.say("lange"))[0].text
    assert "Wo findet er statt" in (await admin.say("2h"))[0].text
    await admin.say("Siegen, Technologiezentrum")
    replies = await admin.press("KI in der Industrie")
    assert replies[0].replace and "✅ KI in der Industrie" in replies[0].button_list()[0].label
    assert "Welches Format" in (await admin.press("Weiter"))[0].text
    await admin.press("Treffen")
    assert "ganze Zahl" in (await admin.say("viele"))[0].text
    replies = await admin.say("20")
    assert "Monatlich am 2. Dienstag" in [b.label for b in replies[0].button_list()]
    replies = await admin.press("Monatlich am 2. Dienstag")
    assert "Beschreibung" in replies[0].text
    replies = await admin.say("Vortrag „KI im Mittelstand“ & Diskussion.\nAnmeldung bis Freitag.")
    assert "Wiederholung: Monatlich am 2. Dienstag" in replies[0].text
    assert "Di., " in replies[0].text and "18:00 Uhr" in replies[0].text
    create_button = next(b for b in replies[0].button_list() if b.label == "Anlegen")
    replies = await admin.tap(create_button)
    assert "ist angelegt" in replies[0].text
    assert replies[1].title == "KI-Stammtisch" and "Plätze: 20 von 20 frei." in replies[1].text
    assert "Anmeldung bis Freitag." in replies[1].text

    (event,) = await app.store.events.all()
    assert (event.rrule, event.capacity, event.location) == (
        "FREQ=MONTHLY;BYDAY=2TU",
        20,
        "Siegen, Technologiezentrum",
    )
    assert event.start.astimezone(app.settings.zone).hour == 18
    assert await app.store.events.topic_ids(event.id) == [topic.id]
    await app.worker.drain()
    assert [s.message.title for s in fake_adapter.sent if s.chat_id == "anna"] == [
        "Neuer Termin: KI-Stammtisch"
    ]
    assert [s.chat_id for s in fake_adapter.sent if s.chat_kind == "group"] == ["group-ki"]
    assert "schon beantwortet" in (await admin.tap(create_button))[0].text  # pressed again
    assert len(await app.store.events.all()) == 1


async def test_wizard_takes_a_raw_rrule_and_refuses_a_bad_one(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/newevent")
    await admin.say("Webinar")
    await admin.say(f"{datetime.now().year + 1}-03-04 16:00")
    await admin.say("16:45")
    await admin.say("https://meet.example.org/x")
    await admin.say("-")
    await admin.say("Webinar")
    await admin.say("-")
    replies = await admin.say("jeden Vollmond")
    assert "verstehe ich nicht als Wiederholung" in replies[0].text
    assert "keine Wiederholungsregel" in (await admin.say("FREQ=HOURLY"))[0].text
    replies = await admin.say("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH")  # typed by hand: still read
    assert "Beschreibung" in replies[0].text
    await admin.say("-")  # no description
    assert "Bitte prüfen" in admin.texts() and "Jeden zweiten Donnerstag" in admin.texts()
    await admin.say("ja")
    (event,) = await app.store.events.all()
    assert event.url == "https://meet.example.org/x" and event.format == "webinar"
    assert event.duration == timedelta(minutes=45) and event.capacity is None


async def test_members_cannot_use_the_wizard(app: Services) -> None:
    anna = await member(app, "anna", "Anna Muster")
    assert "Netzwerk-Team vorbehalten" in (await anna.say("/neuertermin"))[0].text


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return await args.func(args, settings)


async def test_cli_add_list_attendees_cancel(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    year = datetime.now().year + 1
    assert await cli(settings, "add", "--title", "Demo Day", "--start", f"03.12.{year} 18:00",
                     "--end", "21:00", "--capacity", "1", "--format", "demoday") == 0  # fmt: skip
    assert "created event 1: Demo Day" in capsys.readouterr().out
    assert await cli(settings, "add", "--title", "X", "--start", "morgen") == 1
    assert "I cannot read “morgen” as a date and time" in capsys.readouterr().err
    assert await cli(settings, "add", "--title", "X", "--start", f"{year}-12-03 18:00",
                     "--topic", "Gibt es nicht") == 1  # fmt: skip
    assert "there is no topic “Gibt es nicht”" in capsys.readouterr().err

    assert await cli(settings, "list") == 0
    assert f"{year}-12-03 18:00  Demo Day  (scheduled)  capacity 1" in capsys.readouterr().out

    event = await app.store.events.get(1)
    assert event is not None and event.duration == timedelta(hours=3)
    anna = await member(app, "anna", "Anna Muster")
    ben = await member(app, "ben", "Ben Beispiel")
    for person in (anna, ben):
        await person.tap((await first_card(person)).buttons[0][0])  # Zusage
    assert await cli(settings, "attendees", "1", "--format", "csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:6] == ["event_id", "title", "date", "name", "company", "answer"]
    assert [(r[3], r[5], r[6], r[7]) for r in rows[1:]] == [
        ("Anna Muster", "yes", "no", ""),
        ("Ben Beispiel", "yes", "yes", "1"),
    ]
    assert await cli(settings, "cancel", "1", "--date", "01.01.2000") == 1
    assert await cli(settings, "cancel", "1") == 0
    assert (await app.store.events.get(1)).status == "cancelled"  # type: ignore[union-attr]
    await add_event(app, "Noch einer")
    capsys.readouterr()
    assert await cli(settings, "list") == 0
    assert "Demo Day" not in capsys.readouterr().out


async def test_cli_cancels_one_date_of_a_series(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    day = second_tuesday_next_year()
    assert await cli(settings, "add", "--title", "KI-Stammtisch", "--start", f"{day} 18:00",
                     "--rrule", "FREQ=MONTHLY;BYDAY=2TU") == 0  # fmt: skip
    next_month = day.replace(month=day.month + 1, day=1)
    second = next_month + timedelta(days=(1 - next_month.weekday()) % 7 + 7)
    assert await cli(settings, "cancel", "1", "--date", f"{second:%d.%m.%Y}") == 0
    event = await app.store.events.get(1)
    assert event is not None and event.status != "cancelled"  # only that date
    overrides = await app.store.events.overrides(1)
    assert [
        key.astimezone(app.settings.zone).date() for key, o in overrides.items() if o.cancelled
    ] == [second]
