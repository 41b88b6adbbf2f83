"""The vocabularies page of the dashboard in a real browser (chromium, axe-core at desktop
and phone width): a member's proposed spelling merged into the vocabulary's entry moves
the member; an entry added twice by resending the form is added once."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.async_api import Browser

from bot.settings import Settings
from tests.test_dashboard_browser import (
    CHROMIUM,
    assert_accessible,
    browser,  # noqa: F401  (the module's browser fixture)
    dashboard_bot,
    resend_after_going_back,
    sign_in,
)

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
    pytest.mark.asyncio(loop_scope="module"),
]


async def test_staff_merge_a_proposed_entry_and_add_one_once(
    browser: Browser,  # noqa: F811
    make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> None:
    async with dashboard_bot(make_settings) as bot:
        store = bot.services.store
        base = bot.settings.public_url
        anna = await bot.member(501, "Anna Muster")
        typo = await store.facets.add("certification", "ISO-9001", proposed=True, by=anna)
        await store.facets.set_member(anna, [typo.id])
        page, _link = await sign_in(bot, browser)

        await page.goto(f"{base}/admin/topics")
        await page.click("#vocab-link")
        await page.wait_for_url("**/admin/vocab")
        await assert_accessible(page, tmp_path, "vocab")
        assert "vorgeschlagen" in await page.inner_text(f"#entry-{typo.id}")

        target = await store.facets.find("certification", "ISO 9001")
        assert target is not None
        await page.select_option("#source", str(typo.id))
        await page.select_option("#target", str(target.id))
        await page.click("#vocab-merge button.primary")
        await page.wait_for_selector("#notice")
        assert "ISO-9001 → ISO 9001" in await page.inner_text("#notice")
        mine = await store.facets.of_member(anna)
        assert [e.label for e in mine["certification"]] == ["ISO 9001"]

        await page.select_option("#facet", "process")
        await page.fill("#label", "Drahterodieren")
        async with page.expect_request(re.compile(r".*/admin/vocab/new$")) as sent:
            await page.click("#vocab-add button.primary")
        await page.wait_for_selector("#notice")
        await resend_after_going_back(page, await sent.value)
        assert "bereits gesendet" in await page.inner_text("#notice")
        added = [a for a in await store.audit.recent(20) if a["action"] == "vocab.added"]
        assert len(added) == 1

        await page.fill("#label", "")
        await page.eval_on_selector("#label", "field => field.removeAttribute('required')")
        await page.click("#vocab-add button.primary")
        await page.wait_for_selector("#problem")
        await assert_accessible(page, tmp_path, "vocab-refused")
        await page.context.close()
