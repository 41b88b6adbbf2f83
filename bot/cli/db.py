"""``knotenpunkt db migrate|backup``: schema upgrades and consistent copies of the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.settings import Settings
from storage import Database


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("db", help="database maintenance")
    db_sub = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("migrate", help="apply pending migrations").set_defaults(func=migrate)
    backup_parser = db_sub.add_parser("backup", help="copy the store safely while the bot runs")
    backup_parser.add_argument("target", type=Path)
    backup_parser.set_defaults(func=backup)


async def migrate(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.db_path)
    await db.open()  # opening applies the migrations
    version = await db.schema_version()
    await db.close()
    print(f"{settings.db_path}: schema at version {version}")
    return 0


async def backup(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.db_path)
    await db.open()
    try:
        await db.backup_to(args.target)
    finally:
        await db.close()
    print(f"backed up {settings.db_path} to {args.target}")
    return 0
