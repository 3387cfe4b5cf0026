"""The event file: durability settings, the lock, migrations, damaged and foreign files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from facilitator.store import EventFile, EventFileError, EventFileLocked, EventFileTooNew
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file
from facilitator.store.schema import known_migrations, migrations


def test_durability_settings(event_file):
    db = event_file.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_action_is_committed_and_logged(sample_path):
    with EventFile.open(sample_path) as event_file:
        session = store.list_sessions(event_file)[0]
        store.update_session(event_file, session.id, room="Room B")
        # Read through a second, independent connection: the change is already on disk.
        other = sqlite3.connect(sample_path)
        assert other.execute("SELECT room FROM sessions WHERE id = ?",
                             [session.id]).fetchone()[0] == "Room B"
        other.close()
        actions = [entry["action"] for entry in event_file.log_entries(session.id)]
        assert actions[-1] == "session_edited"


def test_event_log_is_append_only(event_file):
    event_file.log("something")
    with pytest.raises(sqlite3.IntegrityError):
        event_file.db.execute("DELETE FROM event_log")
    with pytest.raises(sqlite3.IntegrityError):
        event_file.db.execute("UPDATE event_log SET action = 'x'")


def test_failed_action_writes_nothing(event_file):
    before = event_file.db.execute("SELECT COUNT(*) FROM event_log").fetchone()[0]
    session = store.list_sessions(event_file)[0]
    with pytest.raises(RuntimeError), event_file.action("half", session.id):
        event_file.db.execute("UPDATE sessions SET room = 'X' WHERE id = ?", [session.id])
        raise RuntimeError("boom")
    assert store.get_session(event_file, session.id).room == "Plenary Hall"
    assert event_file.db.execute("SELECT COUNT(*) FROM event_log").fetchone()[0] == before


def test_second_opener_is_refused_with_a_clear_message(sample_path):
    with EventFile.open(sample_path):
        with pytest.raises(EventFileLocked, match="already open in another facilitator"):
            EventFile.open(sample_path)
    EventFile.open(sample_path).close()  # released on close


def test_lock_held_by_another_process(sample_path):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from facilitator.store import EventFile;"
         f"f = EventFile.open({str(sample_path)!r}); print('ready', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(EventFileLocked, match=f"process {holder.pid}"):
            EventFile.open(sample_path)
    finally:
        holder.kill()
        holder.wait()
    # The operating system dropped the dead process's lock: no stale lock.
    EventFile.open(sample_path).close()


def test_read_only_opening_ignores_the_lock(sample_path):
    with EventFile.open(sample_path), EventFile.open(sample_path, read_only=True) as reader:
        assert len(store.list_sessions(reader)) == 3


def _older_file(path: Path) -> None:
    """A file as the first release wrote it: only the first migration applied."""
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before=known_migrations()[1])
    db.execute("INSERT INTO events (title) VALUES ('Old event')")
    db.execute(
        "INSERT INTO sessions (event_id, title, join_token, short_code, speaker_token) "
        "VALUES (1, 'Old panel', 'j', 'ABCDEF', 's')")
    db.conn.commit()
    db.close()


def test_older_file_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "old.db"
    _older_file(path)
    with EventFile.open(path) as event_file:
        assert event_file.backup_path is not None and event_file.backup_path.exists()
        session = store.list_sessions(event_file)[0]
        assert session.title == "Old panel"
        assert session.warning_seconds == 60  # from the second migration
    backup = sqlite3.connect(event_file.backup_path)
    applied = [r[0] for r in backup.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == known_migrations()[:1]
    assert backup.execute("SELECT title FROM sessions").fetchone()[0] == "Old panel"


def test_newer_file_is_refused_and_left_alone(sample_path):
    db = sqlite3.connect(sample_path)
    db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
               "VALUES ('facilitator', '9999_from_the_future', 'later')")
    db.commit()
    db.close()
    before = sample_path.read_bytes()
    with pytest.raises(EventFileTooNew, match="newer facilitator"):
        EventFile.open(sample_path)
    assert sample_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,title\nx,y\n", "not a facilitator event file"),
        (b"SQLite format 3\x00" + b"\x00" * 80 + b"garbage" * 200, "damaged|not a database"),
    ],
)
def test_foreign_and_damaged_files(tmp_path, content, message):
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    with pytest.raises(EventFileError, match=message):
        EventFile.open(path)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(EventFileError, match="not a facilitator event"):
        EventFile.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file(sample_path):  # pragma: no cover - CI runs as root
    sample_path.chmod(0o444)
    with pytest.raises(EventFileError, match="read-only"):
        with EventFile.open(sample_path) as event_file:
            store.update_session(event_file, 1, room="X")


def test_writing_through_a_read_only_opening_says_read_only(sample_path):
    with EventFile.open(sample_path, read_only=True) as reader:
        with pytest.raises(EventFileError, match="read-only"):
            store.update_session(reader, 1, room="X")
    with EventFile.open(sample_path) as writer:
        assert store.get_session(writer, 1).room == "Plenary Hall"


def test_save_copy_is_a_complete_event(event_file, tmp_path):
    copy = event_file.save_copy(tmp_path / "copy.db")
    event_file.close()
    with EventFile.open(copy) as reopened:
        assert [s.title for s in store.list_sessions(reopened)][0].startswith("The local SDG")


def test_create_refuses_to_overwrite(sample_path):
    with pytest.raises(EventFileError, match="already exists"):
        create_event_file(sample_path)
