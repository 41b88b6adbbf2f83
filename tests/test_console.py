"""The console as a place to try things: files land in a folder and are named by their
path, numbers choose buttons as taps do on Telegram (also an earlier message's, while no
form waits for text), messages to other people are a one-line note or hidden, and the
console's own lines speak the reader's language."""

from __future__ import annotations

import asyncio
import io
import json
import re
from pathlib import Path

import pytest

from bot.adapters.console import ConsoleAdapter, ConsoleUser, Others
from bot.models import Button, ChatKind, Document, Incoming, Outgoing
from storage import Store
from tests.test_cli_console import _run

REGISTER_DE = "/start\n1\nAnna Muster\nMuster GmbH\n5\nKI, Robotik\n1\n"
REGISTER_EN = "/start\n2\nAnna Muster\nMuster GmbH\n5\nAI\n1\n"


def _saved(stdout: str, label: str, suffix: str) -> Path:
    found = re.findall(rf"📎 {label}: (\S+{re.escape(suffix)})$", stdout, re.MULTILINE)
    assert found, stdout
    return Path(found[-1])


def test_files_are_written_to_a_folder_and_shown_with_their_path(tmp_path: Path) -> None:
    db = tmp_path / "kp.sqlite3"
    assert _run(db, ["demo-data"]).returncode == 0
    # the first date, its .ics, then "◂ Zur Liste" of the card above the file (number 5)
    result = _run(db, ["run", "--console-user", "anna"], stdin=REGISTER_DE + "/termine\n1\n4\n5\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "(file:" not in out and "Ctrl-D" not in out
    assert out.startswith("Knotenpunkt in der Konsole, Sie sind „anna“.") and "Strg-D" in out
    ics = _saved(out, "Datei gespeichert", ".ics")
    assert ics.parent == tmp_path / "knotenpunkt-files"  # next to the store by default
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert ics.stat().st_mode & 0o077 == 0
    after_file = out.split(str(ics), 1)[1]
    assert "[◂ Zur Liste]" in after_file and "Die nächsten" in after_file
    assert "keine Frage an Sie offen" not in out


def test_an_english_member_gets_the_data_export_in_the_chosen_folder(tmp_path: Path) -> None:
    db, folder = tmp_path / "kp.sqlite3", tmp_path / "downloads"
    _run(db, ["run", "--console-user", "bob"], stdin=REGISTER_EN)
    result = _run(db, ["run", "--console-user", "bob", "--files", str(folder)], stdin="/mydata\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Knotenpunkt in the console, you are “bob”.")
    assert "Ctrl-D quits" in result.stdout
    export = _saved(result.stdout, "File saved", ".json")
    assert export.parent == folder
    assert "Anna Muster" in json.dumps(json.loads(export.read_text(encoding="utf-8")))


async def _member(db: Path, user: str, name: str) -> None:
    store = await Store.open(db)
    try:
        member = await store.members.create(
            name=name, company="Muster GmbH", region="Hagen", competencies=[], language="de"
        )
        await store.members.add_identity(member.id, "console", user, user, user)
    finally:
        await store.close()


@pytest.mark.parametrize("others", ["note", "hide"])
async def test_a_broadcast_to_others_is_a_short_note_or_hidden(tmp_path: Path, others: str) -> None:
    db = tmp_path / "kp.sqlite3"
    await _member(db, "chef", "Chef Admin")
    await _member(db, "anna", "Anna Muster")
    text = (
        "Einladung zum Sommerfest am Freitag auf dem Gelände der Muster GmbH in Hagen, ab 17 Uhr."
    )
    # all members, the text, "Sofort", then "Jetzt senden" in the preview
    script = f"/rundschreiben\n1\n{text}\n1\n1\n"
    result = await asyncio.to_thread(
        _run,
        db,
        ["run", "--console-user", "chef", "--others", others],
        script,
        KNOTENPUNKT_ADMINS="console:chef",
    )
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith("→")]
    if others == "hide":
        assert notes == []
    else:
        [note] = notes
        assert note.startswith("→ an anna: 📣 Mitteilung von Knotenpunkt – Einladung zum Sommer")
        assert note.endswith("…") and len(note) < 100
    assert "--- message to" not in result.stdout
    assert result.stdout.count(text) == 2  # the preview and chef's own copy, not anna's


class Console:
    """The adapter reading a script from its input, with a handler that answers from a
    table; ``/form`` opens a form that waits for typed text, as a wizard does."""

    def __init__(self, answers: dict[str, list[Outgoing]], others: Others = "note") -> None:
        self.answers = answers
        self.seen: list[Incoming] = []
        self.answering = False
        self.out = io.StringIO()
        self.others = others

    async def run(self, script: str, files: Path | None = None) -> list[Incoming]:
        finished = asyncio.Event()

        async def eof() -> None:
            finished.set()

        self.adapter = ConsoleAdapter(
            self.handle,
            "anna",
            io.StringIO(script),
            self.out,
            eof,
            files=files,
            others=self.others,
            lookup=self.me,
        )
        await self.adapter.start()
        await asyncio.wait_for(finished.wait(), 5)
        return self.seen

    async def me(self) -> ConsoleUser:
        return ConsoleUser(language="en", answering=self.answering)

    async def handle(self, incoming: Incoming) -> list[Outgoing]:
        self.seen.append(incoming)
        if incoming.text == "/form":
            self.answering = True
            return [Outgoing(text="How many seats?")]
        key = incoming.text if incoming.text is not None else f"{incoming.action}:"
        return self.answers.get(key, [])


CARD = Outgoing(
    text="card",
    buttons=[[Button(label="ics", action="ics"), Button(label="back", action="back")]],
)
FILE = Outgoing(text="file", document=Document(filename="x.ics", content=b"x"))


def _what(seen: list[Incoming]) -> list[str]:
    return [f"{i.action}:" if i.is_action else str(i.text) for i in seen]


async def test_an_earlier_messages_buttons_work_until_a_form_waits_for_text(
    tmp_path: Path,
) -> None:
    console = Console({"/card": [CARD], "ics:": [FILE]})
    # the card, its file (no buttons), "back" of the card; then a form: "2" is its answer;
    # the buttons of the latest answer are always buttons
    seen = await console.run("/card\n1\n2\n/card\n/form\n2\n/card\n2\n", tmp_path)
    assert _what(seen) == ["/card", "ics:", "back:", "/card", "/form", "2", "/card", "back:"]
    assert (tmp_path / "x.ics").read_bytes() == b"x"
    assert f"📎 File saved: {tmp_path / 'x.ics'}" in console.out.getvalue()


async def test_a_replaced_message_without_buttons_takes_its_numbers_along() -> None:
    console = Console({"/card": [CARD], "back:": [Outgoing(text="gone", replace=True)]})
    seen = await console.run("/card\n2\n1\n")
    assert _what(seen) == ["/card", "back:", "1"]


async def test_only_ascii_digits_choose_a_button() -> None:
    console = Console({"/card": [CARD]})
    seen = await console.run("/card\n²\n1²\n0\n3\n99999999999999999999999\n 2 \n")
    assert _what(seen) == ["/card", "²", "1²", "0", "3", "99999999999999999999999", "back:"]


async def test_notes_about_others_in_the_readers_language_or_none() -> None:
    message = Outgoing(title="📣 News", text="First line\nsecond line")
    shown = Console({})
    await shown.run("")
    await shown.adapter.send("chef", ChatKind.PRIVATE, message)
    assert shown.out.getvalue().splitlines()[-1] == "→ to chef: 📣 News – First line"
    hidden = Console({}, others="hide")
    await hidden.run("")
    before = hidden.out.getvalue()
    await hidden.adapter.send("chef", ChatKind.PRIVATE, message)
    assert hidden.out.getvalue() == before
    await hidden.adapter.send("anna", ChatKind.PRIVATE, message)  # to the reader: in full
    assert "second line" in hidden.out.getvalue()
