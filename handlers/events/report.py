"""The funder report of a period's events, as CSV and as XLSX (openpyxl): a header that
says what is counted, the totals (all, per topic, per working group), one row per date,
the people and companies reached per region, and, only when the operator asks for it, the
names of the members who agreed to be named.

The CSV holds the parts one below the other, each with its title and column names and a
blank line between; the XLSX has one sheet each. A cell typed by a member or an organiser
(a title, a name, a company) that would start a formula is kept as text in both.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font

from bot.i18n import t
from handlers.events.figures import Period
from handlers.members.render import region_label
from storage.event_figures import Aggregate, EventFigures, NamedMember

Cell = str | int | float | None

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_AGGREGATE_COLUMNS = (
    "dates", "yes", "maybe", "checked_in", "walk_ins", "no_shows",
    "people", "companies", "regions", "feedback",
)  # fmt: skip
_DATE_COLUMNS = (
    "date", "event", "group", "topics", "yes", "maybe", "checked_in", "walk_ins",
    "no_shows", "people", "companies", "regions", "feedback", "stars",
)  # fmt: skip


@dataclass
class Section:
    key: str  # names the XLSX sheet and the CSV block
    title: str
    header: list[str]
    rows: list[list[Cell]]


@dataclass
class Report:
    title: str
    about_title: str
    about: list[tuple[str, str]]  # (what, value): the period, when made, what is counted
    sections: list[Section]


def _aggregate_row(lang: str, scope: str, item: Aggregate) -> list[Cell]:
    return [
        t(lang, f"figures.scope.{scope}"),
        item.label or t(lang, "figures.scope.total"),
        *(getattr(item, column) for column in _AGGREGATE_COLUMNS),
        item.stars_average,
    ]


def build_report(
    lang: str,
    network: str,
    zone: ZoneInfo,
    period: Period,
    figures: EventFigures,
    generated_at: datetime,
    named: list[NamedMember] | None = None,
) -> Report:
    """What the report holds; ``named`` is None unless the operator asked for names."""

    def col(name: str) -> str:
        return t(lang, f"figures.col.{name}")

    about = [
        (
            t(lang, "figures.report_period"),
            f"{period.label(lang)} ({period.first} – {period.last})",
        ),
        (t(lang, "figures.report_generated"), f"{generated_at.astimezone(zone):%Y-%m-%d %H:%M %Z}"),
        (t(lang, "figures.report_counts_title"), t(lang, "figures.report_counts")),
    ]
    if named is not None:
        about.append((t(lang, "figures.section_names"), t(lang, "figures.report_names")))
    totals = Section(
        "totals",
        t(lang, "figures.section_totals"),
        [col("scope"), col("label"), *(col(c) for c in _AGGREGATE_COLUMNS), col("stars")],
        [_aggregate_row(lang, "total", figures.total)]
        + [_aggregate_row(lang, "topic", a) for a in figures.by_topic]
        + [_aggregate_row(lang, "group", a) for a in figures.by_group],
    )
    dates = Section(
        "dates",
        t(lang, "figures.section_dates"),
        [col(name) for name in _DATE_COLUMNS],
        [
            [
                f"{d.starts_at.astimezone(zone):%Y-%m-%d %H:%M}",
                d.title,
                d.group or "",
                ", ".join(d.topics),
                d.yes,
                d.maybe,
                d.checked_in,
                d.walk_ins,
                d.no_shows,
                d.people,
                d.companies,
                d.regions,
                d.feedback,
                d.stars_average,
            ]
            for d in figures.dates
        ],
    )
    regions = Section(
        "regions",
        t(lang, "figures.section_regions"),
        [col("region"), col("people"), col("companies")],
        [[region_label(lang, r.region), r.people, r.companies] for r in figures.by_region],
    )
    sections = [totals, dates, regions]
    if named is not None:
        sections.append(
            Section(
                "names",
                t(lang, "figures.section_names"),
                [col("name"), col("company"), col("region"), col("dates")],
                [[m.name, m.company, region_label(lang, m.region), m.dates] for m in named],
            )
        )
    title = t(lang, "figures.report_title", network=network)
    return Report(title, t(lang, "figures.sheet_about"), about, sections)


def _text(value: Cell) -> Cell:
    """A spreadsheet runs a cell that starts like a formula; typed text never should."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def report_csv(report: Report) -> bytes:
    """Plain RFC 4180: UTF-8, commas, CRLF (the XLSX is the one for spreadsheets)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([report.title])
    for what, value in report.about:
        writer.writerow([what, value])
    for section in report.sections:
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.header)
        for row in section.rows:
            writer.writerow(["" if cell is None else _text(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def report_xlsx(report: Report) -> bytes:
    """One sheet for what the report is about, then one per part."""
    book = Workbook()
    about = book.active
    assert about is not None
    about.title = report.about_title[:31]
    about.append([report.title])
    about["A1"].font = Font(bold=True)
    for what, value in report.about:
        about.append([what, value])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 100
    for section in report.sections:
        sheet = book.create_sheet(section.title[:31])
        sheet.append(section.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
