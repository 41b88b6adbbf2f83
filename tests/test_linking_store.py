"""The merge in the store, table by table, and the code rules with a clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.delivery.notify import Notifier
from bot.services import Services
from bot.settings import Settings
from handlers.linking.service import CODE_VALIDITY, LinkProblem, LinkService, Redeemer
from storage import Store
from storage.db import utcnow
from storage.linking import MERGE_STEPS, hash_code
from storage.members import Member
from storage.outbox import OutboxEntry
from tests.events_support import add_event


async def _member(store: Store, name: str, platform: str, user: str) -> Member:
    member = await store.members.create(
        name=name, company=f"{name} AG", region="Hagen", competencies=[name], language="de"
    )
    await store.members.add_identity(member.id, platform, user, user)
    return member


async def test_every_table_that_references_members_has_a_merge_step(store: Store) -> None:
    """A new table with a member column must say how it follows a merge (storage/linking.py),
    or the dropped member's rows would silently vanish with it."""
    tables = [
        r[0] for r in await store.db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    referencing = set()
    for table in tables:
        for fk in await store.db.fetchall(f"PRAGMA foreign_key_list({table})"):
            if fk["table"] == "members":
                referencing.add(table)
    handled = {step.table for step in MERGE_STEPS} - {"members"}
    assert referencing == handled


async def test_merge_keeps_the_older_profile_whatever_the_order(store: Store) -> None:
    older = await _member(store, "Alt", "telegram", "1")
    newer = await _member(store, "Neu", "slack", "U1")
    outcome = await store.linking.merge(newer.id, older.id)
    assert (outcome.kept, outcome.dropped) == (older.id, newer.id)
    kept = await store.members.get(older.id)
    assert kept is not None and kept.name == "Alt" and kept.competencies == ["Alt"]
    assert {i.key for i in await store.members.identities(older.id)} == {"telegram:1", "slack:U1"}
    assert await store.members.find_by_identity("slack", "U1") == kept


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        (("no", False, None), ("yes", False, None), ("yes", False, None)),
        (("maybe", False, None), ("no", False, None), ("maybe", False, None)),
        (("maybe", False, None), ("yes", True, 3), ("yes", True, 3)),  # waitlist place kept
        (("yes", True, 5), ("yes", True, 2), ("yes", True, 2)),  # the earlier place
        (("yes", True, 2), ("yes", False, None), ("yes", False, None)),  # a seat beats a wait
    ],
)
async def test_merge_keeps_the_better_answer_per_date(
    app: Services,
    mine: tuple[str, bool, int | None],
    theirs: tuple[str, bool, int | None],
    expected: tuple[str, bool, int | None],
) -> None:
    store = app.store
    older = await _member(store, "Alt", "telegram", "1")
    newer = await _member(store, "Neu", "slack", "U1")
    event = await add_event(app, capacity=10)
    for member, (status, waiting, position) in ((older, mine), (newer, theirs)):
        await store.rsvps.record(event.id, event.start, member.id, status, waiting)
        if position is not None:  # place the waitlist position exactly
            await store.db.execute(
                "UPDATE rsvps SET position = ? WHERE member_id = ?", (position, member.id)
            )
    await store.linking.merge(older.id, newer.id)
    [rsvp] = await store.rsvps.for_member(older.id)
    assert (rsvp.status, rsvp.waitlisted, rsvp.position) == expected
    assert len(await store.rsvps.attendees(event.id)) == 1


async def test_merge_unions_settings_tokens_reminders_and_keeps_queued_messages(
    store: Store,
) -> None:
    older = await _member(store, "Alt", "telegram", "1")
    newer = await _member(store, "Neu", "slack", "U1")
    await store.members.set_reminders(newer.id, False)
    await store.rsvps.set_remind_topics(newer.id, True)
    newer_token = await store.events.feed_token(newer.id)
    await store.linking.set_preferred_platform(newer.id, "slack")
    await store.directory.set_listed(older.id, True)
    await store.outbox.add(
        [OutboxEntry(platform="slack", chat_id="U1", payload="{}", member_id=newer.id)]
    )
    await store.linking.merge(older.id, newer.id)

    kept = await store.members.get(older.id)
    assert kept is not None and kept.reminders_enabled is False
    assert await store.rsvps.remind_topics(older.id) is True
    assert await store.events.feed_token(older.id) == newer_token  # older had none: it moved
    assert await store.linking.preferred_platform(older.id) == "slack"
    assert await store.directory.is_listed(older.id)
    assert await store.directory.indexed_ids() == [older.id]
    queued = await store.db.fetchval("SELECT member_id FROM outbox")
    assert queued == older.id


