"""A focus frame you can see from the back of the room: the platform style plus an outline.

Fusion marks the focused control with a faint, one-pixel tint that is hard to find under
stage lights and invisible on some screens. This style draws a 2 px dark-blue outline
(8:1 against the window background) around the control that has the keyboard focus, on
top of whatever the platform style paints. Buttons and boxes get it once the keyboard is
in use (Tab), as the web's :focus-visible; text fields and tables whenever they have it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

FOCUS_COLOUR = QColor("#0B4F8A")
FOCUS_WIDTH = 2.0

_CONTROLS = {QStyle.ControlElement.CE_PushButton}
_COMPLEX = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox,
            QStyle.ComplexControl.CC_ToolButton}
_FIELDS = {QStyle.PrimitiveElement.PE_FrameLineEdit}
_FRAMES = {QStyle.PrimitiveElement.PE_Frame}  # tables, lists, text boxes (scroll areas)


def _outline(painter: QPainter, rect, radius: float = 3.0) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(FOCUS_COLOUR, FOCUS_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = FOCUS_WIDTH / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), radius, radius)
    painter.restore()


def _keyboard_focus(option: QStyleOption) -> bool:
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus
                and state & QStyle.StateFlag.State_KeyboardFocusChange)


class FocusFrameStyle(QProxyStyle):
    """The platform style (``base``, e.g. "Fusion") with a clearly visible focus outline."""

    def drawControl(self, element, option, painter, widget=None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _CONTROLS and _keyboard_focus(option):
            _outline(painter, option.rect)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _COMPLEX and _keyboard_focus(option):
            _outline(painter, option.rect)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _FIELDS and option.state & QStyle.StateFlag.State_HasFocus:
            _outline(painter, option.rect)
        elif element in _FRAMES and _has_focus(widget):
            _outline(painter, option.rect, 2.0)
        elif element is QStyle.PrimitiveElement.PE_FrameFocusRect and _keyboard_focus(option):
            # check boxes and radio buttons: around their label
            _outline(painter, option.rect, 2.0)


def _has_focus(widget: QWidget | None) -> bool:
    return widget is not None and widget.hasFocus()


def install_focus_style(app) -> None:
    """Wrap the application's current style so the focus outline shows everywhere."""
    if not isinstance(app.style(), FocusFrameStyle):
        app.setStyle(FocusFrameStyle(app.style().name()))
