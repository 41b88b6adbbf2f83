"""Who hears of a request: matching opted-in members and nobody else, the weekly cap with
the best matches first, the opt-out, closed and expired requests, and the index behind
it following settings, subscriptions, topics, deletions and merges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from bot.settings import Settings
from handlers.cooperation import matching
from storage import Store
from storage import db as db_module
from storage.db import utcnow
from tests.cooperation_support import add_member, messages_to, noticed, post, service


async def test_a_request_reaches_matching_opted_in_members_and_nobody_else(
    store: Store, settings: Settings
) -> None:
    robotik = (await store.topics.create("Robotik & Automation")).id
    author = await add_member(store, "Autorin", ["Robotik"])
    listed = await add_member(store, "Listed", ["Robotik"])
    prefix = await add_member(store, "Prefix", ["Robotersysteme"], takes=None)
    opted_in = await add_member(
        store, "OptedIn", ["Schweißrobotik", "Robotik-Integration"], listed=False, takes=True
    )
    by_topic = await add_member(store, "ByTopic", ["Vertrieb"], topics=(robotik,))
    await add_member(store, "Unlisted", ["Robotik"], listed=False)  # off by default
    await add_member(store, "TurnedOff", ["Robotik"], takes=False)
    await add_member(store, "Pending", ["Robotik"], status="pending")
    await add_member(store, "Other", ["Logistik"])
    await add_member(store, "Kinematik", ["Kinematik"])  # "KI" must not find it
    english = await add_member(store, "English", ["AI", "KI"], language="en")

    posted = await post(store, settings, author, ["Robot", "KI"])
    expected = {listed, prefix, opted_in, by_topic, english}
    assert set(await noticed(store, posted.request.id)) == expected
    assert posted.notified == 5 and posted.request.notified == 5
    assert await messages_to(store, author) == []

    [notice] = await messages_to(store, listed)
    assert notice.title == "🤝 Passendes Kooperationsgesuch: Partner gesucht"
    assert "Passt zu Ihren Kompetenzen oder Themen: Robot" in notice.text
    assert [b.label for b in notice.button_list()] == ["Interessiert", "Nicht für mich"]
    assert notice.contacts == [] and "Autorin" not in notice.text  # nothing about the author
    [in_english] = await messages_to(store, english)
    assert in_english.title == "🤝 A cooperation request for you: Partner gesucht"
    assert "Looking for" not in in_english.text and "Keywords: Robot, KI" in in_english.text
    assert [b.label for b in in_english.button_list()] == ["Interested", "Not for me"]


async def test_my_region_reaches_only_the_region(store: Store, settings: Settings) -> None:
    author = await add_member(store, "Autorin", [], region="Kreis Olpe")
    near = await add_member(store, "Near", ["Laser"], region="Kreis Olpe")
    await add_member(store, "Far", ["Laser"], region="Hagen")
    posted = await post(store, settings, author, ["Laser"], region="Kreis Olpe")
    assert await noticed(store, posted.request.id) == [near]


async def test_the_weekly_cap_holds_best_matches_first(
    make_settings: Callable[..., Settings],
) -> None:
    settings = make_settings(request_notices_per_week=2)
    store = await Store.open(settings.db_path)
    try:
        author = await add_member(store, "Autorin", [])
        one_tag = await add_member(store, "OneTag", ["Laser"])
        both = await add_member(store, "Both", ["Laser", "Schweißen"])
        start = utcnow()
        first = await post(store, settings, author, ["Laser", "Schweissen"], at=start)
        assert await noticed(store, first.request.id) == [both, one_tag]  # best first
        await post(store, settings, author, ["Laser"], at=start + timedelta(hours=1))
        third = await post(store, settings, author, ["Laser"], at=start + timedelta(days=2))
        assert await noticed(store, third.request.id) == []  # two this week already
        assert await store.cooperation.notices_since(one_tag, start) == 2
        week_later = start + timedelta(days=7, minutes=1)
        fourth = await post(store, settings, author, ["Laser"], at=week_later)
        assert await noticed(store, fourth.request.id) == [one_tag, both]  # the first aged out
        nobody = make_settings(request_notices_per_week=0)
        fifth = await post(store, nobody, author, ["Laser"], at=week_later + timedelta(days=8))
        assert fifth.notified == 0
    finally:
        await store.close()


async def test_a_member_who_turned_requests_off_gets_none(store: Store, settings: Settings) -> None:
    author = await add_member(store, "Autorin", [])
    member = await add_member(store, "Member", ["Laser"])
    assert await store.cooperation.takes_requests(member)  # on: listed
    await store.cooperation.set_takes_requests(member, False)
    posted = await post(store, settings, author, ["Laser"])
    assert await noticed(store, posted.request.id) == []
    await store.directory.set_listed(member, False)
    await store.directory.set_listed(member, True)  # listing again keeps the "off"
    assert not await store.cooperation.takes_requests(member)
    await store.cooperation.set_takes_requests(member, True)
    posted = await post(store, settings, author, ["Laser"])
    assert await noticed(store, posted.request.id) == [member]


async def test_closed_and_expired_requests_are_not_matched(
    store: Store, settings: Settings
) -> None:
    author = await add_member(store, "Autorin", [])
    await add_member(store, "Member", ["Laser"])
    now = utcnow()
    open_one = (await post(store, settings, author, ["Laser"])).request
    assert len(await matching.find(store, open_one, 3, now)) == 1
    member = await store.members.get(author)
    assert member is not None
    closed = await service(store, settings).close(open_one.id, member, "found", "test")
    assert await matching.find(store, closed.model_copy(update={"status": "found"}), 3, now) == []
    reread = await store.cooperation.get(open_one.id)
    assert reread is not None and reread.status == "found"
    assert await matching.find(store, reread, 3, now) == []
    later = now + timedelta(weeks=7)  # past its six weeks
    other = (await post(store, settings, author, ["Laser"], at=now)).request
    assert await matching.find(store, other, 3, later) == []


async def test_the_index_follows_settings_subscriptions_topics_and_deletion(
    store: Store,
) -> None:
    index = store.cooperation
    wasserstoff = await store.topics.create("Wasserstoff")
    member = await add_member(store, "Jörg", ["Schweißtechnik"], listed=False)
    assert await index.indexed_ids() == []
    await store.cooperation.set_takes_requests(member, True)
    assert await index.indexed_ids() == [member]
    query = '("wasserstoff"*)'
    assert await index.members_matching(query) == set()
    await store.topics.subscribe(member, wasserstoff.id)
    assert await index.members_matching(query) == {member}
    await store.topics.archive(wasserstoff.id)
    assert await index.members_matching(query) == set()
    folded = '("schweisstechnik")'  # ß folded on both sides
    assert await index.members_matching(folded) == {member}
    await store.members.update_field(member, "competencies", ["Lackieren"])
    assert await index.members_matching(folded) == set()
    await store.members.set_status(member, "pending")
    assert await index.indexed_ids() == []
    await store.members.set_status(member, "active")
    assert await index.indexed_ids() == [member]
    await store.members.delete(member)
    assert await index.indexed_ids() == []


async def test_a_merge_keeps_requests_answers_and_the_off_switch(
    store: Store, settings: Settings
) -> None:
    older = await add_member(store, "Alt", ["Laser"])
    newer = await add_member(store, "Neu", ["Laser"], identities=(("slack", "U1"),))
    other = await add_member(store, "Andere", [])
    await store.cooperation.set_takes_requests(newer, False)
    mine = (await post(store, settings, newer, ["Laser"], title="Von Neu")).request
    theirs = (await post(store, settings, other, ["Laser"])).request
    assert await noticed(store, theirs.id) == [older]
    older_member = await store.members.get(older)
    assert older_member is not None
    svc = service(store, settings)
    await svc.show_interest(mine.id, older_member)  # interested in what becomes their own
    newer_member = await store.members.get(newer)
    assert newer_member is not None
    await svc.show_interest(theirs.id, newer_member)

    await store.linking.merge(older, newer)
    moved = await store.cooperation.get(mine.id)
    assert moved is not None and moved.author_id == older
    assert await svc.interested(mine.id) == []  # nobody answers their own request
    assert [i.member_id for i in await svc.interested(theirs.id)] == [older]
    assert not await store.cooperation.takes_requests(older)  # off on either stays off


async def test_after_the_upgrade_listed_members_take_requests(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network on migration 0009 upgrades: its listed members are in the matching index
    at once, and the directory still finds them."""
    everything = db_module._migration_scripts()
    monkeypatch.setattr(
        db_module, "_migration_scripts", lambda: [m for m in everything if m[0] <= 9]
    )
    store = await Store.open(settings.db_path)
    try:
        listed = await store.members.create(
            name="Jörg Weiß",
            company="W",
            region="Hagen",
            competencies=["Schweißtechnik"],
            language="de",
        )
        await store.directory.set_listed(listed.id, True)
        await store.members.create(
            name="Nicht",
            company="N",
            region="Hagen",
            competencies=["Schweißtechnik"],
            language="de",
        )
    finally:
        await store.close()
    monkeypatch.setattr(db_module, "_migration_scripts", lambda: everything)
    store = await Store.open(settings.db_path)
    try:
        assert await store.db.schema_version() == max(m[0] for m in everything)
        assert await store.cooperation.indexed_ids() == [listed.id]
        assert await store.cooperation.members_matching('("schweisstechnik")') == {listed.id}
        assert [e.name for e in (await store.directory.search("weiss")).entries] == ["Jörg Weiß"]
    finally:
        await store.close()
