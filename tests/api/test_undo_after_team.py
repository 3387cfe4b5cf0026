"""The tester's two cases through the real team routes: a laptop undo never overwrites
what a timekeeper or a co-moderator did after it; it is refused with a clear code and
nothing is written."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from facilitator.actions import floor, questions, speakers, team
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from facilitator.store import questions as question_store
from facilitator.store.sessions import get_session, list_sessions, set_questions_open
from tests.api.conftest import HEADERS

NOW = 1_800_000_000.0


@pytest.fixture
def client(event_file, notified):
    app = create_app(event_file, lambda kind, sid: notified.append((kind, sid)),
                     clock=FakeClock(NOW + 60), limits=Limits())
    with TestClient(app, headers=HEADERS) as test_client:
        yield test_client


def token(event_file, role: Role) -> str:
    return run(event_file, LAPTOP, team.create_role_link(role, "desk", now=NOW)).result.token


def log_length(event_file) -> int:
    return len(event_file.log_entries())


def test_laptop_undo_of_an_accept_after_the_timekeepers_next(event_file, client):
    session_id = list_sessions(event_file)[0].id
    run(event_file, LAPTOP, floor.set_open(session_id, True))
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    run(event_file, phone("d1"), floor.ask(session_id, name="Delegate of Chile",
                                           kind="point_of_order", now=NOW + 1, device_id="d1"))
    accepted = run(event_file, LAPTOP, floor.accept_next(session_id, now=NOW + 2))  # key A
    response = client.post(f"/api/r/{token(event_file, Role.TIMEKEEPER)}/control/next",
                           json={})
    assert response.status_code == 200 and response.json()["changed"]
    live = get_session(event_file, session_id)
    slots, lines = [(s.id, s.clock) for s in live.slots], log_length(event_file)
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, accepted.undo)  # Ctrl+Z "Undo: accept floor request"
    assert refused.value.code is Code.UNDO_CHANGED_SINCE
    after = get_session(event_file, session_id)
    assert [(s.id, s.clock) for s in after.slots] == slots
    assert after.current_slot_id == live.current_slot_id and log_length(event_file) == lines


def test_laptop_undo_of_an_approve_after_the_co_moderators_wording_and_star(event_file,
                                                                              client):
    session_id = list_sessions(event_file)[0].id
    set_questions_open(event_file, session_id, True)
    for n in range(4):
        question, _ = question_store.submit_question(event_file, session_id,
                                                     f"Question {n + 1}?", now=NOW,
                                                     device_id=f"d{n}")
    approved = run(event_file, LAPTOP, questions.approve(session_id, question.id, now=NOW))
    desk = token(event_file, Role.CO_MODERATOR)
    for action, body in (("wording", {"text": "What does question four ask, exactly?"}),
                         ("star", {"starred": True})):
        response = client.post(f"/api/r/{desk}/questions/{question.id}/{action}", json=body)
        assert response.status_code == 200, response.text
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, approved.undo)
    assert refused.value.code is Code.UNDO_CHANGED_SINCE
    kept = question_store.get_question(event_file, question.id)
    assert kept.text == "What does question four ask, exactly?" and kept.starred
