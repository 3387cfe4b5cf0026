"""A phone's own votes and questions are found by its device, whatever the session's size:
the lookups a hall makes in bursts (every phone when the shared ``rev`` moves) use the
device indexes, never a pass over the session's questions."""

from __future__ import annotations

import pytest

from facilitator.audience.devices import VERIFIED_KEPT, DeviceIds
from facilitator.core.questions import QuestionStatus
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open

NOW = 1_700_000_000.0


@pytest.fixture
def session_id(event_file) -> int:
    first = list_sessions(event_file)[0]
    set_questions_open(event_file, first.id, True)
    return first.id


def test_device_votes_give_each_voted_question_with_its_count_and_status(
        event_file, session_id) -> None:
    asked = [store.submit_question(event_file, session_id, f"Question {n}?", now=NOW)[0]
             for n in range(3)]
    for question in asked:
        store.approve_question(event_file, question.id, now=NOW)
    store.add_vote(event_file, asked[0].id, "phone-a", now=NOW)
    store.add_vote(event_file, asked[0].id, "phone-b", now=NOW)
    store.add_vote(event_file, asked[2].id, "phone-a", now=NOW)
    store.reject_question(event_file, asked[2].id, now=NOW)
    assert sorted(store.device_votes(event_file, session_id, "phone-a")) == [
        (asked[0].id, 2, QuestionStatus.APPROVED),
        (asked[2].id, 1, QuestionStatus.REJECTED)]
    assert store.device_votes(event_file, session_id, "phone-c") == []
    other = list_sessions(event_file)[1].id
    assert store.device_votes(event_file, other, "phone-a") == []


@pytest.mark.parametrize("query, parameters, index", [
    ("SELECT q.id, q.votes, q.status FROM votes v CROSS JOIN questions q "
     "ON q.id = v.question_id WHERE v.device_id = ? AND q.session_id = ?",
     ["phone-a", 1], "votes_by_device"),
    (f"{store._SELECT} WHERE session_id = ? AND device_id = ? "
     "ORDER BY created_at DESC, id DESC", [1, "phone-a"], "questions_by_device"),
])
def test_own_lookups_search_by_device(event_file, query, parameters, index) -> None:
    plan = " ".join(row[3] for row in event_file.db.execute(
        "EXPLAIN QUERY PLAN " + query, parameters).fetchall())
    assert f"USING INDEX {index}" in plan or f"USING COVERING INDEX {index}" in plan, plan


def test_the_store_asks_what_the_plans_above_check(event_file, session_id) -> None:
    statements: list[str] = []
    event_file.db.conn.set_trace_callback(statements.append)
    try:
        store.device_votes(event_file, session_id, "phone-a")
        store.device_questions(event_file, session_id, "phone-a")
    finally:
        event_file.db.conn.set_trace_callback(None)
    assert any("FROM votes v CROSS JOIN questions q" in s for s in statements)
    assert any("AND device_id = " in s and "ORDER BY created_at DESC" in s
               for s in statements)


def test_checked_device_cookies_are_remembered_and_forged_ones_never() -> None:
    ids = DeviceIds(b"0123456789abcdef0123")
    device, cookie = ids.issue(NOW)
    assert ids.verify(cookie) == device
    assert ids.verify(cookie) == device  # remembered
    assert cookie in ids._verified
    forged = cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")
    assert ids.verify(forged) is None
    assert forged not in ids._verified
    # Bounded: past VERIFIED_KEPT cookies the memory starts again.
    for n in range(VERIFIED_KEPT + 1):
        ids._verified[f"made-up-{n}"] = device
    other, other_cookie = ids.issue(NOW)
    assert ids.verify(other_cookie) == other
    assert len(ids._verified) == 1
