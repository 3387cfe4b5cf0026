"""The sessions as last read from the event file, shared by every tab and window.

One Space press used to read the session and its speakers list nineteen times: each tab,
the projector and the session details read it again for themselves. ``SessionState`` reads
a session (with its slots) at most once per change and hands the same value to whoever
asks; the document's "did change" signals (or a ``Changes`` value) say what to forget. A
change set that knows a session's new state (``Changes.known``: a clock key computed it
from its own read) is taken as it is: the views read nothing at all.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from facilitator.actions.changes import Changes, Kind
from facilitator.core.model import Session
from facilitator.core.session_clock import on_stage
from facilitator.core.timer import Phase
from facilitator.store import EventFile, EventFileError
from facilitator.store import sessions as store

# The kinds a Session value shows (its fields, its slots and their clocks).
_SESSION_KINDS = (Kind.SESSION, Kind.SLOTS, Kind.CLOCK)


class SessionState(QObject):
    """Read-once cache of ``store.sessions.get_session(file, id)`` (with slots), of the
    agenda, and of who is on stage (``live_session_id``).

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
        # Per session with a turn under way, its latest: (started at, running); None: not
        # read yet, or forgotten.
        self._live: dict[int, tuple[float, bool]] | None = None
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
            self._keep(found)
        return found

    def find(self, session_id: int | None) -> Session | None:
        """``session(session_id)``, or None for no session, one removed, or a file that
        cannot be read now (a panel then shows nothing rather than failing)."""
        if session_id is None:
            return None
        try:
            return self.session(session_id)
        except EventFileError:
            return None

    def sessions(self) -> list[Session]:
        """Every session of the event in agenda order, without their slots."""
        self._check()
        if self._all is None:
            self._all = store.list_sessions(self.file)
            self.reads += 1
        return list(self._all)

    def live_session_id(self) -> int | None:
        """The session whose speaker is on stage (``store.sessions.live_session_id``): read
        once, then kept up to date from every session read or handed over since.

        Raises ``EventFileError`` when the file fails."""
        self._check()
        if self._live is None:
            self._live = store.live_turns(self.file)
        return on_stage(self._live)

    def forget(self, session_id: int | None = None) -> None:
        """Read ``session_id`` again when next asked (None: every session, and the list)."""
        self._live = None
        if session_id is None:
            self._sessions.clear()
            self._all = None
        else:
            self._sessions.pop(session_id, None)
            if self._all is not None and any(s.id == session_id for s in self._all):
                self._all = None  # the agenda shows titles and times that may have changed

    def take(self, changes: Changes) -> None:
        """Forget what ``changes`` touched, keeping the sessions it knows as they are now.

        What the document's per-kind signals would forget, in one step before they are
        emitted (the document does not forget again on its own relay).
        """
        if not changes.session_ids or changes.touches(Kind.EVENT):
            if changes.touches(Kind.SESSION) or changes.touches(Kind.EVENT):
                self.forget()
            if not changes.session_ids:
                return
        known = {session.id: session for session in changes.known}
        for session_id in changes.session_ids:
            if not any(changes.touches(kind, session_id) for kind in _SESSION_KINDS):
                continue
            session = known.get(session_id)
            if session is None:
                self.forget(session_id)
            else:
                self._keep(session)
        if known:
            # The change set's own writes are in this count (they are what it knows); a
            # write no one announced before it would be missed only until the next one.
            self._marker = self._changes()

    def _keep(self, session: Session) -> None:
        assert session.id is not None
        self._sessions[session.id] = session
        if self._all is not None:
            listed = [s.id for s in self._all]
            if session.id in listed:
                self._all[listed.index(session.id)] = replace(session, slots=())  # as list_sessions
        if self._live is not None:
            turns = [(slot.clock.started_at, slot.phase is Phase.RUNNING)
                     for slot in session.slots if slot.phase in (Phase.RUNNING, Phase.PAUSED)]
            self._live.pop(session.id, None)
            if turns:
                self._live[session.id] = max((at, running) for at, running in turns
                                             if at is not None)

    def _changes(self) -> int:
        return self.file.db.conn.total_changes

    def _check(self) -> None:
        marker = self._changes()
        if marker != self._marker:
            self._marker = marker
            self.forget()
