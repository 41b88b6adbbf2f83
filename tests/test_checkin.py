"""Check-in end to end against the fakes: by the QR code's deep link on Telegram, by the
short code on Slack (with and without the command), a second check-in refused kindly, a
rotated code refused, a walk-in counted, the window around the date, strangers told to
register first. Every moment is relative to now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.services import Services
from bot.settings import Settings
from handlers.checkin import tokens
from handlers.checkin.service import CheckinService
from storage.db import utcnow
from storage.events import Event
from tests.events_support import add_event
from tests.fake_slack import FakeSlack
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot
from tests.slack_signing import add_member as add_slack_member
from tests.slack_signing import running_slack, standard_fake

ANNA = user(710, "Anna", "de")
STRANGER = user(711, "Fremd", "de")


async def _date_now(
    services: Services, minutes_since_start: int = 10, hours: int = 2
) -> tuple[Event, datetime]:
    """An event whose date started a few minutes ago (check-in is open)."""
    start = utcnow().replace(microsecond=0) - timedelta(minutes=minutes_since_start)
    event = await add_event(
        services, "Innovationsforum", start=start, duration=timedelta(hours=hours)
    )
    return event, start


async def _code(
    services: Services, event_id: int, start: datetime, ago: timedelta = timedelta(0)
) -> str:
    """The code the check-in page shows now (or showed ``ago``)."""
    shown = await CheckinService(services.store, services.settings, "test").shown_code(
        event_id, start, utcnow() - ago
    )
    return shown.code


async def test_telegram_deep_link_checks_in_once_and_counts_a_walk_in(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        services, store = bot.services, bot.services.store
        anna = await bot.member(710, "Anna Muster")
        event, start = await _date_now(services)
        shown = await CheckinService(store, services.settings, "test").shown_code(event.id, start)
        assert shown.telegram_link is not None
        assert shown.telegram_link.startswith(
            f"https://t.me/{services.settings.telegram_bot_username}?start=ci_"
        )
        payload = shown.telegram_link.split("?start=")[1]

        [done] = await bot.say(ANNA, f"/start {payload}")
        assert "Sie sind eingecheckt: Innovationsforum" in done.text
        assert "spontan" in done.text  # she never answered: a walk-in
        row = await store.checkins.get(event.id, start, anna)
        assert row is not None and row.how == "link" and row.walk_in

        [again] = await bot.say(ANNA, f"/start {payload}")
        assert "bereits eingecheckt" in again.text
        assert len(await store.checkins.for_date(event.id, start)) == 1
        audit = [e for e in await store.audit.recent() if e["action"] == "checkin.recorded"]
        assert len(audit) == 1 and audit[0]["member_id"] == anna and audit[0]["walk_in"]


async def test_telegram_rotated_link_is_refused_and_a_stranger_is_told_to_register(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, checkin_rotation="1m") as bot:
        services, store = bot.services, bot.services.store
        anna = await bot.member(710, "Anna Muster")
        event, start = await _date_now(services)
        old = await _code(services, event.id, start, ago=timedelta(minutes=3))
        [refused] = await bot.say(ANNA, f"/start ci_{old}")
        assert "abgelaufen" in refused.text
        assert await store.checkins.get(event.id, start, anna) is None

        previous = await _code(services, event.id, start, ago=timedelta(minutes=1))
        [done] = await bot.say(ANNA, f"/start ci_{previous}")  # the window before: still good
        assert "eingecheckt" in done.text

        current = await _code(services, event.id, start)
        told = await bot.say(STRANGER, f"/start ci_{current}")
        assert "registrieren Sie sich bitte zuerst" in told[0].text
        assert len(await store.checkins.for_date(event.id, start)) == 1


async def test_slack_code_checks_in_and_an_announced_member_is_no_walk_in(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        services, store = slack.services, slack.services.store
        anna = await add_slack_member(services, "U1", "Anna")
        bob = await add_slack_member(services, "U2", "Bob", language="en")
        event, start = await _date_now(services)
        await store.rsvps.record(event.id, start, anna, "yes", waitlisted=False)
        code = await _code(services, event.id, start)

        await slack.send.dm("U1", f"einchecken {code.lower()}")
        await slack.settle()
        assert (
            "Sie sind eingecheckt: Innovationsforum"
            in slack.fake.last_in(FakeSlack.dm("U1")).all_text()
        )
        row = await store.checkins.get(event.id, start, anna)
        assert row is not None and row.how == "code" and not row.walk_in

        await slack.send.dm("U1", f"einchecken {code}")
        await slack.settle()
        assert "bereits eingecheckt" in slack.fake.last_in(FakeSlack.dm("U1")).all_text()

        await slack.send.dm("U2", code)  # a bare code: taken as a check-in
        await slack.settle()
        assert "You are checked in" in slack.fake.last_in(FakeSlack.dm("U2")).all_text()
        bob_row = await store.checkins.get(event.id, start, bob)
        assert bob_row is not None and bob_row.walk_in
        assert len(await store.checkins.for_date(event.id, start)) == 2


async def test_check_in_only_in_the_window_around_the_date(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        services, store = slack.services, slack.services.store
        anna = await add_slack_member(services, "U1", "Anna")
        later, later_start = await _date_now(services, minutes_since_start=-90)
        code = await _code(services, later.id, later_start)
        await slack.send.dm("U1", f"einchecken {code}")
        await slack.settle()
        assert "öffnet erst am" in slack.fake.last_in(FakeSlack.dm("U1")).all_text()

        over, over_start = await _date_now(services, minutes_since_start=180)
        code = await _code(services, over.id, over_start)
        await slack.send.dm("U1", f"einchecken {code}")
        await slack.settle()
        assert "geschlossen" in slack.fake.last_in(FakeSlack.dm("U1")).all_text()

        called_off, called_off_start = await _date_now(services)
        code = await _code(services, called_off.id, called_off_start)
        await store.events.set_override(called_off.id, called_off_start, cancelled=True)
        await slack.send.dm("U1", f"einchecken {code}")
        await slack.settle()
        assert "findet nicht statt" in slack.fake.last_in(FakeSlack.dm("U1")).all_text()

        await slack.send.dm("U1", "einchecken ZZZZZZ")
        await slack.settle()
        assert "kenne ich nicht" in slack.fake.last_in(FakeSlack.dm("U1")).all_text()
        assert await store.checkins.get(later.id, later_start, anna) is None
        assert await store.checkins.get(over.id, over_start, anna) is None


def test_codes_rotate_and_are_unambiguous() -> None:
    now = utcnow()
    rotation = timedelta(minutes=3)
    window = tokens.window_of(now, rotation)
    codes = {tokens.code_for("secret", w) for w in range(window, window + 50)}
    assert len(codes) == 50
    assert all(len(c) == 6 and not set(c) & set("01IOL") for c in codes)
    assert tokens.window_end(window, rotation) > now >= tokens.window_end(window - 1, rotation)
    assert tokens.normalize(" ci_abc-def ") == "ABCDEF"


async def test_a_merge_leaves_one_check_in_per_date_the_earlier_one(app: Services) -> None:
    """Checked in on Telegram and again on Slack before linking: one check-in after the
    merge (the earlier), a date only the other account had moves over, and who ticked whom
    follows the kept member."""
    store = app.store
    kept = await store.members.create(
        name="Anna", company="A AG", region="Hagen", competencies=[], language="de"
    )
    dropped = await store.members.create(
        name="Anna S", company="A AG", region="Hagen", competencies=[], language="de"
    )
    guest = await store.members.create(
        name="Gast", company="G AG", region="Hagen", competencies=[], language="de"
    )
    first, first_start = await _date_now(app)
    second, second_start = await _date_now(app, minutes_since_start=30)
    early = utcnow() - timedelta(minutes=5)
    await store.checkins.add(first.id, first_start, kept.id, "code", walk_in=True)
    await store.checkins.add(first.id, first_start, dropped.id, "link", walk_in=True, at=early)
    await store.checkins.add(second.id, second_start, dropped.id, "code", walk_in=True)
    await store.checkins.add(
        second.id, second_start, guest.id, "staff", walk_in=True, by=dropped.id
    )

    await store.linking.merge(kept.id, dropped.id)

    [one] = [c for c in await store.checkins.for_date(first.id, first_start)]
    assert one.member_id == kept.id and one.how == "link" and one.checked_in_at == early
    moved = await store.checkins.get(second.id, second_start, kept.id)
    assert moved is not None
    ticked = await store.checkins.get(second.id, second_start, guest.id)
    assert ticked is not None and ticked.checked_in_by == kept.id
    assert len(await store.checkins.for_date(second.id, second_start)) == 2


async def test_a_member_waiting_for_approval_is_told_so_and_not_checked_in(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        services, store = bot.services, bot.services.store
        anna = await bot.member(710, "Anna Muster")
        await store.members.set_status(anna, "pending")
        event, start = await _date_now(services)
        code = await _code(services, event.id, start)
        [told] = await bot.say(ANNA, f"/start ci_{code}")
        assert "wartet noch auf die Freigabe" in told.text, told.text
        assert await store.checkins.get(event.id, start, anna) is None
