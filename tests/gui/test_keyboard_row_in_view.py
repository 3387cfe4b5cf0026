"""The moderation table's current row stays on screen under the keyboard.

Rows are sized to their wrapped text only once they come into view (moderation_panel's
``_size_visible_rows``): Qt scrolls to the row a key moved to with the default height,
then the rows grow and pushed it below the viewport, hidden while Approve and Space act on
it. A row the moderator scrolled away from with the wheel stays away.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from facilitator.gui.question_model import Column
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_sessions, set_questions_open

TEXTS = {
    # Every row taller than Qt's default height (30 px), some much taller: Qt scrolls with
    # the default, then the sizing pushes the rows down.
    "taller": lambda i: (f"Question {i}: how will cities reach climate finance, and who "
                         "decides?" + " Which districts come first, and by when?"
                         * (6 if i % 4 == 0 else 1)),
    # One-line rows shorter than the default between a few tall ones.
    "mixed": lambda i: (f"Question {i}: how will cities reach climate finance?"
                        + (" And who decides which districts come first, and by when?" * 3
                           if i % 4 == 0 else "")),
}


@pytest.fixture(params=sorted(TEXTS))
def table(request, qtbot, document):
    from facilitator.gui.questions_tab import QuestionsTab

    session_id = list_sessions(document.file)[0].id
    set_questions_open(document.file, session_id, True)
    for i in range(100):
        qstore.submit_question(document.file, session_id, TEXTS[request.param](i), now=1e9 + i,
                               device_id=f"device-{i:04d}")
    tab = QuestionsTab(document)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    tab.set_session(session_id)
    view = tab.moderation.table
    qtbot.waitUntil(lambda: view.model().rowCount() == 100)
    qtbot.wait(20)  # the first sizing, once Qt has settled the columns
    first = view.model().index(0, Column.QUESTION)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(first).center())
    assert view.currentIndex().row() == 0
    return view


def settle(qtbot) -> None:
    """Let the zero-interval sizing timer (and any scroll it causes) run out."""
    for _ in range(5):
        qtbot.wait(5)
        QApplication.processEvents()


def fully_visible(view) -> bool:
    rect = view.visualRect(view.currentIndex())
    return (rect.isValid() and rect.top() >= 0
            and rect.bottom() <= view.viewport().rect().bottom())


def test_down_keeps_the_current_row_on_screen(qtbot, table) -> None:
    for press in range(40):  # one press at a time, the sizing between them
        qtbot.keyClick(table, Qt.Key.Key_Down)
        settle(qtbot)
        assert table.currentIndex().row() == press + 1
        assert fully_visible(table), (press + 1, table.visualRect(table.currentIndex()),
                                      table.viewport().height())


def test_quick_downs_keep_the_current_row_on_screen(qtbot, table) -> None:
    for _ in range(20):  # a held key: the presses come before any sizing
        qtbot.keyClick(table, Qt.Key.Key_Down)
    settle(qtbot)
    assert table.currentIndex().row() == 20
    assert fully_visible(table), (table.visualRect(table.currentIndex()),
                                  table.viewport().height())


def test_page_down_keeps_the_current_row_on_screen(qtbot, table) -> None:
    rows = [0]
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_PageDown)
        settle(qtbot)
        rows.append(table.currentIndex().row())
        assert fully_visible(table), (rows, table.visualRect(table.currentIndex()),
                                      table.viewport().height())
    assert rows == sorted(set(rows))  # it moved each time


def test_a_wheel_scroll_away_is_not_undone_by_sizing(qtbot, table) -> None:
    for _ in range(5):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    settle(qtbot)
    current = table.currentIndex()
    scroll = table.verticalScrollBar()
    for _ in range(6):  # wheel down, away from the current row
        position = QPointF(table.viewport().rect().center())
        QApplication.sendEvent(table.viewport(), QWheelEvent(
            position, table.viewport().mapToGlobal(position), QPoint(0, 0), QPoint(0, -120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False))
        settle(qtbot)
    away = scroll.value()
    assert away > 0 and not fully_visible(table)
    moderation = table.parent()
    while not hasattr(moderation, "_size_visible_rows"):
        moderation = moderation.parent()
    moderation._sized_rows.clear()  # e.g. the column width changed: every row sized again
    moderation._size_visible_rows()
    settle(qtbot)
    assert scroll.value() == away
    assert table.currentIndex() == current
