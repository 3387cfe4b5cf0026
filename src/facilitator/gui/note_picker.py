"""Pull plain notes into the summary: the rapporteur's notes of kind "note" never reach the
draft by themselves (only key messages, recommendations, commitments, partnerships and
tagged answers do); here they are ticked and added to a section of one's choice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.notes import Note, NoteKind, note_line

NoteRole = Qt.ItemDataRole.UserRole + 1


def plain_notes(notes: Sequence[Note]) -> list[Note]:
    """The notes no summary section takes by itself: kind "note", not deleted, not empty."""
    return [n for n in notes if n.kind is NoteKind.NOTE and not n.deleted and n.text.strip()]


class NotePicker(QDialog):
    """Tick plain notes and pick the section they go to; ``lines()`` gives them as summary
    points ("- text (Speaker)")."""

    def __init__(self, notes: Sequence[Note], sections: Sequence[str],
                 speakers: Mapping[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notePicker")
        self.setWindowTitle(self.tr("Pull in plain notes"))
        self.speakers = speakers
        self.list = QListWidget()
        self.list.setObjectName("plainNotes")
        for note in plain_notes(notes):
            item = QListWidgetItem(note_line(note, speakers)[2:])
            item.setData(NoteRole, note)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.section = QComboBox()
        self.section.setObjectName("noteSection")
        self.section.addItems(list(sections))
        # A long guiding question must not make the dialog wider than the screen.
        self.section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section.setMinimumContentsLength(40)
        into = QLabel(self.tr("Add them to:"))
        into.setBuddy(self.section)
        empty = QLabel(self.tr("There are no plain notes in this session."))
        empty.setVisible(self.list.count() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the notes to add to the summary:")))
        layout.addWidget(empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(into)
        layout.addWidget(self.section)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def lines(self) -> list[str]:
        """The ticked notes as summary points, in the notes' order."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [note_line(item.data(NoteRole), self.speakers) for item in items
                if item.checkState() == Qt.CheckState.Checked]
