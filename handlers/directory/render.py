"""How search results and the overview read. A result names how to reach the person on
the searcher's own platform as a neutral contact (the adapter makes it a Telegram link or a
Slack mention), or says on which platform they can be reached instead."""

from __future__ import annotations

from typing import Annotated

from bot.arguments import Bounds, ButtonArgs, RecordId
from bot.i18n import t
from bot.models import Contact, Outgoing, Platform, contact_marker, without_markers
from handlers.directory.service import PAGE_SIZE, SearchResult
from handlers.members.render import region_label, shown_company
from storage.directory import DirectoryEntry, Overview

MAX_OFFSET = 100_000  # more results than a directory holds


class MorePage(ButtonArgs, action="directory.more"):
    """The next page of an earlier search (logged with ``search_id``)."""

    search_id: RecordId
    offset: Annotated[int, Bounds(0, MAX_OFFSET)]


def _platform(lang: str, platform: str) -> str:
    return t(lang, f"linking.platform_{platform}")


def reach_line(
    lang: str, entry: DirectoryEntry, platform: str, contacts: list[Contact]
) -> str | None:
    """How to reach the person from ``platform``: a contact (appended to ``contacts``), the
    platforms they can be reached on instead, or None without any account."""
    if platform in entry.reach:
        contacts.append(
            Contact(
                platform=Platform(platform),
                user_id=entry.reach[platform],
                label=without_markers(entry.name),
            )
        )
        return t(lang, "directory.entry_contact", contact=contact_marker(len(contacts) - 1))
    if not entry.reach:
        return None
    names = [_platform(lang, p) for p in sorted(entry.reach)]
    joined = f" {t(lang, 'directory.or')} ".join(names)
    return t(lang, "directory.entry_only_on", platforms=joined)


def entry_text(
    lang: str, number: int, entry: DirectoryEntry, platform: str, contacts: list[Contact]
) -> str:
    """One result: name, company, region, competencies and how to reach them."""
    lines = [
        t(
            lang,
            "directory.entry",
            number=number,
            name=without_markers(entry.name),
            details=without_markers(
                ", ".join(
                    part
                    for part in (shown_company(entry.company), region_label(lang, entry.region))
                    if part
                )
            ),
        )
    ]
    if entry.competencies:
        tags = without_markers(", ".join(entry.competencies))
        lines.append(t(lang, "directory.entry_competencies", competencies=tags))
    reach = reach_line(lang, entry, platform, contacts)
    if reach:
        lines.append(reach)
    return "\n".join(lines)


def results(
    lang: str, platform: str, found: SearchResult, filters: list[str] | None = None
) -> Outgoing:
    """A page of matches, best first, with a "more" button while there are more; the
    filters (their labels) are named above the matches."""
    page, term = found.page, without_markers(found.term)
    if term:
        title = t(lang, "directory.results_title", term=term, total=page.total)
    else:
        title = t(lang, "directory.filtered_title", total=page.total)
    shown_filters = without_markers(", ".join(filters or []))
    filter_line = [t(lang, "directory.filters_line", filters=shown_filters)] if filters else []
    if not page.entries:
        nobody = t(lang, "directory.no_results", term=term) if term else ""
        nobody = nobody or t(lang, "directory.filtered_none")
        return Outgoing(text="\n\n".join([nobody, *filter_line]))
    contacts: list[Contact] = []
    blocks = list(filter_line)
    if page.total > PAGE_SIZE:
        last = page.offset + len(page.entries)
        blocks.append(
            t(lang, "directory.results_range", first=page.offset + 1, last=last, total=page.total)
        )
    for number, entry in enumerate(page.entries, start=page.offset + 1):
        blocks.append(entry_text(lang, number, entry, platform, contacts))
    buttons = []
    if page.has_more:
        more = MorePage(found.search_id, page.offset + len(page.entries))
        buttons = [[more.button(t(lang, "directory.more"))]]
    return Outgoing(title=title, text="\n\n".join(blocks), buttons=buttons, contacts=contacts)


def overview(lang: str, found: Overview, listed_self: bool) -> Outgoing:
    """Listed members per region and the most frequent competencies."""
    title = t(lang, "directory.overview_title")
    if found.listed == 0:
        return Outgoing(title=title, text=t(lang, "directory.overview_empty"))
    if found.listed == 1:
        blocks = [t(lang, "directory.overview_listed_one")]
    else:
        blocks = [t(lang, "directory.overview_listed", count=found.listed)]
    regions = [
        t(lang, "directory.overview_line", label=region_label(lang, region), count=count)
        for region, count in found.regions
    ]
    blocks.append("\n".join([t(lang, "directory.overview_regions"), *regions]))
    if found.competencies:
        tags = [
            t(lang, "directory.overview_line", label=tag, count=count)
            for tag, count in found.competencies
        ]
        blocks.append("\n".join([t(lang, "directory.overview_tags"), *tags]))
    example = found.competencies[0][0] if found.competencies else "Robotik"
    blocks.append(t(lang, "directory.overview_hint", example=example))
    if not listed_self:
        blocks.append(t(lang, "directory.overview_not_listed"))
    return Outgoing(title=title, text=without_markers("\n\n".join(blocks)))
