"""Tagging an audience question on the Questions tab: suggestions ticked, the moderator
decides, the tags reach the report's "What the audience raised"."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from facilitator.gui.question_tags import QuestionTagsDialog, TagRole
from facilitator.store import questions as store
from facilitator.store.question_tags import question_tags

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from report_fixtures import add_question


def _ticked(dialog: QuestionTagsDialog) -> list[str]:
    return dialog.chosen_tags()


def _item(dialog: QuestionTagsDialog, tag: str):
    return next(dialog.list.item(r) for r in range(dialog.list.count())
                if dialog.list.item(r).data(TagRole) == tag)


def test_key_t_opens_the_editor_with_suggestions_and_ok_saves(qtbot, questions_window,
                                                              screenshots: Path) -> None:
    tab = questions_window.tabs["Questions"]
    session = tab.session()
    question_id = add_question(tab.document.file, session.id,
                               "Comment financer le logement abordable dans nos villes ?")
    tab.document.questions_did_change.emit(session.id)
    tab.select_question(question_id)
    seen = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuestionTagsDialog)
        seen["ticked"] = _ticked(dialog)
        seen["label"] = _item(dialog, "SDG 11").text()
        _item(dialog, "SDG 1").setCheckState(Qt.CheckState.Checked)
        dialog.grab().save(str(screenshots / "question-tags.png"))
        dialog.accept()

    QTimer.singleShot(200, answer)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_T)
    assert {"Housing our future", "Financing localization and localizing finance",
            "SDG 11"} <= set(seen["ticked"])
    assert seen["label"].endswith("(suggested)")
    saved = question_tags(tab.document.file, question_id)
    assert "SDG 1" in saved and "Housing our future" in saved
    log = [e for e in tab.document.file.log_entries(session.id)
           if e["action"] == "question_tagged"]
    assert log[-1]["detail"]["role"] == "moderator"
    # The tags line under the table shows them (also what a co-moderator's page gives).
    qtbot.waitUntil(lambda: "SDG 1 " in tab.moderation.tags_line.text() + " ", timeout=1000)
    assert tab.moderation.tags_line.text().startswith("Tags: ")
    tab.window().grab().save(str(screenshots / "questions-tab-tags.png"))


def test_a_tagged_question_opens_with_its_own_tags_and_cancel_keeps_them(qtbot, document):
    from facilitator.store.question_tags import set_question_tags
    from facilitator.store.sessions import list_sessions

    session = list_sessions(document.file)[0]
    question_id = add_question(document.file, session.id, "Housing and climate finance?")
    set_question_tags(document.file, question_id, ["Stronger together", "My own theme"])
    question = store.get_question(document.file, question_id)
    dialog = QuestionTagsDialog(document, session, question)
    qtbot.addWidget(dialog)
    assert _ticked(dialog) == ["Stronger together", "My own theme"]  # no suggestion ticked
    assert "(suggested)" not in _item(dialog, "SDG 13").text()
    _item(dialog, "My own theme").setCheckState(Qt.CheckState.Unchecked)
    dialog.reject()
    assert question_tags(document.file, question_id) == ("Stronger together", "My own theme")
