"""The dashboard's figures page ("Kennzahlen") in a real browser: the period chooser, the
sums and the per-date table with the store's counts, the bar chart whose labels and
numbers are text, the report downloads, a refused range tied to its field; axe-clean at a
desktop's and a phone's width."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from playwright.async_api import Browser

from bot.i18n import t
from bot.settings import Settings
from handlers.events.figures import day_range, figures_for
from storage.db import utcnow
from tests.figures_support import seed
from tests.test_dashboard_browser import (
    assert_accessible,
    dashboard_bot,
    pytestmark,  # noqa: F401  (skipped without chromium, one event loop for the module)
    sign_in,
)
from tests.test_dashboard_browser import browser as browser


async def test_the_figures_page_shows_the_stores_counts_and_passes_axe(
    browser: Browser, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    async with dashboard_bot(make_settings) as bot:
        store, zone = bot.services.store, bot.settings.zone
        seeded = await seed(store, zone, utcnow())
        base = bot.settings.public_url
        page, _ = await sign_in(bot, browser)
        # from the navigation: this quarter, where nothing has happened yet
        await page.click("header nav a[href='/admin/figures']")
        await page.wait_for_url("**/admin/figures")
        assert await page.inner_text("h1") == t("de", "figures.page_title")
        assert await page.locator("#figures-none").count() == 1
        await assert_accessible(page, tmp_path, "figures-empty")
        # the two past quarters, chosen in the form
        await page.select_option("#period", "range")
        await page.fill("#from", seeded.older.first.isoformat())
        await page.fill("#to", seeded.last.last.isoformat())
        await page.click("#period-form button[type=submit]")
        await page.wait_for_selector("#figures-dates")
        figures = await figures_for(
            store, day_range(seeded.older.first, seeded.last.last), zone, utcnow()
        )
        total = figures.total
        cells = await page.locator("#figures-totals tr:nth-child(2) td").all_inner_texts()
        assert cells[:9] == [str(n) for n in (total.dates, total.people, total.companies,
                             total.regions, total.yes, total.maybe, total.checked_in,
                             total.walk_ins, total.no_shows)]  # fmt: skip
        assert cells == ["2", "5", "3", "4", "5", "2", "3", "1", "1", "3", "4"]
        rows = await page.locator("#figures-dates tr").count()
        assert rows == 1 + len(figures.dates) == 3
        bars = await page.locator("#figures-chart li").all_inner_texts()
        assert len(bars) == 2 and bars[0].split()[-1] == "3" and bars[1].split()[-1] == "2"
        assert t("de", "figures.no_shows_none") in await page.inner_text("#figures-dates")
        await assert_accessible(page, tmp_path, "figures")
        # the report of the same period, counts only
        href = await page.get_attribute("a[href^='/admin/figures/report.csv']", "href")
        assert href is not None
        answer = await page.request.get(base + href)
        assert answer.status == 200 and "attachment" in answer.headers["content-disposition"]
        text = await answer.text()
        rows_read = list(csv.reader(io.StringIO(text)))
        totals = next(r for r in rows_read if r[:2] == [t("de", "figures.scope.total")] * 2)
        assert [int(c) for c in totals[2:12]] == [2, 5, 2, 3, 1, 1, 5, 3, 4, 3]
        assert "Anna Adler" not in text
        answer = await page.request.get(base + href.replace("report.csv", "report.xlsx"))
        assert answer.status == 200 and (await answer.body())[:2] == b"PK"
        # a range that ends before it begins: refused at its field, this quarter shown
        await page.select_option("#period", "range")
        await page.fill("#from", seeded.last.last.isoformat())
        await page.fill("#to", seeded.older.first.isoformat())
        await page.click("#period-form button[type=submit]")
        await page.wait_for_selector("#problem")
        assert await page.get_attribute("#problem a", "href") == "#to"
        assert await page.get_attribute("#to", "aria-invalid") == "true"
        assert await page.inner_text("#to-error") == t("de", "figures.range_backwards")
        await assert_accessible(page, tmp_path, "figures-refused")
        await page.context.close()
