"""Every user-visible string, German first and English second.

Catalog modules live in ``bot/i18n/catalog/``, one per capability, each exposing
``MESSAGES = {key: {"de": ..., "en": ...}}``. They are merged at import, and a duplicate
key is an error, so capabilities cannot silently overwrite each other's texts.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as _babel_datetime

from bot.i18n import catalog as _catalog_pkg

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"


def _load_catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_catalog_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{_catalog_pkg.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            merged[key] = texts
    return merged


CATALOG = _load_catalog()


def normalize_language(code: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a platform language hint like ``en-GB`` or ``de_DE`` to a catalog language."""
    if not code:
        return default
    short = code.replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else default


def t(lang: str, key: str, **params: object) -> str:
    """Translate ``key`` into ``lang``, falling back to German, then to the key itself."""
    texts = CATALOG.get(key)
    if texts is None:
        raise KeyError(f"unknown message key {key!r}")
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


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
