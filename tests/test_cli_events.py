"""``knotenpunkt event …`` as the network team uses it: an import that hangs, an entry
without a start, the same refusals as the chat wizard, lists without the past, an attendee
list nobody is on, and a CSV that German Excel opens."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web

from bot.cli import event as event_cli
from bot.i18n import examples
from bot.services import Services
from bot.settings import Settings
from handlers.events.importer import fetch
from storage.db import utcnow
from tests.events_support import add_event, first_card, member
from tests.helpers import Person
from tests.test_events_ics import calendar, conference

YEAR = datetime.now(UTC).year + 1


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    event_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["event", *argv])
    return int(await args.func(args, settings))


@pytest.fixture
async def slow_server() -> AsyncIterator[str]:
    """Answers /hang never, and /chunks in three pieces."""

    async def hang(request: web.Request) -> web.Response:
        await asyncio.sleep(30)
        return web.Response(text="late")

    async def chunks(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/calendar"})
        await response.prepare(request)
        body = calendar(conference())
        for start in range(0, len(body), 100):
            await response.write(body[start : start + 100])
            await asyncio.sleep(0.01)
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_get("/hang.ics", hang)
    app.router.add_get("/chunks.ics", chunks)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


# import -----------------------------------------------------------------------------


async def test_an_import_that_hangs_times_out_naming_the_url(
    settings: Settings, slow_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{slow_server}/hang.ics"
    started = asyncio.get_running_loop().time()
    assert await cli(settings, "import", url, "--timeout", "0.5") == 1
    assert asyncio.get_running_loop().time() - started < 5
    err = capsys.readouterr().err.strip()
    assert err == f"knotenpunkt event: {url}: no complete answer within 0.5 s"


async def test_progress_is_reported_while_reading(slow_server: str) -> None:
    seen: list[int] = []
    data = await fetch(f"{slow_server}/chunks.ics", progress=lambda got, total: seen.append(got))
    assert data.startswith(b"BEGIN:VCALENDAR") and len(seen) >= 2 and seen[-1] == len(data)
    assert seen == sorted(seen)


async def test_not_icalendar_is_refused_without_echo_and_no_start_is_skipped(
    app: Services, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "login.html"
    page.write_text("<html><body>password: hunter2</body></html>", encoding="utf-8")
    assert await cli(settings, "import", str(page)) == 1
    err = capsys.readouterr().err
    assert "is not an iCalendar file" in err and "hunter2" not in err

    no_start = "BEGIN:VEVENT\r\nUID:ohne-start@example.org\r\nSUMMARY:Ohne Beginn\r\nEND:VEVENT"
    feed = tmp_path / "events.ics"
    feed.write_bytes(calendar(conference(), no_start))
    assert await cli(settings, "import", str(feed)) == 0
    out, err = capsys.readouterr()
    assert "1 created" in out and "1 skipped" in out
    assert "skipped „Ohne Beginn“ (ohne-start@example.org): no DTSTART (start)" in err


# one validation for chat and CLI ----------------------------------------------------------


async def _wizard_reply(app: Services, steps: list[str]) -> str:
    """The complaint the (English) wizard gives to the last of ``steps``."""
    admin = Person(app.core, "admin", language_hint="en")
    await admin.say("/cancel")
    await admin.say("/newevent")
    await admin.say("Demo")
    replies: list = []
    for step in steps:
        replies = await admin.say(step)
    # the complaint, then the question: one message when the question has buttons to keep
    assert len(replies) in (1, 2), [r.text for r in replies]
    return replies[0].text if len(replies) == 2 else replies[0].text.rsplit("\n\n", 1)[0]


@pytest.mark.parametrize(
    ("wizard", "argv"),
    [
        (["31.02.2027 18:00"], ["--start", "31.02.2027 18:00"]),
        (["01.01.2020 10:00"], ["--start", "01.01.2020 10:00"]),
        (["morgen"], ["--start", "morgen"]),
        ([f"03.12.{YEAR + 5} 10:00"], ["--start", f"03.12.{YEAR + 5} 10:00"]),
        ([f"03.12.{YEAR} 18:00", "09:00"], ["--start", f"03.12.{YEAR} 18:00", "--end", "09:00"]),
        ([f"03.12.{YEAR} 18:00", "0m"], ["--start", f"03.12.{YEAR} 18:00", "--duration", "0m"]),
        ([f"03.12.{YEAR} 18:00", "20d"], ["--start", f"03.12.{YEAR} 18:00", "--duration", "20d"]),
        ([f"03.12.{YEAR} 18:00", "lange"], ["--start", f"03.12.{YEAR} 18:00", "--end", "lange"]),
    ],
)
async def test_cli_and_wizard_refuse_with_the_same_message(
    app: Services,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
    wizard: list[str],
    argv: list[str],
) -> None:
    chat = await _wizard_reply(app, wizard)
    capsys.readouterr()
    assert await cli(settings, "add", "--title", "Demo", *argv) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"knotenpunkt event: {chat}"
    assert "cannot read the time" not in err


async def test_capacity_and_rule_are_refused_alike(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    start = f"03.12.{YEAR} 18:00"
    before_capacity = [start, "2h", "-", "-", "Webinar"]
    chat = await _wizard_reply(app, [*before_capacity, "0"])
    assert await cli(settings, "add", "--title", "D", "--start", start, "--capacity", "0") == 1
    assert capsys.readouterr().err.strip() == f"knotenpunkt event: {chat}"
    chat = await _wizard_reply(app, [*before_capacity, "-", "FREQ=HOURLY"])
    assert (
        await cli(settings, "add", "--title", "D", "--start", start, "--rrule", "FREQ=HOURLY") == 1
    )
    assert capsys.readouterr().err.strip() == f"knotenpunkt event: {chat}"
    chat = await _wizard_reply(app, [start, "2h", "-", "-", "party"])
    assert "Unknown format. Possible: Meet-up, Webinar" in chat  # the labels the reader sees


# list, attendees, CSV ---------------------------------------------------------------


async def test_list_leaves_out_past_events_unless_all(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    long_ago = utcnow().replace(microsecond=0) - timedelta(days=90)
    await add_event(app, "Vorbei", start=long_ago)
    await add_event(app, "Serie vorbei", start=long_ago, rrule="FREQ=WEEKLY;COUNT=2")
    await add_event(app, "Kommt noch", rrule="FREQ=MONTHLY;BYDAY=2TU")
    assert await cli(settings, "list") == 0
    out = capsys.readouterr().out
    assert "Kommt noch" in out and "Monthly on the 2nd Tuesday" in out
    assert "Vorbei" not in out and "Serie vorbei" not in out
    assert await cli(settings, "list", "--all") == 0
    out = capsys.readouterr().out
    assert "Vorbei" in out and "Serie vorbei" in out and "no upcoming date" in out


async def test_attendees_with_nobody_and_a_bad_date(
    app: Services, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    event = await add_event(app, "Leer")
    assert await cli(settings, "attendees", str(event.id)) == 0
    assert capsys.readouterr().out.strip() == f"nobody has answered event {event.id} (Leer) yet"
    assert await cli(settings, "attendees", str(event.id), "--date", "garbage") == 1
    err = capsys.readouterr().err.strip()
    day = examples()["ex_date_iso"]
    assert err == f"knotenpunkt event: “garbage” is not a date like {day}."
    assert await cli(settings, "attendees", str(event.id), "--date", "01.01.2000") == 1
    assert "“Leer” does not take place on 01.01.2000" in capsys.readouterr().err


async def test_attendee_csv_opens_in_german_excel(
    app: Services, settings: Settings, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    event = await add_event(app, "Stammtisch; Süd")
    for user, name in (("jo", "Jörg Müller"), ("eve", "=HYPERLINK(1)")):
        person = await member(app, user, name)
        await person.tap((await first_card(person)).buttons[0][0])  # Zusage
    assert await cli(settings, "attendees", str(event.id), "--csv") == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["event_id", "title", "date", "name"]
    assert {r[3] for r in rows[1:]} == {"Jörg Müller", "'=HYPERLINK(1)"}  # no formula
    assert all(r[1] == "Stammtisch; Süd" for r in rows[1:])
    assert data.count(b"\r\n") == 3

    assert await cli(settings, "attendees", str(event.id), "--format", "csv") == 0
    plain = capsysbinary.readouterr().out
    assert not plain.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(plain.decode("utf-8"))))
    assert {r[3] for r in rows[1:]} == {"Jörg Müller", "=HYPERLINK(1)"}
