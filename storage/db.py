"""The one SQLite store: connection, transactions and numbered migrations.

Two aiosqlite connections per process. Writes go through :meth:`Database.transaction`,
which serialises them with a lock and is re-entrant within a task, so a handler can make
several repository calls atomic by wrapping them in one transaction. Reads outside the
reading task's own transaction go to a second, read-only connection: WAL gives each read a
snapshot of what was committed, so no task sees another's uncommitted writes (which may
still roll back), and reads do not wait for writes. Inside a transaction the task reads on
the writing connection and so sees its own writes. ``:memory:`` cannot be opened twice (a
second connection would be another database): there reads take the lock instead.
"""

from __future__ import annotations

import asyncio
import contextvars
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, overload

import aiosqlite

# (database, task) owning the open transaction. The task is part of the key because a task
# created inside a transaction inherits this context but must not join that transaction.
_in_transaction: contextvars.ContextVar[tuple[Database, asyncio.Task[Any] | None] | None] = (
    contextvars.ContextVar("knotenpunkt_in_transaction", default=None)
)

Params = Sequence[Any] | dict[str, Any]


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_db_time(moment: datetime | None) -> str | None:
    """Store times as ISO-8601 UTC strings, which sort and compare correctly as text."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the store; times must be time-zone aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@overload
def from_db_time(value: str) -> datetime: ...
@overload
def from_db_time(value: None) -> None: ...
@overload
def from_db_time(value: str | None) -> datetime | None: ...
def from_db_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    # what to_db_time wrote; fromisoformat reads it (and the Z) ten times faster than strptime
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _migration_scripts() -> list[tuple[int, str, str]]:
    scripts = []
    for entry in resources.files("storage.migrations").iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            scripts.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(scripts)


def migration_versions() -> list[int]:
    """The schema versions this code knows."""
    return [version for version, _name, _script in _migration_scripts()]


def _split_statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement in migration: {buffer[:80]!r}")
    return statements


# Set on both connections, so that the reader answers ``PRAGMA x`` as the writer would.
# Deleted rows are overwritten with zeros, so an erased member leaves no trace in free pages
# or the WAL (GDPR Art. 17); temporary data stays in memory, not in files. A page cache of
# 16 MB (SQLite's default is 2 MB) keeps a large directory's indexes in memory: faceted
# searches over 100,000 members read thousands of rows each (bench/facets_bench.py).
_CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-16000",
)
_READER_PRAGMAS = (*_CONNECTION_PRAGMAS, "PRAGMA query_only=ON")


class StoreUnavailable(Exception):
    """SQLite cannot take this now: the disk (or ``max_page_count``) is full, or the store
    stayed busy or locked beyond the busy timeout. Nothing of the transaction was kept;
    the same work may succeed later, so callers keep the update for another try."""


# Primary result codes (the low byte of an extended code) that mean "not now", not "never".
_UNAVAILABLE_CODES = frozenset({sqlite3.SQLITE_FULL, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def _is_unavailable(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.Error) and code is not None and code & 0xFF in _UNAVAILABLE_CODES


@contextmanager
def _unavailable_named() -> Iterator[None]:
    """Name a full or busy store as :class:`StoreUnavailable`, whatever statement met it."""
    try:
        yield
    except sqlite3.Error as exc:
        if _is_unavailable(exc):
            raise StoreUnavailable(f"{exc.sqlite_errorname}: {exc}") from exc
        raise


class StoreGone(Exception):
    """The store's file is no longer the one the bot opened."""


