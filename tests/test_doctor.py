"""``knotenpunkt doctor`` against the fake Telegram and Slack servers and a running bot."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.adapters.slack_doctor import MANIFEST, REQUIRED_SCOPES, manifest_scopes
from bot.app import App
from bot.cli.doctor import doctor
from bot.settings import Settings, unknown_settings
from storage import Store
from tests.fake_slack import BOT_TOKEN, FakeSlack
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.helpers import FakeAdapter
from tests.slack_signing import SIGNING_SECRET


async def run_doctor(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = await doctor(argparse.Namespace(show_settings=False))
    out = capsys.readouterr().out
    return code, out.splitlines()


def line(lines: list[str], start: str) -> str:
    found = [x for x in lines if x.startswith(start)]
    assert found, f"no line starting with {start!r} in:\n" + "\n".join(lines)
    return found[0]


@pytest.fixture
async def fakes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[FakeTelegram, FakeSlack]:
    telegram, slack = FakeTelegram(), FakeSlack()
    await telegram.start()
    await slack.start()
    db = tmp_path / "kp.sqlite3"
    await (await Store.open(db)).close()
    for name, value in {
        "DB_PATH": str(db),
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.api_url,
    }.items():
        monkeypatch.setenv(f"KNOTENPUNKT_{name}", value)
    yield telegram, slack
    await telegram.stop()
    await slack.stop()


async def test_all_right_with_a_running_bot(
    fakes: tuple[FakeTelegram, FakeSlack],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    make_settings: Callable[..., Settings],
    tmp_path: Path,
) -> None:
    bot = App(
        make_settings(db_path=tmp_path / "kp.sqlite3"),
        serve_http=True,
        adapter_factories=[lambda s: FakeAdapter()],
    )
    services = await bot.start()
    try:
        assert services.http is not None
        monkeypatch.setenv("KNOTENPUNKT_PUBLIC_URL", services.http.base_url)
        code, lines = await run_doctor(capsys)
    finally:
        await bot.stop()
    assert code == 0, "\n".join(lines)
    assert all(x.startswith("✓") for x in lines[:-1]), "\n".join(lines)
    assert "@KnotenpunktTestBot" in line(lines, "✓ Telegram:")
    assert "all 10 from slack-manifest.yaml granted" in line(lines, "✓ Slack scopes:")
    assert "integrity ok" in line(lines, "✓ store:")
    assert "all migrations applied" in line(lines, "✓ store schema:")
    assert "in use: knotenpunkt run pid" in line(lines, "✓ store lock:")
    assert "answers" in line(lines, "✓ public URL:")
    assert lines[-1] == "Everything looks right."


async def test_wrong_telegram_token_and_a_typo(
    fakes: tuple[FakeTelegram, FakeSlack],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_TELEGRAM_TOKEN", "123456:not-the-token")
    monkeypatch.setenv("KNOTENPUNKT_TELEGRAM_MOD", "webhook")
    code, lines = await run_doctor(capsys)
    assert code == 1
    telegram = line(lines, "✗ Telegram:")
    assert "does not accept KNOTENPUNKT_TELEGRAM_TOKEN" in telegram
    assert "@BotFather" in telegram
    assert "not-the-token" not in "\n".join(lines)
    typo = line(lines, "✗ KNOTENPUNKT_TELEGRAM_MOD:")
    assert "did you mean KNOTENPUNKT_TELEGRAM_MODE?" in typo
    assert line(lines, "✓ Slack:")  # the other checks still run
    assert lines[-1] == "2 problem(s) found."


async def test_missing_slack_scope(
    fakes: tuple[FakeTelegram, FakeSlack], capsys: pytest.CaptureFixture[str]
) -> None:
    _telegram, slack = fakes
    slack.scopes.remove("files:write")
    code, lines = await run_doctor(capsys)
    assert code == 1
    scopes = line(lines, "✗ Slack scopes:")
    assert "lacks files:write" in scopes
    assert "reinstall the app" in scopes


async def test_wrong_slack_token_and_webhook_trouble(
    fakes: tuple[FakeTelegram, FakeSlack],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    telegram, _slack = fakes
    monkeypatch.setenv("KNOTENPUNKT_SLACK_BOT_TOKEN", "xoxb-revoked")
    monkeypatch.setenv("KNOTENPUNKT_TELEGRAM_MODE", "webhook")
    monkeypatch.setenv("KNOTENPUNKT_PUBLIC_URL", "https://127.0.0.1:9")  # nothing listens
    telegram.webhook = {"url": "https://127.0.0.1:9/telegram/webhook"}
    telegram.webhook_error = "SSL error: certificate verify failed"
    code, lines = await run_doctor(capsys)
    assert code == 1
    assert "invalid_auth" in line(lines, "✗ Slack:")
    webhook = line(lines, "✗ Telegram webhook:")
    assert "SSL error: certificate verify failed" in webhook and "min ago" in webhook
    assert "cannot be reached" in line(lines, "✗ public URL:")


async def test_bad_value_and_missing_store(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_TIMEZONE", "Mars/Olympus")
    code, lines = await run_doctor(capsys)
    assert code == 1
    assert "unknown time zone 'Mars/Olympus'" in line(lines, "✗ KNOTENPUNKT_TIMEZONE:")
    monkeypatch.delenv("KNOTENPUNKT_TIMEZONE")
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(tmp_path / "nowhere.sqlite3"))
    code, lines = await run_doctor(capsys)
    assert code == 1
    assert "no store at" in line(lines, "✗ store:")
    assert "only run in the console" in line(lines, "✗ platforms:")
    assert not (tmp_path / "nowhere.sqlite3").exists()  # doctor changes nothing


def test_unknown_settings_suggest_the_closest_name() -> None:
    found = unknown_settings(
        {
            "KNOTENPUNKT_DB_PATH": "x",
            "KNOTENPUNKT_SLACK_TOKEN": "x",
            "KNOTENPUNKT_WHATEVER": "x",
            "HOME": "/root",
        }
    )
    assert found == [
        ("KNOTENPUNKT_SLACK_TOKEN", "KNOTENPUNKT_SLACK_BOT_TOKEN"),
        ("KNOTENPUNKT_WHATEVER", None),
    ]


def test_built_in_scopes_match_the_manifest() -> None:
    assert manifest_scopes(MANIFEST.read_text(encoding="utf-8")) == list(REQUIRED_SCOPES)


async def test_placeholders_left_from_the_example_are_problems(
    fakes: tuple[FakeTelegram, FakeSlack],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_ADMINS", "telegram:12345,slack:U0ABC,telegram:987654")
    monkeypatch.setenv("KNOTENPUNKT_PRIVACY_CONTACT", "datenschutz@example.org")
    code, lines = await run_doctor(capsys)
    assert code == 1
    admins = line(lines, "✗ KNOTENPUNKT_ADMINS:")
    assert "telegram:12345, slack:U0ABC is the example's placeholder" in admins
    assert "987654" not in admins and "knotenpunkt admin claim-code" in admins
    assert "placeholder from the example" in line(lines, "✗ KNOTENPUNKT_PRIVACY_CONTACT:")
    assert lines[-1] == "2 problem(s) found."


async def test_show_settings_lists_them_as_written_in_the_env_file(
    fakes: tuple[FakeTelegram, FakeSlack],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("KNOTENPUNKT_REMINDER_OFFSETS", "2h, 1d,30s,90m")
    monkeypatch.setenv("KNOTENPUNKT_NETWORK_NAME", "Netzwerk Süd")
    monkeypatch.setenv("KNOTENPUNKT_TELEGRAM_RATE", "12.5")
    monkeypatch.setenv("KNOTENPUNKT_APPROVAL_REQUIRED", "1")
    assert await doctor(argparse.Namespace(show_settings=True)) == 0
    out = capsys.readouterr().out
    shown = [x.strip() for x in out.splitlines() if x.startswith("    ")]
    db = tmp_path / "kp.sqlite3"
    for expected in (
        "KNOTENPUNKT_REMINDER_OFFSETS=1d,2h,90m,30s",
        f"KNOTENPUNKT_DB_PATH={db}",
        'KNOTENPUNKT_NETWORK_NAME="Netzwerk Süd"',
        "KNOTENPUNKT_TELEGRAM_RATE=12.5",
        "KNOTENPUNKT_SLACK_RATE=1",
        "KNOTENPUNKT_APPROVAL_REQUIRED=true",
        "KNOTENPUNKT_HEALTH_OUTBOX_MAX_AGE=15m",
        "KNOTENPUNKT_TELEGRAM_TOKEN=(set, hidden)",
        "# KNOTENPUNKT_PUBLIC_URL is not set",
    ):
        assert expected in shown, "\n".join(shown)
    assert "PosixPath" not in out and "timedelta" not in out and "None" not in out
    # pasted into an env file, the lines give the same settings back
    env_file = tmp_path / "shown.env"
    env_file.write_text("\n".join(x for x in shown if "(set, hidden)" not in x) + "\n")
    for name in [n for n in os.environ if n.startswith("KNOTENPUNKT_")]:
        monkeypatch.delenv(name)
    again = Settings(_env_file=env_file)  # type: ignore[call-arg]
    expected_settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=db,
        reminder_offsets="2h,1d,30s,90m",
        network_name="Netzwerk Süd",
        telegram_rate=12.5,
        approval_required=True,
        telegram_api_url=fakes[0].url,
        slack_api_url=fakes[1].api_url,
        quiet_hours="off",  # as tests/conftest.py sets it for every test
    )
    assert again == expected_settings
