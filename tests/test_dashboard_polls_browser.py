"""The date-poll pages in a real browser (chromium, as tests/test_dashboard_browser.py): a
poll created, refused once, followed, ended and closed into an event, every page and
refused form checked by axe-core at a desktop's and a phone's width."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.async_api import Browser

from bot.i18n import t
from bot.settings import Settings
from handlers.polls.service import PollService
from tests.fake_telegram_harness import wait_for
from tests.polls_support import day, typed
from tests.test_dashboard_browser import (  # noqa: F401 (the module's browser fixture)
    assert_accessible,
    browser,
    dashboard_bot,
    pytestmark,
    sign_in,
)


async def test_the_poll_pages_pass_axe_from_creating_to_closing(
    browser: Browser,  # noqa: F811
    make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> None:
    shots = tmp_path
    async with dashboard_bot(make_settings) as bot:
        store = bot.services.store
        base = bot.settings.public_url
        anna = await bot.member(501, "Anna Muster")
        group = await store.groups.create("AG Robotik", "Roboter im Mittelstand", "open", None, "t")
        await store.groups.join(group.id, anna)
        page, _link = await sign_in(bot, browser)
        await page.goto(f"{base}/admin/polls")
        await assert_accessible(page, shots, "polls-empty")
        await page.click("text=" + t("de", "dashboard.polls.new"))
        await page.wait_for_url("**/admin/polls/new")
        await assert_accessible(page, shots, "poll-new")
        # refused: a date in the past, with the chat's words, at the field
        await page.fill("#title", "Treffen AG Robotik")
        await page.select_option("#group", str(group.id))
        await page.fill("#options", f"{typed(day(-1, 10))}, {typed(day(6, 10))}")
        await page.fill("#deadline", typed(day(3, 18)))
        await page.click("#send-poll")
        await page.wait_for_selector("#problem")
        assert await page.evaluate("document.activeElement.id") == "problem"
        assert await page.get_attribute("#problem a", "href") == "#options"
        assert await page.get_attribute("#options", "aria-invalid") == "true"
        assert "Vergangenheit" in await page.inner_text("#options-error")
        await assert_accessible(page, shots, "poll-new-refused")
        # corrected and sent: the poll's page, and Anna's ballot in Telegram
        await page.fill("#options", f"{typed(day(5, 10))}, {typed(day(6, 10))}")
        await page.click("#send-poll")
        await page.wait_for_url(re.compile(r".*/admin/polls/\d+$"))
        poll_id = int(page.url.rsplit("/", 1)[1])
        await wait_for(lambda: any("Terminabstimmung" in m.text for m in bot.fake.sent_to(501)), 10)
        await PollService(store, bot.services.notifier, bot.settings).vote(poll_id, anna, 1, "y")
        await page.reload()
        assert "Anna Muster" not in await page.inner_text("#waiting")
        await assert_accessible(page, shots, "poll-open")
        await page.click("#end-poll")
        await page.wait_for_selector("#close-form")
        await assert_accessible(page, shots, "poll-ended")
        # the best date is preselected; seats refused, then the event
        assert await page.is_checked("#close-form input[name=option][value='1']")
        await page.fill("#where", "Rathaus Olpe")
        await page.fill("#capacity", "viele")
        await page.click("#close-poll")
        await page.wait_for_selector("#problem")
        await assert_accessible(page, shots, "poll-close-refused")
        await page.fill("#capacity", "20")
        await page.click("#close-poll")
        await page.wait_for_selector("#chosen")
        await assert_accessible(page, shots, "poll-closed")
        [event] = await store.events.all()
        assert event.location == "Rathaus Olpe" and event.capacity == 20
        await page.goto(f"{base}/admin/polls")
        await assert_accessible(page, shots, "polls")
        await page.context.close()
