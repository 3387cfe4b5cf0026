"""The notes tab as a rapporteur uses it: type, Enter, edit, delete, undo; nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator.core.notes import NoteKind
from facilitator.gui.notes_tab import NotesTab
from facilitator.store import EventFile
from facilitator.store import notes as store
from facilitator.store import sessions as session_store


@pytest.fixture
def session(document):
    return session_store.list_sessions(document.file, with_slots=True)[0]


@pytest.fixture
def tab(qtbot, document, session):
    widget = NotesTab(document)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.set_session(session.id)
    return widget


def stored(document, session_id):
    return store.list_notes(document.file, session_id)


def type_note(qtbot, tab, text: str) -> None:
    tab.entry.setFocus()
    qtbot.keyClicks(tab.entry, text)
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)


def test_enter_adds_a_note_linked_to_the_current_speaker(qtbot, tab, document, session):
    speaker = session.slots[2]
    session_store.set_current_slot(document.file, session.id, speaker.id)
    document.slots_did_change.emit(session.id)
    assert speaker.person.name in tab.speaking_label.text()
    type_note(qtbot, tab, "Cities are where the SDGs are won")
    (note,) = stored(document, session.id)
    assert note.text == "Cities are where the SDGs are won"
    assert note.slot_id == speaker.id
    assert note.created_at == document.clock.now()
    assert tab.entry.text() == ""
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == speaker.person.name

    # The moderator moves on: the next note follows without touching the notes tab.
    nxt = session.slots[3]
    session_store.set_current_slot(document.file, session.id, nxt.id)
    type_note(qtbot, tab, "Second speaker point")
    assert stored(document, session.id)[-1].slot_id == nxt.id


def test_a_removed_speakers_notes_keep_the_name_and_an_edit_keeps_it(qtbot, tab, document,
                                                                      session):
    """The speaker is removed from the list after the notes: the table still names them,
    and editing the note's text (the speaker box shows nobody then) does not unlink it."""
    from facilitator.actions import speakers

    speaker = session.slots[2]
    session_store.set_current_slot(document.file, session.id, speaker.id)
    document.slots_did_change.emit(session.id)
    type_note(qtbot, tab, "Housing first")
    document.runner.run(speakers.remove_speaker(session.id, speaker.id))
    assert tab.table.item(0, 1).text() == speaker.person.name
    tab.select_note(stored(document, session.id)[0].id)
    tab.editor.setFocus()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, ", then transport")
    tab.entry.setFocus()  # saved as focus leaves the editor
    QApplication.processEvents()
    (note,) = stored(document, session.id)
    assert note.text == "Housing first, then transport"
    assert note.speaker == speaker.person.name
    assert tab.table.item(0, 1).text() == speaker.person.name


def test_speaking_now_only_while_a_turn_is_under_way(qtbot, tab, document, session):
    # The tester's case: the cursor rests on a speaker who has not started (no turn under
    # way): the tab said "Speaking now". It says who is next; notes still go to them.
    from facilitator.actions import speakers

    first, second = session.slots[0], session.slots[1]
    session_store.set_current_slot(document.file, session.id, second.id)
    document.slots_did_change.emit(session.id)
    assert tab.speaking_label.text() == (f"Nobody is speaking yet: new notes are linked to "
                                         f"{second.person.name}, who speaks next.")
    assert tab.entry_speaker.itemText(0) == f"Next: {second.person.name}"
    assert "Speaking now" not in tab.entry_speaker.itemText(0)
    runner = document.runner
    runner.run(speakers.toggle(session.id, document.clock.now()))
    assert tab.speaking_label.text() == (f"New notes are linked to {second.person.name}, "
                                         "who is speaking now.")
    assert tab.entry_speaker.itemText(0) == f"Speaking now: {second.person.name}"
    runner.run(speakers.toggle(session.id, document.clock.now()))  # paused: still their turn
    assert tab.entry_speaker.itemText(0) == f"Speaking now: {second.person.name}"
    # Next: the second speaker's turn ends, the cursor moves on to one not started.
    runner.run(speakers.step(session.id, document.clock.now(), 1))
    assert tab.entry_speaker.itemText(0) == f"Next: {session.slots[2].person.name}"
    # The cursor put back on the finished speaker (as a restored file may have it): nobody
    # speaks; the one who spoke last is named, not as speaking now.
    session_store.set_current_slot(document.file, session.id, second.id)
    document.slots_did_change.emit(session.id)
    assert tab.entry_speaker.itemText(0) == f"Spoke last: {second.person.name}"
    assert tab.speaking_label.text() == (f"Nobody is speaking now: new notes are linked to "
                                         f"{second.person.name}, who spoke last.")
    assert first.person.name not in tab.speaking_label.text()


