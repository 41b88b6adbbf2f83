"""``knotenpunkt doctor`` against the fake Telegram and Slack servers and a running bot."""

from __future__ import annotations

import argparse
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
