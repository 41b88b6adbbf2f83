"""Putting a backup back in place of the store, safely.

Refused while a bot holds the store (its lock) and when the backup fails SQLite's
integrity check or comes from a newer Knotenpunkt. The store being replaced is kept as a
dated copy next to it. Copies go through SQLite's backup API (consistent, with whatever
the write-ahead log still held), and the new file is moved into place in one step.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path

from storage.backups import UnreadableBackup, unpack
from storage.db import migration_versions
from storage.lock import StoreLock
from storage.maintenance import check_file, schema_versions_in_file


class RestoreRefused(Exception):
    """The backup is not one to restore; the message says why."""


def _copy(source: Path, target: Path) -> None:
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def restore(source: Path, target: Path, now: datetime) -> Path | None:
    """Replace ``target`` with the backup ``source`` (plain or gzipped, whatever its name);
    returns the dated copy of the old store, or None when there was none. Raises StoreBusy
    or RestoreRefused."""
    if not source.is_file():
        raise RestoreRefused(f"{source} is not a file")
    lock = StoreLock(target)
    lock.acquire("knotenpunkt db restore")
    try:
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".restore-") as work:
            try:
                backup = unpack(source, Path(work))
            except UnreadableBackup as exc:
                raise RestoreRefused(str(exc)) from exc
            _check(backup, source)
            kept = None
            if target.exists():
                kept = target.with_name(f"{target.name}.{now:%Y%m%d-%H%M%S}.before-restore")
                _copy(target, kept)
            fresh = Path(work) / "restored.sqlite3"
            _copy(backup, fresh)
            for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
                leftover.unlink(missing_ok=True)
            os.replace(fresh, target)
        if check_file(target) != ["ok"]:
            raise RestoreRefused(f"{target} failed the integrity check after the copy")
        return kept
    finally:
        lock.release()


def _check(backup: Path, shown: Path) -> None:
    problems = check_file(backup)
    if problems != ["ok"]:
        raise RestoreRefused(f"{shown} fails the integrity check: {'; '.join(problems[:3])}")
    newer = sorted(set(schema_versions_in_file(backup)) - set(migration_versions()))
    if newer:
        raise RestoreRefused(
            f"{shown} comes from a newer Knotenpunkt (migrations {newer}); upgrade first"
        )
