"""The event file: one SQLite file per event, opened safely, migrated, locked.

Durability: WAL with synchronous=FULL, and every user action is its own committed
transaction (``EventFile.action``) that also appends to the event log, so an action that
was acknowledged survives a killed process or a power cut.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.store.lock import FileLock, Holder
from facilitator.store.problems import Problem
from facilitator.store.schema import MIGRATION_SET, known_migrations, migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# The settings key ``facilitator serve`` holds while it serves a session (its id): found by
# the next opener, it means that serve was killed, and its questions are closed then.
SERVED_BY_COMMAND = "questions_served_by_command"


class EventFileError(Exception):
    """Anything that stops an event file from being opened or written, said plainly.

    Raised with a :class:`Problem` and its params (``EventFileError(Problem.BUSY,
    path=...)``) where the user can act on it: ``problem`` and ``params`` let an interface
    say it in its own language; ``str(error)`` is the English text. Raised with a plain
    text otherwise (``problem`` is None then).
    """

    def __init__(self, message: str | Problem, **params: Any) -> None:
        self.problem = message if isinstance(message, Problem) else None
        self.params = {name: str(value) for name, value in params.items()}
        super().__init__(message.value.format(**params) if isinstance(message, Problem)
                         else message)


class EventFileLocked(EventFileError):
    """Another facilitator window (or process) is writing this event file."""


class EventFileTooNew(EventFileError):
    """The event file was written by a newer facilitator."""


class NotAnEventFile(EventFileError):
    """The file is not a facilitator event file."""


def locked(path: Path, holder: Holder) -> EventFileLocked:
    """The error for ``path`` held by ``holder``, in words that fit who it is: a window
    to switch to, the phone server to stop, a command to wait for."""
    if not holder.pid or not holder.program:  # only the identity lock, or an older record
        return EventFileLocked(Problem.LOCKED_BY_OTHER, path=path)
    where = {"pid": holder.pid, "host": holder.host}
    if holder.program == "window":
        return EventFileLocked(Problem.LOCKED, path=path, **where)
    if holder.program == "serve":
        return EventFileLocked(Problem.LOCKED_BY_SERVER, path=path, **where)
    return EventFileLocked(Problem.LOCKED_BY_COMMAND, path=path, command=holder.program,
                           **where)


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just added (``lastrowid``, None only for other
    statements)."""
    if cursor.lastrowid is None:
        raise EventFileError("the row was not added")
    return cursor.lastrowid


# The table where sqlite-utils' Migrations records what it applied (its ``migrations_table``).
MIGRATIONS_TABLE = "_sqlite_migrations"


class EventDatabase:
    """The event file's connection, as the store's statements use it.

    The connection is in autocommit mode, where sqlite-utils' ``Database.execute`` is
    sqlite3's own; sqlite-utils itself (~50 ms of imports, a fifth of the app's start-up)
    is only loaded to upgrade a file's schema (``sqlite_utils()``).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._sqlite_utils: Database | None = None

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[EventDatabase]:
        """A transaction, or a savepoint inside one: everything in it is written, or none
        of it (sqlite-utils' ``Database.atomic``)."""
        if self.conn.in_transaction:
            savepoint = f"atomic_{os.urandom(8).hex()}"  # as secrets.token_hex, unimported
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # A RAISE(ROLLBACK) trigger may have ended the whole transaction already.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def table_names(self) -> list[str]:
        return [row[0] for row in self.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]

    def applied_migrations(self, migration_set: str) -> list[str]:
        """The migrations of ``migration_set`` this file has had, in the order applied."""
        if MIGRATIONS_TABLE not in self.table_names():
            return []
        return [row[0] for row in self.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [migration_set]).fetchall()]

    def sqlite_utils(self) -> Database:
        """sqlite-utils' Database over the same connection (imported on first use)."""
        if self._sqlite_utils is None:
            from sqlite_utils import Database

            self._sqlite_utils = Database(self.conn, execute_plugins=False)
        return self._sqlite_utils

    def __getattr__(self, name: str) -> Any:
        # Anything else sqlite-utils' Database offers (``query``, ``db[table]``, …) still
        # works, at the price of importing it then.
        if name.startswith("__") or "_sqlite_utils" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.sqlite_utils(), name)

    def __getitem__(self, table: str) -> Any:
        return self.sqlite_utils()[table]

    def close(self) -> None:
        self.conn.close()


