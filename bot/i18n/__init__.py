"""Every user-visible string, German first and English second.

Catalog modules live in ``bot/i18n/catalog/``, one per capability, each exposing
``MESSAGES = {key: {"de": ..., "en": ...}}``. They are merged at import, and a duplicate
key is an error, so capabilities cannot silently overwrite each other's texts.

The command line speaks English: ``t(CLI, key)`` reads a key's optional ``"cli"`` text,
for the few texts shared with chat that give chat advice ("Send /topics ..."), and else
its English text.

German addresses members formally ("Sie"). A network that prefers "du" sets
``KNOTENPUNKT_GERMAN_ADDRESS=du``; then a key's optional ``"de_du"`` text is used instead
of its ``"de"`` text. Only texts that differ carry a ``"de_du"`` variant, so a key without
one (for example from a module written later) falls back to the "Sie" text.

A number that counts something carries its plural forms in the text, in ICU's syntax:
``"{count, plural, one {# Mitglied} other {# Mitglieder}}"`` (``#`` is the number as the
reader writes it, ``1.234`` in German; ``=0``
picks one number exactly); a text may hold several such parts, one per number, and the
forms may hold other placeholders. Babel knows which CLDR category ("one", "other", ...)
a number falls into in each language. :func:`t` resolves them from its parameters, so
"1 Mitglied" and "2 Mitglieder" need nothing from the caller but the number.

Examples of dates in a text are written as ``{ex_datetime}``, ``{ex_date_iso}`` and so on
(see :mod:`bot.calendar.examples`): they are filled in from the current moment in the
network's zone, so no prompt ever shows an example that lies in the past.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_decimal

from bot.calendar.examples import example_texts
from bot.i18n import catalog as _catalog_pkg

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
ADDRESSES = ("sie", "du")
DU_VARIANT = "de_du"
CLI = "cli"  # the command line's "language": English, without chat advice

Text = str
Address = Literal["sie", "du"]


def _load_catalog() -> dict[str, dict[str, Text]]:
    merged: dict[str, dict[str, Text]] = {}
    for info in sorted(pkgutil.iter_modules(_catalog_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{_catalog_pkg.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            merged[key] = texts
    return merged


CATALOG = _load_catalog()
_address: Address = "sie"
_zone = ZoneInfo("Europe/Berlin")
EXAMPLE_MARK = "{ex_"


def set_german_address(address: str) -> None:
    """Choose "sie" (the default) or "du" for German texts, once per process at start."""
    global _address
    if address not in ADDRESSES:
        raise ValueError(f"German address must be one of {ADDRESSES}, not {address!r}")
    _address = "du" if address == "du" else "sie"


def german_address() -> Address:
    return _address


def set_network_zone(zone: ZoneInfo) -> None:
    """The zone in which example dates are written, once per process at start."""
    global _zone
    _zone = zone


def examples() -> dict[str, str]:
    """The example dates of this moment (``ex_datetime``, ``ex_date_iso``, …)."""
    return example_texts(_zone)


QUOTES = frozenset('„“”"«»')  # double quotation marks, in German, English and French use
_QUOTED = re.compile(r"[„“\"«](\{(\w+)\})[“”\"»]")


def quoted(value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``value`` in the language's quotation marks, unless it carries its own (a title
    such as „KI-Stammtisch“ – Frühjahr): never a second pair, as in the catalog's texts."""
    if any(c in QUOTES for c in value):
        return value
    return f"“{value}”" if lang == "en" else f"„{value}“"


def _unquote_quoted(text: str, params: dict[str, object]) -> str:
    """``text`` without the quotation marks around a placeholder whose value has its own,
    so that „{title}“ never reads „„KI-Stammtisch“ – Frühjahr“."""
    return _QUOTED.sub(
        lambda m: (
            m.group(1) if any(c in QUOTES for c in str(params.get(m.group(2), ""))) else m.group(0)
        ),
        text,
    )


def _fill(text: str, params: dict[str, object]) -> str:
    """Format ``text``; example dates (``{ex_…}``) come from the current moment."""
    if EXAMPLE_MARK in text:
        params = {**examples(), **params}
    if not params:
        return text
    if any(isinstance(v, str) and any(c in QUOTES for c in v) for v in params.values()):
        text = _unquote_quoted(text, params)
    return text.format(**params)


