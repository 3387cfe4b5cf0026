"""A test's Ctrl+Shift click leaves no key held for the next test (tests/held_keys.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTableView

from tests.held_keys import release_held_keys

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_click_with_shift_leaves_qt_believing_it_held_until_released(qtbot):
    box = QLineEdit()
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClick(box, Qt.Key.Key_N, CTRL_SHIFT)
    # QTest's own doing: if this ever reads NoModifier, the fixture has nothing left to do.
    assert QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
    release_held_keys()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(5, 3, view)
    view.setModel(model)
    view.selectRow(3)  # with Shift "held" this extended from no anchor: nothing selected
    assert [index.row() for index in view.selectionModel().selectedRows()] == [3]
