"""How a member's profile reads, shared by ``/profil`` and the Slack App Home, so the two
never drift apart."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.i18n import format_date, t
from storage.members import Member

OTHER_REGION = "other"  # stored for "Andere Region"; shown in the reader's language


def region_label(lang: str, region: str) -> str:
    return t(lang, "reg.region_other") if region == OTHER_REGION else region


def profile_body(lang: str, zone: ZoneInfo, member: Member) -> str:
    return t(
        lang,
        "profile.body",
        name=member.name,
        company=member.company,
        region=region_label(lang, member.region),
        competencies=", ".join(member.competencies) or t(lang, "profile.none"),
        language=t(lang, f"lang.{member.language}"),
        reminders=t(lang, "profile.on" if member.reminders_enabled else "profile.off"),
        since=format_date(member.created_at, lang, zone),
    )
