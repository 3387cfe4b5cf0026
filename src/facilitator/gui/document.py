"""The open event, as the GUI sees it: the event file plus "did change" signals.

Widgets change data through the store functions and then call one of the ``*_changed``
notifiers; every view listening refreshes from the file. One refresh path, no copies of
state scattered across widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.core.agenda import AgendaError
from facilitator.core.clock import Clock, SystemClock
from facilitator.gui.user_text import message_box, plain_tip
from facilitator.store import EventFile, EventFileError

__all__ = ["FAILED", "EventDocument", "attempt", "plain_tip", "show_error"]

T = TypeVar("T")


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
        self.clock = clock or SystemClock()

    @property
    def path(self) -> str:
        return str(self.file.path)

    def close(self) -> None:
        self.file.close()


class _Failed:
    def __repr__(self) -> str:
        return "FAILED"


FAILED: Any = _Failed()


def attempt(parent: QWidget | None, what: str, action: Callable[[], T]) -> T:
    """Run a user action; a failure the user can act on becomes a message, not a traceback.

    Returns the action's result, or ``FAILED`` after the message was shown.
    """
    try:
        return action()
    except (EventFileError, AgendaError, OSError) as error:
        show_error(parent, what, str(error))
        return FAILED


_open_boxes: list[QMessageBox] = []  # parentless boxes, kept alive until closed


def show_error(parent: QWidget | None, what: str, message: str) -> None:
    """A warning the user can act on, in plain text, without blocking the event loop."""
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
