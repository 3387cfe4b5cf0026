"""Rapporteur notes and summaries in the event file, and the pure summary rules."""

from __future__ import annotations

import pytest

from facilitator.core.model import Session
from facilitator.core.notes import (
    NoteKind,
    Summary,
    fill_empty_sections,
    prefill_summary,
    sdg_tags_of,
    summary_points,
    tag_choices,
    tag_label,
)
from facilitator.store import EventFile, EventFileError, summaries
from facilitator.store import notes as store
from facilitator.store import sessions as session_store

T = 1_800_000_000.0


@pytest.fixture
def session(event_file: EventFile) -> Session:
    return session_store.list_sessions(event_file, with_slots=True)[0]


def test_add_list_edit_relink(event_file: EventFile, session: Session) -> None:
    slot_a, slot_b = session.slots[0].id, session.slots[1].id
    note_id = store.add_note(event_file, session.id, "  Cities lead  ", at=T,
                             kind=NoteKind.KEY_MESSAGE, tags=["SDG 11", "SDG 11", " Q1 "],
                             slot_id=slot_a)
    (note,) = store.list_notes(event_file, session.id)
    assert (note.id, note.text, note.kind, note.tags, note.slot_id, note.created_at) == (
        note_id, "Cities lead", NoteKind.KEY_MESSAGE, ("SDG 11", "Q1"), slot_a, T)

    edited = store.update_note(event_file, note_id, at=T + 5, text="Cities lead the way",
                               kind=NoteKind.QUOTE, tags=["SDG 1"])
    assert (edited.text, edited.kind, edited.tags, edited.updated_at) == (
        "Cities lead the way", NoteKind.QUOTE, ("SDG 1",), T + 5)
    assert edited.created_at == T
    assert store.relink_note(event_file, note_id, slot_b, at=T + 6).slot_id == slot_b
    assert store.relink_note(event_file, note_id, None, at=T + 7).slot_id is None

    actions = [e["action"] for e in event_file.log_entries(session.id)]
    assert actions[-3:] == ["note_edited", "note_relinked", "note_relinked"]
    assert "note_added" in actions


def test_changes_are_committed_at_once(sample_path, event_file: EventFile,
                                       session: Session) -> None:
    store.add_note(event_file, session.id, "first", at=T)
    with EventFile.open(sample_path, read_only=True) as reader:
        assert [n.text for n in store.list_notes(reader, session.id)] == ["first"]


def test_delete_is_undoable(event_file: EventFile, session: Session) -> None:
    keep = store.add_note(event_file, session.id, "keep", at=T)
    gone = store.add_note(event_file, session.id, "gone", at=T + 1)
    store.delete_note(event_file, gone)
    assert [n.id for n in store.list_notes(event_file, session.id)] == [keep]
    everything = store.list_notes(event_file, session.id, include_deleted=True)
    assert [(n.id, n.deleted) for n in everything] == [(keep, False), (gone, True)]
    store.restore_note(event_file, gone)
    assert [n.id for n in store.list_notes(event_file, session.id)] == [keep, gone]


def test_bad_input_is_refused_plainly(event_file: EventFile, session: Session) -> None:
    with pytest.raises(EventFileError, match="needs some text"):
        store.add_note(event_file, session.id, "   ", at=T)
    other = session_store.list_sessions(event_file, with_slots=True)[1]
    with pytest.raises(EventFileError, match="not on this session"):
        store.add_note(event_file, session.id, "x", at=T, slot_id=other.slots[0].id)
    note_id = store.add_note(event_file, session.id, "x", at=T)
    with pytest.raises(EventFileError, match="needs some text"):
        store.update_note(event_file, note_id, at=T, text="")
    with pytest.raises(EventFileError, match="no note"):
        store.delete_note(event_file, 9999)


def test_draft_is_kept_and_cleared(event_file: EventFile, session: Session) -> None:
    assert store.load_draft(event_file, session.id) == ""
    store.save_draft(event_file, session.id, "half a thought")
    assert store.load_draft(event_file, session.id) == "half a thought"
    store.save_draft(event_file, session.id, "")
    assert store.load_draft(event_file, session.id) == ""


