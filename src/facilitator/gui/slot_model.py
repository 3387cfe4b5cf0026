"""The speakers list of one session as a Qt table model (edit in place, drag to reorder)."""

from __future__ import annotations

import enum
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from facilitator.core.clock_text import format_duration, whole
from facilitator.core.model import SLOT_KIND_LABELS, Slot, SlotKind
from facilitator.core.planned_time import PlannedTimeError, parse_planned_time
from facilitator.core.session_clock import skipped_slots
from facilitator.core.text import looks_empty
from facilitator.core.timer import Phase
from facilitator.gui.cell_roles import answer_roles
from facilitator.gui.core_text import core_text, planned_time_problem, planned_time_text
from facilitator.gui.document import EventDocument, show_error
from facilitator.gui.row_diff import update_rows

if TYPE_CHECKING:
    from PySide6.QtCore import QItemSelectionModel

SLOT_MIME = "application/x-facilitator-slot-row"
Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """The speakers table's columns."""
    ORDER = 0
    NAME = 1
    ROLE = 2
    ORGANISATION = 3
    CONSTITUENCY = 4
    GENDER = 5
    KIND = 6
    PLANNED = 7
    SPOKEN = 8
    STATUS = 9


HEADERS = {
    Column.ORDER: "#",
    Column.NAME: QT_TRANSLATE_NOOP("SlotTableModel", "Speaker"),
    Column.ROLE: QT_TRANSLATE_NOOP("SlotTableModel", "Role"),
    Column.ORGANISATION: QT_TRANSLATE_NOOP("SlotTableModel", "Organisation"),
    Column.CONSTITUENCY: QT_TRANSLATE_NOOP("SlotTableModel", "Constituency"),
    Column.GENDER: QT_TRANSLATE_NOOP("SlotTableModel", "Gender"),
    Column.KIND: QT_TRANSLATE_NOOP("SlotTableModel", "Kind"),
    Column.PLANNED: QT_TRANSLATE_NOOP("SlotTableModel", "Minutes"),
    Column.SPOKEN: QT_TRANSLATE_NOOP("SlotTableModel", "Spoken"),
    Column.STATUS: QT_TRANSLATE_NOOP("SlotTableModel", "Status"),
}
PERSON_COLUMNS = {
    Column.NAME: "name",
    Column.ROLE: "role",
    Column.ORGANISATION: "organisation",
    Column.CONSTITUENCY: "constituency",
    Column.GENDER: "gender",
}
STATUS_TEXT = {
    Phase.NOT_STARTED: QT_TRANSLATE_NOOP("SlotTableModel", "waiting"),
    Phase.RUNNING: QT_TRANSLATE_NOOP("SlotTableModel", "speaking"),
    Phase.PAUSED: QT_TRANSLATE_NOOP("SlotTableModel", "paused"),
    Phase.ENDED: QT_TRANSLATE_NOOP("SlotTableModel", "done"),
}
# Passed over with Next before starting: not "waiting" like those still to come.
SKIPPED_TEXT = QT_TRANSLATE_NOOP("SlotTableModel", "skipped")
SlotRole = Qt.ItemDataRole.UserRole + 1  # the Slot value of a row

# Plain ints and tuples for what a paint asks: Qt asks ~10 roles of every cell on screen
# (990 calls at start-up for nine speakers), and building Qt's and our enums for each
# call, or or-ing Qt's flags, is Python enum work each time (see question_model.py).
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_SLOT = int(SlotRole)
_ROLES_HELD = frozenset({_DISPLAY, _EDIT, _FONT, _ACCESSIBLE_TEXT, _TOOLTIP, _ALIGNMENT, _SLOT})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def _one_line(choice: str) -> str:
    """A choice of a list (a kind, a constituency) that the view cuts, never wraps.

    The choices of one list often share their first words ("Palabras de apertura",
    "Palabras de clausura"; "Discours d'ouverture", "Discours de clôture"). Wrapped into
    a row too low for two lines, each showed its first line and "…", the same for both;
    on one line, cut at its end, each keeps the word that tells it apart.
    """
    return choice.replace(" ", "\u00a0")
_RIGHT_COLUMNS = (Column.ORDER, Column.PLANNED, Column.SPOKEN)
_EDITABLE_COLUMNS = frozenset({*PERSON_COLUMNS, Column.KIND, Column.PLANNED})
_LIST_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsDropEnabled)
_CELL_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsDragEnabled)
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable


