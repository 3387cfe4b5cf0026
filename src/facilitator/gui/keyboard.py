"""Keyboard conventions for the whole window: Tab always moves on to the next control, and
every menu entry has a letter (a mnemonic) or a shortcut.

Qt's tables take Tab to move between their cells by default, and a text box takes it as a
character: a keyboard user would be stuck in the first one reached. Arrows still move
between cells, and a tab character has no place in our one-paragraph fields.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def free_tab_key(root: QWidget) -> None:
    """Make Tab leave every table and text box under ``root``."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for edit in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        edit.setTabChangesFocus(True)


def _mnemonic_text(text: str, taken: set[str]) -> str:
    """``text`` with "&" before its first letter not yet ``taken`` (or its first letter)."""
    letters = [i for i, ch in enumerate(text) if ch.isalnum()]
    if not letters:
        return text
    chosen = next((i for i in letters if text[i].casefold() not in taken), letters[0])
    taken.add(text[chosen].casefold())
    return text[:chosen] + "&" + text[chosen:]


def _mnemonic_of(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    plain = text.replace("&&", "")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


def give_mnemonics(menu: QMenu) -> None:
    """Give every entry of ``menu`` without a mnemonic or shortcut a letter of its own.

    Menus filled as they open (recent files, screens) and texts translated without an "&"
    are covered too: it runs again each time the menu opens, after the menu is filled.
    """
    entries = [a for a in menu.actions() if not a.isSeparator()]
    taken = {m for a in entries if (m := _mnemonic_of(a.text()))}
    for action in entries:
        if "&" not in action.text().replace("&&", "") and action.shortcut().isEmpty():
            action.setText(_mnemonic_text(action.text(), taken))
        if action.menu() is not None and not action.menu().property("mnemonics"):
            sub = action.menu()
            sub.setProperty("mnemonics", True)
            sub.aboutToShow.connect(lambda m=sub: give_mnemonics(m))
            give_mnemonics(sub)


def give_menu_bar_mnemonics(bar: QMenuBar) -> None:
    """``give_mnemonics`` for every menu of the menu bar and their submenus."""
    for action in bar.actions():
        menu = action.menu()
        if menu is not None and not menu.property("mnemonics"):
            menu.setProperty("mnemonics", True)
            menu.aboutToShow.connect(lambda m=menu: give_mnemonics(m))
            give_mnemonics(menu)
