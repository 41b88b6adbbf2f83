"""A network where one member, Zacharias, has rows in every table that can hold something
about a person, and two others share his topic and his event: for export and erasure tests.

Zacharias registers on Telegram with an invitation, links Slack, is made an admin, binds a
group, creates an event, an invitation and a broadcast, answers an event (Bertram waits
behind him), searches the directory, mistypes a link code, turns announcements off and
leaves a wizard open. Cora joins with his invitation; Bertram waits for approval first.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.models import ChatKind, Platform
from bot.services import Services
from handlers.broadcast.service import BroadcastService, Sender
from handlers.events.upcoming import upcoming
from handlers.linking.service import LinkService
from storage.broadcasts import Audience
from storage.db import to_db_time, utcnow
from storage.events import EventFields
from storage.members import Member
from storage.polls import NewPoll
from tests.events_support import add_event
from tests.events_support import service as event_service
from tests.groups_support import group_service
from tests.helpers import Person

TELEGRAM_ID = "7391846205"
SLACK_ID = "U0QUENDEL7"
SLACK_DM = "D0QUENDEL7"
NAME = "Zacharias Quendelberg"
COMPANY = "Quendelwerk Präzision GmbH"
COMPETENCIES = ("Hyperspektralanalyse", "Xylophonbau")
# everything that must not survive his erasure, searched as bytes in the database file
HIS_TRACES = (NAME, "Quendelberg", "Quendelwerk", *COMPETENCIES, TELEGRAM_ID, SLACK_ID, SLACK_DM)

OTHER_NAME = "Bertram Nachbar"
OTHER_COMPANY = "Nachbarwerk AG"
OTHER_ID = "nachbar-4711"
THIRD_NAME = "Cora Drittmann"
THIRD_ID = "cora-0815"
THEIR_TRACES = (OTHER_NAME, OTHER_COMPANY, OTHER_ID, THIRD_NAME, "Drittmann", THIRD_ID)


def file_bytes(path: Path) -> bytes:
    """The database file and its WAL as bytes, after a checkpoint."""
    with sqlite3.connect(path, timeout=10) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def vacuum(path: Path) -> None:
    """Rewrite the file: free pages that might still hold old rows are dropped."""
    with sqlite3.connect(path, timeout=10) as conn:
        conn.execute("VACUUM")
    conn.close()


def traces(data: bytes, needles: tuple[str, ...]) -> list[str]:
    """The needles found in ``data`` (as they are, or in any case)."""
    return [n for n in needles if n.encode() in data or n.lower().encode() in data.lower()]


@dataclass
class Network:
    him: Member
    other: Member
    third: Member
    telegram: Person  # him on Telegram
    admin: Person  # console:admin, a bootstrap admin
    event_id: int


async def invitation_code(person: Person, *args: str) -> str:
    """Create an invitation as ``person`` and return its code."""
    await person.say("/einladen " + " ".join(args) if args else "/einladen 1 7")
    for line in person.texts().splitlines():
        if line.startswith("Code: "):
            return line.removeprefix("Code: ").strip()
    raise AssertionError(person.texts())


async def build(app: Services) -> Network:
    """``app`` must run with ``approval_required=True`` (Bertram waits for approval)."""
    store = app.store
    admin = Person(app.core, "admin")
    await admin.say("/neuesthema Wasserstoff")
    telegram = Person(app.core, TELEGRAM_ID, platform=Platform.TELEGRAM)
    code = await invitation_code(admin)
    await telegram.say(f"/start {code}")
    await telegram.press("Deutsch")
    await telegram.say(NAME)
    await telegram.say(COMPANY)
    await telegram.press("Kreis Olpe")
    await telegram.say(", ".join(COMPETENCIES))
    await telegram.press("Ja, einverstanden")
    await telegram.press("Ja, ins Verzeichnis")
    him = await store.members.find_by_identity("telegram", TELEGRAM_ID)
    assert him is not None and him.status == "active", telegram.texts()
    await store.members.add_identity(him.id, "slack", SLACK_ID, SLACK_DM)
    await store.linking.set_preferred_platform(him.id, "telegram")
    await store.members.grant_admin(f"telegram:{TELEGRAM_ID}")
    await telegram.say("/themen abonnieren Wasserstoff")
    await telegram.say("/mitteilungen aus")
    await store.rsvps.set_remind_topics(him.id, True)
    await store.events.feed_token(him.id)
    await telegram.say("/suche Robotik")
    typed = await store.facets.add("process", "Quendelwerk-Tauchen", proposed=True, by=him.id)
    iso = await store.facets.find("certification", "ISO 9001")
    assert iso is not None
    await store.facets.set_member(him.id, [typed.id, iso.id])  # his company profile
    await LinkService(store, app.notifier, app.settings).new_code(him.id, "telegram", TELEGRAM_ID)
    await store.linking.record_failure(f"member:{him.id}", utcnow())
    await telegram.say("/binden Wasserstoff", chat_id="-100777", chat_kind=ChatKind.GROUP)
    later = utcnow() + timedelta(hours=8)  # he signed in to the staff dashboard once
    await store.dashboard.add_login_token("h" * 64, f"telegram:{TELEGRAM_ID}", "de", later)
    await store.dashboard.add_session("s" * 64, f"telegram:{TELEGRAM_ID}", "de", "c" * 32, later)
    await store.dashboard.record_submission("s" * 64, "once-token", "/admin/topics")

    other = Person(app.core, OTHER_ID)
    await other.answer_until_consent(name=OTHER_NAME, company=OTHER_COMPANY)
    await other.press("Ja, einverstanden")  # waits for approval: admins (him too) are asked
    await admin.say("/freigeben")
    await admin.press("Freigeben")
    third = Person(app.core, THIRD_ID)
    await third.say(f"/start {await invitation_code(telegram)}")
    await third.press("Deutsch")
    for answer in (THIRD_NAME, "Drittmann KG"):
        await third.say(answer)
    await third.press("Hagen")
    await third.say("-")
    await third.press("Ja, einverstanden")
    other_member = await store.members.find_by_identity("console", OTHER_ID)
    third_member = await store.members.find_by_identity("console", THIRD_ID)
    assert other_member is not None and third_member is not None
    for member in (other_member, third_member):
        await store.topics.subscribe(member.id, 1)

    event = await add_event(app, capacity=1, topic_ids=[1])  # his notice waits: no Telegram
    start = utcnow().replace(microsecond=0) + timedelta(days=9)
    fields = EventFields(
        title="Sensorik-Workshop",
        start=start,
        end=start + timedelta(hours=2),
        timezone=app.settings.timezone,
        organiser=NAME,
    )
    created = await event_service(app, f"telegram:{TELEGRAM_ID}").create(fields)
    [occ] = await upcoming(store, event_id=event.id, limit=1)
    answers = event_service(app)
    await answers.answer(occ, him.id, "yes")
    await answers.answer(occ, other_member.id, "yes")  # waits behind him
    await store.db.execute(
        "INSERT INTO sent_reminders (event_id, occurrence, offset_seconds, member_id, sent_at)"
        " VALUES (?, ?, 86400, ?, ?)",
        (created.id, to_db_time(utcnow() + timedelta(days=1)), him.id, to_db_time(utcnow())),
    )
    await _came_and_rated(app, created.id, to_db_time(occ.key), him.id, other_member.id)
    broadcasts = BroadcastService(store, app.notifier, app.settings)
    sender = Sender(f"telegram:{TELEGRAM_ID}", "de", him.id, ("telegram", TELEGRAM_ID))
    await broadcasts.send_now(Audience(), "Liebe Mitglieder, bis bald.", sender)
    await _groups_and_requests(app, him.id, other_member.id)
    await app.store.quiet_hours.set(him.id, True, 22 * 60, 6 * 60)  # his own quiet hours
    await telegram.say("/neuertermin")  # a wizard left open
    await app.worker.drain(within=5.0)
    return Network(him, other_member, third_member, telegram, admin, event.id)


async def _came_and_rated(app: Services, event_id: int, date: str, him: int, other: int) -> None:
    """Both came to the date (he ticked Bertram in at the door) and he rated it."""
    now = to_db_time(utcnow())
    for member, by in ((him, None), (other, him)):
        await app.store.db.execute(
            "INSERT INTO event_checkins (event_id, occurrence, member_id, how, walk_in,"
            " checked_in_at, checked_in_by) VALUES (?, ?, ?, ?, 0, ?, ?)",
            (event_id, date, member, "link" if by is None else "staff", now, by),
        )
    await app.store.db.execute(
        "INSERT INTO feedback_requests (event_id, occurrence, member_id, sent_at,"
        " changeable_until) VALUES (?, ?, ?, ?, ?)",
        (event_id, date, him, now, now),
    )
    await app.store.db.execute(
        "INSERT INTO event_feedback (event_id, occurrence, member_id, stars, comment,"
        " show_name, created_at, updated_at) VALUES (?, ?, ?, 4, 'Gute Vorträge', 1, ?, ?)",
        (event_id, date, him, now, now),
    )


async def _groups_and_requests(app: Services, him: int, other: int) -> None:
    """A working group he created and belongs to (with a post Bertram was sent, a digest and
    a request to another group, put to Bertram), his cooperation request and his answer to
    someone else's. The notices to Bertram name him."""
    store, now = app.store, to_db_time(utcnow())
    groups = group_service(store, app.settings)
    mine = await store.groups.create("AG Sensorik", created_by=f"telegram:{TELEGRAM_ID}")
    closed = await store.groups.create("AG Geschlossen", join_policy="request")
    await store.groups.join(mine.id, him, role="moderator")
    await store.groups.join(mine.id, other)
    await store.groups.join(closed.id, other, role="moderator")
    member = await store.members.get(him)
    assert member is not None
    assert await groups.join(closed, member) == "requested"
    fanout = await groups.post_update(mine, member, "Neuigkeit aus der AG")
    assert fanout.members == 1
    await store.db.execute(
        "INSERT INTO group_digests (member_id, week, posts, settled_at) VALUES (?, ?, 1, ?)",
        (him, "2026-W47", now),
    )
    for author, title in ((him, "Suche Partner"), (other, "Biete Fräskapazität")):
        await store.db.execute(
            "INSERT INTO cooperation_requests (author_id, kind, title, description,"
            " created_at, expires_at) VALUES (?, 'seek', ?, 'Beschreibung', ?, ?)",
            (author, title, now, now),
        )
    await store.db.execute(
        "INSERT INTO cooperation_responses (request_id, member_id, notified_at, answer)"
        " SELECT id, ?, ?, 'interested' FROM cooperation_requests WHERE author_id = ?",
        (him, now, other),
    )
    await _poll(app, member, other, mine.id)


async def _poll(app: Services, him: Member, other: int, group_id: int) -> None:
    """A date poll he started for his group (its tally goes to his Telegram chat), answered
    by both. Written without its ballots, so the outbox stays as the other steps expect."""
    soon = utcnow().replace(microsecond=0) + timedelta(days=3)
    new = NewPoll(
        title="Treffen AG Sensorik",
        organiser_id=him.id,
        audience_kind="group",
        audience_ref=group_id,
        deadline=soon,
        visibility="all",
        remind_at=None,
        options=[(soon + timedelta(days=1), None), (soon + timedelta(days=2), None)],
    )
    poll = await app.store.polls.create(new, [him.id, other])
    await app.store.polls.set_tally_target(poll.id, "telegram", TELEGRAM_ID, '{"edit": 1}')
    await app.store.polls.answer(poll.id, 0, him.id, "y")
    await app.store.polls.answer(poll.id, 1, other, "m")
    await app.store.polls.claim_tally(poll.id, utcnow())  # no tally edit queued meanwhile
