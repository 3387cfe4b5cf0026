"""Alt+letter goes where it says, in every language: no two reachable mnemonics share a
letter (reported: Alt+R selected the Details tab's Room field instead of the Run tab, and
the floor request typed after it replaced the room's name)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from facilitator.gui.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    found = re.search(r"&(.)", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def reachable(window: MainWindow, page: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic Alt reaches with ``page`` shown: the tab bar, the
    menu bar, the agenda pane and the page's visible labels, buttons and group boxes."""
    found = [(mnemonic(window.ui.tabs.tabText(i)), "tab " + window.ui.tabs.tabText(i))
             for i in range(window.ui.tabs.count())]
    found += [(mnemonic(a.text()), "menu " + a.text()) for a in window.menuBar().actions()]
    for root in (page, window.ui.sessionList.parentWidget()):
        for kind in (QLabel, QAbstractButton, QGroupBox):
            for widget in root.findChildren(kind):
                if widget.isVisibleTo(window):
                    text = widget.title() if kind is QGroupBox else widget.text()
                    found.append((mnemonic(text), text))
    return [(letter, text) for letter, text in found if letter]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_no_two_mnemonics_share_a_letter(qtbot, document, interface):
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    clashes = {}
    for name, page in window.tabs.items():
        window.ui.tabs.setCurrentWidget(page)
        by_letter = defaultdict(list)
        for letter, text in reachable(window, page):
            by_letter[letter].append(text)
        clashes.update({f"{name} tab, Alt+{letter}": texts
                        for letter, texts in by_letter.items() if len(texts) > 1})
    assert not clashes


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_keyboard_shortcuts_list_shows_whole_names_and_keys(qtbot, document, interface):
    """Help › Keyboard shortcuts: every action's name and keys side by side, nothing cut
    and no sideways scrolling (the French and Spanish names are the longest)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QTableWidget

    from facilitator.gui.help import ShortcutsDialog

    window = MainWindow(document)
    qtbot.addWidget(window)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget, "shortcutTable")
    assert table.rowCount() > 20
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for column in (0, 1):
            text = table.item(row, column).text()
            width = table.columnWidth(column)
            if metrics.horizontalAdvance(text) >= width:  # wrapped: all its lines shown
                lines = metrics.boundingRect(QRect(0, 0, width - 8, 1000),
                                             Qt.TextFlag.TextWordWrap, text)
                assert lines.height() <= table.rowHeight(row), text


def menu_letters(menu, path: str) -> dict[str, list[str]]:
    """Each letter of ``menu`` and its submenus, as they are once opened, with the entries
    that have it: {"Session, Alt+n": ["&Next speaker", "&Notes"], …}."""
    menu.aboutToShow.emit()  # as Qt does when the menu opens: the letters are given then
    letters: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = mnemonic(action.text())
        if letter:
            letters[f"{path}, {letter}"].append(action.text())
        if action.menu() is not None:
            letters.update(menu_letters(action.menu(), f"{path} › {action.text()}"))
    return letters


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_no_two_entries_of_a_menu_share_a_letter(qtbot, document, language):
    """A letter two entries of one menu share only moves between them, and Enter then picks
    the highlighted one (Session › N was Next speaker, not Notes; the French and Spanish
    menus had eleven such pairs)."""
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.build_every_tab()  # each tab adds its menu entries as it is built
    letters = {}
    for action in window.menuBar().actions():
        letters.update(menu_letters(action.menu(), action.text()))
    assert len(letters) > 60
    assert {where: texts for where, texts in letters.items() if len(texts) > 1} == {}
