"""One writer per event file: an advisory lock on a small file beside it.

The operating system drops the lock when the process dies, so a crash never leaves a
stale lock behind; the lock file only says who holds it, for the message.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """The advisory lock beside an event file that makes its opener the only writer."""
    def __init__(self, event_path: Path) -> None:
        self.path = event_path.with_name(event_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> str | None:
        """Take the lock; None on success, else a description of the holder."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            # A read-only folder cannot hold a lock file; SQLite itself will refuse
            # to write there, with its own clear message.
            return None
        if not _try_lock(fd):
            try:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip()
            finally:
                os.close(fd)
            return holder or "another process"
        os.ftruncate(fd, 0)
        os.write(fd, f"process {os.getpid()} on {socket.gethostname()}".encode())
        self._fd = fd
        return None

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None
