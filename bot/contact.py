"""Whom a person writes to about their access or their data: the operator's
``KNOTENPUNKT_PRIVACY_CONTACT``, else the network's team by name. Every answer that tells
someone they cannot go on (a declined registration, an access that is not active) names it,
so nobody is left without a next step."""

from __future__ import annotations

from bot.i18n import t
from bot.settings import Settings


def contact(settings: Settings, lang: str) -> str:
    """The contact as it reads after "wenden Sie sich an" / "please contact"."""
    if settings.privacy_contact:
        return settings.privacy_contact
    return t(lang, "core.network_team", network=settings.network_name)


def not_active_text(settings: Settings, lang: str) -> str:
    """The answer to a member whose access is not active (their registration was declined)."""
    return t(lang, "error.not_active", contact=contact(settings, lang))


def declined_text(settings: Settings, lang: str) -> str:
    """The one message a member gets when their registration is declined."""
    return t(
        lang,
        "approval.declined",
        network=settings.network_name,
        contact=contact(settings, lang),
    )
