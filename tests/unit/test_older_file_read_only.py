"""A file written by an earlier release, read for a report or an export: read through an
upgraded copy in memory, the file itself left exactly as it was.

Before: "uses an older schema; open it in facilitator once to upgrade it" — a rapporteur
with yesterday's file and today's facilitator could not print, and on a read-only USB
stick could not upgrade it at all.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pypdf
from sqlite_utils import Database

from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.schema import known_migrations, migrations


def older_file(path: Path, applied: int) -> None:
    """A file as an earlier release wrote it: its first ``applied`` migrations."""
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before=known_migrations()[applied])
    db.execute("INSERT INTO events (title) VALUES ('Yesterday''s event')")
    db.execute(
        "INSERT INTO sessions (event_id, title, join_token, short_code, speaker_token) "
        "VALUES (1, 'Panel on Łódź and بلدية', 'j', 'ABCDEF', 's')")
    db.conn.commit()
    db.close()


def test_an_older_file_is_read_through_an_upgraded_copy(tmp_path):
    for applied in (1, len(known_migrations()) - 1):
        path = tmp_path / f"old-{applied}.db"
        older_file(path, applied)
        before = path.read_bytes()
        with EventFile.open(path, read_only=True) as ef:
            session = store.list_sessions(ef)[0]
            assert session.title == "Panel on Łódź and بلدية"
            assert session.warning_seconds == 60  # a later migration's column, defaulted
            assert ef.db.applied_migrations("facilitator") == known_migrations()
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.stem)) \
            == [path.name]  # no backup, no WAL: nothing written beside it


def test_the_report_of_an_older_file(tmp_path):
    path = tmp_path / "old.db"
    older_file(path, 1)
    before = path.read_bytes()
    done = subprocess.run([sys.executable, "-m", "facilitator", "report", str(path), "-o",
                           str(tmp_path / "summary.pdf")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    text = pypdf.PdfReader(tmp_path / "summary.pdf").pages[0].extract_text()
    assert "Yesterday's event" in text
    assert path.read_bytes() == before
