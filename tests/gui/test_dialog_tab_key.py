"""Tab moves on to the next control in every dialog too, as in the main window
(``keyboard.free_tab_key``): in New poll, Tab in the Options box typed a tab character
into the last option and the keyboard user never reached OK; the tables of Help › Keyboard
shortcuts, Speaking time statistics and Team links walked every cell first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QTextEdit,
)

from facilitator.core.floor import DEFAULT_SECONDS
from facilitator.core.statistics import session_statistics
from facilitator.gui.floor_times_dialog import FloorTimesDialog
from facilitator.gui.help import ShortcutsDialog
from facilitator.gui.main_window import MainWindow
from facilitator.gui.message_dialog import MessageDialog
from facilitator.gui.polls.poll_dialog import PollDialog
from facilitator.gui.speaker_dialog import SpeakerDialog
from facilitator.gui.statistics_dialog import StatisticsDialog
from facilitator.store import sessions as store


def tab_traps(dialog: QDialog) -> list[str]:
    """The tables and text boxes of ``dialog`` where Tab would not leave."""
    traps = [f"{type(v).__name__} {v.objectName()}" for v in dialog.findChildren(QAbstractItemView)
             if v.tabKeyNavigation()]
    for kind in (QPlainTextEdit, QTextEdit):
        traps += [f"{kind.__name__} {box.objectName()}" for box in dialog.findChildren(kind)
                  if not box.isReadOnly() and not box.tabChangesFocus()]
    return traps


def test_no_dialog_keeps_the_tab_key(qtbot, document):
    window = MainWindow(document)
    qtbot.addWidget(window)
    session = store.get_session(document.file, window.current_session_id())
    window.show_team_panel()
    dialogs = {
        "poll": PollDialog(window),
        "shortcuts": ShortcutsDialog(window),
        "statistics": StatisticsDialog(session.title, session_statistics(
            session.slots, document.clock.now()), window),
        "team links": window.team_panel,
        "message": MessageDialog(parent=window),
        "speaker": SpeakerDialog(window),
        "floor times": FloorTimesDialog(dict(DEFAULT_SECONDS), window),
    }
    assert {name: tab_traps(dialog) for name, dialog in dialogs.items()
            if tab_traps(dialog)} == {}
    for dialog in dialogs.values():
        dialog.close()


def test_tab_leaves_the_poll_options_for_ok(qtbot):
    dialog = PollDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.options.setFocus()
    qtbot.keyClicks(dialog.options, "Housing")
    qtbot.keyClick(dialog.options, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.options, "Finance")
    qtbot.keyClick(dialog.options, Qt.Key.Key_Tab)
    assert dialog.options.toPlainText() == "Housing\nFinance"
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ok)
