"""How a member's data and its erasure read in chat: the summary next to the JSON file,
and the lists of what was deleted and what stays for others without the person, in words
(``bot/i18n/catalog/privacy_kinds.py``), never table names."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.i18n import CATALOG, t, tn
from bot.models import Outgoing
from handlers.members.render import profile_body
from handlers.privacy.service import Erasure, MemberExport
from storage.members import Member

# shown as their own block, not as a count line
_IN_PROFILE = ("members", "identities")


def kind_line(lang: str, table: str, count: int) -> str:
    """``• 3 Themen-Abos``: rows of a table, in words, with the right plural."""
    return "• " + tn(lang, f"privacy.kind.{table}", count)


def kept_line(lang: str, table: str, count: int) -> str:
    """``• 1 Beitrag in einer Arbeitsgruppe, gezeigt als „Ein früheres Mitglied“``: rows
    that stay for others, and what is left of them."""
    author = t(lang, "groups.unknown_author")
    return "• " + tn(lang, f"privacy.kept.{table}", count, author=author)


def platform_label(lang: str, platform: str) -> str:
    key = f"linking.platform_{platform}"
    return t(lang, key) if key in CATALOG else platform


def export_summary(lang: str, zone: ZoneInfo, member: Member, export: MemberExport) -> str:
    accounts = ", ".join(
        platform_label(lang, str(row["platform"])) for row in export.rows("identities")
    )
    lines = [
        profile_body(lang, zone, member),
        t(lang, "privacy.export_accounts", accounts=accounts or "–"),
        "",
        t(lang, "privacy.export_stored"),
    ]
    for table, rows in export.tables.items():
        if table not in _IN_PROFILE:
            lines.append(kind_line(lang, table, len(rows)))
    lines += ["", t(lang, "privacy.export_file")]
    return "\n".join(lines)


def export_message(lang: str, zone: ZoneInfo, member: Member, export: MemberExport) -> Outgoing:
    return Outgoing(
        title=t(lang, "privacy.export_title", name=member.name),
        text=export_summary(lang, zone, member, export),
        document=export.as_file(),
    )


def erasure_lines(lang: str, erasure: Erasure) -> str:
    """What was deleted, then what stays for others without the person: the report says
    exactly what the erasure did (the counts come from its statements)."""
    lines = [kind_line(lang, table, n) for table, n in erasure.rows.deleted.items()]
    kept = [kept_line(lang, table, n) for table, n in erasure.rows.kept.items()]
    if kept:
        lines += ["", t(lang, "privacy.erased_kept"), *kept]
    return "\n".join(lines)
