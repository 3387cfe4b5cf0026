"""User text (names, titles, questions, notes, file names) on Qt surfaces, shown as typed.

Qt guesses what a string means: a QLabel, a QMessageBox or a tooltip whose text looks like
HTML is rendered as HTML (``<img src=x>`` loads, ``<b>`` bolds), "&" in a menu or button
text becomes a keyboard mnemonic, and "[*]" in a window title is a placeholder. Every
surface that shows user text goes through one of these helpers instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as GuiQt  # QtGui's functions of the Qt namespace
from PySide6.QtWidgets import QLabel, QMenu, QWidget

if TYPE_CHECKING:
    # PySide6 makes QMessageBox's Python class, with its enums, when it is first touched
    # (~1 ms): with the first box, not before the window's first paint (issue 17).
    from PySide6.QtWidgets import QMessageBox


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` literally.

    Qt renders a tooltip as rich text whenever it looks like HTML, and a tooltip has no
    text format to set: escape the text and mark the tip as rich text explicitly.
    """
    if not text:
        return ""
    # Qt's own plain-to-rich conversion: "<", ">" and "&" escaped, each line break kept
    # (a blank line starts a new paragraph); WhiteSpaceNormal, so a long tip still wraps.
    # Python's html module cost ~1.5-2 ms (its entity table) before the Run tab's first
    # paint, for the floor panel's tip.
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def isolated(text: str) -> str:
    """``text`` as one unit inside a sentence: a first-strong isolate (FSI ... PDI, Unicode
    bidi), so a name in Arabic or Hebrew in an English, French or Spanish sentence keeps
    its own direction, and the "…" of a line cut inside it stands where it is cut (at its
    left end for a right-to-left name, not after the first word read). "" stays "".
    The typed text never holds isolates (``core.text`` drops them)."""
    return f"\u2068{text}\u2069" if text else ""


def plain_label(label: QLabel) -> QLabel:
    """``label``, set to show its text literally (QLabel's default AutoText obeys markup)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def wrapped_label(text: str = "", name: str = "", selectable: bool = False) -> QLabel:
    """A label showing ``text`` literally, wrapped; ``name`` its object name; ``selectable``
    by mouse (addresses, codes)."""
    label = plain_label(QLabel(text))
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def mnemonic_free(text: str) -> str:
    """Text for a menu entry or button that shows every "&" (not a mnemonic)."""
    return text.replace("&", "&&")


def add_plain_action(menu: QMenu, text: str) -> QAction:
    """A menu entry showing ``text`` literally, and its tooltip too (Qt's default tooltip
    is the entry's text, rendered as HTML when it looks like HTML)."""
    action = menu.addAction(mnemonic_free(text))
    action.setToolTip(plain_tip(text))
    return action


def window_title(text: str) -> str:
    """Text for ``setWindowTitle`` that shows "[*]" literally (Qt's "modified" mark)."""
    return text.replace("[*]", "[*][*]")


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str,
                text: str) -> QMessageBox:
    """A message box that shows ``text`` literally; the caller adds buttons and opens it."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, window_title(title), text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str,
            on_yes: Callable[[], object], name: str = "confirmation") -> QMessageBox:
    """Ask "are you sure?" without blocking the event loop (the clock keeps repainting).

    ``on_yes`` runs once if the user picks ``yes_text`` (what it returns is not used);
    Cancel (the default, and Escape) does nothing. Returns the open box (``objectName``
    ``name``) for tests.
    """
    from PySide6.QtWidgets import QMessageBox

    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    box.setObjectName(name)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda *_: on_yes() if box.clickedButton() is yes else None)
    box.open()
    return box
