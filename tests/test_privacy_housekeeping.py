"""Housekeeping keeps only what is still needed: conversation state for a day, update ids
for three days, reminder claims until their date began, expired invitations a month."""

from __future__ import annotations

from datetime import timedelta

from bot.scheduler import housekeeping
from handlers.privacy.invitations import create_invitation
from storage import Store
from storage.conversations import ConversationState
from storage.db import to_db_time, utcnow


async def test_housekeeping_purges_what_is_no_longer_needed(store: Store) -> None:
    now = utcnow()
    member = await store.members.create(
        name="A", company="B", region="Hagen", competencies=[], language="de"
    )
    for user in ("fresh", "stale"):
        await store.conversations.save("telegram", user, ConversationState(flow="f", step="s"))
    await store.db.execute(
        "UPDATE conversations SET updated_at = ? WHERE user_id = 'stale'",
        (to_db_time(now - timedelta(hours=25)),),
    )
    for update, age in (("1", timedelta(days=4)), ("2", timedelta(hours=1))):
        await store.db.execute(
            "INSERT INTO inbox (platform, update_id, received_at, done_at)"
            " VALUES ('telegram', ?, ?, ?)",
            (update, to_db_time(now - age), to_db_time(now - age)),
        )
    await store.db.execute(
        "INSERT INTO events (uid, title, starts_at, ends_at, timezone, created_at, updated_at)"
        " VALUES ('e', 'E', ?, ?, 'UTC', ?, ?)",
        (to_db_time(now), to_db_time(now), to_db_time(now), to_db_time(now)),
    )
    for occurrence in (now - timedelta(days=2), now + timedelta(hours=2)):
        await store.db.execute(
            "INSERT INTO sent_reminders (event_id, occurrence, offset_seconds, member_id,"
            " sent_at) VALUES (1, ?, 3600, ?, ?)",
            (to_db_time(occurrence), member.id, to_db_time(now)),
        )
    for days_ago in (40, 1):
        await create_invitation(
            store, created_by=None, max_uses=1, days=1, actor="t",
            now=now - timedelta(days=days_ago),
        )  # fmt: skip

    removed = await housekeeping(store)

    assert removed == {
        "update ids": 1,
        "sent messages": 0,
        "stale conversations": 1,
        "reminder claims": 1,
        "expired invitations": 1,
    }
    assert await store.conversations.get("telegram", "fresh") is not None
    assert await store.conversations.get("telegram", "stale") is None
    assert await store.db.fetchval("SELECT update_id FROM inbox") == "2"
    assert await store.rsvps.sent_count(1) == 1
    assert await store.db.fetchval("SELECT COUNT(*) FROM invitations") == 1
