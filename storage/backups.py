"""Backup files as ``db backup`` writes them and ``db restore`` reads them.

A name ending in ``.gz`` gets a gzipped copy, any other name a plain SQLite file. The
copy is made next to the target under a temporary name and moved into place in one step,
so an interrupted backup never leaves a half-written file under the final name (nor
destroys the copy it was about to replace). Restore looks at the first bytes, not at the
name, so it takes whatever a backup wrote, also after a rename.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
import zlib
from pathlib import Path

from storage.db import Database

GZIP_MAGIC = b"\x1f\x8b"
SQLITE_MAGIC = b"SQLite format 3\x00"


class UnreadableBackup(Exception):
    """The file is neither an SQLite store nor a gzipped one; the message says what it is."""


def wants_gzip(target: Path) -> bool:
    return target.name.lower().endswith(".gz")


async def write_backup(db: Database, target: Path) -> None:
    """Copy the open store to ``target`` (gzipped when its name ends in ``.gz``),
    replacing a file already there; readable by the owner only."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as work:
        plain = Path(work) / "copy.sqlite3"
        await db.backup_to(plain)
        written = plain
        if wants_gzip(target):
            written = Path(work) / "copy.sqlite3.gz"
            _gzip(plain, written)
        os.replace(written, target)


def _gzip(plain: Path, packed: Path) -> None:
    fd = os.open(packed, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with (
        os.fdopen(fd, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb") as out,
        plain.open("rb") as source,
    ):
        shutil.copyfileobj(source, out)


def unpack(source: Path, work: Path) -> Path:
    """The SQLite file inside ``source``: the file itself when plain, else a copy
    unpacked into ``work``. Raises UnreadableBackup for anything else."""
    head = _head(source)
    if head.startswith(SQLITE_MAGIC):
        return source
    if not head.startswith(GZIP_MAGIC):
        raise UnreadableBackup(f"{source} is neither an SQLite store nor a gzipped one")
    plain = work / "unpacked.sqlite3"
    try:
        with gzip.open(source, "rb") as packed, plain.open("wb") as out:
            shutil.copyfileobj(packed, out)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableBackup(f"{source} is a damaged gzip file ({exc})") from exc
    if not _head(plain).startswith(SQLITE_MAGIC):
        raise UnreadableBackup(f"{source} is gzipped, but what it holds is not an SQLite store")
    return plain


def _head(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(len(SQLITE_MAGIC))
