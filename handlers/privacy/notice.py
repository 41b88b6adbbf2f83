"""The privacy notice members accept, and its version.

The operator's text comes from ``KNOTENPUNKT_PRIVACY_NOTICE`` (a file; ``{lang}`` in the
path picks ``de`` or ``en``, a missing language falls back to the other one); without it a
built-in text names the network, what is stored and why, and the contact. The version is
``KNOTENPUNKT_PRIVACY_NOTICE_VERSION`` if set, else a hash of the operator's files, else
:data:`BUILTIN_VERSION`. When it changes, members are asked again (see ``consent.py``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bot.i18n import LANGUAGES, t
from bot.settings import ConfigError, Settings

BUILTIN_VERSION = "builtin-1"  # raise when the built-in text changes in substance
MAX_NOTICE = 20_000


@dataclass(frozen=True)
class Notice:
    version: str
    texts: dict[str, str]  # by language; empty for the built-in text


_cache: dict[tuple[object, ...], Notice] = {}


def _paths(template: str) -> dict[str, Path]:
    return {lang: Path(template.replace("{lang}", lang)) for lang in LANGUAGES}


def _load_files(template: str) -> Notice:
    stats: list[tuple[str, int | None, int | None]] = []
    for path in _paths(template).values():
        try:
            info = path.stat()
            stats.append((str(path), info.st_mtime_ns, info.st_size))
        except OSError:
            stats.append((str(path), None, None))
    key = (template, *stats)
    if key in _cache:
        return _cache[key]
    texts: dict[str, str] = {}
    for lang, path in _paths(template).items():
        try:
            texts[lang] = path.read_text(encoding="utf-8").strip()[:MAX_NOTICE]
        except OSError:
            continue
    if not texts:
        raise ConfigError(f"KNOTENPUNKT_PRIVACY_NOTICE: no readable file at {template!r}")
    for lang in LANGUAGES:  # a missing language shows the other one
        texts.setdefault(lang, next(iter(texts.values())))
    digest = hashlib.sha256("\0".join(texts[lang] for lang in LANGUAGES).encode()).hexdigest()
    notice = Notice(version=f"sha256:{digest[:12]}", texts=texts)
    _cache.clear()
    _cache[key] = notice
    return notice


def current_notice(settings: Settings) -> Notice:
    notice = Notice(BUILTIN_VERSION, {})
    if settings.privacy_notice:
        notice = _load_files(settings.privacy_notice)
    if settings.privacy_notice_version:
        notice = Notice(settings.privacy_notice_version, notice.texts)
    return notice


def notice_version(settings: Settings) -> str:
    return current_notice(settings).version


def notice_text(settings: Settings, lang: str) -> str:
    """The notice in ``lang``: the operator's file, else the built-in text."""
    notice = current_notice(settings)
    if notice.texts:
        return notice.texts.get(lang) or notice.texts[LANGUAGES[0]]
    return builtin_text(settings, lang)


def contact_line(settings: Settings, lang: str) -> str:
    if settings.privacy_contact:
        return t(lang, "privacy.contact", contact=settings.privacy_contact)
    return t(lang, "privacy.contact_team")


def builtin_text(settings: Settings, lang: str) -> str:
    return t(
        lang,
        "privacy.notice",
        network=settings.network_name,
        days=settings.unreachable_retention_days,
        contact=contact_line(settings, lang),
    )
