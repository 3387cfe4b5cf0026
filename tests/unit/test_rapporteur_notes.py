"""Notes from team devices are stored exactly once and linked to whoever was speaking when
they were typed; summary sections carry revisions, and a save from a stale revision is
refused with the other person's text (never a silent overwrite)."""

from __future__ import annotations

import pytest

from facilitator.actions import notes, speakers
from facilitator.actions.actor import LAPTOP, Actor
from facilitator.actions.command import run
from facilitator.actions.errors import Code, UserError
from facilitator.core.model import Person, Slot
from facilitator.core.notes import (
    Summary,
    answer_section,
    changed_sections,
    is_section_key,
    section_keys,
    section_text,
    speaker_at,
    with_section,
)
from facilitator.core.timer import TimerState
from facilitator.store import notes as note_store
from facilitator.store import summaries as summary_store
from facilitator.store.sessions import get_session, list_sessions, list_slots

NOW = 1_800_000_000.0
DEVICE = Actor("rapporteur", "Amina")


@pytest.fixture
def session_id(event_file) -> int:
    return list_sessions(event_file)[0].id


def _slot(slot_id: int, started: float | None, ended: float | None) -> Slot:
    return Slot(Person(f"S{slot_id}"), id=slot_id,
                timer=TimerState(planned=300, started_at=started, ended_at=ended))


@pytest.mark.parametrize(("instant", "expected"), [
    (90.0, None),      # before anyone spoke
    (100.0, 1),        # the first turn's start
    (150.0, 1),
    (200.0, 2),        # the end of one turn is the start of the next
    (250.0, 2),
    (400.0, 3),        # A was brought back (Previous) at 300: older start, no end again
    (310.0, 3),
])
def test_the_speaker_at_an_instant_is_the_latest_turn_covering_it(instant, expected):
    slots = [_slot(1, 100.0, 200.0), _slot(2, 200.0, 300.0), _slot(3, 300.0, None),
             _slot(4, None, None)]
    assert speaker_at(slots, instant) == expected


def test_a_turn_brought_back_does_not_take_the_notes_of_the_turn_after_it():
    # A spoke 100-200, B 200-300, then Previous reopened A (its start stays 100, no end).
    slots = [_slot(1, 100.0, None), _slot(2, 200.0, 300.0)]
    assert speaker_at(slots, 250.0) == 2
    assert speaker_at(slots, 150.0) == 1
    assert speaker_at(slots, 350.0) == 1


def test_between_turns_the_note_goes_to_the_speaker_walking_up():
    # A spoke 100-200; Next put the cursor on B, who starts at 230.
    slots = [_slot(1, 100.0, 200.0), _slot(2, 230.0, 300.0), _slot(3, None, None)]
    assert speaker_at(slots, 210.0, current_slot_id=3) == 2   # a past gap: who came next
    assert speaker_at(slots, 310.0, current_slot_id=3) == 3   # now: the cursor
    assert speaker_at(slots, 50.0, current_slot_id=3) is None  # before the first turn
    assert speaker_at([_slot(1, None, None)], 50.0, current_slot_id=1) == 1


def test_section_keys_round_trip():
    summary = Summary(key_messages="k", answers=("a0", "a1"), way_forward="w")
    assert section_keys(summary) == ["key_messages", "answer.0", "answer.1",
                                     "recommendations", "commitments", "way_forward"]
    assert section_text(summary, answer_section(1)) == "a1"
    assert section_text(summary, answer_section(5)) == ""
    grown = with_section(summary, "answer.3", "a3")
    assert grown.answers == ("a0", "a1", "", "a3")
    assert changed_sections(summary, grown) == ["answer.3"]
    assert changed_sections(summary, with_section(summary, "commitments", "c")) == [
        "commitments"]
    for bad in ("", "answers", "answer.", "answer.-1", "answer.01", "answer.100", "extra",
                "__class__", None, 3, "to_json"):
        assert not is_section_key(bad), bad
    assert is_section_key("answer.12") and is_section_key("way_forward")


def test_a_note_sent_twice_is_stored_once(event_file, session_id):
    command = notes.take_note(session_id, "Cities need direct finance", client_id="c-1",
                              typed_at=NOW, taken_by=str(DEVICE))
    first, created = run(event_file, DEVICE, command).result
    again, created_again = run(event_file, DEVICE, command).result
    assert created and not created_again
    assert again.id == first.id
    stored = note_store.list_notes(event_file, session_id)
    assert [(n.text, n.client_id, n.taken_by) for n in stored] == [
        ("Cities need direct finance", "c-1", "rapporteur:Amina")]
    # Even a deleted note is not brought back by a late retry.
    run(event_file, LAPTOP, notes.delete_note(session_id, first.id))
    _, created_late = run(event_file, DEVICE, command).result
    assert not created_late
    assert note_store.list_notes(event_file, session_id) == []


