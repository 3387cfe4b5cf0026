"""The command layer: every action commits with its log line (who, and what undo needs),
says what changed, and is undone — by a new logged action — to exactly what was there."""

from __future__ import annotations

import json

import pytest

from facilitator.actions import notes, questions, sessions, speakers
from facilitator.actions.actor import LAPTOP, Actor
from facilitator.actions.changes import Changes, Kind
from facilitator.actions.command import Label, run
from facilitator.actions.errors import Code, UserError
from facilitator.core.model import Person, Session, Slot
from facilitator.core.notes import Summary
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import questions as question_store
from facilitator.store import summaries as summary_store
from facilitator.store.sessions import get_session, list_sessions, set_questions_open

NOW = 1_800_000_000.0
TABLES = ("sessions", "slots", "people", "questions", "votes", "notes", "summaries", "events",
          "question_tags", "polls", "poll_answers")


def everything(ef: EventFile) -> dict[str, list[tuple]]:
    """Every row that undo may put back, to compare before and after."""
    return {t: sorted(ef.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    first = list_sessions(event_file)[0]
    set_questions_open(event_file, first.id, True)
    return first.id


def ask(ef, session_id, text, device):
    return question_store.submit_question(ef, session_id, text, now=NOW, device_id=device)[0]


def undo_round_trip(ef: EventFile, command) -> None:
    """Run, undo, redo, undo: each undo gives back the file as it was, row for row."""
    before = everything(ef)
    done = run(ef, LAPTOP, command)
    after = everything(ef)
    assert after != before, "the command changed nothing"
    assert done.undo is not None
    undone = run(ef, LAPTOP, done.undo)
    assert everything(ef) == before
    redone = run(ef, LAPTOP, undone.undo)
    assert everything(ef) == after
    run(ef, LAPTOP, redone.undo)
    assert everything(ef) == before


def test_merge_is_undone_with_its_votes(event_file, session_id):
    a = ask(event_file, session_id, "Will cities get direct climate finance?", "d1")
    b = ask(event_file, session_id, "Direct climate finance for cities, when?", "d2")
    c = ask(event_file, session_id, "Cities and climate finance access?", "d3")
    question_store.approve_question(event_file, b.id, now=NOW)
    question_store.add_vote(event_file, b.id, "d4", now=NOW)
    command = questions.merge(session_id, a.id, [b.id, c.id], now=NOW)
    assert command.text == "merge 3 questions"
    undo_round_trip(event_file, command)


@pytest.mark.parametrize("make", [
    lambda s, q: questions.reject(s, q, now=NOW + 1),
    lambda s, q: questions.approve(s, q, now=NOW + 1),
    lambda s, q: questions.edit_wording(s, q, "A better wording of it?", now=NOW + 1),
    lambda s, q: questions.star(s, q, True, now=NOW + 1),
    lambda s, q: questions.mark_answered(s, q, "Mayor Ana", now=NOW + 1),
    lambda s, q: questions.put_on_screen(s, q, now=NOW + 1),
], ids=["not-selected", "approve", "wording", "star", "answered", "on-screen"])
def test_each_question_action_is_undone(event_file, session_id, make):
    question = ask(event_file, session_id, "What about housing?", "d1")
    undo_round_trip(event_file, make(session_id, question.id))


def test_undo_keeps_the_votes_phones_cast_since(event_file, session_id):
    question = ask(event_file, session_id, "What about housing?", "d1")
    done = run(event_file, LAPTOP, questions.approve(session_id, question.id, now=NOW))
    question_store.add_vote(event_file, question.id, "phone-7", now=NOW + 5)
    run(event_file, LAPTOP, done.undo)
    undone = question_store.get_question(event_file, question.id)
    assert undone.status.value == "pending" and undone.votes == 1


def test_removing_a_speaker_who_spoke_is_undone_with_clock_and_notes(event_file, session_id):
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    run(event_file, LAPTOP, speakers.step(session_id, NOW + 60, +1))
    first = get_session(event_file, session_id).slots[0]
    note_store.add_note(event_file, session_id, "Said something", at=NOW, slot_id=first.id)
    undo_round_trip(event_file, speakers.remove_speaker(session_id, first.id))


@pytest.mark.parametrize("make", [
    lambda s, slots: speakers.reorder(s, [slots[1].id, slots[0].id, *[x.id for x in slots[2:]]]),
    lambda s, slots: speakers.add_speaker(s, Slot(person=Person(name="Late minister"),
                                                  planned_seconds=120), at=2),
    lambda s, slots: speakers.add_floor_request(s, "From the floor", 180),
    lambda s, slots: speakers.edit_speaker(s, slots[0].id, planned_seconds=42),
    lambda s, slots: speakers.edit_speaker(s, slots[0].id,
                                           person=Person(name="Someone else")),
    lambda s, slots: speakers.toggle(s, NOW),
    lambda s, slots: speakers.step(s, NOW, +1),
], ids=["reorder", "add", "floor", "minutes", "person", "start", "next"])
def test_each_speakers_list_and_clock_action_is_undone(event_file, session_id, make):
    slots = get_session(event_file, session_id).slots
    undo_round_trip(event_file, make(session_id, slots))


def test_time_added_is_undone(event_file, session_id):
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    undo_round_trip(event_file, speakers.adjust(session_id, 30))


def test_notes_and_summary_are_undone(event_file, session_id):
    undo_round_trip(event_file, notes.add_note(session_id, "Key message", at=NOW))
    note_id = note_store.add_note(event_file, session_id, "Another", at=NOW)
    undo_round_trip(event_file, notes.edit_note(session_id, note_id, at=NOW + 1, text="Edited"))
    undo_round_trip(event_file, notes.delete_note(session_id, note_id))
    undo_round_trip(event_file, notes.save_summary(session_id, Summary(), at=NOW))
    summary_store.save_summary(event_file, session_id, Summary(), at=NOW)
    undo_round_trip(event_file, notes.save_summary(session_id, Summary(), at=NOW + 5))


def test_removing_a_session_is_undone_with_everything_in_it(event_file, session_id):
    a = ask(event_file, session_id, "Question one?", "d1")
    question_store.approve_question(event_file, a.id, now=NOW)
    question_store.add_vote(event_file, a.id, "d2", now=NOW)
    b = ask(event_file, session_id, "Question one again?", "d3")
    question_store.merge_questions(event_file, a.id, [b.id], now=NOW)
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    note_store.add_note(event_file, session_id, "A note", at=NOW)
    summary_store.save_summary(event_file, session_id, Summary(), at=NOW)
    undo_round_trip(event_file, sessions.remove_session(session_id))


def test_session_and_event_edits_are_undone(event_file, session_id):
    undo_round_trip(event_file, sessions.add_session(Session(title="Extra panel")))
    undo_round_trip(event_file, sessions.edit_session(session_id, title="Renamed"))
    undo_round_trip(event_file, questions.set_open(session_id, False))
    undo_round_trip(event_file, sessions.set_time_zone("Asia/Tokyo"))


def test_the_log_line_says_who_acted_and_what_undo_needs(event_file, session_id):
    question = ask(event_file, session_id, "Who pays?", "d1")
    done = run(event_file, Actor("co-moderator", "tablet-2"),
               questions.reject(session_id, question.id, now=NOW))
    line = event_file.log_entries(session_id)[-1]
    assert line["action"] == "question_rejected"
    assert line["detail"]["by"] == "co-moderator:tablet-2"
    (part,) = line["detail"]["undo"]
    assert part["table"] == "questions" and part["rows"][0]["status"] == "pending"
    run(event_file, LAPTOP, done.undo)
    undone = event_file.log_entries(session_id)[-1]
    assert (undone["action"], undone["detail"]["label"]) == ("undone", "REJECT_QUESTION")
    assert undone["detail"]["undo"][0]["rows"][0]["status"] == "rejected"  # what redo needs
    json.dumps(undone)  # a plain JSON line, like every other


def test_changes_say_which_session_and_kinds(event_file, session_id):
    done = run(event_file, LAPTOP, speakers.toggle(session_id, NOW))
    assert done.changes.touches(Kind.CLOCK, session_id)
    assert not done.changes.touches(Kind.CLOCK, session_id + 1)
    assert not done.changes.touches(Kind.QUESTIONS)
    assert Changes.of(None, Kind.EVENT).touches(Kind.EVENT, session_id)
    assert (Changes.of(1, Kind.SLOTS) | Changes.of(2, Kind.NOTES)).session_ids == {1, 2}


def test_nothing_to_do_writes_nothing_and_has_no_undo(event_file, session_id):
    lines = len(event_file.log_entries())
    slots = get_session(event_file, session_id).slots
    done = run(event_file, LAPTOP, speakers.reorder(session_id, [s.id for s in slots]))
    assert not done.changes and done.undo is None
    assert len(event_file.log_entries()) == lines


@pytest.mark.parametrize(("command", "code"), [
    (lambda s, q: questions.merge(s, q, [q], now=NOW), Code.MERGE_NEEDS_TWO),
    (lambda s, q: questions.edit_wording(s, q, "   ", now=NOW), Code.QUESTION_INVALID),
    (lambda s, q: questions.approve(s, 999_999, now=NOW), Code.NO_SUCH_QUESTION),
    (lambda s, q: notes.add_note(s, "  ", at=NOW), Code.NOTE_NEEDS_TEXT),
    (lambda s, q: sessions.edit_session(s, title=" "), Code.SESSION_NEEDS_TITLE),
    (lambda s, q: speakers.reorder(s, [1]), Code.ORDER_INCOMPLETE),
    (lambda s, q: sessions.set_time_zone("Mars/Olympus"), Code.FILE_PROBLEM),
])
def test_a_refused_action_is_a_coded_user_error_and_writes_nothing(event_file, session_id,
                                                                   command, code):
    question = ask(event_file, session_id, "Is this kept?", "d1")
    before, lines = everything(event_file), len(event_file.log_entries())
    with pytest.raises(UserError) as raised:
        run(event_file, LAPTOP, command(session_id, question.id))
    assert raised.value.code is code and str(raised.value)
    assert everything(event_file) == before and len(event_file.log_entries()) == lines


def test_every_label_and_code_has_english_text():
    for label in Label:
        assert label.value.strip()
    for code in Code:
        assert code.english.strip()


def test_tagging_a_question_is_undone(event_file, session_id):
    from facilitator.store.question_tags import question_tags

    question = ask(event_file, session_id, "Who finances adaptation in small cities?", "d1")
    run(event_file, LAPTOP, questions.set_tags(session_id, question.id, ["sdg:13"]))
    command = questions.set_tags(session_id, question.id, ["sdg:11", "sdg:13"])
    undo_round_trip(event_file, command)
    assert question_tags(event_file, question.id) == ("sdg:13",)


def test_tags_saved_from_a_stale_base_are_refused_and_nothing_written(event_file, session_id):
    from facilitator.store.question_tags import question_tags

    question = ask(event_file, session_id, "Who finances adaptation in small cities?", "d1")
    run(event_file, LAPTOP, questions.set_tags(session_id, question.id, ["Q1", "SDG 5"]))
    logged = event_file.db.execute("SELECT count(*) FROM event_log").fetchone()[0]
    with pytest.raises(questions.TagsChanged) as refused:
        run(event_file, LAPTOP, questions.set_tags(session_id, question.id, ["SDG 13"],
                                                   base=[]))
    assert refused.value.tags == ("Q1", "SDG 5")
    assert question_tags(event_file, question.id) == ("Q1", "SDG 5")
    assert event_file.db.execute("SELECT count(*) FROM event_log").fetchone()[0] == logged
    assert not event_file.db.conn.in_transaction
    run(event_file, LAPTOP, questions.set_tags(session_id, question.id, ["SDG 13"],
                                               base=["q1", "SDG 5"]))
    assert question_tags(event_file, question.id) == ("SDG 13",)
