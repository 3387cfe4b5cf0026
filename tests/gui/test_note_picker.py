"""The summary editor pulls plain notes in: ticked in a list, added to the chosen section,
saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from facilitator.core.notes import NoteKind
from facilitator.gui.note_picker import NotePicker, plain_notes
from facilitator.gui.summary_tab import SummaryTab
from facilitator.store import notes as note_store
from facilitator.store import sessions as session_store
from facilitator.store import summaries


def test_plain_notes_go_into_the_chosen_section(qtbot, document, tmp_path: Path) -> None:
    session = session_store.list_sessions(document.file, with_slots=True)[0]
    at = document.clock.now()
    add = note_store.add_note
    add(document.file, session.id, "Cities lead", at=at, kind=NoteKind.KEY_MESSAGE)
    add(document.file, session.id, "Mayors asked for a fund", at=at + 1,
        slot_id=session.slots[0].id)
    add(document.file, session.id, "Tunis shared its budget", at=at + 2)
    tab = SummaryTab(document)
    qtbot.addWidget(tab)
    tab.set_session(session.id)
    assert "Mayors asked" not in tab.fields["key_messages"].toPlainText()  # not by itself

    def answer() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, NotePicker) and picker.list.count() == 2
        picker.list.item(0).setCheckState(Qt.CheckState.Checked)
        picker.section.setCurrentIndex(3)  # Way forward
        picker.grab().save(str(tmp_path / "note-picker.png"))
        picker.accept()

    QTimer.singleShot(200, answer)
    tab.pull_button.click()
    speaker = session.slots[0].person.name
    assert tab.fields["way_forward"].toPlainText().endswith(
        f"- Mayors asked for a fund ({speaker})")
    saved = summaries.get_summary(document.file, session.id)
    assert saved.way_forward.endswith(f"- Mayors asked for a fund ({speaker})")
    assert "Tunis" not in saved.way_forward
    tab.shutdown()


def test_only_plain_live_notes_are_offered(document) -> None:
    session = session_store.list_sessions(document.file)[0]
    at = document.clock.now()
    note_store.add_note(document.file, session.id, "Quote", at=at, kind=NoteKind.QUOTE)
    note_store.add_note(document.file, session.id, "Plain", at=at + 1)
    notes = note_store.list_notes(document.file, session.id)
    assert [n.text for n in plain_notes(notes)] == ["Plain"]
