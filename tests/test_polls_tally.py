"""The organiser's tally is one message edited in place, at most once every few seconds
however many votes arrive; every vote counts once; the end of a poll is told once, also
when the job runs again after a restart."""

from __future__ import annotations

from datetime import timedelta

from bot.delivery.notify import Notifier
from bot.models import Outgoing
from bot.services import Services
from bot.settings import Settings
from handlers.polls.jobs import PollJobs
from handlers.polls.service import TALLY_EVERY, PollService
from storage import Store
from storage.db import utcnow
from storage.polls import NewPoll
from tests.groups_support import console_member
from tests.helpers import Person


async def _edits(store: Store) -> list[Outgoing]:
    rows = await store.db.fetchall(
        "SELECT payload FROM outbox WHERE reply_target = 'tally-message' ORDER BY id"
    )
    return [Outgoing.model_validate_json(r[0]) for r in rows]


async def _poll(store: Store, settings: Settings, voters: int) -> tuple[int, list[int]]:
    organiser = await console_member(store, "org", "Olga Organisatorin")
    members = [await console_member(store, f"m{n}", f"Mitglied {n}") for n in range(voters)]
    now = utcnow().replace(microsecond=0)
    poll = await store.polls.create(
        NewPoll(
            title="Treffen",
            organiser_id=organiser,
            audience_kind="members",
            audience_ref=None,
            deadline=now + timedelta(days=2),
            visibility="organiser",
            remind_at=None,
            options=[(now + timedelta(days=4), None), (now + timedelta(days=5), None)],
        ),
        members,
    )
    await store.polls.set_tally_target(poll.id, "console", "org", "tally-message")
    return poll.id, members


async def test_many_votes_one_edit_every_few_seconds(store: Store, settings: Settings) -> None:
    poll_id, members = await _poll(store, settings, 60)
    service = PollService(store, Notifier(store, "de"), settings)
    now = utcnow()
    for member_id in members[:30]:
        await store.polls.answer(poll_id, 0, member_id, "y")
    assert await service.flush_tallies(now) == 1
    for member_id in members[30:]:
        await store.polls.answer(poll_id, 1, member_id, "m")
        assert await service.flush_tallies(now + timedelta(seconds=1)) == 0  # too soon
    assert await service.flush_tallies(now + TALLY_EVERY) == 1
    assert await service.flush_tallies(now + 3 * TALLY_EVERY) == 0  # nothing new
    edits = await _edits(store)
    assert len(edits) == 2 and all(e.replace for e in edits)
    assert "30 Ja, 0 wenn nötig, 0 Nein (30 Punkte)" in edits[-1].text
    assert "0 Ja, 30 wenn nötig, 0 Nein (15 Punkte)" in edits[-1].text
    assert "Alle haben geantwortet." in edits[-1].text
    answers = await store.polls.answers(poll_id)
    assert sum(len(given) for given in answers.values()) == 60


async def test_the_end_is_told_once_across_restarts(store: Store, settings: Settings) -> None:
    poll_id, members = await _poll(store, settings, 2)
    await store.polls.answer(poll_id, 1, members[0], "y")
    after = utcnow() + timedelta(days=2, minutes=1)
    first = PollJobs(store, Notifier(store, "de"), settings, clock=lambda: after)
    assert (await first.tick())[1] == 1
    restarted = PollJobs(store, Notifier(store, "de"), settings, clock=lambda: after)
    assert (await restarted.tick())[1] == 0
    rows = await store.db.fetchall("SELECT payload FROM outbox WHERE chat_id = 'org'")
    ended = [Outgoing.model_validate_json(r[0]) for r in rows]
    assert [m.title for m in ended] == ["Abstimmung beendet: Treffen"]
    assert ended[0].button_list()[0].label.startswith("⭐ ")


async def test_stats_count_polls_and_answer_rates(app: Services) -> None:
    poll_id, members = await _poll(app.store, app.settings, 4)
    await app.store.polls.answer(poll_id, 0, members[0], "y")
    await app.store.polls.answer(poll_id, 1, members[0], "n")
    await app.store.polls.answer(poll_id, 0, members[1], "m")
    admin = Person(app.core, "admin")
    await admin.say("/stats")
    await admin.press("Terminabstimmungen")
    assert "Terminabstimmungen\n1 offen, 0 entschieden; 2 von 4 Gefragten" in admin.texts()
