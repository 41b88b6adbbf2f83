"""The files an operator deploys with agree with the code and with each other."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from dotenv import dotenv_values

from bot.settings import Settings, setting_names, unknown_settings

ROOT = Path(__file__).parents[1]
DEPLOY = ROOT / "deploy"
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_EXAMPLE = DEPLOY / "knotenpunkt.env.example"


def _example_names() -> list[str]:
    text = ENV_EXAMPLE.read_text(encoding="utf-8")
    return re.findall(r"^#?(KNOTENPUNKT_[A-Z_]+)=", text, re.MULTILINE)


def test_the_example_env_names_only_real_settings_and_loads() -> None:
    names = _example_names()
    assert unknown_settings(dict.fromkeys(names, "")) == []
    settings = Settings(_env_file=ENV_EXAMPLE)  # type: ignore[call-arg]
    assert settings.network_name == "Knotenpunkt Südwestfalen"
    assert settings.german_address == "sie"


def test_a_shell_reads_the_example_env_like_systemd_does(tmp_path: Path) -> None:
    """deploy/backup.sh sources the file: values with spaces must be quoted."""
    result = subprocess.run(
        ["sh", "-c", f'set -a; . "{ENV_EXAMPLE}"; printf %s "$KNOTENPUNKT_NETWORK_NAME"'],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert result.stdout == dotenv_values(ENV_EXAMPLE)["KNOTENPUNKT_NETWORK_NAME"]
    assert result.stderr == ""


def test_readme_is_the_reference() -> None:
    assert "DESIGN.md" not in README
    for name in setting_names():
        assert f"`{name}`" in README, name
    assert "### Invariants" in README
    # one install recipe (deploy/README.md, which creates the user), referenced from here
    assert "`deploy/README.md` is the one install recipe" in README
    assert "-m venv" not in README and "useradd" not in README
    assert "adduser --system" in (DEPLOY / "README.md").read_text(encoding="utf-8")
    example = re.search(r"^#?KNOTENPUNKT_TELEGRAM_API_URL=(\S+)", ENV_EXAMPLE.read_text(), re.M)
    assert example is not None
    assert f"KNOTENPUNKT_TELEGRAM_API_URL='{example.group(1)}'" in README
    assert not example.group(1).endswith("/bot")
    lines = README.splitlines()
    assert lines[3:5] == [
        "make run    # creates .venv, installs, starts the bot (console adapter on "
        "./knotenpunkt.sqlite3 when no token is set)",
        "make test   # creates .venv, installs with dev extras, runs ruff and the test suite",
    ]


def test_nginx_forwards_only_the_public_paths_with_current_syntax() -> None:
    conf = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    directives = "\n".join(line.split("#")[0] for line in conf.splitlines())
    locations = re.findall(r"location\s+([^{]+)\{([^}]*)\}", directives)
    proxied = [where for where, body in locations if "proxy_pass" in body]
    assert proxied and not any("healthz" in where or "metrics" in where for where in proxied)
    assert any("telegram/webhook" in w for w in proxied) and any(
        "slack/events" in w for w in proxied
    )
    assert any("/calendar/" in w for w in proxied)
    assert re.search(r"^\s*listen 443 ssl;", directives, re.M)
    assert re.search(r"^\s*http2 on;", directives, re.M)
    assert "ssl http2" not in directives


UNIT = DEPLOY / "knotenpunkt.service"


def test_the_systemd_unit_is_private_and_sandboxed() -> None:
    options = dict(
        line.split("=", 1)
        for line in UNIT.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert options["UMask"] == "0077"
    for name in (
        "NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices",
        "ProtectKernelTunables", "ProtectKernelModules", "ProtectControlGroups",
        "RestrictAddressFamilies", "RestrictNamespaces", "SystemCallFilter",
        "CapabilityBoundingSet", "LockPersonality", "MemoryDenyWriteExecute",
    ):  # fmt: skip
        assert name in options, name
    assert options["ProtectSystem"] == "strict" and options["StateDirectory"] == "knotenpunkt"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_analyze_rates_the_unit_below_3(tmp_path: Path) -> None:
    unit = tmp_path / "knotenpunkt.service"
    unit.write_bytes(UNIT.read_bytes())
    result = subprocess.run(
        ["systemd-analyze", "security", "--offline=true", "--no-pager", str(unit)],
        capture_output=True,
        text=True,
        check=False,
    )
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    if match is None:
        pytest.skip(f"systemd-analyze gave no rating: {result.stderr.strip()[:200]}")
    assert float(match.group(1)) < 3.0, result.stdout


def test_the_dockerfile_installs_the_lock_in_its_own_layer_and_checks_the_configured_port() -> None:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    install_deps = text.index("pip install --no-cache-dir --require-hashes -r requirements.lock")
    assert text.index("COPY requirements.lock") < install_deps < text.index("COPY pyproject.toml")
    assert install_deps < text.index("COPY bot ") < text.index("--no-deps .")
    healthcheck = text[text.index("HEALTHCHECK") :]
    assert "${KNOTENPUNKT_HTTP_PORT:-8080}/healthz" in healthcheck.split("STOPSIGNAL")[0]


def test_the_license_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in license_text
