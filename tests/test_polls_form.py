"""The date-poll form refuses bad input with a clear answer and writes nothing: a date in
the past, a weekday that is not the date's, the same date twice, 13 dates, a deadline
after the first date, a reminder after the deadline; only staff and moderators start one."""

from __future__ import annotations

from datetime import timedelta

from bot.services import Services
from tests.groups_support import console_member, make_group
from tests.helpers import Person
from tests.polls_support import as_shown, day, organiser_and_group, typed


async def _at_options(organiser: Person) -> None:
    await organiser.say("/terminfindung")
    await organiser.say("Treffen")
    await organiser.press("Eine Arbeitsgruppe")
    await organiser.press("AG Wasserstoff")


async def test_bad_dates_are_refused_and_asked_again(app: Services) -> None:
    organiser, _, _ = await organiser_and_group(app)
    await _at_options(organiser)
    past = day(-1, 10)
    await organiser.say(f"{typed(past)}, {typed(day(5, 10))}")
    assert "liegt in der Vergangenheit" in organiser.texts()
    await organiser.say(f"{typed(day(5, 10))}; {typed(day(5, 10))}")
    assert "steht zweimal in der Liste" in organiser.texts()
    thirteen = ", ".join(typed(day(4 + n, 10)) for n in range(13))
    await organiser.say(thirteen)
    assert "13 Vorschläge; höchstens 12" in organiser.texts()
    await organiser.say(typed(day(5, 10)))
    assert "mindestens zwei" in organiser.texts()
    wrong = day(5, 10)
    other_weekday = as_shown(wrong + timedelta(days=1)).split(",")[0]
    await organiser.say(f"{other_weekday} {wrong:%d.%m.%Y %H:%M}, {typed(day(6, 10))}")
    assert "passen Wochentag und Datum nicht zusammen" in organiser.texts()
    await organiser.say(f"{typed(day(5, 10))}\n{typed(day(6, 10))}")
    await organiser.say(typed(day(5, 11)))  # after the first date
    assert "vor dem ersten Vorschlag" in organiser.texts()
    await organiser.say(typed(day(-1, 11)))
    assert "in der Zukunft" in organiser.texts()
    await organiser.say(typed(day(3, 18)))
    await organiser.press("Nur ich")
    await organiser.say(typed(day(4, 9)))  # the reminder after the deadline
    assert "vor dem Ende der Abstimmung" in organiser.texts()
    await organiser.say("-")
    assert "Bitte prüfen" in organiser.texts()
    assert await app.store.polls.of_organiser(1) == []  # nothing written before sending


async def test_only_staff_and_moderators_start_polls(app: Services) -> None:
    anna_id = await console_member(app.store, "anna", "Anna")
    mia_id = await console_member(app.store, "mia", "Mia")
    ben_id = await console_member(app.store, "ben", "Ben")
    mine = await make_group(app.store, app.settings, "AG Wasserstoff", members=(mia_id, ben_id))
    await make_group(app.store, app.settings, "AG Drohnen", members=(anna_id,))
    await app.store.groups.set_role(mine.id, mia_id, "moderator")
    anna = Person(app.core, "anna")
    await anna.say("/terminfindung")
    assert "Moderatoren einer Arbeitsgruppe" in anna.texts()
    mia = Person(app.core, "mia")
    await mia.say("/datepoll")
    await mia.say("Treffen")
    labels = [b.label for b in mia.last[0].button_list()]
    assert labels == ["Eine Arbeitsgruppe"]  # a moderator asks their group only
    await mia.press("Eine Arbeitsgruppe")
    assert [b.label for b in mia.last[0].button_list()] == ["AG Wasserstoff"]
    await mia.press("AG Wasserstoff")
    await mia.say(f"{typed(day(5, 10))}, {typed(day(6, 10))}")
    await mia.say(typed(day(3, 18)))
    await mia.press("Alle Gefragten")
    await mia.say("-")
    await mia.press("Abstimmung senden")
    assert "an 2 Mitglieder unterwegs" in mia.texts()
