"""``knotenpunkt db migrate|backup``: schema upgrades and consistent copies of the store."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bot.cli.common import fail
from bot.settings import Settings
from storage.db import Database, NotAStore


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("db", help="database maintenance")
    db_sub = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("migrate", help="apply pending migrations").set_defaults(func=migrate)
    backup_parser = db_sub.add_parser("backup", help="copy the store safely while the bot runs")
    backup_parser.add_argument(
        "target", type=Path, help="the file to write, e.g. /var/backups/knotenpunkt.sqlite3"
    )
    backup_parser.set_defaults(func=backup)


async def migrate(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.db_path)
    await db.open()  # opening applies the migrations
    version = await db.schema_version()
    await db.close()
    print(f"{settings.db_path}: schema at version {version}")
    return 0


def _refusal(source: Path, target: Path) -> str | None:
    """Why a backup from ``source`` to ``target`` must not run, or None."""
    if not source.is_file():
        return f"no store at {source} (check KNOTENPUNKT_DB_PATH); nothing copied"
    if target.is_dir():
        return f"{target} is a directory; give the name of the copy"
    same = os.path.samefile(source, target) if target.exists() else False
    if same or source.resolve() == target.resolve():
        return f"{target} is the store itself; give another file"
    return None


async def backup(args: argparse.Namespace, settings: Settings) -> int:
    """Copy the store as it is. A missing store is refused (a mistyped
    KNOTENPUNKT_DB_PATH would otherwise give an empty copy and a success message), and so
    is a copy onto the store itself; the source is never migrated."""
    source, target = Path(settings.db_path), Path(args.target)
    refusal = _refusal(source, target)
    if refusal is not None:
        return fail("db backup", refusal)
    db = Database(source)
    try:
        await db.open_existing()
    except NotAStore as exc:
        return fail("db backup", f"cannot copy {exc}")
    try:
        await db.backup_to(target)
    finally:
        await db.close()
    print(f"backed up {source} to {target}")
    return 0
