"""The moderator's flag for a burst from one address (possible vote stuffing).

The phone server notices many votes from just-issued devices on one question from one
address, or an address reaching the ceiling on new devices (``audience.bursts``). A hall
behind one address can look like that too, so the flag informs; it does not act.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

REFRESH_MS = 30_000  # flags fade on the server after a while: look again now and then
MAX_QUOTE = 60  # characters of a question quoted in the flag


class BurstLike(Protocol):
    kind: str
    address: str
    count: int
    question_id: int | None


class BurstFlag(QLabel):
    """A warning line above the questions, hidden while nothing is flagged.

    ``source(session_id)`` gives the flags (newest first); ``question_text(id)`` the text
    of a question, to quote it.
    """

    def __init__(self, source: Callable[[int], Sequence[BurstLike]],
                 question_text: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("burstFlag")
        self.setTextFormat(Qt.TextFormat.PlainText)  # a question's text is never markup
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#burstFlag { background: #fff4d6; color: #5c4300; "
                           "border: 1px solid #e0b94a; border-radius: 4px; padding: 6px; }")
        self._source = source
        self._question_text = question_text
        self._session_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def show_session(self, session_id: int | None) -> None:
        self._session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        bursts = list(self._source(self._session_id)) if self._session_id is not None else []
        lines = [self._describe(burst) for burst in bursts[:3]]
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
        if lines:
            self._timer.start()
        else:
            self._timer.stop()

    def _describe(self, burst: BurstLike) -> str:
        if burst.kind == "votes" and burst.question_id is not None:
            text = " ".join(self._question_text(burst.question_id).split())
            if len(text) > MAX_QUOTE:
                text = text[:MAX_QUOTE - 1] + "…"
            # Attempts, not votes: most of a burst is refused (429); the count is how hard
            # it pushed.
            return self.tr("Burst from one address: {count} vote attempts in a minute on "
                           "“{question}” "
                           "from phones that had just joined, all from {address}. A hall "
                           "on one network can do this; a prankster can too."
                           ).format(count=burst.count, question=text, address=burst.address)
        return self.tr("Burst from one address: {address} tried to add more new phones "
                       "than a hall arriving would ({count} turned away in a minute)."
                       ).format(address=burst.address, count=burst.count)
