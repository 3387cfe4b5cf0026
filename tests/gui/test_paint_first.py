"""The app's first window is painted before its hidden tabs read their session (issue 17:
start-up), and nothing is lost by it: a tab shown, or asked for, is up to date at once,
and every tab is within a few turns of the event loop after the paint."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.gui.main_window import MainWindow

HIDDEN = ("Run", "Questions", "Polls", "Notes", "Summary")


def session_of(window: MainWindow, name: str) -> int | None:
    """The tab's session as it is, without bringing the tab up to date."""
    tab: QWidget = dict.__getitem__(window.tabs, name)
    return tab.session_id


def make(qtbot, document) -> MainWindow:
    window = MainWindow(document, paint_first=True)
    qtbot.addWidget(window)
    window.show()
    return window


def test_hidden_tabs_read_their_session_after_the_first_paint(qtbot, document):
    window = make(qtbot, document)
    first = window.current_session_id()
    assert first is not None
    assert window.ui.tabs.currentWidget() is window.details
    assert window.details.session_id == first  # the tab on screen: before the paint
    assert not window.settled
    assert window.details.ui.timeZoneCombo.count() == 0
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.settled)
    assert all(session_of(window, name) == first for name in HIDDEN)
    combo = window.details.ui.timeZoneCombo
    assert combo.count() > 300 and combo.currentText() == document.time_zone.key


def test_a_tab_shown_or_asked_for_before_then_is_up_to_date(qtbot, document):
    window = make(qtbot, document)
    first = window.current_session_id()
    notes = dict.__getitem__(window.tabs, "Notes")
    window.ui.tabs.setCurrentWidget(notes)  # the user clicks it: before the event loop runs
    assert notes.session_id == first
    assert window.tabs["Summary"].session_id == first  # asked for by name
    assert session_of(window, "Polls") != first  # still waiting for its turn


def test_a_session_chosen_before_the_paint_is_the_one_the_tabs_get(qtbot, document):
    window = make(qtbot, document)
    second = window.session_model.session_at(1).id
    window.select_session(second)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.settled)
    assert all(session_of(window, name) == second for name in HIDDEN)


def test_closing_before_the_hidden_tabs_read_reads_nothing(qtbot, document):
    window = make(qtbot, document)
    window.close()  # the event file is closed with the window
    qtbot.wait(50)  # the turns after the paint come and go: no read of a closed file
    assert session_of(window, "Summary") is None
