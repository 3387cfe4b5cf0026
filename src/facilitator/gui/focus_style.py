"""A focus frame you can see from the back of the room: the platform style plus an outline.

Fusion marks the focused control with a faint, one-pixel tint that is hard to find under
stage lights and invisible on some screens. This style draws a 2 px dark-blue outline
(8:1 against the window background) around the control that has the keyboard focus, on
top of whatever the platform style paints. Buttons and boxes get it once the keyboard is
in use (Tab), as the web's :focus-visible; text fields and tables whenever they have it.
The style itself is ``focus_frame_style.FocusFrameStyle``, loaded as it is installed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyleFactory, QWidget
from shiboken6 import Shiboken

if TYPE_CHECKING:  # the class touched makes QStyle's enums: see install_focus_style_later
    from PySide6.QtWidgets import QProxyStyle

FOCUS_COLOUR = QColor("#0B4F8A")
FOCUS_WIDTH = 2.0

# The views plain_cells was given while the focus style waits to be installed
# (install_focus_style_later); None: no style waits.
_waiting_views: list[QAbstractItemView] | None = None


def _outline(painter: QPainter, rect, radius: float = 3.0) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(FOCUS_COLOUR, FOCUS_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = FOCUS_WIDTH / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), radius, radius)
    painter.restore()


def install_focus_style(app) -> None:
    """Wrap the application's current style so the focus outline shows everywhere; the
    views ``plain_cells`` was given while the style waited get their plain style first
    (a view with a style of its own is not polished again when the application's changes)."""
    global _waiting_views
    from facilitator.gui.focus_frame_style import FocusFrameStyle

    if isinstance(app.style(), FocusFrameStyle):
        return
    waiting, _waiting_views = _waiting_views or [], None
    base = app.style().name()
    for view in waiting:
        if Shiboken.isValid(view):
            _give_plain_style(view, base)
    app.setStyle(FocusFrameStyle(base))


def install_focus_style_later() -> None:
    """The focus style is wanted, installed by ``install_waiting_focus_style`` (the main
    window: once painted, or as it is made without ``paint_first``). Until then nothing
    touches QStyle: the first Python call to a style, even ``QApplication.style()``, makes
    PySide6 build QStyle's enums (~7 ms of CPU), and painting with a Python style makes it
    build every QStyleOption class (~7.5 ms), which the app's start no longer pays before
    its first paint. The controls look the same until then but for the outline; a view
    given ``plain_cells`` meanwhile has its outline layer from the start."""
    global _waiting_views
    if _waiting_views is None and not _focus_style_installed():
        _waiting_views = []


def install_waiting_focus_style() -> None:
    """Install the focus style if ``install_focus_style_later`` asked for it (else nothing)."""
    app = QApplication.instance()
    if _waiting_views is not None and isinstance(app, QApplication):
        install_focus_style(app)
        # The new style asked every widget for a repaint, which would wait behind the
        # hidden tabs' building (~0.1 s); painted now, what has the focus shows its
        # outline at once. The same pixels elsewhere: this pass (the whole window, ~17 ms
        # of CPU with the style's Python calls) is the one price paid after the paint.
        focused = app.focusWidget()
        if focused is not None:
            focused.repaint()


def _focus_style_installed() -> bool:
    frame_style = sys.modules.get("facilitator.gui.focus_frame_style")  # loaded to install it
    return frame_style is not None and isinstance(QApplication.style(),
                                                  frame_style.FocusFrameStyle)


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
    but for a few of a corner's antialiasing. While the focus style waits
    (``install_focus_style_later``) the view gets its outline layer now and its plain style
    as the focus style is installed. Without FocusFrameStyle (tests, another style chosen)
    the view is left alone."""
    if view.testAttribute(Qt.WidgetAttribute.WA_SetStyle):  # its own style already
        return
    if _waiting_views is not None:
        _ViewOutline(view)
        _waiting_views.append(view)
    elif _focus_style_installed():
        _ViewOutline(view)
        app_style = cast("QProxyStyle", QApplication.style())  # FocusFrameStyle
        _give_plain_style(view, app_style.baseStyle().name())


def _give_plain_style(view: QAbstractItemView, base: str) -> None:
    plain = QStyleFactory.create(base)
    if plain is not None:
        plain.setParent(view)  # the view's own: gone with it (a widget never owns its style)
        view.setStyle(plain)
