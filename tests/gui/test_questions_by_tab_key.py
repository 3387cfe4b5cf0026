"""A keyboard user reaches the questions with Tab and moderates at once: Tab into the table
outlined the first question without selecting it, and A (approve) did nothing; the outlined
question is now the selected one. Ctrl+arrows and Ctrl+Space still pick several."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.core.questions import QuestionStatus
from facilitator.store import questions as store
from tests.gui.test_questions_tab import post_question


@pytest.fixture
def tab(questions_window):
    return questions_window.tabs["Questions"]


def test_tab_into_the_table_then_a_approves_the_first_question(qtbot, tab, document):
    tab.open_questions()
    for number in range(3):
        post_question(tab, f"Question number {number} about housing?",
                      device=f"phone-{number:06d}")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=2000)
    table = tab.moderation.table
    assert not table.selectionModel().hasSelection()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    first = tab.model.question_at(table.currentIndex().row()).id
    assert tab.moderation.selected_ids() == [first]
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert store.get_question(document.file, first).status is QuestionStatus.APPROVED
    # Several with the keys: Ctrl+Down moves without selecting, Ctrl+Space adds.
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.moderation.selected_ids()) == 2
