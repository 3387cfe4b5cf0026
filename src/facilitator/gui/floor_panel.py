"""The Run tab's floor requests: delegates' requests from their phones, waiting in queue
order (points of order first), each with Accept and Decline; whether the session takes
requests; each kind's speaking time.

Requests arrive on the phone server's thread; its news reaches this panel through the
runner's ``did_change`` (Kind.FLOOR), as phones' questions reach the Questions tab. The
panel's buttons take no focus, as the Run tab's: Space must still reach the clock. The
table is one Tab stop: Up and Down go through the requests (the current one scrolled into
view), Enter accepts it and Delete declines it; the room keys still act while it has the
focus. It shows as many rows as the Run tab gives it (``show_rows``, ``run_tab_height``)
and scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions.changes import Changes, Kind
from facilitator.actions.ids import FloorRequestId, SessionId
from facilitator.core.clock_text import format_time_of_day
from facilitator.core.floor import (
    FloorKind,
    FloorRequest,
    FloorSettings,
    FloorStatus,
    queue,
)
from facilitator.gui.core_text import core_text
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.gui.run_tab_height import FLOOR_ROWS_MOST, FloorRoom
from facilitator.gui.runner import CommandRunner
from facilitator.gui.user_text import plain_label, plain_tip
from facilitator.store import floor as store

KIND, NAME, ORGANISATION, BEHALF, SINCE, ANSWER = range(6)


class FloorPanel(QWidget):
    """Waiting floor requests of one session, and its floor settings."""

    requests_did_change = Signal(int)  # how many wait now

    def __init__(self, document: EventDocument, runner: CommandRunner,
                 parent: QWidget | None = None, *, tab_after: QWidget | None = None) -> None:
        """``tab_after``: the control the requests table follows in the Tab order (it is
        made with the first request, so it would come last)."""
        super().__init__(parent)
        self.tab_after = tab_after
        self.setObjectName("floorPanel")
        self.document = document
        self.runner = runner
        self.session_id: SessionId | None = None
        self.waiting: list[FloorRequest] = []
        self.rows_shown = FLOOR_ROWS_MOST  # at most: the Run tab sets it (show_rows)
        self.title = plain_label(QLabel(self.tr("Floor requests from phones")))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.open_box = QCheckBox(self.tr("Take requests"))
        self.open_box.setObjectName("floorOpenBox")
        self.open_box.setToolTip(plain_tip(self.tr(
            "Delegates ask for the floor on the phone page (the same join link as questions) "
            "while the session is open to phones.")))
        self.open_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_box.toggled.connect(self._on_open_toggled)
        self.count_label = plain_label(QLabel())
        self.count_label.setObjectName("floorCount")
        self.times_button = self._button(self.tr("Speaking times…"), self.edit_times)
        self.times_button.setObjectName("floorTimesButton")
        self.next_button = self._button(self.tr("Accept next (A)"), self.accept_next)
        self.next_button.setObjectName("floorAcceptNextButton")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.open_box)
        header.addWidget(self.count_label, 1)
        header.addWidget(self.times_button)
        header.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        self._layout = layout
        # The waiting requests' table, made with the first request (``table``): most
        # sessions never get one, and the Run tab's first paint would build it hidden.
        self._table: QTableWidget | None = None
        runner.did_change.connect(self._on_changes)

    @property
    def table(self) -> QTableWidget:
        """The waiting requests, one row each with Accept and Decline (hidden when none
        wait); made when first asked for."""
        if self._table is None:
            table = self._table = QTableWidget(0, 6)
            table.setObjectName("floorRequestsTable")
            table.setHorizontalHeaderLabels([
                self.tr("Kind"), self.tr("Name"), self.tr("Organisation"),
                self.tr("On behalf of"), self.tr("Waiting since"), ""])
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            # A Tab stop, read and not typed in: the room keys (A, N, Space) still act.
            table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            # Tab moves on (keyboard.free_tab_key, which ran before this table was made).
            table.setTabKeyNavigation(False)
            table.setAccessibleName(self.title.text())
            table.setToolTip(plain_tip(self.tr(
                "Up and Down choose a request; Enter accepts it, Delete declines it.")))
            for text, keys, slot in (
                    (self.tr("Accept the chosen floor request"), ("Return", "Enter"),
                     lambda: self._answer_current(self.accept)),
                    (self.tr("Decline the chosen floor request"), ("Delete",),
                     lambda: self._answer_current(self.decline))):
                action = QAction(table)  # text set apart: see MainWindow._action
                action.setText(text)
                action.setShortcuts([QKeySequence(key) for key in keys])
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                table.addAction(action)
            header_view = table.horizontalHeader()
            header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header_view.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
            # Hidden, as tall as no rows, until a request waits (_fill): laid out once.
            table.hide()
            self._fit_height(table, 0)
            self._layout.addWidget(table)
            if self.tab_after is not None:
                QWidget.setTabOrder(self.tab_after, table)
        return self._table

    def floor_room(self) -> FloorRoom:
        """The requests table's frame and header, and one row, in pixels."""
        table = self.table
        # Rows of a hidden table measure 0: their default height is what they will get.
        return FloorRoom(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth(),
                         table.verticalHeader().defaultSectionSize())

    def show_rows(self, rows: int) -> None:
        """Make the requests table ``rows`` rows high at most (the Run tab's share)."""
        if rows != self.rows_shown:
            self.rows_shown = rows
            if self._table is not None:
                self._fit_height(self._table, len(self.waiting))

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the clock's
        button.clicked.connect(lambda: slot())
        return button

    # --- showing ----------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.session_id = None if session_id is None else SessionId(session_id)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if self.session_id is not None and changes.touches(Kind.FLOOR, self.session_id):
            self.reload()

    def reload(self) -> None:
        """Read the session's waiting requests and settings again."""
        session_id = self.session_id
        settings: FloorSettings | None = None
        waiting: list[FloorRequest] = []
        if session_id is not None:
            loaded = attempt(self, self.tr("Could not read the floor requests"), lambda: (
                store.floor_settings(self.document.file, session_id),
                queue(store.list_floor_requests(self.document.file, session_id,
                                                status=FloorStatus.WAITING))))
            if loaded is not FAILED:
                settings, waiting = loaded
        self.waiting = waiting
        self.open_box.blockSignals(True)
        self.open_box.setChecked(bool(settings and settings.open))
        self.open_box.blockSignals(False)
        self.count_label.setText(self.tr("%n waiting", "", len(waiting)) if waiting else "")
        self.next_button.setEnabled(bool(waiting))
        self._fill(waiting)
        self.requests_did_change.emit(len(waiting))

    def _fill(self, waiting: list[FloorRequest]) -> None:
        if not waiting and self._table is None:
            return  # nothing waits, nor ever did here: no table to hide
        zone = self.document.time_zone
        current = self.table.currentIndex().row()
        self.table.setRowCount(len(waiting))
        for row, request in enumerate(waiting):
            texts = {KIND: core_text(request.kind.label), NAME: request.name,
                     ORGANISATION: request.affiliation, BEHALF: request.on_behalf_of,
                     SINCE: format_time_of_day(request.created_at, zone)}
            for column, text in texts.items():
                item = QTableWidgetItem(text)  # items show plain text: user text is safe
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if column == KIND and request.kind is FloorKind.POINT_OF_ORDER:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, ANSWER, self._answers(request))
        if waiting and current >= 0:  # the request after an answered one is chosen next
            self.table.setCurrentCell(min(current, len(waiting) - 1), NAME)
        self.table.setVisible(bool(waiting))
        self._fit_height(self.table, len(waiting))

    def _fit_height(self, table: QTableWidget, rows: int) -> None:
        # As tall as its rows, up to the Run tab's share: the speakers list keeps its room.
        table.setFixedHeight(self.floor_room().height(min(rows, self.rows_shown)))

    def _answer_current(self, answer) -> None:
        """Accept or decline (``answer``) the request chosen in the table."""
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.waiting):
            answer(FloorRequestId(self.waiting[row].id))

    def _answers(self, request: FloorRequest) -> QWidget:
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(2, 0, 2, 0)
        request_id = FloorRequestId(request.id)
        accept = self._button(self.tr("Accept"), lambda: self.accept(request_id))
        accept.setObjectName(f"floorAccept_{request.id}")
        decline = self._button(self.tr("Decline"), lambda: self.decline(request_id))
        decline.setObjectName(f"floorDecline_{request.id}")
        row.addWidget(accept)
        row.addWidget(decline)
        return cell

    # --- commands ---------------------------------------------------------------------------

    def accept_next(self) -> None:
        """Accept the first waiting request into the speakers list (the A key)."""
        from facilitator.actions import floor  # the command layer: on first use

        if self.session_id is not None:
            self.runner.run(floor.accept_next(self.session_id, now=self.document.clock.now()),
                            self)

    def accept(self, request_id: FloorRequestId) -> None:
        from facilitator.actions import floor  # the command layer: on first use

        if self.session_id is not None:
            self.runner.run(floor.accept(self.session_id, request_id,
                                         now=self.document.clock.now()), self)

    def decline(self, request_id: FloorRequestId) -> None:
        from facilitator.actions import floor  # the command layer: on first use

        if self.session_id is not None:
            self.runner.run(floor.decline(self.session_id, request_id,
                                          now=self.document.clock.now()), self)

    def _on_open_toggled(self, checked: bool) -> None:
        from facilitator.actions import floor  # the command layer: on first use

        if self.session_id is None:
            return
        if self.runner.run(floor.set_open(self.session_id, checked), self) is None:
            self.reload()  # refused: show what the file says

    def edit_times(self) -> None:
        from facilitator.actions import floor  # the command layer: on first use
        from facilitator.gui.floor_times_dialog import FloorTimesDialog  # on first use

        if self.session_id is None:
            return
        session_id = self.session_id
        settings = store.floor_settings(self.document.file, session_id)
        dialog = FloorTimesDialog(dict(settings.seconds), self)
        dialog.accepted.connect(lambda: self.runner.run(
            floor.set_times(session_id, dialog.seconds()), self))
        dialog.open()
        self.times_dialog = dialog
