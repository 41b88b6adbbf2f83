"""``knotenpunkt db migrate``: apply migrations (the bot also does this on start)."""

from __future__ import annotations

import argparse

from bot.settings import Settings
from storage import Database


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("db", help="database maintenance")
    db_sub = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("migrate", help="apply pending migrations").set_defaults(func=migrate)


async def migrate(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.db_path)
    await db.open()  # opening applies the migrations
    version = await db.fetchval("SELECT MAX(version) FROM schema_migrations")
    await db.close()
    print(f"{settings.db_path}: schema at version {version}")
    return 0
