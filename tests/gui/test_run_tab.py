"""Drive the Run tab like a moderator: a panel of 8 speakers through the keyboard, with
pauses, added time, overtime, a floor request and a reorder; the event file records all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
)

from facilitator.core.model import Person, Session, Slot, SlotKind
from facilitator.core.timer import Level, Phase
from facilitator.gui.main_window import MainWindow
from facilitator.gui.speaker_dialog import SpeakerDialog
from facilitator.store import sessions as store

PANEL = [
    ("Ada Opening", SlotKind.OPENING, 3, "Local and regional governments", "woman"),
    ("Ben Keynote", SlotKind.KEYNOTE, 5, "UN and international organisations", "man"),
    ("Cleo Mayor", SlotKind.PANELLIST, 4, "Local and regional governments", "woman"),
    ("Dev Minister", SlotKind.PANELLIST, 4, "National governments", "man"),
    ("Eli Civil", SlotKind.PANELLIST, 4, "Civil society", ""),
    ("Fay Academic", SlotKind.PANELLIST, 3, "Academia", "woman"),
    ("Gus Business", SlotKind.PANELLIST, 3, "Private sector", "man"),
    ("Hana Closing", SlotKind.CLOSING, 2, "Local and regional governments", "woman"),
]


@pytest.fixture
def window(qtbot, document):
    slots = tuple(Slot(person=Person(name=name, role="Speaker", organisation="Org",
                                     constituency=constituency, gender=gender),
                       kind=kind, planned_seconds=minutes * 60)
                  for name, kind, minutes, constituency, gender in PANEL)
    session_id = store.add_session(document.file, Session(title="Panel of eight", slots=slots))
    document.sessions_did_change.emit()
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.activateWindow()
    qtbot.waitActive(main)
    main.select_session(session_id)
    main.ui.tabs.setCurrentWidget(main.tabs["Run"])
    main.session_id = session_id
    return main


def run_tab(main):
    return main.tabs["Run"]


def press(qtbot, main, key, modifier=Qt.KeyboardModifier.NoModifier):
    tab = run_tab(main)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, key, modifier)
    tab.refresh_clock()


def stored(main):
    return store.get_session(main.document.file, main.session_id)


def slot_named(main, name):
    return next(s for s in stored(main).slots if s.person.name == name)


def test_a_panel_of_eight_from_the_keyboard(qtbot, window):
    main, clock, file = window, window.document.clock, window.document.file
    tab = run_tab(main)
    t0 = clock.now()
    assert tab.speaker_label.text() == "Ada Opening"
    assert tab.clock_face.text == "3:00"

    # Ada: start, 60 s, pause 30 s, resume, 100 s more, next.
    press(qtbot, main, Qt.Key.Key_Space)
    ada = slot_named(main, "Ada Opening")
    assert ada.clock.started_at == t0 and stored(main).current_slot_id == ada.id
    clock.advance(60)
    press(qtbot, main, Qt.Key.Key_Space)
    assert slot_named(main, "Ada Opening").phase is Phase.PAUSED
    assert tab.projector.banner.text == "PAUSED" and tab.projector.banner.paused
    clock.advance(30)
    tab.refresh_clock()
    assert tab.clock_face.text == "2:00"  # the pause does not count
    press(qtbot, main, Qt.Key.Key_Space)
    clock.advance(100)
    tab.refresh_clock()
    assert tab.clock_face.text == "0:20" and tab.clock_face.level is Level.DANGER
    assert tab.projector.banner.text == "PLEASE CONCLUDE"
    press(qtbot, main, Qt.Key.Key_N)
    ada = slot_named(main, "Ada Opening")
    assert ada.phase is Phase.ENDED
    assert ada.clock.paused_total == 30 and ada.clock.elapsed(clock.now()) == 160

    # Ben: added time from the keyboard (+30 s twice, +1 min, -30 s = +90 s).
    assert tab.speaker_label.text() == "Ben Keynote"
    press(qtbot, main, Qt.Key.Key_Space)
    press(qtbot, main, Qt.Key.Key_Plus)
    press(qtbot, main, Qt.Key.Key_Equal)
    press(qtbot, main, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, main, Qt.Key.Key_Minus)
    assert slot_named(main, "Ben Keynote").clock.adjustment == 90
    assert tab.clock_face.text == "6:30"
    clock.advance(5 * 60 + 30)
    tab.refresh_clock()
    assert tab.clock_face.level is Level.WARNING and tab.projector.banner.text == "1 MIN LEFT"
    press(qtbot, main, Qt.Key.Key_N)

    # Cleo: goes into overtime; the projector says so in words and shape, negative.
    press(qtbot, main, Qt.Key.Key_Space)
    clock.advance(4 * 60 + 75)
    tab.refresh_clock()
    assert tab.clock_face.text == "-1:15"
    assert tab.projector.clock_face.level is Level.OVERTIME
    assert tab.projector.banner.text == "OVER TIME"
    assert "1:15 over" in tab.model.index(2, 9).data()
    assert "overtime so far 1:15" in tab.session_clock_label.text()
    assert "behind" in tab.session_clock_label.text()

    # A floor request in one keystroke plus a name; "n" typed in the name is not "Next".
    press(qtbot, main, Qt.Key.Key_R)
    assert QApplication.focusWidget() is tab.floor_edit
    qtbot.keyClicks(tab.floor_edit, "Nina from the floor")
    assert stored(main).current_slot_id == slot_named(main, "Cleo Mayor").id
    qtbot.keyClick(tab.floor_edit, Qt.Key.Key_Return)
    names = [s.person.name for s in stored(main).slots]
    assert names[-2:] == ["Nina from the floor", "Hana Closing"]  # before the closing
    assert slot_named(main, "Nina from the floor").kind is SlotKind.FLOOR
    press(qtbot, main, Qt.Key.Key_N)

    # Reorder: drag Gus up to speak right after Dev (as the view's drop does), then
    # Ctrl+Down moves Eli below Fay.
    assert tab.speaker_label.text() == "Dev Minister"
    model = tab.model
    assert tab.table.dragDropMode() is QAbstractItemView.DragDropMode.InternalMove
    gus_row = [s.person.name for s in model.slots()].index("Gus Business")
    mime = model.mimeData([model.index(gus_row, 1)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, model.index(-1, -1))
    order = [s.person.name for s in stored(main).slots]
    assert order[3:6] == ["Dev Minister", "Gus Business", "Eli Civil"]
    tab.table.setCurrentIndex(model.index(5, 1))  # Eli
    press(qtbot, main, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    order = [s.person.name for s in stored(main).slots]
    assert order == ["Ada Opening", "Ben Keynote", "Cleo Mayor", "Dev Minister", "Gus Business",
                     "Fay Academic", "Eli Civil", "Nina from the floor", "Hana Closing"]
    assert "next: \u2068Gus Business\u2069" in tab.session_clock_label.text()  # isolated

    # The rest of the panel: Space, a little talk, N; nobody is ever two-at-once.
    while stored(main).current_slot_id is not None:
        press(qtbot, main, Qt.Key.Key_Space)
        clock.advance(90)
        running = [s for s in stored(main).slots if s.phase is Phase.RUNNING]
        assert len(running) == 1
        press(qtbot, main, Qt.Key.Key_N)
    final = stored(main).slots
    assert len(final) == 9 and all(s.phase is Phase.ENDED for s in final)
    assert tab.speaker_label.text() == "No speaker"

    # P brings the last speaker back, paused, with their time kept.
    press(qtbot, main, Qt.Key.Key_P)
    hana = slot_named(main, "Hana Closing")
    assert hana.phase is Phase.PAUSED and hana.clock.elapsed(clock.now()) == 90
    press(qtbot, main, Qt.Key.Key_N)

    # Re-add the last speaker (Ctrl+R) for a reply.
    press(qtbot, main, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert [s.person.name for s in stored(main).slots][-1] == "Hana Closing"
    assert len(stored(main).slots) == 10

    # Every transition is in the append-only log.
    actions = [e["action"] for e in file.log_entries(main.session_id)]
    for expected in ("timer_started", "timer_paused", "timer_resumed", "time_adjusted",
                     "next_speaker", "previous_speaker", "slot_added", "slots_reordered"):
        assert expected in actions
    assert file.integrity_check() == "ok"

    # Statistics: per speaker, per constituency, per gender.
    tab.statistics_action.trigger()
    dialog = tab.statistics_dialog
    assert dialog.tabs.count() == 3
    speakers = dialog.tabs.widget(0)
    assert speakers.rowCount() == 9  # Hana spoke twice: one row, two turns planned
    labels = {speakers.item(r, 0).text(): speakers.item(r, 3).text()
              for r in range(speakers.rowCount())}
    assert labels["Ada Opening"] == "2:40"
    genders = dialog.tabs.widget(2)
    assert {genders.item(r, 0).text() for r in range(genders.rowCount())} == {
        "woman", "man", "not stated"}
    dialog.close()


def test_single_letter_shortcuts_do_not_fire_while_typing(qtbot, window):
    tab = run_tab(window)
    tab.floor_edit.setFocus()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_B, Qt.Key.Key_M,
                Qt.Key.Key_F, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_R):
        qtbot.keyClick(tab.floor_edit, key)
    session = stored(window)
    assert session.current_slot_id is None
    assert all(s.phase is Phase.NOT_STARTED for s in session.slots)
    assert not tab.projector.blackout and not tab.projector.isFullScreen()
    assert tab.floor_edit.text() == " npbmf+-r"
    qtbot.keyClick(tab.floor_edit, Qt.Key.Key_Escape)
    assert tab.floor_edit.text() == ""
    # The same keys, outside a text field, do act.
    press(qtbot, window, Qt.Key.Key_B)
    assert tab.projector.blackout and tab.projector.current_page() == "blackout"
    press(qtbot, window, Qt.Key.Key_B)
    assert tab.projector.current_page() == "stage"


def test_shortcuts_are_listed_in_help_and_in_menus(qtbot, window):
    from facilitator.gui.help import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    table = dialog.findChild(QTableWidget, "shortcutTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    for text, key in (("Start / pause", "Space"), ("Next speaker", "N, PgDown, Right"),
                      ("Previous speaker", "P, PgUp, Left"), ("Add 30 s", "+, ="),
                      ("Take away 30 s", "-"), ("Blackout", "B, ."),
                      ("Message to the speaker", "M"),
                      ("Projector fullscreen", "F"), ("Floor request", "R"),
                      ("Accept next floor request from a phone", "A")):
        assert rows[text] == key, text
    menu_texts = {a.text() for a in window.ui.menuSession.actions()}
    menu_texts |= {a.text() for a in window.ui.menuView.actions()}
    for action in run_tab(window).menu_actions() + run_tab(window).view_actions():
        assert action.text() in menu_texts


def test_thresholds_chime_add_remove_and_message(qtbot, window):
    main, clock = window, window.document.clock
    tab = run_tab(main)
    tab.warning_box.setValue(120)
    tab.danger_box.setValue(45)
    session = stored(main)
    assert (session.warning_seconds, session.danger_seconds, session.chime) == (120, 45, False)
    qtbot.mouseClick(tab.chime_box, Qt.MouseButton.LeftButton)
    assert stored(main).chime is True

    press(qtbot, main, Qt.Key.Key_Space)
    clock.advance(60)
    tab.refresh_clock()
    assert tab.projector.banner.text == "2 MIN LEFT"
    clock.advance(180 - 60 - 1)
    tab.refresh_clock()
    assert tab.chime.plays == 0
    clock.advance(2)
    tab.refresh_clock()
    clock.advance(1)
    tab.refresh_clock()
    assert tab.chime.plays == 1  # once, at the crossing

    # Add a speaker through the dialog.
    tab.add_speaker_action.trigger()
    dialog = tab.findChild(SpeakerDialog)
    qtbot.keyClicks(dialog.name_edit, "Zoe Late Minister")
    dialog.role_edit.setText("Minister")
    dialog.minutes_box.setValue(2.5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    zoe = slot_named(main, "Zoe Late Minister")
    assert zoe.planned_seconds == 150 and zoe.person.role == "Minister"

    # Remove a waiting speaker.
    row = [s.person.name for s in tab.model.slots()].index("Zoe Late Minister")
    tab.table.setCurrentIndex(tab.model.index(row, 1))
    qtbot.mouseClick(tab.buttons["removeSpeaker"], Qt.MouseButton.LeftButton)
    assert "Zoe Late Minister" not in [s.person.name for s in stored(main).slots]

    # M: a blinking message on the projector.
    press(qtbot, main, Qt.Key.Key_M)
    message = tab.message_dialog
    message.text_box.setEditText("Please conclude")
    message.accept()
    assert tab.projector.message == "Please conclude" and tab.projector.blinking
    press(qtbot, main, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier)
    assert tab.projector.message == ""


def test_removing_the_shown_session_leaves_an_empty_tab(qtbot, document):
    from facilitator.gui.run_tab import RunTab

    tab = RunTab(document)
    qtbot.addWidget(tab)
    session_id = store.list_sessions(document.file)[0].id
    tab.set_session(session_id)
    store.remove_session(document.file, session_id)
    document.sessions_did_change.emit()
    assert tab.session_id is None and tab.session is None
    assert not tab.findChildren(QMessageBox)
    tab.shutdown()


def test_projector_window_follows_its_menu_action(qtbot, window):
    tab = run_tab(window)
    tab.projector_action.trigger()
    assert tab.projector.isVisible() and tab.projector_action.isChecked()
    tab.projector.close()  # its own close button
    assert not tab.projector_action.isChecked()
    press(qtbot, window, Qt.Key.Key_F)
    assert tab.projector.isFullScreen() and tab.projector_action.isChecked()
    qtbot.keyClick(tab.projector, Qt.Key.Key_Escape)
    assert not tab.projector.isFullScreen()


def test_kind_and_gender_are_picked_from_a_list_in_place(qtbot, window):
    from PySide6.QtWidgets import QStyleOptionViewItem

    from facilitator.gui.slot_model import Column

    tab = run_tab(window)
    for row, column, value in ((2, Column.KIND, SlotKind.KEYNOTE.value),
                               (4, Column.GENDER, "non-binary")):
        index = tab.model.index(row, column)
        delegate = tab.table.itemDelegateForColumn(column)
        editor = delegate.createEditor(tab.table.viewport(), QStyleOptionViewItem(), index)
        delegate.setEditorData(editor, index)
        editor.setCurrentIndex(editor.findData(value))
        delegate.setModelData(editor, tab.model, index)
        editor.deleteLater()
    assert slot_named(window, "Cleo Mayor").kind is SlotKind.KEYNOTE
    assert slot_named(window, "Eli Civil").person.gender == "non-binary"


def _add_by_keys(qtbot, main, name):
    """Ctrl+Shift+A (Session › Add speaker…), a name, Enter."""
    tab = run_tab(main)
    qtbot.keyClick(tab.table, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    def shown():
        return [d for d in tab.findChildren(SpeakerDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=2000)
    dialog = shown()[0]
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_a_speaker_added_mid_panel_comes_before_the_closing_or_after_the_selected(
        qtbot, window):
    """Not after the closing remarks: before them, or right after the speaker selected if
    they are still to come; the shortcut and the menu alike, and undo/redo keep the place."""
    main = window
    tab = run_tab(main)
    press(qtbot, main, Qt.Key.Key_Space)  # Ada speaks
    press(qtbot, main, Qt.Key.Key_N)  # Ben speaks
    tab.table.clearSelection()
    _add_by_keys(qtbot, main, "Zoe Late Minister")
    names = [s.person.name for s in stored(main).slots]
    assert names[-2:] == ["Zoe Late Minister", "Hana Closing"]

    main.undo_action.trigger()
    assert "Zoe Late Minister" not in [s.person.name for s in stored(main).slots]
    main.redo_action.trigger()
    assert [s.person.name for s in stored(main).slots] == names

    # Dev Minister selected (still to come): the new speaker follows him.
    tab.table.selectRow([s.person.name for s in tab.model.slots()].index("Dev Minister"))
    _add_by_keys(qtbot, main, "Yan Mayor")
    names = [s.person.name for s in stored(main).slots]
    assert names[names.index("Dev Minister") + 1] == "Yan Mayor"

    # Ada (who has spoken) selected: nobody speaks in the past; before the closing.
    tab.table.selectRow(0)
    _add_by_keys(qtbot, main, "Xu Envoy")
    assert [s.person.name for s in stored(main).slots][-2:] == ["Xu Envoy", "Hana Closing"]
