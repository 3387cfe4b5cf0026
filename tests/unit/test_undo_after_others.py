"""Undo never overwrites a later change made by someone else (a team device, a phone, or the
laptop itself): the tester's two cases, through the commands the team's routes run, and the
check's edges (votes still arrive; a merged undo step checks the last action's rows)."""

from __future__ import annotations

import pytest

from facilitator.actions import floor, notes, questions, speakers, team
from facilitator.actions.actor import LAPTOP, phone, team_device
from facilitator.actions.command import merged_undo, run
from facilitator.actions.errors import Code, UserError
from facilitator.core.team import Role
from facilitator.store import EventFile
from facilitator.store import floor as floor_store
from facilitator.store import notes as note_store
from facilitator.store import questions as question_store
from facilitator.store.sessions import get_session, list_sessions, set_questions_open

NOW = 1_800_000_000.0
TABLES = ("sessions", "slots", "people", "questions", "votes", "notes", "floor_requests")


def everything(ef: EventFile) -> dict[str, list[tuple]]:
    return {t: sorted(ef.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    first = list_sessions(event_file)[0].id
    set_questions_open(event_file, first, True)
    run(event_file, LAPTOP, floor.set_open(first, True))
    return first


def device(ef: EventFile, role: Role, name: str):
    return team_device(run(ef, LAPTOP, team.create_role_link(role, name, now=NOW)).result)


def refused_and_untouched(ef: EventFile, undo) -> None:
    kept = everything(ef)
    with pytest.raises(UserError) as refused:
        run(ef, LAPTOP, undo)
    assert refused.value.code is Code.UNDO_CHANGED_SINCE
    assert everything(ef) == kept, "a refused undo wrote something"


def test_undo_of_an_accept_after_the_timekeepers_next_is_refused(event_file, session_id):
    timekeeper = device(event_file, Role.TIMEKEEPER, "Stream Deck")
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    request = run(event_file, phone("d1"), floor.ask(
        session_id, name="Delegate of Chile", kind="point_of_order", now=NOW + 1,
        device_id="d1")).result[0]
    accepted = run(event_file, LAPTOP, floor.accept_next(session_id, now=NOW + 2))
    # The timekeeper's "next" (POST /api/r/{token}/control/next runs this command).
    run(event_file, timekeeper, speakers.step(session_id, NOW + 3, 1))
    live = get_session(event_file, session_id)
    turn = next(s for s in live.slots if s.id == live.current_slot_id)
    assert turn.person.name == "Delegate of Chile"
    refused_and_untouched(event_file, accepted.undo)
    assert floor_store.get_floor_request(event_file, request.id).slot_id == turn.id


def test_undo_of_an_approve_after_the_co_moderators_edits_is_refused(event_file, session_id):
    co_moderator = device(event_file, Role.CO_MODERATOR, "Li")
    question = question_store.submit_question(event_file, session_id, "What about housing?",
                                              now=NOW, device_id="d4")[0]
    approved = run(event_file, LAPTOP, questions.approve(session_id, question.id, now=NOW))
    run(event_file, co_moderator, questions.edit_wording(
        session_id, question.id, "What about affordable housing?", now=NOW + 1))
    run(event_file, co_moderator, questions.star(session_id, question.id, True, now=NOW + 2))
    refused_and_untouched(event_file, approved.undo)
    kept = question_store.get_question(event_file, question.id)
    assert kept.text == "What about affordable housing?" and kept.starred
    assert kept.status.value == "approved"


def test_undo_after_the_other_change_was_undone_works_again(event_file, session_id):
    co_moderator = device(event_file, Role.CO_MODERATOR, "Li")
    question = question_store.submit_question(event_file, session_id, "What about housing?",
                                              now=NOW, device_id="d4")[0]
    before = everything(event_file)
    approved = run(event_file, LAPTOP, questions.approve(session_id, question.id, now=NOW))
    starred = run(event_file, co_moderator, questions.star(session_id, question.id, True,
                                                           now=NOW + 1))
    run(event_file, co_moderator, starred.undo)
    run(event_file, LAPTOP, approved.undo)
    assert everything(event_file) == before


def test_a_redo_after_someone_elses_change_is_refused_too(event_file, session_id):
    co_moderator = device(event_file, Role.CO_MODERATOR, "Li")
    question = question_store.submit_question(event_file, session_id, "What about housing?",
                                              now=NOW, device_id="d4")[0]
    approved = run(event_file, LAPTOP, questions.approve(session_id, question.id, now=NOW))
    undone = run(event_file, LAPTOP, approved.undo)
    run(event_file, co_moderator, questions.edit_wording(
        session_id, question.id, "Housing, and rents?", now=NOW + 1))
    refused_and_untouched(event_file, undone.undo)


def test_votes_that_phones_cast_since_do_not_block_an_undo(event_file, session_id):
    question = question_store.submit_question(event_file, session_id, "What about housing?",
                                              now=NOW, device_id="d4")[0]
    approved = run(event_file, LAPTOP, questions.approve(session_id, question.id, now=NOW))
    question_store.add_vote(event_file, question.id, "phone-7", now=NOW + 5)
    run(event_file, LAPTOP, approved.undo)
    undone = question_store.get_question(event_file, question.id)
    assert undone.status.value == "pending" and undone.votes == 1


def test_a_merged_undo_step_checks_the_rows_its_last_action_left(event_file, session_id):
    # Typing in a note saves on each pause; the runner merges those saves into one step.
    note_id = run(event_file, LAPTOP, notes.add_note(session_id, "Cities", at=NOW)).result
    first = run(event_file, LAPTOP, notes.edit_note(session_id, note_id, at=NOW + 1,
                                                    text="Cities need"))
    later = run(event_file, LAPTOP, notes.edit_note(session_id, note_id, at=NOW + 2,
                                                    text="Cities need finance"))
    # Alone, the first save's undo would overwrite the second: refused.
    refused_and_untouched(event_file, first.undo)
    run(event_file, LAPTOP, merged_undo(first.undo, later.undo))
    assert note_store.get_note(event_file, note_id).text == "Cities"
