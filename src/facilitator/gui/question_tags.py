"""The tag editor of one audience question: WUF12 dialogues, SDGs, guiding questions.

Tags are the notes' tags (``core.notes.tag_choices``), so the report groups questions and
notes alike. A question without tags opens with the tags its words suggest already ticked
(``core.question_tags.suggest_tags``, keywords in English, French and Spanish) and marked
as suggestions: the moderator confirms or changes them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import questions as actions
from facilitator.core.model import Session
from facilitator.core.notes import TagChoice, tag_choices
from facilitator.core.question_tags import suggest_tags
from facilitator.core.questions import Question
from facilitator.gui.core_text import core_text, tag_choice_text
from facilitator.gui.document import EventDocument
from facilitator.store.question_tags import question_tags

TagRole = Qt.ItemDataRole.UserRole + 1


class QuestionTagsDialog(QDialog):
    """Tick the tags of ``question``; OK saves them (one logged action)."""

    def __init__(self, document: EventDocument, session: Session, question: Question,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionTagsDialog")
        self.setWindowTitle(self.tr("Tags of the question"))
        self.document = document
        self.question = question
        current = question_tags(document.file, question.id)
        self.suggested = [] if current else suggest_tags(question.text, session)
        ticked = set(current or self.suggested)
        text = QLabel(question.text)
        text.setTextFormat(Qt.TextFormat.PlainText)  # phone text is never markup
        text.setWordWrap(True)
        hint = QLabel(self.tr("Ticked from the question's words: check them.")
                      if self.suggested else
                      self.tr("Tick the dialogues, SDGs and guiding questions it raises."))
        hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("questionTags")
        choices = tag_choices(session)
        known = {choice.tag for choice in choices}
        # Tags given elsewhere (a theme since removed) stay visible, so they can be unticked.
        choices += [TagChoice(tag, tag, "") for tag in current if tag not in known]
        group = None
        for choice in choices:
            if choice.group != group and choice.group:
                self._group_heading(core_text(choice.group))
            group = choice.group
            label = tag_choice_text(choice)
            if choice.tag in self.suggested:
                label = self.tr("{tag} (suggested)").format(tag=label)
            item = QListWidgetItem(label)
            item.setData(TagRole, choice.tag)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable |
                          Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if choice.tag in ticked
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _group_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not tickable
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.list.addItem(item)

    def chosen_tags(self) -> list[str]:
        """The ticked tags, in the list's order."""
        return [item.data(TagRole) for item in
                (self.list.item(row) for row in range(self.list.count()))
                if item.data(TagRole) and item.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        tags = self.chosen_tags()
        done = self.document.runner.run(
            actions.set_tags(self.question.session_id, self.question.id, tags), self)
        if done is None:  # refused: the runner said why; the dialog stays open
            return
        super().accept()
