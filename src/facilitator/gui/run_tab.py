"""The Run tab: the speakers list, the speaker's clock, the session clock and the projector.

Keyboard-first: every command is a QAction with a shortcut (Space, N, P, +, -, R, A, B,
M, F…), listed in the Session and View menus and in Help > Keyboard shortcuts. These room keys
act only while the focus is in this tab or on the projector (``keyboard.scope_keys``), and
never while a box in it is being typed in; a presenter clicker (PageDown/Right, PageUp/Left,
B or ".") drives the same commands. The clock on
screen is repainted from the event file's state a few times a second; nothing here
counts time, so what is shown after a crash and restart is what was true.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions.changes import Changes, Kind
from facilitator.core import session_clock as plan
from facilitator.core.clock_text import format_duration, format_time_of_day
from facilitator.core.model import CONSTITUENCIES, GENDERS, SLOT_KIND_LABELS, Session, Slot
from facilitator.core.stage import StageNotice
from facilitator.core.text import looks_empty
from facilitator.core.timer import Level, Phase, format_clock
from facilitator.gui.chime import Chime
from facilitator.gui.choice_delegate import ChoiceDelegate
from facilitator.gui.clock_face import banner_text
from facilitator.gui.column_widths import FittedColumns
from facilitator.gui.core_text import core_text, schedule_text
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.gui.floor_panel import FloorPanel
from facilitator.gui.focus_style import plain_cells
from facilitator.gui.keyboard import scope_keys
from facilitator.gui.projector_access import ProjectorAccess, remembered_screen
from facilitator.gui.run_tab_height import SPEAKER_ROWS, share_height
from facilitator.gui.runner import CommandRunner
from facilitator.gui.slot_model import Column, SlotTableModel
from facilitator.gui.speaker_timer import SpeakerTimer
from facilitator.gui.spoken_clock import spoken_reading
from facilitator.gui.stage_preview import StagePreview
from facilitator.gui.stage_reading import StageReading
from facilitator.gui.steady_box import SteadyBox
from facilitator.gui.user_text import add_plain_action, confirm, isolated, plain_label
from facilitator.store.stage import load_stage_notice

if TYPE_CHECKING:
    from facilitator.gui.projector import ProjectorWindow

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" (QWIDGETSIZE_MAX, not in PySide6)
REPAINT_MS = 150  # only repaints: the time shown is always derived from the file's state
ADJUST_SMALL = 30
ADJUST_LARGE = 60


def describe_session_clock(state: plan.SessionClock, zone: tzinfo) -> str:
    """The one-line session clock: planned vs projected end, overtime, who is next.

    Times of day and "minutes behind" follow core.clock_text's one rule, so the line
    always adds up: "Scheduled end 11:15 · projected 11:19 (4 min behind)".
    """
    def at(epoch: float) -> str:
        return format_time_of_day(epoch, zone)


    parts = []
    schedule = schedule_text(state.minutes_behind * 60)
    if state.basis is plan.PlanBasis.NOT_STARTED:
        parts.append(QCoreApplication.translate(
            "RunTab", "Not started · planned length {length}").format(
                length=format_duration(state.planned_total)))
    else:
        if state.basis is plan.PlanBasis.SCHEDULED_END:
            parts.append(QCoreApplication.translate("RunTab", "Scheduled end {time}").format(
                time=at(state.planned_end)))
        else:
            parts.append(QCoreApplication.translate("RunTab", "Planned end {time}").format(
                time=at(state.planned_end)))
        if state.ended_at is not None:
            parts.append(QCoreApplication.translate("RunTab", "ended {time} ({schedule})").format(
                time=at(state.projected_end), schedule=schedule))
        else:
            parts.append(QCoreApplication.translate(
                "RunTab", "projected {time} ({schedule})").format(
                    time=at(state.projected_end), schedule=schedule))
    parts.append(QCoreApplication.translate("RunTab", "overtime so far {time}").format(
        time=format_duration(state.overtime_total)))
    if state.next is not None:
        parts.append(QCoreApplication.translate("RunTab", "next: {name}").format(
            name=isolated(state.next.person.name)))
    elif state.current is not None:
        parts.append(QCoreApplication.translate("RunTab", "last speaker"))
    return " · ".join(parts)


class RunTab(QWidget):
    """Run one session live: the speakers list, its clock and the projector."""

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 runner: CommandRunner | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner or document.runner
        self.session_id: int | None = None
        self.session: Session | None = None
        self.stage_session: Session | None = None  # what the projector shows (_reload_stage)
        self._shut_down = False
        self.timer = SpeakerTimer(document, self, runner=self.runner)
        self.chime = Chime()
        self._last_remaining: tuple[int | None, float] = (None, 0.0)
        self._followed: int | None = None  # the speaker the list last scrolled to
        # The stage window, made when first needed (gui/projector_access.py); until then
        # what it would show is kept here.
        self.projector_access = ProjectorAccess(self._make_projector)
        self._stage_reading = StageReading()
        self.model = SlotTableModel(document, self)
        self._build()
        self._build_actions()
        # Room keys act here and on the projector only: never while the moderator types in
        # another tab, a dialog or the agenda. Showing the projector works window-wide.
        self.room_actions = [a for a in self._menu_actions + self._view_actions
                             if a not in (self.projector_action, self.screen_action)]
        scope_keys(self.room_actions, self)  # and on the projector, as it is made
        # A click anywhere in the tab (its buttons take no focus) brings the keys here.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(self.table)
        document.slots_did_change.connect(self._on_changed)
        document.session_did_change.connect(self._on_changed)
        document.sessions_did_change.connect(self._on_sessions_changed)
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setInterval(REPAINT_MS)
        self.repaint_timer.timeout.connect(self.refresh_clock)
        self.repaint_timer.start()
        self.notice = StageNotice()
        self._restore_stage_notice()
        # A timekeeper's message or blackout (audience/timekeeper.py) reaches the file from
        # the server thread: the stage shows what the file now says.
        self.runner.did_change.connect(self._on_stage_changed)
        self.set_session(None)

    @property
    def projector(self) -> ProjectorWindow:
        """The projector window, made now if it was not yet (``projector_access``)."""
        return self.projector_access()

    def _make_projector(self) -> ProjectorWindow:
        from facilitator.gui.projector import ProjectorWindow  # with the window, if ever

        projector = ProjectorWindow()
        scope_keys(self.room_actions, projector)
        # The projector holds no focusable widget: it takes the focus itself when clicked
        # or activated, so a clicker aimed at it reaches the room keys.
        projector.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        projector.installEventFilter(self)
        projector.addAction(self.projector_action)
        projector.visibility_did_change.connect(self.projector_action.setChecked)
        # The join code or a poll's results take the clock's place on the stage: the
        # preview says so, or the moderator would believe the speaker sees the clock.
        projector.page_did_change.connect(self.preview.show_stage_page)
        # What the stage shows now (the preview has it already).
        projector.show_reading(self._stage_reading)
        self._notice_on(projector)
        return projector

    def _notice_on(self, projector: ProjectorWindow) -> None:
        """The projector shows the stage notice: the message (left alone if it shows it,
        so its blinking does not restart) and the blackout."""
        notice = self.notice
        if notice.message != projector.message or notice.blink != projector.blinking:
            projector.show_message(notice.message, notice.blink)
        projector.set_blackout(notice.blackout)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.speaker_label = plain_label(QLabel())
        self.speaker_label.setObjectName("currentSpeaker")
        font = self.speaker_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.speaker_label.setFont(font)
        self.speaker_label.setWordWrap(True)
        self.affiliation_label = plain_label(QLabel())
        self.affiliation_label.setWordWrap(True)
        self.status_label = plain_label(QLabel())
        self.status_label.setObjectName("slotStatus")
        who = QVBoxLayout()
        who.addWidget(self.speaker_label)
        who.addWidget(self.affiliation_label)
        who.addWidget(SteadyBox(self.status_label))  # it changes with each Space press
        who.addStretch(1)

        stage = self.preview = StagePreview()
        self.clock_face = stage.clock_face
        self.banner = stage.banner

        self.session_clock_label = plain_label(QLabel())
        self.session_clock_label.setObjectName("sessionClock")
        self.session_clock_label.setWordWrap(True)

        self.table = QTableView()
        self.table.setObjectName("speakersTable")
        self.table.setAccessibleName(self.tr("Speakers list"))  # what a screen reader says
        # One line a row, cut short with "…": its rows keep one height (the clock's list
        # must not jump), and a second line half in the row was drawn cut through.
        self.table.setWordWrap(False)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        plain_cells(self.table)  # painted first at start-up, its clock cells every second
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        dragged = ((Column.ROLE, 110), (Column.ORGANISATION, 140),
                   (Column.CONSTITUENCY, 150), (Column.KIND, 120))
        for column, width in dragged:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        # The rest as wide as their contents, measured only where cells changed.
        self.fitted_columns = FittedColumns(self.table, (
            column for column in Column
            if column != Column.NAME and column not in dict(dragged)))
        self.table.setItemDelegateForColumn(Column.KIND, ChoiceDelegate(
            [(kind.value, core_text(label)) for kind, label in SLOT_KIND_LABELS.items()],
            parent=self))
        self.table.setItemDelegateForColumn(Column.GENDER, ChoiceDelegate(
            [(g, core_text(g) or self.tr("(not stated)")) for g in GENDERS], parent=self))
        self.table.setItemDelegateForColumn(Column.CONSTITUENCY, ChoiceDelegate(
            [("", ""), *((c, core_text(c)) for c in CONSTITUENCIES)], editable=True,
            parent=self))

        # Delegates' requests from their phones (A accepts the next one).
        self.floor_panel = FloorPanel(self.document, self.runner, self, tab_after=self.table)
        self.floor_panel.requests_did_change.connect(lambda _waiting: self._share_height())

        self.floor_edit = QLineEdit()
        self.floor_edit.setObjectName("floorRequestEdit")
        self.floor_edit.setPlaceholderText(self.tr("Floor request: type a name, then Enter  (R)"))
        self.floor_edit.setAccessibleName(self.floor_edit.placeholderText())
        self.floor_edit.setMaxLength(120)
        self.floor_edit.returnPressed.connect(self.add_floor_request)
        self.floor_edit.installEventFilter(self)

        self.warning_box = self._seconds_box("warningSeconds")
        self.danger_box = self._seconds_box("dangerSeconds")
        self.chime_box = QCheckBox(self.tr("Chime at 0:00"))
        self.chime_box.setObjectName("chimeBox")
        self.chime_box.toggled.connect(lambda on: self._save_settings(chime=on))
        self.warning_box.valueChanged.connect(lambda v: self._save_settings(warning_seconds=v))
        self.danger_box.valueChanged.connect(lambda v: self._save_settings(danger_seconds=v))

        self.buttons: dict[str, QPushButton] = {}
        # In a box of its own: the floor requests may take its preview down a little
        # (_share_height).
        self.stage_row = QWidget()
        self.stage_row.setObjectName("stageRow")
        top = QHBoxLayout(self.stage_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(who, 2)
        top.addWidget(stage, 3)
        controls = QGridLayout()
        top.addLayout(controls, 2)
        self._controls = controls

        lists = QHBoxLayout()
        self._list_buttons = lists
        settings = QHBoxLayout()
        for text, box in ((self.tr("Warning at"), self.warning_box),
                          (self.tr("Danger at"), self.danger_box)):
            label = plain_label(QLabel(text))
            label.setBuddy(box)  # a screen reader names the box by it
            settings.addWidget(label)
            settings.addWidget(box)
        settings.addWidget(self.chime_box)
        settings.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_row)
        layout.addWidget(SteadyBox(self.session_clock_label))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.floor_panel)
        layout.addLayout(lists)
        layout.addLayout(settings)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the layout has placed the children for the new size
        self._share_height()

    def _share_height(self) -> None:
        """Give the stage row, the speakers list and the floor requests their share of the
        height (``run_tab_height``): the list keeps its rows whatever waits."""
        panel = self.floor_panel
        waiting = len(panel.waiting)
        if not waiting:
            if self.stage_row.maximumHeight() != QWIDGETSIZE_MAX:
                self.stage_row.setMaximumHeight(QWIDGETSIZE_MAX)
            return
        # Place what just changed (the requests table shown, a row more) at once, the
        # panel's layout first: it tells this one.
        panel.layout().activate()
        self.layout().activate()
        # Twice at most: a shorter list gets a vertical scroll bar, which may bring a
        # horizontal one (a narrow window) that the second pass counts.
        for _ in range(2):
            self._share_height_now(waiting)
            if self.table.viewport().height() >= self._speaker_rows_height():
                break

    def _speaker_rows_height(self) -> int:
        return SPEAKER_ROWS * self.table.verticalHeader().defaultSectionSize()

    def _share_height_now(self, waiting: int) -> None:
        panel, table = self.floor_panel, self.table
        requests = panel.table
        room = self.stage_row.height() + table.height()
        if not requests.isHidden():
            room += requests.height()
        # The rows and what the list shows around them now: frame, header, scroll bar.
        speakers = self._speaker_rows_height() + table.height() - table.viewport().height()
        stage_least = self.stage_row.minimumSizeHint().height()
        shares = share_height(room, stage_least=stage_least,
                              stage_most=max(stage_least, self.stage_row.sizeHint().height()),
                              speakers_least=speakers, floor=panel.floor_room(),
                              waiting=waiting)
        panel.show_rows(shares.floor_rows)
        if self.stage_row.maximumHeight() != shares.stage:
            self.stage_row.setMaximumHeight(shares.stage)
        panel.layout().activate()  # and placed so now, not one frame later
        self.layout().activate()

    def _seconds_box(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(0, 30 * 60)
        box.setSingleStep(15)
        box.setSuffix(self.tr(" s left"))
        box.setAccelerated(True)
        return box

    def _action(self, text: str, slot, shortcuts: list[str] | None = None, name: str = "",
                checkable: bool = False) -> QAction:
        action = QAction(self)  # not QAction(text, self): see MainWindow._action
        action.setText(text)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            shown = QKeySequence(shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(self.tr("{action} ({key})").format(
                action=text.replace("&", "").rstrip("…"), key=shown))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.start_action = a(self.tr("&Start / pause"), self.toggle, ["Space"],
                              "actionStartPause")
        # PageDown/PageUp, Right/Left and B or "." are what presenter clickers send.
        self.next_action = a(self.tr("&Next speaker"), lambda: self.timer.step(1),
                             ["N", "PgDown", "Right"], "actionNext")
        self.previous_action = a(self.tr("&Previous speaker"), lambda: self.timer.step(-1),
                                 ["P", "PgUp", "Left"], "actionPrevious")
        self.add_small = a(self.tr("Add 30 s"), lambda: self.timer.adjust(ADJUST_SMALL), ["+", "="],
                           "actionAdd30")
        self.remove_small = a(self.tr("Take away 30 s"), lambda: self.timer.adjust(-ADJUST_SMALL),
                              ["-"], "actionRemove30")
        # On most layouts "+" already needs Shift, so Shift can't tell 1 min from 30 s.
        self.add_large = a(self.tr("Add 1 min"), lambda: self.timer.adjust(ADJUST_LARGE),
                           ["Ctrl+=", "Ctrl++"], "actionAdd60")
        self.remove_large = a(self.tr("Take away 1 min"), lambda: self.timer.adjust(-ADJUST_LARGE),
                              ["Ctrl+-"], "actionRemove60")
        self.floor_action = a(self.tr("&Floor request…"), self.focus_floor_request, ["R"],
                              "actionFloorRequest")
        self.accept_floor_action = a(self.tr("Accept ne&xt floor request from a phone"),
                                     self.floor_panel.accept_next, ["A"],
                                     "actionAcceptFloorRequest")
        self.readd_action = a(self.tr("Re-add &last speaker"), self.readd_last_speaker, ["Ctrl+R"],
                              "actionReaddLast")
        self.add_speaker_action = a(self.tr("&Add speaker…"), self.add_speaker, ["Ctrl+Shift+A"],
                                    "actionAddSpeaker")
        self.remove_speaker_action = a(self.tr("Remove speaker"), self.remove_speaker, [],
                                       "actionRemoveSpeaker")
        self.up_action = a(self.tr("Move speaker up"), lambda: self.move_selected(-1), ["Ctrl+Up"],
                           "actionMoveUp")
        self.down_action = a(self.tr("Move speaker down"), lambda: self.move_selected(1),
                             ["Ctrl+Down"], "actionMoveDown")
        self.statistics_action = a(self.tr("Speaking &time statistics…"), self.show_statistics,
                                   ["Ctrl+Shift+T"], "actionStatistics")
        self._menu_actions = [
            self.start_action, self.next_action, self.previous_action, self.add_small,
            self.remove_small, self.add_large, self.remove_large, self.floor_action,
            self.accept_floor_action, self.readd_action, self.add_speaker_action,
            self.remove_speaker_action,
            self.up_action, self.down_action, self.statistics_action,
        ]

        self.projector_action = a(self.tr("Show &projector"), self.toggle_projector,
                                  ["Ctrl+Shift+P"], "actionProjector", checkable=True)
        self.fullscreen_action = a(self.tr("Projector &fullscreen"), self.projector_fullscreen,
                                   ["F"], "actionFullscreen")
        self.blackout_action = a(self.tr("&Blackout"), self.toggle_blackout, ["B", "."],
                                 "actionBlackout", checkable=True)
        self.message_action = a(self.tr("&Message to the speaker…"), self.message_speaker, ["M"],
                                "actionMessage")
        self.clear_message_action = a(self.tr("Clear the message"),
                                      self.clear_message, ["Shift+M"],
                                      "actionClearMessage")
        self.screen_menu = QMenu(self.tr("Projector screen"), self)
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        self.screen_action = self.screen_menu.menuAction()
        self.screen_action.setObjectName("actionProjectorScreen")
        self._view_actions = [self.projector_action, self.fullscreen_action,
                              self.blackout_action, self.message_action,
                              self.clear_message_action, self.screen_action]

        buttons = [
            ("start", self.start_action, 0, 0, 1, 2), ("previous", self.previous_action, 1, 0),
            ("next", self.next_action, 1, 1), ("remove60", self.remove_large, 2, 0),
            ("add60", self.add_large, 2, 1), ("remove30", self.remove_small, 3, 0),
            ("add30", self.add_small, 3, 1), ("projector", self.projector_action, 4, 0),
            ("fullscreen", self.fullscreen_action, 4, 1), ("message", self.message_action, 5, 0),
            ("blackout", self.blackout_action, 5, 1),
        ]
        labels = {"start": self.tr("Start"), "previous": self.tr("◀ Previous (P)"),
                  "next": self.tr("Next (N) ▶"), "remove60": self.tr("−1 min"),
                  "add60": self.tr("+1 min"), "remove30": self.tr("−30 s"),
                  "add30": self.tr("+30 s"), "projector": self.tr("Projector"),
                  "fullscreen": self.tr("Fullscreen (F)"), "message": self.tr("Message (M)"),
                  "blackout": self.tr("Blackout (B)")}
        for name, action, row, column, *span in buttons:
            self.buttons[name] = self._button(labels[name], action)
            # Start says Pause or Resume as the clock goes: its box keeps the grid still.
            placed = SteadyBox(self.buttons[name]) if name == "start" else self.buttons[name]
            self._controls.addWidget(placed, row, column, *(span or [1, 1]))
        for name, text, action in (
            ("addSpeaker", self.tr("Add speaker…"), self.add_speaker_action),
            ("removeSpeaker", self.tr("Remove"), self.remove_speaker_action),
            ("readd", self.tr("Re-add last speaker"), self.readd_action),
            ("statistics", self.tr("Statistics…"), self.statistics_action),
        ):
            self.buttons[name] = self._button(text, action)
            self._list_buttons.addWidget(self.buttons[name])
        # Beside the list's buttons, not on a line of its own: the speakers list keeps that
        # height (run_tab_height).
        self._list_buttons.addWidget(self.floor_edit, 1)

    def _button(self, text: str, action: QAction) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(action.toolTip())
        button.setCheckable(action.isCheckable())
        # Buttons never take focus: Space must reach the clock, not "click" a button.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: action.trigger())
        if action.isCheckable():
            action.toggled.connect(button.setChecked)
        return button

    def first_stop(self) -> QWidget:
        """The control Tab reaches first from the tab bar (keyboard.FirstStopAfterTabBar)."""
        return self.table

    def menu_actions(self) -> list[QAction]:
        return list(self._menu_actions)

    def view_actions(self) -> list[QAction]:
        return list(self._view_actions)

    # --- the session ----------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        if (self.notice.message or self.notice.blackout) and session_id is not None and \
                self.notice.session_id != session_id and \
                self.document.session_state.live_session_id() in (None, session_id):
            # The stage now shows this session (nobody else is speaking): its podium is the
            # one that mirrors the message.
            self._save_notice(replace(self.notice, session_id=session_id))
        self.timer.session_id = session_id
        self.model.set_session(session_id)
        self.floor_panel.set_session(session_id)
        self.setEnabled(session_id is not None)
        for action in self._menu_actions:
            action.setEnabled(session_id is not None)
        self._reload()

    def _on_sessions_changed(self) -> None:
        # The session shown may just have been removed: show nothing rather than an error.
        known = {s.id for s in self.document.session_state.sessions()}
        if self.session_id is not None and self.session_id not in known:
            self.set_session(None)
        else:
            self._reload()

    def _on_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self._reload()
        else:  # another session's speaker may have started or stopped: who is on stage?
            self._reload_stage()
            self.refresh_clock()

    def _reload(self) -> None:
        self.session = None
        if self.session_id is not None:
            loaded = attempt(self, self.tr("Could not read the session"),
                             lambda: self.document.session_state.session(self.session_id))
            self.session = None if loaded is FAILED else loaded
        session = self.session
        for box, value in ((self.warning_box, session.warning_seconds if session else 60),
                           (self.danger_box, session.danger_seconds if session else 30)):
            if box.value() != value:  # the same value set again still repaints the box
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self.chime_box.blockSignals(True)
        self.chime_box.setChecked(bool(session and session.chime))
        self.chime_box.blockSignals(False)
        self._reload_stage()
        self.refresh_clock()
        self._follow_speaker()

    def _follow_speaker(self) -> None:
        """Scroll the speakers list to a new current speaker (and the next, if room): with
        forty floor requests the list stayed where it was and the one speaking was off it.
        Only when the speaker changes: a list scrolled by hand meanwhile stays put."""
        current = self.session.current_slot_id if self.session else None
        if current == self._followed:
            return
        self._followed = current
        row = self.model.row_of(current)
        if row < 0:
            return
        if row + 1 < self.model.rowCount():
            self.table.scrollTo(self.model.index(row + 1, Column.NAME))
        self.table.scrollTo(self.model.index(row, Column.NAME))

    def _reload_stage(self) -> None:
        """The session the projector shows: the one whose speaker is on stage, whichever
        session the moderator is looking at meanwhile; with nobody speaking, this one.

        Browsing the next panel's speakers list mid-speech must not take the live
        speaker's countdown off the screen.
        """
        state = self.document.session_state
        live = attempt(self, self.tr("Could not read the session"), state.live_session_id)
        if live is FAILED or live is None or live == self.session_id:
            self.stage_session = self.session
            return
        loaded = attempt(self, self.tr("Could not read the session"),
                         lambda: state.session(live))
        self.stage_session = self.session if loaded is FAILED else loaded

    def _save_settings(self, **changes) -> None:
        from facilitator.actions import sessions  # the command layer: on first use

        if self.session_id is None:
            return
        self.runner.run(sessions.edit_session(self.session_id, **changes), self)

    # --- the clock, repainted -------------------------------------------------------------

    def current_slot(self) -> Slot | None:
        if self.session is None:
            return None
        return plan.current_slot(self.session.slots, self.session.current_slot_id)

    def refresh_clock(self) -> None:
        """Repaint everything that shows time, from the stored state and the clock now."""
        now = self.document.clock.now()
        session = self.session
        slot = self.current_slot()
        reading = self._reading(session, slot, now)
        if session is not None:
            zone = self.document.time_zone
            schedule = plan.session_schedule(session.starts_at, session.ends_at, now, zone)
            state = plan.session_clock(session.slots, session.current_slot_id, now, schedule)
            self.session_clock_label.setText(describe_session_clock(state, zone))
            if slot is not None:
                self._maybe_chime(slot, slot.clock.remaining(now))
        else:
            self.session_clock_label.setText("")
        self._show_reading(reading, slot, now)
        stage = self.stage_session
        if stage is not None and session is not None and stage.id != session.id:
            reading = self._reading(stage, plan.current_slot(stage.slots,
                                                             stage.current_slot_id), now)
        self._stage_reading = reading
        projector = self.projector_access.made()
        if projector is not None:
            projector.show_reading(reading)
        self.model.current_slot_id = session.current_slot_id if session else None
        self.model.refresh_times()

    def _reading(self, session: Session | None, slot: Slot | None, now: float) -> StageReading:
        """What the stage shows of ``session`` with ``slot`` under the cursor, now."""
        reading = StageReading(session_title=session.title if session else "")
        if session is not None:
            state = plan.session_clock(session.slots, session.current_slot_id, now)
            if slot is not None:
                clock = slot.clock
                level = Level.NORMAL
                if slot.phase is not Phase.NOT_STARTED:
                    level = clock.level(now, session.warning_seconds, session.danger_seconds)
                reading = StageReading(
                    session_title=session.title,
                    speaker=slot.person.name,
                    affiliation=slot.person.affiliation,
                    clock=format_clock(clock.remaining(now)),
                    level=level,
                    banner=banner_text(level, session.warning_seconds),
                    next_speaker=state.next.person.name if state.next else "",
                    paused=slot.phase is Phase.PAUSED,
                )
                if reading.paused:
                    # The speaker must know the clock stopped on purpose.
                    paused = self.tr("PAUSED")
                    reading = reading._replace(banner=f"{paused} · {reading.banner}"
                                               if reading.banner else paused)
        return reading

    def _show_reading(self, reading: StageReading, slot: Slot | None, now: float) -> None:
        self.speaker_label.setText(reading.speaker or self.tr("No speaker"))
        self.affiliation_label.setText(reading.affiliation)
        self.clock_face.set_reading(reading.clock, reading.level)
        self.clock_face.describe(spoken_reading(reading.speaker, reading.clock,
                                                reading.level, reading.paused))
        self.banner.set_state(reading.level, reading.banner, reading.paused)
        phase = slot.phase if slot else None
        status = {
            None: self.tr("The speakers list is done.")
            if self.session and self.session.slots else "",
            Phase.NOT_STARTED: self.tr("Ready: press Space to start."),
            Phase.RUNNING: self.tr("Speaking for {time}").format(
                time=format_duration(slot.clock.elapsed(now))) if slot else "",
            Phase.PAUSED: self.tr("Paused: press Space to resume."),
            Phase.ENDED: self.tr("Finished: press Space to continue this speaker, N for the "
                                 "next."),
        }[phase]
        if slot is not None and slot.clock.adjustment:
            status += self.tr("  (time {sign}{time})").format(
                sign="+" if slot.clock.adjustment > 0 else "−",
                time=format_duration(abs(slot.clock.adjustment)))
        self.status_label.setText(status)
        self.buttons["start"].setText({Phase.RUNNING: self.tr("Pause (Space)"),
                                       Phase.PAUSED: self.tr("Resume (Space)")}.get(
            phase, self.tr("Start (Space)")))

    def _maybe_chime(self, slot: Slot, remaining: float) -> None:
        last_id, last_remaining = self._last_remaining
        self._last_remaining = (slot.id, remaining)
        # Only on the crossing seen live: a restart into overtime must not chime again.
        if (self.session and self.session.chime and slot.phase is Phase.RUNNING
                and last_id == slot.id and last_remaining > 0 >= remaining):
            self.chime.play()

    # --- commands -------------------------------------------------------------------------

    def toggle(self) -> None:
        self.timer.toggle()

    def focus_floor_request(self) -> None:
        self.floor_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.floor_edit.selectAll()

    def add_floor_request(self) -> None:
        name = self.floor_edit.text()
        if looks_empty(name):
            return
        if self.timer.add_floor_request(name) is not None:
            self.floor_edit.clear()
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.projector_access.made() and \
                event.type() == QEvent.Type.WindowActivate:
            # Qt leaves a window without focusable children unfocused when activated.
            self.projector.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if (watched is self.floor_edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            self.floor_edit.clear()
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def readd_last_speaker(self) -> None:
        self.timer.readd_last_speaker()

    def add_speaker(self) -> None:
        from facilitator.gui.speaker_dialog import SpeakerDialog  # made when first asked for

        if self.session_id is None:
            return
        dialog = SpeakerDialog(self, clock=self.document.clock, zone=self.document.time_zone)
        after = self.model.selected_slot_id(self.table.selectionModel())
        dialog.accepted.connect(lambda: self.timer.add_speaker(dialog.slot(), after))
        dialog.open()

    def selected_slot(self) -> Slot | None:
        index = self.table.currentIndex()
        return self.model.slot_at(index.row()) if index.isValid() else None

    def remove_speaker(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            return
        if slot.phase is not Phase.NOT_STARTED:
            confirm(self, self.tr("Remove speaker"),
                    self.tr("{name} has already spoken; removing the turn removes its "
                            "recorded time too. Remove it?").format(name=slot.person.name),
                    self.tr("&Remove"), lambda: self._remove_slot(slot), "removeSpeakerQuestion")
            return
        self._remove_slot(slot)

    def _remove_slot(self, slot: Slot) -> None:
        from facilitator.actions import speakers

        self.runner.run(speakers.remove_speaker(slot.session_id, slot.id), self)

    def move_selected(self, step: int) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        self.model.move_slot(row, target + 1 if step > 0 else target)
        self.table.setCurrentIndex(self.model.index(target, index.column()))

    def show_statistics(self) -> None:
        from facilitator.core.statistics import session_statistics
        from facilitator.gui.statistics_dialog import StatisticsDialog

        if self.session is None:
            return
        stats = session_statistics(self.session.slots, self.document.clock.now())
        dialog = StatisticsDialog(self.session.title, stats, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.statistics_dialog = dialog

    # --- the projector --------------------------------------------------------------------

    def toggle_projector(self, shown: bool) -> None:
        if shown:
            self.projector.show_on_stage(self.screen())
        elif (projector := self.projector_access.made()) is not None:
            projector.hide()

    def projector_fullscreen(self) -> None:
        self.projector.toggle_fullscreen(self.screen())
        self.projector_action.setChecked(self.projector.isVisible())

    def toggle_blackout(self, on: bool) -> None:
        if not self._save_notice(replace(self.notice, session_id=self.session_id,
                                         blackout=on)):
            self.blackout_action.setChecked(self.notice.blackout)

    def message_speaker(self) -> None:
        from facilitator.gui.message_dialog import MessageDialog  # made when first asked for

        dialog = MessageDialog(self.notice.message, parent=self)
        dialog.accepted.connect(
            lambda: self.show_message(dialog.message(), dialog.blink()))
        dialog.open()
        self.message_dialog = dialog

    def show_message(self, text: str, blink: bool = False) -> None:
        """The moderator's message on the projector, its preview and the podium view."""
        self._save_notice(replace(self.notice, session_id=self.session_id, message=text,
                                  blink=blink))

    def clear_message(self) -> None:
        self.show_message("", False)

    def _save_notice(self, notice: StageNotice) -> bool:
        """Commit the stage notice first (the podium reads it from the file), then show it
        on the projector and the preview; False when it could not be saved."""
        from facilitator.actions import sessions  # the command layer: on first use

        done = self.runner.run(sessions.show_on_stage(notice), self)
        if done is None:
            return False
        self._show_notice(done.result)
        return True

    def _on_stage_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.NOTICE) and not self._shut_down:
            self._restore_stage_notice()

    def _restore_stage_notice(self) -> None:
        # After a restart the stage shows what was last committed, as the podium does.
        loaded = attempt(self, self.tr("Could not read the stage message"),
                         lambda: load_stage_notice(self.document.file))
        if loaded is not FAILED:
            self._show_notice(loaded)

    def _show_notice(self, notice: StageNotice) -> None:
        self.notice = notice
        projector = self.projector_access.made()  # else given the notice as it is made
        if projector is not None:
            self._notice_on(projector)
        self.preview.show_message(notice.message, notice.blink)
        self.preview.set_blackout(notice.blackout)
        if self.blackout_action.isChecked() != notice.blackout:
            self.blackout_action.blockSignals(True)
            self.blackout_action.setChecked(notice.blackout)
            self.blackout_action.blockSignals(False)
            self.buttons["blackout"].setChecked(notice.blackout)

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        projector = self.projector_access.made()
        current = projector.screen().name() if projector is not None and \
            projector.isVisible() else remembered_screen()
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            name = screen.name()
            action = add_plain_action(self.screen_menu,
                                      f"{name} ({geometry.width()}×{geometry.height()})")
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(lambda _=False, n=name: self._send_to(n))

    def _send_to(self, name: str) -> None:
        self.projector.send_to_screen(name)
        if not self.projector.isVisible():
            self.projector.show()
            self.projector_action.setChecked(True)

    def shutdown(self) -> None:
        """The main window closes: stop repainting and close the projector with it."""
        if self._shut_down:
            return
        self._shut_down = True
        self.repaint_timer.stop()
        projector = self.projector_access.made()
        if projector is not None:
            projector.close()
            projector.deleteLater()
