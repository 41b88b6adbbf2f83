"""``/neuertermin`` as a declared form: field by field with German input of the real kind,
an answer refused and asked again, repetition as a choice in words (never an RRULE
offered), seats in words, a description, one field changed from the preview, a stale
button after creating, the same form all at once (a native form), and a series' card that
says what a Zusage covers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from bot.calendar.recurrence import nth_weekday_rule, weekly_rule
from bot.i18n import format_datetime
from bot.services import Services
from handlers.events.inputs import read_capacity, read_repeat
from handlers.validation import Invalid
from storage.db import utcnow
from tests.events_support import add_event, first_card, member
from tests.groups_support import make_group
from tests.helpers import Person

DESCRIPTION = (
    "Programm:\n1. Begrüßung 🎉\n2. Vortrag „Pulver statt Nasslack“ (Müller & Söhne)\n\n"
    + "Anfahrt über Werk 2 / Tor B. " * 40
)


def local_day(app: Services, days: int) -> datetime:
    """A day ``days`` ahead at 18:00 in the network's zone."""
    moment = (utcnow() + timedelta(days=days)).astimezone(app.settings.zone)
    return moment.replace(hour=18, minute=0, second=0, microsecond=0)


async def test_field_by_field_change_one_field_then_a_stale_button(app: Services) -> None:
    await app.store.topics.create("Oberflächentechnik 🎨")
    await app.store.topics.create("Luftfahrt")
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    await admin.say("Müller & Söhne GmbH & Co. KG: „Pulverbeschichtung für Luftfahrt“")
    start = local_day(app, 30)
    await admin.say(f"{start:%d.%m.%Y %H:%M}")
    await admin.say("3h")
    await admin.say("Werk 2 / Halle B, Olpe")
    replies = await admin.say("luftfahrt, oberflächen")  # typed names, folded
    assert "Welches Format" in replies[0].text
    await admin.say("Webinar")
    replies = await admin.say("dreißig")
    assert "ganze Zahl" in replies[0].text and "Wie viele Plätze" in replies[1].text
    replies = await admin.say("30 Plätze")
    labels = [b.label for b in replies[0].button_list()]
    assert "Einmalig" in labels and any(label.startswith("Monatlich am ") for label in labels)
    shown = replies[0].text + " ".join(labels)
    assert "RRULE" not in shown and "FREQ" not in shown  # staff are offered words only
    replies = await admin.say("alle zwei Wochen")
    assert "Beschreibung" in replies[0].text
    preview = (await admin.say(DESCRIPTION))[0].text
    assert "Plätze: 30" in preview and "Wiederholung: Jeden zweiten " in preview
    assert "Luftfahrt, Oberflächentechnik 🎨" in preview and "Begrüßung 🎉" in preview

    await admin.press("Ändern")
    await admin.press("Titel")
    assert "Bisher: Müller & Söhne" in admin.texts()
    [preview_message] = await admin.say("Pulverbeschichtung für Luftfahrt")
    assert "Titel: Pulverbeschichtung für Luftfahrt" in preview_message.text
    assert "Plätze: 30" in preview_message.text  # the other answers are kept
    create = next(b for b in preview_message.button_list() if b.label == "Anlegen")
    replies = await admin.tap(create)
    assert "ist angelegt" in replies[0].text
    assert "gilt nur für diesen Termin der Reihe" in replies[1].text

    [event] = await app.store.events.all()
    assert event.title == "Pulverbeschichtung für Luftfahrt" and event.capacity == 30
    assert event.rrule == weekly_rule(start, 2) and event.format == "webinar"
    assert event.location == "Werk 2 / Halle B, Olpe" and event.description == DESCRIPTION.strip()
    assert len(await app.store.events.topic_ids(event.id)) == 2
    assert "schon beantwortet" in (await admin.tap(create))[0].text  # pressed again
    assert len(await app.store.events.all()) == 1


@pytest.mark.parametrize(
    ("seats", "repeat", "capacity", "rule"),
    [
        ("unbegrenzt", "einmalig", None, None),
        ("30", "monatlich", 30, "monthly"),
        ("30 Plätze", "wöchentlich", 30, "weekly"),
        ("-", "-", None, None),
    ],
)
async def test_seats_and_repetition_typed_in_words(
    app: Services, seats: str, repeat: str, capacity: int | None, rule: str | None
) -> None:
    admin = Person(app.core, "admin")
    start = local_day(app, 12)
    await admin.say("/neuertermin")
    for answer in ("Stammtisch", f"{start:%d.%m.%Y %H:%M}", "2h", "-", "-", "Treffen"):
        await admin.say(answer)
    await admin.say(seats)
    await admin.say(repeat)
    await admin.say("-")
    assert "Bitte prüfen" in admin.texts()
    await admin.say("ja")
    [event] = await app.store.events.all()
    expected = {"monthly": nth_weekday_rule(start), "weekly": weekly_rule(start)}
    assert event.capacity == capacity and event.rrule == expected.get(rule or "")


