"""FocusFrameStyle: the platform style with the focus outline drawn into each control.

Its own module, loaded only when the style is installed (``focus_style.install_focus_style``):
making a QProxyStyle subclass, and the first style option that reaches its Python methods,
makes PySide6 build QStyle's and every QStyleOption class's enums (~15 ms of CPU), which the
app's start pays after its first paint, not before.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from facilitator.gui.focus_style import _outline

_CONTROLS = {QStyle.ControlElement.CE_PushButton}
_COMPLEX = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox,
            QStyle.ComplexControl.CC_ToolButton}
_FIELDS = {QStyle.PrimitiveElement.PE_FrameLineEdit}
_FRAMES = {QStyle.PrimitiveElement.PE_Frame}  # tables, lists, text boxes (scroll areas)


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
