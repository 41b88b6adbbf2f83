"""``knotenpunkt db restore FILE``: refused while a bot runs or for a broken file; keeps the
old store as a dated copy."""

from __future__ import annotations

import asyncio
import gzip
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.app import App
from bot.cli import main
from bot.settings import Settings
from storage import Store
from tests.helpers import FakeAdapter

ROOT = Path(__file__).resolve().parents[1]


def topics(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM topics")}


async def _store_with(db: Path, *names: str) -> None:
    store = await Store.open(db)
    try:
        for name in names:
            await store.topics.create(name, "")
    finally:
        await store.close()


def test_restore_replaces_the_store_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "data" / "kp.sqlite3"
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    asyncio.run(_store_with(db, "Wasserstoff"))
    backup = tmp_path / "backup.sqlite3"
    assert main(["db", "backup", str(backup)]) == 0
    asyncio.run(_store_with(db, "Robotik"))  # written after the backup
    packed = tmp_path / "backup.sqlite3.gz"
    packed.write_bytes(gzip.compress(backup.read_bytes()))
    capsys.readouterr()

    assert main(["db", "restore", str(packed)]) == 0
    out = capsys.readouterr().out
    assert topics(db) == {"Wasserstoff"}
    [kept] = db.parent.glob("kp.sqlite3.*.before-restore")
    assert topics(kept) == {"Wasserstoff", "Robotik"}
    assert f"kept as {kept}" in out
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_broken_file_is_refused_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    asyncio.run(_store_with(db, "Wasserstoff"))
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    assert main(["db", "restore", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "fails the integrity check" in err and "not changed" in err
    not_ours = tmp_path / "other.sqlite3"
    with sqlite3.connect(not_ours) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert main(["db", "restore", str(not_ours)]) == 1
    assert "not a Knotenpunkt store" in capsys.readouterr().err
    assert topics(db) == {"Wasserstoff"}
    assert list(tmp_path.glob("*.before-restore")) == []


def test_a_gz_backup_is_gzipped_and_restores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``db backup x.sqlite3.gz`` writes gzip (not a plain file under a .gz name), and
    ``db restore`` takes what backup wrote, by its first bytes, also after a rename."""
    db = tmp_path / "kp.sqlite3"
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    asyncio.run(_store_with(db, "Wasserstoff"))
    packed = tmp_path / "backups" / "x.sqlite3.gz"
    assert main(["db", "backup", str(packed)]) == 0
    assert "(gzipped)" in capsys.readouterr().out
    assert packed.read_bytes()[:2] == b"\x1f\x8b"
    assert gzip.decompress(packed.read_bytes()).startswith(b"SQLite format 3\x00")
    assert packed.stat().st_mode & 0o077 == 0  # personal data: the owner only
    assert [p.name for p in packed.parent.iterdir()] == ["x.sqlite3.gz"]  # no leftovers
    plain = tmp_path / "plain.gz.bak"
    assert main(["db", "backup", str(plain)]) == 0
    assert plain.read_bytes().startswith(b"SQLite format 3\x00")

    renamed = tmp_path / "renamed.sqlite3"
    for backup in (packed, plain, renamed):
        if backup == renamed:
            packed.rename(renamed)
        asyncio.run(_store_with(db, "Robotik"))  # written after the backup
        assert main(["db", "restore", str(backup)]) == 0, capsys.readouterr().err
        assert topics(db) == {"Wasserstoff"}


def test_backup_refuses_to_overwrite_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kp.sqlite3"
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    asyncio.run(_store_with(db, "Wasserstoff"))
    target = tmp_path / "nightly.sqlite3.gz"
    assert main(["db", "backup", str(target)]) == 0
    first = target.read_bytes()
    asyncio.run(_store_with(db, "Robotik"))
    capsys.readouterr()

    assert main(["db", "backup", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"knotenpunkt db backup: {target} exists already; nothing copied (--force replaces it)\n"
    )
    assert target.read_bytes() == first

    assert main(["db", "backup", "--force", str(target)]) == 0
    assert main(["db", "restore", str(target)]) == 0
    assert topics(db) == {"Wasserstoff", "Robotik"}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "neither an SQLite store nor a gzipped one"),
        (b"id,name\n1,Carla\n", "neither an SQLite store nor a gzipped one"),
        (gzip.compress(b"SQLite format 3\x00" + b"x" * 4096)[:40], "damaged gzip file"),
        (b"\x1f\x8b" + os.urandom(64), "damaged gzip file"),
        (gzip.compress(b"just some text"), "what it holds is not an SQLite store"),
    ],
    ids=["empty", "csv", "truncated-gz", "gz-header-garbage", "gz-of-text"],
)
def test_restore_of_garbage_says_what_is_wrong(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    says: str,
) -> None:
    db = tmp_path / "kp.sqlite3"
    monkeypatch.setenv("KNOTENPUNKT_DB_PATH", str(db))
    asyncio.run(_store_with(db, "Wasserstoff"))
    garbage = tmp_path / "backup.sqlite3.gz"
    garbage.write_bytes(content)
    assert main(["db", "restore", str(garbage)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"knotenpunkt db restore: {garbage} ") and says in err
    assert err.count("\n") == 1 and "Traceback" not in err and "not changed" in err
    assert topics(db) == {"Wasserstoff"}
    assert list(tmp_path.glob("*.before-restore")) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".restore-")] == []


def test_backup_sh_writes_a_copy_that_restores(tmp_path: Path) -> None:
    """deploy/backup.sh as the timer runs it: a gzipped, dated copy that db restore takes."""
    db = tmp_path / "kp.sqlite3"
    asyncio.run(_store_with(db, "Wasserstoff"))
    wrapper = tmp_path / "knotenpunkt"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bot.cli "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    backups = tmp_path / "backups"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
    env.update(
        PYTHONPATH=str(ROOT), KNOTENPUNKT_DB_PATH=str(db), KNOTENPUNKT=str(wrapper),
        BACKUP_DIR=str(backups),
    )  # fmt: skip
    result = subprocess.run(
        ["sh", str(ROOT / "deploy" / "backup.sh")],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [copy] = backups.iterdir()
    assert copy.name.endswith(".sqlite3.gz") and "1 kept" in result.stdout
    assert copy.read_bytes()[:2] == b"\x1f\x8b"
    asyncio.run(_store_with(db, "Robotik"))
    restored = subprocess.run(
        [str(wrapper), "db", "restore", str(copy)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr
    assert topics(db) == {"Wasserstoff"}


async def test_restore_is_refused_while_the_bot_runs(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings()
    backup = tmp_path / "backup.sqlite3"
    app = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    services = await app.start()
    try:
        await services.store.topics.create("Wasserstoff", "")
        await services.store.db.backup_to(backup)
        await services.store.topics.create("Robotik", "")
        env = {k: v for k, v in os.environ.items() if not k.startswith("KNOTENPUNKT_")}
        env.update(PYTHONPATH=str(ROOT), KNOTENPUNKT_DB_PATH=str(settings.db_path))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "db", "restore", str(backup),
            env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _out, err = await asyncio.wait_for(process.communicate(), timeout=60)
        assert process.returncode == 1
        message = err.decode()
        assert "a bot is running on" in message and "Stop it first" in message
        assert "knotenpunkt run pid" in message
        assert {t.name for t in await services.store.topics.list()} == {"Wasserstoff", "Robotik"}
    finally:
        await app.stop()
    # and a second bot cannot start on the same store either
    again = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    first = App(settings, serve_http=False, adapter_factories=[lambda s: FakeAdapter()])
    await first.start()
    try:
        from storage.lock import StoreBusy

        with pytest.raises(StoreBusy):
            await again.start()
    finally:
        await again.stop()
        await first.stop()


async def test_a_backup_while_another_task_is_in_a_transaction_waits_for_it(
    tmp_path: Path,
) -> None:
    """The copy runs in the connection's thread: it must not start inside another task's
    open transaction (that transaction's COMMIT would queue behind a backup that keeps
    retrying), and what that transaction wrote is in the copy."""
    store = await Store.open(tmp_path / "live.sqlite3")
    inside = asyncio.Event()

    async def writer() -> None:
        async with store.transaction():
            await store.topics.create("Wasserstoff", "")
            inside.set()
            await asyncio.sleep(0.3)  # e.g. a job between two statements

    writing = asyncio.create_task(writer())
    await inside.wait()
    backup = asyncio.create_task(store.db.backup_to(tmp_path / "copy.sqlite3"))
    _done, stuck = await asyncio.wait({writing, backup}, timeout=10)
    if stuck:  # the connection's thread is stuck for good: neither close nor exit would end
        print("backup_to deadlocked with an open transaction", file=sys.stderr, flush=True)
        os._exit(1)  # fail the run loudly instead of hanging it
    await store.close()
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("SELECT name FROM topics").fetchall() == [("Wasserstoff",)]
