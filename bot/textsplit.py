"""Where to cut a long text into parts, for adapters whose platform limits a message.

Platform-neutral so that every adapter cuts the same way: at a line break if one is
reasonably late, else at a space, else hard; and never inside a ``protected`` range (a
link, a formatting span, a web address) when a boundary outside one exists. ``measure``
is the platform's length of a piece of visible text (UTF-16 units on Telegram,
characters on Slack).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Measure = Callable[[str], int]
Ranges = list[tuple[int, int]]


def _longest_fitting_prefix(text: str, budget: int, measure: Measure) -> int:
    """Largest n with ``measure(text[:n]) <= budget`` (binary search: it grows with n)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


def _inside(position: int, protected: Sequence[tuple[int, int]]) -> bool:
    """Whether a cut before ``position`` would fall inside a protected range."""
    return any(begin < position < end for begin, end in protected)


def _cut_point(
    text: str, start: int, budget: int, measure: Measure, protected: Sequence[tuple[int, int]]
) -> int:
    """Where the part beginning at ``start`` ends: a late line break, else a space, each
    outside protected ranges first; inside one only when nothing else fits."""
    fits = start + max(_longest_fitting_prefix(text[start:], budget, measure), 1)
    span = fits - start
    for allowed in ([r for r in protected], []):
        newline = text.rfind("\n", start, fits)
        while newline > start and _inside(newline + 1, allowed):
            newline = text.rfind("\n", start, newline)
        if newline - start >= span // 4 and newline > start:
            return newline + 1
        space = text.rfind(" ", start, fits)
        while space > start and _inside(space + 1, allowed):
            space = text.rfind(" ", start, space)
        if space - start >= span // 8 and space > start:
            return space + 1
    return fits


def split_ranges(
    text: str,
    limit: int,
    *,
    first_limit: int | None = None,
    measure: Measure = len,
    protected: Sequence[tuple[int, int]] = (),
) -> Ranges:
    """``(start, end)`` of parts of at most ``limit`` (the first ``first_limit``), without
    the line breaks at their edges; parts that would be only whitespace are dropped."""
    budget = limit if first_limit is None else first_limit
    ranges: Ranges = []
    start = 0
    while measure(text[start:]) > budget:
        cut = _cut_point(text, start, max(budget, 1), measure, protected)
        ranges.append((start, cut))
        start = cut
        budget = limit
    ranges.append((start, len(text)))
    trimmed = []
    for begin, end in ranges:
        while begin < end and text[begin] == "\n":
            begin += 1
        while end > begin and text[end - 1] == "\n":
            end -= 1
        if text[begin:end].strip():
            trimmed.append((begin, end))
    return trimmed


def split_rendered(
    text: str,
    limit: int,
    render: Callable[[int, int], str],
    *,
    first_limit: int | None = None,
    protected: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """Parts of ``text`` rendered by ``render(start, end)`` (escaping, link syntax), each
    at most ``limit`` (the first ``first_limit``) characters once rendered: a part that
    grew too long in rendering is cut again with a smaller budget."""
    first = limit if first_limit is None else first_limit
    parts: list[str] = []
    pending = split_ranges(text, limit, first_limit=first, protected=protected)
    while pending:
        begin, end = pending.pop(0)
        budget = first if not parts else limit
        rendered = render(begin, end)
        if len(rendered) <= budget or end - begin <= 1:
            parts.append(rendered)
            continue
        smaller = max(1, (end - begin) * budget // len(rendered) - 8)
        inner = [(b + begin, e + begin) for b, e in split_ranges(
            text[begin:end], smaller,
            protected=[(max(b - begin, 0), e - begin) for b, e in protected if e > begin],
        )]  # fmt: skip
        pending = inner + pending
    return parts
