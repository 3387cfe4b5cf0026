"""An audience question on the projector, shown whole: its text and, under it, its byline.

The text is laid out with QTextLayout (never parsed as markup) and fitted to the room it
is given: the largest size that fits is found by stepping down from the nominal size,
words wrap, and a word longer than a line breaks anywhere (a 500-character word, a URL,
a CJK sentence without spaces). The byline keeps its own line under the text, so it is
always visible. ``fit_question`` is the pure layout step; ``QuestionCard`` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

STEP = 0.92  # each try is 8 % smaller: fine enough to use the room, few enough tries
BYLINE_SHARE = 0.8  # the byline's size as a share of the text's size
LINE_GAP = 0.08
BYLINE_GAP = 0.3  # extra space between lines, as a share of the font's line spacing


@dataclass(frozen=True)
class QuestionLayout:
    """Where the question's lines and its byline go inside a box of ``size``."""

    text_px: int
    byline_px: int
    lines: tuple[QRectF, ...]  # each line's box (natural width), in the card's coordinates
    byline: QRectF  # empty when there is no byline
    fits: bool  # False only when even the smallest size overflows (then the text is cut)

    @property
    def text_height(self) -> float:
        return self.lines[-1].bottom() - self.lines[0].top() if self.lines else 0.0


def _font(base: QFont, px: int) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, px))
    return font


def _text_option() -> QTextOption:
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    # The direction comes from the text (Arabic questions read right to left).
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    return option


def _lay_out(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    """The text wrapped to ``width``; returns the layout and its height."""
    layout = QTextLayout(text, font)
    layout.setTextOption(_text_option())
    leading = QFontMetricsF(font).lineSpacing() * LINE_GAP
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height() + leading
    layout.endLayout()
    return layout, max(0.0, y - leading)


def fit_question(text: str, byline: str, base: QFont, size: QSize, nominal_px: int,
                 smallest_px: int = 10) -> QuestionLayout:
    """The largest text size from ``nominal_px`` down to ``smallest_px`` at which ``text``
    and the one-line ``byline`` fit in ``size`` (pixels); the lines centred vertically."""
    width, height = float(size.width()), float(size.height())
    px = max(smallest_px, nominal_px)
    while True:
        byline_px = max(smallest_px, int(px * BYLINE_SHARE)) if byline else 0
        # The byline's line plus a little air above it, so it reads as apart from the text.
        byline_height = (QFontMetricsF(_font(base, byline_px)).height() * (1 + BYLINE_GAP)
                         if byline else 0.0)
        layout, text_height = _lay_out(text, _font(base, px), width)
        fits = text_height + byline_height <= height
        if fits or px <= smallest_px:
            break
        px = max(smallest_px, int(px * STEP))
    top = max(0.0, (height - text_height - byline_height) / 2)
    # Even when the text overflows (the smallest size is too big), the byline stays in.
    byline_top = min(top + text_height, height - byline_height)
    lines = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        rect = line.naturalTextRect()
        lines.append(QRectF(rect.left(), rect.top() + top, rect.width(), rect.height()))
    byline_box = QRectF(0, byline_top, width, byline_height) if byline else QRectF()
    return QuestionLayout(px, byline_px, tuple(lines), byline_box, fits)


class QuestionCard(QWidget):
    """Paints a question fitted to the widget, its byline on its own line beneath."""

    def __init__(self, colour: QColor, byline_colour: QColor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.byline_colour = QColor(byline_colour)
        self.question = ""
        self.byline = ""
        self.nominal_px = 24
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_question(self, question: str, byline: str) -> None:
        self.question = question
        self.byline = byline
        self.setAccessibleName(self.text())
        self.update()

    def text(self) -> str:
        """Everything shown, as one string (for the accessible name and for tests)."""
        return f"{self.question}  {self.byline}".strip()

    @staticmethod
    def textFormat() -> Qt.TextFormat:
        """Always plain text: painted with QTextLayout, never parsed as markup."""
        return Qt.TextFormat.PlainText

    def fitted(self, size: QSize | None = None) -> QuestionLayout:
        return fit_question(self.question, self.byline, self.font(), size or self.size(),
                            self.nominal_px)

    def height_for(self, width: int, largest: int) -> int:
        """The height the question needs at its nominal size, at most ``largest``."""
        fitted = self.fitted(QSize(width, largest))
        if not fitted.fits or fitted.text_px < self.nominal_px:
            return largest
        return min(largest, int(fitted.text_height + fitted.byline.height()) + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.question:
            return
        fitted = self.fitted()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Only an overflow (never within the question limit) is cut, above the byline.
        bottom = fitted.byline.top() if self.byline else float(self.height())
        painter.setClipRect(QRectF(0, 0, self.width(), bottom))
        layout, _ = _lay_out(self.question, _font(self.font(), fitted.text_px), self.width())
        top = fitted.lines[0].top() if fitted.lines else 0.0
        painter.setPen(self.colour)
        layout.draw(painter, QPointF(0, top))
        painter.setClipping(False)
        if self.byline:
            font = _font(self.font(), fitted.byline_px)
            painter.setFont(font)
            painter.setPen(self.byline_colour)
            shown = QFontMetricsF(font).elidedText(self.byline, Qt.TextElideMode.ElideRight,
                                                   fitted.byline.width())
            painter.drawText(fitted.byline, Qt.AlignmentFlag.AlignHCenter
                             | Qt.AlignmentFlag.AlignBottom, shown)
