"""Keyboard conventions for the whole window: Tab always moves on to the next control,
every menu entry has a letter (a mnemonic) or a shortcut, one-key commands act only in the
area they belong to, and typing always goes to the box being typed in.

Qt's tables take Tab to move between their cells by default, and a text box takes it as a
character: a keyboard user would be stuck in the first one reached. Arrows still move
between cells, and a tab character has no place in our one-paragraph fields.

One-key commands (the Run tab's Space, N, P, B…) are *scoped*: ``scope_keys`` makes them
act only while the focus is inside their area (the Run tab, the projector), never in
another tab or a dialog. Inside their area, ``TypingKeysFirst`` hands every typing key to
a focused text box, spin box or combo box (a speaker name being edited in the table, a
floor request) and to an open menu or drop-down list: Qt's own text boxes claim printable
keys, but a combo box, a list, a menu or a spin box's PageUp do not, and a typed "n" must
never move to the next speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMenu,
    QMenuBar,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

# Keys that move the caret or the value inside a box: they belong to the box too.
_EDITING_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete, Qt.Key.Key_Space,
})
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


@cache
def _entry_types() -> tuple[type[QWidget], ...]:
    # Touched at the first key, not as the window's modules are imported: PySide6 makes
    # each Qt class, with its enums, the first time Python touches it, and no tab built
    # for a restart's first paint has a QTextEdit, QPlainTextEdit or QKeySequenceEdit
    # (issue 17: start-up).
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QComboBox,
        QKeySequenceEdit,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    return (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit, QKeySequenceEdit)


def free_tab_key(root: QWidget) -> None:
    """Make Tab leave every table, text box and date or time box under ``root``."""
    from PySide6.QtWidgets import (  # after the paint: see above
        QDateTimeEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for edit in root.findChildren(QPlainTextEdit) + root.findChildren(QTextEdit):
        edit.setTabChangesFocus(True)
    for box in root.findChildren(QDateTimeEdit):  # QDateEdit and QTimeEdit too
        DatePartKeys.give_to(box)


class DatePartKeys(QObject):
    """Keys of a date or time box (QDateTimeEdit, QDateEdit, QTimeEdit) as in most date
    fields: Tab and Shift+Tab move on to the next or previous control, Left and Right move
    between the box's parts (day, month, year, hour, minute), Up and Down and typed digits
    change the part.

    Qt's boxes take Tab to step through their parts: a keyboard user needed five Tabs to
    pass a date and time, and Left/Right moved the caret one digit at a time. One event
    filter, shared by every box (``give_to``), sees only those boxes' events.
    """

    @classmethod
    def give_to(cls, box: QWidget) -> None:
        """Give ``box`` (a QDateTimeEdit or a subclass) these keys; again is harmless."""
        app = QApplication.instance()
        keys = getattr(app, "date_part_keys", None)
        if keys is None:
            keys = app.date_part_keys = cls(app)
        box.installEventFilter(keys)  # installed once however often: Qt moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        key = event.key()
        # macOS marks every arrow key as the keypad's.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & _COMMAND_MODIFIERS:
            return False  # Ctrl+Left/Right: Qt's own part jumps, and shortcuts
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            # QWidget's own focus move, not the box's override that walks its parts.
            QWidget.focusNextPrevChild(watched, forward)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not modifiers:
            self._next_part(watched, forward=(key == Qt.Key.Key_Right)
                            != watched.isRightToLeft())
            return True
        return False

    @staticmethod
    def _next_part(box, forward: bool) -> None:
        """Select the part after (before) the current one; at the last (first), stay."""
        index = box.currentSectionIndex() + (1 if forward else -1)
        if 0 <= index < box.sectionCount():
            box.setCurrentSectionIndex(index)
        box.setSelectedSection(box.currentSection())  # typing replaces the whole part


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


def _without_mnemonic(text: str) -> str:
    return "&&".join(part.replace("&", "") for part in text.split("&&"))


def give_mnemonics(menu: QMenu) -> None:
    """Give every entry of ``menu`` without a mnemonic or shortcut a letter of its own, and
    a letter of its own to an entry whose letter an entry above it has already.

    A letter two entries share only moves between them (Enter then picks the highlighted
    one: Session › N was Next speaker or Notes); translations bring such pairs the English
    menus do not have. Menus filled as they open (recent files, screens) and texts
    translated without an "&" are covered too: it runs again each time the menu opens,
    after the menu is filled.
    """
    entries = [a for a in menu.actions() if not a.isSeparator()]
    taken: set[str] = set()
    clashing = []
    for action in entries:  # the first entry with a letter keeps it
        letter = _mnemonic_of(action.text())
        if letter in taken:
            clashing.append(action)
        elif letter is not None:
            taken.add(letter)
    for action in clashing:
        action.setText(_mnemonic_text(_without_mnemonic(action.text()), taken))
    for action in entries:
        if "&" not in action.text().replace("&&", "") and action.shortcut().isEmpty():
            action.setText(_mnemonic_text(action.text(), taken))
        if action.menu() is not None:
            _give_mnemonics_as_it_opens(action.menu())


def _give_mnemonics_as_it_opens(menu: QMenu) -> None:
    """``give_mnemonics`` now and each time ``menu`` opens (once per menu)."""
    if not menu.property("mnemonics"):
        menu.setProperty("mnemonics", True)
        menu.aboutToShow.connect(lambda m=menu: _menu_shown(m))
        give_mnemonics(menu)


def _menu_shown(menu: QMenu) -> None:
    """An opening menu gets its letters, and the keys typed in it: Qt sends a key's
    ShortcutOverride to the open popup, while the application's focus object (where
    ``TypingKeysFirst`` watches) stays where it was for a submenu on X11 and for any menu
    on other platforms, so File › Export › N was the Run tab's Next speaker."""
    give_mnemonics(menu)
    # Installed as it opens, not as the window is built: before the first paint every
    # event of a watched menu would go through Python (see FocusObjectFilter).
    menu.installEventFilter(TypingKeysFirst.install())


