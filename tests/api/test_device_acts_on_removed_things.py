"""What a device sends about something the laptop removed (or merged) meanwhile.

Field report: a rapporteur's note about a speaker deleted on the laptop while the
rapporteur's tablet was offline was refused for good, in English. The kind: a device acts
on a page that is out of date. Nothing typed is lost (a note is kept, in its session with
no speaker, or in the room's session when its own was removed), the answer says so, and
every refusal carries a code the page says in its own language — never ``not_found``,
which the pages take for a dead link (the desks stop, the phone says "scan the QR code").
"""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from facilitator.actions import polls, questions, sessions, speakers, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.model import Session
from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store import questions as qstore
from facilitator.store.floor import list_floor_requests, save_floor_settings
from facilitator.store.sessions import get_session, list_sessions, set_questions_open
from tests.api.conftest import HEADERS

# The codes a page says in its own words (resources/web/desk.js, phone.js, floor.js).
LINK_CODES = {"not_found", "revoked", "wrong_role"}


@pytest.fixture
def laptop(event_file):
    app = create_app(event_file, lambda kind, sid: None, clock=FakeClock(), limits=Limits())
    with TestClient(app, headers=HEADERS) as client:
        yield client


def _link(event_file, role: Role) -> str:
    return run(event_file, LAPTOP, team.create_role_link(role, "Amina", now=1.0)).result.token


def _note(**more):
    return {"client_id": "note-typed-offline", "text": "Mayors want a seat at the table.",
            "typed_at": 5_000, "sent_at": 5_000, **more}


def test_a_note_about_a_speaker_removed_meanwhile_is_kept_without_a_speaker(event_file,
                                                                             laptop):
    token = _link(event_file, Role.RAPPORTEUR)
    session = list_sessions(event_file)[0]
    removed = get_session(event_file, session.id).slots[1]
    run(event_file, LAPTOP, speakers.remove_speaker(session.id, removed.id))  # tablet offline
    sent = laptop.post(f"/api/r/{token}/notes", json=_note(slot=removed.id,
                                                           session=session.id))
    assert sent.status_code == 201, sent.text
    assert sent.json()["speaker_removed"] is True and sent.json()["session_removed"] is False
    (kept,) = note_store.list_notes(event_file, session.id)
    assert kept.text == _note()["text"] and kept.slot_id is None
    assert kept.session_id == session.id and kept.client_id == "note-typed-offline"
    # Sent again (no answer reached the tablet): the same note, once.
    again = laptop.post(f"/api/r/{token}/notes", json=_note(slot=removed.id))
    assert again.status_code == 200 and again.json()["note"]["id"] == kept.id
    assert len(note_store.list_notes(event_file, session.id)) == 1
    # A speaker still on the list is linked as before, and not said to be removed.
    there = get_session(event_file, session.id).slots[0]
    linked = laptop.post(f"/api/r/{token}/notes",
                         json=_note(client_id="note-about-first", slot=there.id))
    assert linked.json()["note"]["slot"] == there.id
    assert linked.json()["speaker_removed"] is False


def test_a_note_typed_in_a_session_removed_meanwhile_is_kept_in_the_rooms(event_file,
                                                                          laptop):
    token = _link(event_file, Role.RAPPORTEUR)
    extra = run(event_file, LAPTOP, sessions.add_session(Session(title="Side event"))).result
    room = list_sessions(event_file)[0]
    run(event_file, LAPTOP, sessions.remove_session(extra))
    sent = laptop.post(f"/api/r/{token}/notes", json=_note(session=extra, slot="auto"))
    assert sent.status_code == 201, sent.text
    assert sent.json()["session_removed"] is True
    (kept,) = note_store.list_notes(event_file, room.id)
    assert kept.text == _note()["text"] and kept.slot_id is None


def test_co_moderator_decisions_on_a_question_merged_or_removed_meanwhile(event_file,
                                                                          laptop):
    token = _link(event_file, Role.CO_MODERATOR)
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    kept, duplicate = (qstore.submit_question(event_file, session.id, text, now=1.0,
                                              device_id=device)[0]
                       for text, device in [("Who pays for resilient housing?", "d1"),
                                            ("Who will pay for resilient housing?", "d2")])
    run(event_file, LAPTOP, questions.merge(session.id, kept.id, [duplicate.id], now=2.0))
    for action, body in [("approve", {}), ("reject", {}), ("star", {"starred": True}),
                         ("screen", {"on": True}), ("answered", {"by": "Mayor"}),
                         ("wording", {"text": "Who pays?"}), ("merge", {"others": [kept.id]})]:
        answer = laptop.post(f"/api/r/{token}/questions/{duplicate.id}/{action}", json=body)
        assert answer.status_code == 409 and answer.json()["error"] == "merged", action
        assert answer.json()["question"]["merged_into"] == kept.id  # shown as it now is
    # Nothing was brought back: the duplicate is still merged, untouched.
    after = qstore.get_question(event_file, duplicate.id)
    assert after.status.value == "merged" and not after.starred and not after.on_screen
    gone = laptop.post(f"/api/r/{token}/questions/{10**9}/approve", json={})
    assert gone.status_code == 404 and gone.json()["error"] == "question_gone"


def test_phone_and_floor_acts_on_removed_things_are_not_dead_links(event_file, laptop):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    poll = run(event_file, LAPTOP, polls.add_poll(session.id, "Which first?", "single",
                                                  ["Housing", "Transport"])).result
    run(event_file, LAPTOP, polls.open_poll(session.id, poll, now=2.0))
    run(event_file, LAPTOP, polls.remove_poll(session.id, poll))
    answered = laptop.post(f"/api/j/{session.join_token}/polls/{poll}/answer",
                           json={"answer": 0})
    assert answered.status_code == 404 and answered.json()["error"] == "poll_gone"
    voted = laptop.post(f"/api/j/{session.join_token}/questions/{10**9}/vote", json={})
    assert voted.status_code == 404 and voted.json()["error"] == "question_gone"
    save_floor_settings(event_file, session.id, is_open=True)
    asked = laptop.post(f"/api/j/{session.join_token}/floor",
                        json={"name": "Amina Diallo", "kind": "intervention"})
    assert asked.status_code in (200, 201), asked.text
    (request,) = list_floor_requests(event_file, session.id)
    # Gone from the file while the phone still shows it (as when the file is put back).
    event_file.db.execute("DELETE FROM floor_requests WHERE id = ?", [request.id])
    event_file.db.commit()
    withdrawn = laptop.post(f"/api/j/{session.join_token}/floor/{request.id}/withdraw", json={})
    assert withdrawn.status_code == 404 and withdrawn.json()["error"] == "floor_gone"


def test_a_refused_command_names_its_reason_for_the_page(event_file, laptop):
    """A command's refusal (a UserError) carries its code's name: the desks say it in their
    language (desk.js REASONS), never the English ``message``."""
    token = _link(event_file, Role.CO_MODERATOR)
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    other = list_sessions(event_file)[1]
    set_questions_open(event_file, other.id, True)
    here, there = (qstore.submit_question(event_file, sid, "Who pays for it all?", now=1.0,
                                          device_id="d1")[0] for sid in (session.id, other.id))
    refused = laptop.post(f"/api/r/{token}/questions/{here.id}/merge",
                          json={"others": [there.id]})
    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid"
    assert refused.json()["reason"] == "merge_across_sessions"
    assert refused.json()["error"] not in LINK_CODES
