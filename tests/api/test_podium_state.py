"""The podium view's JSON: the projector's stage for one session, from the event file."""

from __future__ import annotations

from facilitator.core.stage import StageNotice
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_sessions, list_slots, set_current_slot
from facilitator.store.stage import save_stage_notice


def podium(client, session):
    response = client.get(f"/api/s/{session.speaker_token}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    return response.json()


def test_podium_has_the_whole_stage(client, session, event_file) -> None:
    slots = list_slots(event_file, session.id)
    set_current_slot(event_file, session.id, slots[0].id)
    data = podium(client, session)
    assert data["speaker"]["name"] == slots[0].person.name
    assert data["next"] == slots[1].person.name
    assert data["question"] is None
    assert data["stage"] == {"message": "", "blink": False, "blackout": False}

    question, _ = qstore.submit_question(event_file, session.id, "Who pays?", now=1.0,
                                         author="Rosa")
    qstore.approve_question(event_file, question.id, now=2.0)
    qstore.set_on_screen(event_file, session.id, question.id, now=3.0)
    save_stage_notice(event_file, StageNotice(session.id, "Please conclude", True, True))
    data = podium(client, session)
    assert data["question"] == {"text": "Who pays?", "author": "Rosa"}
    assert data["stage"] == {"message": "Please conclude", "blink": True, "blackout": True}

    set_current_slot(event_file, session.id, slots[-1].id)
    assert podium(client, session)["next"] == ""


def test_another_sessions_stage_does_not_reach_this_podium(client, session,
                                                           event_file) -> None:
    other = list_sessions(event_file)[1]
    save_stage_notice(event_file, StageNotice(other.id, "Not for you", False, True))
    assert podium(client, session)["stage"] == {"message": "", "blink": False,
                                                "blackout": False}


def test_podium_answers_with_questions_closed(client, session, event_file) -> None:
    from facilitator.store.sessions import set_questions_open

    set_questions_open(event_file, session.id, False)
    assert podium(client, session)["title"] == session.title
    assert client.get(f"/s/{session.speaker_token}").status_code == 200
