"""One writer per event file: advisory locks that follow the file, never its descriptors.

Two locks, both on small files of our own, never on the event file itself (closing any
descriptor on the event file would drop SQLite's POSIX locks for the whole process):

- the *name* lock, ``FILE.lock`` beside the event file: seen by other users and other
  machines sharing the folder, and it says who holds it, for the message: one line,
  ``serve: process 1234 on laptop`` (the program — "window", "serve" or a CLI command's
  name, set by ``announce_program`` — then the process; older versions wrote no program);
- the *identity* lock, keyed by the file's device and inode in a per-user folder: a hard
  link or a symlink to the same file meets the same lock.

The operating system drops both when the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
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


_program = "window"  # what this process is, for the message another opener gets


def announce_program(name: str) -> str:
    """Say what this process is in the locks it takes from now: "window" (the default:
    the app), "serve" (the phone server), or the name of a CLI command ("import",
    "report"…). Returns what it said before."""
    global _program
    previous, _program = _program, name
    return previous


@dataclass(frozen=True)
class Holder:
    """Who holds an event file's lock: ``program`` ("window", "serve", a CLI command's
    name; "" when not known: an older facilitator, or only the identity lock held),
    ``pid`` and ``host`` ("" when not known)."""

    program: str = ""
    pid: str = ""
    host: str = ""


_RECORD = re.compile(r"^(?:(?P<program>[a-z]+): )?process (?P<pid>\d+) on (?P<host>.*)$")


def read_holder(record: str) -> Holder:
    """The holder a lock file's line names (``serve: process 1234 on laptop``)."""
    found = _RECORD.match(record.strip())
    if found is None:
        return Holder()
    return Holder(found["program"] or "", found["pid"], found["host"])


def identity_lock_folder() -> Path:
    """The per-user folder of identity locks (created on first use)."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"facilitator-locks-{user}"


class FileLock:
    """The locks that make their taker the only facilitator writer of an event file."""

    def __init__(self, event_path: Path) -> None:
        self.path = event_path.with_name(event_path.name + ".lock")
        self._event_path = event_path
        self._fds: list[int] = []

    def acquire(self) -> Holder | None:
        """Take both locks; None on success, else who holds them.

        The event file must exist (its identity is its device and inode).
        """
        holder = self._take(self.path, describe=True)
        if holder is not None:
            return holder
        try:
            stat = os.stat(self._event_path)
            folder = identity_lock_folder()
            folder.mkdir(mode=0o700, exist_ok=True)
            identity = folder / f"{stat.st_dev}-{stat.st_ino}.lock"
        except OSError:
            return None  # no identity to lock by; the name lock still stands
        holder = self._take(identity, describe=False)
        if holder is not None:
            self.release()
            return holder
        return None

    def _take(self, lock_path: Path, *, describe: bool) -> Holder | None:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            # A read-only folder cannot hold a lock file; SQLite itself will refuse
            # to write there, with its own clear message.
            return None
        if not _try_lock(fd):
            try:
                holder = os.read(fd, 200).decode("utf-8", "replace").strip() if describe else ""
            finally:
                os.close(fd)
            return read_holder(holder)
        if describe:
            os.ftruncate(fd, 0)
            os.write(fd, f"{_program}: process {os.getpid()} on {_host_name()}".encode())
        self._fds.append(fd)
        return None

    def release(self) -> None:
        while self._fds:
            fd = self._fds.pop()
            try:
                _unlock(fd)
            finally:
                os.close(fd)


def _host_name() -> str:
    """This computer's name, for the lock's "held by" line."""
    if hasattr(os, "uname"):  # what socket.gethostname() gives, without importing socket
        return os.uname().nodename
    import socket

    return socket.gethostname()
