"""The dashboard's event page shows the feedback of the dates whose people were asked:
the count, the average, the distribution and the comments (names only where agreed),
accessible (axe) at a desktop's and a phone's width."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.settings import Settings
from storage.db import utcnow
from tests.feedback_support import Clock, asker, event_tomorrow, first_date
from tests.test_dashboard_browser import (
    CHROMIUM,
    assert_accessible,
    browser,  # noqa: F401  (the module's browser fixture)
    dashboard_bot,
    sign_in,
)

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
    pytest.mark.asyncio(loop_scope="module"),
]


async def test_the_event_page_shows_the_feedback(
    browser: object,  # noqa: F811
    make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> None:
    async with dashboard_bot(make_settings) as bot:
        store, settings = bot.services.store, bot.settings
        event_id = await event_tomorrow(store, settings, "Wasserstoff-Tag")
        key, end = await first_date(store, event_id)
        people = {}
        for user_id, name in ((601, "Anna Muster"), (602, "Bert Beispiel"), (603, "Cara Test")):
            people[name] = await bot.member(user_id, name)
            await store.rsvps.record(event_id, key, people[name], "yes", False)
        clock = Clock(end + settings.feedback_delay + settings.feedback_delay)
        assert await asker(store, settings, clock).scan() == 3
        answers = {"Anna Muster": (5, "Sehr gut organisiert <b>!</b>", True),
                   "Bert Beispiel": (4, "Mehr Praxisbeispiele, bitte", False)}  # fmt: skip
        for name, (stars, comment, show) in answers.items():
            await store.feedback.save(event_id, key, people[name], stars=stars, comment=comment,
                                      show_name=show, now=utcnow())  # fmt: skip
        page, _link = await sign_in(bot, browser)  # type: ignore[arg-type]
        await page.goto(f"{settings.public_url}/admin/events/{event_id}")
        section = await page.inner_text("#feedback")
        assert "2 Rückmeldungen von 3 Gefragten · Durchschnitt 4,5 von 5" in section
        assert "Sehr gut organisiert <b>!</b> – Anna Muster" in section  # escaped, named
        assert "Mehr Praxisbeispiele, bitte – anonym" in section
        assert "Bert" not in section and "Cara" not in section
        rows = await page.locator("#feedback table tr").all_inner_texts()
        assert [r.split() for r in rows[1:]] == [
            ["5", "★", "1"], ["4", "★", "1"], ["3", "★", "0"], ["2", "★", "0"], ["1", "★", "0"]
        ]  # fmt: skip
        await assert_accessible(page, tmp_path, "event-feedback")
        await page.context.close()
