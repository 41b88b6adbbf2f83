"""Events in chat: listing, answering with a waitlist, .ics, stale buttons, settings."""

from __future__ import annotations

from datetime import timedelta

import icalendar

from bot.services import Services
from storage.db import utcnow
from tests.events_support import add_event, member, service, texts
from tests.helpers import FakeAdapter, Person


async def test_list_answer_and_waitlist_promotion(app: Services, fake_adapter: FakeAdapter) -> None:
    event = await add_event(app, "Workshop Robotik", capacity=1, location="Siegen")
    anna = await member(app, "anna", "Anna Muster")
    ben = await member(app, "ben", "Ben Beispiel")

    replies = await anna.say("/termine")
    assert replies[0].text == "Der nächste Termin:"  # the singular, not "1 Termine"
    assert replies[1].title == "Workshop Robotik" and "📍 Siegen" in replies[1].text
    assert "Plätze: 1 von 1 frei." in replies[1].text
    await anna.press("Zusage")
    assert "Danke für Ihre Zusage" in anna.texts() and anna.last[0].replace

    await ben.say("/termine")
    await ben.press("Zusage")
    assert "Platz 1 der Warteliste" in ben.texts()
    occ_key = event.start
    assert await app.store.rsvps.confirmed_count(event.id, occ_key) == 1

    await anna.say("/termine")
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
    await anna.press("Zusage")
    assert "Platz 1 der Warteliste" in anna.texts()


async def test_ics_button_sends_a_calendar_file(app: Services) -> None:
    await add_event(app, "Webinar KI", rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", format="webinar")
    anna = await member(app, "anna", "Anna Muster")
    await anna.say("/termine")
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
    buttons = anna.last[1].button_list()
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
    await add_event(app, "Circular Breakfast", start=utcnow() + timedelta(days=1))
    bob = await member(app, "bob", "Bob Smith", language="English")
    replies = await bob.say("/events KI in der Industrie")
    assert [m.title for m in replies[1:]] == ["KI-Stammtisch"]
    assert "Topics: KI in der Industrie" in replies[1].text
    replies = await bob.say("/events")
    assert [m.title for m in replies[1:]] == ["Circular Breakfast", "KI-Stammtisch"]
    assert "Going" in replies[1].buttons[0][0].label
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
    replies = await anna.say("/termine")
    assert len(replies) == 2  # header and the series' next date (not ten Tuesdays)
    await anna.tap(replies[1].buttons[0][1])  # "Vielleicht" for the first date
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
    replies = await anna.say("/termine")
    assert local_day not in texts(replies[1:2])  # the next date shown is the week after
    replies = await admin.say(f"/terminabsagen {event.id} {local_day}")
    assert "schon abgesagt" in replies[0].text
    replies = await admin.say(f"/terminabsagen {event.id} 99.99.2026")
    assert "kein Datum" in replies[0].text
