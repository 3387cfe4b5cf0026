"""The event's sessions (the agenda pane) as a Qt list model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from facilitator.core.model import Session
from facilitator.gui.document import EventDocument
from facilitator.gui.row_diff import update_rows
from facilitator.gui.user_text import isolated, plain_tip

SessionIdRole = Qt.ItemDataRole.UserRole + 1


def session_time_range(session: Session) -> str:
    """"18 May 10:00–11:15" style, or "" when the session has no times."""
    if not session.starts_at:
        return ""
    day, _, start = session.starts_at.partition("T")
    end = session.ends_at.partition("T")[2] or session.ends_at
    return f"{day} {start}" + (f"–{end}" if end else "")


class SessionListModel(QAbstractListModel):
    """The agenda pane: the event's sessions in order, with their times."""
    def __init__(self, document: EventDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self._sessions: list[Session] = []
        document.sessions_did_change.connect(self.reload)
        document.session_did_change.connect(self._on_session_changed)
        self.beginResetModel()
        self._sessions = document.session_state.sessions()
        self.endResetModel()

    def reload(self) -> None:
        """Read the agenda again; sessions added, removed or moved arrive as row changes
        (the selected session stays selected)."""
        update_rows(self, self._sessions, self.document.session_state.sessions(),
                    key=lambda session: session.id)

    def _on_session_changed(self, session_id: int) -> None:
        row = self.row_of(session_id)
        if row >= 0:
            self._sessions[row] = self.document.session_state.session(session_id)
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def row_of(self, session_id: int | None) -> int:
        for row, session in enumerate(self._sessions):
            if session.id == session_id:
                return row
        return -1

    def session_at(self, row: int) -> Session:
        return self._sessions[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        session = self._sessions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = session_time_range(session)
            return f"{index.row() + 1}. {isolated(session.title)}" + (f"\n{when}" if when else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(session.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Session {number}: {title}").format(number=index.row() + 1,
                                                               title=session.title)
        if role == SessionIdRole:
            return session.id
        return None