async def test_a_description_too_long_is_asked_again(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    start = local_day(app, 5)
    for answer in ("Werkstatt", f"{start:%d.%m.%Y %H:%M}", "2h", "-", "-", "Workshop", "-"):
        await admin.say(answer)
    await admin.press("Einmalig")
    replies = await admin.say("x" * 2001)
    assert "höchstens 2000" in replies[0].text and "Beschreibung" in replies[1].text
    assert await app.store.events.all() == []


async def test_a_changed_start_moves_the_monthly_rule_with_it(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    first, later = local_day(app, 20), local_day(app, 24)
    for answer in ("Netzwerktreffen", f"{first:%d.%m.%Y %H:%M}", "2h", "-", "-", "Treffen", "-"):
        await admin.say(answer)
    await admin.say("monatlich")
    await admin.say("-")
    await admin.press("Ändern")
    await admin.press("Beginn")
    await admin.say(f"{later:%d.%m.%Y %H:%M}")
    await admin.press("Ändern")
    await admin.press("Ende")
    await admin.say("2h")
    await admin.press("Anlegen")
    [event] = await app.store.events.all()
    assert event.rrule == nth_weekday_rule(later)
    assert event.start.astimezone(app.settings.zone) == later


async def test_the_native_form_errors_by_field_then_the_same_event(app: Services) -> None:
    topic = await app.store.topics.create("Luftfahrt")
    admin = Person(app.core, "admin")
    [opened] = await admin.say("/neuertermin", form_trigger=True)
    assert opened.form is not None
    names = [f.name for f in opened.form.fields]
    assert names[:3] == ["title", "start", "end"] and names[-1] == "description"
    repeat = next(f for f in opened.form.fields if f.name == "repeat")
    assert [label for _, label in repeat.choices][1] == "Monatlich (am selben Wochentag)"
    bad: dict[str, Any] = {"title": "", "start": "@0", "end": "@0", "format": "meetup",
                           "repeat": "none"}  # fmt: skip
    [answer] = await admin.say("", action="f.ev", action_arg=".submit", form_values=bad)
    assert answer.form is not None
    assert {"title", "start", "end"} <= set(answer.form.errors)
    assert "Vergangenheit" in answer.form.errors["start"]
    start = local_day(app, 40)
    moment = int(start.timestamp())
    values: dict[str, Any] = {
        "title": "Pulverbeschichtung für Luftfahrt", "start": f"@{moment}",
        "end": f"@{moment + 7200}", "where": "https://meet.example.org/pulver",
        "topics": [str(topic.id)], "format": "webinar", "capacity": "30 Plätze",
        "repeat": "monthly", "description": "Zeile 1\nZeile 2",
    }  # fmt: skip
    [answer] = await admin.say("", action="f.ev", action_arg=".submit", form_values=values)
    assert answer.form is not None and "Monatlich am " in answer.form.preview
    replies = await admin.say("", action="f.ev", action_arg=".confirm", form_values={})
    assert "ist angelegt" in replies[0].text
    [event] = await app.store.events.all()
    assert event.url == "https://meet.example.org/pulver" and event.capacity == 30
    assert event.rrule == nth_weekday_rule(start) and event.description == "Zeile 1\nZeile 2"
    assert await app.store.events.topic_ids(event.id) == [topic.id]


async def test_a_series_card_says_a_zusage_covers_one_date(app: Services) -> None:
    anna = await member(app, "anna", "Anna Muster")
    await add_event(app, "Stammtisch", rrule="FREQ=MONTHLY;BYDAY=1TH")
    card = await first_card(anna)
    assert "Eine Zusage gilt nur für diesen Termin der Reihe" in card.text
    await app.store.events.delete(1)
    await add_event(app, "Einmal")
    assert "der Reihe" not in (await first_card(anna)).text


def test_the_shared_readers_take_words() -> None:
    assert read_capacity("unbegrenzt") is None and read_capacity("Unlimited") is None
    assert read_capacity("30 Plätze") == 30 and read_capacity(" 30 ") == 30
    assert read_repeat("Alle 2 Wochen") == "biweekly" and read_repeat("14-tägig") == "biweekly"
    assert read_repeat("Wöchentlich") == "weekly" and read_repeat("-") == "none"
    for bad in ("0", "30 Stühle", "viele"):
        with pytest.raises(Invalid):
            read_capacity(bad)
    with pytest.raises(Invalid):
        read_repeat("bei Vollmond")


async def test_a_group_archived_before_confirming_is_refused_and_nothing_written(
    app: Services,
) -> None:
    group = await make_group(app.store, app.settings)
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin", form_trigger=True)
    moment = int(local_day(app, 15).timestamp())
    values: dict[str, Any] = {"title": "H2-Werkstatt", "start": f"@{moment}",
                              "end": f"@{moment + 3600}", "group": str(group.id),
                              "format": "workshop", "repeat": "none"}  # fmt: skip
    [answer] = await admin.say("", action="f.ev", action_arg=".submit", form_values=values)
    assert answer.form is not None and "👥 Arbeitsgruppe: AG Wasserstoff" in answer.form.preview
    await app.store.groups.archive(group.id)
    replies = await admin.say("", action="f.ev", action_arg=".confirm", form_values={})
    assert "gibt es nicht mehr" in replies[0].text
    assert await app.store.events.all() == []
    assert await app.store.conversations.get("console", "admin") is not None  # may change it


async def test_a_range_typed_as_the_start_sets_the_end_and_is_echoed_in_full(
    app: Services,
) -> None:
    """``1.4. 18:30 bis 20 Uhr``: start and end in one answer; the end is not asked, and
    the preview shows both in full, so a misreading is seen before it is saved."""
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    await admin.say("Stammtisch „Wasserstoff“")
    day = local_day(app, 40)
    replies = await admin.say(f"{day.day}.{day.month}. 18:30 bis 20 Uhr")
    assert "Wo findet" in replies[0].text or "Ort" in replies[0].text, replies[0].text
    for answer in ("-", "weiter", "Treffen", "-", "einmalig"):
        replies = await admin.say(answer)
    preview = (await admin.say("-"))[0].text
    start, end = day.replace(minute=30), day.replace(hour=20)
    assert f"Beginn: {format_datetime(start, 'de', app.settings.zone)}" in preview, preview
    assert format_datetime(end, "de", app.settings.zone) in preview
    await admin.press("Anlegen")
    [event] = await app.store.events.all()
    assert (event.start, event.end) == (start, end)
