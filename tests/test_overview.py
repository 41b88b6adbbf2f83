"""The weekly overview, which replaced the per-group digests: Monday 08:00 in each
member's zone by default, one per week, none for an empty week, once across a restart, and
nothing half-written when queueing fails."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.delivery.notify import Notifier
from bot.models import Outgoing
from bot.services import Services
from bot.settings import Settings
from handlers.overview.jobs import JOB_ID, OverviewScanner
from handlers.overview.moments import dedupe_key, overview_moment, week_key, window
from storage import Store
from storage.db import utcnow
from storage.groups import Group
from tests.groups_support import console_member, group_service, make_group

BERLIN = ZoneInfo("Europe/Berlin")
MINUTE = timedelta(minutes=1)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def next_monday_eight(zone: ZoneInfo = BERLIN) -> datetime:
    """The first Monday 08:00 (in ``zone``) after now: updates posted now fall in its week."""
    return overview_moment(utcnow(), zone) + timedelta(days=7)


async def digests(store: Store) -> list[tuple[str, str, Outgoing]]:
    rows = await store.db.fetchall(
        "SELECT chat_id, dedupe_key, payload FROM outbox WHERE batch LIKE 'overview:%' ORDER BY id"
    )
    return [(r[0], r[1], Outgoing.model_validate_json(r[2])) for r in rows]


async def _post(store: Store, settings: Settings, group: Group, author: int, text: str) -> None:
    member = await store.members.get(author)
    assert member is not None
    await group_service(store, settings).post_update(group, member, text)


def scanner(store: Store, settings: Settings, clock: Clock) -> OverviewScanner:
    return OverviewScanner(store, Notifier(store, settings.language), settings, clock=clock)


def test_digest_moment_week_and_window_are_local_and_dst_correct() -> None:
    # Sunday 30 March 2025 Berlin switched to summer time; Monday 31 March 08:00 is 06:00 UTC
    before = datetime(2025, 3, 31, 5, 59, tzinfo=ZoneInfo("UTC"))
    after = datetime(2025, 3, 31, 6, 0, tzinfo=ZoneInfo("UTC"))
    assert overview_moment(after, BERLIN) == datetime(2025, 3, 31, 8, 0, tzinfo=BERLIN)
    assert overview_moment(before, BERLIN) == datetime(2025, 3, 24, 8, 0, tzinfo=BERLIN)
    assert week_key(overview_moment(after, BERLIN)) == "2025-W14"
    start, end = window(overview_moment(after, BERLIN))
    assert (start.isoformat(), end.isoformat()) == (
        "2025-03-24T08:00:00+01:00",
        "2025-03-31T08:00:00+02:00",
    )
    utc = ZoneInfo("UTC")
    assert end.astimezone(utc) - start.astimezone(utc) == timedelta(days=7, hours=-1)


async def test_digest_once_per_week_none_for_an_empty_week_and_once_across_a_restart(
    store: Store, settings: Settings
) -> None:
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    mia = await console_member(store, "mia", "Mia Muted")
    group = await make_group(store, settings, members=(anna, dora, mia))
    other = await make_group(store, settings, "AG Robotik", members=(dora,))
    await store.groups.set_level(group.id, dora, "digest")
    await store.groups.set_level(other.id, dora, "digest")
    await store.groups.set_level(group.id, mia, "muted")
    await _post(store, settings, group, anna, "Förderaufruf H2 ist raus")
    await _post(store, settings, group, anna, "Protokoll der Sitzung")
    await _post(store, settings, other, dora, "Cobot-Demo im Mai")

    monday = next_monday_eight()
    clock = Clock(monday - MINUTE)
    assert await scanner(store, settings, clock).scan() == 0  # last week: nothing new
    clock.now = monday + MINUTE
    assert await scanner(store, settings, clock).scan() == 1
    assert await scanner(store, settings, clock).scan() == 0  # the next tick

    [(chat, key, message)] = await digests(store)
    week = week_key(monday)
    assert (chat, key) == ("dora", dedupe_key(dora, week))
    assert message.title == f"🗞 Ihr Wochenüberblick ({week})"
    lines = message.text.splitlines()
    assert lines[0] == "AG Robotik" and "Dora Digest (Muster GmbH): Cobot-Demo im Mai" in lines[1]
    assert lines[3] == "AG Wasserstoff"
    assert "Anna Muster (Muster GmbH): Förderaufruf H2 ist raus" in lines[4]
    assert "Protokoll der Sitzung" in lines[5]

    # a restart: a new process with its own store and scanner finds nothing owed
    await store.close()
    reopened = await Store.open(settings.db_path)
    try:
        assert await scanner(reopened, settings, clock).scan() == 0
        clock.now = monday + timedelta(days=2)
        assert await scanner(reopened, settings, clock).scan() == 0
        clock.now = monday + timedelta(days=7, minutes=1)  # the next week had no updates
        assert await scanner(reopened, settings, clock).scan() == 0
        assert len(await digests(reopened)) == 1
        settled = await reopened.db.fetchall(
            "SELECT member_id, week, posts FROM group_digests WHERE member_id = ? ORDER BY week",
            (dora,),
        )
        next_week = week_key(monday + timedelta(days=7))
        assert [tuple(r) for r in settled][-2:] == [(dora, week, 3), (dora, next_week, 0)]
    finally:
        await reopened.close()


async def test_a_digest_missed_while_the_bot_was_down_goes_out_later_that_week(
    store: Store, settings: Settings
) -> None:
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    group = await make_group(store, settings, members=(anna, dora))
    await store.groups.set_level(group.id, dora, "digest")
    await _post(store, settings, group, anna, "Neuigkeit")
    clock = Clock(next_monday_eight() + timedelta(days=2, hours=3))  # Wednesday
    assert await scanner(store, settings, clock).scan() == 1
    assert await scanner(store, settings, clock).scan() == 0


async def test_each_member_gets_the_digest_at_eight_in_their_own_zone(
    store: Store, settings: Settings
) -> None:
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    nick = await console_member(store, "nick", "Nick New York")
    await store.members.update_field(nick, "timezone", "America/New_York")
    group = await make_group(store, settings, members=(anna, dora, nick))
    for member_id in (dora, nick):
        await store.groups.set_level(group.id, member_id, "digest")
    await _post(store, settings, group, anna, "Neuigkeit")
    berlin_monday = next_monday_eight()
    clock = Clock(berlin_monday + MINUTE)  # 02:01 in New York
    assert await scanner(store, settings, clock).scan() == 1
    assert [chat for chat, _, _ in await digests(store)] == ["dora"]
    clock.now = next_monday_eight(ZoneInfo("America/New_York")) + MINUTE
    assert clock.now - berlin_monday == timedelta(hours=6, minutes=1)
    assert await scanner(store, settings, clock).scan() == 1
    assert [chat for chat, _, _ in await digests(store)] == ["dora", "nick"]


async def test_only_updates_after_choosing_the_digest_are_listed(
    store: Store, settings: Settings
) -> None:
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    group = await make_group(store, settings, members=(anna, dora))
    await _post(store, settings, group, anna, "Schon einzeln bekommen")
    await store.groups.set_level(group.id, dora, "digest")
    await _post(store, settings, group, anna, "Nur im Überblick")
    clock = Clock(next_monday_eight() + MINUTE)
    assert await scanner(store, settings, clock).scan() == 1
    [(_, _, message)] = await digests(store)
    assert "Nur im Überblick" in message.text and "einzeln" not in message.text


async def test_a_failure_while_queueing_leaves_the_week_unsettled(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    group = await make_group(store, settings, members=(anna, dora))
    await store.groups.set_level(group.id, dora, "digest")
    await _post(store, settings, group, anna, "Neuigkeit")
    clock = Clock(next_monday_eight() + MINUTE)

    async def disk_full(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(store.outbox, "add", disk_full)
        with pytest.raises(RuntimeError):
            await scanner(store, settings, clock).scan()
    assert await store.db.fetchval("SELECT COUNT(*) FROM group_digests") == 0
    assert await scanner(store, settings, clock).scan() == 1


async def test_the_app_schedules_the_overview_scan(app: Services) -> None:
    job = app.scheduler.get_job(JOB_ID)
    assert job is not None and job.trigger.interval == timedelta(seconds=60)
