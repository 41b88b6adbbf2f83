"""The lock files agree with pyproject.toml, and `make run` / `make test` install from them.

``requirements.lock`` (running) and ``requirements-dev.lock`` (running plus the dev extras)
pin every package to one version with its hashes, so a fresh clone installs what the suite
last passed with, not whatever is newest that day. ``make lock`` writes them; these checks
read them offline and fail when pyproject.toml's dependencies changed without a refresh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_LOCK = "requirements.lock"
DEV_LOCK = "requirements-dev.lock"
# how uv's annotations name pyproject.toml as the reason for a package
FROM_PYPROJECT = "knotenpunkt (pyproject.toml)"


@dataclass
class Pin:
    """One package of a lock file: its exact version, its hashes and who needs it."""

    requirement: Requirement
    hashes: list[str] = field(default_factory=list)
    needed_by: set[str] = field(default_factory=set)

    @property
    def version(self) -> Version:
        (specifier,) = self.requirement.specifier
        return Version(specifier.version)


def read_lock(name: str) -> dict[NormalizedName, Pin]:
    """Parses the pip requirements format that `uv pip compile --generate-hashes` writes."""
    pins: dict[NormalizedName, Pin] = {}
    current: Pin | None = None
    for raw in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip().removesuffix("\\").strip()
        if not line or (current is None and line.startswith("#")):
            continue
        if not raw[0].isspace():
            current = Pin(Requirement(line))
            pins[canonicalize_name(current.requirement.name)] = current
        elif current is None:
            raise AssertionError(f"{name}: indented line before any package: {raw!r}")
        elif line.startswith("--hash="):
            current.hashes.append(line.removeprefix("--hash="))
        elif line.startswith("# via "):
            current.needed_by.add(line.removeprefix("# via "))
        elif line.startswith("#   "):
            current.needed_by.add(line.removeprefix("#   ").strip())
    return pins


def pyproject_requirements(*, dev: bool) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = project["dependencies"] + (project["optional-dependencies"]["dev"] if dev else [])
    return [Requirement(text) for text in listed]


LOCKS = [pytest.param(RUNTIME_LOCK, False, id="runtime"), pytest.param(DEV_LOCK, True, id="dev")]


@pytest.mark.parametrize(("lock", "dev"), LOCKS)
def test_every_dependency_is_locked_within_pyprojects_bounds(lock: str, dev: bool) -> None:
    pins = read_lock(lock)
    for requirement in pyproject_requirements(dev=dev):
        pin = pins.get(canonicalize_name(requirement.name))
        assert pin is not None, f"{requirement} is not in {lock}: run `make lock`"
        assert requirement.specifier.contains(pin.version, prereleases=True), (
            f"{lock} pins {pin.requirement}, outside pyproject.toml's {requirement}: run `make lock`"
        )


@pytest.mark.parametrize(("lock", "dev"), LOCKS)
def test_a_lock_holds_only_what_pyproject_needs(lock: str, dev: bool) -> None:
    """A dependency dropped from pyproject.toml (or a dev tool in the runtime lock) shows."""
    pins = read_lock(lock)
    direct = {name for name, pin in pins.items() if FROM_PYPROJECT in pin.needed_by}
    assert direct == {canonicalize_name(r.name) for r in pyproject_requirements(dev=dev)}
    needed = set(direct)
    while grown := {
        name for name, pin in pins.items() if name not in needed and pin.needed_by & needed
    }:
        needed |= grown
    assert sorted(set(pins) - needed) == [], "nothing in pyproject.toml needs these: `make lock`"


@pytest.mark.parametrize("lock", [RUNTIME_LOCK, DEV_LOCK])
def test_every_pin_is_one_version_with_hashes(lock: str) -> None:
    for name, pin in read_lock(lock).items():
        (specifier,) = pin.requirement.specifier
        assert specifier.operator == "==", f"{lock}: {name} is not pinned: {pin.requirement}"
        assert pin.hashes, f"{lock}: {name} has no hashes"
        assert all(h.startswith("sha256:") for h in pin.hashes), f"{lock}: {name}"


def test_make_test_runs_the_versions_make_run_runs() -> None:
    runtime, dev = read_lock(RUNTIME_LOCK), read_lock(DEV_LOCK)
    for name, pin in runtime.items():
        assert name in dev, f"{name} is in {RUNTIME_LOCK} but not in {DEV_LOCK}"
        assert str(dev[name].requirement) == str(pin.requirement), name
        assert sorted(dev[name].hashes) == sorted(pin.hashes), name


def _make_dry_run(venv: Path, target: str, *options: str) -> str:
    result = subprocess.run(
        ["make", "-n", "-C", str(ROOT), f"VENV={venv}", *options, f"{venv}/{target}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("stamp", "lock"), [(".installed", RUNTIME_LOCK), (".installed-dev", DEV_LOCK)]
)
def test_a_changed_lock_reinstalls_from_it_with_hashes(
    tmp_path: Path, stamp: str, lock: str
) -> None:
    """The stamps `make run` and `make test` depend on are older than a changed lock."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    later = time.time() + 60
    for made in (venv / "bin" / "python", venv / ".installed", venv / ".installed-dev"):
        made.touch()
        os.utime(made, (later, later))

    assert "pip install" not in _make_dry_run(venv, stamp)

    commands = _make_dry_run(venv, stamp, f"--what-if={lock}")
    install_locked = commands.index(f"pip install --quiet --require-hashes -r {lock}")
    assert install_locked < commands.index("pip install --quiet --no-deps -e .")