def test_kind_tags_and_chosen_speaker(qtbot, tab, document, session):
    tab.entry_kind.setCurrentIndex(tab.entry_kind.findData(NoteKind.RECOMMENDATION.value))
    tab.entry_speaker.setCurrentIndex(tab.entry_speaker.findData(session.slots[0].id))
    tab.entry_tags._actions["Q1"].setChecked(True)
    tab.entry_tags._actions["SDG 11"].setChecked(True)
    assert tab.entry_tags.text() == "Tags (2)"
    type_note(qtbot, tab, "Create a housing fund")
    (note,) = stored(document, session.id)
    assert note.kind is NoteKind.RECOMMENDATION
    assert note.tags == ("Q1", "SDG 11")
    assert note.slot_id == session.slots[0].id
    # Picks reset for the next note, so a kind is never applied by mistake.
    assert tab.entry_tags.tags() == [] and tab.entry_kind.currentIndex() == 0


def test_markup_in_a_note_is_shown_as_typed(qtbot, tab, document, session):
    type_note(qtbot, tab, "<b>bold?</b> & <img src=x>")
    assert tab.table.item(0, 3).text() == "<b>bold?</b> & <img src=x>"


def test_edit_is_saved_after_a_pause_and_on_focus_change(qtbot, tab, document, session):
    type_note(qtbot, tab, "first version")
    tab.select_note(stored(document, session.id)[0].id)
    assert tab.editor.toPlainText() == "first version"
    tab.editor.setFocus()
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.editor, " then edited")
    qtbot.waitUntil(lambda: stored(document, session.id)[0].text
                    == "first version then edited", timeout=1000)

    qtbot.keyClicks(tab.editor, " again")
    tab.entry.setFocus()  # focus leaves the editor: saved at once, no waiting
    QApplication.processEvents()
    assert stored(document, session.id)[0].text == "first version then edited again"


def test_edit_kind_speaker_tags_and_undo(qtbot, tab, document, session):
    type_note(qtbot, tab, "a point")
    note_id = stored(document, session.id)[0].id
    tab.select_note(note_id)
    tab.edit_kind.setCurrentIndex(tab.edit_kind.findData(NoteKind.COMMITMENT.value))
    tab.edit_kind.activated.emit(tab.edit_kind.currentIndex())
    tab.edit_speaker.setCurrentIndex(tab.edit_speaker.findData(session.slots[1].id))
    tab.edit_speaker.activated.emit(tab.edit_speaker.currentIndex())
    tab.edit_tags._actions["SDG 5"].setChecked(True)
    note = store.get_note(document.file, note_id)
    assert (note.kind, note.slot_id, note.tags) == (
        NoteKind.COMMITMENT, session.slots[1].id, ("SDG 5",))
    tab.undo_stack.undo()
    assert store.get_note(document.file, note_id).tags == ()
    tab.undo_stack.undo()
    tab.undo_stack.undo()
    note = store.get_note(document.file, note_id)
    assert (note.kind, note.slot_id) == (NoteKind.NOTE, None)
    tab.undo_stack.redo()
    assert store.get_note(document.file, note_id).kind is NoteKind.COMMITMENT


def test_delete_and_undo_with_keys(qtbot, tab, document, session):
    type_note(qtbot, tab, "keep me")
    type_note(qtbot, tab, "delete me")
    tab.select_note(stored(document, session.id)[1].id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert [n.text for n in stored(document, session.id)] == ["keep me"]
    assert tab.table.rowCount() == 1
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in stored(document, session.id)] == ["keep me", "delete me"]
    # Undoing the add removes the note; redo brings the same row back.
    tab.undo_stack.undo()
    assert [n.text for n in stored(document, session.id)] == ["keep me"]
    tab.undo_stack.redo()
    assert [n.text for n in stored(document, session.id)] == ["keep me", "delete me"]