def _on_storage_that_cannot_be_written(path: Path) -> bool:
    """The event file's folder cannot be written (a locked USB stick, a CD, a read-only
    share or folder): SQLite cannot make the WAL's -shm file beside it there."""
    return not os.access(path.parent, os.W_OK)


def _closed_by_everyone(path: Path) -> bool:
    """No -wal or -shm beside the file: no connection anywhere has it open, and none left
    changes that only a -wal holds (SQLite removes both when the last one closes)."""
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection, also to a file on storage that cannot be written.

    A WAL file opened ``mode=ro`` needs its -shm file, which SQLite cannot create in a
    folder it may not write: reports and exports of an event file on a locked USB stick or
    a read-only share failed with "check that the folder is writable". A file nobody has
    open there cannot change while it is read, so it is read as immutable (SQLite then
    needs no -shm); one that someone has open keeps the ordinary way (its -shm is there).
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")  # SQLite opens files lazily
    except sqlite3.OperationalError as error:
        if not ("unable to open" in str(error) and _on_storage_that_cannot_be_written(path)
                and _closed_by_everyone(path)):
            raise
        conn.close()  # SQLite's own close keeps the other connections' locks
        conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    return conn


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = _connect_read_only(path)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    # Autocommit unless a transaction is opened explicitly (EventFile.action): a write can
    # never sit in an implicit transaction that nobody commits.
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _damaged(path: Path, detail: str) -> EventFileError:
    """The damaged-file error, pointing to a backup only where one exists."""
    import glob  # only for this message: not imported with every start

    backups = sorted(path.parent.glob(f"{glob.escape(path.stem)}.before-upgrade-*.db"))
    if backups:
        return EventFileError(Problem.DAMAGED_WITH_BACKUP, path=path, detail=detail,
                              backup=backups[-1])
    return EventFileError(Problem.DAMAGED, path=path, detail=detail)


