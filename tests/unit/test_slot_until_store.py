"""A speaker's "until" time and a turn added live, kept by the event file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from facilitator.core.model import Person, Slot
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.schema import migrations

T0 = 1_800_000_000.0


def test_until_and_added_live_are_stored_and_read_back(event_file: EventFile):
    session = store.list_sessions(event_file)[0]
    slot_id = store.add_slot(event_file, session.id, Slot(
        person=Person(name="Closing Minister"), planned_seconds=900, until_at=T0 + 900,
        added_live=True))
    slot = store.get_slot(event_file, slot_id)
    assert (slot.until_at, slot.added_live, slot.planned_seconds) == (T0 + 900, True, 900)
    assert slot.clock.until == T0 + 900
    started = slot.clock.start(T0 + 300)
    store.save_timer(event_file, slot_id, started, "timer_started")
    assert store.get_slot(event_file, slot_id).clock.remaining(T0 + 300) == 600


def test_minutes_replace_an_until_and_an_until_needs_its_estimate(event_file: EventFile):
    session = store.list_sessions(event_file)[0]
    slot = store.list_slots(event_file, session.id)[0]
    store.update_slot(event_file, slot.id, planned_seconds=1200, until_at=T0 + 1200)
    assert store.get_slot(event_file, slot.id).until_at == T0 + 1200
    store.update_slot(event_file, slot.id, person=slot.person)  # other edits keep it
    assert store.get_slot(event_file, slot.id).until_at == T0 + 1200
    store.update_slot(event_file, slot.id, planned_seconds=300)
    assert store.get_slot(event_file, slot.id).until_at is None
    with pytest.raises(ValueError):
        store.update_slot(event_file, slot.id, until_at=T0)


def test_the_turns_of_an_older_file_become_planned_minutes(tmp_path: Path):
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="0003_clock_until_and_added_live")
    db.execute("INSERT INTO events (title) VALUES ('Old event')")
    db.execute("INSERT INTO sessions (event_id, title, join_token, short_code, speaker_token) "
               "VALUES (1, 'Old panel', 'j', 'ABCDEF', 's')")
    db.execute("INSERT INTO people (name) VALUES ('Ana')")
    db.execute("INSERT INTO slots (session_id, person_id, position, planned_seconds) "
               "VALUES (1, 1, 1, 300)")
    db.conn.commit()
    db.close()
    with EventFile.open(path) as event_file:
        (slot,) = store.list_slots(event_file, 1)
        assert (slot.planned_seconds, slot.until_at, slot.added_live) == (300, None, False)
