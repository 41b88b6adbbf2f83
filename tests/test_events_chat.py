"""Events in chat: listing, answering with a waitlist, .ics, stale buttons, settings."""

from __future__ import annotations

from datetime import timedelta

import icalendar

from bot.services import Services
from storage.db import utcnow
from tests.events_support import add_event, member, service
from tests.helpers import FakeAdapter, Person


async def test_list_answer_and_waitlist_promotion(app: Services, fake_adapter: FakeAdapter) -> None:
    event = await add_event(app, "Workshop Robotik", capacity=1, location="Siegen")
    anna = await member(app, "anna", "Anna Muster")
    ben = await member(app, "ben", "Ben Beispiel")

    [listing] = await anna.say("/termine")  # one message
    assert listing.text.startswith("Der nächste Termin:")  # the singular, not "1 Termine"
    assert f"Nr. {event.id} · " in listing.text and "· Workshop Robotik" in listing.text
    assert "noch 1 Platz frei" in listing.text
    [card] = await anna.press("Workshop Robotik")
    assert card.replace and card.title == "Workshop Robotik" and "📍 Siegen" in card.text
    assert "Plätze: 1 von 1 frei." in card.text
    await anna.press("Zusage")
    assert "Danke für Ihre Zusage" in anna.texts() and anna.last[0].replace
    [listing] = await anna.press("Zur Liste")
    assert listing.replace and "✅ zugesagt · ausgebucht" in listing.text

    await ben.say("/termine")
    await ben.press("Workshop Robotik")
    await ben.press("Zusage")
    assert "Platz 1 der Warteliste" in ben.texts()
    occ_key = event.start
    assert await app.store.rsvps.confirmed_count(event.id, occ_key) == 1
    [listing] = await ben.press("Zur Liste")
    assert "⏳ auf der Warteliste · ausgebucht" in listing.text

    await anna.say("/termine")
    await anna.press("Workshop Robotik")
    await anna.press("Absage")
    assert "Absage ist notiert" in anna.texts()
    rsvp = await app.store.rsvps.get(event.id, occ_key, 2)
    assert rsvp is not None and rsvp.status == "yes" and not rsvp.waitlisted
    await app.worker.drain()
    told = [s.message for s in fake_adapter.sent if s.chat_id == "ben"]
    assert [m.title for m in told] == [
        "Ein Platz ist frei geworden – Sie sind jetzt dabei: Workshop Robotik"
    ]
    assert "📍 Siegen" in told[0].text
    # anna says yes again: now she waits
    await anna.say("/termine")
    await anna.press("Workshop Robotik")
    await anna.press("Zusage")
    assert "Platz 1 der Warteliste" in anna.texts()


