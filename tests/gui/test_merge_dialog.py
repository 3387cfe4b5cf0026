"""Merging from the Questions tab: the kept question is shown first and can be changed.

The reported case: the moderator selects an approved question (3 votes, addressed to a
speaker) and then, last, its pending duplicate (no votes) and presses G. Merge used to keep
the row clicked last, losing the addressee and crediting the wrong asker.
"""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication

from facilitator.core.questions import QuestionStatus
from facilitator.gui.merge_dialog import MergeDialog
from facilitator.store import questions as store

HEADERS = {"X-Facilitator": "1"}
SPEAKER = "Minister (to be confirmed) — panel 1"


@pytest.fixture
def tab(questions_window):
    return questions_window.tabs["Questions"]


@pytest.fixture
def duplicates(qtbot, tab, document):
    """(approved, pending duplicate) ids; the duplicate selected last, as the current row."""
    tab.open_questions()
    session = tab.session()
    url = f"http://127.0.0.1:{tab.server.port}/api/j/{session.join_token}/questions"
    for device, text, extra in (
        ("asker-ana", "Will cities get direct access to climate finance?",
         {"author": "Ana Souza", "organisation": "City of Recife", "to": SPEAKER}),
        ("asker-tom", "Can cities access climate finance directly?", {"author": "Tom"}),
    ):
        reply = httpx.post(url, headers=HEADERS, json={"text": text, "device": device,
                                                      **extra})
        assert reply.status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=2000)
    approved, duplicate = sorted(q.id for q in tab.model.questions())
    now = document.clock.now()
    store.approve_question(document.file, approved, now=now)
    for phone in ("phone-1", "phone-2", "phone-3"):
        store.add_vote(document.file, approved, phone, now=now)
    document.questions_did_change.emit(tab.session_id)
    selection = tab.table.selectionModel()
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    selection.clearSelection()
    for question_id in (approved, duplicate):  # the duplicate clicked last
        selection.setCurrentIndex(tab.model.index(tab.model.row_of(question_id), 0), flags)
    assert tab.current_id() == duplicate
    tab.table.setFocus()
    return approved, duplicate


def _with_merge_dialog(qtbot, act) -> None:
    """Run ``act(dialog)`` once the (modal) merge dialog is up."""
    def wait() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, MergeDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, wait)

    QTimer.singleShot(0, wait)


def test_the_approved_voted_question_is_proposed_and_kept(qtbot, tab, document, duplicates,
                                                          screenshots) -> None:
    approved, duplicate = duplicates
    seen = {}

    def look_and_merge(dialog: MergeDialog) -> None:
        seen["proposed"] = dialog.keep().id
        seen["rows"] = [dialog.choices.item(i).text() for i in range(dialog.choices.count())]
        seen["preview"] = dialog.preview.text()
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)

    _with_merge_dialog(qtbot, look_and_merge)
    qtbot.keyClick(tab.table, Qt.Key.Key_G)
    assert seen["proposed"] == approved
    assert seen["rows"][0] == (
        "\u2068Will cities get direct access to climate finance?\u2069\n"
        f"#{approved} · Approved · 3 votes · to \u2068{SPEAKER}\u2069 · "
        "from Ana Souza, City of Recife")  # the question and the addressee isolated
    assert seen["rows"][1].endswith(f"#{duplicate} · Pending · 0 votes · from Tom")
    assert f"#{approved} with 4 votes, each phone once" in seen["preview"]
    assert "Asked by Ana Souza, City of Recife." in seen["preview"]

    kept = store.get_question(document.file, approved)
    assert kept.status is QuestionStatus.APPROVED and kept.addressed_to == SPEAKER
    assert kept.author == "Ana Souza" and kept.votes == 4
    assert store.get_question(document.file, duplicate).merged_into == approved
    assert tab.current_id() == approved
    assert "1 merged" in tab.counts_label.text()
    assert "0 not selected" in tab.counts_label.text()


def test_the_moderator_can_keep_another_question(qtbot, tab, document, duplicates) -> None:
    approved, duplicate = duplicates
    seen = {}

    def choose_the_duplicate(dialog: MergeDialog) -> None:
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)
        seen["preview"] = dialog.preview.text()
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)

    _with_merge_dialog(qtbot, choose_the_duplicate)
    qtbot.keyClick(tab.table, Qt.Key.Key_G)
    assert f"#{duplicate} with 4 votes" in seen["preview"]
    assert f"Addressed to \u2068{SPEAKER}\u2069." in seen["preview"]
    kept = store.get_question(document.file, duplicate)
    assert kept.author == "Tom" and kept.addressed_to == SPEAKER  # the addressee is not lost
    assert kept.status is QuestionStatus.APPROVED and kept.votes == 4
    assert store.get_question(document.file, approved).status is QuestionStatus.MERGED


def test_cancelling_merges_nothing(qtbot, tab, document, duplicates) -> None:
    approved, duplicate = duplicates
    _with_merge_dialog(qtbot, lambda dialog: qtbot.keyClick(dialog.choices, Qt.Key.Key_Escape))
    qtbot.keyClick(tab.table, Qt.Key.Key_G)
    assert {store.get_question(document.file, qid).status
            for qid in (approved, duplicate)} == {QuestionStatus.APPROVED,
                                                  QuestionStatus.PENDING}


def test_merge_choice_screenshot(qtbot, tab, duplicates, screenshots) -> None:
    def picture(dialog: MergeDialog) -> None:
        dialog.resize(600, 300)
        qtbot.wait(50)
        assert dialog.grab().save(str(screenshots / "merge-choice.png"))
        dialog.reject()

    _with_merge_dialog(qtbot, picture)
    qtbot.keyClick(tab.table, Qt.Key.Key_G)
    assert (screenshots / "merge-choice.png").stat().st_size > 0
