"""The dashboard's page for writing to an event's people in a real browser: axe-core finds
nothing at a desktop's and a phone's width (the form, a refused form, the preview), and
the message sent from it reaches the yes answers on the fake Telegram."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.calendar.recurrence import next_occurrence
from bot.settings import Settings
from storage.db import utcnow
from tests.events_support import add_event
from tests.events_support import service as events_service
from tests.fake_telegram_harness import wait_for
from tests.test_dashboard_browser import (
    CHROMIUM,
    assert_accessible,
    browser,  # noqa: F401 (the module's browser, as a fixture here too)
    dashboard_bot,
    sign_in,
)

pytestmark = [
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does it)",
    ),
    pytest.mark.asyncio(loop_scope="module"),
]


async def test_the_event_message_pages_pass_axe_and_reach_the_yes_answers(
    browser: object,  # noqa: F811
    make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> None:
    async with dashboard_bot(make_settings) as bot:
        members = {chat: await bot.member(chat, f"Mitglied {chat}") for chat in (510, 511, 512)}
        event = await add_event(bot.services, title="Wasserstoff-Tag", capacity=1)
        occ = next_occurrence(event, {}, utcnow())
        assert occ is not None
        for chat, answer in ((510, "yes"), (511, "yes"), (512, "maybe")):
            await events_service(bot.services).answer(occ, members[chat], answer)
        page, _ = await sign_in(bot, browser)  # type: ignore[arg-type]
        base = bot.settings.public_url
        await page.goto(f"{base}/admin/events/{event.id}")
        await page.click("#write")
        await page.wait_for_url(re.compile(rf".*/admin/events/{event.id}/message$"))
        await assert_accessible(page, tmp_path, "event-message")
        await page.click("#preview-button")  # no text: refused next to the field
        await page.wait_for_selector("#problem")
        assert await page.get_attribute("#text", "aria-invalid") == "true"
        await assert_accessible(page, tmp_path, "event-message-refused")
        await page.check("input[name=people][value=yes]")
        await page.fill("#text", "Bitte bringen Sie Ihren *Ausweis* mit.")
        await page.click("#preview-button")
        assert await page.get_attribute("#recipient-count", "data-count") == "1"
        await assert_accessible(page, tmp_path, "event-message-preview")
        await page.click("#send-now")
        await page.wait_for_url(re.compile(r".*/admin/broadcasts/\d+$"))
        await assert_accessible(page, tmp_path, "event-message-sent")
        await wait_for(lambda: any("Ausweis" in m.text for m in bot.fake.sent_to(510)))
        reached = {m.chat_id for m in bot.fake.sent if "Ausweis" in m.text} - {500}
        assert reached == {510}  # the yes with a seat; 511 waits, 512 said maybe (and the
        # admin's report, which quotes the start, may follow)
        await page.context.close()
