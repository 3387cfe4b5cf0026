"""Every control a keyboard reaches says what it is to a screen reader, in every tab and in
the interface's language: a table says whose rows it holds, a box says what it is for
(not only the value in it)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from facilitator.gui.main_window import MainWindow
from tests.gui.test_accessibility import tab_walk  # Tab from the tab bar, every stop


def value_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return ""


def unnamed(widget: QWidget) -> str | None:
    """Why a screen reader cannot say what ``widget`` is (None: it can)."""
    face = QAccessible.queryAccessibleInterface(widget)
    labels = [label.text(QAccessible.Text.Name)
              for label, _ in face.relations(QAccessible.RelationFlag.Label)]
    if any(labels):
        return None
    if isinstance(widget, QComboBox):
        # On Linux a combo box's name is its value: a label beside it (buddy) or its
        # description (tooltip) says what it is for.
        return None if widget.toolTip() else "a combo box with neither label nor tooltip"
    name = face.text(QAccessible.Text.Name)
    if not any(char.isalpha() for char in name):
        return f"no name ({name!r})"
    if name == value_of(widget):
        return f"named only by its value ({name!r})"
    return None


def test_every_control_reached_by_tab_has_a_name(qtbot, document):
    window = MainWindow(document)
    qtbot.addWidget(window)
    questions = window.tabs["Questions"]
    questions.server_host, questions.server_port = "127.0.0.1", 0  # never a fixed port
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    try:
        for tab_name, page in window.tabs.items():
            window.ui.tabs.setCurrentWidget(page)
            qtbot.wait(20)
            for widget in tab_walk(qtbot, window):
                why = unnamed(widget)
                if why:
                    problems.append(f"{tab_name}: {type(widget).__name__}"
                                    f"#{widget.objectName()}: {why}")
    finally:
        questions.shutdown()
    assert problems == [], "\n".join(problems)
