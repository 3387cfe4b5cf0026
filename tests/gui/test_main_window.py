"""The main window on the built-in event, driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu

from facilitator.core.model import SlotKind
from facilitator.gui.main_window import MainWindow, recent_files
from facilitator.gui.slot_model import Column
from facilitator.store import sessions as store


def make_window(qtbot, document) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    return window


def test_agenda_lists_the_three_panels(qtbot, document):
    window = make_window(qtbot, document)
    model = window.ui.sessionList.model()
    assert model.rowCount() == 3
    assert "The local SDG rescue plan" in model.index(0).data()
    assert window.details.ui.titleEdit.text().startswith("The local SDG rescue plan")
    assert [window.ui.tabs.tabText(i).replace("&", "") for i in range(6)] == [
        "Details", "Run", "Questions", "Polls", "Notes", "Summary"]
    assert document.path in recent_files()[0] or recent_files()[0].endswith("event.db")


def test_editing_a_field_saves_it_at_once(qtbot, document):
    window = make_window(qtbot, document)
    edit = window.details.ui.roomEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Room 3, level 2")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    session_id = window.current_session_id()
    assert store.get_session(document.file, session_id).room == "Room 3, level 2"


def test_guiding_questions_saved_on_focus_change(qtbot, document):
    window = make_window(qtbot, document)
    questions = window.details.ui.guidingQuestionsEdit
    questions.setPlainText("First?\n\nSecond?")
    window.details.flush()
    session = store.get_session(document.file, window.current_session_id())
    assert session.guiding_questions == ("First?", "Second?")


def test_switching_sessions_shows_their_details(qtbot, document):
    window = make_window(qtbot, document)
    window.ui.sessionList.setCurrentIndex(window.session_model.index(2))
    assert window.details.ui.titleEdit.text().startswith("Towards the World Social Summit")
    assert window.details.slot_model.rowCount() == 9


def test_add_edit_and_remove_a_speaker(qtbot, document):
    window = make_window(qtbot, document)
    details = window.details
    details.add_slot()
    model = details.slot_model
    assert model.rowCount() == 10
    # Nothing selected: the new speaker comes before the closing remarks, being edited.
    row = details.ui.slotTable.currentIndex().row()
    assert row == 8 and model.slot_at(9).kind is SlotKind.CLOSING
    model.setData(model.index(row, Column.NAME), "Dr. Ngozi Okonjo")
    model.setData(model.index(row, Column.PLANNED), "6.5")
    slot = store.list_slots(document.file, window.current_session_id())[row]
    assert (slot.person.name, slot.planned_seconds) == ("Dr. Ngozi Okonjo", 390)
    details.ui.slotTable.setCurrentIndex(model.index(row, Column.NAME))
    details.remove_selected_slot()
    assert model.rowCount() == 9


def test_add_session(qtbot, document):
    window = make_window(qtbot, document)
    window.add_session()
    assert window.session_model.rowCount() == 4
    assert window.details.ui.titleEdit.text() == "New session"


def test_user_text_is_never_rendered_as_html(qtbot, document):
    session_id = store.list_sessions(document.file)[0].id
    store.update_session(document.file, session_id, title="<img src=x> <b>Bold</b> & co")
    document.session_did_change.emit(session_id)
    window = make_window(qtbot, document)
    for label in window.findChildren(QLabel):
        if "<img" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_menus_hold_the_file_actions(qtbot, document):
    window = make_window(qtbot, document)
    names = {action.objectName() for action in window.ui.menuFile.actions()}
    names |= {action.objectName() for action in window.findChild(QMenu, "menuExport").actions()}
    assert {"actionNewEvent", "actionOpen", "actionSaveCopy", "actionImportAgenda",
            "actionExportAgenda", "actionQuit"} <= names


def test_quick_start_covers_before_during_after_and_wifi(qtbot, document):
    from PySide6.QtWidgets import QTextBrowser

    from facilitator.gui.help import QuickStartDialog

    window = make_window(qtbot, document)
    words = {"en": ("Before", "During", "After", "hotspot"),
             "fr": ("Avant", "Pendant", "Après", "point d'accès"),
             "es": ("Antes", "Durante", "Después", "punto de acceso")}
    for language, expected in words.items():
        dialog = QuickStartDialog(window, language)
        qtbot.addWidget(dialog)
        plain = dialog.findChild(QTextBrowser, "quickStart").toPlainText()
        assert all(word in plain for word in expected), language
        assert "8765" in plain


def test_language_menu_remembers_the_choice(qtbot, document):
    from PySide6.QtCore import QSettings

    window = make_window(qtbot, document)
    menu = window.findChild(type(window.ui.menuView), "menuLanguage")
    french = next(a for a in menu.actions() if a.data() == "fr")
    french.trigger()
    assert QSettings().value("language") == "fr"
    next(a for a in menu.actions() if a.data() == "").trigger()
    assert QSettings().value("language") == ""


def test_an_uncaught_error_in_a_slot_becomes_a_plain_message(qtbot, document, monkeypatch,
                                                             capsys):
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    from facilitator.gui.app import report_unexpected_errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    report_unexpected_errors()
    window = make_window(qtbot, document)
    window.activateWindow()
    try:
        raise RuntimeError("disk unplugged")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    candidates = QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
    boxes = [w for w in candidates if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "disk unplugged" in boxes[-1].text()
    assert "Traceback" not in boxes[-1].text()
    assert boxes[-1].textFormat() == Qt.TextFormat.PlainText
    assert "Traceback" in capsys.readouterr().err  # the details went to the log
    for box in boxes:
        box.close()


def test_take_a_note_from_another_tab_brings_up_the_notes_tab(qtbot, document):
    # Ctrl+Shift+N acts from every tab: it had put the focus in the Notes tab's box while
    # the Details tab stayed on screen, and what the rapporteur typed went in unseen.
    window = make_window(qtbot, document)
    window.show()
    window.activateWindow()  # window-wide keys act in the active window
    qtbot.waitUntil(lambda: window.isActiveWindow())
    notes = window.tabs["Notes"]
    window.ui.tabs.setCurrentWidget(window.details)
    title = window.details.ui.titleEdit
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.ui.tabs.currentWidget() is notes
    assert notes.entry.isVisible() and notes.entry.hasFocus()
