"""Merge questions: which one is kept is shown, and can be changed, before anything merges.

Merging used to keep whichever row was clicked last, so an approved question with votes
and an addressee could vanish into a pending duplicate. The dialog proposes the question
the audience already sees, with the most votes, asked first (``merge_survivor``), and
says what the kept question will be: its votes (each phone once), addressee and asker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.model import comma_joined
from facilitator.core.questions import Question, survivor_order
from facilitator.gui.core_text import core_text
from facilitator.gui.user_text import isolated

QuestionIdRole = Qt.ItemDataRole.UserRole + 1


def _plain_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # audience text is never markup
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class MergeDialog(QDialog):
    """Choose the question to keep among ``questions``; the others merge into it.

    ``votes_after(keep_id)`` gives the kept question's votes after the merge (each device
    once). The proposed question is current when the dialog opens; Up/Down change it,
    Enter merges, Escape cancels.
    """

    def __init__(self, questions: Sequence[Question], votes_after: Callable[[int], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge questions"))
        self.questions = sorted(questions, key=survivor_order)
        self._votes_after = votes_after
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(self.tr(
            "Choose the question to keep (↑ ↓). The others are merged into it: their askers "
            "and votes join it, each phone counted once."), "mergeHint"))
        self.choices = QListWidget()
        self.choices.setObjectName("survivorList")
        self.choices.setWordWrap(True)
        self.choices.setAlternatingRowColors(True)
        self.choices.setSpacing(4)
        self.choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for question in self.questions:
            item = QListWidgetItem(self._describe(question))
            item.setData(QuestionIdRole, question.id)
            self.choices.addItem(item)
        layout.addWidget(self.choices, 1)
        self.preview = _plain_label("", "mergePreview")
        layout.addWidget(self.preview)
        buttons = QDialogButtonBox()
        merge = buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeButton")
        merge.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choices.currentRowChanged.connect(lambda _: self._show_preview())
        self.choices.itemDoubleClicked.connect(lambda _: self.accept())
        self.choices.setCurrentRow(0)
        self.choices.setFocus()
        self.resize(600, 340)

    def _describe(self, question: Question) -> str:
        # English says "1 vote" and "2 votes" without a translator (as summary_tab does).
        votes = (self.tr("1 vote") if question.votes == 1
                 else self.tr("%n votes", "", question.votes))
        facts = [f"#{question.id}", core_text(question.status.label), votes]
        if question.addressed_to:
            facts.append(self.tr("to {name}").format(name=isolated(question.addressed_to)))
        asker = comma_joined(question.author, question.organisation)
        if asker:
            # Last on the line, and shown as the From column shows it: not isolated, so
            # "أمينة, UNDP" keeps the name first (an isolate would read it right to left).
            facts.append(self.tr("from {name}").format(name=asker))
        # The question isolated: the row is one paragraph in the interface's direction, and
        # an Arabic question's last letter gave its direction to the facts line ("3#").
        return isolated(question.text) + "\n" + " · ".join(facts)

    def keep(self) -> Question:
        """The question chosen to be kept."""
        return self.questions[max(0, self.choices.currentRow())]

    def others(self) -> list[int]:
        """The ids of the questions that merge into the kept one."""
        keep = self.keep()
        return [q.id for q in self.questions if q.id != keep.id]

    def choose(self, question_id: int) -> None:
        """Make ``question_id`` the kept question (as clicking its row does)."""
        for row, question in enumerate(self.questions):
            if question.id == question_id:
                self.choices.setCurrentRow(row)

    def _show_preview(self) -> None:
        keep = self.keep()
        addressee = keep.addressed_to or next(
            (q.addressed_to for q in self.questions if q.addressed_to and q.id != keep.id), "")
        asker = comma_joined(keep.author, keep.organisation)
        votes = self._votes_after(keep.id)
        after = (self.tr("After merging: #{number} with 1 vote.") if votes == 1
                 else self.tr("After merging: #{number} with %n votes, each phone once.", "",
                              votes))
        lines = [after.format(number=keep.id)]
        if addressee:
            lines.append(self.tr("Addressed to {name}.").format(name=isolated(addressee)))
        lines.append(self.tr("Asked by {name}.").format(name=asker) if asker
                     else self.tr("Asked anonymously."))
        self.preview.setText("\n".join(lines))