class SlotTableModel(QAbstractTableModel):
    """Rows are the slots of ``session_id``; edits are saved to the event file at once."""

    def __init__(self, document: EventDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session_id: int | None = None
        self.current_slot_id: int | None = None
        self._slots: list[Slot] = []
        self._skipped: frozenset[int] = frozenset()  # core.session_clock.skipped_slots
        # While rows are being removed, an editor open on one of them closes and commits
        # what it holds: for a speaker no longer in the file (see setData).
        self._updating = False
        # Per slot, the (spoken, status) texts the view was last told of: the clock
        # repaints ten times a second, the texts change once a second, and each change
        # announced makes the view measure its auto-sized columns again (~2 ms).
        self._times_told: dict[int | None, tuple[object, object]] = {}
        document.slots_did_change.connect(self._on_slots_changed)

    # --- loading --------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        """Show another session's speakers: the one change that resets the model."""
        self.session_id = session_id
        slots: list[Slot] = []
        current_slot_id = None
        if session_id is not None:
            session = self.document.session_state.session(session_id)
            slots, current_slot_id = list(session.slots), session.current_slot_id
        self._times_told = {}
        if not slots and not self._slots:
            # Nothing listed before or now (the Run tab's first, empty session): a reset
            # would only measure the fitted columns again.
            self.current_slot_id = current_slot_id
            self._skipped = frozenset()
            return
        self.beginResetModel()
        self._slots, self.current_slot_id = slots, current_slot_id
        self._skipped = skipped_slots(slots, current_slot_id)
        self.endResetModel()

    def reload(self) -> None:
        # Read first: a failed read must not leave the model half way through a reset.
        slots: list[Slot] = []
        current_slot_id = None
        if self.session_id is not None:
            session = self.document.session_state.session(self.session_id)
            slots, current_slot_id = list(session.slots), session.current_slot_id
        self._update(slots, current_slot_id)

    def _update(self, slots: list[Slot], current_slot_id: int | None) -> None:
        """Tell the view which rows came, went, moved or changed (never a reset: the
        moderator's current row and selection stay put while the clock runs)."""
        was = self.current_slot_id
        self.current_slot_id = current_slot_id
        marked = {was, current_slot_id} if was != current_slot_id else set()
        # Next on a speaker who had not started: their row reads "skipped" from now on,
        # though their slot itself did not change (and Previous back: "waiting" again).
        skipped = skipped_slots(slots, current_slot_id)
        marked |= self._skipped ^ skipped
        self._skipped = skipped
        told: dict[int | None, tuple[object, object]] = {}
        clocks_only: set[int | None] = set()

        def changed(old: Slot, new: Slot) -> bool:
            if old != new or old.id in marked:
                told[new.id] = self._times(new)
                if old.id not in marked and replace(old, timer=new.timer) == new:
                    # A clock key: only the live columns read differently; the row's
                    # other cells are neither repainted nor measured again.
                    clocks_only.add(new.id)
                    return False
                return True  # the whole row is announced
            return False

        self._updating = True
        try:
            update_rows(self, self._slots, slots, key=lambda slot: slot.id, changed=changed)
        finally:
            self._updating = False
        for row, slot in enumerate(self._slots):
            if slot.id in clocks_only:
                self.dataChanged.emit(self.index(row, Column.SPOKEN),
                                      self.index(row, Column.STATUS))
        kept = {slot.id for slot in slots}
        self._times_told = {slot_id: times for slot_id, times in self._times_told.items()
                            if slot_id in kept} | told

    def _on_slots_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.reload()

    def refresh_times(self) -> None:
        """Repaint the live columns (spoken time, status) of the rows whose clock runs,
        when their text changed, without reloading: nothing else changes with time alone
        (a change of phase comes as a reload)."""
        rows = []
        for row, slot in enumerate(self._slots):
            if slot.phase is Phase.RUNNING:
                times = self._times(slot)
                if self._times_told.get(slot.id) != times:
                    self._times_told[slot.id] = times
                    rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(rows[0], Column.SPOKEN),
                                  self.index(rows[-1], Column.STATUS))

    def _times(self, slot: Slot) -> tuple[object, object]:
        return (self._value(slot, 0, Column.SPOKEN, False),
                self._value(slot, 0, Column.STATUS, False))

    def slot_at(self, row: int) -> Slot:
        return self._slots[row]

    def slots(self) -> list[Slot]:
        return list(self._slots)

    def selected_slot_id(self, selection: QItemSelectionModel) -> int | None:
        """The slot of the row ``selection`` (of a view of this model) has selected, None
        when no row is: where "Add speaker" puts the new one after."""
        rows = selection.selectedRows()
        return self._slots[rows[0].row()].id if rows else None

    def row_of(self, slot_id: int | None) -> int:
        for row, slot in enumerate(self._slots):
            if slot.id == slot_id:
                return row
        return -1

    # --- reading --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount and columnCount: two calls into Python for each
        # cell a paint draws; this is one.
        if parent.isValid() or not (0 <= row < len(self._slots) and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The role first, a plain int: the header asks ~40 roles per paint, text in one.
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            header = HEADERS[Column(section)]
            return QCoreApplication.translate("SlotTableModel", header) if section else header
        return None

    def multiData(self, index: QModelIndex, roleDataSpan: Any) -> None:
        """Every role a cell's painting asks, in one call into Python (Qt's item delegate
        asks seven or more: font, alignment, colours, check state, icon, text)."""
        row = index.row()
        answer_roles(roleDataSpan, _ROLES_HELD, partial(
            self._cell, self._slots[row], row, _COLUMNS[index.column()])
            if index.isValid() else None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        return self._cell(self._slots[row], row, _COLUMNS[index.column()], role)

    def _cell(self, slot: Slot, row: int, column: Column, role: int) -> Any:
        if role == _SLOT:
            return slot
        if role in (_DISPLAY, _EDIT):
            return self._value(slot, row, column, role == _EDIT)
        if role == _FONT and slot.id == self.current_slot_id:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == _ACCESSIBLE_TEXT and column is Column.ORDER:
            if slot.id == self.current_slot_id:
                return self.tr("{number}, current speaker").format(number=row + 1)
            return f"{row + 1}"
        if role == _TOOLTIP and column is Column.PLANNED:
            return self.tr("Minutes (5 or 2.5), or a time of day to end at (until 10:45)")
        if role == _ALIGNMENT and column in _RIGHT_COLUMNS:
            return _RIGHT
        return None

    def _value(self, slot: Slot, row: int, column: Column, editing: bool) -> Any:
        if column == Column.ORDER:
            marker = "▶ " if slot.id == self.current_slot_id and not editing else ""
            return f"{marker}{row + 1}"
        if column in PERSON_COLUMNS:
            value = getattr(slot.person, PERSON_COLUMNS[column])
            if column in (Column.CONSTITUENCY, Column.GENDER) and not editing:
                # The stored English word, shown in the UI's language, on one line.
                return _one_line(core_text(value))
            return value
        if column == Column.KIND:
            return slot.kind.value if editing else _one_line(
                core_text(SLOT_KIND_LABELS[slot.kind]))
        if column == Column.PLANNED:
            # Text in both roles: a cell takes minutes ("6.5") or "until 10:45".
            return planned_time_text(slot, self.document.time_zone)
        if column == Column.SPOKEN:
            if slot.phase is Phase.NOT_STARTED:
                return ""
            return format_duration(slot.clock.elapsed(self.document.clock.now()))
        if column == Column.STATUS:
            if slot.id in self._skipped:
                return self.tr(SKIPPED_TEXT)
            status = self.tr(STATUS_TEXT[slot.phase])
            if slot.phase is not Phase.NOT_STARTED:
                over = slot.clock.overtime(self.document.clock.now())
                if whole(over) >= 1:
                    status = self.tr("{status}, {time} over").format(
                        status=status, time=format_duration(over))
            return status
        return None

    # --- editing --------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Made once: a paint asks for every cell on screen.
        if not index.isValid():
            return _LIST_FLAGS
        return _EDITABLE_FLAGS if index.column() in _EDITABLE_COLUMNS else _CELL_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        from facilitator.actions import speakers  # the command layer: on first use

        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._updating:
            return False
        slot = self._slots[index.row()]
        column = Column(index.column())
        if column in PERSON_COLUMNS:
            text = str(value).strip()
            if column == Column.NAME and looks_empty(text):
                return False
            person = replace(slot.person, **{PERSON_COLUMNS[column]: text})
            command = speakers.edit_speaker(self.session_id, slot.id, person=person)
        elif column == Column.KIND:
            try:
                kind = SlotKind(str(value))
            except ValueError:
                return False
            command = speakers.edit_speaker(self.session_id, slot.id, kind=kind)
        elif column == Column.PLANNED:
            zone = self.document.time_zone
            text = str(value).strip()
            if text == planned_time_text(slot, zone):
                return True  # committed unchanged ("until 10:45" after 10:45 is no error)
            try:
                planned = parse_planned_time(text, self.document.clock.now(), zone)
            except PlannedTimeError as error:
                show_error(None, self.tr("Could not save the speaker"),
                           planned_time_problem(error))
                return False
            command = speakers.edit_speaker(self.session_id, slot.id,
                                            planned_seconds=planned.seconds,
                                            until_at=planned.until)
        else:
            return False
        return self.document.runner.run(command) is not None

    # --- drag to reorder ------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SLOT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes})
        mime.setData(SLOT_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(SLOT_MIME):
            return False
        rows = [int(r) for r in bytes(data.data(SLOT_MIME).data()).decode().split(",") if r]
        if not rows:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._slots))
        self.move_slot(rows[0], target)
        # The model already reordered itself; tell the view not to remove the source row.
        return False

    def move_slot(self, source: int, target: int) -> None:
        """Move the slot at row ``source`` so it lands before row ``target``."""
        from facilitator.actions import speakers  # the command layer: on first use

        if not 0 <= source < len(self._slots):
            return
        ids = [slot.id for slot in self._slots]
        moved = ids.pop(source)
        if target > source:
            target -= 1
        target = max(0, min(target, len(ids)))
        ids.insert(target, moved)
        if ids == [slot.id for slot in self._slots]:
            return
        self.document.runner.run(speakers.reorder(self.session_id, ids))
