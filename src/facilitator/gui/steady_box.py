"""A holder for a widget whose text changes often, so that a change repaints it alone.

A QLabel's or QPushButton's new text asks its parent layout, and so every layout up to
the main window, to lay out again; on the Run tab that repainted the whole window on each
Space press (the status line, the Start/Pause button, the session clock: about 10 ms).
In a ``SteadyBox`` the widget has no layout above it: the box's own size hints follow the
widget's only when these grow (or a wrapped text needs another height), and only then is
the window laid out again. It never shrinks (the controls beside it stay put).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget


class SteadyBox(QWidget):
    """Holds ``widget`` (reparented to the box, filling it); put the box in the layout."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        widget.setParent(self)
        self.setSizePolicy(widget.sizePolicy())
        self._hint = QSize(0, 0)
        self._minimum = QSize(0, 0)
        self._grow()

    def _grow(self) -> bool:
        """Take the widget's hints where they are larger; True if any grew."""
        hint = self._hint.expandedTo(self.widget.sizeHint())
        minimum = self._minimum.expandedTo(self.widget.minimumSizeHint())
        grew = hint != self._hint or minimum != self._minimum
        self._hint, self._minimum = hint, minimum
        return grew

    def sizeHint(self) -> QSize:
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return self._minimum

    def hasHeightForWidth(self) -> bool:
        return self.widget.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.widget.heightForWidth(width)

    def event(self, event: QEvent) -> bool:
        # The widget's updateGeometry() lands here as a LayoutRequest (the box has no
        # layout): pass it up only when the window must make room.
        if event.type() == QEvent.Type.LayoutRequest:
            grew = self._grow()
            taller = (self.hasHeightForWidth()
                      and self.heightForWidth(self.width()) != self.height())
            if grew or taller:
                self.updateGeometry()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.widget.setGeometry(self.rect())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Hidden, the box hears nothing of the widget's changes.
        if self._grow():
            self.updateGeometry()
        self.widget.setGeometry(self.rect())
        super().showEvent(event)
