"""Edge cases found in review: rules that never end, unreadable .ics entries, CLI errors,
seats freed by a removed member, concurrent answers, the wizard's limits, a quiet scan."""

from __future__ import annotations

import argparse
import asyncio
import socket
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.calendar.reading import read_calendar
from bot.calendar.recurrence import BadRule, normalize_rule, occurrences
from bot.cli import event as event_cli
from bot.delivery.notify import Notifier
from bot.services import Services
from bot.settings import Settings
from handlers.events.reminders import ReminderScanner
from handlers.events.service import EventService
from storage import Store
from storage.db import to_db_time, utcnow
from storage.events import EventFields
from tests.events_support import add_event, first_card, member, service
from tests.helpers import FakeAdapter, Person
from tests.test_events_ics import calendar, conference, vevent

YEAR = datetime.now(UTC).year + 1


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return int(await args.func(args, settings))


# rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=0",  # dateutil would repeat the first date for ever
        "FREQ=WEEKLY;INTERVAL=-2",
        "FREQ=DAILY;BYHOUR=9,18",  # the time of day comes from the start
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # no such day: dateutil searches to 9999
        "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31",
    ],
)
def test_unusable_rules_are_refused_quickly(rule: str) -> None:
    started = time.perf_counter()
    with pytest.raises(BadRule):
        normalize_rule(rule)
    assert time.perf_counter() - started < 2.0


def test_rare_but_real_rules_are_kept() -> None:
    for rule in ("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", "FREQ=MONTHLY;BYDAY=5FR"):
        assert normalize_rule(rule) == rule


