"""Event figures and the funder report (issue 28): per date and per period from the store,
``knotenpunkt report events`` as CSV and XLSX with the same counts, names only with
consent, and the current quarter in ``/stats``."""

from __future__ import annotations

import argparse
import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import report as report_cli
from bot.i18n import t
from bot.services import Services
from bot.settings import Settings
from handlers.events.figures import day_range, figures_for, quarter_of
from storage import Store
from storage.db import utcnow
from tests.figures_support import (
    PEOPLE,
    check_in,
    current_quarter_moment,
    dated_event,
    rate,
    seed,
)
from tests.helpers import Person

COLUMNS = ["dates", "yes", "maybe", "checked_in", "walk_ins", "no_shows", "people",
           "companies", "regions", "feedback"]  # fmt: skip


async def cli(settings: Settings, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    report_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["report", *argv])
    return int(await args.func(args, settings))


async def test_figures_per_date_per_period_topic_and_group(
    store: Store, settings: Settings
) -> None:
    now = utcnow()
    seeded = await seed(store, settings.zone, now)
    both = day_range(seeded.older.first, seeded.last.last)
    figures = await figures_for(store, both, settings.zone, now)
    checked, plain = figures.dates
    assert checked.title == "Wasserstoff-Tag" and checked.topics == ["Wasserstoff"]
    assert (checked.yes, checked.maybe, checked.checked_in, checked.walk_ins) == (3, 1, 3, 1)
    assert checked.no_shows == 1  # Clara said yes and did not come
    assert (checked.people, checked.companies, checked.regions) == (3, 2, 2)
    assert (checked.feedback, checked.stars_average) == (2, 4.0)
    assert plain.group == "AG Robotik"
    assert (plain.yes, plain.maybe, plain.checked_in, plain.walk_ins) == (2, 1, 0, 0)
    assert plain.no_shows is None  # no check-in was run: nobody is a no-show
    assert (plain.people, plain.companies, plain.regions) == (2, 1, 2)
    total = figures.total
    assert [getattr(total, c) for c in COLUMNS] == [2, 5, 2, 3, 1, 1, 5, 3, 4, 3]
    assert total.stars_average == 4.0
    assert [(a.label, a.dates, a.people) for a in figures.by_topic] == [("Wasserstoff", 1, 3)]
    assert [(a.label, a.dates, a.people) for a in figures.by_group] == [("AG Robotik", 1, 2)]
    regions = {r.region: (r.people, r.companies) for r in figures.by_region}
    assert regions == {"Hagen": (2, 1), "Siegen": (1, 1), "Olpe": (1, 1), "other": (1, 0)}
    # one quarter alone: only its date
    last = await figures_for(store, seeded.last, settings.zone, now)
    assert [d.title for d in last.dates] == ["+Robotik-Treff"]
    # nothing counts before it happened: the current quarter holds only what has begun
    current = await figures_for(store, quarter_of(now.astimezone(settings.zone).date()),
                                settings.zone, now)  # fmt: skip
    assert current.dates == [] and current.total.people == 0


async def test_a_date_without_answers_but_with_walk_ins_counts(
    store: Store, settings: Settings
) -> None:
    now = utcnow()
    seeded = await seed(store, settings.zone, now)

    start = seeded.last.bounds(settings.zone)[0] + timedelta(days=5, hours=17)
    event = await dated_event(store, "Spontan", start)
    await check_in(store, event, start, seeded.names["Frank Fuchs"], walk_in=True)
    await rate(store, event, start, seeded.names["Frank Fuchs"], 2)
    figures = await figures_for(store, seeded.last, settings.zone, now)
    spontaneous = next(d for d in figures.dates if d.title == "Spontan")
    assert (spontaneous.checked_in, spontaneous.walk_ins, spontaneous.no_shows) == (1, 1, 0)
    assert (spontaneous.people, spontaneous.companies, spontaneous.feedback) == (1, 1, 1)


