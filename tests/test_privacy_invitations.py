"""Invitations: a valid code skips the approval and records who invited; a used one-time
code, an expired or an unknown code is refused clearly and the normal registration follows;
members may invite only when the operator allows it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import App
from bot.services import Services
from bot.settings import Settings
from handlers.privacy.invitations import create_invitation
from storage.db import utcnow
from tests.helpers import FakeAdapter, Person
from tests.privacy_support import invitation_code


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(approval_required=True, telegram_bot_username="knotenpunkt_swf_bot")


async def _sign_up(app: Services, user_id: str, start: str) -> Person:
    person = Person(app.core, user_id)
    await person.say(start)
    await person.press("Deutsch")
    await person.say(f"Person {user_id}")
    await person.say("Firma")
    await person.press("Hagen")
    await person.say("-")
    await person.press("Ja, einverstanden")
    return person


async def _status(app: Services, user_id: str) -> str:
    member = await app.store.members.find_by_identity("console", user_id)
    assert member is not None
    return member.status


async def test_a_valid_code_skips_approval_and_records_who_invited(app: Services) -> None:
    staff = Person(app.core, "admin")
    await staff.register(name="Nina Netzwerk")
    await staff.say("/einladen")
    [created] = await staff.press("Für eine Person")
    code = created.text.split("Code: ")[1].strip()
    assert f"https://t.me/knotenpunkt_swf_bot?start={code.replace('-', '')}" in created.text
    assert f"start {code}" in created.text  # what Slack members write

    guest = Person(app.core, "guest")
    [welcome, language] = await guest.say(f"/start {code.replace('-', '')}")
    assert "eingeladen" in welcome.text and "Willkommen" in language.text
    await _sign_up_rest(guest)
    assert "registriert" in guest.texts()
    assert await _status(app, "guest") == "active"
    invited = await app.store.members.find_by_identity("console", "guest")
    inviter = await app.store.members.find_by_identity("console", "admin")
    assert invited is not None and inviter is not None
    assert await app.store.invitations.invited_by(invited.id) == inviter.id
    [used] = await app.store.audit.entries(action="invitation.used")
    assert used.actor == "console:guest" and used.detail["member_id"] == invited.id


async def _sign_up_rest(person: Person) -> None:
    await person.press("Deutsch")
    await person.say("Gast Person")
    await person.say("Gast GmbH")
    await person.press("Hagen")
    await person.say("-")
    await person.press("Ja, einverstanden")


async def test_a_one_time_code_used_twice_is_refused(app: Services) -> None:
    code = await invitation_code(Person(app.core, "admin"), "1", "7")
    await _sign_up(app, "first", f"/start {code}")
    assert await _status(app, "first") == "active"

    second = Person(app.core, "second")
    [refusal, language] = await second.say(f"/start {code}")
    assert "schon verwendet" in refusal.text and "Netzwerk-Team gibt" in refusal.text
    assert "Willkommen" in language.text  # the normal registration follows
    await _sign_up_rest(second)
    assert await _status(app, "second") == "pending"


async def test_an_expired_or_unknown_code_is_refused(app: Services) -> None:
    code, _ = await create_invitation(
        app.store,
        created_by=None,
        max_uses=None,
        days=1,
        actor="test",
        now=utcnow() - timedelta(days=2),
    )
    late = Person(app.core, "late")
    [refusal, _] = await late.say(f"/start {code}")
    assert "abgelaufen" in refusal.text
    [refusal, _] = await Person(app.core, "typo").say("/start AAAAAAAAAA")
    assert "kenne ich nicht" in refusal.text


async def test_a_multi_use_code_admits_several_until_used_up(app: Services) -> None:
    code = await invitation_code(Person(app.core, "admin"), "2", "30")
    for user in ("one", "two"):
        await _sign_up(app, user, f"/start {code}")
        assert await _status(app, user) == "active"
    await _sign_up(app, "three", f"/start {code}")
    assert await _status(app, "three") == "pending"


async def test_a_code_used_up_while_someone_registers_falls_back(app: Services) -> None:
    code = await invitation_code(Person(app.core, "admin"))
    slow = Person(app.core, "slow")
    await slow.say(f"/start {code}")
    await _sign_up(app, "fast", f"/start {code}")
    await _sign_up_rest(slow)
    assert "inzwischen verbraucht" in slow.texts()
    assert await _status(app, "slow") == "pending"


async def test_a_registered_member_with_a_code_gets_the_menu(app: Services) -> None:
    code = await invitation_code(Person(app.core, "admin"))
    anna = Person(app.core, "anna")
    await _sign_up(app, "anna", "/start")
    await app.store.members.set_status(
        (await app.store.members.find_by_identity("console", "anna")).id,  # type: ignore[union-attr]
        "active",
    )
    [menu] = await anna.say(f"/start {code}")
    assert "Was möchtest" in menu.text or "Hallo" in menu.text
    found = await app.store.invitations.find(code.replace("-", ""))
    assert found is not None and found.uses == 0


@pytest.fixture
async def open_network(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> AsyncIterator[Services]:
    application = App(
        make_settings(members_may_invite=True, db_path=tmp_path / "open.sqlite3"),
        serve_http=False,
        adapter_factories=[lambda s: FakeAdapter()],
    )
    yield await application.start()
    await application.stop()


async def test_members_invite_only_when_the_operator_allows_it(
    app: Services, open_network: Services
) -> None:
    for services, allowed in ((app, False), (open_network, True)):
        anna = await _sign_up(services, "anna", "/start")
        await services.store.members.set_status(1, "active")  # approved
        [answer] = await anna.say("/einladen 3 14")
        assert ("Einladung erstellt" in answer.text) is allowed, answer.text
        assert ("Netzwerk-Team vorbehalten" in answer.text) is not allowed
        count = await services.store.db.fetchval("SELECT COUNT(*) FROM invitations")
        assert count == int(allowed)


async def test_bad_invitation_arguments_are_explained(app: Services) -> None:
    admin = Person(app.core, "admin")
    for args in ("0 7", "5 400", "viele Grüße"):
        [answer] = await admin.say(f"/einladen {args}")
        assert "/einladen [ANZAHL|mehrfach] [TAGE]" in answer.text, args
    assert await app.store.db.fetchval("SELECT COUNT(*) FROM invitations") == 0
    [made] = await admin.say("/einladen mehrfach")
    assert "beliebig viele" in made.text and "Telegram: https://t.me/" in made.text