def test_summary_round_trip_keeps_unknown_keys(event_file: EventFile, session: Session) -> None:
    assert summaries.get_summary(event_file, session.id) is None
    summary = Summary(key_messages="- one\n- two", answers=("a1", "", "a3"),
                      recommendations="r", commitments="c", way_forward="w",
                      extra={"added_later": [1, 2]})
    summaries.save_summary(event_file, session.id, summary, at=T)
    loaded = summaries.get_summary(event_file, session.id)
    assert loaded == summary
    assert loaded.extra == {"added_later": [1, 2]}
    summaries.save_summary(event_file, session.id, Summary(way_forward="next"), at=T + 1)
    assert summaries.get_summary(event_file, session.id).way_forward == "next"


def test_prefill_from_notes_of_each_kind(event_file: EventFile, session: Session) -> None:
    speaker = session.slots[1]
    add = store.add_note
    add(event_file, session.id, "Key one", at=T, kind=NoteKind.KEY_MESSAGE, slot_id=speaker.id)
    add(event_file, session.id, "Do this", at=T + 1, kind=NoteKind.RECOMMENDATION)
    add(event_file, session.id, "We will", at=T + 2, kind=NoteKind.COMMITMENT, tags=["Q2"])
    add(event_file, session.id, "Twinning", at=T + 3, kind=NoteKind.PARTNERSHIP)
    add(event_file, session.id, "Said well", at=T + 4, kind=NoteKind.QUOTE, tags=["Q1"])
    deleted = add(event_file, session.id, "Deleted key", at=T + 5, kind=NoteKind.KEY_MESSAGE)
    store.delete_note(event_file, deleted)
    notes = store.list_notes(event_file, session.id)
    names = {slot.id: slot.person.name for slot in session.slots}
    summary = prefill_summary(session, notes, names)
    assert summary.key_messages == f"- Key one ({speaker.person.name})"
    assert summary.recommendations == "- Do this"
    assert summary.commitments == "- We will"
    assert summary.way_forward == "- Twinning"
    assert summary.answers == ("- “Said well”", "- We will", "")
    assert summary_points(summary.key_messages) == [f"Key one ({speaker.person.name})"]


def test_fill_empty_sections_never_overwrites() -> None:
    written = Summary(key_messages="mine", answers=("", "my answer"))
    prefilled = Summary(key_messages="notes", answers=("a", "b", "c"), commitments="c")
    filled = fill_empty_sections(written, prefilled)
    assert filled.key_messages == "mine"
    assert filled.answers == ("a", "my answer", "c")
    assert filled.commitments == "c"


def test_tag_choices_and_labels(session: Session) -> None:
    choices = tag_choices(session)
    tags = [c.tag for c in choices]
    assert tags[: len(session.guiding_questions)] == [
        f"Q{i}" for i in range(1, len(session.guiding_questions) + 1)]
    assert "SDG 1" in tags and "SDG 17" in tags and "SDG 18" not in tags
    assert "Stronger together" in tags and "Putting people first in a digital era" in tags
    assert all(theme in tags for theme in session.themes)
    assert len(tags) == len(set(tags))
    assert tag_label("SDG 11") == "SDG 11: Sustainable cities and communities"
    assert tag_label("Q1", session).startswith("Q1: What role")
    assert tag_label("custom") == "custom"


def test_sdg_counts_ignore_deleted(event_file: EventFile, session: Session) -> None:
    store.add_note(event_file, session.id, "a", at=T, tags=["SDG 11", "SDG 5"])
    store.add_note(event_file, session.id, "b", at=T, tags=["SDG 11"])
    gone = store.add_note(event_file, session.id, "c", at=T, tags=["SDG 1"])
    store.delete_note(event_file, gone)
    notes = store.list_notes(event_file, session.id, include_deleted=True)
    assert sdg_tags_of(notes) == [(5, 1), (11, 2)]
