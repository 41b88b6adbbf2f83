"""The deploy files stay in step with the code: every setting documented, the example
environment loads, the shell can read it."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import pytest
from dotenv import dotenv_values

from bot.cli.doctor import doctor
from bot.settings import Settings, setting_names
from tests.fake_telegram import TOKEN, FakeTelegram

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
EXAMPLE = DEPLOY / "knotenpunkt.env.example"


def test_every_setting_is_in_the_example_and_the_readme() -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    readme = (DEPLOY.parent / "README.md").read_text(encoding="utf-8")
    assert [n for n in setting_names() if n not in example] == []
    assert [n for n in setting_names() if n not in readme] == []


def test_the_example_loads_and_the_shell_reads_it_the_same() -> None:
    settings = Settings(_env_file=EXAMPLE)  # type: ignore[call-arg]
    assert settings.network_name == "Knotenpunkt Südwestfalen"
    shell = subprocess.run(
        ["sh", "-c", 'set -a; . "$0"; set +a; env', str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "KNOTENPUNKT_NETWORK_NAME=Knotenpunkt Südwestfalen\n" in shell
    assert "KNOTENPUNKT_REMINDER_OFFSETS=1d,1h\n" in shell


async def test_the_example_passes_doctor_without_placeholders(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Left as it is, the example has no value that only looks right: no public URL that
    makes doctor fail for a polling operator, no example admin or privacy address."""
    for name, value in dotenv_values(EXAMPLE).items():
        monkeypatch.setenv(name, value or "")
    monkeypatch.setenv("KNOTENPUNKT_TELEGRAM_TOKEN", TOKEN)
    telegram = FakeTelegram()
    await telegram.start()
    monkeypatch.setenv("KNOTENPUNKT_TELEGRAM_API_URL", telegram.url)
    try:
        await doctor(argparse.Namespace(show_settings=False))
    finally:
        await telegram.stop()
    problems = [line for line in capsys.readouterr().out.splitlines() if line.startswith("✗")]
    assert [p for p in problems if not p.startswith("✗ store:")] == []  # no store made yet
