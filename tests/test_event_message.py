"""Messages to an event's people through the broadcast machinery: from the event card on
Telegram and Slack, to the yes answers, the maybe answers, the waiting list or everyone
who answered; the exact count first; refusals for a cancelled date, nobody to write to,
and members who are not the event's group moderators."""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.calendar.recurrence import Occurrence, next_occurrence
from bot.cli import main
from bot.delivery.notify import Notifier
from bot.services import Services
from bot.settings import Settings
from handlers.broadcast.event_people import allowed_audience, event_audience
from handlers.broadcast.service import BroadcastService
from handlers.events import buttons
from handlers.events.service import EventService
from handlers.validation import Invalid
from storage import Store
from storage.broadcasts import Audience
from storage.db import utcnow
from storage.events import EventFields
from tests.broadcast_support import CLI, add_member, queued_members
from tests.broadcast_support import service as broadcast_service
from tests.events_support import add_event
from tests.events_support import service as events_service
from tests.fake_slack import FakeSlack
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.groups_support import console_member, make_group
from tests.helpers import FakeAdapter, Person
from tests.slack_signing import add_member as add_slack_member
from tests.slack_signing import running_slack, standard_fake

ADMIN = user(1, "Chefin", "de")
TEXT = "Bitte bringen Sie Ihren *Personalausweis* mit."


async def _date(app: Services, **extra: object) -> Occurrence:
    event = await add_event(app, title="Wasserstoff-Tag", **extra)
    occ = next_occurrence(event, {}, utcnow())
    assert occ is not None
    return occ


async def _answer(app: Services, occ: Occurrence, answers: dict[int, str]) -> None:
    for member_id, answer in answers.items():
        await events_service(app).answer(occ, member_id, answer)


async def test_the_yes_answers_get_it_on_telegram_and_nobody_else(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings, admins=["telegram:1"]) as bot:
        await bot.member(1, "Chefin Team")
        people = {chat: await bot.member(chat, f"Mitglied {chat}") for chat in (101, 102, 103, 104)}
        await bot.member(105, "Ohne Antwort")
        occ = await _date(bot.services, capacity=2)
        answers = {people[101]: "yes", people[102]: "yes", people[103]: "maybe", people[104]: "no"}
        await _answer(bot.services, occ, answers)

        await bot.say(ADMIN, "/termine")
        await bot.press(ADMIN, "Wasserstoff-Tag")
        [question] = await bot.press(ADMIN, "An Teilnehmende")
        assert "Wasserstoff-Tag" in question.text
        labels = [b["text"] for b in question.buttons()]
        assert "Zusagen (2)" in labels and "Vielleicht (1)" in labels
        assert "Warteliste (0)" in labels
        await bot.press(ADMIN, "Zusagen (2)")
        await bot.say(ADMIN, TEXT)
        sample, count = await bot.press(ADMIN, "Sofort")
        assert sample.text.startswith("📅 Zu „Wasserstoff-Tag“")
        assert "weil Sie auf die Einladung zu diesem Termin geantwortet haben" in sample.text
        assert "Empfänger: 2 (Zusagen zu „Wasserstoff-Tag“" in count.text
        assert "Telegram: 2" in count.text
        await bot.press(ADMIN, "Jetzt senden")
        await bot.outbox_report("broadcast:1", {"sent": 2})
        got = sorted({m.chat_id for m in bot.fake.sent if "Personalausweis" in m.text} - {1})
        assert got == [101, 102]
        await wait_for(lambda: any("ist zugestellt" in m.text for m in bot.fake.sent_to(1)))
        [made] = await bot.services.store.broadcasts.recent()
        assert made.audience.kind == "event" and made.audience.people == "yes"


async def test_the_yes_answers_get_it_on_slack_from_the_cards_modal(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake(), admins=["slack:UADMIN"]) as slack:
        app = slack.services
        await add_slack_member(app, "UADMIN", "Chefin")
        anna = await add_slack_member(app, "U1", "Anna")
        bob = await add_slack_member(app, "U2", "Bob", language="en")
        carla = await add_slack_member(app, "U3", "Carla")
        occ = await _date(app)
        await _answer(app, occ, {anna: "yes", bob: "yes", carla: "maybe"})
        admin_dm = FakeSlack.dm("UADMIN")
        await slack.send.dm("UADMIN", "termine")
        await slack.settle()
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "Wasserstoff-Tag")
        await slack.settle()
        before = len(slack.fake.modals)
        await slack.send.click("UADMIN", slack.fake.last_in(admin_dm), "An Teilnehmende")
        await slack.settle()
        assert len(slack.fake.modals) == before + 1
        view = slack.fake.modals[-1]
        values = {
            "people": "yes",
            "text": "Die Folien: [hier](https://example.org/f)",
            "when": "now",
        }
        answer = json.loads((await slack.send.submit("UADMIN", view, values)).body)
        assert answer["response_action"] == "update", answer
        assert "Empfänger: 2" in json.dumps(answer["view"], ensure_ascii=False)
        done = await slack.send.submit("UADMIN", answer["view"], {})
        assert done.body == ""
        await slack.settle()
        [made] = await app.store.broadcasts.recent()
        assert sorted(await queued_members(app.store, made.id)) == sorted([anna, bob])
        await wait_for(lambda: bool(slack.fake.messages_in("DU2")))
        await wait_for(lambda: bool(slack.fake.messages_in("DU1")))
        assert "About “Wasserstoff-Tag”" in slack.fake.last_in("DU2").text
        assert "Zu „Wasserstoff-Tag“" in slack.fake.last_in("DU1").text
        assert not slack.fake.messages_in("DU3")


