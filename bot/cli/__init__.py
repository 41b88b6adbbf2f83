"""The ``knotenpunkt`` command: run the bot and manage the store from a shell.

Each command group lives in its own module with ``add_parser(subparsers)``; the parsed
``func`` is an async function ``(args, settings) -> exit code``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from bot.cli import admin, audit, broadcast, db, demo, event, member, run, stats, topic
from bot.settings import ConfigError, load_settings

GROUPS = [run, db, topic, admin, demo, event, broadcast, member, audit, stats]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="knotenpunkt", description="Chat bot for regional industry networks."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"knotenpunkt: configuration error: {exc}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(args.func(args, settings))
    except ConfigError as exc:  # settings that only make sense together, found at start-up
        print(f"knotenpunkt: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
