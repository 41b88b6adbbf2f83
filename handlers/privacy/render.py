"""How a member's data and its erasure read in chat: the summary next to the JSON file,
and the list of what was deleted."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.i18n import CATALOG, t
from bot.models import Outgoing
from handlers.members.render import profile_body
from handlers.privacy.service import Erasure, MemberExport
from storage.members import Member

# shown as their own block, not as a count line
_IN_PROFILE = ("members", "identities")


def table_label(lang: str, table: str) -> str:
    """What a table holds, for people; a table without a label shows its name."""
    key = f"privacy.table.{table}"
    return t(lang, key) if key in CATALOG else table


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
            lines.append(f"• {table_label(lang, table)}: {len(rows)}")
    lines += ["", t(lang, "privacy.export_file")]
    return "\n".join(lines)


def export_message(lang: str, zone: ZoneInfo, member: Member, export: MemberExport) -> Outgoing:
    return Outgoing(
        title=t(lang, "privacy.export_title", name=member.name),
        text=export_summary(lang, zone, member, export),
        document=export.as_file(),
    )


def erasure_lines(lang: str, erasure: Erasure) -> str:
    return "\n".join(
        f"• {table_label(lang, table)}: {count}"
        for table, count in erasure.counts.items()
        if table != "directory_index"
    )
