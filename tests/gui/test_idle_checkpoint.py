"""While the app runs, a copy of the ``.db`` alone (someone copying files around, without
the ``-wal`` beside it) holds recent work: the WAL is checkpointed when the room is quiet
and whenever a session changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.gui.document import CHECKPOINT_IDLE_MS
from facilitator.store import sessions as store


def room_in_copy_of_db_alone(source: Path, tmp_path: Path, session_id: int) -> str:
    copy = tmp_path / "copied-alone.db"
    copy.write_bytes(source.read_bytes())
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT room FROM sessions WHERE id = ?", [session_id]).fetchone()[0]
    finally:
        conn.close()


def test_quiet_room_is_checkpointed(qtbot, document, tmp_path):
    session = store.list_sessions(document.file)[0]
    # A write that the phone server's connection could have made, then its news.
    document.file.db.execute("UPDATE sessions SET room = 'Hall 7' WHERE id = ?", [session.id])
    assert room_in_copy_of_db_alone(document.file.path, tmp_path, session.id) != "Hall 7"
    document.questions_did_change.emit(session.id)
    qtbot.waitUntil(
        lambda: room_in_copy_of_db_alone(document.file.path, tmp_path, session.id) == "Hall 7",
        timeout=CHECKPOINT_IDLE_MS + 3000)


def test_session_change_checkpoints_at_once(document, tmp_path):
    session = store.list_sessions(document.file)[0]
    store.update_session(document.file, session.id, room="Hall 9")
    document.session_did_change.emit(session.id)
    assert room_in_copy_of_db_alone(document.file.path, tmp_path, session.id) == "Hall 9"
