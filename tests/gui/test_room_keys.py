"""Room keys (Space, N, P, R, A, M, B, F, +, -, clicker keys) act only on the Run tab and the
projector, never while the moderator types anywhere: every editable widget and list of every
tab, the agenda, the Run tab's own boxes and cell editors, and the dialogs receive text
holding every room key, and the event file shows only that place's own actions."""

from __future__ import annotations

import contextlib

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from facilitator.actions import floor
from facilitator.actions.actor import LAPTOP, phone
from facilitator.actions.command import run as run_command
from facilitator.core.floor import FloorStatus
from facilitator.core.timer import Phase
from facilitator.gui.main_window import MainWindow
from facilitator.gui.message_dialog import MessageDialog
from facilitator.gui.slot_model import Column
from facilitator.gui.speaker_dialog import SpeakerDialog
from facilitator.store import floor as floor_store
from facilitator.store import sessions as store

# Every room key as a moderator might type it in a note or a name, upper and lower case.
ROOM_TEXT = "Key message: new money +-= . bBnNpPrRmMfFaA"
CLICKER_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Right, Qt.Key.Key_Left)
ENTRY_TYPES = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)
RUN_DIALOGS = (MessageDialog, SpeakerDialog)


@pytest.fixture
def live(qtbot, document):
    """The sample event, its first panel's first speaker running, the projector shown."""
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    activate(qtbot, main)
    run = main.tabs["Run"]
    main.ui.tabs.setCurrentWidget(run)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_Space)
    run.projector_action.trigger()
    qtbot.waitExposed(run.projector)
    activate(qtbot, main)
    session = store.get_session(document.file, main.current_session_id())
    assert session.slots[0].phase is Phase.RUNNING
    # A delegate waits for the floor: A would accept them, wherever it wrongly acted.
    run_command(document.file, LAPTOP, floor.set_open(session.id, True))
    run_command(document.file, phone("d1"), floor.ask(session.id, name="Amina Diallo",
                                                      kind="intervention", now=1.0,
                                                      device_id="d1"))
    run.floor_panel.reload()
    yield main
    run.shutdown()


def activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active window, as a click on it would (waitActive alone returns
    before QApplication has moved the focus there)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focus_target() -> QWidget | None:
    """Where a real key would go now: an open popup first, else the focused widget."""
    popup = QApplication.activePopupWidget()
    if popup is not None and shiboken6.isValid(popup):
        inner = popup.focusWidget()
        return inner if inner is not None and shiboken6.isValid(inner) else popup
    return QApplication.focusWidget()


def is_alive_and_shown(widget: QWidget | None) -> bool:
    try:
        return widget is not None and widget.isVisible()
    except RuntimeError:  # offscreen Qt may still name a deleted drop-down as the focus
        return False


def type_everywhere_keys(qtbot, left=lambda: False) -> None:
    """Type ROOM_TEXT and the clicker keys into whatever has the focus, key by key; stop
    once ``left()`` says the focus left the place typed in (a PageDown in a table cell's
    editor commits it and moves on, as in a spreadsheet)."""
    for key in [*ROOM_TEXT, *CLICKER_KEYS]:
        if left():
            break
        target = focus_target()
        if not is_alive_and_shown(target):
            break  # the box closed itself (a pick in a drop-down list ends the cell edit)
        qtbot.keyPress(target, key)
        # A key may close the box it went to (a pick in a drop-down list deletes the cell
        # editor and its list at once): release where the focus is now, if anywhere alive.
        with contextlib.suppress(RuntimeError):
            qtbot.keyRelease(focus_target(), key)
    while QApplication.activePopupWidget() is not None:
        QApplication.activePopupWidget().close()


def room_state(main, session_id: int) -> tuple:
    """What a room key would change: the clocks, the list, the projector, the dialogs."""
    run = main.tabs["Run"]
    session = store.get_session(main.document.file, session_id)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, RUN_DIALOGS) and w.isVisible()]
    waiting = floor_store.list_floor_requests(main.document.file, session_id,
                                              status=FloorStatus.WAITING)
    return (session.current_slot_id,
            tuple((s.id, s.phase, s.clock.adjustment) for s in session.slots),
            tuple(r.id for r in waiting),
            run.projector.blackout, run.projector.message, run.projector.isFullScreen(),
            run.projector.isVisible(), len(dialogs))


def log_actions(main, since: int) -> list[str]:
    return [e["action"] for e in main.document.file.log_entries() if e["id"] > since]


def last_log_id(main) -> int:
    entries = main.document.file.log_entries()
    return entries[-1]["id"] if entries else 0


def typing_places(root: QWidget) -> list[QWidget]:
    """Every visible, enabled box and list under ``root`` that takes the keyboard focus."""
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, ENTRY_TYPES + (QAbstractItemView,)) and w.isVisible()
            and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)]


