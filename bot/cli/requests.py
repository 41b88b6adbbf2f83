"""``knotenpunkt requests stats|list|remove``: the network's numbers for its reports, the
open cooperation requests, and taking one down (audit log; the author is told)."""

from __future__ import annotations

import argparse
import csv
import sys

from bot.cli.common import CLI_ACTOR, open_store, refused
from bot.delivery.notify import Notifier
from bot.settings import Settings
from handlers.cooperation import render
from handlers.cooperation.service import CooperationService
from handlers.validation import Invalid
from storage import Store

LANG = "en"  # the CLI speaks English, like its other messages


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("requests", help="cooperation requests: numbers, list, remove")
    rq = parser.add_subparsers(dest="requests_command", required=True, metavar="ACTION")
    stats = rq.add_parser("stats", help="requests posted, interests, connections per month")
    stats.add_argument("--months", type=int, default=12, help="how many months (default 12)")
    stats.add_argument("--csv", action="store_true", help="comma-separated, for spreadsheets")
    stats.set_defaults(func=show_stats)
    listing = rq.add_parser("list", help="open requests of all regions, newest first")
    listing.set_defaults(func=list_requests)
    remove = rq.add_parser("remove", help="take a request down; its author is told")
    remove.add_argument("request_id", type=int, help="the number from requests list")
    remove.set_defaults(func=remove_request)


def _service(store: Store, settings: Settings) -> CooperationService:
    return CooperationService(store, Notifier.from_settings(store, settings), settings)


async def show_stats(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        months = await _service(store, settings).monthly_stats(max(1, min(args.months, 120)))
    if args.csv:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["month", "posted", "interests", "connections"])
        for m in months:
            out.writerow([m.month, m.posted, m.interests, m.connections])
        return 0
    print(f"{'month':<8}  {'posted':>6}  {'interests':>9}  {'connections':>11}")
    for m in months:
        print(f"{m.month:<8}  {m.posted:>6}  {m.interests:>9}  {m.connections:>11}")
    total = [sum(getattr(m, f) for m in months) for f in ("posted", "interests", "connections")]
    print(f"{'total':<8}  {total[0]:>6}  {total[1]:>9}  {total[2]:>11}")
    return 0


async def list_requests(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        found = await _service(store, settings).all_open()
    if not found:
        print("no open requests")
    for request in found:
        print(render.list_entry(LANG, settings.zone, request))
    return 0


async def remove_request(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        try:
            request = await _service(store, settings).remove(args.request_id, CLI_ACTOR)
        except Invalid as problem:
            return refused("requests", problem)
    print(f"removed request {request.id}: {request.title}")
    return 0
