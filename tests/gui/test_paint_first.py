"""The app's first window is painted before its hidden tabs are built and read their
session (issue 17: start-up), and nothing is lost by it: a tab shown, or asked for, is
built and up to date at once, its menu entries and keys work the instant they are used,
and every tab is there within a few turns of the event loop after the paint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from facilitator.gui.main_window import MainWindow

HIDDEN = ("Run", "Questions", "Polls", "Notes", "Summary")


def session_of(window: MainWindow, name: str) -> int | None:
    """The tab's session as it is, without building it or bringing it up to date (None
    while it is not built)."""
    tab: QWidget | None = window.tabs.built(name)
    return tab.session_id if tab is not None else None


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
    assert all(window.tabs.built(name) is None for name in HIDDEN)  # not even built
    assert window.ui.tabs.count() == len(window.tabs)  # every tab's name in the tab bar
    assert window.details.ui.timeZoneCombo.count() == 0
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.settled)
    assert all(session_of(window, name) == first for name in HIDDEN)
    combo = window.details.ui.timeZoneCombo
    assert combo.count() > 300 and combo.currentText() == document.time_zone.key


def test_a_tab_shown_or_asked_for_before_then_is_up_to_date(qtbot, document):
    window = make(qtbot, document)
    first = window.current_session_id()
    shown = []
    window.ui.tabs.currentChanged.connect(lambda _: shown.append(window.ui.tabs.currentWidget()))
    window.ui.tabs.setCurrentIndex(4)  # the user clicks Notes: before the event loop runs
    notes = window.tabs.built("Notes")
    assert notes is not None and window.ui.tabs.currentWidget() is notes
    assert shown == [notes]  # whoever hears of the change finds the tab itself there
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


def entries(menu: QMenu) -> list[str]:
    """A menu's entries as the user reads them, submenus opened (separators as "--")."""
    found = []
    for action in menu.actions():
        found.append("--" if action.isSeparator() else action.text().replace("&", ""))
        if action.menu() is not None:
            found += [f"{found[-1]} › {entry}" for entry in entries(action.menu())]
    return found


def test_a_key_of_a_tab_not_built_yet_acts_at_once(qtbot, document, monkeypatch):
    from facilitator.gui.notes_tab import NotesTab

    taken = []
    monkeypatch.setattr(NotesTab, "focus_entry", lambda tab: taken.append(tab))
    # The key comes in the instant after the paint, before the turns that build the tabs.
    monkeypatch.setattr(MainWindow, "_bring_next_tab_up_to_date", lambda window: None)
    window = make(qtbot, document)
    window.activateWindow()  # window-wide keys act in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.tabs.built("Notes") is None
    window.ui.sessionList.setFocus()
    # Session › Notes › Take a note (Ctrl+Shift+N).
    qtbot.keyClick(window.ui.sessionList, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert taken == [window.tabs.built("Notes")]
    assert window.tabs.built("Notes").session_id == window.current_session_id()


def test_the_keys_of_waiting_tabs_are_watched_on_the_focus_object_only(qtbot, document,
                                                                      monkeypatch):
    """Not every Qt event of the application through Python while tabs wait: that cost
    ~1,000 calls in the first paint, and the first event of a Qt object PySide6 does not
    wrap made it create every class of QtCore, QtGui and QtWidgets (issue 17)."""
    from facilitator.gui import main_window

    seen: list[bool] = []
    watch = main_window._KeysOfWaitingTabs.eventFilter

    def counted(self, watched, event):
        seen.append(watched is QApplication.focusObject())
        return watch(self, watched, event)

    monkeypatch.setattr(main_window._KeysOfWaitingTabs, "eventFilter", counted)
    monkeypatch.setattr(MainWindow, "_bring_next_tab_up_to_date", lambda window: None)
    window = make(qtbot, document)
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.sessionList.setFocus()
    qtbot.wait(20)
    assert window.tabs.waiting()  # still watching
    assert seen and all(seen)


def test_tab_leaves_the_tables_and_text_boxes_of_tabs_built_after_the_paint(qtbot, document):
    """Tab moves on from every table and text box (keyboard.free_tab_key), in the tabs
    built after the window too: the speakers table kept Tab for its cells."""
    from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit

    window = make(qtbot, document)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.settled)
    views = window.findChildren(QAbstractItemView)
    boxes = window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit)
    assert window.tabs["Run"].table in views
    assert [v.objectName() for v in views if v.tabKeyNavigation()] == []
    assert [b.objectName() for b in boxes if not b.tabChangesFocus()] == []


