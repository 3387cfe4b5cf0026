"""The open event, as the GUI sees it: the event file, its command runner, and "did
change" signals.

Widgets change data only through ``document.runner`` (gui/runner.py), which emits one
``did_change`` with the command's change set. The older per-kind signals below are thin
filters of it, kept for the views that still listen to them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.actions.changes import Changes, Kind
from facilitator.core.agenda_error import AgendaError
from facilitator.core.clock import Clock
from facilitator.gui.runner import CommandRunner
from facilitator.gui.session_state import SessionState
from facilitator.gui.user_text import message_box, plain_tip
from facilitator.store import EventFile, EventFileError
from facilitator.store.laptop_clock import anchored_clock
from facilitator.store.time_zone import event_time_zone
from facilitator.store.write_errors import cannot_write

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox  # made with the first box (gui/user_text.py)

    from facilitator.gui.export_writer import ExportWriter

__all__ = ["FAILED", "EventDocument", "Failed", "attempt", "plain_tip", "show_error"]

T = TypeVar("T")
CHECKPOINT_IDLE_MS = 2000  # quiet time after a change before the WAL is checkpointed


class EventDocument(QObject):
    """An open event file and the signals that tell the GUI what changed."""

    event_did_change = Signal()
    sessions_did_change = Signal()
    session_did_change = Signal(int)  # details or settings of one session
    slots_did_change = Signal(int)  # speakers list or a clock of one session
    questions_did_change = Signal(int)
    notes_did_change = Signal(int)

    def __init__(self, event_file: EventFile, clock: Clock | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = event_file
        # Anchored to this boot: a restart after the wall clock was corrected keeps a
        # running speech's time right (store/laptop_clock.py).
        self.clock = clock or anchored_clock(event_file)
        # Connected before any view: a view that reads after a change reads it fresh.
        self.session_state = SessionState(event_file, self)
        # The runner's changes reach the state in _relay (keeping what they know); these
        # forget for the signals emitted on their own.
        self._relaying = False
        self.event_did_change.connect(lambda: self._forget())
        self.sessions_did_change.connect(lambda: self._forget())
        self.session_did_change.connect(self._forget)
        self.slots_did_change.connect(self._forget)
        # Someone may copy the .db alone (without -wal) while the app runs: move the WAL's
        # pages into it once the room is quiet, and at once when the session changes.
        self._checkpoint_timer = QTimer(self, singleShot=True, interval=CHECKPOINT_IDLE_MS)
        self._checkpoint_timer.timeout.connect(self.file.checkpoint)
        for changed in (self.event_did_change, self.slots_did_change,
                        self.questions_did_change, self.notes_did_change):
            # Not connected to start() itself: start(int) would take a session id as msec.
            changed.connect(lambda *_: self._checkpoint_timer.start())
        for changed in (self.sessions_did_change, self.session_did_change):
            changed.connect(lambda *_: self.file.checkpoint())
        self._time_zone: ZoneInfo | None = None
        self.event_did_change.connect(self._forget_time_zone)
        # One runner per open event in a window: its undo stack is this window's session.
        self.runner = CommandRunner(event_file, parent=self)
        self.runner.did_change.connect(self._relay)
        # Every change, summaries and the stage included, reaches the .db on a quiet moment.
        self.runner.did_change.connect(lambda _: self._checkpoint_timer.start())
        self._exports: ExportWriter | None = None

    @property
    def exports(self) -> ExportWriter:
        """The window's files written on a worker (exports, reports, the summary's PDF and
        printed pages): one writer, so a file is never written twice at once."""
        if self._exports is None:
            from facilitator.gui.export_writer import ExportWriter

            self._exports = ExportWriter(self.runner, self)
        return self._exports

    def _forget(self, session_id: int | None = None) -> None:
        if not self._relaying:
            self.session_state.forget(session_id)

    def _relay(self, changes: Changes) -> None:
        """The shared session state first (it keeps what the command knew), then the
        per-kind signals, from one change set (each at most once)."""
        self.session_state.take(changes)
        self._relaying = True
        try:
            self._emit(changes)
        finally:
            self._relaying = False

    def _emit(self, changes: Changes) -> None:
        sessions = sorted(changes.session_ids)
        if not sessions:  # sessions added or removed, or the event itself
            if changes.touches(Kind.SESSION):
                self.sessions_did_change.emit()
            if changes.touches(Kind.EVENT):
                self.event_did_change.emit()
            return
        for session_id in sessions:
            if changes.touches(Kind.SESSION):
                self.session_did_change.emit(session_id)
            if changes.touches(Kind.SLOTS) or changes.touches(Kind.CLOCK):
                self.slots_did_change.emit(session_id)
            if changes.touches(Kind.QUESTIONS):
                self.questions_did_change.emit(session_id)
            if changes.touches(Kind.NOTES):
                self.notes_did_change.emit(session_id)
        if changes.touches(Kind.EVENT):
            self.event_did_change.emit()

    @property
    def path(self) -> str:
        return str(self.file.path)

    @property
    def time_zone(self) -> ZoneInfo:
        """The event's time zone: every time the GUI shows is in it, not the laptop's."""
        if self._time_zone is None:
            self._time_zone = event_time_zone(self.file)
        return self._time_zone

    def _forget_time_zone(self) -> None:
        self._time_zone = None

    def close(self) -> None:
        self._checkpoint_timer.stop()
        self.file.close()


class Failed(enum.Enum):
    """What ``attempt`` returns after it showed a failure (a typed sentinel: PEP 484)."""

    FAILED = "FAILED"


FAILED: Final = Failed.FAILED


def attempt(parent: QWidget | None, what: str, action: Callable[[], T]) -> T | Failed:
    """Run a user action; a failure the user can act on becomes a message, not a traceback.

    Returns the action's result, or ``FAILED`` after the message was shown.
    """
    try:
        return action()
    except (EventFileError, AgendaError) as error:
        from facilitator.gui.action_text import file_error_text  # the command layer: lazy

        show_error(parent, what, file_error_text(error))
        return FAILED
    except OSError as error:
        if error.errno is None:  # raised with its message in the user's words (a printer)
            show_error(parent, what, str(error))
            return FAILED
        # The system's OSErrors come from writing a file the user chose (an export, the
        # poster, a PDF): one sentence naming it, in the window's language.
        from facilitator.gui.action_text import file_error_text

        show_error(parent, what, file_error_text(cannot_write(error)))
        return FAILED


_open_boxes: list[QMessageBox] = []  # parentless boxes, kept alive until closed


def show_error(parent: QWidget | None, what: str, message: str) -> None:
    """A warning the user can act on, in plain text, without blocking the event loop."""
    from PySide6.QtWidgets import QMessageBox

    parent = parent or QApplication.activeWindow()
    box = message_box(parent, QMessageBox.Icon.Warning, what, message)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        # Nothing else holds a parentless box: Python would delete it at once, unseen.
        _open_boxes.append(box)
        box.finished.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