async def test_ics_button_sends_a_calendar_file(app: Services) -> None:
    await add_event(app, "Webinar KI", rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", format="webinar")
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/termine")
    await anna.press("Webinar KI")
    replies = await anna.press(".ics")
    document = replies[0].document
    assert document is not None and document.mime_type == "text/calendar"
    cal = icalendar.Calendar.from_ical(document.content)
    vevent = next(iter(cal.walk("VEVENT")))
    assert str(vevent["SUMMARY"]) == "Webinar KI"
    assert vevent["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"


async def test_buttons_of_cancelled_or_deleted_events_get_a_clear_answer(app: Services) -> None:
    event = await add_event(app, "Demo Day")
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/termine")
    [card] = await anna.press("Demo Day")
    buttons = card.button_list()
    await service(app).cancel(event)
    replies = await anna.tap(buttons[0])
    assert "wurde abgesagt" in replies[0].text
    await app.store.events.delete(event.id)
    replies = await anna.tap(buttons[0])
    assert "gibt es nicht mehr" in replies[0].text
    replies = await anna.tap(buttons[3])  # .ics
    assert "gibt es nicht mehr" in replies[0].text


async def test_topic_filter_and_english(app: Services) -> None:
    topic = await app.store.topics.create("KI in der Industrie")
    await add_event(app, "KI-Stammtisch", topic_ids=[topic.id])
    await add_event(
        app, "Circular Breakfast", start=utcnow().replace(microsecond=0) + timedelta(days=1)
    )
    bob = await member(app, "bob", "Bob Smith", language="English")
    [listing] = await bob.say("/events KI in der Industrie")
    assert listing.text.startswith("The next event on “KI in der Industrie”:")
    assert "KI-Stammtisch" in listing.text and "Circular" not in listing.text
    [card] = await bob.press("KI-Stammtisch")
    assert "Topics: KI in der Industrie" in card.text
    [back] = await bob.press("Back to the list")
    assert back.text == listing.text  # the same page, the same topic
    [listing] = await bob.say("/events")
    lines = [line for line in listing.text.splitlines() if line.startswith("No. ")]
    assert [line.split(" · ")[-1] for line in lines] == ["Circular Breakfast", "KI-Stammtisch"]
    [card] = await bob.press("Circular Breakfast")
    assert "Going" in card.buttons[0][0].label
    replies = await bob.say("/events Nonsense")
    assert "no topic" in replies[0].text


async def test_reminder_settings(app: Services) -> None:
    anna = await member(app, "anna", "Anna Muster")
    replies = await anna.say("/erinnerungen aus")
    assert "Erinnerungen sind jetzt aus" in replies[0].text
    member_row = await app.store.members.find_by_identity("console", "anna")
    assert member_row is not None and not member_row.reminders_enabled
    await anna.say("/erinnerungen themen an")
    assert await app.store.rsvps.remind_topics(member_row.id)
    await anna.press("einschalten")
    member_row = await app.store.members.find_by_identity("console", "anna")
    assert member_row is not None and member_row.reminders_enabled
    replies = await anna.say("/erinnerungen vielleicht")
    assert "So geht's" in replies[0].text


async def test_admin_sees_attendees_and_cancels_one_date(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    event = await add_event(app, "Stammtisch", rrule="FREQ=WEEKLY;BYDAY=TU")
    anna = await member(app, "anna", "Anna Muster")
    admin = Person(app.core, "admin")
    [listing] = await anna.say("/termine")
    assert len(listing.buttons) == 1  # the series' next date (not ten Tuesdays)
    [card] = await anna.press("Stammtisch")
    await anna.tap(card.buttons[0][1])  # "Vielleicht" for the first date
    replies = await admin.say(f"/teilnehmer {event.id}")
    assert "Vielleicht (1):" in replies[0].text and "Anna Muster (Muster GmbH)" in replies[0].text
    replies = await anna.say(f"/teilnehmer {event.id}")
    assert "Netzwerk-Team vorbehalten" in replies[0].text

    anna_member = await app.store.members.find_by_identity("console", "anna")
    assert anna_member is not None
    rsvp = (await app.store.rsvps.for_member(anna_member.id))[0]
    local_day = rsvp.occurrence.astimezone(app.settings.zone).strftime("%d.%m.%Y")
    replies = await admin.say(f"/terminabsagen {event.id} {local_day}")
    assert "„Stammtisch“ am Di., " in replies[0].text and "absagen?" in replies[0].text
    assert "0 Personen haben zugesagt" in replies[0].text
    replies = await admin.press("Ja, absagen")
    assert "ist abgesagt" in replies[0].text and replies[0].replace, replies[0].text
    await app.worker.drain()
    assert [s.message.title for s in fake_adapter.sent if s.chat_id == "anna"] == [
        "Abgesagt: Stammtisch"
    ]
    [listing] = await anna.say("/termine")
    assert local_day[:6] not in listing.text  # the next date shown is the week after
    replies = await admin.say(f"/terminabsagen {event.id} {local_day}")
    assert "schon abgesagt" in replies[0].text
    replies = await admin.say(f"/terminabsagen {event.id} 99.99.2026")
    assert "kein Datum" in replies[0].text