def _prepare_copy(target: Path) -> None:
    """The copy holds personal data: readable by the owner only, whatever the umask."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.touch(mode=0o600, exist_ok=True)


class NotAStore(Exception):
    """The file is missing, not an SQLite database, or not a Knotenpunkt store."""


class Database:
    """Owns the connection; repositories borrow it."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None  # None: reads take the lock
        self._lock = asyncio.Lock()
        self._inode: int | None = None

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def open(self, *, migrate: bool = True) -> Database:
        """Connect; ``migrate=False`` (doctor) looks at the schema without changing it."""
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: transaction() switches isolation_level from the event
        # loop's thread, only while it holds the lock and no call runs on the connection
        self._conn = await aiosqlite.connect(
            self.path, isolation_level=None, check_same_thread=False
        )
        self._conn.row_factory = aiosqlite.Row
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        for pragma in _CONNECTION_PRAGMAS:
            await self._conn.execute(pragma)
        self._inode = self._file_inode()
        if migrate:
            await self.migrate()
        if str(self.path) != ":memory:":
            self._reader = await self._open_reader()
        return self

    async def _open_reader(self) -> aiosqlite.Connection:
        """The read-only connection (opened after the writer made the file a WAL store)."""
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        reader = await aiosqlite.connect(uri, uri=True, isolation_level=None)
        try:
            reader.row_factory = aiosqlite.Row
            for pragma in _READER_PRAGMAS:
                await reader.execute(pragma)
        except BaseException:
            await reader.close()
            raise
        return reader

    def _file_inode(self) -> int | None:
        if str(self.path) == ":memory:":
            return None
        return self.path.stat().st_ino

    async def open_existing(self) -> Database:
        """Open a store that must already exist, as it is: no file is created and no
        migration runs (a backup copies the store, it does not change it)."""
        uri = f"{self.path.resolve().as_uri()}?mode=rw"
        try:
            self._conn = await aiosqlite.connect(uri, uri=True, isolation_level=None)
            self._conn.row_factory = aiosqlite.Row
            await self._conn.execute("PRAGMA busy_timeout=5000")
            await self._conn.execute("SELECT COUNT(*) FROM sqlite_schema")
        except sqlite3.DatabaseError as exc:
            await self.close()
            raise NotAStore(f"{self.path}: {exc}") from exc
        if (
            await self.fetchval(
                "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'schema_migrations'"
            )
            == 0
        ):
            await self.close()
            raise NotAStore(f"{self.path}: not a Knotenpunkt store (no schema_migrations)")
        return self

    async def close(self) -> None:
        if self._reader is not None:  # first: the writer, closing last, checkpoints the WAL
            await self._reader.close()
            self._reader = None
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def migrate(self, until: int | None = None) -> list[int]:
        """Apply every migration not yet recorded, each in its own transaction; ``until``
        stops after that version (tests build stores as earlier releases left them)."""
        await self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in await self.fetchall("SELECT version FROM schema_migrations")}
        done = []
        for version, name, script in _migration_scripts():
            if version in applied:
                continue
            if until is not None and version > until:
                break
            async with self.transaction() as conn:
                for statement in _split_statements(script):
                    await conn.execute(statement)
                await conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, to_db_time(utcnow())),
                )
            done.append(version)
        return done

    async def ping(self) -> None:
        """Raise if the database cannot answer, or if its file was removed or replaced
        under the running bot (writes would then go to a file nobody will see again)."""
        if self._inode is not None:
            try:
                current = self._file_inode()
            except FileNotFoundError:
                raise StoreGone(f"{self.path} was removed while the bot runs") from None
            if current != self._inode:
                raise StoreGone(f"{self.path} was replaced while the bot runs")
        await self.fetchval("SELECT 1")

    async def schema_version(self) -> int:
        return int(await self.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    async def backup_to(self, target: Path) -> None:
        """A consistent copy through SQLite's backup API, safe while others write.

        The copy waits for the transaction in progress on this connection to end and
        holds off the next one: the backup runs in the connection's own thread, so a
        transaction left open across it would keep the backup retrying while that
        transaction's COMMIT queues behind it (a deadlock)."""
        await asyncio.to_thread(_prepare_copy, target)
        async with aiosqlite.connect(target) as destination, self._lock:
            await self.conn.backup(destination)

    @asynccontextmanager
    async def transaction(
        self, *, begins_with_write: bool = False
    ) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (also when COMMIT
        itself fails); re-entrant per task. A full or busy store raises
        :class:`StoreUnavailable` once everything was rolled back.

        ``begins_with_write``: the caller's first statement is a write (the core's inbox
        mark), so SQLite's driver issues the BEGIN IMMEDIATE together with it, in the same
        call to the connection's thread: one trip fewer per update."""
        owner = (self, asyncio.current_task())
        if _in_transaction.get() == owner:
            yield self.conn
            return
        async with self._lock:
            token = _in_transaction.set(owner)
            try:
                with _unavailable_named():
                    if begins_with_write:
                        self.conn.isolation_level = "IMMEDIATE"  # BEGIN before the first write
                    else:
                        await self.conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield self.conn
                        if self.conn.in_transaction:
                            await self.conn.execute("COMMIT")
                    except BaseException:
                        await self._roll_back()
                        raise
            finally:
                # back to autocommit; only once the transaction has ended, since setting it
                # while one is open would commit it
                if begins_with_write and not self.conn.in_transaction:
                    self.conn.isolation_level = None
                _in_transaction.reset(token)

    async def _roll_back(self) -> None:
        """ROLLBACK unless SQLite already ended the transaction (it may, on a full disk)."""
        if self.conn.in_transaction:
            await self.conn.execute("ROLLBACK")

    async def execute(self, sql: str, params: Params = ()) -> aiosqlite.Cursor:
        """Run one write statement inside the caller's transaction, or as one of its own:
        the connection is in autocommit mode, so a lone statement is atomic by itself and
        needs no BEGIN and COMMIT around it (one call to the connection's thread instead of
        three). It waits, like a transaction, until no other task has one open."""
        if self._in_own_transaction():
            return await self.conn.execute(sql, params)
        with _unavailable_named():
            async with self._lock:
                return await self.conn.execute(sql, params)

    async def execute_returning(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        """A write whose ``RETURNING`` rows come back in the same call to the connection's
        thread, inside the caller's transaction or as one of its own (as :meth:`execute`)."""
        with _unavailable_named():
            if self._in_own_transaction():
                return list(await self.conn.execute_fetchall(sql, params))
            async with self._lock:
                return list(await self.conn.execute_fetchall(sql, params))

    def _in_own_transaction(self) -> bool:
        return _in_transaction.get() == (self, asyncio.current_task())

    @asynccontextmanager
    async def _reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """Where a read goes: the task's own transaction (it sees its own writes), else the
        read-only connection (what is committed), else the writer once no transaction is
        open (``:memory:``, or before the reader is opened)."""
        if self._in_own_transaction():
            yield self.conn
        elif self._reader is not None:
            yield self._reader
        else:
            async with self._lock:
                yield self.conn

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    async def fetchone(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """One row. The statement runs to its end in one call to the connection's thread:
        a statement left open across an ``await`` would hold its read snapshot, and every
        other read on the shared read connection would see that old snapshot too."""
        with _unavailable_named():
            async with self._reading() as conn:
                rows = await conn.execute_fetchall(sql, params)
                return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        with _unavailable_named():
            async with self._reading() as conn:
                return list(await conn.execute_fetchall(sql, params))

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]
