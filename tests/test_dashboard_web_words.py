"""Refusals on the dashboard speak of the form, not of the chat: no command to send, no
„-“ to type, and an empty required field is asked for by name instead of „?“."""

from __future__ import annotations

import importlib
import re
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.i18n import CATALOG, set_german_address, t
from bot.settings import Settings
from handlers.dashboard.tools import web_key
from storage.db import utcnow
from tests.broadcast_support import add_member
from tests.dashboard_support import Dashboard, running_dashboard
from tests.test_dashboard_actions import post

ROOT = Path(__file__).resolve().parent.parent
COMMAND = re.compile(r"(?<![\w/<>.:])/[a-zäöüß_]+\b")
HINT = re.compile(r"[„“\"]\s*[-–]\s*[“”\"]|„\?“|“\?”")  # „-“ for none, „?“ for nothing
SIE_DE = "de"


def chat_words(text: str) -> list[str]:
    return COMMAND.findall(text) + HINT.findall(text)


def problem_of(body: str) -> str:
    """The error the page shows in its summary (its text, tags and heading aside)."""
    found = re.search(r'class="problem"[^>]*>.*?<p>(.*?)</p>', body, re.S)
    assert found, body[:2000]
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def _dashboard_refusals() -> set[str]:
    """Every ``Invalid`` key of the dashboard's modules and of the services and parsers
    they import (read from the source, like the command line's own check)."""
    modules = {f"handlers.dashboard.{p.stem}" for p in (ROOT / "handlers/dashboard").glob("*.py")}
    for source in (ROOT / "handlers/dashboard").glob("*.py"):
        modules |= set(re.findall(r"^\s*from (handlers[\w.]*) import", source.read_text(), re.M))
    keys: set[str] = set()
    for name in modules:
        path = importlib.import_module(name).__file__
        assert path is not None
        keys |= set(re.findall(r'Invalid\(\s*"([\w.]+)"', Path(path).read_text()))
    return keys


@pytest.fixture
def address() -> AsyncIterator[None]:
    yield
    set_german_address("sie")


def test_every_refusal_the_dashboard_shows_has_web_words(address: None) -> None:
    keys = _dashboard_refusals()
    assert {"topics.unknown", "events.bad_rrule", "events.bad_capacity"} <= keys  # scan works
    wrong = []
    for form in ("sie", "du"):
        set_german_address(form)
        for key in sorted(keys):
            params = dict.fromkeys(re.findall(r"{(\w+)[},]", CATALOG[key]["en"]), 1)
            for lang in ("de", "en"):
                text = t(lang, web_key(key), **params)
                if chat_words(text):
                    wrong.append(f"{key} ({lang}, {form}): {text}")
    assert wrong == []


def test_the_chat_keeps_its_own_words() -> None:
    assert "/themen" in t("de", "topics.unknown", topic="X")
    assert web_key("topics.unknown") == "topics.unknown.web"
    assert web_key("events.start_past") == "events.start_past"


@pytest.fixture
async def dash(make_settings: Callable[..., Settings]) -> AsyncIterator[Dashboard]:
    async with running_dashboard(make_settings) as running:
        yield running


async def test_forms_refuse_in_the_words_of_a_form(dash: Dashboard) -> None:
    store = dash.services.store
    topic = await store.topics.create("Wasserstoff", "")
    await add_member(store, "Anna", topics=(topic.id,))
    group = await store.groups.create("AG Fügetechnik", "", "open", None, "t")
    day = (utcnow() + timedelta(days=9)).astimezone(dash.services.settings.zone)
    event = {
        "title": "KI-Stammtisch", "start": f"{day:%Y-%m-%d}T18:00", "end": "", "where": "",
        "format": "meetup", "capacity": "", "repeat": "none", "rrule": "",
    }  # fmt: skip
    draft = {"kind": "topic", "topic_id": "", "region": "", "text": "Hallo", "step": "preview"}
    cases = [
        ("/admin/broadcasts/new", draft, t(SIE_DE, "dashboard.required.topic")),
        (
            "/admin/broadcasts/new",
            {**draft, "topic_id": "9999"},
            t(SIE_DE, "topics.gone"),
        ),
        (
            "/admin/broadcasts/new",
            {**draft, "kind": "region", "topic_id": ""},
            t(SIE_DE, "dashboard.required.region"),
        ),
        (
            "/admin/events/new",
            {**event, "repeat": "custom", "rrule": "jeden zweiten Dienstag"},
            t(SIE_DE, "events.bad_rrule.web", rule="jeden zweiten Dienstag"),
        ),
        (
            "/admin/events/new",
            {**event, "capacity": "viele"},
            t(SIE_DE, "events.bad_capacity.web", max=100_000),
        ),
        ("/admin/events/new", {**event, "start": ""}, t(SIE_DE, "dashboard.required.start")),
        (
            "/admin/events/new",
            {**event, "topics": "9999"},
            t(SIE_DE, "topics.gone"),
        ),
        (
            f"/admin/groups/{group.id}/moderators",
            {"member": ""},
            t(SIE_DE, "dashboard.required.member"),
        ),
        (
            f"/admin/groups/{group.id}/moderators",
            {"member": "@"},
            t(SIE_DE, "dashboard.required.member"),
        ),
    ]
    async with await dash.signed_in() as client:
        for path, fields, wanted in cases:
            status, _, body = await post(client, path, fields)
            assert status == 400, (path, fields)
            shown = problem_of(body)
            assert shown == wanted, (path, fields)
            assert chat_words(shown) == [], (path, fields, shown)
