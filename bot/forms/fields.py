"""What a form is made of: fields of a few kinds, each with its prompt, parser and choices.

A field is declared once and read the same way everywhere: typed in a chat, picked from
buttons, entered in a Slack modal or on the dashboard. Parsers raise a
:class:`bot.router.Refusal` (``handlers.validation.Invalid``) with the message to show.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_jsonable_python

from bot.context import Context


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    CHOICE = "choice"  # one of the choices
    MULTI = "multi"  # any number of the choices
    YES_NO = "yes_no"
    NUMBER = "number"
    DATETIME = "datetime"
    DATE = "date"


@dataclass(frozen=True)
class Choice:
    """One offered answer: ``value`` is stored, the label is shown (a catalog ``key`` or a
    literal ``label`` such as a topic's name)."""

    value: str
    label: str | None = None
    key: str | None = None

    def text(self, ctx: Context) -> str:
        return ctx.t(self.key) if self.key else (self.label or self.value)


class Draft(Mapping[str, Any]):
    """The answers so far, typed by the form's model (a datetime comes back a datetime)."""

    def __init__(self, model: type[BaseModel], raw: dict[str, Any]) -> None:
        self.model = model
        self.raw = raw

    def __getitem__(self, name: str) -> Any:
        return _adapter(self.model, name).validate_python(self.raw[name])

    def __iter__(self) -> Any:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def with_value(self, name: str, value: Any) -> Draft:
        return Draft(self.model, {**self.raw, name: to_jsonable_python(value)})

    def without(self, name: str) -> Draft:
        return Draft(self.model, {k: v for k, v in self.raw.items() if k != name})


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    annotation: Any = model.model_fields[name].annotation
    return TypeAdapter(annotation)


Parser = Callable[[Context, str, Draft], Any]
"""Reads a typed answer (may be async); raises a Refusal with the message to show."""
ChoicesOf = Callable[[Context, Draft], Awaitable[list[Choice]]]
Shown = Callable[[Context, Any, Draft], str]
Condition = Callable[[Draft], bool]
Params = Callable[[Context, Draft], Mapping[str, object] | Awaitable[Mapping[str, object]]]
"""The prompt's parameters (may be async: a name looked up by an earlier answer)."""
Gone = Callable[[Context, str, Draft], Awaitable[None]]


@dataclass(frozen=True)
class Several:
    """A parser's answer that also answers later fields: a range typed as the start
    (``1.4. 18:30 bis 20 Uhr``) gives the end too, which is then not asked."""

    value: Any
    also: Mapping[str, Any]


@dataclass(frozen=True)
class Field:
    """One question of a form.

    ``prompt`` and ``label`` are catalog keys: the question in a chat, and the short name in
    the preview, the list of fields to change and a modal. ``optional`` fields can be
    skipped (``-`` or the button); ``when`` asks a field only if earlier answers call for
    it; ``choices`` is a fixed list or an async function of the draft. ``params`` fill the
    prompt (may be async). A required choice field with nothing to offer is not asked: the
    kernel says ``empty`` (a catalog key) and asks the field before it again. ``gone`` says
    why a pressed choice is no longer offered (it raises the Refusal to show).

    ``pickers`` makes a text field one of several moments: a native form offers that many
    date-and-time pickers beside the typed text (``picker_label``: a catalog key with
    ``{number}``). The picked moments reach the parser as lines after what was typed, so a
    picked date meets exactly the checks a typed one does.
    """

    name: str
    kind: Kind
    prompt: str
    label: str
    parse: Parser | None = None
    choices: list[Choice] | ChoicesOf | None = None
    optional: bool = False
    when: Condition | None = None
    show: Shown | None = None
    params: Params | None = None
    empty: str | None = None
    gone: Gone | None = None
    max_length: int = 200
    hint: str | None = None  # catalog key: the line under the field in a native form (a
    # chat prompt speaks of chat things, "/abbrechen", "tippen Sie", so it is not used there)
    columns: int = 1  # buttons per row in a chat
    pickers: int = 0
    picker_label: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def typed_entries(self) -> bool:
        """A multiple choice whose parser also takes typed entries (keywords besides the
        suggestions): a native form shows it as one text, the entries separated by commas."""
        return self.kind == Kind.MULTI and self.parse is not None

    @property
    def picker_names(self) -> list[str]:
        """The names a native form gives the pickers (``options.1`` …): a field's name
        never has a dot, so they cannot clash with another field."""
        return [f"{self.name}.{n}" for n in range(1, self.pickers + 1)]

    def applies(self, draft: Draft) -> bool:
        return self.when is None or self.when(draft)

    async def options(self, ctx: Context, draft: Draft) -> list[Choice]:
        if self.kind == Kind.YES_NO:
            return [Choice("yes", key="form.yes"), Choice("no", key="form.no")]
        if self.choices is None:
            return []
        if callable(self.choices):
            return await self.choices(ctx, draft)
        return list(self.choices)

    async def parameters(self, ctx: Context, draft: Draft) -> dict[str, object]:
        """The prompt's parameters."""
        if self.params is None:
            return {}
        value = self.params(ctx, draft)
        return dict(await value if inspect.isawaitable(value) else value)

    async def read(self, ctx: Context, text: str, draft: Draft) -> Any:
        """The value of a typed answer, by the field's own parser."""
        if self.parse is None:
            return text
        value = self.parse(ctx, text, draft)
        return await value if inspect.isawaitable(value) else value

    async def shown(self, ctx: Context, draft: Draft) -> str:
        """The value as the preview shows it (``–`` when there is none)."""
        if self.name not in draft.raw or draft.raw[self.name] is None:
            return "–"
        value = draft[self.name]
        if self.show is not None:
            return self.show(ctx, value, draft)
        if self.kind in (Kind.CHOICE, Kind.MULTI, Kind.YES_NO):
            labels = {c.value: c.text(ctx) for c in await self.options(ctx, draft)}
            if self.kind == Kind.YES_NO:
                return labels["yes" if value else "no"]
            values = value if isinstance(value, list) else [value]
            return ", ".join(labels.get(str(v), str(v)) for v in values) or "–"
        if isinstance(value, datetime):
            return ctx.format_datetime(value)
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "–"
        return str(value)