async def test_waitlist_maybe_and_answered_are_exactly_their_people(
    app: Services,
) -> None:
    store = app.store
    m = {name: await add_member(store, name) for name in ("a", "b", "c", "d", "e", "f", "g")}
    await store.members.set_announcements(m["a"], False)  # not an announcement: still gets it
    occ = await _date(app, capacity=2)
    await _answer(
        app,
        occ,
        {m["a"]: "yes", m["b"]: "yes", m["c"]: "yes", m["d"]: "yes", m["e"]: "maybe",
         m["f"]: "no"},
    )  # fmt: skip
    svc = broadcast_service(store, app.settings)
    expected = {
        "yes": [m["a"], m["b"]],
        "waitlist": [m["c"], m["d"]],
        "maybe": [m["e"]],
        "answered": [m["a"], m["b"], m["c"], m["d"], m["e"], m["f"]],
    }
    for people, members in expected.items():
        audience = await event_audience(store, occ.event.id, occ.key, people)
        assert (await svc.preview(audience)).total == len(members), people
        made, queued = await svc.send_now(audience, f"An {people}", CLI, expected=len(members))
        assert queued == len(members)
        assert await queued_members(store, made.id) == sorted(members), people


async def test_a_date_without_such_people_sends_nothing(app: Services) -> None:
    store = app.store
    anna = await add_member(store, "Anna")
    occ = await _date(app)
    await _answer(app, occ, {anna: "yes"})
    svc = broadcast_service(store, app.settings)
    audience = await event_audience(store, occ.event.id, occ.key, "waitlist")
    with pytest.raises(Invalid) as refused:
        await svc.send_now(audience, "Hallo", CLI)
    assert refused.value.key == "event_message.nobody"
    assert await store.broadcasts.recent() == []


async def test_a_cancelled_date_and_a_gone_event_are_refused(app: Services) -> None:
    store = app.store
    anna = await add_member(store, "Anna")
    occ = await _date(app)
    await _answer(app, occ, {anna: "yes"})
    audience = await event_audience(store, occ.event.id, occ.key, "yes")
    scheduled, _ = await broadcast_service(store, app.settings).schedule(
        audience, "Später", CLI, utcnow().replace(microsecond=0) + (occ.start - utcnow()) / 2
    )
    await events_service(app).cancel(occ.event)
    with pytest.raises(Invalid) as refused:
        await event_audience(store, occ.event.id, occ.key, "yes")
    assert refused.value.key == "event_message.cancelled"
    # a message scheduled before the cancel reaches nobody when it comes due
    assert (await broadcast_service(store, app.settings).preview(scheduled.audience)).total == 0
    with pytest.raises(Invalid) as gone:
        await event_audience(store, 999, occ.key, "yes")
    assert gone.value.key == "event_message.gone"


async def test_only_admins_and_the_groups_moderators_may_write(
    app: Services, fake_adapter: FakeAdapter
) -> None:
    store = app.store
    moderator = await console_member(store, "mod", "Mona Moderatorin")
    plain = await console_member(store, "plain", "Paul Mitglied")
    group = await make_group(store, app.settings, members=(moderator, plain))
    await store.groups.set_role(group.id, moderator, "moderator")
    occ = await _date(app, group_id=group.id)
    await _answer(app, occ, {plain: "yes"})
    allowed = await allowed_audience(store, occ.event.id, occ.key, "yes", moderator, False)
    assert allowed == Audience(event_id=occ.event.id, occurrence=occ.key, people="yes")
    with pytest.raises(Invalid) as refused:
        await allowed_audience(store, occ.event.id, occ.key, "yes", plain, False)
    assert refused.value.key == "event_message.not_allowed"
    # in chat: the plain member sees no button, and a forged one is refused
    paul = Person(app.core, "plain")
    [listing] = await paul.say("/termine")
    [card] = await paul.tap(listing.buttons[0][0])
    labels = [b.label for row in card.buttons for b in row]
    assert not any("Teilnehmende" in label for label in labels)
    forged = buttons.WriteToPeople(occ.event.id, occ.epoch).button("x")
    [answer] = await paul.tap(forged)
    assert "Moderatoren seines Arbeitskreises" in answer.text
    assert await store.broadcasts.recent() == []
    # the moderator sees it and writes to the yes answers
    mona = Person(app.core, "mod")
    [listing] = await mona.say("/termine")
    [card] = await mona.tap(listing.buttons[0][0])
    await mona.press("An Teilnehmende")
    await mona.press("Zusagen (1)")
    await mona.say("Raum 4 statt Raum 2")
    await mona.press("Sofort")
    await mona.press("Jetzt senden")
    [made] = await store.broadcasts.recent()
    assert await queued_members(store, made.id) == [plain]


