"""Roles: ``/admins`` lists admins (bootstrap ones marked), promotes and demotes with
buttons, never removes the last admin; ``knotenpunkt admin add|remove|list`` follows the
same rules. Every change is in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.app import App
from bot.cli import main
from bot.services import Services
from bot.settings import Settings
from tests.helpers import FakeAdapter, Person


async def test_admins_lists_promotes_and_demotes_with_buttons(app: Services) -> None:
    chef = Person(app.core, "admin")
    await chef.register(name="Nina Netzwerk")
    anna = Person(app.core, "anna")
    await anna.register(name="Anna Muster")

    [listing] = await chef.say("/admins")
    assert "Nina Netzwerk (Muster GmbH) – Konsole (aus KNOTENPUNKT_ADMINS)" in listing.text
    assert listing.buttons == []  # a bootstrap admin has no remove button
    assert "Netzwerk-Team vorbehalten" in (await anna.say("/neuesthema Test"))[0].text

    [offer] = await chef.say("/admins Anna")
    assert [b.label for b in offer.button_list()] == ["Zum Admin machen: Anna Muster (Muster GmbH)"]
    [done] = await chef.press("Zum Admin machen")
    assert "Anna Muster ist jetzt Admin." in done.text
    assert "Thema „Test“" in (await anna.say("/neuesthema Test"))[0].text

    await anna.say("/neuertermin")  # she starts the wizard, then loses the right
    [listing] = await chef.say("/admins")
    [removed] = await chef.press("Entfernen: Anna Muster")
    assert "Anna Muster ist kein Admin mehr." in removed.text
    assert await app.store.conversations.get("console", "anna") is None
    assert "Netzwerk-Team vorbehalten" in (await anna.say("/neuesthema Test 2"))[0].text

    actions = [(e.action, e.actor) for e in await app.store.audit.entries(action="admin.")]
    assert actions == [("admin.granted", "console:admin"), ("admin.revoked", "console:admin")]


async def test_the_last_admin_cannot_remove_themselves(
    make_settings: Callable[..., Settings],
) -> None:
    application = App(
        make_settings(admins=[]), serve_http=False, adapter_factories=[lambda s: FakeAdapter()]
    )
    services = await application.start()
    try:
        await services.store.members.grant_admin("console:solo")
        solo = Person(services.core, "solo")
        await solo.register(name="Sol Allein")
        await solo.say("/admins")
        [answer] = await solo.press("Entfernen: Sol Allein")
        assert "letzte Admin" in answer.text
        assert await services.store.members.admin_identity_keys() == ["console:solo"]
        assert await services.store.audit.entries(action="admin.revoked") == []
    finally:
        await application.stop()


def _cli(monkeypatch: pytest.MonkeyPatch, db: Path, *args: str, admins: str = "") -> int:
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    monkeypatch.setenv("KNOTENPUNKT_ADMINS", admins)
    return main(list(args))


def test_cli_admin_add_remove_and_list(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.sqlite3"
    assert _cli(monkeypatch, db, "admin", "add", "telegram:42") == 0
    assert _cli(monkeypatch, db, "admin", "remove", "telegram:42") == 1  # the last one
    assert "last admin" in capsys.readouterr().err
    assert _cli(monkeypatch, db, "admin", "add", "slack:U1") == 0
    assert _cli(monkeypatch, db, "admin", "remove", "telegram:42") == 0
    assert _cli(monkeypatch, db, "admin", "remove", "telegram:42") == 1
    assert "is not an admin" in capsys.readouterr().err
    boot = "console:chef"
    assert _cli(monkeypatch, db, "admin", "remove", boot, admins=boot) == 1
    assert "KNOTENPUNKT_ADMINS" in capsys.readouterr().err
    assert _cli(monkeypatch, db, "admin", "list", admins=boot) == 0
    out = capsys.readouterr().out
    assert "console:chef  not registered  (KNOTENPUNKT_ADMINS, bootstrap)" in out
    assert "slack:U1  not registered  (granted)" in out
    assert _cli(monkeypatch, db, "audit", "--action", "admin.") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[3] for line in lines] == [
        "admin.granted",
        "admin.granted",
        "admin.revoked",
    ]
    assert all(line.split()[2] == "cli" for line in lines)