def give_menu_bar_mnemonics(bar: QMenuBar) -> None:
    """``give_mnemonics`` for every menu of the menu bar and their submenus; each one, as it
    opens, takes the letters typed in it (``TypingKeysFirst``)."""
    for action in bar.actions():
        if action.menu() is not None:
            _give_mnemonics_as_it_opens(action.menu())


def scope_keys(actions: Iterable[QAction], *areas: QWidget) -> None:
    """Make ``actions``' shortcuts act only while the focus is inside one of ``areas``.

    The actions may still sit in menus (a click works from anywhere); only the keys are
    scoped. ``areas`` may be separate windows (the Run tab and the projector).
    """
    actions = list(actions)
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for area in areas:
        area.addActions(actions)


def is_text_entry(widget: QObject | None) -> bool:
    """Whether ``widget`` is a box the user types into (text, number, choice)."""
    return isinstance(widget, _entry_types())


@cache
def redo_keys() -> tuple[QKeySequence, ...]:
    """The keys that redo, the platform's own first (the one a menu shows): Ctrl+Shift+Z
    and Ctrl+Y on every platform, each once. Qt's ``QKeySequence.Redo`` is Ctrl+Y on
    Windows but only Ctrl+Shift+Z on a Linux without a desktop environment, and a
    moderator's fingers do not know which laptop they are on."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    keys += [QKeySequence(usual) for usual in ("Ctrl+Shift+Z", "Ctrl+Y")
             if QKeySequence(usual) not in keys]
    return tuple(keys)


def _redoing_box(widget: QObject, event: QKeyEvent) -> QObject | None:
    """The text box ``widget`` (or an editable combo box's line) when ``event`` is a redo
    key Qt's box does not know on this platform (Ctrl+Y on Linux): the box redoes its own
    typing with it, as with Ctrl+Shift+Z, and the window's Redo stays out of it."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None  # most keys: a plain letter typed
    if event.matches(QKeySequence.StandardKey.Redo):
        return None  # the box's own key: Qt handles it
    combined = QKeySequence(event.keyCombination())
    if combined not in redo_keys():
        return None
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) and not widget.isReadOnly():
        return widget
    return None


