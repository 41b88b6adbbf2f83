"""The one place where arguments from a platform (button data, typed numbers) become values.

Button data and typed text come from outside: a button from an old message, a forged
callback, ``²`` (which ``str.isdigit`` accepts) or a number with forty digits. Everything
here accepts ASCII digits only, within bounds, so nothing downstream (SQLite, datetime)
sees a value it cannot handle. A handler that cannot use a button's argument raises
:class:`StaleArgument`; the core answers "this button is no longer valid" and keeps
nothing the handler may have written.

A button with several values declares them once as a :class:`ButtonArgs` class (its
action's name, its fields and their bounds); building the button encodes them, and the
router decodes them before the handler runs, so no handler splits an argument by hand.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, fields
from types import UnionType
from typing import (
    Annotated,
    ClassVar,
    Literal,
    Self,
    Union,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

from bot.models import CALLBACK_LIMIT, Button

MAX_ID = 2**63 - 1  # SQLite's INTEGER
MAX_DIGITS = 19
MAX_ARGUMENT = 256  # longer button data is not ours (Telegram allows 64 bytes)
MAX_TIMESTAMP = 253_402_300_799  # 9999-12-31 23:59:59 UTC, the end of datetime

_DIGITS = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")


class StaleArgument(Exception):
    """A button's argument does not fit what the button expects (stale or forged)."""


def number(text: str, low: int = 0, high: int = MAX_ID) -> int | None:
    """``text`` as an integer in ``low..high`` (ASCII digits only), else None."""
    value = text.strip()
    if not _DIGITS.fullmatch(value):
        return None
    parsed = int(value)
    return parsed if low <= parsed <= high else None


def record_id(text: str) -> int | None:
    """A database id (1 or more) from a button or a command, else None."""
    return number(text, 1, MAX_ID)


# a record's number as people write it, and as the bot itself writes it ("Nr. 3", "no. 3")
_NUMBERED = re.compile(
    r"\s*(?:#|(?:nr|no|nummer|number)\.?)?\s*([0-9]+)[.,:]?(?:\s+(.*))?\s*",
    re.IGNORECASE | re.DOTALL,
)


def numbered(text: str) -> tuple[int | None, str]:
    """The record number ``text`` begins with, written ``3``, ``#3``, ``Nr. 3``, ``Nr 3``
    or ``no. 3`` (the bot shows numbers as ``Nr. 3``, so people copy that), and the rest of
    the text; (None, text) when it begins with none. The one reader of event, member and
    broadcast numbers in commands."""
    found = _NUMBERED.fullmatch(text)
    if found is None:
        return None, text
    value = record_id(found.group(1))
    return (value, (found.group(2) or "").strip()) if value is not None else (None, text)


def member_number(text: str) -> int | None:
    """A member's number as staff type it, ``12``, ``#12`` or ``Nr. 12``; None when it is
    not one (or more follows)."""
    value, rest = numbered(text)
    return value if not rest else None


def button_number(text: str, low: int = 0, high: int = MAX_ID) -> int:
    """Like :func:`number`, for a button: anything else raises :class:`StaleArgument`."""
    parsed = number(text, low, high) if len(text) <= MAX_ARGUMENT else None
    if parsed is None:
        raise StaleArgument(text[:40])
    return parsed


def button_choice(text: str, choices: tuple[str, ...] | list[str]) -> str:
    """One of ``choices`` exactly, else :class:`StaleArgument`."""
    if text not in choices:
        raise StaleArgument(text[:40])
    return text


# typed buttons ----------------------------------------------------------------------------

SEPARATOR = ":"  # between the fields of a button argument


@dataclass(frozen=True)
class Bounds:
    """An integer field of a button in ``low..high`` (ASCII digits)."""

    low: int
    high: int

    @property
    def width(self) -> int:
        return max(len(str(self.low)), len(str(self.high)))


@dataclass(frozen=True)
class Short:
    """A text field of a button: at most ``size`` bytes, one line, without the separator."""

    size: int


RecordId = Annotated[int, Bounds(1, MAX_ID)]
"""A database id (1 or more)."""
Timestamp = Annotated[int, Bounds(0, MAX_TIMESTAMP)]
"""Seconds since the epoch (UTC), up to the end of datetime."""