async def test_cli_refuses_interval_zero_and_stores_nothing(
    settings: Settings, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await cli(settings, "add", "--title", "Daily", "--start", f"{YEAR}-01-05 18:00",
                     "--rrule", "FREQ=DAILY;INTERVAL=0")  # fmt: skip
    assert code == 1
    assert "not a recurrence rule" in capsys.readouterr().err
    assert await store.events.all() == []


# CLI: one clear line, a non-zero exit, no traceback ------------------------------------------


async def test_cli_errors_are_one_line(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nthis is not\nEND:VCALENDAR\n")
    port = closed_port()
    cases = [
        ("add", "--title", "Demo", "--start", f"{YEAR}-12-03 18:00", "--format", "party"),
        ("add", "--title", "Demo", "--start", "31.02.2027 18:00"),
        ("add", "--title", "Demo", "--start", f"{YEAR}-12-03 18:00", "--rrule", "FREQ=HOURLY"),
        ("import", str(tmp_path / "missing.ics")),
        ("import", str(broken)),
        ("import", f"http://127.0.0.1:{port}/events.ics"),
    ]
    errors = []
    for argv in cases:
        assert await cli(settings, *argv) == 1, argv
        err = capsys.readouterr().err.strip()
        assert err.startswith("knotenpunkt event: ") and "\n" not in err, (argv, err)
        errors.append(err)
    assert "Unknown format. Possible: meetup, webinar" in errors[0]
    assert "There is no 31.02.2027 in the calendar" in errors[1]
    assert "not a recurrence rule" in errors[2]
    assert "No such file" in errors[3] and "not an iCalendar file" in errors[4]
    assert "this is not" not in errors[4]  # the content is never echoed
    assert f"127.0.0.1:{port}/events.ics: cannot connect (Connection refused)" in errors[5]


def closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (bound, then closed again)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# .ics with an unreadable entry ------------------------------------------------------------


BROKEN = "\r\n".join(
    [
        "BEGIN:VEVENT",
        "UID:broken@example.org",
        "SUMMARY:Kaputt",
        "DTSTART:demnächst",
        "END:VEVENT",
    ]
)


def test_parse_notes_an_unreadable_event_and_keeps_the_rest() -> None:
    now = datetime.now(UTC)
    window = (now - timedelta(days=60), now + timedelta(days=731))
    read = read_calendar(calendar(conference(), BROKEN), "Europe/Berlin", window)
    assert [i.uid for i in read.events] == ["konf@example.org"]
    assert read.unreadable == {"broken@example.org"}
    (skip,) = read.skipped
    assert skip.subject == "„Kaputt“ (broken@example.org)"
    assert (skip.reason, skip.params) == ("import.skip.bad_value", {"name": "DTSTART"})


async def test_import_skips_an_unreadable_event_without_cancelling_it(
    settings: Settings, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "site.ics"
    good = vevent("broken@example.org", "Kaputt", f"{YEAR}0601T100000", f"{YEAR}0601T120000")
    feed.write_bytes(calendar(conference(), good))
    assert await cli(settings, "import", str(feed)) == 0
    feed.write_bytes(calendar(conference(), BROKEN))  # the website breaks one entry
    assert await cli(settings, "import", str(feed)) == 0
    out = capsys.readouterr()
    assert "1 skipped" in out.out and "broken@example.org" in out.err
    event = await store.events.by_uid("broken@example.org")
    assert event is not None and event.status == "scheduled"  # not taken for removed


async def test_skipped_events_are_explained_in_words(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "site.ics"
    backwards = vevent("back@example.org", "Rückwärts", f"{YEAR}0601T100000", f"{YEAR}0601T090000")
    feed.write_bytes(calendar(backwards))
    assert await cli(settings, "import", str(feed)) == 0
    err = capsys.readouterr().err
    assert "„Rückwärts“ (back@example.org): ends before it starts" in err
    assert "import.skip" not in err


# seats and the waitlist ----------------------------------------------------------------------


async def test_seat_of_a_removed_member_goes_to_the_waitlist_first(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    event = await add_event(app, "Workshop", capacity=1)
    (occ,) = occurrences(event, {}, event.start, event.end)
    anna = await member(app, "anna", "Anna Muster")
    ben = await member(app, "ben", "Ben Beispiel")
    cleo = await member(app, "cleo", "Cleo Test")
    ids = {}
    for person in (anna, ben, cleo):
        found = await app.store.members.find_by_identity("console", person.user_id)
        assert found is not None
        ids[person.user_id] = found.id
    svc = service(app)
    await svc.answer(occ, ids["anna"], "yes")
    assert (await svc.answer(occ, ids["ben"], "yes")).waitlisted
    await app.store.members.delete(ids["anna"])  # removed without answering "no"
    outcome = await svc.answer(occ, ids["cleo"], "yes")  # cleo must not jump the queue
    assert outcome.waitlisted and outcome.position == 1
    ben_rsvp = await app.store.rsvps.get(event.id, occ.key, ids["ben"])
    assert ben_rsvp is not None and not ben_rsvp.waitlisted
    await app.worker.drain()
    assert [s.message.title for s in fake_adapter.sent if s.chat_id == "ben"] == [
        "Ein Platz ist frei geworden – Sie sind jetzt dabei: Workshop"
    ]


async def test_release_member_promotes_before_deletion(app: Services) -> None:
    event = await add_event(app, "Workshop", capacity=1)
    (occ,) = occurrences(event, {}, event.start, event.end)
    anna = await app.store.members.create(
        name="Anna", company="A", region="Hagen", competencies=[], language="de"
    )
    ben = await app.store.members.create(
        name="Ben", company="B", region="Hagen", competencies=[], language="de"
    )
    svc = service(app)
    await svc.answer(occ, anna.id, "yes")
    await svc.answer(occ, ben.id, "yes")
    assert await svc.release_member(anna.id) == [ben.id]
    assert await app.store.rsvps.confirmed_count(event.id, occ.key) == 1


async def test_concurrent_answers_never_overbook(app: Services) -> None:
    event = await add_event(app, "Demo Day", capacity=2)
    (occ,) = occurrences(event, {}, event.start, event.end)
    people = [
        await app.store.members.create(
            name=f"P{i}", company="C", region="Hagen", competencies=[], language="de"
        )
        for i in range(6)
    ]
    svc = service(app)
    outcomes = await asyncio.gather(*(svc.answer(occ, p.id, "yes") for p in people))
    assert sum(not o.waitlisted for o in outcomes) == 2
    assert sorted(o.position for o in outcomes if o.waitlisted) == [1, 2, 3, 4]
    assert await app.store.rsvps.confirmed_count(event.id, occ.key) == 2


# stale buttons in the member's language ------------------------------------------------------


async def test_buttons_of_gone_events_answer_in_english(app: Services) -> None:
    event = await add_event(app, "Demo Day")
    bob = await member(app, "bob", "Bob Smith", language="English")
    buttons = (await first_card(bob, "/events")).button_list()
    await service(app).cancel(event)
    assert "has been cancelled" in (await bob.tap(buttons[0]))[0].text
    await app.store.events.delete(event.id)
    assert "no longer exists" in (await bob.tap(buttons[0]))[0].text


# the wizard's limits ------------------------------------------------------------------------


async def test_wizard_refuses_bad_text_at_the_step_and_writes_nothing(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.say("/neuertermin")
    for bad, expected in (("K", "2 bis 120"), ("x" * 121, "höchstens 120")):
        replies = await admin.say(bad)
        assert expected in replies[0].text and "Wie heißt er" in replies[1].text
    await admin.say("Stammtisch")
    await admin.say(f"05.01.{YEAR} 18:00")
    replies = await admin.say("20 Tage")  # not a duration at all
    assert "Wie lange" in replies[-1].text
    replies = await admin.say(f"25.01.{YEAR} 18:00")  # 20 days: too long for one event
    assert "höchstens 14 Tage" in replies[0].text and "Wie lange" in replies[1].text
    await admin.say("2h")
    replies = await admin.say("x" * 201)
    assert "höchstens 200" in replies[0].text and "Wo findet er statt" in replies[1].text
    await admin.say("Siegen")
    await admin.say("-")
    await admin.press("Treffen")
    await admin.say("-")
    replies = await admin.say(f"FREQ=WEEKLY;UNTIL={YEAR - 2}0101")  # ends before it starts
    assert "keine Wiederholungsregel" in replies[0].text
    assert "Bitte prüfen" not in replies[-1].text  # still at the rule step, not stuck later
    await admin.say("FREQ=WEEKLY")
    replies = await admin.say("-")  # no description
    assert "Bitte prüfen" in replies[0].text
    await admin.say("nein")
    assert await app.store.events.all() == []


# the reminder scan on a quiet tick ---------------------------------------------------------


async def test_a_scan_with_nothing_owed_opens_no_write_transaction(
    settings: Settings, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = utcnow().replace(microsecond=0) + timedelta(hours=5)
    event = await service_for(store, settings).create(_fields(start))
    anna = await store.members.create(
        name="Anna", company="A", region="Hagen", competencies=[], language="de"
    )
    await store.members.add_identity(anna.id, "console", "anna", "anna")
    await store.rsvps.record(event.id, start, anna.id, "yes", False)
    answered = to_db_time(start - timedelta(days=3))  # long before the 1-day moment
    await store.db.execute("UPDATE rsvps SET updated_at = ?", (answered,))
    await store.db.execute("UPDATE events SET created_at = ?", (answered,))
    now = start - timedelta(hours=4)
    scanner = ReminderScanner(store, Notifier(store, "de"), settings, clock=lambda: now)
    assert await scanner.scan() == 1  # the 1-day reminder, late but before the start
    opened = 0
    real = store.db.transaction

    def counting():  # type: ignore[no-untyped-def]
        nonlocal opened
        opened += 1
        return real()

    monkeypatch.setattr(store.db, "transaction", counting)
    for _ in range(3):
        assert await scanner.scan() == 0
    assert opened == 0


def service_for(store: Store, settings: Settings) -> EventService:
    return EventService(store, Notifier(store, "de"), settings, "test")


def _fields(start: datetime) -> EventFields:
    return EventFields(
        title="Stammtisch", start=start, end=start + timedelta(hours=2), timezone="Europe/Berlin"
    )
