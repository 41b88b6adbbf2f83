"""``knotenpunkt init`` against the fake Telegram and Slack servers, and the one-time admin
claim code it prints: ``/start CODE`` on Telegram, ``/knotenpunkt start CODE`` on Slack."""

from __future__ import annotations

import asyncio
import os
import re
import stat
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.cli.init import init
from bot.settings import Settings
from handlers.privacy.admin_claim import CLAIM_VALIDITY, new_claim_code
from storage import Store
from storage.db import utcnow
from tests.fake_slack import BOT_TOKEN, FakeSlack
from tests.fake_telegram import TOKEN, FakeTelegram, user
from tests.fake_telegram_harness import running_bot
from tests.helpers import FakeAdapter, Person
from tests.slack_signing import SIGNING_SECRET, running_slack, standard_fake

ROOT = Path(__file__).parents[1]
CODE = re.compile(r"^Admin claim code: (\S+)$", re.MULTILINE)


@pytest.fixture
async def fakes() -> AsyncIterator[tuple[FakeTelegram, FakeSlack]]:
    telegram, slack = FakeTelegram(), FakeSlack()
    await telegram.start()
    await slack.start()
    yield telegram, slack
    await telegram.stop()
    await slack.stop()


def _fakes_env(fakes: tuple[FakeTelegram, FakeSlack]) -> dict[str, str]:
    telegram, slack = fakes
    return {
        "KNOTENPUNKT_TELEGRAM_API_URL": telegram.url,
        "KNOTENPUNKT_SLACK_API_URL": slack.api_url,
    }