def _cli(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str) -> int:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return main(["broadcast", "send", *args])


async def _cli_network(db: Path, settings: Settings) -> tuple[Occurrence, dict[str, int]]:
    store = await Store.open(db)
    try:
        m = {name: await add_member(store, name) for name in ("Anna", "Ben", "Cem", "Dora")}
        events = EventService(store, Notifier(store, "de"), settings, "test")
        start = utcnow().replace(microsecond=0) + timedelta(days=3)
        event = await events.create(
            EventFields(title="Wasserstoff-Tag", start=start, end=start + timedelta(hours=2),
                        timezone=settings.timezone, capacity=1)
        )  # fmt: skip
        occ = next_occurrence(event, {}, utcnow())
        assert occ is not None
        for name, answer in (("Anna", "yes"), ("Ben", "yes"), ("Cem", "maybe")):
            await events.answer(occ, m[name], answer)
        return occ, m
    finally:
        await store.close()


def test_the_cli_sends_to_a_dates_people_and_refuses_nobody(
    tmp_path: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "kp.sqlite3"
    occ, m = asyncio.run(_cli_network(db, settings))
    day = f"{occ.start.astimezone(settings.zone):%Y-%m-%d}"
    event = str(occ.event.id)
    assert _cli(monkeypatch, db, "--event", event, "--to", "waitlist", "--text", "Hi", "--yes") == 0
    out = capsys.readouterr().out
    assert "== 📅 Zu „Wasserstoff-Tag“" in out
    assert "audience:   waiting list of “Wasserstoff-Tag”" in out
    assert "broadcast 1 queued for 1 recipient\n" in out
    args = ["--event", event, "--date", day, "--to", "maybe", "--text", "Hi", "--yes"]
    assert _cli(monkeypatch, db, *args) == 0
    assert "queued for 1 recipient\n" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT batch, member_id FROM outbox ORDER BY id").fetchall()
    assert rows == [("broadcast:1", m["Ben"]), ("broadcast:2", m["Cem"])]
    refusals = {
        ("--event", event): "--event needs --to",
        ("--to", "yes", "--audience", "all"): "--to and --date go with --event",
        ("--event", "99", "--to", "yes"): "Event no. 99 does not exist",
        ("--event", event, "--to", "yes", "--date", "2020-01-01"): "does not take place on",
    }
    for extra, message in refusals.items():
        assert _cli(monkeypatch, db, *extra, "--text", "x", "--yes") == 1
        assert message in capsys.readouterr().err, extra
    asyncio.run(_answer_no_more(db, m["Cem"], occ))
    assert _cli(monkeypatch, db, "--event", event, "--to", "maybe", "--text", "x", "--yes") == 1
    assert "nobody of this date answered that way" in capsys.readouterr().err


async def _answer_no_more(db: Path, member_id: int, occ: Occurrence) -> None:
    store = await Store.open(db)
    try:
        await store.rsvps.record(occ.event.id, occ.key, member_id, "no", False)
    finally:
        await store.close()


async def test_a_scheduled_message_goes_to_the_people_of_its_moment_or_is_cancelled(
    app: Services,
) -> None:
    store = app.store
    m = {name: await add_member(store, name) for name in ("a", "b", "c")}
    occ = await _date(app)
    await _answer(app, occ, {m["a"]: "yes", m["b"]: "maybe"})
    svc = broadcast_service(store, app.settings)
    audience = await event_audience(store, occ.event.id, occ.key, "yes")
    soon = utcnow().replace(microsecond=0) + timedelta(minutes=1)
    kept, preview = await svc.schedule(audience, "Raum 4", CLI, soon)
    dropped, _ = await svc.schedule(audience, "Doch nicht", CLI, soon)
    assert preview.total == 1
    await _answer(app, occ, {m["c"]: "yes"})  # said yes after it was scheduled
    await svc.cancel(dropped.id, "test")
    later = BroadcastService(
        store, app.notifier, app.settings, clock=lambda: soon + timedelta(seconds=5)
    )
    await later.tick()
    assert await queued_members(store, kept.id) == [m["a"], m["c"]]
    assert await queued_members(store, dropped.id) == []
    sent = await store.broadcasts.get(kept.id)
    assert sent is not None and sent.status == "sending" and sent.recipients == 2
