"""A focus frame you can see from the back of the room: the platform style plus an outline.

Fusion marks the focused control with a faint, one-pixel tint that is hard to find under
stage lights and invisible on some screens. This style draws a 2 px dark-blue outline
(8:1 against the window background) around the control that has the keyboard focus, on
top of whatever the platform style paints. Buttons and boxes get it once the keyboard is
in use (Tab), as the web's :focus-visible; text fields and tables whenever they have it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

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


class _ViewOutline(QWidget):
    """The focus outline of an item view that paints with the plain platform style: the
    view's frame while it has the focus, and its current cell once the keyboard is in
    use, as FocusFrameStyle draws them. A transparent layer over the view (mouse events
    go through), painted once per repaint of what lies under it."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(view.rect())
        self.raise_()
        view.installEventFilter(self)  # the view's own events (resize, focus): not its cells'
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.view in (old, new):
            self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.rect())
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self.view
        if not view.hasFocus():
            return
        painter = QPainter(self)
        # The frame, where the view's own parts (cells, header, scroll bars) leave it
        # showing, as when the view's frame drew it beneath them.
        frame = QRegion(view.rect())
        for child in view.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not self and child.isVisible():
                frame -= QRegion(child.geometry())
        painter.setClipRegion(frame)
        _outline(painter, view.rect(), 2.0)
        current = view.currentIndex()
        # An item view's current cell, while the view has the focus, is drawn with the
        # keyboard's focus state (Qt sets it for cells): outlined as FocusFrameStyle does.
        if current.isValid():
            viewport = view.viewport().geometry()
            painter.setClipRect(viewport)
            _outline(painter, view.visualRect(current).translated(viewport.topLeft()), 2.0)
        painter.end()


def plain_cells(view: QAbstractItemView) -> None:
    """Paint ``view`` with the plain platform style, its focus outline drawn over it.

    Under FocusFrameStyle every cell of a repaint called back into Python two or three
    times (the item, its panel, its row), a third of a table's repaint and, while the
    phone server's thread runs, each call a wait for the GIL. The same pixels on screen
    but for a few of a corner's antialiasing. Without FocusFrameStyle (tests, another
    style chosen) the view is left alone."""
    app_style = QApplication.style()
    if not isinstance(app_style, FocusFrameStyle) or view.testAttribute(
            Qt.WidgetAttribute.WA_SetStyle):  # its own style already
        return
    plain = QStyleFactory.create(app_style.baseStyle().name())
    if plain is None:
        return
    plain.setParent(view)  # the view's own: gone with it (a widget never owns its style)
    view.setStyle(plain)
    _ViewOutline(view)