def normalize_language(code: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a platform language hint like ``en-GB`` or ``de_DE`` to a catalog language."""
    if not code:
        return default
    short = code.replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else default


def template(lang: str, key: str, address: Address | None = None) -> Text:
    """The raw text of ``key`` in ``lang`` (German "du" form where chosen and present)."""
    texts = CATALOG.get(key)
    if texts is None:
        raise KeyError(f"unknown message key {key!r}")
    if lang == CLI:
        return texts.get(CLI) or texts["en"]
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    if lang == "de" and (address or _address) == "du" and DU_VARIANT in texts:
        return texts[DU_VARIANT]
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def t(lang: str, key: str, **params: object) -> str:
    """Translate ``key`` into ``lang``, falling back to German; unknown keys fail loudly.
    Plural parts take the form their number calls for."""
    text = template(lang, key)
    if "plural," in text:
        text = choose_plurals(text, lang, params, key)
    return _fill(text, params)


@functools.lru_cache(maxsize=4096)
def plural_category(lang: str, count: int) -> str:
    """The CLDR plural category of ``count`` in ``lang`` ("one", "other", ...)."""
    if lang == CLI:
        lang = "en"
    return _locale(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).plural_form(count)


@functools.cache
def _locale(lang: str) -> Locale:
    """Babel's data for a language, read once (parsing it again cost more than the text)."""
    return Locale.parse(lang)


def tn(lang: str, key: str, count: int, **params: object) -> str:
    """A text whose plural parts count ``{n}``: "1 Tag", "2 Tage"."""
    return t(lang, key, n=count, **params)


_PLURAL_START = re.compile(r"\{(\w+),\s*plural,")
_SELECTOR = re.compile(r"\s*(=\d+|zero|one|two|few|many|other)\s*\{")


def plural_parts(text: str) -> list[tuple[int, int, str, dict[str, str]]]:
    """The plural parts of a text: (start, end, parameter, forms by selector).
    Raises ValueError for a part that is not well formed or has no "other" form."""
    return [(start, end, name, dict(forms)) for start, end, name, forms in _plural_parts(text)]


@functools.lru_cache(maxsize=1024)
def _plural_parts(text: str) -> tuple[tuple[int, int, str, dict[str, str]], ...]:
    """:func:`plural_parts`, read once per text (the catalog's texts are few and fixed)."""
    parts = []
    position = 0
    while (head := _PLURAL_START.search(text, position)) is not None:
        forms: dict[str, str] = {}
        cursor = head.end()
        while (selector := _SELECTOR.match(text, cursor)) is not None:
            close = _closing_brace(text, selector.end())
            forms[selector.group(1)] = text[selector.end() : close]
            cursor = close + 1
        end = text.find("}", cursor)
        if end < 0 or text[cursor:end].strip() or "other" not in forms:
            raise ValueError(f"plural part of {head.group(1)!r} is not well formed: {text!r}")
        parts.append((head.start(), end + 1, head.group(1), forms))
        position = end + 1
    return tuple(parts)


def _closing_brace(text: str, start: int) -> int:
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(f"unbalanced braces in {text!r}")


def format_count(count: int, lang: str) -> str:
    """A count as the reader writes numbers: ``1.234`` in German, ``1,234`` in English."""
    if type(count) is int and 0 <= count < 1000:  # no separator to place: as Babel writes it
        return str(count)
    return format_decimal(count, locale=_locale("de_DE" if lang == "de" else "en_GB"))


def choose_plurals(text: str, lang: str, params: dict[str, object], key: str = "") -> str:
    """Replace each plural part by the form its number takes in ``lang``."""
    pieces, last = [], 0
    for start, end, name, forms in _plural_parts(text):  # read only: no copy
        if name not in params:
            raise KeyError(f"message key {key!r} counts {name!r}; pass it")
        count = params[name]
        if not isinstance(count, int):
            raise TypeError(f"message key {key!r}: {name!r} must be a whole number")
        form = forms.get(f"={count}") or forms.get(plural_category(lang, count))
        pieces += [
            text[last:start],
            (form or forms["other"]).replace("#", format_count(count, lang)),
        ]
        last = end
    return "".join(pieces) + text[last:]


def format_datetime(moment: datetime, lang: str, zone: ZoneInfo) -> str:
    """Show a UTC moment in the member's zone, the German way for German readers."""
    local = moment.astimezone(zone)
    if lang == "de":
        return _babel_datetime(local, "EEE, dd.MM.yyyy, HH:mm 'Uhr'", locale=_locale("de_DE"))
    return _babel_datetime(local, "EEE, d MMM yyyy, h:mm a", locale=_locale("en_GB"))


def format_date(moment: datetime, lang: str, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    if lang == "de":
        return _babel_datetime(local, "dd.MM.yyyy", locale=_locale("de_DE"))
    return _babel_datetime(local, "d MMM yyyy", locale=_locale("en_GB"))


def format_day(day: date, lang: str) -> str:
    """A calendar day with its weekday: ``Mi., 10.03.2027`` or ``Wed, 10 Mar 2027``."""
    if lang == "de":
        return _babel_date(day, "EEE, dd.MM.yyyy", locale=_locale("de_DE"))
    return _babel_date(day, "EEE, d MMM yyyy", locale=_locale("en_GB"))


def format_month(month: str, lang: str) -> str:
    """A calendar month kept as ``YYYY-MM``, as people say it: ``Dezember 2026``."""
    year, number = (int(part) for part in month.split("-"))
    locale = "de_DE" if lang == "de" else "en_GB"
    return _babel_date(date(year, number, 1), "LLLL yyyy", locale=_locale(locale))