def is_typing_key(event: QKeyEvent) -> bool:
    """A key that types or moves inside a box: no Ctrl/Alt/Meta, and printable or an
    editing key (arrows, PageUp/PageDown, Home/End, Backspace, Delete, Space)."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return False
    text = event.text()
    return event.key() in _EDITING_KEYS or (bool(text) and text.isprintable())


class FocusObjectFilter(QObject):
    """An event filter (``eventFilter``, to override) on the application's focus object
    only, moved with it (``focusObjectChanged``): it sees every key's ShortcutOverride,
    the event Qt sends to the focus object before a key can become a shortcut, in any
    window, popup or box created at any time (a table cell's editor, a menu).

    An application-wide filter would put every Qt event of the process through Python:
    each waiting for the GIL while the phone server's thread held it (hundreds a second
    with a clock running and a hall polling; ~1,500 of them held the window 0.16 s when a
    big import began). And the first event of an object of a class PySide6 does not wrap
    (the QAnimationTimer QMainWindow's layout starts) made PySide6 create every class of
    QtCore, QtGui and QtWidgets not made yet, with their enums: ~10 ms of the start-up.
    """

    def __init__(self, parent: QObject, app: QApplication) -> None:
        super().__init__(parent)
        self._watched: QObject | None = None
        app.focusObjectChanged.connect(self._follow)
        self._follow(app.focusObject())

    def _follow(self, focused: QObject | None) -> None:
        watched = self._watched
        if watched is not None and shiboken6.isValid(watched):
            watched.removeEventFilter(self)
        self._watched = focused
        if focused is not None:
            focused.installEventFilter(self)

    def stop(self, app: QApplication) -> None:
        """Filter nothing any more (the object can then be deleted)."""
        app.focusObjectChanged.disconnect(self._follow)
        self._follow(None)


class FirstStopAfterTabBar(QObject):
    """Tab from the tab bar goes to the shown page's main control (its ``first_stop()``:
    the speakers list, the questions table, the note entry…), not to whatever its layout
    made first: the questions table was ten Tabs away, behind the phones panel and the
    filters. Shift+Tab from there goes back to the tab bar.

    Put in the focus chain as the tab bar gets the focus and as another page shows while
    it has it (arrow keys), so a control made later (a form built for another session) is
    the one reached. Watches focus and page changes only, never the tab bar's own events.
    """

    def __init__(self, tabs: QTabWidget, app: QApplication) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        app.focusObjectChanged.connect(self._focused)
        tabs.currentChanged.connect(lambda _index: self._focused(QApplication.focusWidget()))

    def _focused(self, focused: QObject | None) -> None:
        tabs = self._tabs
        # The tab bar is the tab widget's only focusable child (the pages are its stack's).
        if focused is None or not shiboken6.isValid(tabs) or focused.parent() is not tabs:
            return
        first_stop = getattr(tabs.currentWidget(), "first_stop", None)
        if first_stop is not None and (stop := first_stop()) is not None:
            QWidget.setTabOrder(focused, stop)


class TypingKeysFirst(FocusObjectFilter):
    """Hands every typing key to the focused text box, spin box or combo box, or to the
    menu or drop-down list open on screen, before any shortcut sees it.

    It looks only at ShortcutOverride, on the focus object (``FocusObjectFilter``): boxes
    created at any time (a table cell's editor) and popups (menus, drop-down lists) are
    covered alike. A text box also redoes its typing with every redo key (``redo_keys``),
    not only with the one Qt gives it on this platform.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app, app)

    @classmethod
    def install(cls, app: QApplication | None = None) -> TypingKeysFirst:
        app = app or QApplication.instance()
        # Kept on the application: findChild would make a Python object for each of its
        # children, its style among them (QStyle's enums, ~7 ms before the first paint).
        existing = getattr(app, "typing_keys_first", None)
        if existing is None:
            existing = app.typing_keys_first = cls(app)
        return existing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            box = _redoing_box(watched, event)
            if box is None:
                return False
            box.redo()
            return True
        if kind != QEvent.Type.ShortcutOverride:
            return False
        if _redoing_box(watched, event) is not None:
            event.accept()  # comes back as a key press, above
            return True
        if is_typing_key(event) and (is_text_entry(watched)
                                     or QApplication.activePopupWidget() is not None):
            event.accept()  # the key goes to the box or the popup as a key press
            return True
        return False
