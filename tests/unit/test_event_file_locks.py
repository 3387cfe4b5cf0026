"""SQLite's locks and the one-writer lock hold however the file is reached.

POSIX advisory locks belong to the process: closing *any* descriptor on the event file drops
the locks of every SQLite connection still open on it (SQLite's "How to corrupt" §2.2). A
plain sqlite3 writer in another process then thinks it is the last connection and deletes
the WAL under the running app. And the one-writer lock must follow the file (its device and
inode), not its name: a hard link or a symlink is the same file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.store import EventFile, EventFileError, EventFileLocked, NotAnEventFile
from facilitator.store import sessions as store

WRITE_AND_CLOSE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("INSERT INTO settings (key, value) VALUES ('outsider', 'x')")
conn.commit()
conn.close()
"""


def outsider_writes(path: Path) -> None:
    """A plain sqlite3 writer in another process opens, writes and closes the file."""
    subprocess.run([sys.executable, "-c", WRITE_AND_CLOSE, str(path)], check=True, timeout=30)


def test_second_connection_in_process_keeps_the_apps_locks(sample_path):
    """The phone server's connection (lock=False) and a report's read-only one open and close
    beside the app's: another process's writer still sees the app and leaves the WAL alone."""
    with EventFile.open(sample_path) as app:
        session = store.list_sessions(app)[0]
        store.update_session(app, session.id, room="Room B")  # the WAL has content
        EventFile.open(sample_path, lock=False).close()        # as the phone server does
        EventFile.open(sample_path, read_only=True).close()    # as a report does
        wal = sample_path.with_name(sample_path.name + "-wal")
        assert wal.exists()
        outsider_writes(sample_path)
        # The outsider was not the last connection: it must not have removed the WAL.
        assert wal.exists(), "the app's locks were dropped: the WAL was deleted under it"
        store.update_session(app, session.id, room="Room C")
        assert app.get_setting("outsider") == "x"
    with EventFile.open(sample_path, read_only=True) as reader:
        assert store.get_session(reader, session.id, with_slots=False).room == "Room C"
        assert reader.integrity_check() == "ok"


def test_a_refused_second_opener_keeps_the_apps_locks(sample_path):
    with EventFile.open(sample_path) as app:
        session = store.list_sessions(app)[0]
        store.update_session(app, session.id, room="Room B")
        with pytest.raises(EventFileLocked):
            EventFile.open(sample_path)
        outsider_writes(sample_path)
        assert sample_path.with_name(sample_path.name + "-wal").exists()


def test_a_hard_link_is_the_same_file(sample_path):
    link = sample_path.with_name("linked.db")
    os.link(sample_path, link)
    with EventFile.open(sample_path), pytest.raises(EventFileLocked):
        EventFile.open(link)


def test_a_hard_link_is_refused_in_another_process_too(sample_path):
    link = sample_path.with_name("linked.db")
    os.link(sample_path, link)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import time; from facilitator.store import EventFile;"
         f"f = EventFile.open({str(sample_path)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(EventFileLocked):
            EventFile.open(link)
    finally:
        holder.kill()
        holder.wait()
    EventFile.open(link).close()  # the dead process's locks are gone


def test_a_symlink_is_the_same_file(sample_path):
    link = sample_path.with_name("symlinked.db")
    link.symlink_to(sample_path)
    with EventFile.open(sample_path), pytest.raises(EventFileLocked):
        EventFile.open(link)


def test_an_empty_file_is_not_an_event_file(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NotAnEventFile, match="empty"):
        EventFile.open(empty)
    assert empty.stat().st_size == 0  # left as it was
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no lock file left


def test_a_file_that_is_not_sqlite_leaves_nothing_beside_it(tmp_path):
    other = tmp_path / "notes.db"
    other.write_text("just some text")
    with pytest.raises(NotAnEventFile):
        EventFile.open(other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_creating_a_new_file_still_works(tmp_path):
    created = EventFile.create(tmp_path / "new.db")
    created.close()
    EventFile.open(tmp_path / "new.db").close()


def test_damaged_message_names_a_backup_only_when_there_is_one(sample_path):
    data = bytearray(sample_path.read_bytes())
    data[4096:4096 + 200] = b"\xff" * 200  # wreck a page after the header
    sample_path.write_bytes(bytes(data))
    with pytest.raises(EventFileError) as refused:
        EventFile.open(sample_path)
    assert "backup" not in str(refused.value)
    backup = sample_path.with_name("event.before-upgrade-0001_initial-20260101-000000.db")
    backup.write_bytes(b"")
    with pytest.raises(EventFileError) as refused:
        EventFile.open(sample_path)
    assert backup.name in str(refused.value)


def test_checkpoint_puts_everything_in_the_main_file(sample_path, tmp_path):
    """A copy of the .db alone (without -wal), made after a checkpoint, has every question."""
    with EventFile.open(sample_path) as app:
        session = store.list_sessions(app)[0]
        store.update_session(app, session.id, room="Checkpointed room")
        app.checkpoint()
        copy = tmp_path / "copied.db"
        copy.write_bytes(sample_path.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        room = conn.execute("SELECT room FROM sessions WHERE id = ?", [session.id]).fetchone()
    finally:
        conn.close()
    assert room == ("Checkpointed room",)
