"""The poll store: one answer per member and option, only from the audience and only while
open; the jobs' claims happen once."""

from __future__ import annotations

from datetime import timedelta

from storage import Store
from storage.db import utcnow
from storage.polls import NewPoll
from tests.groups_support import console_member


async def _poll(store: Store, organiser: int, audience: list[int]) -> int:
    now = utcnow().replace(microsecond=0)
    poll = await store.polls.create(
        NewPoll(
            title="Treffen AG",
            organiser_id=organiser,
            audience_kind="members",
            audience_ref=None,
            deadline=now + timedelta(days=2),
            visibility="all",
            remind_at=now + timedelta(days=1),
            options=[(now + timedelta(days=5), None), (now + timedelta(days=6), None)],
        ),
        audience,
    )
    return poll.id


async def test_answers_are_one_per_member_and_option(store: Store) -> None:
    anna = await console_member(store, "anna", "Anna")
    ben = await console_member(store, "ben", "Ben")
    poll_id = await _poll(store, anna, [anna, ben])
    assert await store.polls.answer(poll_id, 0, ben, "y")
    assert not await store.polls.answer(poll_id, 0, ben, "y")  # the same again: nothing
    assert await store.polls.answer(poll_id, 0, ben, "m")
    assert await store.polls.answers(poll_id) == {ben: {0: "m"}}
    assert await store.polls.not_answered(poll_id) == [anna]
    assert await store.polls.dirty_tallies(utcnow()) == [poll_id]


async def test_no_answer_from_outside_the_audience_or_after_the_end(store: Store) -> None:
    anna = await console_member(store, "anna", "Anna")
    carl = await console_member(store, "carl", "Carl")
    poll_id = await _poll(store, anna, [anna])
    assert not await store.polls.answer(poll_id, 0, carl, "y")
    assert not await store.polls.answer(poll_id, 7, anna, "y")  # no such option
    assert await store.polls.end(poll_id, utcnow())
    assert not await store.polls.end(poll_id, utcnow())
    assert not await store.polls.answer(poll_id, 0, anna, "y")
    assert await store.polls.answers(poll_id) == {}


async def test_claims_happen_once(store: Store) -> None:
    anna = await console_member(store, "anna", "Anna")
    poll_id = await _poll(store, anna, [anna])
    later = utcnow() + timedelta(days=1, minutes=1)
    assert await store.polls.due_reminders(later) == [poll_id]
    assert await store.polls.claim_reminder(poll_id, later)
    assert not await store.polls.claim_reminder(poll_id, later)
    assert await store.polls.due_reminders(later) == []
    assert await store.polls.close(poll_id, 1, None, later)
    assert not await store.polls.close(poll_id, 0, None, later)
    poll = await store.polls.get(poll_id)
    assert poll is not None and poll.state == "closed" and poll.chosen_option == 1


async def test_linked_accounts_answer_once(store: Store) -> None:
    """Two registrations of one person joined by linking: one place in the audience and one
    answer per date (the kept account's where both answered)."""
    anna = await console_member(store, "anna", "Anna")
    twin = await console_member(store, "anna-slack", "Anna")
    poll_id = await _poll(store, anna, [anna, twin])
    await store.polls.answer(poll_id, 0, anna, "y")
    await store.polls.answer(poll_id, 0, twin, "n")
    await store.polls.answer(poll_id, 1, twin, "m")
    await store.linking.merge(anna, twin)
    assert await store.polls.audience(poll_id) == [anna]
    assert await store.polls.answers(poll_id) == {anna: {0: "y", 1: "m"}}
