"""The house rules of the source tree, checked on every test run.

- no import circles between project modules (imports under TYPE_CHECKING count too);
- the kernel (``bot/`` outside ``adapters/`` and ``cli/``) imports no capability; only
  the wiring in ``bot/app.py`` may import the discovery in ``handlers/__init__.py``;
- capabilities (``handlers/``) never import an adapter, the wiring or the CLI;
- adapters may use a capability's renderer (``handlers.X.render``) and nothing else of it;
- ``storage/`` imports neither ``bot`` nor ``handlers``;
- platform libraries are imported only inside ``bot/adapters/``;
- nothing imports ``bot.app`` but the CLI.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "storage")
PLATFORM_LIBRARIES = ("telegram", "slack_bolt", "slack_sdk")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every module named by an import statement anywhere in the file (also in functions
    and under TYPE_CHECKING), resolved to the deepest name that is a module."""
    tree = ast.parse(path.read_text(), filename=str(path))
    is_package = path.name == "__init__.py"
    named: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                if not is_package:
                    anchor = anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                named.add(candidate if candidate in MODULES else base)
    return named


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def _project(target: str) -> str | None:
    """The project module an import names (a name inside a module maps to the module)."""
    while target:
        if target in MODULES:
            return target
        target = target.rpartition(".")[0]
    return None


def _is_kernel(name: str) -> bool:
    return name.startswith("bot") and not name.startswith(("bot.adapters", "bot.cli"))


def _violations(rule: str) -> list[str]:
    found: list[str] = []
    for name, targets in IMPORTS.items():
        for target in sorted(targets):
            if message := _check(rule, name, target):
                found.append(message)
    return found


def _check(rule: str, name: str, target: str) -> str | None:
    top = target.split(".")[0]
    if rule == "platform":
        if top in PLATFORM_LIBRARIES and not name.startswith("bot.adapters"):
            return f"{name} imports the platform library {target}"
        return None
    if _project(target) is None:
        return None
    if (
        rule == "kernel"
        and _is_kernel(name)
        and top == "handlers"
        and not (name == "bot.app" and target == "handlers")
    ):
        return f"kernel module {name} imports the capability {target}"
    if (
        rule == "capabilities"
        and name.startswith("handlers")
        and (target.startswith(("bot.adapters", "bot.cli")) or target == "bot.app")
    ):
        return f"capability {name} imports {target}"
    if (
        rule == "adapters"
        and name.startswith("bot.adapters")
        and top == "handlers"
        and not target.endswith(".render")
    ):
        return f"adapter {name} uses {target}, not a capability's renderer"
    if rule == "storage" and name.startswith("storage") and top in ("bot", "handlers"):
        return f"storage module {name} imports {target}"
    if rule == "app" and target == "bot.app" and not name.startswith("bot.cli"):
        return f"{name} imports the wiring bot.app"
    return None


@pytest.mark.parametrize(
    "rule", ["platform", "kernel", "capabilities", "adapters", "storage", "app"]
)
def test_layer_rule(rule: str) -> None:
    assert _violations(rule) == []


def test_no_import_circles() -> None:
    graph = {
        name: {_project(t) for t in targets} - {None, name} for name, targets in IMPORTS.items()
    }
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(n for n in graph[node] if n is not None):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert circles == []


def test_the_rules_see_a_violation() -> None:
    """The checker itself must be able to fail: feed it imports that break each rule."""
    assert _check("platform", "handlers.topics", "telegram.ext")
    assert _check("kernel", "bot.core", "handlers.events.service")
    assert _check("capabilities", "handlers.topics", "bot.adapters.telegram")
    assert _check("adapters", "bot.adapters.slack_home", "handlers.events.service")
    assert _check("storage", "storage.events", "bot.models")
    assert _check("app", "bot.adapters.slack", "bot.app")
    assert not _check("adapters", "bot.adapters.slack_home", "handlers.events.render")
    assert not _check("kernel", "bot.app", "handlers")


def test_every_package_says_what_lives_there() -> None:
    missing = [
        name
        for name, path in MODULES.items()
        if path.name == "__init__.py" and ast.get_docstring(ast.parse(path.read_text())) is None
    ]
    assert missing == []


SQL = re.compile(r"\b(SELECT .+ FROM|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b")


def test_sql_only_in_storage() -> None:
    found = [
        name
        for name, path in MODULES.items()
        if not name.startswith("storage") and SQL.search(path.read_text())
    ]
    assert found == []
    assert SQL.search('await db.execute("DELETE FROM members WHERE id = ?")')


def test_platform_arguments_are_parsed_in_one_place() -> None:
    """Numbers from buttons, commands, settings and the store are read through
    ``bot.arguments`` (ASCII digits, bounds): ``str.isdigit`` accepts ``²`` and numbers of
    any length, on which ``int()`` fails or SQLite overflows. Everywhere, not only in
    handlers: staff commands once passed their text to the store, which parsed it itself."""
    found = [name for name, path in MODULES.items() if ".isdigit()" in path.read_text()]
    assert found == []
