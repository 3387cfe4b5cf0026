"""The countdown as the speaker sees it: big digits and a state banner with a shape.

Urgency is never shown by colour alone: each level has its own words and its own shape
(warning: a triangle, danger: an octagon, overtime: a filled banner with a stop square
and a minus sign on the clock). Colours are from the Okabe–Ito palette, which stays
distinguishable for the common colour-vision deficiencies, on a black stage background.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.core.clock_text import whole
from facilitator.core.timer import Level
from facilitator.gui.core_text import CountedWords

STAGE_BACKGROUND = QColor("#000000")
STAGE_TEXT = QColor("#FFFFFF")
MUTED_TEXT = QColor("#BBBBBB")


# A NamedTuple, not a frozen dataclass: its class is made in ~0.08 ms instead of ~0.6 ms,
# before the Run tab's first paint.
class LevelStyle(NamedTuple):
    """How a countdown level looks: colours, words and shape."""
    colour: QColor
    filled: bool  # overtime fills its banner: a difference of shape, not just of hue


LEVEL_STYLES = {
    Level.NORMAL: LevelStyle(QColor("#FFFFFF"), False),
    Level.WARNING: LevelStyle(QColor("#F0E442"), False),  # Okabe–Ito yellow
    Level.DANGER: LevelStyle(QColor("#E69F00"), False),  # Okabe–Ito orange
    # A clear red, brighter than Okabe–Ito vermillion so it reads as "red" beside the
    # orange of danger; for eyes that confuse the two, the filled banner, the words, the
    # stop square and the minus sign carry the meaning. Light enough for 4.5:1 against the
    # tinted stage even as protanopes see it (red looks darkest to them): #F03C28 gave 3.7:1.
    Level.OVERTIME: LevelStyle(QColor("#FF6347"), True),
}


def banner_text(level: Level, warning_seconds: int) -> str:
    """The words that say the level: "1 MIN LEFT", "PLEASE CONCLUDE", "OVER TIME"."""
    if level is Level.WARNING:
        minutes = max(1, -whole(-warning_seconds, 60))  # counted down, as the digits are
        return CountedWords().minutes_left(minutes)
    if level is Level.DANGER:
        return QCoreApplication.translate("ClockFace", "PLEASE CONCLUDE")
    if level is Level.OVERTIME:
        return QCoreApplication.translate("ClockFace", "OVER TIME")
    return ""


def _fitted_font(text: str, rect: QRectF, height_share: float = 0.92) -> QFont:
    """A bold font as tall as the rect allows, narrowed to fit its width.

    The width is measured on the text with every digit replaced by 0, so the size does
    not jump from one second to the next in a proportional font.
    """
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, int(rect.height() * height_share)))
    template = "".join("0" if c.isdigit() else c for c in text) or "0"
    width = QFontMetricsF(font).horizontalAdvance(template)
    if width > rect.width() * 0.96:
        font.setPixelSize(max(8, int(font.pixelSize() * rect.width() * 0.96 / width)))
    return font


class ClockFace(QWidget):
    """Paints ``text`` (a clock reading) as large as the widget, in the level's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.level = Level.NORMAL
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(40)
        self.setAccessibleName(self.tr("No speaker"))
        self.setAccessibleDescription(self.tr("The speaker's countdown"))

    def set_reading(self, text: str, level: Level) -> None:
        if (text, level) == (self.text, self.level):
            return  # repainting an unchanged clock 10 times a second is wasted work
        self.text = text
        self.level = level
        self.update()

    def describe(self, words: str) -> None:
        """The accessible name in words (gui/spoken_clock.py); set only when it changes, so
        a screen reader hears the new minute or state, not every second."""
        if words != self.accessibleName():
            self.setAccessibleName(words)

    def digit_height(self) -> float:
        """Pixel height of the digits as painted (for the "readable from 30 m" check)."""
        font = _fitted_font(self.text, QRectF(self.rect()))
        return QFontMetricsF(font).capHeight()

    def sizeHint(self) -> QSize:
        return QSize(400, 160)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        painter.setFont(_fitted_font(self.text, rect))
        painter.setPen(LEVEL_STYLES[self.level].colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


def level_shape(level: Level, box: QRectF) -> QPainterPath:
    """Triangle (warning), octagon (danger), square (overtime); nothing when normal."""
    path = QPainterPath()
    cx, cy, r = box.center().x(), box.center().y(), min(box.width(), box.height()) / 2
    if level is Level.WARNING:
        path.moveTo(cx, cy - r)
        path.lineTo(cx + r, cy + r * 0.85)
        path.lineTo(cx - r, cy + r * 0.85)
        path.closeSubpath()
    elif level is Level.DANGER:
        points = [QPointF(cx + r * math.cos(math.pi / 8 + i * math.pi / 4),
                          cy + r * math.sin(math.pi / 8 + i * math.pi / 4)) for i in range(8)]
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        path.closeSubpath()
    elif level is Level.OVERTIME:
        side = r * 1.5
        path.addRect(QRectF(cx - side / 2, cy - side / 2, side, side))
    return path


def pause_shape(box: QRectF) -> QPainterPath:
    """Two bars, the universal "paused" sign."""
    path = QPainterPath()
    bar = box.width() * 0.3
    path.addRect(QRectF(box.left() + box.width() * 0.1, box.top(), bar, box.height()))
    path.addRect(QRectF(box.right() - box.width() * 0.1 - bar, box.top(), bar, box.height()))
    return path


class StateBanner(QWidget):
    """A band under the clock: shape + words for warning, danger, overtime and a pause."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = Level.NORMAL
        self.text = ""
        self.paused = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_state(self, level: Level, text: str, paused: bool = False) -> None:
        if (level, text, paused) == (self.level, self.text, self.paused):
            return
        self.level = level
        self.text = text
        self.paused = paused
        self.setAccessibleName(text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = LEVEL_STYLES[self.level]
        height = self.height()
        pen_width = max(2.0, height * 0.06)
        band = QRectF(self.rect()).adjusted(pen_width, pen_width, -pen_width, -pen_width)
        font = _fitted_font(self.text, QRectF(0, 0, band.width() - height * 1.6,
                                              band.height()), 0.62)
        painter.setFont(font)
        text_width = QFontMetricsF(font).horizontalAdvance(self.text)
        icon_side = band.height() * 0.62
        gap = icon_side * 0.4
        total = icon_side + gap + text_width
        left = band.center().x() - total / 2
        icon_box = QRectF(left, band.center().y() - icon_side / 2, icon_side, icon_side)
        text_box = QRectF(left + icon_side + gap, band.top(), text_width + 2, band.height())
        foreground = STAGE_BACKGROUND if style.filled else style.colour
        if style.filled:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.colour)
            painter.drawRoundedRect(band, height * 0.12, height * 0.12)
            foreground = STAGE_BACKGROUND  # black on the light red: 7:1, 5:1 for protanopes
        else:
            painter.setPen(QColor(style.colour))
            pen = painter.pen()
            pen.setWidthF(pen_width)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(band, height * 0.12, height * 0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(foreground)
        shape = pause_shape(icon_box) if self.paused else level_shape(self.level, icon_box)
        painter.drawPath(shape)
        painter.setPen(foreground)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self.text)
