"""Dates as Germans write them, where the bot asks for them (issue 32, item 1): the event
wizard and ``event add``, the broadcast time, a cooperation request's expiry all read
typed dates with bot.parsing.dates. Every moment here is relative to now."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest

from bot.cli import event as event_cli
from bot.i18n import format_datetime
from bot.services import Services
from bot.settings import Settings
from storage.db import utcnow
from tests.broadcast_support import add_member
from tests.groups_support import make_group
from tests.helpers import Person


def today(settings: Settings) -> date:
    return utcnow().astimezone(settings.zone).date()


def at(settings: Settings, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=settings.zone)


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return await args.func(args, settings)


async def test_event_add_reads_relative_days_and_an_end_in_words(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await cli(settings, "add", "--title", "Stammtisch", "--start", "übermorgen 18 Uhr",
                     "--end", "bis 20 Uhr") == 0  # fmt: skip
    later = today(settings) + timedelta(days=40)
    assert await cli(settings, "add", "--title", "Demo", "--start", f"{later.day}.{later.month}. 9:30",
                     "--duration", "2 Stunden") == 0  # fmt: skip
    first, second = await app.store.events.all()
    assert first.start == at(settings, today(settings) + timedelta(days=2), 18)
    assert first.duration == timedelta(hours=2)
    assert second.start == at(settings, later, 9, 30)
    assert second.duration == timedelta(hours=2)
    assert await cli(settings, "add", "--title", "X", "--start", "kein Datum") == 1
    assert "tomorrow 6 pm" in capsys.readouterr().err  # the forms that are read (CLI: English)


async def test_the_event_wizard_takes_morgen_18_uhr_and_an_end_as_a_time(
    app: Services,
) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    assert "Wann beginnt er" in (await admin.say("KI-Stammtisch"))[0].text
    replies = await admin.say("32.1. 18 Uhr")
    assert "Den 32.1. gibt es im Kalender nicht" in replies[0].text
    assert "Wann beginnt er" in replies[1].text
    assert "Wie lange" in (await admin.say("morgen 18 Uhr"))[0].text
    assert "Wo findet er statt" in (await admin.say("bis 20 Uhr"))[0].text


async def test_a_broadcast_is_scheduled_for_morgen_9_uhr(
    app: Services, person: Callable[..., Person]
) -> None:
    anna = await add_member(app.store, "Anna")
    await make_group(app.store, app.settings, members=(anna,))
    admin = person("admin")
    await admin.say("/rundschreiben")
    await admin.press("Mitglieder einer Arbeitsgruppe")
    await admin.press("AG Wasserstoff")
    await admin.say("Treffen am Freitag")
    await admin.press("Planen")
    await admin.say("morgen 9 Uhr")
    expected = at(app.settings, today(app.settings) + timedelta(days=1), 9)
    assert f"Geplant für {format_datetime(expected, 'de', app.settings.zone)}" in admin.texts()
    await admin.press("Planen")  # the preview's confirm
    assert "geplant" in admin.texts().lower(), admin.texts()
    (broadcast,) = await app.store.broadcasts.recent()
    assert broadcast.send_at == expected


@pytest.mark.parametrize("written", ["{d.day}.{d.month}.", "{d:%d.%m.%y}"])
async def test_a_request_expires_on_a_day_written_without_or_with_a_short_year(
    app: Services, written: str
) -> None:
    day = today(app.settings) + timedelta(days=30)
    anna = Person(app.core, "anna")
    await anna.register(name="Anna Muster", competencies="Fräsen")
    await anna.say("/gesuch")
    await anna.press("Ich suche einen Partner")
    await anna.say("Partner für Gehäuse")
    await anna.say("Wir fertigen Gehäuse und suchen Know-how für Druckbehälter.")
    await anna.say("Druckbehälter")
    await anna.press("Das ganze Netzwerk")
    await anna.say(written.format(d=day))
    assert "Bitte ein Datum zwischen morgen und" not in anna.texts()
    intro, preview, _ask = anna.last
    assert intro.text == "So sehen passende Mitglieder Ihr Gesuch:"
    assert f"offen bis {day:%d.%m.%Y}" in preview.text, preview.text
