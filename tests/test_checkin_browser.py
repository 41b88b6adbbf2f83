"""The check-in page in a real browser (chromium, as the dashboard's browser tests): in a
phone-sized window its QR code decodes (zxing-cpp, from a screenshot) to the Telegram deep
link that checks a member in; ticking a name checks that member in once, even when the
form is sent twice; axe finds nothing at 1100 and 360 px."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import zxingcpp
from PIL import Image
from playwright.async_api import Browser

from bot.i18n import t
from bot.settings import Settings
from storage.db import utcnow
from tests.events_support import add_event
from tests.fake_telegram import user
from tests.test_dashboard_browser import (  # noqa: F401  (browser: the module's fixture)
    assert_accessible,
    browser,
    dashboard_bot,
    pytestmark,
    sign_in,
)

ANNA = user(501, "Anna", "de")


async def test_the_qr_code_checks_in_by_telegram_and_staff_tick_names_on_a_phone(
    browser: Browser,  # noqa: F811
    make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> None:
    async with dashboard_bot(make_settings) as bot:
        store = bot.services.store
        petra = await store.members.find_by_identity("telegram", "500")
        assert petra is not None
        anna = await bot.member(501, "Anna Muster")
        bea = await bot.member(502, "Bea Beispiel")
        start = utcnow().replace(microsecond=0) - timedelta(minutes=5)
        event = await add_event(bot.services, "Innovationsforum", start=start)
        for member in (anna, bea):
            await store.rsvps.record(event.id, start, member, "yes", waitlisted=False)

        page, _ = await sign_in(bot, browser)
        await page.set_viewport_size({"width": 360, "height": 760})
        await page.goto(f"{bot.settings.public_url}/admin/events/{event.id}")
        await page.click("text=" + t("de", "dashboard.checkin.open"))
        await page.wait_for_selector("#qr svg")

        picture = await page.locator("#qr svg").screenshot()
        [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(picture)))
        code = (await page.inner_text("#code")).strip()
        username = bot.settings.telegram_bot_username
        assert found.text == f"https://t.me/{username}?start=ci_{code}"
        assert await page.get_attribute("#qr", "data-link") == found.text
        box = await page.locator("#qr svg").bounding_box()
        assert box is not None and 200 <= box["width"] <= 360  # scannable, and fits the phone

        # Anna scans it with Telegram: the link's /start payload checks her in
        [done] = await bot.say(ANNA, "/start " + found.text.split("?start=")[1])
        assert "Sie sind eingecheckt: Innovationsforum" in done.text

        # the script asks for the code of now (same session)
        live = await page.evaluate(
            "fetch(document.getElementById('checkin-live').dataset.src).then(r => r.json())"
        )
        assert live["code"] == code and "<svg" in live["svg"]

        await page.reload()
        await assert_accessible(page, tmp_path, "checkin")
        await page.set_viewport_size({"width": 360, "height": 760})
        label = t("de", "dashboard.checkin.tick_label", name="Bea Beispiel")
        assert await page.locator(f'button[aria-label="{label}"]').is_visible()
        async with page.expect_request(lambda r: r.method == "POST") as sent:
            await page.click(f'button[aria-label="{label}"]')
        await page.wait_for_selector("#notice")
        assert await page.inner_text("#notice") == t(
            "de", "dashboard.checkin.notice.checked", name="Bea Beispiel"
        )
        row = await store.checkins.get(event.id, start, bea)
        assert row is not None and row.how == "staff" and row.checked_in_by == petra.id
        assert not row.walk_in

        # the same form again (a double tap, a reload that posts again): acts once
        request = await sent.value
        again = await page.request.post(
            request.url,
            headers={"content-type": "application/x-www-form-urlencoded"},
            data=request.post_data,
        )
        assert again.ok
        assert len(await store.checkins.for_date(event.id, start)) == 2
        ticks = [e for e in await store.audit.recent() if e["action"] == "checkin.recorded"]
        assert sorted(e["how"] for e in ticks) == ["link", "staff"]
        await page.set_viewport_size({"width": 360, "height": 760})
        ticked = page.locator("#checkin-list tr", has_text="Bea Beispiel").locator(".checked")
        assert await ticked.is_visible()  # the tick shows on the phone too
        await assert_accessible(page, tmp_path, "checkin-ticked")
        await page.context.close()


async def test_the_page_shows_the_next_code_when_it_rotates(
    browser: Browser,  # noqa: F811
    make_settings: Callable[..., Settings],
) -> None:
    """With the shortest rotation (30 s) the script swaps in the new code and QR code by
    itself; the old code is then the previous one, still accepted."""
    async with dashboard_bot(make_settings, checkin_rotation="30s") as bot:
        start = utcnow().replace(microsecond=0) - timedelta(minutes=5)
        event = await add_event(bot.services, "Innovationsforum", start=start)
        page, _ = await sign_in(bot, browser)
        await page.set_viewport_size({"width": 360, "height": 760})
        await page.goto(
            f"{bot.settings.public_url}/admin/events/{event.id}/checkin?date={int(start.timestamp())}"
        )
        first = (await page.inner_text("#code")).strip()
        await page.wait_for_function(
            "old => document.getElementById('code').textContent.trim() !== old",
            arg=first,
            timeout=45_000,
        )
        second = (await page.inner_text("#code")).strip()
        picture = await page.locator("#qr svg").screenshot()
        [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(picture)))
        assert found.text.endswith(f"?start=ci_{second}") and second != first
        await page.context.close()
