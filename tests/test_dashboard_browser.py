"""The dashboard in a real browser: Debian's chromium driven by Playwright, against the bot
started on 127.0.0.1 with the fake Telegram server.

The admin signs in through the link ``/dashboard`` sent to their Telegram chat; what they
do in the browser reaches members on the fake Telegram. One browser for the module. Each
page is photographed; with ``SCREENSHOTS=docs/screenshots`` (``make screenshots``) the
pictures are written there for the README, otherwise to a temporary folder. Skipped only when chromium is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, Request, Route, async_playwright
from playwright.async_api import Error as PlaywrightError

from bot.calendar.recurrence import next_occurrence
from bot.i18n import t, tn
from bot.settings import Settings
from storage.db import utcnow
from tests.events_support import add_event
from tests.events_support import service as events_service
from tests.fake_telegram import user
from tests.fake_telegram_harness import Bot, running_bot, wait_for

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
LINK = re.compile(r"http://127\.0\.0\.1:\d+/admin/login/[A-Za-z0-9_-]+")
ADMIN = user(500, "Petra", "de")
ANNA = user(501, "Anna", "de")

pytestmark = [
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does it)",
    ),
    pytest.mark.asyncio(loop_scope="module"),
]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    wanted = os.environ.get("SCREENSHOTS")  # relative to the project (tests run elsewhere)
    folder = ROOT / wanted if wanted else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def dashboard_bot(make_settings: Callable[..., Settings], **extra: Any) -> AsyncIterator[Bot]:
    port = free_port()
    async with running_bot(
        make_settings,
        http_port=port,
        public_url=f"http://127.0.0.1:{port}",
        admins=["telegram:500"],
        **extra,
    ) as bot:
        await bot.member(500, "Petra Team")
        yield bot


async def sign_in(bot: Bot, browser: Browser) -> tuple[Page, str]:
    """Ask for a link in Telegram, open it, press the button; the page and the link."""
    replies = await bot.say(ADMIN, "/dashboard")
    found = LINK.search(" ".join(m.text for m in replies))
    assert found, [m.text for m in replies]
    context = await browser.new_context(viewport={"width": 1100, "height": 760}, locale="de-DE")
    page = await context.new_page()
    await page.goto(found.group(0))
    await page.click("#sign-in")
    await page.wait_for_url("**/admin/")
    return page, found.group(0)


async def resend_after_going_back(page: Page, sent: Request) -> None:
    """Back to the preview and send it again: Chromium keeps no copy of a POST's page
    (``no-store``), so going back asks to resubmit (ERR_CACHE_MISS headless), and
    confirming posts the very same form again; that POST is made here as a navigation."""
    with contextlib.suppress(PlaywrightError):
        await page.go_back()

    async def as_sent(route: Route) -> None:
        headers = {**route.request.headers, "content-type": "application/x-www-form-urlencoded"}
        await route.continue_(method="POST", post_data=sent.post_data, headers=headers)

    await page.route(sent.url, as_sent)
    await page.goto(sent.url)
    await page.unroute(sent.url, as_sent)


async def photo(page: Page, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000


async def test_sign_in_from_telegram_and_a_used_link_is_refused(
    browser: Browser, make_settings: Callable[..., Settings], shots: Path
) -> None:
    async with dashboard_bot(make_settings) as bot:
        await bot.member(501, "Anna Muster")
        page, link = await sign_in(bot, browser)
        assert await page.inner_text("h1") == t("de", "dashboard.nav.overview")
        # the same link again, in another browser: refused
        other = await browser.new_context()
        again = await (await other.new_page()).goto(link)
        assert again is not None and again.status == 403
        assert t("de", "dashboard.login.used_title") in await again.text()
        await other.close()
        # a POST without the CSRF token, with the session cookie: refused
        refused = await page.request.post(f"{bot.settings.public_url}/admin/logout", form={})
        assert refused.status == 403
        # a member gets no link
        answer = await bot.say(ANNA, "/dashboard")
        assert [m.text for m in answer] == [t("de", "error.admin_only")]
        await page.context.close()


async def test_an_event_made_in_the_browser_is_in_a_members_termine(
    browser: Browser, make_settings: Callable[..., Settings], shots: Path
) -> None:
    async with dashboard_bot(make_settings) as bot:
        await bot.member(501, "Anna Muster")
        await bot.services.store.topics.create("KI in der Industrie", "")
        page, _ = await sign_in(bot, browser)
        await page.click("text=" + t("de", "dashboard.nav.events"))
        await page.click("text=" + t("de", "dashboard.events.new"))
        day = (utcnow() + timedelta(days=10)).astimezone(bot.settings.zone)
        await page.fill("#title", "KI-Stammtisch <Siegen>")
        await page.fill("#start", f"{day:%Y-%m-%d}T18:00")
        await page.fill("#end", f"{day:%Y-%m-%d}T20:00")
        await page.fill("#where", "Siegen, Technologiezentrum")
        await page.check("text=KI in der Industrie")
        await page.select_option("#repeat", "monthly")
        await photo(page, shots, "event-form")
        await page.click("#event-form button[type=submit]")
        await page.wait_for_url(re.compile(r".*/admin/events/\d+$"))
        assert await page.inner_text("#notice") == t("de", "dashboard.events.notice.created")
        assert "KI-Stammtisch <Siegen>" in await page.inner_text("h1")
        await photo(page, shots, "event")
        await page.goto(f"{bot.settings.public_url}/admin/events")
        await photo(page, shots, "events")
        listing = await bot.say(ANNA, "/termine")
        assert any("KI-Stammtisch <Siegen>" in m.text for m in listing)
        await page.context.close()


async def test_a_new_event_with_only_its_start_changed_ends_two_hours_later(
    browser: Browser, make_settings: Callable[..., Settings], shots: Path
) -> None:
    """The form fills in Beginn and Ende; moving only Beginn to another day is not refused
    ("Das Ende muss nach dem Beginn liegen"): the untouched end follows the start."""
    async with dashboard_bot(make_settings) as bot:
        page, _ = await sign_in(bot, browser)
        await page.goto(f"{bot.settings.public_url}/admin/events/new")
        suggested_end = await page.input_value("#end")
        day = (utcnow() + timedelta(days=30)).astimezone(bot.settings.zone)
        await page.fill("#title", "Werkstattgespräch")
        await page.fill("#start", f"{day:%Y-%m-%d}T10:00")
        await page.click("#event-form button[type=submit]")
        await page.wait_for_url(re.compile(r".*/admin/events/\d+$"))
        assert await page.inner_text("#notice") == t("de", "dashboard.events.notice.created")
        [event] = await bot.services.store.events.all()
        start = event.start.astimezone(bot.settings.zone)
        assert f"{start:%Y-%m-%dT%H:%M}" == f"{day:%Y-%m-%d}T10:00"
        assert not suggested_end.startswith(f"{day:%Y-%m-%d}")  # the end was another day
        assert event.end - event.start == timedelta(hours=2)
        await page.context.close()


async def test_a_broadcast_to_a_topic_previews_its_subscribers(
    browser: Browser, make_settings: Callable[..., Settings], shots: Path
) -> None:
    async with dashboard_bot(make_settings) as bot:
        store = bot.services.store
        topic = await store.topics.create("Wasserstoff", "")
        await store.topics.create("Robotik", "")
        subscribers = []
        for offset in range(3):
            subscribers.append(await bot.member(510 + offset, f"Mitglied {offset}"))
            await store.topics.subscribe(subscribers[-1], topic.id)
        await bot.member(520, "Ohne Abo")
        page, _ = await sign_in(bot, browser)
        await page.goto(f"{bot.settings.public_url}/admin/broadcasts/new")
        await page.check("input[name=kind][value=topic]")
        await page.select_option("#topic_id", str(topic.id))
        live = tn("de", "dashboard.broadcasts.recipients", 3)
        await page.wait_for_function(
            "text => document.getElementById('live-count').textContent === text", arg=live
        )  # the small script (allowed by the CSP nonce) asked /admin/broadcasts/count
        await page.fill(
            "#text", "*Einladung* zum _Wasserstoff-Tag_: [Anmeldung](https://example.org)"
        )
        await photo(page, shots, "broadcast-compose")
        await page.click("#preview-button")
        count = await page.get_attribute("#recipient-count", "data-count")
        assert count == str(len(await store.topics.subscriber_ids(topic.id))) == "3"
        assert await page.get_attribute("#message a", "href") == "https://example.org"
        assert await page.inner_text("#message em") == "Wasserstoff-Tag"
        await photo(page, shots, "broadcast-preview")
        async with page.expect_request(lambda r: r.method == "POST") as sending:
            await page.click("#send-now")
        await page.wait_for_url(re.compile(r".*/admin/broadcasts/\d+$"))
        assert await page.inner_text("#notice") == t("de", "dashboard.broadcasts.notice.sent")
        broadcast_id = int(page.url.split("/")[-1])
        await bot.outbox_report(f"broadcast:{broadcast_id}", {"sent": 3}, within=10)
        # back to the preview and "Jetzt senden" again: the first broadcast's report
        await resend_after_going_back(page, await sending.value)
        await page.wait_for_url(re.compile(rf".*/admin/broadcasts/{broadcast_id}$"))
        again = t("de", "dashboard.broadcasts.notice.resubmitted")
        assert await page.inner_text("#notice") == again
        assert [b.id for b in await store.broadcasts.recent()] == [broadcast_id]
        # the subscribers, once each; the admin's delivery report (which quotes the start)
        # may follow
        received = [m.chat_id for m in bot.fake.sent if "Einladung" in m.text]
        assert sorted(set(received) - {ADMIN["id"]}) == [510, 511, 512]
        assert len([c for c in received if c != ADMIN["id"]]) == 3
        await page.reload()
        await photo(page, shots, "broadcast")
        await page.goto(f"{bot.settings.public_url}/admin/broadcasts")
        await photo(page, shots, "broadcasts")
        event = await add_event(bot.services, title="Wasserstoff-Tag", capacity=2)
        occ = next_occurrence(event, {}, utcnow())
        assert occ is not None
        for member_id, answer in zip(subscribers, ("yes", "yes", "yes"), strict=True):
            await events_service(bot.services).answer(occ, member_id, answer)
        await page.goto(f"{bot.settings.public_url}/admin/")
        assert await page.inner_text("#active-count") == "5"
        await photo(page, shots, "overview")
        await page.set_viewport_size({"width": 390, "height": 760})
        await photo(page, shots, "overview-phone")
        await page.context.close()


async def test_approving_a_pending_member_tells_them_in_chat(
    browser: Browser, make_settings: Callable[..., Settings], shots: Path
) -> None:
    async with dashboard_bot(make_settings, approval_required=True) as bot:
        store = bot.services.store
        pending = await store.members.create(
            name="Bernd Neu", company="Neu AG", region="Hagen", competencies=["Robotik"],
            language="de", status="pending",
        )  # fmt: skip
        await store.members.add_identity(pending.id, "telegram", "530", "530")
        group = await store.groups.create("AG Robotik", "Roboter im Mittelstand", "open", None, "t")
        await store.groups.join(group.id, pending.id)
        await store.topics.create("Robotik", "Roboter und Automatisierung")
        page, _ = await sign_in(bot, browser)
        await page.goto(f"{bot.settings.public_url}/admin/members?status=pending")
        await photo(page, shots, "members")
        await page.click(f"#member-{pending.id} button.primary")
        await page.wait_for_selector("#notice")
        assert "Bernd Neu" in await page.inner_text("#notice")
        welcome = t("de", "approval.welcome")
        await wait_for(lambda: any(m.chat_id == 530 and m.text == welcome for m in bot.fake.sent))
        member = await store.members.get(pending.id)
        assert member is not None and member.status == "active"
        for path, name in (("/admin/topics", "topics"), (f"/admin/groups/{group.id}", "group"),
                           ("/admin/audit", "audit")):  # fmt: skip
            await page.goto(bot.settings.public_url + path)
            await photo(page, shots, name)
        await page.context.close()


# accessibility -----------------------------------------------------------------------------

AXE = ROOT / ".venv" / "axe.min.js"  # `make test` unpacks it from the npm registry (Makefile)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1100, 360)


async def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA findings on the page as it is, one line each.

    Injected through the DevTools protocol (``evaluate``), which the page's strict CSP does
    not govern: no inline script is allowed into the page itself."""
    assert AXE.exists(), f"{AXE} is missing: `make test` (or `make .venv/.axe-*`) fetches it"
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.evaluate(AXE.read_text(encoding="utf-8"))
    found = await page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then(result => result.violations.map(v => v.id + " (" + v.impact + "): "
                + v.help + " at " + v.nodes.map(n => n.target.join(" ")).join(", ")))""",
        WCAG_TAGS,
    )
    return list(found)


async def assert_accessible(page: Page, folder: Path, name: str) -> None:
    """No axe violation at a desktop's and a phone's width; a photo at each."""
    for width in WIDTHS:
        await page.set_viewport_size({"width": width, "height": 760})
        found = await axe_violations(page)
        assert not found, f"{name} at {width}px:\n" + "\n".join(found)
        await photo(page, folder, f"a11y-{name}-{width}")
    await page.set_viewport_size({"width": WIDTHS[0], "height": 760})


async def test_every_page_passes_axe_at_desktop_and_phone_width(
    browser: Browser, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    """Every page and refused form, photographed at both widths into pytest's temporary
    folder (kept for the last runs), never into the README's screenshots."""
    shots = tmp_path
    async with dashboard_bot(make_settings, approval_required=True) as bot:
        store = bot.services.store
        base = bot.settings.public_url
        topic = await store.topics.create("Wasserstoff", "H2 in der Region")
        await store.topics.create("Robotik", "")
        member_id = await bot.member(501, "Anna Muster")
        await store.topics.subscribe(member_id, topic.id)
        pending = await store.members.create(
            name="Bernd Neu", company="Neu AG", region="Hagen", competencies=["Robotik"],
            language="de", status="pending",
        )  # fmt: skip
        await store.members.add_identity(pending.id, "telegram", "530", "530")
        group = await store.groups.create("AG Robotik", "Roboter im Mittelstand", "open", None, "t")
        await store.groups.join(group.id, member_id)
        event = await add_event(bot.services, title="Wasserstoff-Tag", capacity=2)
        occ = next_occurrence(event, {}, utcnow())
        assert occ is not None
        await events_service(bot.services).answer(occ, member_id, "yes")
        page, link = await sign_in(bot, browser)
        # a broadcast, sent as staff send it
        await page.goto(f"{base}/admin/broadcasts/new")
        await page.fill("#text", "Einladung zum *Wasserstoff-Tag*")
        await assert_accessible(page, shots, "broadcast-compose")
        await page.click("#preview-button")
        await assert_accessible(page, shots, "broadcast-preview")
        await page.click("#send-now")
        await page.wait_for_url(re.compile(r".*/admin/broadcasts/\d+$"))
        await assert_accessible(page, shots, "broadcast")
        pages = {
            "overview": "/admin/",
            "members": "/admin/members",
            "members-pending": "/admin/members?status=pending",
            "events": "/admin/events?all=1",
            "event": f"/admin/events/{event.id}",
            "event-new": "/admin/events/new",
            "event-edit": f"/admin/events/{event.id}/edit",
            "event-import": "/admin/events/import",
            "attendees": f"/admin/events/{event.id}/attendees",
            "event-cancel": f"/admin/events/{event.id}/cancel?date=all",
            "broadcasts": "/admin/broadcasts",
            "topics": "/admin/topics",
            "group": f"/admin/groups/{group.id}",
            "audit": "/admin/audit",
            "unknown": "/admin/gibt-es-nicht",
            "unknown-event": "/admin/events/999",
        }
        for name, path in pages.items():
            await page.goto(base + path)
            await assert_accessible(page, shots, name)
        # an unknown page: a German page with the navigation, status 404
        answer = await page.goto(f"{base}/admin/gibt-es-nicht")
        assert answer is not None and answer.status == 404
        assert await page.inner_text("h1") == t("de", "dashboard.error.not_found_title")
        assert await page.locator("header nav a").count() == 8
        # at a phone's width the members are cards: status and actions on the screen
        await page.goto(f"{base}/admin/members?status=pending")
        await page.set_viewport_size({"width": 360, "height": 760})
        for selector in (f"#member-{pending.id} button.primary",
                         f"#member-{pending.id} form[action$=decline] button",
                         f"#member-{pending.id} .badge"):  # fmt: skip
            box = await page.locator(selector).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
        await photo(page, shots, "members-phone")
        await page.set_viewport_size({"width": 1100, "height": 760})
        # the error states: refused forms
        await page.goto(f"{base}/admin/events/new")
        await page.fill("#title", "")
        await page.eval_on_selector("#title", "field => field.removeAttribute('required')")
        await page.click("#event-form button[type=submit]")
        await page.wait_for_selector("#problem")
        # the summary has the focus and links to the field, which says it is wrong
        assert await page.evaluate("document.activeElement.id") == "problem"
        assert await page.get_attribute("#problem a", "href") == "#title"
        assert await page.get_attribute("#title", "aria-invalid") == "true"
        assert await page.get_attribute("#title", "aria-describedby") == "title-error"
        message = await page.inner_text("#title-error")
        assert message and message == await page.inner_text("#problem a")
        await assert_accessible(page, shots, "event-new-refused")
        await page.goto(f"{base}/admin/broadcasts/new")
        await page.fill("#text", "")
        await page.click("#preview-button")
        await page.wait_for_selector("#problem")
        await assert_accessible(page, shots, "broadcast-compose-refused")
        await page.goto(f"{base}/admin/topics")
        await page.fill("#topic-name", "Wasserstoff")
        await page.click("#topic-name ~ button, form[action='/admin/topics/new'] button")
        await page.wait_for_selector("#problem")
        await assert_accessible(page, shots, "topics-refused")
        await page.goto(f"{base}/admin/groups/{group.id}")
        await page.fill("#moderator", "Niemand Bekanntes")
        await page.click("form[action$='/moderators'] button.primary")
        await page.wait_for_selector("#problem")
        await assert_accessible(page, shots, "group-refused")
        await page.goto(f"{base}/admin/events/import")
        await page.click("form[action='/admin/events/import'] button.primary")
        await page.wait_for_selector("#problem")
        await assert_accessible(page, shots, "event-import-refused")
        await page.context.close()
        # signed out: the sign-in hint, a sign-in link, a used one
        other = await browser.new_context(locale="de-DE")
        anonymous = await other.new_page()
        await anonymous.goto(f"{base}/admin/signin")
        await assert_accessible(anonymous, shots, "signin")
        await anonymous.goto(link)
        await assert_accessible(anonymous, shots, "login-used")
        await other.close()


