"""Qt's idea of the keys held, put back to none between tests.

QTest presses a modifier's key and releases it with the modifier still in the release
event's state (as the release of a real key reports it), and QApplication takes each
synthetic key event's modifiers as the keyboard's state: after any click with Shift or
Ctrl, Qt believes the key is still down until another key event says otherwise. The next
test then runs with Shift "held": a table's ``selectRow`` extends from an anchor that is
not there and selects nothing (test_row_updates.py's selection test failed after
test_main_window.py's Ctrl+Shift+N).
"""

from __future__ import annotations

import sys

MODIFIER_KEYS = (("ShiftModifier", "Key_Shift"), ("ControlModifier", "Key_Control"),
                 ("AltModifier", "Key_Alt"), ("MetaModifier", "Key_Meta"))


def release_held_keys() -> None:
    """Tell Qt that no modifier key is down (a release with nothing held after it), if a
    QApplication exists; nothing to do otherwise (the tests without Qt never load it)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if QApplication.instance() is None:
        return
    held = QGuiApplication.keyboardModifiers()
    if held == Qt.KeyboardModifier.NoModifier:
        return
    receiver = QWidget()  # never shown: nothing reacts to the release
    try:
        for modifier, key in MODIFIER_KEYS:
            if held & getattr(Qt.KeyboardModifier, modifier):
                QTest.keyRelease(receiver, getattr(Qt.Key, key))
    finally:
        receiver.deleteLater()
