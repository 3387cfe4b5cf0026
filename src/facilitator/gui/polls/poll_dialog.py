"""The dialog that writes a poll: its question, its kind, its options or its scale."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.polls import MAX_OPTIONS, Poll, PollKind
from facilitator.core.text import looks_empty
from facilitator.gui.keyboard import free_tab_key

KIND_NAMES = {
    PollKind.SINGLE: QT_TRANSLATE_NOOP("PollDialog", "Single choice"),
    PollKind.MULTIPLE: QT_TRANSLATE_NOOP("PollDialog", "Multiple choice"),
    PollKind.RATING: QT_TRANSLATE_NOOP("PollDialog", "Rating scale"),
    PollKind.RANKING: QT_TRANSLATE_NOOP("PollDialog", "Ranking"),
    PollKind.WORDS: QT_TRANSLATE_NOOP("PollDialog", "Word cloud (one to three words)"),
    PollKind.TEXT: QT_TRANSLATE_NOOP("PollDialog", "Open text"),
}


@dataclass(frozen=True)
class PollDraft:
    """What the dialog gives back, for actions.polls.add_poll / edit_poll."""

    question: str
    kind: str
    options: list[str]
    scale: int | None


class PollDialog(QDialog):
    """Write a new poll, or change one (``poll``)."""

    def __init__(self, parent: QWidget | None = None, poll: Poll | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit poll") if poll else self.tr("New poll"))
        self.question = QLineEdit()
        self.question.setObjectName("pollQuestion")
        self.kind = QComboBox()
        self.kind.setObjectName("pollKind")
        for kind, name in KIND_NAMES.items():
            # str(): PySide6's stub gives QT_TRANSLATE_NOOP's result as object; it is the text.
            self.kind.addItem(self.tr(str(name)), kind.value)
        self.options = QPlainTextEdit()
        self.options.setObjectName("pollOptions")
        self.options.setPlaceholderText(self.tr("One option per line (2 to {n})").format(
            n=MAX_OPTIONS))
        self.scale = QComboBox()
        self.scale.setObjectName("pollScale")
        self.scale.addItem(self.tr("1 to 5"), 5)
        self.scale.addItem(self.tr("1 to 10"), 10)
        form = QFormLayout()
        form.addRow(self.tr("&Question:"), self.question)
        form.addRow(self.tr("&Kind:"), self.kind)
        self.options_label = QLabel(self.tr("&Options:"))
        self.options_label.setBuddy(self.options)
        form.addRow(self.options_label, self.options)
        self.scale_label = QLabel(self.tr("&Scale:"))
        self.scale_label.setBuddy(self.scale)
        form.addRow(self.scale_label, self.scale)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if poll is not None:
            self.question.setText(poll.question)
            self.kind.setCurrentIndex(self.kind.findData(poll.kind.value))
            self.options.setPlainText("\n".join(poll.options))
            if poll.scale:
                self.scale.setCurrentIndex(self.scale.findData(poll.scale))
        self._kind_changed()
        free_tab_key(self)  # Tab moves on to the next control (gui/keyboard.py)
        self.resize(520, 360)

    def _kind_changed(self) -> None:
        kind = PollKind(self.kind.currentData())
        for widget in (self.options_label, self.options):
            widget.setVisible(kind.has_options)
        for scale_widget in (self.scale_label, self.scale):
            scale_widget.setVisible(kind is PollKind.RATING)
        self.options.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def draft(self) -> PollDraft:
        """What was written; actions.polls checks it (a refusal is shown by the runner)."""
        kind = PollKind(self.kind.currentData())
        options = ([line.strip() for line in self.options.toPlainText().splitlines()
                    if not looks_empty(line)] if kind.has_options else [])
        return PollDraft(self.question.text(), kind.value, options,
                         self.scale.currentData() if kind is PollKind.RATING else None)
