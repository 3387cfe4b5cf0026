"""Table columns as wide as their widest cell, measured only where cells changed.

Qt's ``ResizeToContents`` measures every row of every such column each time any cell
changes: a running clock's one changed cell re-measured the whole speakers list on every
Space press and every second (about 1.5 ms each time). Here a changed cell can only widen
its column; rows coming, going or moving, or a new model, measure the columns whole again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex


class FittedColumns(QObject):
    """Keeps ``columns`` of ``view`` (its model set) fitted to their contents; the user
    cannot drag them, as with ``ResizeToContents``."""

    def __init__(self, view: QTableView, columns: Iterable[int]) -> None:
        super().__init__(view)
        self.view = view
        self.columns = sorted(set(columns))
        header = view.horizontalHeader()
        for column in self.columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.rowsMoved, model.layoutChanged, model.headerDataChanged):
            signal.connect(self.fit)
        model.dataChanged.connect(self._widen)
        # A cell's width by what it shows: a clock key re-announces the same texts
        # ("running", "paused") press after press; measuring one costs ~0.1 ms.
        self._widths: dict[tuple[int, object, object], int] = {}
        self.fit()

    def fit(self) -> None:
        """Every fitted column measured whole (as ``ResizeToContents`` does)."""
        header = self.view.horizontalHeader()
        self._widths.clear()  # fonts or the style may have changed since
        for column in self.columns:
            header.resizeSection(column, max(header.sectionSizeHint(column),
                                             self.view.sizeHintForColumn(column)))

    def _widen(self, top_left: Index, bottom_right: Index, roles: object = ()) -> None:
        header = self.view.horizontalHeader()
        model = self.view.model()
        grid = 1 if self.view.showGrid() else 0  # as QTableView.sizeHintForColumn counts
        for column in self.columns:
            if not top_left.column() <= column <= bottom_right.column():
                continue
            widest = max(self._width(model.index(row, column))
                         for row in range(top_left.row(), bottom_right.row() + 1)) + grid
            if widest > header.sectionSize(column):
                header.resizeSection(column, widest)

    def _width(self, index: QModelIndex) -> int:
        key = (index.column(), index.data(Qt.ItemDataRole.DisplayRole),
               index.data(Qt.ItemDataRole.FontRole))
        try:
            return self._widths[key]
        except (KeyError, TypeError):  # TypeError: a font role that cannot be a key
            width = self.view.sizeHintForIndex(index).width()
        if len(self._widths) > 500:  # a running clock's "0:01", "0:02"… never repeat
            self._widths.clear()
        try:
            self._widths[key] = width
        except TypeError:
            pass
        return width
