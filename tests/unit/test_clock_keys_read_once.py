"""A clock key reads its session once (issue 13's Space budget): the read that decides is
also the undo snapshot, and the session it hands the views (``Changes.known``) is what the
file holds afterwards — for any sequence of keys, so the computed state cannot drift from
the stored one."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.actions import speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.changes import Changes, Kind
from facilitator.actions.command import run
from facilitator.core.model import Session
from facilitator.store import EventFile, rows
from facilitator.store.agenda_io import create_event_file
from facilitator.store.sessions import get_session, list_sessions

NOW = 1_800_000_000.0
KEYS = {
    "space": lambda sid, now: speakers.toggle(sid, now),
    "next": lambda sid, now: speakers.step(sid, now, +1),
    "previous": lambda sid, now: speakers.step(sid, now, -1),
    "+30": lambda sid, now: speakers.adjust(sid, 30),
    "-60": lambda sid, now: speakers.adjust(sid, -60),
}


def last_undo(ef: EventFile) -> list:
    detail = ef.db.execute("SELECT detail FROM event_log ORDER BY id DESC LIMIT 1").fetchone()
    return json.loads(detail[0])["undo"]


@settings(max_examples=40, deadline=None)
@given(keys=st.lists(st.tuples(st.sampled_from(sorted(KEYS)), st.integers(0, 400)),
                     min_size=1, max_size=14))
def test_the_state_a_clock_key_hands_over_is_what_the_file_holds(tmp_path_factory, keys):
    path = create_event_file(tmp_path_factory.mktemp("keys") / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session_id = list_sessions(ef)[0].id
        now = NOW
        for key, seconds in keys:
            now += seconds
            before = get_session(ef, session_id)
            snapshot = rows.take(ef, [rows.part("sessions", "id", [session_id]),
                                      rows.part("slots", "id", [s.id for s in before.slots])])
            done = run(ef, LAPTOP, KEYS[key](session_id, now))
            if not done.changes:  # nothing to do: nothing written, nothing handed over
                assert done.changes.known == ()
                continue
            fresh = get_session(ef, session_id)
            (known,) = done.changes.known
            # Session equality leaves out the slots (Session.slots, compare=False).
            assert (known, known.slots) == (fresh, fresh.slots)
            # The snapshot undo keeps is the one a separate read would have taken.
            assert last_undo(ef) == json.loads(json.dumps(snapshot))
            # The rows its undo checks for later changes (computed, not read) are the
            # file's: an undo right after the key is not refused.
            assert done.undo is not None and done.undo.restoring is not None
            assert not rows.changed_since(ef, done.undo.restoring[1])
            assert done.undo.restoring[1] == rows.take(ef, rows.scope_of(snapshot))


def test_one_key_reads_once(event_file):
    session_id = list_sessions(event_file)[0].id
    statements: list[str] = []
    event_file.db.conn.set_trace_callback(statements.append)
    try:
        run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    finally:
        event_file.db.conn.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_a_session_without_speakers_is_read_too(event_file):
    from facilitator.actions import sessions as session_actions

    done = run(event_file, LAPTOP, session_actions.add_session(Session(title="Empty")))
    assert run(event_file, LAPTOP, speakers.toggle(done.result, NOW)).changes == Changes()


def test_a_change_set_knows_only_sessions_it_touched():
    session = Session(title="A", id=1)
    changes = Changes.of(1, Kind.CLOCK).knowing([session])
    assert changes.known == (session,) and changes == Changes.of(1, Kind.CLOCK)
    # Something later touched the session without knowing it: what was known is stale.
    assert (changes | Changes.of(1, Kind.SLOTS)).known == ()
    assert (changes | Changes.of(2, Kind.SLOTS)).known == (session,)
    assert (changes | Changes.of(None, Kind.EVENT)).known == ()
    with pytest.raises(ValueError):
        Changes.of(2, Kind.CLOCK).knowing([session])
