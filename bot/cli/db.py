"""``knotenpunkt db migrate|backup|restore``: schema upgrades, consistent copies of the
store, and putting a copy back."""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path

from bot.cli.common import fail
from bot.settings import Settings
from storage.backups import wants_gzip, write_backup
from storage.db import Database, NotAStore, utcnow
from storage.lock import StoreBusy
from storage.restore import RestoreRefused, restore


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("db", help="database maintenance")
    db_sub = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("migrate", help="apply pending migrations").set_defaults(func=migrate)
    backup_parser = db_sub.add_parser("backup", help="copy the store safely while the bot runs")
    backup_parser.add_argument(
        "target",
        type=Path,
        help="the file to write, e.g. /var/backups/knotenpunkt.sqlite3.gz (.gz: gzipped)",
    )
    backup_parser.add_argument(
        "--force", action="store_true", help="replace the file if it exists already"
    )
    backup_parser.set_defaults(func=backup)
    restore_parser = db_sub.add_parser(
        "restore", help="replace the store with a backup (stop the bot first)"
    )
    restore_parser.add_argument(
        "source", type=Path, metavar="FILE", help="a file db backup wrote (plain or gzipped)"
    )
    restore_parser.set_defaults(func=restore_backup)


async def migrate(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.db_path)
    await db.open()  # opening applies the migrations
    version = await db.schema_version()
    await db.close()
    print(f"{settings.db_path}: schema at version {version}")
    return 0


def _refusal(source: Path, target: Path, force: bool) -> str | None:
    """Why a backup from ``source`` to ``target`` must not run, or None."""
    if not source.is_file():
        return f"no store at {source} (check KNOTENPUNKT_DB_PATH); nothing copied"
    if target.is_dir():
        return f"{target} is a directory; give the name of the copy"
    same = os.path.samefile(source, target) if target.exists() else False
    if same or source.resolve() == target.resolve():
        return f"{target} is the store itself; give another file"
    if target.exists() and not force:
        return f"{target} exists already; nothing copied (--force replaces it)"
    return None


async def backup(args: argparse.Namespace, settings: Settings) -> int:
    """Copy the store as it is, gzipped when the name ends in ``.gz``. A missing store is
    refused (a mistyped KNOTENPUNKT_DB_PATH would otherwise give an empty copy and a
    success message), and so is a copy onto the store itself or, without ``--force``, over
    an existing file (an earlier backup); the source is never migrated."""
    source, target = Path(settings.db_path), Path(args.target)
    refusal = _refusal(source, target, args.force)
    if refusal is not None:
        return fail("db backup", refusal)
    db = Database(source)
    try:
        await db.open_existing()
    except NotAStore as exc:
        return fail("db backup", f"cannot copy {exc}")
    try:
        await write_backup(db, target)
    finally:
        await db.close()
    packed = " (gzipped)" if wants_gzip(target) else ""
    print(f"backed up {source} to {target}{packed}")
    return 0


async def restore_backup(args: argparse.Namespace, settings: Settings) -> int:
    target = Path(settings.db_path)
    try:
        kept = await asyncio.to_thread(restore, args.source, target, utcnow().astimezone())
    except StoreBusy as exc:
        return fail(
            "db restore",
            f"a bot is running on {target} ({exc}). Stop it first "
            "(systemctl stop knotenpunkt, or docker compose stop), then restore.",
        )
    except RestoreRefused as exc:
        return fail("db restore", f"{exc}. The store was not changed.")
    print(f"restored {args.source} to {target}")
    if kept is not None:
        print(f"the previous store is kept as {kept}")
    print("migrations run when the bot starts; start it again now")
    return 0
