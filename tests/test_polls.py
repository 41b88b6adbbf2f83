"""Date polls end to end at the console boundary: the form, ballots, votes and changed
votes, the reminder to those who have not answered, the end, and the event the chosen
date becomes, told to everyone asked once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.services import Services
from handlers.polls.jobs import PollJobs
from handlers.polls.service import PollService
from handlers.validation import Invalid
from tests.fake_telegram_harness import wait_for
from tests.groups_support import console_member
from tests.helpers import FakeAdapter, Person
from tests.polls_support import as_shown, day, fill_form, organiser_and_group, typed


def _to(adapter: FakeAdapter, chat_id: str, part: str) -> list:
    return [
        s.message for s in adapter.sent if s.chat_id == chat_id and part in (s.message.title or "")
    ]


async def test_poll_from_form_to_event(app: Services, fake_adapter: FakeAdapter) -> None:
    organiser, group, ids = await organiser_and_group(app)
    first, second = day(5, 10), day(6, 14)
    await fill_form(
        organiser,
        f"{as_shown(first)}, {typed(second)}",  # the bot's own format has commas too
        deadline=day(3, 18),
        remind=day(2, 9),
    )
    assert "Bitte prüfen" in organiser.texts(), organiser.texts()
    assert as_shown(first) in organiser.texts() and as_shown(second) in organiser.texts()
    replies = await organiser.press("Abstimmung senden")
    assert replies[0].title == "Zwischenstand: Treffen AG Wasserstoff"
    assert "Noch keine Antwort (2): Ben, Cara" in replies[0].text
    assert "an 2 Mitglieder unterwegs" in replies[1].text
    [poll] = await app.store.polls.of_organiser(ids["admin"])
    assert poll.audience_kind == "group" and poll.audience_ref == group.id
    assert [o.start for o in poll.options] == [first, second]

    await wait_for(lambda: bool(_to(fake_adapter, "ben", "Terminabstimmung")))
    await wait_for(lambda: bool(_to(fake_adapter, "cara", "Date poll")))
    [ballot] = _to(fake_adapter, "ben", "Terminabstimmung")
    assert len(ballot.buttons) == 2 and len(ballot.buttons[0]) == 3

    ben = Person(app.core, "ben")
    ben.last = [ballot]
    [edited] = await ben.press("1 ✅ Ja")
    assert edited.replace and "● 1 ✅ Ja" in [b.label for b in edited.button_list()]
    assert "1. " + as_shown(first) + ": ✅ Ja\n   (1 Ja, 0 wenn nötig)" in edited.text
    [edited] = await ben.press("2 ❌ Nein")
    [edited] = await ben.press("2 ❌ Nein")  # the same again: not a new answer
    [edited] = await ben.press("2 🤔 Wenn nötig")  # changed: the same message again
    assert edited.replace and "2. " + as_shown(second) + ": 🤔 Wenn nötig" in edited.text
    assert await app.store.polls.answers(poll.id) == {ids["ben"]: {0: "y", 1: "m"}}
    answered = await app.store.audit.entries(action="poll.answered")
    assert [(e.actor, e.detail) for e in answered] == [
        ("console:ben", {"poll_id": poll.id, "option": o, "answer": a})
        for o, a in ((0, "y"), (1, "n"), (1, "m"))
    ]  # the audit log has each answer, the changed one too

    await console_member(app.store, "dave", "Dave")
    outsider = Person(app.core, "dave")
    outsider.last = [ballot]
    await outsider.press("1 ✅ Ja")
    assert "nicht eingeladen" in outsider.texts()
    assert ids["admin"] not in await app.store.polls.answers(poll.id)

    reminder_due = day(2, 9) + timedelta(minutes=1)
    jobs = PollJobs(app.store, app.notifier, app.settings, clock=lambda: reminder_due)
    reminded, ended, _ = await jobs.tick()
    assert (reminded, ended) == (1, 0)  # only Cara has not answered
    assert await jobs.tick() == (0, 0, 0)  # once
    await wait_for(lambda: bool(_to(fake_adapter, "cara", "Reminder")))
    assert not _to(fake_adapter, "ben", "Erinnerung")

    jobs.clock = lambda: day(3, 18) + timedelta(minutes=1)
    assert (await jobs.tick())[1] == 1
    await wait_for(lambda: bool(_to(fake_adapter, "admin", "Abstimmung beendet")))
    [ended_tally] = _to(fake_adapter, "admin", "Abstimmung beendet")
    labels = [b.label for b in ended_tally.button_list()]
    assert labels[0] == "⭐ " + as_shown(first)  # 1 yes beats ½
    await ben.press("1 ✅ Ja")
    assert "beendet" in ben.texts()

    organiser.last = [ended_tally]
    await organiser.press("⭐")
    await organiser.say("Rathaus Olpe")
    await organiser.say("-")
    assert "wird ein Termin" in organiser.texts(), organiser.texts()
    preview = organiser.last
    await organiser.press("Termin anlegen")
    assert "ist angelegt" in organiser.texts() and "1 Zusage, 0 Vielleicht" in organiser.texts()
    closed = await app.store.polls.get(poll.id)
    assert closed is not None and closed.state == "closed" and closed.event_id is not None
    event = await app.store.events.get(closed.event_id)
    assert event is not None and event.start == first and event.group_id == group.id
    assert event.location == "Rathaus Olpe"
    rsvp = await app.store.rsvps.get(event.id, event.start, ids["ben"])
    assert rsvp is not None and rsvp.status == "yes"
    await wait_for(lambda: bool(_to(fake_adapter, "cara", "Date set")))
    await wait_for(lambda: bool(_to(fake_adapter, "ben", "Termin steht")))
    [told] = _to(fake_adapter, "ben", "Termin steht")
    assert "Sie sind zugesagt." in told.text

    # the result once: closing again (a restart, a second press) is refused, nothing sent
    again = PollService(app.store, app.notifier, app.settings)
    with pytest.raises(Invalid):
        await again.close(closed, 0, None, None)
    assert len(await app.store.events.all()) == 1
    organiser.last = preview
    await organiser.press("Termin anlegen")  # the preview's button again: no second event
    assert len(await app.store.events.all()) == 1
    assert len(_to(fake_adapter, "ben", "Termin steht")) == 1
