"""The lock a running bot holds on its store, so that a restore cannot pull the file away
and a second bot cannot start on the same file.

``flock`` on ``<store>.lock``: the operating system drops it when the process ends, also
after a crash or SIGKILL, so a stale lock never blocks anyone. The file holds the pid of
the holder, for the message.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class StoreBusy(Exception):
    """Another process (a running bot, a restore) holds the store."""


class StoreLock:
    def __init__(self, db_path: Path | str) -> None:
        db_path = Path(db_path)
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self, purpose: str = "bot") -> None:
        """Take the lock now or raise :class:`StoreBusy` naming the holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode(errors="replace").strip() or "another process"
            os.close(fd)
            raise StoreBusy(f"{holder} holds {self.path}") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{purpose} pid {os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
