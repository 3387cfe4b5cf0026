"""Putting a question on screen finds the one shown before without reading the session's
other questions (at 20,000 questions two full scans took ~30 ms of the key's 50)."""

from __future__ import annotations

from facilitator.store import EventFile
from facilitator.store import questions as qstore
from facilitator.store.agenda_io import create_event_file
from facilitator.store.sessions import list_sessions, set_questions_open


def test_the_question_on_screen_is_found_through_its_index(tmp_path) -> None:
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session_id = list_sessions(ef)[0].id
        set_questions_open(ef, session_id, True)
        asked = [qstore.submit_question(ef, session_id, f"Question {i} about water?",
                                        now=1e9 + i, device_id=f"d{i}")[0]
                 for i in range(30)]
        statements: list[str] = []
        ef.db.conn.set_trace_callback(statements.append)
        try:
            qstore.set_on_screen(ef, session_id, asked[3].id, now=2e9)
            qstore.set_on_screen(ef, session_id, asked[7].id, now=2e9 + 1)
            shown = qstore.on_screen_question(ef, session_id)
        finally:
            ef.db.conn.set_trace_callback(None)
        assert shown is not None and shown.id == asked[7].id
        assert [q.id for q in qstore.list_questions(ef, session_id) if q.on_screen] == [
            asked[7].id]
        by_screen = [s for s in statements
                     if "WHERE" in s and "on_screen = 1" in s.split("WHERE", 1)[1]]
        assert by_screen
        for statement in by_screen:
            plan = " ".join(str(row[-1]) for row in ef.db.execute(
                "EXPLAIN QUERY PLAN " + statement).fetchall())
            assert "questions_on_screen" in plan, (statement, plan)