async def tab_to(page: Page, selector: str, presses: int = 60) -> None:
    """Press Tab until the focus is on ``selector``, as a keyboard user would."""
    for _ in range(presses):
        await page.keyboard.press("Tab")
        if await page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {presses} presses of Tab")


async def test_creating_an_event_and_sending_a_broadcast_by_keyboard_on_a_phone(
    browser: Browser, make_settings: Callable[..., Settings], shots: Path
) -> None:
    """Tab, Enter, Space and typing only, at 360 pixels; each step photographed into
    ``keyboard/`` of the screenshot folder."""
    shots = shots / "keyboard"
    shots.mkdir(exist_ok=True)
    async with dashboard_bot(make_settings) as bot:
        await bot.member(501, "Anna Muster")
        await bot.services.store.topics.create("Wasserstoff", "")
        page, _ = await sign_in(bot, browser)
        await page.set_viewport_size({"width": 360, "height": 760})
        # the first stop skips the navigation: the next one is in the content
        await page.keyboard.press("Tab")
        assert await page.evaluate("document.activeElement.className") == "skip"
        await photo(page, shots, "keyboard-1-skip-link")
        await page.keyboard.press("Enter")
        assert await page.evaluate("document.activeElement.id") == "content"
        # a new event; a title too short first
        await tab_to(page, "nav a[href='/admin/events']")
        await page.keyboard.press("Enter")
        await page.wait_for_url("**/admin/events")
        await tab_to(page, "a[href='/admin/events/new']")
        await page.keyboard.press("Enter")
        await page.wait_for_url("**/admin/events/new")
        await tab_to(page, "#title")
        await page.keyboard.type("K")
        await tab_to(page, "#where")
        await page.keyboard.type("Siegen, Technologiezentrum")
        await tab_to(page, "#topics input[type=checkbox]")
        await page.keyboard.press("Space")
        await photo(page, shots, "keyboard-2-event-form")
        await tab_to(page, "#event-form button[type=submit]")
        await page.keyboard.press("Enter")
        await page.wait_for_selector("#problem")
        assert await page.evaluate("document.activeElement.id") == "problem"
        await photo(page, shots, "keyboard-3-event-refused")
        await page.keyboard.press("Tab")  # the summary's link to the field
        await page.keyboard.press("Enter")
        assert await page.evaluate("document.activeElement.id") == "title"
        await page.keyboard.press("Control+A")
        await page.keyboard.type("KI-Stammtisch")
        await tab_to(page, "#event-form button[type=submit]")
        await page.keyboard.press("Enter")
        await page.wait_for_url(re.compile(r".*/admin/events/\d+$"))
        assert "KI-Stammtisch" in await page.inner_text("h1")
        await photo(page, shots, "keyboard-4-event")
        event = (await bot.services.store.events.all())[0]
        assert event.title == "KI-Stammtisch" and event.location == "Siegen, Technologiezentrum"
        assert await bot.services.store.events.topic_ids(event.id)
        # a broadcast to everyone
        await tab_to(page, "nav a[href='/admin/broadcasts']")
        await page.keyboard.press("Enter")
        await page.wait_for_url("**/admin/broadcasts")
        await tab_to(page, "a[href='/admin/broadcasts/new']")
        await page.keyboard.press("Enter")
        await page.wait_for_url("**/admin/broadcasts/new")
        await tab_to(page, "#text")
        await page.keyboard.type("Einladung zum KI-Stammtisch in Siegen")
        await photo(page, shots, "keyboard-5-broadcast-compose")
        await tab_to(page, "#preview-button")
        await page.keyboard.press("Enter")
        await page.wait_for_selector("#send-now")
        await photo(page, shots, "keyboard-6-broadcast-preview")
        await tab_to(page, "#send-now")
        await page.keyboard.press("Enter")
        await page.wait_for_url(re.compile(r".*/admin/broadcasts/\d+$"))
        await photo(page, shots, "keyboard-7-broadcast-sent")
        broadcast_id = int(page.url.split("/")[-1].split("?")[0])
        await bot.outbox_report(f"broadcast:{broadcast_id}", {"sent": 2}, within=10)
        assert any(m.chat_id == 501 and "KI-Stammtisch" in m.text for m in bot.fake.sent)
        await page.context.close()
