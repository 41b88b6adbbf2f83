"""The deploy files stay in step with the code: every setting documented, the example
environment loads, the shell can read it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bot.settings import Settings, setting_names

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
    assert "KNOTENPUNKT_ADMINS=telegram:12345,slack:U0ABC\n" in shell
