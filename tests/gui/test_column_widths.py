"""Speakers-table columns fitted to their contents without re-measuring every row."""

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from facilitator.gui.column_widths import FittedColumns


def _table(qtbot, rows):
    model = QStandardItemModel(0, 2)
    for first, second in rows:
        model.appendRow([QStandardItem(first), QStandardItem(second)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    return view, model


def test_columns_fit_like_resize_to_contents(qtbot):
    view, model = _table(qtbot, [("a", "short"), ("bb", "a much longer cell text")])
    fitted = FittedColumns(view, [1])
    header = view.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Fixed
    assert header.sectionSize(1) == max(header.sectionSizeHint(1), view.sizeHintForColumn(1))
    assert fitted.columns == [1]


def test_a_wider_cell_widens_its_column_and_removing_rows_narrows_it(qtbot):
    view, model = _table(qtbot, [("a", "short"), ("b", "short too")])
    FittedColumns(view, [1])
    header = view.horizontalHeader()
    narrow = header.sectionSize(1)
    model.item(0, 1).setText("a cell that became very much wider than before")
    wide = header.sectionSize(1)
    assert wide > narrow
    assert wide >= view.sizeHintForColumn(1)
    model.item(0, 1).setText("x")  # narrower again: kept wide, no whole re-measure
    assert header.sectionSize(1) == wide
    model.removeRow(1)
    assert header.sectionSize(1) == max(header.sectionSizeHint(1), view.sizeHintForColumn(1))
    assert header.sectionSize(1) < wide