def _describe(error: sqlite3.Error, path: Path) -> EventFileError:
    """SQLite's error as one the user can act on (its own text when none fits)."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return EventFileError(Problem.READ_ONLY, path=path)
    if "disk is full" in text or "database or disk is full" in text:
        return EventFileError(Problem.DISK_FULL, path=path)
    if "locked" in text or "busy" in text:
        return EventFileError(Problem.BUSY, path=path)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return _damaged(path, text)
    if "unable to open" in text:
        if path.exists() and _on_storage_that_cannot_be_written(path):
            # Opened to be written, on storage that cannot be: say so, not "the folder".
            return EventFileError(Problem.READ_ONLY, path=path)
        return EventFileError(Problem.CANNOT_OPEN, path=path)
    return EventFileError(f"{path}: {text}")


class EventFile:
    """An open event file. Use ``EventFile.open`` or ``EventFile.create``."""

    def __init__(self, path: Path, db: EventDatabase, lock: FileLock | None,
                 read_only: bool) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only
        self._lock = lock
        self._identity: tuple[int, int] | None = None
        self.backup_path: Path | None = None
        # Inside ``acting``: the log lines of the command being committed, written at its
        # end with who acted and its undo data; None outside a command.
        self._acting: list[tuple[str, int | None, dict[str, Any]]] | None = None

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> EventFile:
        """A new, empty event file (schema only). Refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise EventFileError(Problem.ALREADY_EXISTS, path=path)
        if not path.parent.exists():
            raise EventFileError(Problem.NO_FOLDER, folder=path.parent)
        return cls.open(path, create=True)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = False,
        read_only: bool = False,
        lock: bool = True,
    ) -> EventFile:
        """Open (and migrate) an event file.

        ``lock=False`` is for a second connection inside the process that already holds
        the lock (the phone server's thread); ``read_only`` for exports and reports,
        which may run beside the app.
        """
        path = Path(path)
        if not create and not path.exists():
            raise EventFileError(Problem.NO_FILE, path=path)
        if path.is_dir():
            raise EventFileError(Problem.IS_FOLDER, path=path)
        if create and not path.exists():
            _create_empty(path)
        identity = _identity(path)
        with _registry_lock:
            # A second connection (the phone server's, a worker's) relies on the first
            # opener's checks: the header below, and SQLite's quick_check (a worker reading
            # 20,000 questions spent ~0.5 s on it before reading one).
            checked = identity in _open_in_process
            if not checked:
                # Only while no connection of this process has the file open may a
                # descriptor be opened and closed on it (closing one drops SQLite's locks
                # process-wide); a second connection relies on the first opener's check.
                # Checked before the lock, so a file refused leaves no lock file beside it.
                _check_header(path, empty_ok=create)
        file_lock = None
        if lock and not read_only:
            file_lock = FileLock(path)
            holder = file_lock.acquire()
            if holder is not None:
                raise locked(path, holder)
        conn = None
        try:
            with _registry_lock:
                conn = _connect(path, read_only=read_only)
                _open_in_process[identity] += 1
            event_file = cls(path, EventDatabase(conn), file_lock, read_only)
            event_file._identity = identity
            event_file._check_and_migrate(create=create, checked=checked)
            if file_lock is not None:  # the one writer: nobody else is serving the file now
                event_file._close_questions_left_by_serve()
        except BaseException as error:
            if conn is not None:
                conn.close()  # SQLite's own close keeps the other connections' locks
                _forget(identity)
            if file_lock:
                file_lock.release()
            if isinstance(error, sqlite3.Error):
                raise _describe(error, path) from None
            raise
        return event_file

    def _check_and_migrate(self, *, create: bool, checked: bool = False) -> None:
        if not checked:
            check = self.db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _damaged(self.path, check)
        tables = set(self.db.table_names())
        applied = self.db.applied_migrations(MIGRATION_SET) if tables else []
        if tables and not applied:
            raise NotAnEventFile(Problem.NOT_AN_EVENT, path=self.path)
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise EventFileTooNew(Problem.TOO_NEW, path=self.path, schema=unknown[-1])
        if not self.read_only:
            # Only now that the file is known to be ours may anything be written to it.
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
        pending = [name for name in known_migrations() if name not in applied]
        if not pending:
            return
        if self.read_only:
            self._read_an_upgraded_copy()
            return
        if applied:
            self.backup_path = self._backup_before_upgrade(applied[-1])
        migrations.apply(self.db.sqlite_utils())
        if create:
            self.log("file_created")

    def _read_an_upgraded_copy(self) -> None:
        """Read an older file through a copy in memory upgraded to this schema; the file
        is left as it is. A rapporteur's report or export of a file written by the
        previous release was refused ("open it in facilitator once to upgrade it"), even
        on a read-only USB stick where it could not be."""
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        copy.isolation_level = None
        self.db.conn.backup(copy)
        self.db.close()  # SQLite's own close keeps the other connections' locks
        self.db = EventDatabase(copy)
        self.db.execute("PRAGMA foreign_keys=ON")
        migrations.apply(self.db.sqlite_utils())

    def _close_questions_left_by_serve(self) -> None:
        """A killed ``facilitator serve`` left its session open to phones: close it now."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?",
                              [SERVED_BY_COMMAND]).fetchone()
        if not row or not row[0].isdigit():
            return
        session_id = int(row[0])
        with self.action("questions_closed", session_id, reason="serve_stopped_unexpectedly"):
            self.db.execute("UPDATE sessions SET state = 'planned' "
                            "WHERE id = ? AND state = 'questions_open'", [session_id])
            self.db.execute("DELETE FROM settings WHERE key = ?", [SERVED_BY_COMMAND])

    def _backup_before_upgrade(self, version: str) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.before-upgrade-{version}-{stamp}.db")
        self.save_copy(target)
        return target

    # --- writing --------------------------------------------------------------------------

    @contextlib.contextmanager
    def action(self, action: str, session_id: int | None = None, **detail: Any) -> Iterator[
        EventDatabase
    ]:
        """One user action: its writes and its log line commit together, or not at all."""
        try:
            with self.db.atomic():
                yield self.db
                self.log(action, session_id, **detail)
        except sqlite3.Error as error:
            raise _describe(error, self.path) from None

    @contextlib.contextmanager
    def acting(self, by: str) -> Iterator[dict[str, Any]]:
        """One command: its store actions commit together, and each of their log lines
        says who acted (``by``) plus what the caller put in the yielded dict by the end
        (its undo data): the lines are written just before the commit.

        Opened ``IMMEDIATE`` so what the command reads before writing (its undo snapshot)
        is still true when it writes, whatever the phone server's connection does.
        """
        if self.db.conn.in_transaction or self._acting is not None:
            raise RuntimeError("commands do not nest")
        extra: dict[str, Any] = {"by": by}
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self._acting = []
            try:
                yield extra
                for action, session_id, detail in self._acting:
                    self._insert_log(action, session_id, {**detail, **extra})
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.conn.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            finally:
                self._acting = None
        except sqlite3.Error as error:
            raise _describe(error, self.path) from None

    def log(self, action: str, session_id: int | None = None, **detail: Any) -> None:
        if self._acting is not None:
            self._acting.append((action, session_id, detail))
        else:
            self._insert_log(action, session_id, detail)

    def _insert_log(self, action: str, session_id: int | None, detail: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO event_log (at, session_id, action, detail) VALUES (?, ?, ?, ?)",
            [time.time(), session_id, action, json.dumps(detail, ensure_ascii=False)],
        )

    def log_entries(self, session_id: int | None = None) -> list[dict[str, Any]]:
        where = "WHERE session_id = ?" if session_id is not None else ""
        rows = self.db.execute(
            f"SELECT id, at, session_id, action, detail FROM event_log {where} ORDER BY id",
            [session_id] if session_id is not None else [],
        ).fetchall()
        return [
            {"id": r[0], "at": r[1], "session_id": r[2], "action": r[3],
             "detail": json.loads(r[4])}
            for r in rows
        ]

    def get_setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.action("setting_changed", key=key):
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # --- copies and closing ---------------------------------------------------------------

    def save_copy(self, target: str | os.PathLike[str]) -> Path:
        """A consistent copy through SQLite's backup API, safe while the file is in use.

        An existing ``target`` is replaced only when nobody has it open: replacing an
        event file another window was running put the copy under that window's name
        while it went on writing into its WAL, and the next opening mixed the two (its
        sessions gone, its new notes on top of the copy). Raises EventFileError
        (COPY_ONTO_ITSELF, LOCKED with the holder, COPY_FAILED)."""
        target = Path(target)
        own = self.path.resolve()
        if target.resolve() in {own, *(Path(f"{own}{s}") for s in _COMPANION_SUFFIXES)} or (
                target.exists() and _identity(target) == self._identity):
            raise EventFileError(Problem.COPY_ONTO_ITSELF)
        replaced = FileLock(target) if target.is_file() else None
        if replaced is not None and (holder := replaced.acquire()) is not None:
            raise locked(target, holder)
        try:
            self._copy_to(target)
        finally:
            if replaced is not None:
                replaced.release()
        return target

    def _copy_to(self, target: Path) -> None:
        partial = target.with_name(target.name + ".partial")
        try:
            destination = sqlite3.connect(str(partial))
            try:
                self.db.conn.backup(destination)
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
            # A replaced file's -wal, -shm and -journal (nobody has it open: its lock is
            # ours) belong to it, not to the copy: they go with it.
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            os.replace(partial, target)
        except (sqlite3.Error, OSError) as error:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise EventFileError(Problem.COPY_FAILED, target=target, reason=error) from None

    def integrity_check(self) -> str:
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def checkpoint(self) -> None:
        """Copy the WAL's pages into the main file without waiting for readers or writers.

        Called when the app is idle and on every session change, so a copy of the ``.db``
        alone (without ``-wal``), made by someone copying files around, holds recent work.
        """
        if self.read_only:
            return
        with contextlib.suppress(sqlite3.Error):  # busy or full: the next idle moment retries
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        try:
            self.db.close()
            if self._identity is not None:
                _forget(self._identity)
                self._identity = None
        finally:
            if self._lock:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> EventFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# How many connections this process has open on each event file, by (device, inode).
_open_in_process: Counter[tuple[int, int]] = Counter()
_registry_lock = threading.RLock()


def _identity(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError as error:
        raise EventFileError(Problem.CANNOT_READ, path=path, reason=error.strerror) from None
    return stat.st_dev, stat.st_ino


# Files SQLite keeps beside an event file: replacing one loses or damages the event too.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")


def refuse_to_replace_event_file(path: str | os.PathLike[str]) -> None:
    """Raise EventFileError(Problem.WOULD_REPLACE_EVENT_FILE) when writing ``path`` would
    replace an event file (a SQLite file, open here or not) or a file SQLite keeps beside
    one (its ``-wal``, ``-shm``, ``-journal`` or our ``.lock``); return when it would not.

    For every writer of exports and reports, before it writes: ``-o event.db`` typed for
    ``-o event.csv`` replaced the event with a CSV, and a file put in place over the open
    event file leaves this process writing to a deleted one.
    """
    path = Path(path)
    candidates = [path]
    for suffix in _COMPANION_SUFFIXES:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            candidates.append(path.with_name(path.name[:-len(suffix)]))
    for candidate in candidates:
        try:
            stat = candidate.stat()
        except OSError:
            continue  # nothing there (or nothing we may read): nothing to destroy
        if not os.path.isfile(candidate):
            continue
        with _registry_lock:
            # Never opened while this process has it open: closing a descriptor would
            # drop SQLite's locks process-wide (see EventFile.open).
            is_open_here = (stat.st_dev, stat.st_ino) in _open_in_process
        if is_open_here or _starts_like_sqlite(candidate):
            raise EventFileError(Problem.WOULD_REPLACE_EVENT_FILE, path=candidate)


def _starts_like_sqlite(path: Path) -> bool:
    try:
        return _header(path) == SQLITE_HEADER
    except OSError:
        return False


def _header(path: Path) -> bytes:
    """The file's first bytes, as many as SQLite's header (fewer if it is shorter); raises
    OSError."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER))


def _forget(identity: tuple[int, int]) -> None:
    with _registry_lock:
        _open_in_process[identity] -= 1
        if _open_in_process[identity] <= 0:
            del _open_in_process[identity]


def _create_empty(path: Path) -> None:
    """The new file, so it has an identity to lock by; SQLite fills it in."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        pass
    except OSError as error:
        raise EventFileError(Problem.CANNOT_CREATE, path=path, reason=error.strerror) from None


def _check_header(path: Path, *, empty_ok: bool) -> None:
    try:
        header = _header(path)
    except PermissionError:
        raise EventFileError(Problem.NO_PERMISSION, path=path) from None
    except OSError as error:
        raise EventFileError(Problem.CANNOT_READ, path=path, reason=error.strerror) from None
    if not header and not empty_ok:
        raise NotAnEventFile(Problem.EMPTY, path=path)
    if header and header != SQLITE_HEADER:
        raise NotAnEventFile(Problem.NOT_SQLITE, path=path)