def test_tab_leaves_the_shown_tabs_table_from_the_first_key(qtbot, document, monkeypatch):
    """The tab on screen, built before the paint, is freed once the window is painted (or
    by the first key, if it comes before that turn: the keys of waiting tabs are watched),
    with the hidden tabs still waiting for their turns."""
    monkeypatch.setattr(MainWindow, "_bring_next_tab_up_to_date", lambda window: None)
    window = make(qtbot, document)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    table = window.details.ui.slotTable
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # on to the next control, not the next cell


def whole_window(qtbot, tmp_path) -> dict[str, list[str]]:
    """A window made whole at once (every tab built), on a file of its own: its menus'
    entries, the keys of its window-wide actions and its tab bar's labels; closed."""
    from facilitator.core.clock import FakeClock
    from facilitator.gui.document import EventDocument
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file

    path = create_event_file(tmp_path / "whole.db", "walrg")
    whole = MainWindow(EventDocument(EventFile.open(path), clock=FakeClock()))
    qtbot.addWidget(whole)
    seen = {name: entries(getattr(whole.ui, name)) for name in ("menuSession", "menuView")}
    seen["keys"] = sorted(a.shortcut().toString() for a in whole.actions())
    seen["tab bar"] = [whole.ui.tabs.tabText(i) for i in range(whole.ui.tabs.count())]
    whole.close()
    return seen


def test_menus_opened_before_the_tabs_are_built_are_whole(qtbot, document, tmp_path):
    whole = whole_window(qtbot, tmp_path)
    assert "Notes › Take a note" in whole["menuSession"]
    window = make(qtbot, document)
    for name in ("menuSession", "menuView"):
        menu: QMenu = getattr(window.ui, name)
        menu.aboutToShow.emit()  # as the menu opens, before it is laid out
        assert entries(menu) == whole[name]
    assert window.tabs.waiting() == []
    assert sorted(a.shortcut().toString() for a in window.actions()) == whole["keys"]


def test_tabs_built_in_any_order_keep_the_menus_in_the_tab_bars_order(qtbot, document,
                                                                     tmp_path):
    whole = whole_window(qtbot, tmp_path)
    window = make(qtbot, document)
    for name in ("Summary", "Notes", "Questions", "Polls", "Run"):
        window.tabs[name]  # built as it is asked for
    assert entries(window.ui.menuSession) == whole["menuSession"]
    assert entries(window.ui.menuView) == whole["menuView"]
    assert [window.ui.tabs.tabText(i) for i in range(window.ui.tabs.count())] == whole["tab bar"]
    assert [window.ui.tabs.widget(i) for i in range(window.ui.tabs.count())] == [
        window.tabs.built(name) for name in window.tabs]


def test_the_shortcuts_list_names_the_keys_of_tabs_not_built_yet(qtbot, document):
    from PySide6.QtWidgets import QTableWidget

    window = make(qtbot, document)
    assert window.tabs.built("Notes") is None
    window.show_shortcuts()  # Help › Keyboard shortcuts, before the turns after the paint
    dialog = window.findChild(QTableWidget, "shortcutTable").window()
    table = dialog.findChild(QTableWidget, "shortcutTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Take a note"] == "Ctrl+Shift+N"
    assert rows["Open questions for this session"] == "Ctrl+Shift+O"
    dialog.close()


def test_the_agenda_keeps_its_width_when_the_hidden_tabs_arrive(qtbot, document, tmp_path):
    """The blank pages are as wide as the widest tab was last time: the first paint's
    layout is the one every tab built gives (no jump of the agenda after the paint)."""
    from PySide6.QtCore import QSettings

    from facilitator.gui.main_window import TAB_PAGE_WIDTH

    QSettings().remove(TAB_PAGE_WIDTH)
    try:
        first = make(qtbot, document)
        qtbot.waitUntil(lambda: first.settled)
        whole = first.ui.tabs.minimumSizeHint().width()
        first.close()

        from facilitator.core.clock import FakeClock
        from facilitator.gui.document import EventDocument
        from facilitator.store import EventFile
        from facilitator.store.agenda_io import create_event_file

        path = create_event_file(tmp_path / "again.db", "walrg")
        again = make(qtbot, EventDocument(EventFile.open(path), clock=FakeClock()))
        assert again.tabs.waiting()  # before the paint: the hidden tabs are not built
        assert again.ui.tabs.minimumSizeHint().width() == whole
        qtbot.waitUntil(lambda: again.settled)
        assert again.ui.tabs.minimumSizeHint().width() == whole
        again.close()
    finally:
        QSettings().remove(TAB_PAGE_WIDTH)
