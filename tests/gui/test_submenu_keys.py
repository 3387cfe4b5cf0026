"""A letter typed in an open submenu (File › Export, View › Language, …) is the submenu's,
never a room key: File › Export › N (Notes of this session…) once moved the panel to the
next speaker, and View › Language › F (Français) put the projector full screen.

Qt sends a key's ShortcutOverride to the open popup, not to the application's focus
object, which stays on the first menu when a submenu opens; every submenu of every menu
of the window is tried here with every room key, with the Run tab on screen and a speaker
running (where the room keys act)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from facilitator.core.timer import Phase
from facilitator.gui.keyboard import give_menu_bar_mnemonics
from facilitator.gui.main_window import MainWindow
from facilitator.store import sessions as store
from tests.gui.test_room_keys import activate, last_log_id, log_actions, room_state

ROOM_KEYS = "nNpPbBfFmMrRaA+-=. "


def mnemonic(action: QAction) -> str:
    text = action.text().replace("&&", "")
    at = text.find("&")
    return text[at + 1].casefold() if 0 <= at < len(text) - 1 else ""


def submenu_paths(bar) -> list[list[QAction]]:
    """Every submenu of the menu bar's menus, as the actions that lead to it."""
    paths = []

    def walk(menu: QMenu, path: list[QAction]) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None and action.isVisible() and action.isEnabled():
                sub.aboutToShow.emit()  # menus filled as they open (recent files, screens)
                if not any(a.isVisible() and a.isEnabled() for a in sub.actions()):
                    continue  # nothing to type to (no recent file yet)
                paths.append([*path, action])
                walk(action.menu(), [*path, action])

    for action in bar.actions():
        if action.menu() is not None:
            walk(action.menu(), [action])
    return paths


def open_by_keys(qtbot, main: MainWindow, path: list[QAction]) -> QMenu:
    """Open ``path`` the way a keyboard user does: Alt+letter, then each letter."""
    qtbot.keyClick(main, mnemonic(path[0]), Qt.KeyboardModifier.AltModifier)
    for action in path[1:]:
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        holder = QApplication.activePopupWidget()
        qtbot.keyClick(holder, mnemonic(action))
        # A letter two entries share only moves between them: then Right opens it.
        for _ in holder.actions():
            if QApplication.activePopupWidget() is action.menu():
                break
            if holder.activeAction() is action:
                qtbot.keyClick(holder, Qt.Key.Key_Right)
            else:
                qtbot.keyClick(holder, mnemonic(action))
    menu = path[-1].menu()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    return menu


def close_popups() -> None:
    while (popup := QApplication.activePopupWidget()) is not None and shiboken6.isValid(popup):
        popup.close()


@pytest.fixture
def speaking(qtbot, document):
    """The sample event's window, the Run tab on screen, its first speaker running:
    (window, Run tab, session id)."""
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    activate(qtbot, main)
    run = main.tabs["Run"]
    main.ui.tabs.setCurrentWidget(run)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_Space)
    try:
        yield main, run, main.current_session_id()
    finally:
        close_popups()
        run.shutdown()


def test_room_keys_typed_in_a_submenu_stay_in_it(qtbot, speaking):
    main, run, session_id = speaking
    assert store.get_session(main.document.file, session_id).slots[0].phase is Phase.RUNNING
    main.build_every_tab()
    give_menu_bar_mnemonics(main.menuBar())
    paths = submenu_paths(main.menuBar())
    names = {path[-1].menu().objectName() for path in paths}
    assert {"menuExport", "menuReportLanguage"} <= names, names
    for path in paths:
        menu = path[-1].menu()
        where = " › ".join(a.text() for a in path)
        own = {mnemonic(a) for a in menu.actions()}
        for key in ROOM_KEYS:
            if key.casefold() in own:
                continue  # the submenu's own letter: its entry acts (tried below)
            before, since = room_state(main, session_id), last_log_id(main)
            menu = open_by_keys(qtbot, main, path)
            qtbot.keyClick(menu, key)
            assert room_state(main, session_id) == before, (where, key)
            assert log_actions(main, since) == [], (where, key)
            # A letter the submenu has no entry for leaves it open (Space is the
            # menu's own key: it picks the entry under the cursor, if any).
            assert key == " " or QApplication.activePopupWidget() is menu, (where, key)
            close_popups()
            run.table.setFocus()


def test_file_export_n_asks_for_the_notes_file_and_the_speaker_keeps_talking(qtbot, speaking):
    main, run, session_id = speaking
    asked = []
    main.export_menu.ask_path = lambda *args, **kwargs: (asked.append(args), ("", ""))[1]
    before, since = room_state(main, session_id), last_log_id(main)
    export = open_by_keys(qtbot, main, [main.ui.menuFile.menuAction(),
                                        main.export_menu.actions["actionExportAgenda"]
                                        .parent().menuAction()])
    assert export.objectName() == "menuExport"
    qtbot.keyClick(export, "n")
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert room_state(main, session_id) == before
    assert log_actions(main, since) == []
