"""A group's events in the weekly overview: members on the digest hear of the group's new
events (still ahead) in the overview, as those on "all" heard at once; also in a week
without updates, in their language."""

from __future__ import annotations

from datetime import timedelta

from bot.delivery.notify import Notifier
from bot.services import Services
from handlers.events.render import short_when
from handlers.events.upcoming import upcoming
from handlers.overview.jobs import OverviewScanner
from tests.events_support import add_event
from tests.events_support import service as event_service
from tests.groups_support import console_member, make_group
from tests.test_overview import BERLIN, MINUTE, Clock, digests, next_monday_eight


async def test_the_digest_lists_the_groups_new_events_in_each_language(app: Services) -> None:
    store, settings = app.store, app.settings
    anna = await console_member(store, "anna", "Anna Muster")
    dora = await console_member(store, "dora", "Dora Digest")
    bob = await console_member(store, "bob", "Bob Builder", language="en")
    group = await make_group(store, settings, "AG Wasserstoff", members=(anna, dora, bob))
    other = await make_group(store, settings, "AG Robotik", members=(anna,))
    for member_id in (dora, bob):
        await store.groups.set_level(group.id, member_id, "digest")

    monday = next_monday_eight()
    start = (monday + timedelta(days=3)).replace(microsecond=0)
    workshop = await add_event(app, "H2-Werkstatt", start=start, group_id=group.id)
    await add_event(app, "Cobot-Demo", start=start, group_id=other.id)  # not her group
    cancelled = await add_event(app, "Abgesagt", start=start, group_id=group.id)
    await event_service(app).cancel(cancelled)
    await add_event(app, "Ohne Gruppe", start=start)

    clock = Clock(monday + MINUTE)
    scanner = OverviewScanner(store, Notifier(store, settings.language), settings, clock=clock)
    assert await scanner.scan() == 2  # no update this week, but a new event
    by_chat = {chat: message for chat, _, message in await digests(store)}
    assert set(by_chat) == {"dora", "bob"}
    [occ] = await upcoming(store, event_id=workshop.id, limit=1)
    german = by_chat["dora"].text.splitlines()
    assert german[:2] == [
        "AG Wasserstoff",
        f"📅 Neuer Termin: H2-Werkstatt, {short_when('de', BERLIN, occ)}",
    ]
    assert "Cobot" not in by_chat["dora"].text and "Abgesagt" not in by_chat["dora"].text
    assert "Ohne Gruppe" not in by_chat["dora"].text
    english = by_chat["bob"].text.splitlines()
    assert english[1] == f"📅 New event: H2-Werkstatt, {short_when('en', BERLIN, occ)}"

    clock.now = monday + timedelta(days=7, minutes=1)  # the next week: it is not news again
    assert await scanner.scan() == 0