def _sections(text: str) -> dict[str, list[list[str]]]:
    """The CSV's parts by title: each part's header and rows."""
    rows = list(csv.reader(io.StringIO(text)))
    parts: dict[str, list[list[str]]] = {"": []}
    title = ""
    for index, row in enumerate(rows):
        if not row:
            continue
        if len(row) == 1 and index > 0 and not rows[index - 1]:
            title = row[0]
            parts[title] = []
            continue
        parts[title].append(row)
    return parts


async def test_the_csv_report_counts_what_the_store_counts(
    store: Store, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    now = utcnow()
    seeded = await seed(store, settings.zone, now)
    first, last = seeded.older.first.isoformat(), seeded.last.last.isoformat()
    assert await cli(settings, "events", "--from", first, "--to", last) == 0
    text = capsys.readouterr().out
    both = day_range(seeded.older.first, seeded.last.last)
    figures = await figures_for(store, both, settings.zone, utcnow())
    parts = _sections(text)
    lang = settings.language
    about = dict((row[0], row[1]) for row in parts[""][1:])
    assert about[t(lang, "figures.report_counts_title")] == t(lang, "figures.report_counts")
    assert first in about[t(lang, "figures.report_period")]
    header, *totals = parts[t(lang, "figures.section_totals")]
    assert header[0] == t(lang, "figures.col.scope")
    by_label = {row[1]: row for row in totals}
    expected = {
        t(lang, "figures.scope.total"): figures.total,
        "Wasserstoff": figures.by_topic[0],
        "AG Robotik": figures.by_group[0],
    }
    for label, aggregate in expected.items():
        row = by_label[label]
        assert [int(cell) for cell in row[2:12]] == [getattr(aggregate, c) for c in COLUMNS]
        assert float(row[12]) == aggregate.stars_average
    assert [int(c) for c in by_label[t(lang, "figures.scope.total")][2:12]] == [
        2, 5, 2, 3, 1, 1, 5, 3, 4, 3,
    ]  # fmt: skip
    _, *dates = parts[t(lang, "figures.section_dates")]
    assert [row[1] for row in dates] == ["Wasserstoff-Tag", "'+Robotik-Treff"]  # not a formula
    assert dates[0][8] == "1" and dates[1][8] == ""  # no-shows only where checked in
    _, *regions = parts[t(lang, "figures.section_regions")]
    assert sorted(row[0] for row in regions) == sorted(
        ["Hagen", "Siegen", "Olpe", t(lang, "reg.region_other")]
    )
    assert t(lang, "figures.section_names") not in parts
    for name, company, _, _ in PEOPLE:
        assert name not in text
        assert not company or company not in text  # companies are counted, not listed


async def test_the_xlsx_report_reads_back_and_names_only_who_consented(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    now = utcnow()
    seeded = await seed(store, settings.zone, now)
    first, last = seeded.older.first.isoformat(), seeded.last.last.isoformat()
    out = tmp_path / "bericht.xlsx"
    argv = ["events", "--from", first, "--to", last, "--format", "xlsx", "--out", str(out)]
    assert await cli(settings, *argv) == 0
    book = load_workbook(out)
    lang = settings.language
    assert book.sheetnames == [
        t(lang, "figures.sheet_about"),
        t(lang, "figures.section_totals"),
        t(lang, "figures.section_dates"),
        t(lang, "figures.section_regions"),
    ]
    totals = list(book[t(lang, "figures.section_totals")].iter_rows(values_only=True))
    assert list(totals[1][2:12]) == [2, 5, 2, 3, 1, 1, 5, 3, 4, 3]
    dates = list(book[t(lang, "figures.section_dates")].iter_rows(values_only=True))
    assert dates[2][1] == "+Robotik-Treff"  # kept as text
    assert book[t(lang, "figures.section_dates")]["B3"].data_type == "s"
    everything = " ".join(
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
    )
    assert all(name not in everything for name, *_ in PEOPLE)
    # with --names: only the member who is listed in the directory and was reached
    named = tmp_path / "named.xlsx"
    argv = [
        "events",
        "--from",
        first,
        "--to",
        last,
        "--format",
        "xlsx",
        "--out",
        str(named),
        "--names",
    ]
    assert await cli(settings, *argv) == 0
    book = load_workbook(named)
    names = list(book[t(lang, "figures.section_names")].iter_rows(values_only=True))
    assert names[1:] == [("Anna Adler", "Adler GmbH", "Hagen", 1)]
    everything = " ".join(
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
    )
    for name in [*seeded.not_listed, "Frank Fuchs"]:
        assert name not in everything
    about = list(book[t(lang, "figures.sheet_about")].iter_rows(values_only=True))
    assert (t(lang, "figures.section_names"), t(lang, "figures.report_names")) in about
    # names left the network: the audit log says so, once, without them
    logged = await store.audit.entries(action="report.")
    assert [(e.action, e.detail["named"]) for e in logged] == [("report.names", 1)]


async def test_the_report_refuses_a_bad_range(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    today = utcnow().date()
    later = (today + timedelta(days=3)).isoformat()
    assert await cli(settings, "events", "--from", later, "--to", today.isoformat()) == 1
    assert "ends before it begins" in capsys.readouterr().err
    assert await cli(settings, "events", "--from", "31.12.", "--to", later) == 1
    assert "is not a date" in capsys.readouterr().err
    args = ["events", "--from", today.isoformat(), "--to", later, "--format", "xlsx"]
    assert await cli(settings, *args) == 1
    assert "--out" in capsys.readouterr().err


async def test_stats_shows_the_current_quarters_events(app: Services) -> None:
    store, zone = app.store, app.settings.zone
    now = utcnow()
    ids = {}
    for name, company, region, _ in PEOPLE[:3]:
        member = await store.members.create(
            name=name, company=company, region=region, competencies=[], language="de"
        )
        ids[name] = member.id

    moment = current_quarter_moment(zone, now)
    event = await dated_event(store, "Quartalstreffen", moment)
    for member_id in ids.values():
        await store.rsvps.record(event.id, moment, member_id, "yes", False)
    await check_in(store, event, moment, ids["Anna Adler"])
    await check_in(store, event, moment, ids["Clara Cramer"])
    await rate(store, event, moment, ids["Anna Adler"], 5)
    await rate(store, event, moment, ids["Clara Cramer"], 4)
    [shown] = await Person(app.core, "admin").say("/stats")
    quarter = quarter_of(now.astimezone(zone).date()).label("de")
    line = t(
        "de", "figures.stats", period=quarter, dates=1, people=2, companies=2, regions=2,
        checked_in=2, walk_ins=0, no_shows=1,
    )  # fmt: skip
    assert line in shown.text
    assert t("de", "figures.stats_feedback", average="4,5", count=2) in shown.text


async def test_a_moved_date_counts_where_it_took_place(store: Store, settings: Settings) -> None:
    now = utcnow()
    seeded = await seed(store, settings.zone, now)
    planned = seeded.older.bounds(settings.zone)[0] + timedelta(days=60, hours=17)
    moved_to = seeded.last.bounds(settings.zone)[0] + timedelta(days=10, hours=17)
    event = await dated_event(store, "Verschoben", planned)
    await store.rsvps.record(event.id, planned, seeded.names["Eva Ernst"], "yes", False)
    await store.events.set_override(
        event.id, planned, start=moved_to, end=moved_to + timedelta(hours=2)
    )
    older = await figures_for(store, seeded.older, settings.zone, now)
    last = await figures_for(store, seeded.last, settings.zone, now)
    assert "Verschoben" not in [d.title for d in older.dates]
    [moved] = [d for d in last.dates if d.title == "Verschoben"]
    assert moved.starts_at == moved_to and moved.people == 1
