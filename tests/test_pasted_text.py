"""Text pasted from phones and web pages (issue 32, item 4): the core cleans what people
send once, so invisible characters and decomposed letters never reach a handler, the store
or a search; codes are read out of what was pasted."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.app import App
from bot.cli import main
from bot.core import as_typed
from bot.models import Identity, Incoming, Platform
from bot.parsing.text import readable
from bot.services import Services
from bot.settings import Settings
from handlers.cooperation.service import CooperationService
from handlers.privacy.admin_claim import new_claim_code
from tests.helpers import FakeAdapter, Person
from tests.linking_support import code_in
from tests.privacy_support import invitation_code

SOFT_HYPHEN, ZERO_WIDTH_SPACE, ZWJ = "\u00ad", "\u200b", "\u200d"


@pytest.mark.parametrize(
    ("pasted", "seen"),
    [
        (f"Pulver{SOFT_HYPHEN}beschichtung", "Pulverbeschichtung"),
        (f"Jürgen Weiß{ZERO_WIDTH_SPACE}", "Jürgen Weiß"),
        ("Ju\u0308rgen", "Jürgen"),  # decomposed, as some phones and Macs paste it
        ("\ufeff3D-Druck", "3D-Druck"),  # a byte-order mark from a file
        ("\u200eKreis Olpe\u200f", "Kreis Olpe"),  # direction marks
        ("\u202aCNC\u202c \u2066Fräsen\u2069", "CNC Fräsen"),  # embeddings and isolates
        ("Wort\u2060verbinder\u200cnicht", "Wortverbindernicht"),
        (f"Team{ZWJ}arbeit", "Teamarbeit"),  # a joiner between letters means nothing
        (f"👩{ZWJ}🔧 Mechanik", f"👩{ZWJ}🔧 Mechanik"),  # inside an emoji it stays
        (f"🧑🏽{ZWJ}🔬", f"🧑🏽{ZWJ}🔬"),  # after a skin tone too
        (f"❤\ufe0f{ZWJ}🔥", f"❤\ufe0f{ZWJ}🔥"),
        (f"{ZWJ}🔧", "🔧"),
        ("plain ascii", "plain ascii"),
        ("Grüße – „Zitat“ 🎨", "Grüße – „Zitat“ 🎨"),  # everything visible stays
    ],
)
def test_pasted_text_becomes_what_the_person_sees(pasted: str, seen: str) -> None:
    assert readable(pasted) == seen


def test_the_core_cleans_text_and_native_form_values() -> None:
    incoming = Incoming(
        platform=Platform.SLACK,
        chat_id="D1",
        sender=Identity(platform=Platform.SLACK, user_id="U1"),
        text=f"/suche Pulver{SOFT_HYPHEN}beschichtung",
        form_values={"title": f"KI{ZERO_WIDTH_SPACE}", "tags": ["3D\u00ad-Druck"], "x": None},
    )
    typed = as_typed(incoming)
    assert typed.text == "/suche Pulverbeschichtung"
    assert typed.form_values == {"title": "KI", "tags": ["3D-Druck"], "x": None}
    plain = incoming.model_copy(update={"text": "/hilfe", "form_values": None})
    assert as_typed(plain) is plain  # nothing to clean: the same update


async def test_a_competency_with_a_soft_hyphen_is_found(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register(name="Anna Muster", competencies=f"Pulver{SOFT_HYPHEN}beschichtung, KI")
    await anna.press("Ja, ins Verzeichnis")
    member = await app.store.members.find_by_identity("console", "anna")
    assert member is not None and member.competencies == ["Pulverbeschichtung", "KI"]
    eve = Person(app.core, "eve")
    await eve.register(name="Eve Sucher")
    await eve.say("/suche Pulverbeschichtung")
    assert "Anna Muster" in "\n".join(m.plain_text() for m in eve.last)
    await eve.say(f"/suche pulver{SOFT_HYPHEN}beschichtung{ZERO_WIDTH_SPACE}")
    assert "Anna Muster" in "\n".join(m.plain_text() for m in eve.last)


async def test_a_name_with_a_zero_width_space_is_no_look_alike(app: Services) -> None:
    admin = Person(app.core, "admin")
    await admin.register(name="Nina Netzwerk")
    juergen = Person(app.core, "juergen")
    await juergen.register(name=f"Ju\u0308rgen Weiß{ZERO_WIDTH_SPACE}", company="Weiß GmbH\ufeff")
    member = await app.store.members.find_by_identity("console", "juergen")
    assert member is not None
    assert (member.name, member.company) == ("Jürgen Weiß", "Weiß GmbH")
    [found] = await admin.say("/mitglied Jürgen Weiß")
    assert "Jürgen Weiß (Weiß GmbH)" in found.text
    [offer] = await admin.say("/admins Jürgen")
    assert [b.label for b in offer.button_list()] == ["Zum Admin machen: Jürgen Weiß (Weiß GmbH)"]


async def test_tag_suggestions_show_a_pasted_tag_once(app: Services) -> None:
    for user, tags in (("anna", "3D-Druck, KI"), ("bob", f"3D-Druck{ZERO_WIDTH_SPACE}, Laser")):
        person = Person(app.core, user)
        await person.register(name=f"{user.title()} Muster", competencies=tags)
        await person.press("Ja, ins Verzeichnis")
    suggestions = await CooperationService(
        app.store, app.core.notifier, app.core.settings
    ).suggestions()
    assert sorted(suggestions) == ["3D-Druck", "KI", "Laser"]  # no look-alike twice


@pytest.fixture
async def closed_network(make_settings: Callable[..., Settings]) -> AsyncIterator[Services]:
    """New members wait for approval unless an invitation lets them in."""
    application = App(
        make_settings(approval_required=True), serve_http=False,
        adapter_factories=[lambda s: FakeAdapter()],
    )  # fmt: skip
    yield await application.start()
    await application.stop()


@pytest.mark.parametrize(
    "pasted",
    [
        "{code}.",  # copied with the sentence's full stop
        "{code}!",
        "„{code}“",
        "{head}–{tail}",  # the phone made the dash an en dash
        "{head} - {tail}",
        f"{ZERO_WIDTH_SPACE}{{code}}{ZERO_WIDTH_SPACE}",
        "{lower}",
        "https://t.me/knotenpunkt_bot?start={plain}",
    ],
)
async def test_an_invitation_code_is_read_out_of_what_was_pasted(
    closed_network: Services, pasted: str
) -> None:
    admin = Person(closed_network.core, "admin")
    await admin.register(name="Nina Netzwerk")
    code = await invitation_code(admin)  # shown as ABCDE-FGHJK
    head, tail = code.split("-")
    plain = head + tail
    text = pasted.format(code=code, head=head, tail=tail, plain=plain, lower=code.lower())
    guest = Person(closed_network.core, "guest")
    [welcome, _language] = await guest.say(f"/start {text}")
    assert "eingeladen" in welcome.text, welcome.text


async def test_an_admin_claim_code_pasted_with_a_full_stop_is_read(app: Services) -> None:
    claim = await new_claim_code(app.store, "test")
    [claimed, *_] = await Person(app.core, "boss").say(f"/start {claim.shown}.")
    assert "Admin" in claimed.text
    assert await app.store.members.is_granted_admin(["console:boss"])


async def test_a_link_code_pasted_with_a_full_stop_links(app: Services) -> None:
    anna = Person(app.core, "anna")
    await anna.register(name="Anna Muster")
    await anna.say("/verknuepfen")
    code = code_in(anna)
    other = Person(app.core, "anna-slack", platform=Platform.SLACK)
    await other.say(f"/start {code[:3]}–{code[3:]}.")
    assert "Verknüpft!" in other.texts(), other.texts()


def test_the_command_line_cleans_pasted_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(tmp_path / "kp.sqlite3"))
    assert main(["db", "migrate"]) == 0
    assert main(["topic", "add", f"Ober{SOFT_HYPHEN}flächen{ZERO_WIDTH_SPACE}"]) == 0
    assert main(["topic", "add", "Oberflächen"]) == 1  # the same topic: not a look-alike
    assert "already exists" in capsys.readouterr().err
    assert main(["topic", "archive", "Ober\u200bfla\u0308chen"]) == 0  # decomposed ä