async def _knotenpunkt(
    args: list[str], stdin: str, env: dict[str, str], cwd: Path
) -> tuple[int, str, str]:
    """The command in a subprocess, while this loop keeps serving the fakes."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
    environment.update(env, PYTHONPATH=str(ROOT))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=cwd,
    )
    out, err = await asyncio.wait_for(process.communicate(stdin.encode()), 60)
    return process.returncode or 0, out.decode(), err.decode()


async def test_init_asks_checks_writes_the_env_file_and_the_claim_code_makes_an_admin(
    fakes: tuple[FakeTelegram, FakeSlack],
    tmp_path: Path,
    make_settings: Callable[..., Settings],
) -> None:
    env_file, db = tmp_path / "etc" / "knotenpunkt.env", tmp_path / "data" / "kp.sqlite3"
    env_file.parent.mkdir()
    # Telegram token, Slack bot token, signing secret, no app token, public address, name,
    # privacy contact
    answers = [TOKEN, BOT_TOKEN, SIGNING_SECRET, "", "https://bot.netz.test"]
    answers += ["Netzwerk Süd", "datenschutz@netz.test"]
    code, out, err = await _knotenpunkt(
        ["init", "--env-file", str(env_file), "--db-path", str(db)],
        "\n".join(answers) + "\n",
        _fakes_env(fakes),
        tmp_path,
    )
    assert code == 0, err + out
    assert "✓ Telegram: the token belongs to @KnotenpunktTestBot" in out
    assert "✓ Slack: connected as" in out
    assert TOKEN not in out and BOT_TOKEN not in out and SIGNING_SECRET not in out
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    written = Settings(_env_file=env_file)  # type: ignore[call-arg]
    assert written.telegram_token == TOKEN and written.telegram_api_url == fakes[0].url
    assert (written.slack_bot_token, written.slack_signing_secret) == (BOT_TOKEN, SIGNING_SECRET)
    assert written.slack_api_url == fakes[1].api_url
    assert written.network_name == "Netzwerk Süd" and written.db_path == db
    assert written.public_url == "https://bot.netz.test"
    assert written.privacy_contact == "datenschutz@netz.test"
    shell = await asyncio.to_thread(
        subprocess.run,
        ["sh", "-c", 'set -a; . "$0"; printf %s "$KNOTENPUNKT_NETWORK_NAME"', str(env_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shell.stdout == "Netzwerk Süd"  # systemd and backup.sh read the same value
    claim = CODE.search(out)
    assert claim is not None, out
    shown = claim.group(1)
    assert f"https://t.me/KnotenpunktTestBot?start={shown.replace('-', '')}" in out
    assert f"/knotenpunkt start {shown}" in out

    async with running_bot(make_settings, db_path=db, admins=[]) as bot:
        anna, bob = user(501, "Anna"), user(502, "Bob", "en")
        replies = await bot.say(anna, f"/start {shown}")
        assert "Sie sind jetzt Admin von Knotenpunkt" in replies[0].text
        assert "In welcher Sprache soll ich schreiben?" in replies[-1].text  # then sign-up
        store = bot.services.store
        assert await store.members.is_granted_admin(["telegram:501"])
        replies = await bot.say(bob, f"/start {shown}")  # used up
        assert "This admin code is not valid" in replies[0].text
        assert not await store.members.is_granted_admin(["telegram:502"])
        actions = [e["action"] for e in await store.audit.recent(10)]
        assert actions.count("admin.claimed") == 1 and "admin.claim_code" in actions


def _texts(fake: FakeSlack, channel: str) -> str:
    return "\n".join(message.all_text() for message in fake.messages_in(channel))


async def test_a_slack_member_claims_with_the_slash_command(
    make_settings: Callable[..., Settings],
) -> None:
    async with running_slack(make_settings, standard_fake(), admins=[]) as world:
        code = await new_claim_code(world.services.store, "test")
        await world.send.command("U2", f"start {code.shown}")  # Bob, English Slack
        await world.settle()
        assert "You are now an admin of Knotenpunkt" in _texts(world.fake, "DU2")
        await world.send.command("U1", f"start {code.code}")  # Anna: too late
        await world.settle()
        assert "Dieser Admin-Code gilt nicht" in _texts(world.fake, "DU1")
        store = world.services.store
        assert await store.members.is_granted_admin(["slack:U2"])
        assert not await store.members.is_granted_admin(["slack:U1"])


async def test_a_refused_token_writes_nothing(
    fakes: tuple[FakeTelegram, FakeSlack],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in _fakes_env(fakes).items():
        monkeypatch.setenv(name, value)
    env_file, db = tmp_path / "kp.env", tmp_path / "kp.sqlite3"
    base = ["init", "--no-input", "--env-file", str(env_file), "--db-path", str(db)]
    wrong_telegram = build_parser().parse_args([*base, "--telegram-token", "123456:nope"])
    assert await init(wrong_telegram) == 1
    out, err = capsys.readouterr()
    assert "✗ Telegram: Telegram does not accept" in out and "nothing was written" in err
    wrong_slack = [*base, "--slack-bot-token", "xoxb-revoked", "--slack-signing-secret", "s"]
    assert await init(build_parser().parse_args(wrong_slack)) == 1
    assert "✗ Slack: Slack refuses KNOTENPUNKT_SLACK_BOT_TOKEN" in capsys.readouterr().out
    assert not env_file.exists() and not db.exists()


async def test_an_existing_env_file_is_kept_unless_forced(
    fakes: tuple[FakeTelegram, FakeSlack],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in _fakes_env(fakes).items():
        monkeypatch.setenv(name, value)
    env_file = tmp_path / "kp.env"
    env_file.write_text("KNOTENPUNKT_NETWORK_NAME=Alt\n")
    base = ["init", "--no-input", "--env-file", str(env_file), "--telegram-token", TOKEN]
    assert await init(build_parser().parse_args(base)) == 1
    assert "exists already; --force replaces it" in capsys.readouterr().err
    assert env_file.read_text() == "KNOTENPUNKT_NETWORK_NAME=Alt\n"
    assert await init(build_parser().parse_args([*base, "--force"])) == 0
    assert f"KNOTENPUNKT_TELEGRAM_TOKEN={TOKEN}" in env_file.read_text()
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert (tmp_path / "knotenpunkt.sqlite3").exists()  # the default store, made absolute
    assert f"KNOTENPUNKT_DB_PATH={tmp_path / 'knotenpunkt.sqlite3'}" in env_file.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no platform token given"),
        (["--slack-bot-token", "xoxb-1"], "Slack needs both the bot token and the signing secret"),
        (["--telegram-token", "1:x", "--public-url", "http://x"], "must start with https://"),
        (["--telegram-token", "1:x", "--network-name", 'Netz "Süd"'], "must not contain"),
        (["--telegram-token", "1:x", "--owner", "no-such-user-here"], "there is no user"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    env_file = tmp_path / "kp.env"
    assert main(["init", "--no-input", "--env-file", str(env_file), *args]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("knotenpunkt init: ") and message in line
    assert not env_file.exists()


async def test_claim_code_from_the_cli_replaces_the_unused_one_and_expires(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_settings: Callable[..., Settings],
) -> None:
    db = tmp_path / "knotenpunkt.sqlite3"
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    assert await asyncio.to_thread(main, ["admin", "claim-code"]) == 0
    out = capsys.readouterr().out
    first = CODE.search(out)
    assert first is not None and "send /start" in out and "Slack" not in out
    monkeypatch.setenv("KNOTENPUNKT_SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("KNOTENPUNKT_SLACK_SIGNING_SECRET", SIGNING_SECRET)
    assert await asyncio.to_thread(main, ["admin", "claim-code"]) == 0
    out = capsys.readouterr().out
    second = CODE.search(out)
    assert second is not None and "/knotenpunkt start" in out and "Telegram" not in out

    from bot.app import App

    app = App(
        make_settings(admins=[]), serve_http=False, adapter_factories=[lambda s: FakeAdapter()]
    )
    services = await app.start()
    try:
        anna = Person(services.core, "anna")
        await anna.say(f"/start {first.group(1)}")  # replaced by the second
        assert "Dieser Admin-Code gilt nicht" in anna.texts()
        await anna.register()
        await anna.say("/hilfe")
        assert "/rundschreiben" not in anna.texts()
        await anna.say(f"/start {second.group(1).lower()}")  # as typed on a phone
        assert "Sie sind jetzt Admin von Knotenpunkt" in anna.texts()
        await anna.say("/hilfe")  # the team's commands are behind a section button
        await anna.press("Mitglieder, Rundschreiben")
        assert "/rundschreiben" in anna.texts()
        expired = await new_claim_code(services.store, "test", utcnow() - CLAIM_VALIDITY)
        bob = Person(services.core, "bob")
        await bob.say(f"/start {expired.code}")  # made a week ago
        assert "Dieser Admin-Code gilt nicht" in bob.texts()
    finally:
        await app.stop()


async def test_the_store_keeps_only_a_hash_of_the_code(store: Store) -> None:
    code = await new_claim_code(store, "test")
    rows = await store.db.fetchall("SELECT * FROM admin_claims")
    assert code.code not in str([tuple(r) for r in rows])
