"""Hostile and odd input: fuzzed button data for every action, argument text for every
command, odd typed numbers.

Every registered action gets arguments like ``²``, forty-digit numbers, ``1:9999…:m`` and
random text, and every command (admin commands run by an admin too) gets argument text
like ``1²``, a 40-digit number, several words with umlauts and FTS5 keywords. None may
end in a traceback or the generic apology, and an answer saying the button is no longer
valid must leave the store exactly as it was.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import App
from bot.arguments import StaleArgument, button_number, number
from bot.i18n import examples, t
from bot.services import Services
from bot.settings import Settings
from handlers.topics import create_topic
from tests.events_support import add_event
from tests.helpers import FakeAdapter, Person

ODD = [
    "",
    "²",
    "¹²",
    "٣",
    "-1",
    "0",
    "1.5",
    " 1",
    "99999999999999999999",
    "9" * 400,
    "1:99999999999999999999",
    "1:99999999999999999999:m",
    "99999999999999999999:1:y",
    "1:1:y",
    "1:²:m",
    "::",
    "yes",
    "done",
    "other",
    "de",
    "\x00",
    "1" * 70,
]
arguments = st.one_of(
    st.sampled_from(ODD),
    st.text(max_size=80),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.lists(
        st.sampled_from(["1", "2", "²", "99999999999999999999", "y", "m", ""]), max_size=4
    ).map(":".join),
)
_SEEN = re.compile(r"'\d{4}-\d\d-\d\dT[\d:.]+Z'")
STALE = {t("de", "input.stale_button"), t("en", "input.stale_button")}
APOLOGY = {t("de", "error.internal"), t("en", "error.internal")}


def snapshot(path: Path) -> list[str]:
    """Everything committed in the store, as SQL (without the "last seen" of identities)."""
    connection = sqlite3.connect(path)
    try:
        return [
            _SEEN.sub("", line) if line.startswith('INSERT INTO "identities"') else line
            for line in connection.iterdump()
        ]
    finally:
        connection.close()


def test_argument_parsing_accepts_ascii_digits_within_bounds() -> None:
    assert number("42") == 42
    assert number("²") is None
    assert number("٣") is None
    assert number("9" * 20) is None
    assert number("7", 1, 5) is None
    with pytest.raises(StaleArgument):
        button_number("99999999999999999999")


def test_fuzzed_button_data_never_crashes_nor_half_writes(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    loop = asyncio.new_event_loop()
    app_settings = make_settings()
    application = App(app_settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])

    async def setup() -> tuple[Services, dict[str, Person]]:
        services = await application.start()
        topic = await create_topic(services.store, "Wasserstoff", "", None)
        await add_event(services, topic_ids=[topic.id])
        people = {name: Person(services.core, name) for name in ("admin", "anna", "neu")}
        await people["admin"].register(name="Ada Admin")
        await people["anna"].register()
        await people["neu"].say("/start")
        return services, people

    services, people = loop.run_until_complete(setup())
    actions = sorted(services.router.actions)
    caplog.set_level(logging.INFO)

    @settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.sampled_from(actions), arguments, st.sampled_from(sorted(people)))
    def press(action: str, arg: str, who: str) -> None:
        before = snapshot(app_settings.db_path)
        caplog.clear()
        person = people[who]
        replies = loop.run_until_complete(
            person.core.handle(person._incoming(action=action, action_arg=arg))
        )
        texts = {reply.text for reply in replies}
        assert not texts & APOLOGY, (action, arg, who)
        assert not any(r.exc_info for r in caplog.records), (action, arg, who)
        if texts & STALE:
            assert snapshot(app_settings.db_path) == before, (action, arg, who)

    try:
        press()
    finally:
        loop.run_until_complete(application.stop())
        loop.close()


async def test_typed_numbers_repeat_the_question(app: Services) -> None:
    neu = Person(app.core, "neu")
    await neu.say("/start")
    await neu.press("Deutsch")
    await neu.say("Nina Neu")
    await neu.say("Neu GmbH")
    for odd in ("²", "99999999999999999999", "٣"):
        await neu.say(odd)
        assert "Region" in neu.texts() and neu.last[0].buttons, neu.texts()
    await neu.say("2")
    assert "Kompetenzen" in neu.texts() or "competenc" in neu.texts().lower(), neu.texts()


COMMAND_ARGUMENTS = [
    "²",
    "1²",
    "#²",
    "9" * 23,
    "9" * 40,
    "#" + "9" * 40,
    "-1",
    "telegram:²",
    "slack:" + "9" * 40,
    "Anna Müller",
    "Kunststoff Lüdenscheid",
    "Pulverbeschichtung für Luftfahrt",
    "Müller & Söhne GmbH & Co. KG",
    '"Groß" (Weiß) AND OR NOT NEAR( * ^ -x:',
    f"{examples()['ex_datetime']} / {examples()['ex_date']}",  # dates as in an e-mail
    "ÄÖÜ ß 🚀 „Zitat“ <b>&amp;</b>",
    "x" * 5000,
    "\x00",
]
command_arguments = st.one_of(st.sampled_from(COMMAND_ARGUMENTS), st.text(max_size=120))


def test_every_command_with_hostile_argument_text_gets_an_answer(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    """Each command, by a member and by an admin, with each odd argument; then fuzzed."""
    loop = asyncio.new_event_loop()
    application = App(
        make_settings(), serve_http=False, adapter_factories=[lambda s: FakeAdapter()]
    )

    async def setup() -> tuple[Services, dict[str, Person]]:
        services = await application.start()
        topic = await create_topic(services.store, "Wasserstoff", "", None)
        await add_event(services, topic_ids=[topic.id])
        people = {name: Person(services.core, name) for name in ("admin", "anna")}
        await people["admin"].register(name="Ada Admin")
        await people["anna"].register(name="Anna Müller", company="Müller & Söhne GmbH")
        return services, people

    services, people = loop.run_until_complete(setup())
    names = sorted({command.name for command in services.router.commands.values()})
    caplog.set_level(logging.INFO)

    def run(name: str, arg: str, who: str) -> None:
        caplog.clear()
        person = people[who]
        replies = loop.run_until_complete(person.say(f"/{name} {arg}"))
        loop.run_until_complete(person.say("/abbrechen"))  # leave no form open
        texts = {reply.text for reply in replies}
        assert not texts & APOLOGY, (name, arg, who)
        assert not any(r.exc_info for r in caplog.records), (name, arg, who)

    @settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.sampled_from(names), command_arguments, st.sampled_from(sorted(people)))
    def fuzz(name: str, arg: str, who: str) -> None:
        run(name, arg, who)

    try:
        for name in names:
            for arg in COMMAND_ARGUMENTS:
                run(name, arg, "admin")
            for arg in COMMAND_ARGUMENTS[:6]:
                run(name, arg, "anna")
        fuzz()
    finally:
        loop.run_until_complete(application.stop())
        loop.close()