def test_a_late_note_is_linked_to_whoever_spoke_when_it_was_typed(event_file, session_id):
    first, second = list_slots(event_file, session_id)[:2]
    run(event_file, LAPTOP, speakers.toggle(session_id, NOW))           # first speaks
    run(event_file, LAPTOP, speakers.step(session_id, NOW + 60, 1))     # second from +60
    # Typed offline at +30, arriving at +90 while the second speaks.
    late, _ = run(event_file, DEVICE, notes.take_note(
        session_id, "typed while the first spoke", client_id="late-1",
        typed_at=NOW + 30)).result
    now_note, _ = run(event_file, DEVICE, notes.take_note(
        session_id, "typed now", client_id="now-1", typed_at=NOW + 90)).result
    before, _ = run(event_file, DEVICE, notes.take_note(
        session_id, "before anyone spoke", client_id="early-1", typed_at=NOW - 10)).result
    chosen, _ = run(event_file, DEVICE, notes.take_note(
        session_id, "about the first, said later", client_id="pick-1", typed_at=NOW + 90,
        slot_id=first.id)).result
    assert (late.slot_id, now_note.slot_id, before.slot_id, chosen.slot_id) == (
        first.id, second.id, None, first.id)
    assert late.created_at == NOW + 30


def test_a_device_note_is_undone_like_any_note(event_file, session_id):
    done = run(event_file, DEVICE, notes.take_note(session_id, "x", client_id="u-1",
                                                    typed_at=NOW))
    run(event_file, LAPTOP, done.undo)
    assert note_store.note_by_client_id(event_file, "u-1") is None


def test_empty_device_note_is_refused(event_file, session_id):
    with pytest.raises(UserError) as refused:
        run(event_file, DEVICE, notes.take_note(session_id, " \u200b ", client_id="e-1",
                                                typed_at=NOW))
    assert refused.value.code is Code.NOTE_NEEDS_TEXT


def test_a_section_saved_from_a_stale_revision_is_refused_with_their_text(
        event_file, session_id):
    revisions = run(event_file, DEVICE, notes.save_summary_section(
        session_id, "key_messages", "Mine", base=0)).result
    assert revisions == {"key_messages": 1}
    # A second rapporteur started from revision 0 too.
    with pytest.raises(UserError) as refused:
        run(event_file, Actor("rapporteur", "Ben"), notes.save_summary_section(
            session_id, "key_messages", "Theirs", base=0))
    assert refused.value.code is Code.SUMMARY_SECTION_CHANGED
    assert refused.value.params == {"section": "key_messages", "theirs": "Mine",
                                    "revision": 1}
    assert summary_store.get_summary(event_file, session_id).key_messages == "Mine"
    # Choosing "keep mine" saves from the revision they were shown.
    run(event_file, DEVICE, notes.save_summary_section(session_id, "key_messages", "Theirs",
                                                       base=1))
    # Another section is independent; saving the same text again is no conflict.
    run(event_file, DEVICE, notes.save_summary_section(session_id, "answer.1", "A", base=0))
    run(event_file, DEVICE, notes.save_summary_section(session_id, "key_messages", "Theirs",
                                                       base=0))
    summary, revisions = summary_store.get_summary_with_revisions(event_file, session_id)
    assert summary.answers == ("", "A") and summary.key_messages == "Theirs"
    assert revisions == {"key_messages": 2, "answer.1": 1}


def test_the_laptop_save_notices_a_device_edit(event_file, session_id):
    run(event_file, LAPTOP, notes.save_summary(session_id, Summary(key_messages="K",
                                                                   commitments="C"), at=NOW))
    summary, bases = summary_store.get_summary_with_revisions(event_file, session_id)
    run(event_file, DEVICE, notes.save_summary_section(session_id, "commitments", "C2",
                                                       base=bases["commitments"]))
    # The laptop changed another section only: saved, the device's text kept.
    run(event_file, LAPTOP, notes.save_summary(
        session_id, Summary(key_messages="K2", commitments="C2"), at=NOW, bases=bases))
    # The laptop, unaware, changes the section the device changed: refused.
    with pytest.raises(UserError) as refused:
        run(event_file, LAPTOP, notes.save_summary(
            session_id, Summary(key_messages="K2", commitments="C-laptop"), at=NOW,
            bases=bases))
    assert refused.value.params["theirs"] == "C2"
    assert summary_store.get_summary(event_file, session_id).commitments == "C2"


def test_unknown_section_is_refused(session_id):
    with pytest.raises(UserError) as refused:
        notes.save_summary_section(session_id, "__dict__", "x", base=0)
    assert refused.value.code is Code.NO_SUCH_SECTION


def test_an_answer_to_a_question_the_session_lacks_is_refused(event_file, session_id):
    questions = len(get_session(event_file, session_id).guiding_questions)
    for key in (f"answer.{questions}", "answer.99"):
        with pytest.raises(UserError) as refused:
            run(event_file, DEVICE, notes.save_summary_section(session_id, key, "x", base=0))
        assert refused.value.code is Code.NO_SUCH_SECTION
    assert summary_store.get_summary(event_file, session_id) is None
    run(event_file, DEVICE, notes.save_summary_section(
        session_id, f"answer.{questions - 1}", "Last", base=0))
    assert len(summary_store.get_summary(event_file, session_id).answers) == questions
