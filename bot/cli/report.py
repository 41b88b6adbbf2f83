"""``knotenpunkt report events --from --to``: the funder report of a period's events as
CSV or XLSX, counting companies and regions; names only with ``--names``, and then only
of members who agreed to be named."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.common import CLI_ACTOR, fail, open_store, refused
from bot.i18n import LANGUAGES, examples
from bot.settings import Settings
from handlers.events.figures import day_range, figures_for, parse_day
from handlers.events.report import build_report, report_csv, report_xlsx
from handlers.validation import Invalid
from storage.db import utcnow


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("report", help="reports for funders")
    kinds = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
    events = kinds.add_parser(
        "events",
        help="the events of a period: yes, checked in, walk-ins, no-shows, companies and "
        "regions reached, feedback",
    )
    day = examples()["ex_date_iso"]
    events.add_argument("--from", dest="first", required=True, help=f"first day, e.g. {day}")
    events.add_argument("--to", dest="last", required=True, help="last day (included)")
    events.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="default: csv")
    events.add_argument("--out", type=Path, help="the file to write (default: stdout, CSV only)")
    events.add_argument(
        "--names",
        action="store_true",
        help="add the names of the members reached who are listed in the competence "
        "directory (the others stay counted, never named)",
    )
    events.add_argument(
        "--lang", choices=LANGUAGES, help="the report's language (default: the network's)"
    )
    events.set_defaults(func=events_report)


async def events_report(args: argparse.Namespace, settings: Settings) -> int:
    try:
        period = day_range(parse_day(args.first), parse_day(args.last))
    except Invalid as problem:
        return refused("report", problem)
    if args.format == "xlsx" and args.out is None:
        return fail("report", "an XLSX file needs --out FILE")
    lang = args.lang or settings.language
    now = utcnow()
    async with open_store(settings) as store:
        figures = await figures_for(store, period, settings.zone, now)
        named = None
        if args.names:
            start, end = period.bounds(settings.zone)
            named = await store.event_figures.named_members(start, end, now)
            # names leave the network with this file: the audit log says when and how many
            await store.audit.record(
                "report.names",
                CLI_ACTOR,
                first=period.first.isoformat(),
                last=period.last.isoformat(),
                named=len(named),
            )
    report = build_report(lang, settings.network_name, settings.zone, period, figures, now, named)
    data = report_xlsx(report) if args.format == "xlsx" else report_csv(report)
    if args.out is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    args.out.write_bytes(data)
    print(
        f"{args.out}: {figures.total.dates} dates, {figures.total.people} people from "
        f"{figures.total.companies} companies and {figures.total.regions} regions",
        file=sys.stderr,
    )
    return 0