@dataclass(frozen=True)
class _Field:
    """How one field of a button argument is written and read back."""

    name: str
    kind: type  # int, bool or str
    optional: bool  # None is written as the empty string
    bounds: Bounds | None = None
    choices: tuple[str, ...] = ()
    size: int = 0

    @property
    def width(self) -> int:
        """The most bytes the field takes."""
        if self.kind is bool:
            return 1
        if self.bounds is not None:
            return self.bounds.width
        if self.choices:
            return max(len(c.encode()) for c in self.choices)
        return self.size

    def write(self, value: object) -> str:
        """The field as text; a value it could not read back is a bug: ValueError."""
        if value is None and self.optional:
            return ""
        if self.kind is bool:
            return "1" if value else "0"
        text = str(value)
        try:
            fits = self.read(text) == value
        except StaleArgument:
            fits = False
        if not fits:
            raise ValueError(f"button field {self.name}: {value!r} is out of its bounds")
        return text

    def read(self, text: str) -> object:
        if text == "" and self.optional:
            return None
        if self.kind is bool:
            if text not in ("0", "1"):
                raise StaleArgument(text[:40])
            return text == "1"
        if self.bounds is not None:
            return button_number(text, self.bounds.low, self.bounds.high)
        if self.choices:
            return button_choice(text, self.choices)
        if not text or len(text.encode()) > self.size or SEPARATOR in text or "\n" in text:
            raise StaleArgument(text[:40])
        return text


def _field(name: str, hint: object) -> _Field:
    """The field for one annotation: ``RecordId``, ``Annotated[int, Bounds(…)]``, ``bool``,
    ``Literal["a", "b"]``, ``Annotated[str, Short(n)]``, each also ``… | None``."""
    optional = False
    args = get_args(hint)
    if get_origin(hint) in (Union, UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"button field {name}: one type or None")
        hint, optional = rest[0], True
    if hint is bool:
        return _Field(name, bool, optional)
    if get_origin(hint) is Literal:
        choices = get_args(hint)
        if not all(isinstance(c, str) and c and SEPARATOR not in c for c in choices):
            raise TypeError(f"button field {name}: choices are texts without {SEPARATOR!r}")
        return _Field(name, str, optional, choices=choices)
    if get_origin(hint) is Annotated:
        base, *marks = get_args(hint)
        for mark in marks:
            if base is int and isinstance(mark, Bounds):
                return _Field(name, int, optional, bounds=mark)
            if base is str and isinstance(mark, Short):
                return _Field(name, str, optional, size=mark.size)
    raise TypeError(f"button field {name}: bounded int, bool, Literal or Short text")


@dataclass_transform(frozen_default=True)
class ButtonArgs:
    """The typed argument of a button action, declared like aiogram's ``CallbackData``::

        class CardButton(ButtonArgs, action="ev.card"):
            event_id: RecordId
            page: Annotated[int, Bounds(0, 99)] = 0

    Each subclass is a frozen dataclass. Its fields are written as ``action|a:b`` in their
    order and read back with their bounds: anything else raises :class:`StaleArgument`.
    Trailing fields with a default may be missing (buttons from before they existed). The
    longest argument the fields allow must fit Telegram's 64 bytes, checked here, when the
    class is declared.
    """

    action: ClassVar[str]
    _fields: ClassVar[tuple[_Field, ...]]
    _required: ClassVar[int]

    def __init_subclass__(cls, action: str, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True)(cls)
        hints = get_type_hints(cls, include_extras=True)
        cls.action = action
        declared = fields(cls)  # type: ignore[arg-type]
        cls._fields = tuple(_field(f.name, hints[f.name]) for f in declared)
        cls._required = len(
            [f for f in declared if f.default is MISSING and f.default_factory is MISSING]
        )
        Button(label="-", action=action)  # the action's name is valid
        widest = len(action) + 1 + sum(f.width for f in cls._fields)
        widest += max(len(cls._fields) - 1, 0) * len(SEPARATOR)
        if widest > CALLBACK_LIMIT:
            raise ValueError(
                f"button {action}: up to {widest} bytes, over Telegram's {CALLBACK_LIMIT}"
            )

    def encode(self) -> str:
        """The argument as the button carries it (without the action); trailing empty
        fields that may be missing are left out."""
        parts = [f.write(getattr(self, f.name)) for f in self._fields]
        while len(parts) > self._required and parts[-1] == "":
            parts.pop()
        return SEPARATOR.join(parts)

    @classmethod
    def decode(cls, text: str) -> Self:
        """The argument of a pressed button, else :class:`StaleArgument` (stale or forged)."""
        parts = text.split(SEPARATOR) if len(text) <= MAX_ARGUMENT else [""] * 99
        if text == "" and cls._required == 0:
            parts = []  # every field at its default
        if not cls._required <= len(parts) <= len(cls._fields):
            raise StaleArgument(text[:40])
        values = {f.name: f.read(part) for f, part in zip(cls._fields, parts, strict=False)}
        return cls(**values)

    def button(self, label: str) -> Button:
        """A button with ``label`` that runs this action with these arguments."""
        made = Button(label=label, action=self.action, arg=self.encode())
        made.encode()  # over the limit: fails here, where the button is built
        return made
