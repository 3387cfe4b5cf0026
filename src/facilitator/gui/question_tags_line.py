"""The tags of the Questions tab's current question, in one line under the table.

Tags are given here (key T) or from the co-moderator's page; the line reads them again
when the question becomes current and when questions' news comes (a co-moderator's tags
arrive as news), one small read deferred to the event loop so a burst of news reads once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.store import EventFile, EventFileError
from facilitator.store.question_tags import question_tags


class QuestionTagsLine(QLabel):
    """"Tags: SDG 11 · Housing our future" for the question ``current()`` names (or none)."""

    def __init__(self, file: EventFile, current: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionTagsLine")
        self.setTextFormat(Qt.TextFormat.PlainText)  # a device's tags are never markup
        self.setWordWrap(True)
        self._file = file
        self._current = current
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def refresh_soon(self, *_: object) -> None:
        """Read the tags once the event loop is back (many calls, one read)."""
        self._timer.start()

    def refresh(self) -> None:
        question_id = self._current()
        try:
            tags = question_tags(self._file, question_id) if question_id is not None else None
        except EventFileError:  # the file went away under us: say nothing rather than stale
            tags = None
        if tags is None:
            self.hide()
            return
        self.setText(self.tr("Tags: {tags}").format(tags=" · ".join(tags)) if tags
                     else self.tr("No tags yet (T tags the question)."))
        self.show()
