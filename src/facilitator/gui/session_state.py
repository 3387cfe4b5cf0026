"""The sessions as last read from the event file, shared by every tab and window.

One Space press used to read the session and its speakers list nineteen times: each tab,
the projector and the session details read it again for themselves. ``SessionState`` reads
a session (with its slots) at most once per change and hands the same value to whoever
asks; the document's "did change" signals (or a ``Changes`` value) say what to forget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from facilitator.core.model import Session
from facilitator.store import EventFile
from facilitator.store import sessions as store


class SessionState(QObject):
    """Read-once cache of ``store.sessions.get_session(file, id)`` (with slots).

    Every write to a session or its slots goes through the GUI's own connection (the phone
    server writes questions and votes only). The document's signals say what to forget; a
    write through that connection that no signal announced is caught too, by the
    connection's count of changed rows (``total_changes``: no query).
    """

    def __init__(self, event_file: EventFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = event_file
        self._sessions: dict[int, Session] = {}
        self._all: list[Session] | None = None
        self._marker = self._changes()
        self.reads = 0  # sessions read from the file so far (tests and benchmarks count)

    def session(self, session_id: int) -> Session:
        """The session with its slots, as of the last change.

        Raises ``EventFileError`` when there is no such session (or the file fails).
        """
        self._check()
        found = self._sessions.get(session_id)
        if found is None:
            found = store.get_session(self.file, session_id)
            self.reads += 1
            self._sessions[session_id] = found
        return found

    def sessions(self) -> list[Session]:
        """Every session of the event in agenda order, without their slots."""
        self._check()
        if self._all is None:
            self._all = store.list_sessions(self.file)
            self.reads += 1
        return list(self._all)

    def forget(self, session_id: int | None = None) -> None:
        """Read ``session_id`` again when next asked (None: every session, and the list)."""
        if session_id is None:
            self._sessions.clear()
            self._all = None
        else:
            self._sessions.pop(session_id, None)
            if self._all is not None and any(s.id == session_id for s in self._all):
                self._all = None  # the agenda shows titles and times that may have changed

    def _changes(self) -> int:
        return self.file.db.conn.total_changes

    def _check(self) -> None:
        marker = self._changes()
        if marker != self._marker:
            self._marker = marker
            self.forget()
