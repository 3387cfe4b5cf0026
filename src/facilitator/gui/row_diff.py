"""Bring a flat Qt model's rows from an old list to a new one without resetting it.

A reset throws away the view's selection, current row, scroll position, open editor and row
heights, and makes it lay out every row again: at 5,000 questions that was most of a second
on every vote. ``update_rows`` tells the view only what changed, the way napari's item
models do (``_qt/containers/_base_item_model.py``): rows removed (``beginRemoveRows``),
rows moved (``beginMoveRows``, or one layout change when many moved, as a sort does), rows
inserted (``beginInsertRows``) and rows whose values changed (``dataChanged``).

Rows are matched by a key (a question's id, a slot's id); a row "changed" when its value is
no longer equal (frozen dataclasses compare by value).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex

T = TypeVar("T")

# Past this many single-row moves, one layout change costs the view less than the moves
# (a sort or a vote that reorders a long list moves most rows).
MOVES_BEFORE_LAYOUT = 32


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _stay_put(positions: Sequence[int]) -> set[int]:
    """Indexes into ``positions`` of a longest increasing run of values (the rows that keep
    their order; every other row moves)."""
    tails: list[int] = []  # tails[k]: the smallest last value of an increasing run of k+1
    tail_at: list[int] = []
    before = [-1] * len(positions)
    for i, value in enumerate(positions):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        before[i] = tail_at[k - 1] if k else -1
    kept: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


def update_rows(model: QAbstractItemModel, rows: list[T], new: Sequence[T],
                key: Callable[[T], Hashable],
                changed: Callable[[T, T], bool] | None = None,
                last_column: int | None = None) -> None:
    """Turn ``rows`` (the list the model serves, changed in place) into ``new``, telling
    the model's views each step. ``changed(old, new)`` says whether a kept row needs
    repainting (default: ``old != new``); ``last_column`` bounds ``dataChanged`` (default:
    the model's last column). Keys must be unique within each list.
    """
    changed = changed or (lambda old, value: old != value)
    parent = QModelIndex()
    wanted = {key(value): value for value in new}
    # 1. Rows that went away, last first so earlier row numbers stay right.
    gone = [row for row, value in enumerate(rows) if key(value) not in wanted]
    for first, last in reversed(_runs(gone)):
        model.beginRemoveRows(parent, first, last)
        del rows[first:last + 1]
        model.endRemoveRows()
    # 2. Rows that stay but changed places.
    order = {key(value): position for position, value in enumerate(new)}
    target = [order[key(value)] for value in rows]
    if any(a > b for a, b in zip(target, target[1:], strict=False)):
        staying = _stay_put(target)
        movers = len(target) - len(staying)
        if movers > MOVES_BEFORE_LAYOUT:
            _relayout(model, rows, order, key)
        else:
            _move(model, rows, [rows[i] for i in range(len(rows)) if i not in staying],
                  order, key)
    # 3. New rows, first first: each lands where it belongs among those already placed.
    have = {key(value) for value in rows}
    added = [position for position, value in enumerate(new) if key(value) not in have]
    for first, last in _runs(added):
        model.beginInsertRows(parent, first, last)
        rows[first:first] = new[first:last + 1]
        model.endInsertRows()
    # 4. Rows whose values changed: repaint them (and only them).
    dirty = [row for row, value in enumerate(rows) if changed(value, new[row])]
    rows[:] = new
    if not dirty:
        return
    if last_column is not None:
        right = last_column
    elif isinstance(model, QAbstractListModel):  # one column (columnCount is private)
        right = 0
    else:
        right = model.columnCount(parent) - 1
    for first, last in _runs(dirty):
        model.dataChanged.emit(model.index(first, 0), model.index(last, max(0, right)))


def _move(model: QAbstractItemModel, rows: list[Any], movers: list[Any],
          order: dict[Hashable, int], key: Callable[[Any], Hashable]) -> None:
    """Move each of ``movers`` next to the row that comes before it in the new order."""
    parent = QModelIndex()
    for value in sorted(movers, key=lambda v: order[key(v)]):
        source = next(i for i, v in enumerate(rows) if key(v) == key(value))
        # Just after the nearest row that belongs before it, among those present.
        mine = order[key(value)]
        destination = 0
        for i, other in enumerate(rows):
            if i != source and order[key(other)] < mine:
                destination = i + 1
        if destination in (source, source + 1):
            continue
        if not model.beginMoveRows(parent, source, source, parent, destination):
            continue
        moved = rows.pop(source)
        rows.insert(destination - 1 if destination > source else destination, moved)
        model.endMoveRows()


def _relayout(model: QAbstractItemModel, rows: list[Any], order: dict[Hashable, int],
              key: Callable[[Any], Hashable]) -> None:
    """Many rows moved: one layout change; persistent indexes (selection, current row,
    row heights) follow their rows."""
    model.layoutAboutToBeChanged.emit()
    persistent = model.persistentIndexList()
    keys = [key(value) for value in rows]
    rows.sort(key=lambda v: order[key(v)])
    where = {key(value): row for row, value in enumerate(rows)}
    model.changePersistentIndexList(
        persistent, [model.index(where[keys[index.row()]], index.column())
                     if index.isValid() and index.row() < len(keys) else QModelIndex()
                     for index in persistent])
    model.layoutChanged.emit()
