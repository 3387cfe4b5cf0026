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


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_merge_hint_gives_the_keys_that_pick_several(qtbot, tab, document, language):
    """"Nothing to merge" tells a keyboard user how to pick several questions, in their
    language, and the keys it names do pick them: Shift+Down for the next one, Ctrl+Down
    then Ctrl+Space for one further away; G then merges them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from facilitator.gui.i18n import install_translators
    from facilitator.gui.merge_dialog import MergeDialog

    keys = {"en": ("Shift+↑/↓", "Ctrl+↑/↓", "Ctrl+Space"),
            "fr": ("Maj+↑/↓", "Ctrl+↑/↓", "Ctrl+Espace"),
            "es": ("Mayús+↑/↓", "Ctrl+↑/↓", "Ctrl+Espacio")}[language]
    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        tab.open_questions()
        texts = ["Who pays for housing?", "What about transport in small towns?",
                 "How will mayors report on the SDGs?", "Is there money for parks?"]
        for number, text in enumerate(texts):
            post_question(tab, text, device=f"phone-{number:06d}")
        qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=2000)
        table = tab.moderation.table
        table.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(table.hasFocus)
        qtbot.keyClick(table, Qt.Key.Key_G)  # one question, like no other
        boxes = [w for w in tab.findChildren(QMessageBox) if w.isVisible()]
        assert len(boxes) == 1
        hint = boxes[0].text()
        assert all(key in hint for key in keys), hint
        boxes[0].close()

        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
        assert len(tab.moderation.selected_ids()) == 2
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
        picked = tab.moderation.selected_ids()
        assert len(picked) == 3
        seen = []

        def look_and_close() -> None:  # the dialog runs its own loop until it is closed
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, MergeDialog):
                QTimer.singleShot(20, look_and_close)
                return
            seen.append(dialog.choices.count())
            dialog.reject()

        QTimer.singleShot(0, look_and_close)
        qtbot.keyClick(table, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: seen == [3], timeout=3000)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
