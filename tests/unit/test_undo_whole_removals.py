"""Undo of a removal puts back every row the removal took, whatever the file's cascades
deleted with it: Remove session lost the session's polls with their answers, its floor
requests and settings (and could not remove a session with a tagged question at all:
question_tags has no ON DELETE CASCADE); Remove speaker lost the link from the floor request
their turn came from. The whole file (but the log) is compared before and after."""

from __future__ import annotations

import sqlite3

from facilitator.actions import floor, polls, questions, sessions, speakers
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.command import run
from facilitator.core.notes import NoteKind
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import sessions as session_store

NOW = 1_780_000_000.0


def whole_file(ef: EventFile) -> dict[str, list[tuple]]:
    """Every row of every table but the log, in a stable order."""
    tables = [name for (name,) in ef.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('event_log', '_sqlite_migrations')")]
    return {table: sorted(ef.db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in tables}


def a_session_with_everything(ef: EventFile) -> tuple[int, int]:
    """Session 1 with a speaker, a note naming them, a tagged and voted question, a poll
    answered from a phone, and a floor request accepted onto the list; (session, the
    accepted turn's slot)."""
    session_id = session_store.list_sessions(ef)[0].id
    slot = session_store.get_session(ef, session_id).slots[0]
    note_store.add_note(ef, session_id, "Cities first", at=NOW, kind=NoteKind.KEY_MESSAGE,
                        slot_id=slot.id)
    question = ef.db.execute(
        "INSERT INTO questions (session_id, text, author, status, votes, created_at, "
        "updated_at) VALUES (?, 'Who pays?', 'Ana', 'approved', 1, ?, ?)",
        [session_id, NOW, NOW]).lastrowid
    ef.db.execute("INSERT INTO votes (question_id, device_id, created_at) VALUES (?, 'd1', ?)",
                  [question, NOW])
    run(ef, LAPTOP, questions.set_tags(session_id, question, ["SDG 11"]))
    poll = run(ef, LAPTOP, polls.add_poll(session_id, "Which first?", "single",
                                          ["Housing", "Finance"])).result
    run(ef, LAPTOP, polls.open_poll(session_id, poll, now=NOW))
    run(ef, phone("d1"), polls.answer(session_id, poll, 0, now=NOW, device_id="d1"))
    run(ef, LAPTOP, floor.set_open(session_id, True))
    request, _ = run(ef, phone("d2"), floor.ask(session_id, name="Amina Diallo",
                                                kind="intervention", now=NOW,
                                                device_id="d2")).result
    accepted = run(ef, LAPTOP, floor.accept(session_id, request.id, now=NOW)).result
    return session_id, accepted.slot_id


def test_undo_of_remove_session_puts_back_the_whole_session(event_file: EventFile) -> None:
    session_id, _ = a_session_with_everything(event_file)
    before = whole_file(event_file)
    done = run(event_file, LAPTOP, sessions.remove_session(session_id))
    assert session_id not in [s.id for s in session_store.list_sessions(event_file)]
    assert event_file.db.execute("SELECT count(*) FROM polls").fetchone()[0] == 0
    redo = run(event_file, LAPTOP, done.undo)
    assert whole_file(event_file) == before
    run(event_file, LAPTOP, redo.undo)  # redo removes it all again, undo once more restores
    assert event_file.db.execute("SELECT count(*) FROM question_tags").fetchone()[0] == 0
    run(event_file, LAPTOP, done.undo)


def test_undo_of_remove_speaker_puts_back_what_named_them(event_file: EventFile) -> None:
    session_id, floor_slot = a_session_with_everything(event_file)
    first = session_store.get_session(event_file, session_id).slots[0].id
    for slot_id in (first, floor_slot):  # the noted speaker; the turn from the floor
        before = whole_file(event_file)
        done = run(event_file, LAPTOP, speakers.remove_speaker(session_id, slot_id))
        assert whole_file(event_file) != before
        run(event_file, LAPTOP, done.undo)
        assert whole_file(event_file) == before, slot_id


def test_the_file_keeps_its_foreign_keys(event_file: EventFile) -> None:
    a_session_with_everything(event_file)
    for session in session_store.list_sessions(event_file):
        run(event_file, LAPTOP, sessions.remove_session(session.id))
    connection = sqlite3.connect(event_file.path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
