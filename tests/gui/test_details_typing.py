"""The Details tab keeps what is typed, and shows what Undo put back.

Two faults a moderator met: guiding questions typed before the session were saved only when
the field was left, so the laptop dying (or the app killed) seconds later lost them; and
after Ctrl+Z of a Details edit the field still showed the undone text, which the next
switch of tab or session saved again — the undo silently undone.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.gui.session_details import SAVE_DELAY_MS
from facilitator.store import sessions as store

# Each text field: its widget's name on the form, what is typed (ASCII: QTest types no
# other), and what is stored.
FIELDS = {
    "title": ("titleEdit", " - day 2", lambda s: s.title.endswith(" - day 2")),
    "room": ("roomEdit", " B", lambda s: s.room == "Plenary Hall B"),
    "moderator": ("moderatorEdit", " (Ana)", lambda s: s.moderator.endswith("(Ana)")),
    "rapporteur": ("rapporteurEdit", " (Bo)", lambda s: s.rapporteur.endswith("(Bo)")),
    "themes": ("themesEdit", "; SDG 11", lambda s: s.themes[-1] == "SDG 11"),
    "description": ("descriptionEdit", " Hybrid.", lambda s: s.description.endswith("Hybrid.")),
    "guiding_questions": ("guidingQuestionsEdit", "\nWhat will mayors commit to?",
                          lambda s: s.guiding_questions[-1] == "What will mayors commit to?"),
}


@pytest.fixture
def details(qtbot, document):
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    tab = window.details
    window.ui.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.session_id is not None)
    return tab


def _stored(details):
    return store.get_session(details.document.file, details.session_id, with_slots=False)


def _type_at_end(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_End)
    for part in text.split("\n"):
        if part is not text.split("\n")[0]:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, part)


@pytest.mark.parametrize("name", FIELDS)
def test_typing_is_saved_on_a_pause_without_leaving_the_field(qtbot, details, name):
    widget_name, typed, saved = FIELDS[name]
    widget = getattr(details.ui, widget_name)
    _type_at_end(qtbot, widget, typed)
    assert widget.hasFocus()
    # In the event file (committed, so a kill -9 now keeps it), the focus still there.
    qtbot.waitUntil(lambda: saved(_stored(details)), timeout=SAVE_DELAY_MS * 6)
    assert widget.hasFocus()


@pytest.mark.parametrize("name", FIELDS)
def test_undo_shows_in_the_field_and_is_not_saved_again(qtbot, details, name):
    widget_name, typed, saved = FIELDS[name]
    widget = getattr(details.ui, widget_name)
    before = getattr(_stored(details), name)
    _type_at_end(qtbot, widget, typed)
    qtbot.waitUntil(lambda: saved(_stored(details)), timeout=SAVE_DELAY_MS * 6)
    _type_at_end(qtbot, widget, "x")  # a second pause: the same undo step
    qtbot.waitUntil(lambda: details._shown(name) == getattr(_stored(details), name),
                    timeout=SAVE_DELAY_MS * 6)
    details.ui.slotTable.setFocus()  # left: as a moderator reaching for Edit › Undo
    details.document.runner.undo_stack.undo()
    assert getattr(_stored(details), name) == before
    qtbot.waitUntil(lambda: details._shown(name) == before)
    details.flush()  # switching tab or session saves what the fields show
    qtbot.wait(SAVE_DELAY_MS * 2)
    assert getattr(_stored(details), name) == before


def test_undo_of_the_times_shows_in_the_fields(qtbot, details):
    before = (_stored(details).starts_at, _stored(details).ends_at)
    details.ui.startsEdit.setDateTime(details.ui.startsEdit.dateTime().addSecs(3600))
    details.ui.startsEdit.editingFinished.emit()
    assert _stored(details).starts_at != before[0]
    details.document.runner.undo_stack.undo()
    assert (_stored(details).starts_at, _stored(details).ends_at) == before
    assert details._times() == before
    details.ui.startsEdit.editingFinished.emit()
    assert (_stored(details).starts_at, _stored(details).ends_at) == before


def test_a_change_from_elsewhere_leaves_the_field_being_typed_in(qtbot, details):
    from facilitator.actions import sessions

    edit = details.ui.descriptionEdit
    _type_at_end(qtbot, edit, " Typing")
    cursor = edit.textCursor().position()
    details.document.runner.run(sessions.edit_session(details.session_id, room="Hall C"))
    assert details.ui.roomEdit.text() == "Hall C"
    assert edit.toPlainText().endswith(" Typing") and edit.textCursor().position() == cursor
    qtbot.waitUntil(lambda: _stored(details).description.endswith(" Typing"),
                    timeout=SAVE_DELAY_MS * 6)


def test_an_emptied_title_waits_for_the_field_to_be_left(qtbot, details):
    title = _stored(details).title
    edit = details.ui.titleEdit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.wait(SAVE_DELAY_MS * 2)
    assert edit.text() == "" and _stored(details).title == title  # retyping, not reset
    qtbot.keyClicks(edit, "New title")
    qtbot.waitUntil(lambda: _stored(details).title == "New title", timeout=SAVE_DELAY_MS * 6)


@pytest.mark.parametrize(("ends", "stored"), [((0, 30), "2026-05-19T00:30"),
                                              ((23, 45), "2026-05-18T23:45"), ((0, 0), "")])
def test_an_end_typed_earlier_than_the_start_is_the_next_day(qtbot, details, ends, stored):
    # Breaker's find: 23:00 to 00:30 stored the end on the start's date, before the start.
    from PySide6.QtCore import QDate, QDateTime, QTime

    details.ui.startsEdit.setDateTime(QDateTime(QDate(2026, 5, 18), QTime(23, 0)))
    details.ui.startsEdit.editingFinished.emit()
    details.ui.endsEdit.setTime(QTime(*ends))
    details.ui.endsEdit.editingFinished.emit()
    assert (_stored(details).starts_at, _stored(details).ends_at) == ("2026-05-18T23:00", stored)
    assert details._times() == ("2026-05-18T23:00", stored)  # nothing left to save again
