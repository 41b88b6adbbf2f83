"""Feedback through the real adapters against the fakes: on Telegram the request comes
once (also after the bot restarts), the star button starts the questions in the chat; on
Slack the star button opens the form as a modal whose submission keeps the answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

from bot.settings import Settings
from handlers.feedback.jobs import JOB_ID
from storage.db import utcnow
from tests.fake_telegram import user
from tests.fake_telegram_harness import running_bot, wait_for
from tests.feedback_support import Clock, asker, event_tomorrow, first_date
from tests.slack_signing import add_member, running_slack, standard_fake

ANNA = user(350, "Anna", "de")


async def test_telegram_asked_once_across_a_restart_and_answered(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_bot(make_settings) as bot:
        store = bot.services.store
        assert bot.services.scheduler.get_job(JOB_ID) is not None  # the app runs the scan
        anna = await bot.member(350, "Anna Muster")
        event_id = await event_tomorrow(store, bot.settings)
        key, end = await first_date(store, event_id)
        await store.rsvps.record(event_id, key, anna, "yes", False)
        clock = Clock(end + bot.settings.feedback_delay + timedelta(minutes=1))
        assert await asker(store, bot.settings, clock).scan() == 1

        def requests() -> list:
            return [m for m in bot.fake.sent_to(350) if "Wie war" in m.text]

        await wait_for(lambda: len(requests()) == 1)
        await bot.restart()
        store = bot.services.store
        assert await asker(store, bot.settings, clock).scan() == 0
        await bot.press(ANNA, "4 ⭐")
        await bot.say(ANNA, "Spannende Vorträge, gern wieder im Frühjahr!")
        await bot.press(ANNA, "Ja")
        await bot.press(ANNA, "Absenden")
        await wait_for(lambda: any("Danke für Ihre" in m.text for m in bot.fake.sent_to(350)))
        mine = await store.feedback.get(event_id, key, anna)
        assert mine is not None and (mine.stars, mine.show_name) == (4, True)
        assert len(requests()) == 1  # asked once


async def test_slack_star_button_opens_the_form_as_a_modal(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake()) as slack:
        store, settings = slack.services.store, slack.services.settings
        anna = await add_member(slack.services, "U1", "Anna Muster")
        event_id = await event_tomorrow(store, settings)
        key, end = await first_date(store, event_id)
        await store.rsvps.record(event_id, key, anna, "yes", False)
        clock = Clock(end + settings.feedback_delay + timedelta(minutes=1))
        assert await asker(store, settings, clock).scan() == 1
        await slack.settle()
        request = slack.fake.last_in("DU1")
        assert "Wie war" in request.all_text()
        await slack.send.click("U1", request, "3 ⭐")
        await slack.settle()
        view = slack.fake.modals[-1]
        reply = await slack.send.submit(
            "U1", view, {"comment": "Der Raum war zu klein.", "show_name": "no"}
        )
        preview = json.loads(reply.body)["view"]
        done = await slack.send.submit("U1", preview, {})
        assert done.status == 200
        await slack.settle()
        assert "Danke für Ihre Rückmeldung" in slack.fake.last_in("DU1").all_text()
        mine = await store.feedback.get(event_id, key, anna)
        assert mine is not None
        assert (mine.stars, mine.comment, mine.show_name) == (3, "Der Raum war zu klein.", False)
        assert mine.updated_at <= utcnow()
