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

A text that depends on a number is a dict of CLDR plural categories, e.g.
``{"one": "{n} Tag", "other": "{n} Tage"}``, read with :func:`tn`; Babel knows which
category a number falls into in each language.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime

from bot.i18n import catalog as _catalog_pkg

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
ADDRESSES = ("sie", "du")
DU_VARIANT = "de_du"
CLI = "cli"  # the command line's "language": English, without chat advice

Text = str | dict[str, str]  # plain, or plural forms by CLDR category
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


def set_german_address(address: str) -> None:
    """Choose "sie" (the default) or "du" for German texts, once per process at start."""
    global _address
    if address not in ADDRESSES:
        raise ValueError(f"German address must be one of {ADDRESSES}, not {address!r}")
    _address = "du" if address == "du" else "sie"


def german_address() -> Address:
    return _address


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
    """Translate ``key`` into ``lang``, falling back to German; unknown keys fail loudly."""
    text = template(lang, key)
    if not isinstance(text, str):
        raise TypeError(f"message key {key!r} has plural forms; use tn()")
    return text.format(**params) if params else text


def plural_category(lang: str, count: int) -> str:
    """The CLDR plural category of ``count`` in ``lang`` ("one", "other", ...)."""
    if lang == CLI:
        lang = "en"
    return Locale.parse(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).plural_form(count)


def tn(lang: str, key: str, count: int, **params: object) -> str:
    """A text that depends on ``count``: "1 Tag", "2 Tage". ``{n}`` is the count."""
    forms = template(lang, key)
    if isinstance(forms, str):
        raise TypeError(f"message key {key!r} has no plural forms; use t()")
    text = forms.get(plural_category(lang, count)) or forms["other"]
    return text.format(n=count, **params)


def format_datetime(moment: datetime, lang: str, zone: ZoneInfo) -> str:
    """Show a UTC moment in the member's zone, the German way for German readers."""
    local = moment.astimezone(zone)
    if lang == "de":
        return _babel_datetime(local, "EEE, dd.MM.yyyy, HH:mm 'Uhr'", locale="de_DE")
    return _babel_datetime(local, "EEE, d MMM yyyy, h:mm a", locale="en_GB")


def format_date(moment: datetime, lang: str, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    if lang == "de":
        return _babel_datetime(local, "dd.MM.yyyy", locale="de_DE")
    return _babel_datetime(local, "d MMM yyyy", locale="en_GB")


def format_day(day: date, lang: str) -> str:
    """A calendar day with its weekday: ``Mi., 10.03.2027`` or ``Wed, 10 Mar 2027``."""
    if lang == "de":
        return _babel_date(day, "EEE, dd.MM.yyyy", locale="de_DE")
    return _babel_date(day, "EEE, d MMM yyyy", locale="en_GB")