RUN_COMMAND_ACTIONS = {"timer_started", "timer_paused", "timer_resumed", "next_speaker",
                       "previous_speaker", "time_adjusted", "slot_added", "slots_reordered",
                       "current_slot_changed", "floor_request_accepted"}


def assert_room_untouched(main, session_id, before, since, where) -> None:
    run = main.tabs["Run"]
    assert room_state(main, session_id) == before, where
    assert not RUN_COMMAND_ACTIONS & set(log_actions(main, since)), where
    assert not run.floor_edit.hasFocus() or where.endswith("floorRequestEdit"), where


def close_dialogs(main) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog | QMessageBox) and widget.isVisible():
            widget.reject()


def test_room_keys_act_on_the_run_tab_and_the_projector(qtbot, live):
    main, run = live, live.tabs["Run"]
    session_id = main.current_session_id()

    def on_table(key, modifier=Qt.KeyboardModifier.NoModifier):
        run.table.setFocus()
        qtbot.keyClick(run.table, key, modifier)

    def current():
        return store.get_session(main.document.file, session_id).current_slot_id

    first = current()
    for forward, back in ((Qt.Key.Key_N, Qt.Key.Key_P), (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp),
                          (Qt.Key.Key_Right, Qt.Key.Key_Left)):
        on_table(forward)
        assert current() != first, forward
        on_table(back)
        assert current() == first, back
    # Right/Left belong to the clicker; Ctrl+Right/Left still walk the cells to edit one.
    run.table.setCurrentIndex(run.model.index(1, Column.NAME))
    on_table(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert run.table.currentIndex().column() == Column.NAME + 1 and current() == first
    on_table(Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert run.table.currentIndex().column() == Column.NAME and current() == first
    for key in (Qt.Key.Key_B, Qt.Key.Key_Period):  # what clickers send for "black screen"
        on_table(key)
        assert run.projector.current_page() == "blackout", key
        on_table(key)
        assert run.projector.current_page() == "stage", key

    # The projector window has the focus (a clicker aimed at it): the same keys work.
    activate(qtbot, run.projector)
    assert run.projector.isAncestorOf(QApplication.focusWidget()) or \
        QApplication.focusWidget() is run.projector
    qtbot.keyClick(run.projector, Qt.Key.Key_PageDown)
    assert current() != first
    qtbot.keyClick(run.projector, Qt.Key.Key_PageUp)
    assert current() == first
    qtbot.keyClick(run.projector, Qt.Key.Key_Period)
    assert run.projector.current_page() == "blackout"
    qtbot.keyClick(run.projector, Qt.Key.Key_B)
    assert run.projector.current_page() == "stage"


def test_typing_in_every_other_tab_never_triggers_a_room_key(qtbot, live):
    main = live
    session_id = main.current_session_id()
    tried: list[str] = []
    kinds: set[type] = set()
    areas = [(None, main.ui.sessionList.parentWidget())] + [
        (tab, tab) for name, tab in main.tabs.items() if name != "Run"]
    for tab, area in areas:
        done = 0
        while True:  # listed again each time: a tab may rebuild its boxes as it saves
            if tab is not None:
                main.ui.tabs.setCurrentWidget(tab)
            places = [w for w in typing_places(area)
                      if not any(t.isAncestorOf(w) for t in main.tabs.values())
                      or tab is not None]
            if done >= len(places):
                break
            widget = places[done]
            done += 1
            where = f"{area.objectName()}/{widget.objectName() or type(widget).__name__}"
            activate(qtbot, main)
            widget.setFocus(Qt.FocusReason.MouseFocusReason)
            if not (QApplication.focusWidget() is widget
                    or widget.isAncestorOf(QApplication.focusWidget())):
                continue
            tried.append(where)
            kinds.add(type(widget))
            before, since = room_state(main, session_id), last_log_id(main)
            type_everywhere_keys(qtbot)
            assert_room_untouched(main, session_id, before, since, where)
            close_dialogs(main)
    assert len(tried) >= 15, tried
    assert any(issubclass(k, QLineEdit) for k in kinds)
    assert any(issubclass(k, QPlainTextEdit) for k in kinds)
    assert any(issubclass(k, QComboBox) for k in kinds)
    assert any(issubclass(k, QAbstractItemView) for k in kinds)
    assert "/sessionList" in " ".join(tried)


def test_typing_in_the_run_tab_boxes_and_cell_editors_never_triggers_a_room_key(qtbot, live):
    main, run = live, live.tabs["Run"]
    session_id = main.current_session_id()
    main.ui.tabs.setCurrentWidget(run)
    # The two lists the room keys act from (a list read, not typed in): the speakers and
    # the floor requests (test_floor_panel: Space and A from the requests table).
    lists = (run.table, run.floor_panel.table)
    places = [w for w in typing_places(run) if w not in lists]
    assert {run.floor_edit, run.warning_box, run.danger_box} <= set(places)
    for widget in places:
        widget.setFocus()
        before, since = room_state(main, session_id), last_log_id(main)
        type_everywhere_keys(qtbot)
        assert_room_untouched(main, session_id, before, since,
                              f"Run/{widget.objectName() or 'floorRequestEdit'}")
        if widget is run.floor_edit:
            qtbot.keyClick(run.floor_edit, Qt.Key.Key_Escape)
    # Editing a cell of the speakers list: the name (a text box) and the kind (a list).
    for column in (Column.NAME, Column.ORGANISATION, Column.KIND, Column.GENDER,
                   Column.CONSTITUENCY):
        index = run.model.index(2, column)
        run.table.setFocus()
        run.table.setCurrentIndex(index)
        run.table.edit(index)
        editor = QApplication.focusWidget()
        assert editor is not run.table and run.table.isAncestorOf(editor), column
        before, since = room_state(main, session_id), last_log_id(main)
        type_everywhere_keys(qtbot, left=lambda: QApplication.focusWidget() is run.table)
        assert_room_untouched(main, session_id, before, since, f"speakers table {column!r}")
        if QApplication.focusWidget() is not run.table:
            qtbot.keyClick(focus_target(), Qt.Key.Key_Escape)
    assert store.get_session(main.document.file, session_id).slots[0].phase is Phase.RUNNING


def test_typing_in_the_run_tab_dialogs_never_triggers_a_room_key(qtbot, live):
    main, run = live, live.tabs["Run"]
    session_id = main.current_session_id()
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_M)
    message = run.message_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is message)
    before = room_state(main, session_id)
    since = last_log_id(main)
    message.text_box.lineEdit().selectAll()
    qtbot.keyClicks(focus_target(), ROOM_TEXT)
    assert message.text_box.currentText() == ROOM_TEXT
    type_everywhere_keys(qtbot)  # and the clicker keys (they pick presets in the list)
    assert room_state(main, session_id) == before
    assert not RUN_COMMAND_ACTIONS & set(log_actions(main, since))
    message.blink_box.setFocus()
    qtbot.keyClick(message.blink_box, Qt.Key.Key_N)
    assert room_state(main, session_id) == before
    message.reject()

    run.add_speaker_action.trigger()
    dialog = run.findChild(SpeakerDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for widget in typing_places(dialog):
        widget.setFocus()
        type_everywhere_keys(qtbot)
    assert store.get_session(main.document.file, session_id).slots[0].phase is Phase.RUNNING
    assert not RUN_COMMAND_ACTIONS & set(log_actions(main, since))
    dialog.reject()


def test_field_case_a_note_typed_in_the_notes_list_leaves_the_room_alone(qtbot, live):
    """The reported fault: a note typed with the list focused added a floor speaker
    "st point", paused the clock and opened "Message to the speaker"."""
    main, run = live, live.tabs["Run"]
    session_id = main.current_session_id()
    notes = main.tabs["Notes"]
    main.ui.tabs.setCurrentWidget(notes)
    notes.entry.setFocus()
    qtbot.keyClicks(notes.entry, "First point")
    qtbot.keyClick(notes.entry, Qt.Key.Key_Return)
    assert notes.table.rowCount() == 1
    rect = notes.table.visualRect(notes.table.model().index(0, 3))
    qtbot.mouseClick(notes.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    before, since = room_state(main, session_id), last_log_id(main)
    for char in "Key message: new money":
        qtbot.keyClicks(focus_target(), char)
    qtbot.keyClick(focus_target(), Qt.Key.Key_Return)
    assert room_state(main, session_id) == before
    session = store.get_session(main.document.file, session_id)
    assert "st point" not in [s.person.name for s in session.slots]
    assert session.slots[0].phase is Phase.RUNNING
    assert run.projector.message == ""
    assert not RUN_COMMAND_ACTIONS & set(log_actions(main, since))


def test_showing_the_run_tab_brings_the_keys_there(qtbot, live):
    main, run = live, live.tabs["Run"]
    main.ui.tabs.setCurrentWidget(main.tabs["Notes"])
    main.tabs["Notes"].entry.setFocus()
    main.ui.tabs.setCurrentWidget(run)
    assert run.isAncestorOf(QApplication.focusWidget())
    # A click on a Run tab button (buttons take no focus) also brings the focus in.
    main.ui.sessionList.setFocus()
    qtbot.mouseClick(run.buttons["blackout"], Qt.MouseButton.LeftButton)
    assert run.isAncestorOf(QApplication.focusWidget())