def test_text_typed_but_not_added_is_kept_as_a_draft(qtbot, tab, document, session,
                                                     sample_path):
    tab.entry.setFocus()
    qtbot.keyClicks(tab.entry, "half a thought")
    with EventFile.open(sample_path, read_only=True) as reader:
        qtbot.waitUntil(lambda: store.load_draft(reader, session.id) == "half a thought",
                        timeout=1000)
    # Another session and back: the draft comes back into the box.
    other = session_store.list_sessions(document.file)[1]
    tab.set_session(other.id)
    assert tab.entry.text() == ""
    tab.set_session(session.id)
    assert tab.entry.text() == "half a thought"
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    assert store.load_draft(document.file, session.id) == ""


def test_no_session_disables_entry(qtbot, tab):
    tab.set_session(None)
    assert not tab.entry.isEnabled()
    assert isinstance(tab.entry, QLineEdit)


def test_screenshot(qtbot, tab, document, session, screenshots):
    for text, kind, tags in (
        ("Cities are where the SDGs are won or lost", NoteKind.KEY_MESSAGE, ["Q1", "SDG 11"]),
        ("Pooled procurement for social housing between two cities", NoteKind.PARTNERSHIP,
         ["Housing our future"]),
        ("We commit to a voluntary local review by 2027", NoteKind.COMMITMENT, ["SDG 17"]),
        ("Direct access to climate finance for cities", NoteKind.RECOMMENDATION, ["Q2"]),
    ):
        speaker = session.slots[1 + len(stored(document, session.id))]
        session_store.set_current_slot(document.file, session.id, speaker.id)
        document.slots_did_change.emit(session.id)
        tab.entry_kind.setCurrentIndex(tab.entry_kind.findData(kind.value))
        for tag in tags:
            tab.entry_tags._actions[tag].setChecked(True)
        type_note(qtbot, tab, text)
        document.clock.advance(47)
    tab.entry.insert("Typing the next note, Gülşən Əliyeva said")
    tab.select_note(stored(document, session.id)[1].id)
    tab.resize(1100, 560)
    QApplication.processEvents()
    assert tab.grab().save(str(screenshots / "notes-tab.png"))


def test_a_clock_key_refills_nothing_a_renamed_speaker_does(qtbot, tab, document, session):
    """Nothing in the Notes tab shows time: pausing and resuming a turn (the Space key,
    many times a session, while this tab is hidden) must not rebuild its two speaker lists
    (~0.3 ms of every press); a change to the speakers list still shows at once."""
    from facilitator.actions import speakers
    from facilitator.core.model import Person

    runner = document.runner
    runner.run(speakers.toggle(session.id, document.clock.now()))  # the first turn starts
    assert tab.entry_speaker.itemText(0) == f"Speaking now: {session.slots[0].person.name}"
    tab.entry_speaker.setCurrentIndex(3)  # the rapporteur's own choice, kept
    refills: list[str] = []
    for combo in (tab.entry_speaker, tab.edit_speaker):
        combo.model().rowsRemoved.connect(lambda *_: refills.append("refilled"))
    for _ in range(4):  # pause, resume, pause, resume
        document.clock.advance(5)
        runner.run(speakers.toggle(session.id, document.clock.now()))
        assert tab.entry_speaker.itemText(0) == (
            f"Speaking now: {session.slots[0].person.name}")
    assert refills == []
    assert tab.entry_speaker.currentIndex() == 3
    renamed = Person(name="Ms Renamed Speaker")
    runner.run(speakers.edit_speaker(session.id, session.slots[1].id, person=renamed))
    assert refills
    names = [tab.edit_speaker.itemText(i) for i in range(tab.edit_speaker.count())]
    assert "Ms Renamed Speaker" in names
    assert tab.entry_speaker.currentIndex() == 3
