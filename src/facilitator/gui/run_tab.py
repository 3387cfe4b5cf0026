"""The speakers list, the clock and the projector (placeholder until its issue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.gui.document import EventDocument


class RunTab(QWidget):
    def __init__(self, document: EventDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session_id: int | None = None
        layout = QVBoxLayout(self)
        label = QLabel("The speakers list, the clock and the projector: coming soon.")
        layout.addWidget(label)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
