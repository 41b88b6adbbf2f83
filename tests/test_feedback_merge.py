"""Linking two accounts of one person: one feedback per date stays (the later answer),
a request sent to either account counts as sent, and requests turned off stay off."""

from __future__ import annotations

from datetime import timedelta

from bot.settings import Settings
from storage import Store
from storage.db import to_db_time, utcnow
from tests.feedback_support import Clock, asker, event_tomorrow, first_date
from tests.groups_support import console_member


async def test_merge_keeps_one_feedback_per_date_and_requests_off(
    settings: Settings, store: Store
) -> None:
    event_id = await event_tomorrow(store, settings)
    key, end = await first_date(store, event_id)
    older = await console_member(store, "alt", "Alt Muster")
    newer = await console_member(store, "neu", "Neu Muster")
    for member in (older, newer):
        await store.rsvps.record(event_id, key, member, "yes", False)
    clock = Clock(end + settings.feedback_delay + timedelta(minutes=1))
    assert await asker(store, settings, clock).scan() == 2
    now = utcnow()
    await store.feedback.save(event_id, key, older, stars=2, comment="Zu voll", show_name=True,
                              now=now)  # fmt: skip
    await store.feedback.save(event_id, key, newer, stars=5, comment="Doch super", show_name=False,
                              now=now + timedelta(minutes=5))  # fmt: skip
    await store.feedback.set_asks(newer, False)

    await store.linking.merge(older, newer)

    kept = await store.feedback.get(event_id, key, older)
    assert kept is not None and (kept.stars, kept.comment) == (5, "Doch super")  # the later
    figures = await store.feedback.figures(event_id, key)
    assert (figures.count, figures.asked) == (1, 1)
    assert not await store.feedback.asks_enabled(older)
    rows = await store.db.fetchall(
        "SELECT member_id FROM feedback_requests WHERE event_id = ? AND occurrence = ?",
        (event_id, to_db_time(key)),
    )
    assert [r[0] for r in rows] == [older]
    assert await asker(store, settings, clock).scan() == 0  # not asked again after the merge
