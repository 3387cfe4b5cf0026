"""A date or time box is one Tab stop, as every other control: Tab and Shift+Tab leave it
in one press; its parts (day, month, year, hour, minute) are reached with Left and Right
and changed with Up, Down or typed digits (``keyboard.DatePartKeys``). Qt's boxes walked
their parts with Tab: five presses to pass the session's start on the Details tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from facilitator.gui.speaker_dialog import SpeakerDialog
from tests.gui.test_accessibility import make_window, tab_walk


@pytest.fixture
def details(qtbot, document):
    """The main window on the Details tab, and the Tab stops from the tab bar on."""
    window = make_window(qtbot, document)
    page = window.tabs["Details"]
    window.ui.tabs.setCurrentWidget(page)
    qtbot.wait(20)
    return window, page, tab_walk(qtbot, window)


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.mark.parametrize("box_name", ["startsEdit", "endsEdit"])
def test_tab_and_shift_tab_leave_the_box_in_one_press(qtbot, details, box_name):
    _window, page, stops = details
    box = getattr(page.ui, box_name)
    assert box in stops  # one Tab stop in the walk from the tab bar
    at = stops.index(box)
    focus(qtbot, box)
    assert box.currentSectionIndex() == 0
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is stops[at + 1]
    focus(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is stops[at - 1]


def test_left_and_right_move_between_the_parts_and_typing_changes_one(qtbot, details):
    _window, page, _stops = details
    box = page.ui.startsEdit
    focus(qtbot, box)
    parts = [box.sectionAt(i) for i in range(box.sectionCount())]
    assert set(parts) >= {QDateTimeEdit.Section.DaySection,
                          QDateTimeEdit.Section.MonthSection,
                          QDateTimeEdit.Section.YearSection,
                          QDateTimeEdit.Section.HourSection,
                          QDateTimeEdit.Section.MinuteSection}
    visited = [box.currentSection()]
    for _ in parts:  # one past the last part: it stays there
        qtbot.keyClick(box, Qt.Key.Key_Right)
        visited.append(box.currentSection())
    assert visited == [*parts, parts[-1]]
    assert box.hasFocus()
    # Each part is selected whole as it is reached: typing replaces it.
    assert box.lineEdit().selectedText() == box.sectionText(parts[-1])
    for _ in parts:
        qtbot.keyClick(box, Qt.Key.Key_Left)
    assert box.currentSection() == parts[0]
    # Up changes the part reached, and only it.
    minute = parts.index(QDateTimeEdit.Section.MinuteSection)
    for _ in range(minute):
        qtbot.keyClick(box, Qt.Key.Key_Right)
    before = box.dateTime()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert before.secsTo(box.dateTime()) == 60
    hour = parts.index(QDateTimeEdit.Section.HourSection)
    for _ in range(minute - hour):
        qtbot.keyClick(box, Qt.Key.Key_Left)
    qtbot.keyClicks(box, "09")
    assert box.time().hour() == 9 and box.date() == before.date()


def test_the_speaker_dialogs_until_box_is_one_tab_stop(qtbot, document):
    dialog = SpeakerDialog(clock=document.clock, zone=document.time_zone)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.until_check.setChecked(True)  # the box is enabled and focused
    box = dialog.until_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    qtbot.keyClick(box, Qt.Key.Key_Right)
    assert box.currentSection() == QDateTimeEdit.Section.MinuteSection
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not box
    focus(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.until_check