async def test_merge_keeps_announcements_off_when_either_account_turned_them_off(
    store: Store,
) -> None:
    older = await _member(store, "Alt", "telegram", "1")
    newer = await _member(store, "Neu", "slack", "U1")
    await store.members.set_announcements(older.id, True)
    await store.members.set_announcements(newer.id, False)
    await store.linking.merge(older.id, newer.id)
    assert await store.members.announcements_enabled(older.id) is False


async def test_merge_frees_a_double_seat_and_the_first_waiting_moves_up(app: Services) -> None:
    store = app.store
    older = await _member(store, "Alt", "telegram", "1")
    newer = await _member(store, "Neu", "slack", "U1")
    waiting = await _member(store, "Wartend", "telegram", "2")
    event = await add_event(app, capacity=2)
    await store.rsvps.record(event.id, event.start, older.id, "yes", False)
    await store.rsvps.record(event.id, event.start, newer.id, "yes", False)
    await store.rsvps.record(event.id, event.start, waiting.id, "yes", True)
    links = LinkService(store, app.notifier, app.settings)
    code = await links.new_code(newer.id, "slack", "U1")
    who = Redeemer("telegram", "1", "1", None, older)
    await links.redeem(code, who)
    promoted = await store.rsvps.get(event.id, event.start, waiting.id)
    assert promoted is not None and not promoted.waitlisted
    assert await store.rsvps.confirmed_count(event.id, event.start) == 2


async def test_codes_are_hashed_expire_and_work_once(store: Store, settings: Settings) -> None:
    member = await _member(store, "Alt", "telegram", "1")
    now = utcnow()
    clock = [now]

    def service() -> LinkService:
        return LinkService(store, Notifier(store, "de"), settings, clock=lambda: clock[0])

    code = await service().new_code(member.id, "telegram", "1")
    stored = await store.db.fetchval("SELECT code_hash FROM link_codes")
    assert stored == hash_code(code) and code not in stored
    other = await _member(store, "Neu", "slack", "U9")
    taken = await store.linking.add_code(other.id, code, "slack", "U9", now)
    assert taken is False  # a code in use is never handed out twice

    clock[0] = now + CODE_VALIDITY + timedelta(seconds=1)
    late = Redeemer("slack", "U1", "D1", None, None)
    with pytest.raises(LinkProblem) as refused:
        await service().redeem(code, late)
    assert refused.value.key == "linking.expired" and refused.value.params["left"] == 4

    clock[0] = now + CODE_VALIDITY - timedelta(seconds=1)
    linked = await service().redeem(code, late)
    assert linked.member.id == member.id and linked.merged is False
    with pytest.raises(LinkProblem) as again:
        await service().redeem(code, Redeemer("slack", "U2", "D2", None, None))
    assert again.value.key == "linking.used"


async def test_tries_free_up_after_an_hour(store: Store, settings: Settings) -> None:
    start = utcnow()
    clock: list[datetime] = [start]
    links = LinkService(store, Notifier(store, "de"), settings, clock=lambda: clock[0])
    who = Redeemer("slack", "U1", "D1", None, None)
    for minute in range(5):
        clock[0] = start + timedelta(minutes=minute)
        with pytest.raises(LinkProblem):
            await links.redeem("AAAAAA", who)
    clock[0] = start + timedelta(minutes=30)
    with pytest.raises(LinkProblem) as locked:
        await links.redeem("AAAAAA", who)
    assert locked.value.key == "linking.too_many" and locked.value.params["minutes"] == 30
    clock[0] = start + timedelta(minutes=60, seconds=1)
    with pytest.raises(LinkProblem) as tried:
        await links.redeem("AAAAAA", who)
    assert tried.value.key == "linking.unknown"  # one try free again


async def test_merge_keeps_one_membership_per_group_and_the_moderator_role(store: Store) -> None:
    older = await _member(store, "Alt", "telegram", "1")
    newer = await _member(store, "Neu", "slack", "U1")
    both = await store.groups.create("Wasserstoff", "", "open")
    only_new = await store.groups.create("Robotik", "", "request")
    await store.groups.join(both.id, older.id)
    await store.groups.join(both.id, newer.id, role="moderator")
    await store.groups.add_request(only_new.id, newer.id)
    await store.linking.merge(older.id, newer.id)

    membership = await store.groups.membership(both.id, older.id)
    assert membership is not None and membership.role == "moderator"
    assert await store.groups.membership(both.id, newer.id) is None
    assert await store.groups.requested_ids(older.id) == {only_new.id}
