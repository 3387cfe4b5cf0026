"""Ctrl+Q closes the window at once when nothing is live, and asks first while a speaker's
turn is under way or the phones are connected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.gui.main_window import MainWindow


def shown_window(qtbot, document) -> MainWindow:
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def ctrl_q(qtbot, window) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_closes_at_once_when_nothing_is_live(qtbot, document):
    window = shown_window(qtbot, document)
    window.ui.sessionList.setFocus()
    ctrl_q(qtbot, window)
    assert not window.isVisible()
    assert not window.findChildren(QMessageBox)


def test_ctrl_q_asks_while_a_speaker_runs(qtbot, document, answer_question):
    window = shown_window(qtbot, document)
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_Space)
    speaker = run.current_slot().person.name
    # Asked from any tab, even with the focus in a text box.
    window.ui.tabs.setCurrentWidget(window.tabs["Notes"])
    window.tabs["Notes"].entry.setFocus()
    ctrl_q(qtbot, window)
    text = answer_question(window, "quitQuestion", yes=False)
    assert speaker in text and window.isVisible()
    ctrl_q(qtbot, window)
    answer_question(window, "quitQuestion", yes=True)
    assert not window.isVisible()


def test_ctrl_q_asks_while_phones_are_connected(qtbot, questions_window, answer_question):
    window = questions_window
    tab = window.tabs["Questions"]
    assert tab.open_questions() and tab.server_running
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    ctrl_q(qtbot, window)
    text = answer_question(window, "quitQuestion", yes=False)
    assert "phones" in text and window.isVisible() and tab.server_running
    window.request_quit()
    answer_question(window, "quitQuestion", yes=True)
    assert not window.isVisible() and not tab.server_running


def test_ctrl_q_on_the_projector_asks_too_and_says_paused(qtbot, document, answer_question):
    window = shown_window(qtbot, document)
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_Space)  # starts
    qtbot.keyClick(run.table, Qt.Key.Key_Space)  # pauses
    speaker = run.current_slot().person.name
    run.projector_action.trigger()
    run.projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is run.projector)
    qtbot.keyClick(run.projector, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    text = answer_question(window, "quitQuestion", yes=False)
    assert f"{speaker}'s turn is paused" in text and window.isVisible()
