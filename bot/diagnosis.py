"""One finding of ``knotenpunkt doctor``: what was checked, whether it is right, and in
plain words what was found or what to do. Adapters report their platform's checks in it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        if not self.name:  # a note under the checks, e.g. a setting's value
            return f"    {self.detail}"
        return f"{'✓' if self.ok else '✗'} {self.name}: {self.detail}"


def good(name: str, detail: str) -> Check:
    return Check(name, True, detail)


def bad(name: str, detail: str) -> Check:
    return Check(name, False, detail)


def note(detail: str) -> Check:
    """A line that is no finding: shown indented, never a problem."""
    return Check("", True, detail)
