"""Table cells as high as their text's ink, so no script is cut at the cell's edge.

Qt sizes a row to its text's line boxes, and a line box is the height of the line's
fonts. A glyph drawn from a fallback font can reach past it: a bold Arabic question
(DejaVu Sans Bold standing in for the app's font) went a pixel past the bottom of its
two-line box, Vietnamese and Devanagari marks past the top; the cell's clip and its
grid line then cut them. ``WholeTextDelegate`` measures where the ink really goes and
adds what reaches past the boxes, above and below alike (Qt centres the text).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


def ink_extent(text: str, font: QFont, width: float | None) -> tuple[float, float]:
    """``text`` laid out in ``font``, wrapped at ``width`` px (None: one line):
    the height of its line boxes (px) and how far its ink reaches past them, above or
    below (px, 0 when it stays inside)."""
    layout = QTextLayout(text, font)
    text_option = QTextOption()
    text_option.setWrapMode(QTextOption.WrapMode.WordWrap if width is not None
                            else QTextOption.WrapMode.NoWrap)
    layout.setTextOption(text_option)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        if width is not None:
            line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    top, bottom = 0.0, height
    if text.isascii():
        # Latin letters and signs stay inside the line boxes of every font we fall back
        # to; looking at each glyph's ink costs ~0.2 ms a cell.
        return height, 0.0
    for run in layout.glyphRuns():
        raw = run.rawFont()  # the font this run is drawn in (a fallback, maybe)
        for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
            ink = raw.boundingRect(glyph)
            if ink.isEmpty():
                continue
            top = min(top, position.y() + ink.top())
            bottom = max(bottom, position.y() + ink.bottom())
    return height, max(0.0, -top, bottom - height)


class WholeTextDelegate(QStyledItemDelegate):
    """Qt's own cells, asking for a height that holds all of their text's ink."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # (text, font, width) -> ink_extent: a new question or note sizes the rows on
        # screen again, with the same texts at the same width.
        self._extents: dict[tuple[str, str, float | None], tuple[float, float]] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text or not isinstance(text, str):
            return size
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font.resolve(option.font) if isinstance(font, QFont) else option.font
        widget = option.widget
        width = None
        if option.features & QStyleOptionViewItem.ViewItemFeature.WrapText and \
                option.rect.width() > 0 and isinstance(widget, QWidget):
            # As QCommonStyle lays a wrapped cell out: its width less a margin each side,
            # and less the grid line, as QTableView paints it (Qt measures it without:
            # a line that fitted by a pixel wrapped once painted, and its last line was
            # cut off).
            margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                option, widget) + 1
            grid = 1 if getattr(widget, "showGrid", lambda: False)() else 0
            width = option.rect.width() - grid - 2 * margin
        key = (text, font.key(), width)
        extent = self._extents.get(key)
        if extent is None:
            if len(self._extents) > 2000:  # a long session's notes and questions
                self._extents.clear()
            extent = self._extents[key] = ink_extent(text, font, width)
        lines, over = extent
        # A pixel above and below: Qt elides the last line of a cell whose text rectangle
        # is exactly its line boxes' height when a line comes from a taller fallback font
        # (a bold line of emoji lost its last line to "…").
        size.setHeight(max(size.height(), math.ceil(lines)) + 2 * math.ceil(over)
                       + (2 if width is not None else 0))
        return size


def show_text_whole(view: QAbstractItemView, columns: Iterable[int]) -> None:
    """Give ``columns`` of ``view`` (the ones holding people's text: questions, names,
    notes) row heights that hold their text's ink; the other columns keep Qt's own
    (measuring a cell's ink costs ~30 µs more, and a number or a time needs none)."""
    delegate = WholeTextDelegate(view)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)
