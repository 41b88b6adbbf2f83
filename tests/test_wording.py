"""Messages that say what is actually the case: what is wrong with a code, an update nobody
else could get, and a calendar entry that is over."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.services import Services
from bot.settings import Settings
from storage import Store
from storage.db import utcnow
from tests.dashboard_support import LINK, running_dashboard
from tests.events_support import member
from tests.groups_support import console_member, make_group
from tests.helpers import Person
from tests.test_dashboard_actions import post
from tests.test_events_ics import BERLIN, calendar, run_cli, vevent


@pytest.mark.parametrize(
    ("language", "command", "characters", "length"),
    [
        (
            "Deutsch",
            "/verknuepfen",
            "„ABCDEF“ ist kein gültiger Code: Ein Code enthält nie B.",
            "„K7M“ ist kein gültiger Code: Ein Code hat genau 6 Zeichen, z. B. K7M4QX, "
            "dieser hat 3.",
        ),
        (
            "English",
            "/link",
            "“ABCDEF” is not a valid code: a code never contains B.",
            "“K7M” is not a valid code: a code has exactly 6 characters, e.g. K7M4QX; "
            "this one has 3.",
        ),
    ],
)
async def test_a_refused_code_says_what_is_wrong_with_it(
    app: Services, language: str, command: str, characters: str, length: str
) -> None:
    anna = await member(app, "anna", "Anna Muster", language=language)
    [answer] = await anna.say(f"{command} ABCDEF")  # six characters, but B is never used
    assert answer.text.startswith(characters), answer.text
    [answer] = await anna.say(f"{command} 0ob8ef")
    assert "0, O, B, 8." in answer.text  # each character no code has, once
    [answer] = await anna.say(f"{command} K7M")
    assert answer.text.startswith(length), answer.text


@pytest.mark.parametrize(
    ("language", "alone", "later"),
    [
        (
            "de",
            "Gespeichert. Außer Ihnen ist noch niemand in „AG Wasserstoff“, deshalb hat die "
            "Neuigkeit niemand bekommen. Wer beitritt, sieht sie unter /gruppen.",
            "Gespeichert. 1 weiteres Mitglied sieht die Neuigkeit später",
        ),
        (
            "en",
            "Saved. Nobody else is in “AG Wasserstoff” yet, so nobody has received it.",
            "Saved. 1 other member sees it later",
        ),
    ],
)
async def test_an_update_to_a_group_with_nobody_else_says_so(
    app: Services, language: str, alone: str, later: str
) -> None:
    anna_id = await console_member(app.store, "anna", "Anna Muster", language=language)
    group = await make_group(app.store, app.settings, members=(anna_id,))
    anna = Person(app.core, "anna")
    await anna.say("/update Wir treffen uns im Januar")
    await anna.press("AG Wasserstoff")
    [sent] = await anna.say("ja" if language == "de" else "yes")
    assert sent.text.startswith(alone), sent.text
    assert " 0 " not in sent.text

    bob_id = await console_member(app.store, "bob", "Bob Builder")
    await app.store.groups.join(group.id, bob_id)
    await app.store.groups.set_level(group.id, bob_id, "digest")
    await anna.say("/update Und im Februar")
    await anna.press("AG Wasserstoff")
    [sent] = await anna.say("ja" if language == "de" else "yes")
    assert sent.text.startswith(later), sent.text


def _past_and_coming() -> bytes:
    now = utcnow().astimezone(BERLIN)
    over, coming = now - timedelta(days=30), now + timedelta(days=30)
    return calendar(
        vevent("over@example.org", "Sommerfest", f"{over:%Y%m%dT180000}", f"{over:%Y%m%dT200000}"),
        vevent("next@example.org", "Herbstforum", f"{coming:%Y%m%dT180000}",
               f"{coming:%Y%m%dT200000}"),
    )  # fmt: skip


async def test_the_import_counts_a_past_event_as_past_not_created(
    settings: Settings, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = tmp_path / "website.ics"
    feed.write_bytes(_past_and_coming())
    assert await run_cli(settings, "import", str(feed)) == 0
    out = capsys.readouterr().out
    assert "1 created," in out and "1 in the past (not imported)" in out
    assert [e.title for e in await store.events.all()] == ["Herbstforum"]
    assert await run_cli(settings, "import", str(feed)) == 0  # again: still past, not removed
    out = capsys.readouterr().out
    assert "1 unchanged" in out and "1 in the past (not imported)" in out


@pytest.mark.parametrize(
    ("hint", "said"),
    [
        ("de", "Import: 1 neu, 0 geändert, 0 unverändert, 0 abgesagt, 0 übersprungen, "
               "1 in der Vergangenheit (nicht übernommen)."),
        ("en", "Import: 1 created, 0 updated, 0 unchanged, 0 cancelled, 0 skipped, "
               "1 in the past (not imported)."),
    ],
)  # fmt: skip
async def test_the_dashboard_import_says_which_lie_in_the_past(
    make_settings: Callable[..., Settings], hint: str, said: str
) -> None:
    async with running_dashboard(make_settings) as dash:
        admin = dash.person("admin", hint)
        await admin.say("/dashboard")
        found = LINK.search(admin.texts())
        assert found, admin.texts()
        async with dash.browser() as client:
            async with client.post(found.group(1), allow_redirects=False) as response:
                assert response.status == 303
            upload = aiohttp.FormData()
            upload.add_field("file", _past_and_coming(), filename="website.ics")
            status, _, body = await post(client, "/admin/events/import", upload)
        assert status == 200 and said in body
