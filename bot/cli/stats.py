"""``knotenpunkt stats [--json]``: the same figures as ``/stats`` in chat."""

from __future__ import annotations

import argparse

from bot.cli.common import open_store
from bot.settings import Settings
from handlers.privacy.stats import collect, render


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("stats", help="the network's figures")
    parser.add_argument("--json", action="store_true", help="as JSON, for scripts")
    parser.set_defaults(func=print_stats)


async def print_stats(args: argparse.Namespace, settings: Settings) -> int:
    async with open_store(settings) as store:
        stats = await collect(store, settings)
    if args.json:
        print(stats.model_dump_json(indent=2))
    else:
        print(render("en", settings, stats))
    return 0
