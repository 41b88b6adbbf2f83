"""Feedback after a date: asked once (across a restart), those who checked in or else
those who said yes, not those who turned it off, not for cancelled dates; the answer by
star button or typed, changed once, refused after a week; the organiser's figures."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

import handlers.feedback.service as feedback_service
from bot.app import Services
from bot.settings import Settings
from handlers.events.buttons import Card
from handlers.feedback.buttons import Figures, Stars
from handlers.feedback.jobs import dedupe_key
from storage import Store
from storage.db import to_db_time
from tests.feedback_support import Clock, asker, check_in, event_tomorrow, first_date
from tests.groups_support import console_member
from tests.helpers import FakeAdapter, Person

MINUTE = timedelta(minutes=1)


async def _asked(store: Store) -> list[str]:
    rows = await store.db.fetchall(
        "SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'feedback:%' ORDER BY dedupe_key"
    )
    return [r[0] for r in rows]


async def test_asked_once_after_the_delay_and_not_again_after_a_restart(
    settings: Settings,
) -> None:
    store = await Store.open(settings.db_path)
    try:
        event_id = await event_tomorrow(store, settings)
        key, end = await first_date(store, event_id)
        anna = await console_member(store, "anna", "Anna Muster")
        maybe = await console_member(store, "mia", "Mia Vielleicht")
        quiet = await console_member(store, "quiet", "Quentin Still")
        await store.rsvps.record(event_id, key, anna, "yes", False)
        await store.rsvps.record(event_id, key, maybe, "maybe", False)
        await store.rsvps.record(event_id, key, quiet, "yes", False)
        await store.feedback.set_asks(quiet, False)
        clock = Clock(end + settings.feedback_delay - MINUTE)
        assert await asker(store, settings, clock).scan() == 0  # not yet: two hours after
        clock.now = end + settings.feedback_delay + MINUTE
        assert await asker(store, settings, clock).scan() == 1
        assert await asker(store, settings, clock).scan() == 0
        await store.close()  # the bot stops and starts again on the same file
        await store.db.open()
        assert await asker(store, settings, clock).scan() == 0
        assert await _asked(store) == [dedupe_key(event_id, to_db_time(key) or "", anna)]
        payload = json.loads(
            await store.db.fetchval("SELECT payload FROM outbox WHERE chat_id = 'anna'")
        )
        assert payload["title"] == "Wie war „KI-Stammtisch“?"
        labels = [b["label"] for row in payload["buttons"] for b in row]
        assert labels == ["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐", "Keine Feedback-Anfragen mehr"]
        request = await store.feedback.request(event_id, key, anna)
        assert request is not None
        assert request.changeable_until == request.sent_at + timedelta(days=7)
    finally:
        await store.close()


async def test_those_who_checked_in_are_asked_and_not_for_cancelled_dates(
    settings: Settings, store: Store
) -> None:
    event_id = await event_tomorrow(store, settings)
    key, end = await first_date(store, event_id)
    said_yes = await console_member(store, "yes", "Yannick Zusage")
    came = await console_member(store, "came", "Clara Gekommen")
    await store.rsvps.record(event_id, key, said_yes, "yes", False)
    await check_in(store, event_id, key, came)  # a walk-in: she came, he did not
    cancelled = await event_tomorrow(store, settings, "Abgesagt")
    other_key, _end = await first_date(store, cancelled)
    await store.rsvps.record(cancelled, other_key, said_yes, "yes", False)
    await store.db.execute("UPDATE event_dates SET cancelled = 1 WHERE event_id = ?", (cancelled,))
    clock = Clock(end + settings.feedback_delay + MINUTE)
    assert await asker(store, settings, clock).scan() == 1
    assert await _asked(store) == [dedupe_key(event_id, to_db_time(key) or "", came)]


async def test_a_date_long_past_is_not_asked_about(settings: Settings, store: Store) -> None:
    event_id = await event_tomorrow(store, settings)
    key, end = await first_date(store, event_id)
    anna = await console_member(store, "anna", "Anna Muster")
    await store.rsvps.record(event_id, key, anna, "yes", False)
    clock = Clock(end + settings.feedback_delay + timedelta(days=4))  # the bot was down long
    assert await asker(store, settings, clock).scan() == 0


def test_the_delay_is_a_setting(make_settings: object) -> None:
    assert Settings(_env_file=None).feedback_delay == timedelta(hours=2)  # type: ignore[call-arg]
    assert Settings(_env_file=None, feedback_delay="30m").feedback_delay == timedelta(minutes=30)  # type: ignore[call-arg]


async def _asked_after_the_date(app: Services, *names: str) -> tuple[int, dict[str, int]]:
    store, settings = app.store, app.settings
    event_id = await event_tomorrow(store, settings)
    key, end = await first_date(store, event_id)
    ids = {}
    for name in names:
        ids[name] = await console_member(store, name, name.title() + " Muster")
        await store.rsvps.record(event_id, key, ids[name], "yes", False)
    clock = Clock(end + settings.feedback_delay + MINUTE)
    await asker(store, settings, clock).scan()
    return event_id, ids


def _request_of(adapter: FakeAdapter, chat_id: str) -> list:
    return [s.message for s in adapter.sent if s.chat_id == chat_id and "⭐" in str(s.message)]


async def _wait_for_request(app: Services, adapter: FakeAdapter, chat_id: str) -> Person:
    await app.worker.drain()
    [request] = _request_of(adapter, chat_id)
    person = Person(app.core, chat_id)
    person.last = [request]
    return person


async def test_stars_then_a_comment_and_the_name_changed_once_refused_after_a_week(
    app: Services, fake_adapter: FakeAdapter, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_id, ids = await _asked_after_the_date(app, "anna", "bert")
    anna = await _wait_for_request(app, fake_adapter, "anna")
    asked = await anna.press("4 ⭐")
    assert "⭐⭐⭐⭐ – danke!" in anna.texts()
    assert asked
    await anna.say("Gute Vorträge zu „KI in der Fertigung“, aber zu wenig Pausen 😅")
    await anna.press("Ja")  # the organiser may see her name
    assert "Sterne: ⭐⭐⭐⭐" in anna.texts()
    await anna.press("Absenden")
    assert "Danke für Ihre Rückmeldung zu „KI-Stammtisch“" in anna.texts()
    key, _end = await first_date(app.store, event_id)
    mine = await app.store.feedback.get(event_id, key, ids["anna"])
    assert mine is not None and mine.stars == 4 and mine.show_name
    assert mine.comment.endswith("zu wenig Pausen 😅")

    bert = await _wait_for_request(app, fake_adapter, "bert")
    await bert.say("2 Sterne")  # typed instead of pressed
    await bert.say("Zu laut im Saal.")
    await bert.press("Nein")
    await bert.press("Absenden")
    assert "Danke" in bert.texts()

    anna.last = _request_of(fake_adapter, "anna")  # she changes her mind, once
    await anna.press("5 ⭐")
    assert "Gute Vorträge" in anna.texts()  # her comment is the current value
    await anna.say("-")  # kept; then the name is to be hidden after all
    await anna.press("Ändern")
    await anna.press("Name für das Organisationsteam")
    await anna.press("Nein")
    await anna.press("Absenden")
    assert "ist geändert" in anna.texts()
    mine = await app.store.feedback.get(event_id, key, ids["anna"])
    assert mine is not None and (mine.stars, mine.show_name) == (5, False)
    assert mine.comment.startswith("Gute Vorträge")
    figures = await app.store.feedback.figures(event_id, key)
    assert (figures.count, figures.asked, figures.average) == (2, 2, 3.5)
    actions = [a["action"] for a in await app.store.audit.recent()]
    assert actions.count("feedback.given") == 2 and actions.count("feedback.changed") == 1

    request = await app.store.feedback.request(event_id, key, ids["anna"])
    assert request is not None
    later = request.changeable_until + MINUTE  # a week after the request
    monkeypatch.setattr(feedback_service, "utcnow", lambda: later)
    anna.last = _request_of(fake_adapter, "anna")
    await anna.press("1 ⭐")
    assert "jetzt geht das nicht mehr" in anna.texts()
    await anna.say("1")
    assert "jetzt geht das nicht mehr" in anna.texts()
    mine = await app.store.feedback.get(event_id, key, ids["anna"])
    assert mine is not None and mine.stars == 5  # unchanged


async def test_the_organiser_sees_average_distribution_and_comments(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    event_id, _ids = await _asked_after_the_date(app, "anna", "bert", "cara")
    key, _end = await first_date(app.store, event_id)
    answers = {"anna": ("5", "Sehr gut organisiert", "Ja"), "bert": ("3", "-", "Nein"),
               "cara": ("4", "Mehr Praxisbeispiele, bitte", "Nein")}  # fmt: skip
    for name, (stars, comment, show) in answers.items():
        person = await _wait_for_request(app, fake_adapter, name)
        await person.press(f"{stars} ⭐")
        await person.say(comment)
        await person.press(show)
        await person.press("Absenden")
    await console_member(app.store, "ada", "Ada Admin")
    await app.store.members.grant_admin("console:ada")
    ada = Person(app.core, "ada")
    await ada.tap(Card(event_id, int(key.timestamp())).button("x"))  # the event card
    assert "Rückmeldungen: ⌀ 4,0 von 5 (3 Antworten)" in ada.texts()
    await ada.press("Rückmeldungen")
    shown = ada.texts()
    assert "3 Rückmeldungen von 3 Gefragten · Durchschnitt 4,0 von 5" in shown
    assert "5 ⭐ ██████████ 1" in shown and "2 ⭐  0" in shown
    assert "„Sehr gut organisiert“ – Anna Muster" in shown
    assert "„Mehr Praxisbeispiele, bitte“ – anonym" in shown
    assert "Cara" not in shown and "Bert" not in shown
    anna = Person(app.core, "anna")  # a member sees no one's feedback
    await anna.tap(Figures(event_id, int(key.timestamp())).button("x"))
    assert "Praxisbeispiele" not in anna.texts()


async def test_turned_off_under_the_request_and_on_again_in_the_profile(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    _event_id, ids = await _asked_after_the_date(app, "anna")
    anna = await _wait_for_request(app, fake_adapter, "anna")
    await anna.press("Keine Feedback-Anfragen mehr")
    assert "keine Feedback-Anfragen mehr" in anna.texts()
    assert not await app.store.feedback.asks_enabled(ids["anna"])
    second = await event_tomorrow(app.store, app.settings, "Werksbesuch")
    key, end = await first_date(app.store, second)
    await app.store.rsvps.record(second, key, ids["anna"], "yes", False)
    clock = Clock(end + app.settings.feedback_delay + MINUTE)
    assert await asker(app.store, app.settings, clock).scan() == 0  # not asked: turned off
    await anna.say("/profil")
    assert "Feedback-Anfragen nach Veranstaltungen: aus" in anna.texts()
    await anna.press("Feedback-Anfragen an")
    assert "Feedback-Anfragen nach Veranstaltungen: an" in anna.texts()
    assert await asker(app.store, app.settings, clock).scan() == 1


async def test_typed_stars_without_a_request_are_free_text(app: Services) -> None:
    await console_member(app.store, "anna", "Anna Muster")
    anna = Person(app.core, "anna")
    await anna.say("4")
    assert "Sterne" not in anna.texts() and "⭐" not in anna.texts()


async def test_someone_not_asked_cannot_answer(app: Services) -> None:
    event_id, _ids = await _asked_after_the_date(app, "anna")
    key, _end = await first_date(app.store, event_id)
    await console_member(app.store, "zoe", "Zoe Zaungast")
    zoe = Person(app.core, "zoe")
    await zoe.tap(Stars(event_id, int(key.timestamp()), 5).button("x"))  # a forged button
    assert "nicht um eine Rückmeldung gebeten" in zoe.texts()
    assert (await app.store.feedback.figures(event_id, key)).count == 0
