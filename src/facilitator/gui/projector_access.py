"""The one way to the projector window, which is made the first time something must be
shown on it.

Most starts never show the projector, and the Run tab is on screen at most restarts: the
window's module, its widgets and their first layout (~4 ms of CPU) are not the first
paint's. The Run tab holds the access and hands it to the Questions and Polls tabs and the
room keeper; when made, the window is given what the stage shows now (the Run tab's
``_make_projector``) and then to everyone who asked ``when_made``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from facilitator.gui.projector import ProjectorWindow

SCREEN_SETTING = "projector/screen"  # the name of the screen the projector was last on


def remembered_screen() -> str:
    """The name of the screen the projector was last shown on ("" if none), made or not."""
    return str(QSettings().value(SCREEN_SETTING, "") or "")


class ProjectorAccess:
    """``access()`` is the projector window, made now if need be; ``access.made()`` is the
    window or None, for what needs doing only if it exists (hiding it, taking a question
    off it)."""

    def __init__(self, make: Callable[[], ProjectorWindow]) -> None:
        self._make = make
        self._window: ProjectorWindow | None = None
        self._waiting: list[Callable[[ProjectorWindow], None]] = []

    def __call__(self) -> ProjectorWindow:
        if self._window is None:
            self._window = self._make()
            # Each told once; nothing here keeps their objects alive after.
            waiting, self._waiting = self._waiting, []
            for callback in waiting:
                callback(self._window)
        return self._window

    def made(self) -> ProjectorWindow | None:
        return self._window

    def when_made(self, callback: Callable[[ProjectorWindow], None]) -> None:
        """``callback(window)`` once the window exists: now if it does, else as it is made
        (after the Run tab has given it what the stage shows)."""
        if self._window is not None:
            callback(self._window)
        else:
            self._waiting.append(callback)
