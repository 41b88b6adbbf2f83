"""How a member's profile reads, shared by ``/profil`` and the Slack App Home, so the two
never drift apart."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.i18n import format_date, t
from storage.members import Member

OTHER_REGION = "other"  # stored for "Andere Region"; shown in the reader's language
SKIPPED = frozenset({"", "-", "–", "—"})  # what a skipped answer may have been stored as


def shown_company(company: str) -> str:
    """The company as readers see it: empty when none was given (a skip word stored as the
    company before migration 0019 included), never "-"."""
    return "" if company.strip() in SKIPPED else company


def with_company(name: str, company: str, *more: str) -> str:
    """``Anna Müller (Muster GmbH)``, ``Anna Müller (Muster GmbH, Kreis Olpe)``, or only
    what was given: no empty parentheses, no "Anna Müller (-)"."""
    inside = ", ".join(part for part in (shown_company(company), *more) if part)
    return f"{name} ({inside})" if inside else name


def region_label(lang: str, region: str) -> str:
    return t(lang, "reg.region_other") if region == OTHER_REGION else region


def profile_body(lang: str, zone: ZoneInfo, member: Member) -> str:
    return t(
        lang,
        "profile.body",
        name=member.name,
        company=shown_company(member.company) or t(lang, "profile.not_given"),
        region=region_label(lang, member.region),
        competencies=", ".join(member.competencies) or t(lang, "profile.none"),
        language=t(lang, f"lang.{member.language}"),
        reminders=t(lang, "profile.on" if member.reminders_enabled else "profile.off"),
        since=format_date(member.created_at, lang, zone),
    )
