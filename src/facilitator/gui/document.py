"""The open event, as the GUI sees it: the event file plus "did change" signals.

Widgets change data through the store functions and then call one of the ``*_changed``
notifiers; every view listening refreshes from the file. One refresh path, no copies of
state scattered across widgets.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.core.agenda import AgendaError
from facilitator.core.clock import Clock, SystemClock
from facilitator.store import EventFile, EventFileError
from facilitator.store.time_zone import event_time_zone

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
        self._time_zone: ZoneInfo | None = None
        self.event_did_change.connect(self._forget_time_zone)

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


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` literally.

    Qt renders a tooltip as rich text whenever it looks like HTML, so "<b>" typed on a phone
    would be obeyed: escape it and mark the tip as rich text explicitly.
    """
    if not text:
        return ""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


_open_boxes: list[QMessageBox] = []  # parentless boxes, kept alive until closed


def show_error(parent: QWidget | None, what: str, message: str) -> None:
    """A warning the user can act on, in plain text, without blocking the event loop."""
    parent = parent or QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, what, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName("errorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        # Nothing else holds a parentless box: Python would delete it at once, unseen.
        _open_boxes.append(box)
        box.finished.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
