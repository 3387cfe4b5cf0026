"""The Questions tab: open the session to phones, show how to join, moderate questions.

The phone server runs in its own thread (``audience.runner.PhoneServer``). It tells the app
about new questions and votes through a callback that only emits a Qt signal; Qt queues it
to the GUI thread, where the document's ``questions_did_change`` refreshes every view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import questions, sessions
from facilitator.actions.changes import Changes, Kind
from facilitator.actions.command import Command, together
from facilitator.core.model import Session, SlotKind
from facilitator.core.questions import QuestionStatus, clean_watch_words
from facilitator.core.timer import Phase
from facilitator.gui.burst_flag import BurstFlag
from facilitator.gui.core_text import unprintable_note
from facilitator.gui.document import FAILED, EventDocument, attempt, show_error
from facilitator.gui.merge_dialog import MergeDialog
from facilitator.gui.projector import ProjectorWindow
from facilitator.gui.qr_widget import QrWidget
from facilitator.gui.question_model import (
    Column,
    QuestionFilter,
    QuestionIdRole,
    QuestionTableModel,
)
from facilitator.gui.runner import CommandRunner
from facilitator.store import EventFileError
from facilitator.store import questions as store
from facilitator.store.phone_address import (
    PhoneAddress,
    remember_phone_address,
    remembered_phone_address,
)
from facilitator.store.sessions import (
    live_session_id,
)

if TYPE_CHECKING:
    from facilitator.audience import runner as runner_module

LOCAL_ONLY = "127.0.0.1"
NEWS_DELAY_MS = 250  # the table shows phones' questions and votes this soon, at most
# The server's news by name: phones say "questions", "votes", "burst" (all QUESTIONS); team
# devices name the kind their command changed ("clock", "stage", "notes", ...).
_NEWS_KINDS = {kind.value: kind for kind in Kind}


def _label(text: str = "", name: str = "", selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # audience text is never markup
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label



def phone_server() -> ModuleType:
    """The phone server's module, loaded when phones are first let in (asyncio, psutil and
    uvicorn are not needed to start the app)."""
    from facilitator.audience import runner

    return runner


class ServerSignals(QObject):
    """Carries the server thread's news to the GUI thread as a queued signal."""

    questions_arrived = Signal(str, int)

    def notify(self, kind: str, session_id: int) -> None:
        """Called on the server thread: only emits, never touches a widget."""
        self.questions_arrived.emit(kind, session_id)


class QuestionsTab(QWidget):
    """Audience questions for the selected session."""

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 runner: CommandRunner | None = None,
                 projector: ProjectorWindow | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner or document.runner
        self._projector = projector  # the Run tab's, shared: questions go on the stage
        self._after_edit_commands: list[Command] = []
        self.session_id: int | None = None
        self.server: runner_module.PhoneServer | None = None
        self.opened_sessions: set[int] = set()
        # The podium view keeps the server running with questions closed (see serve_podium).
        self.podium_served = False
        # The team's role links (gui/team_panel.py) keep the server running too.
        self.team_served = False
        # A live poll was opened (gui/polls): the server keeps running for it.
        self.polls_served = False
        # Where the phone server listens: every interface, unless this laptop's settings
        # say one address ("phones/listen"); tests use 127.0.0.1 and port 0 (a free port).
        self.server_host = str(QSettings().value("phones/listen", "0.0.0.0") or "0.0.0.0")
        self.server_port: int | None = None  # None: the event's port, else 8765
        self.told_before: PhoneAddress | None = None  # the address phones knew at opening
        self.signals = ServerSignals(self)
        self.signals.questions_arrived.connect(self._on_server_news,
                                               Qt.ConnectionType.QueuedConnection)
        self._news: set[tuple[int, Kind]] = set()
        self._news_bursts: set[int] = set()
        # While phones' news is announced: the questions they wrote (None: read them all).
        self._news_questions: set[int] | None = None
        self._named_later: dict[int, set[int] | None] = {}  # taken before their notice came
        self._news_timer = QTimer(self)
        self._news_timer.setSingleShot(True)
        self._news_timer.setInterval(NEWS_DELAY_MS)
        self._news_timer.timeout.connect(self._show_server_news)
        self.model = QuestionTableModel(
            document.file, self,
            watch_words=lambda session_id: document.session_state.session(
                session_id).watch_words)
        self.model.write_text = self._write_text
        self._build()
        self._build_actions()
        document.questions_did_change.connect(self._on_questions_changed)
        document.session_did_change.connect(self._on_session_changed)
        document.sessions_did_change.connect(self._forget_removed_sessions)
        # Clock keys change the speakers list many times a minute: only the names of who
        # may answer follow it, the questions need no reload.
        document.slots_did_change.connect(self._on_slots_changed)
        self._reload_after_edit = False
        # What "Answered by" last proposed, and for which question (see _propose_answerer).
        self._proposed_answerer = ""
        self._proposed_for: int | None = None
        self.table.itemDelegate().closeEditor.connect(self._on_editor_closed)
        self.set_session(None)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        splitter.addWidget(self._build_join_panel())
        splitter.addWidget(self._build_moderation())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 940])

    def _build_join_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Phones"))
        grid = QVBoxLayout(panel)
        self.open_button = QPushButton(self.tr("Open questions for this session"))
        self.open_button.setObjectName("openQuestionsButton")
        self.open_button.setCheckable(True)
        self.open_button.toggled.connect(self._on_open_toggled)
        grid.addWidget(self.open_button)
        self.state_label = _label("", "serverState")
        grid.addWidget(self.state_label)
        row = QHBoxLayout()
        row.addWidget(_label(self.tr("Address phones use:")), 1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setToolTip(self.tr("Look for network connections again (after joining the Wi-Fi)"))
        refresh.clicked.connect(self.refresh_addresses)
        row.addWidget(refresh)
        grid.addLayout(row)
        self.address_box = QComboBox()
        self.address_box.setObjectName("addressChooser")
        self.address_box.setToolTip(self.tr("The laptop's address on the venue network, as "
                                            "phones will use it"))
        self.address_box.currentIndexChanged.connect(self._on_address_chosen)
        grid.addWidget(self.address_box)
        self.address_note = _label("", "addressNote")
        self.address_note.hide()
        grid.addWidget(self.address_note)
        self.qr = QrWidget()
        self.qr.setObjectName("joinQr")
        grid.addWidget(self.qr, 1)
        self.code_label = _label("", "shortCode", selectable=True)
        font = QFont()
        font.setPointSize(22)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.code_label)
        self.url_label = _label("", "joinUrl", selectable=True)
        self.url_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.url_label)
        self.projector_button = QPushButton(self.tr("Show join code on projector"))
        self.projector_button.setObjectName("showJoinButton")
        self.projector_button.setCheckable(True)
        self.projector_button.toggled.connect(self._on_show_join_toggled)
        grid.addWidget(self.projector_button)
        self.poster_button = QPushButton(self.tr("Save QR poster…"))
        self.poster_button.setObjectName("posterButton")
        self.poster_button.clicked.connect(self.save_poster)
        grid.addWidget(self.poster_button)
        grid.addWidget(_label(self.tr("Podium view (the stage on a phone or tablet at the "
                                      "podium: clock, messages, blackout; keep this link "
                                      "private):")))
        self.podium_button = QPushButton(self.tr("Serve the podium view"))
        self.podium_button.setObjectName("podiumButton")
        self.podium_button.setCheckable(True)
        self.podium_button.setToolTip(self.tr("Start the phone server for the podium view "
                                              "alone; questions stay closed"))
        self.podium_button.toggled.connect(self._on_podium_toggled)
        grid.addWidget(self.podium_button)
        speaker_row = QHBoxLayout()
        self.speaker_label = _label("", "speakerUrl", selectable=True)
        speaker_row.addWidget(self.speaker_label, 1)
        copy = QPushButton(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy the podium view's address"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            self.speaker_label.text()))
        speaker_row.addWidget(copy)
        grid.addLayout(speaker_row)
        panel.setMinimumWidth(280)
        return panel

    def _build_moderation(self) -> QWidget:
        box = QWidget()
        box.setObjectName("moderation")
        self.moderation = box
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(_label(self.tr("Show:")))
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("questionFilter")
        for value in QuestionFilter:
            self.filter_box.addItem(value.label, value.value)
        self.filter_box.currentIndexChanged.connect(
            lambda _: self.model.set_filter(QuestionFilter(self.filter_box.currentData())))
        bar.addWidget(self.filter_box)
        bar.addWidget(_label(self.tr("Sort by:")))
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("questionSort")
        self.sort_box.addItem(self.tr("Votes"), "votes")
        self.sort_box.addItem(self.tr("Time"), "time")
        self.sort_box.currentIndexChanged.connect(
            lambda _: self._keep_selection(lambda: self.model.set_sort(
                self.sort_box.currentData())))
        bar.addWidget(self.sort_box)
        self.auto_approve = QCheckBox(self.tr("Approve automatically"))
        self.auto_approve.setObjectName("autoApprove")
        self.auto_approve.setToolTip(self.tr("New questions go straight to the phones, except "
                                             "those with a watch word"))
        self.auto_approve.toggled.connect(self._on_auto_approve)
        bar.addWidget(self.auto_approve)
        bar.addStretch(1)
        # Wraps only when squeezed (longer languages), so the tab never widens the window.
        self.counts_label = _label("", "questionCounts")
        bar.addWidget(self.counts_label)
        layout.addLayout(bar)
        self.burst_flag = BurstFlag(self._bursts, self._question_text)
        layout.addWidget(self.burst_flag)

        self.table = QTableView()
        self.table.setObjectName("questionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.QUESTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.NUMBER, 36), (Column.FROM, 120), (Column.TO, 110),
                              (Column.VOTES, 48), (Column.STATUS, 96), (Column.NOTES, 90)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # The current row changes before the selection follows it: look after both.
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._propose_answerer())
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._propose_answerer())
        self.model.modelReset.connect(self._after_reset)
        # Rows that came or changed are sized (when on screen); the others keep their height.
        self.model.rowsInserted.connect(lambda *_: self._after_rows_changed())
        self.model.rowsRemoved.connect(lambda *_: self._after_rows_changed())
        self.model.rowsMoved.connect(lambda *_: self._after_rows_changed())
        self.model.layoutChanged.connect(lambda *_: self._after_rows_changed())
        self.model.dataChanged.connect(self._after_data_changed)
        self._sized_rows: set[int] = set()  # question ids whose row fits their text
        self._sized_width = -1
        # Scrolling, a taller window or a new column width: size what came into view once
        # the event loop is back (Qt settles the stretched column's width lazily).
        self._size_timer = QTimer(self, singleShot=True, interval=0)
        self._size_timer.timeout.connect(self._size_visible_rows)
        scroll = self.table.verticalScrollBar()
        scroll.valueChanged.connect(lambda _: self._size_timer.start())
        scroll.rangeChanged.connect(lambda *_: self._size_timer.start())
        header.sectionResized.connect(lambda *_: self._size_timer.start())
        layout.addWidget(self.table, 1)

        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = [("approve", self.tr("Approve (A)")), ("reject", self.tr("Not selected (X)")),
                 ("edit", self.tr("Edit wording (E)")), ("merge", self.tr("Merge (G)")),
                 ("star", self.tr("Star (S)")), ("screen", self.tr("Put on screen (O)")),
                 ("answered", self.tr("Mark answered (D)")), ("tags", self.tr("Tags (T)…"))]
        for index, (name, text) in enumerate(specs):
            button = QPushButton(text)
            button.setObjectName(f"{name}Button")
            self.buttons[name] = button
            buttons.addWidget(button, 0, index)
        self.buttons["approve"].clicked.connect(self.approve_selected)
        self.buttons["reject"].clicked.connect(self.reject_selected)
        self.buttons["edit"].clicked.connect(self.edit_current)
        self.buttons["merge"].clicked.connect(self.merge_selected)
        self.buttons["star"].clicked.connect(self.star_selected)
        self.buttons["screen"].clicked.connect(self.toggle_on_screen)
        self.buttons["answered"].clicked.connect(self.answer_selected)
        self.buttons["tags"].clicked.connect(self.tag_current)
        layout.addLayout(buttons)

        answer_row = QHBoxLayout()
        answer_row.addWidget(_label(self.tr("Answered by:")))
        self.answered_by = QComboBox()
        self.answered_by.setObjectName("answeredBy")
        self.answered_by.setEditable(True)
        self.answered_by.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        answer_row.addWidget(self.answered_by, 1)
        layout.addLayout(answer_row)

        words_row = QHBoxLayout()
        words_row.addWidget(_label(self.tr("Watch words:")))
        self.watch_words = QLineEdit()
        self.watch_words.setObjectName("watchWords")
        self.watch_words.setPlaceholderText(self.tr("words that send a question to review, "
                                                    "separated by commas"))
        self.watch_words.editingFinished.connect(self._save_watch_words)
        words_row.addWidget(self.watch_words, 1)
        layout.addLayout(words_row)
        return box

    def _build_actions(self) -> None:
        # Moderation keys act inside the moderation area only, so single letters never
        # collide with the Run tab's keys, which work window-wide (text fields keep their
        # letters: Qt lets an editor override shortcuts for typed characters).
        self.table_actions: list[QAction] = []
        for keys, text, slot in (
            ("A", self.tr("Approve question"), self.approve_selected),
            ("X", self.tr("Question not selected"), self.reject_selected),
            ("E", self.tr("Edit question wording"), self.edit_current),
            ("G", self.tr("Merge questions"), self.merge_selected),
            ("S", self.tr("Star question"), self.star_selected),
            ("O", self.tr("Put question on screen"), self.toggle_on_screen),
            ("D", self.tr("Mark question answered"), self.answer_selected),
            ("T", self.tr("Tag question"), self.tag_current),
        ):
            action = QAction(text, self.moderation)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.moderation.addAction(action)
            self.table_actions.append(action)
        self.open_action = QAction(self.tr("&Open questions for this session"), self)
        self.open_action.setObjectName("actionOpenQuestions")
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_action.triggered.connect(self.open_button.toggle)
        self.join_action = QAction(self.tr("Show &join code on projector"), self)
        self.join_action.setObjectName("actionShowJoin")
        self.join_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.join_action.triggered.connect(self.projector_button.toggle)
        self.poster_action = QAction(self.tr("Save QR &poster…"), self)
        self.poster_action.triggered.connect(self.save_poster)

    def menu_actions(self) -> list[QAction]:
        return [self.open_action, self.join_action, self.poster_action]

    # --- session --------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        if self.server is not None:  # team devices act on it while nobody speaks
            self.server.show_session(session_id)
        self.setEnabled(session_id is not None)
        self.model.set_session(session_id)
        self.burst_flag.show_session(session_id)
        if self.server_running:
            self.refresh_addresses()
        self._show_session()
        self._refresh_projector_question()  # the stage's question, not the last one shown

    def session(self) -> Session | None:
        if self.session_id is None:
            return None
        try:
            return self.document.session_state.session(self.session_id)
        except EventFileError:
            return None

    def _show_session(self) -> None:
        session = self.session()
        is_open = bool(session and session.questions_open and self.server_running)
        self.open_button.blockSignals(True)
        self.open_button.setChecked(is_open)
        self.open_button.blockSignals(False)
        self.open_button.setText(self.tr("Close questions") if is_open
                                 else self.tr("Open questions for this session"))
        self.auto_approve.blockSignals(True)
        self.auto_approve.setChecked(bool(session and session.auto_approve))
        self.auto_approve.blockSignals(False)
        if not self.watch_words.hasFocus():
            self.watch_words.setText(", ".join(session.watch_words) if session else "")
        current = self.answered_by.currentText()
        self.answered_by.blockSignals(True)
        self.answered_by.clear()
        if session:
            names = []
            for slot in session.slots:
                if slot.kind is not SlotKind.FLOOR and slot.person.name not in names:
                    names.append(slot.person.name)
            self.answered_by.addItems(names)
        self.answered_by.setCurrentText(current)
        self.answered_by.blockSignals(False)
        self._propose_answerer(session)
        self._show_join()
        self._show_counts()

    def speaking_now(self, session: Session | None = None) -> str:
        """The name of the panellist whose clock is running or paused under the cursor
        ("" between speakers, or when the floor has it)."""
        session = session or self.session()
        if session is None or session.current_slot_id is None:
            return ""
        for slot in session.slots:
            if (slot.id == session.current_slot_id and slot.kind is not SlotKind.FLOOR
                    and slot.phase in (Phase.RUNNING, Phase.PAUSED)):
                return slot.person.name
        return ""

    def _propose_answerer(self, session: Session | None = None) -> None:
        """"Answered by" proposes the speaker speaking now, else the current question's
        addressee. A name the moderator chose stays until another question is current."""
        question_id = self.current_id()
        row = self.model.row_of(question_id) if question_id is not None else -1
        addressee = self.model.question_at(row).addressed_to if row >= 0 else ""
        proposal = self.speaking_now(session) or addressee
        chosen = self.answered_by.currentText()
        untouched = chosen == self._proposed_answerer
        if question_id != self._proposed_for or untouched:
            self.answered_by.setCurrentText(proposal)
            self._proposed_answerer, self._proposed_for = proposal, question_id

    @property
    def server_running(self) -> bool:
        return self.server is not None and self.server.running

    def refresh_addresses(self) -> None:
        """List the addresses phones may use; keep the one chosen, else the one this event's
        phones were told before (posters carry it), else the best (``usable_addresses``)."""
        remembered = remembered_phone_address(self.document.file)
        chosen = self.address_box.currentData() or (remembered.ip if remembered else None)
        self.address_box.blockSignals(True)
        self.address_box.clear()
        for address in phone_server().usable_addresses():
            self.address_box.addItem(address.label(), address.ip)
        self.address_box.addItem(self.tr("127.0.0.1 (this laptop)"), LOCAL_ONLY)
        index = self.address_box.findData(chosen)
        self.address_box.setCurrentIndex(max(0, index))
        self.address_box.blockSignals(False)
        self._remember_address()
        self._show_join()

    def _on_address_chosen(self, _index: int) -> None:
        self._remember_address()
        self._show_join()

    def _show_address_note(self) -> None:
        """Say so when phones are now told another address or port than before."""
        told, now = self.told_before, self.short_address()
        changed = bool(told and now and told.short() != now
                       and self.address_box.currentData() != LOCAL_ONLY)
        self.address_note.setText(self.tr(
            "Phones were told {before} before, and are now told {now}: QR codes and posters "
            "printed with {before} will not work, print them again.").format(
                before=told.short(), now=now) if changed and told else "")
        self.address_note.setVisible(changed)

    def _remember_address(self) -> None:
        """Keep the address and port phones are told in the event file, for posters and a
        restart on the same address (store.phone_address)."""
        ip = self.address_box.currentData()
        if not (self.server_running and self.server and self.server.port and ip):
            return
        if ip == LOCAL_ONLY:
            return  # only this laptop: nothing printed points there
        attempt(self, self.tr("Could not save the address"),
                lambda: remember_phone_address(self.document.file, ip, self.server.port))

    def short_address(self) -> str:
        """Where the code is typed, as people type it: ``192.168.1.20:8765`` (empty while
        the server is stopped)."""
        if not (self.server_running and self.server and self.server.port):
            return ""
        return f"{self.address_box.currentData()}:{self.server.port}"

    def join_url(self) -> str:
        """The join URL phones use (empty while the server is stopped)."""
        session = self.session()
        if not (session and self.server_running and self.server and self.server.port):
            return ""
        return phone_server().join_url(self.address_box.currentData(), self.server.port,
                                       session.join_token)

    def speaker_url(self) -> str:
        session = self.session()
        if not (session and self.server_running and self.server and self.server.port):
            return ""
        return phone_server().speaker_url(self.address_box.currentData(), self.server.port,
                           session.speaker_token)

    def _show_join(self) -> None:
        session = self.session()
        url = self.join_url()
        is_open = bool(url and session and session.questions_open)
        self.qr.set_text(url if is_open else "")
        self.url_label.setText(url if is_open else "")
        self.code_label.setText(self.tr("Code: {code}").format(code=session.short_code)
                                if is_open and session else "")
        # The podium link works whenever the server runs, questions open or not.
        self.speaker_label.setText(self.speaker_url())
        self.podium_button.blockSignals(True)
        self.podium_button.setChecked(self.podium_served and self.server_running)
        self.podium_button.blockSignals(False)
        self._show_address_note()
        self.projector_button.setEnabled(is_open)
        self.poster_button.setEnabled(is_open)
        self.join_action.setEnabled(is_open)
        self.poster_action.setEnabled(is_open)
        if not self.server_running:
            self.state_label.setText(
                self.tr("Questions are closed. Open them to show the QR code."))
        elif session and session.questions_open:
            port = self.server.port if self.server else ""
            self.state_label.setText(self.tr("Open: phones on the same network can join "
                                             "(port {port}).").format(port=port))
        elif self.team_served and not self.opened_sessions:
            self.state_label.setText(self.tr("Questions are closed; the phone server runs for "
                                             "the team's links (port {port}).").format(
                                                 port=self.server.port if self.server else ""))
        elif self.podium_served and not self.opened_sessions:
            self.state_label.setText(self.tr("Questions are closed; the phone server runs for "
                                             "the podium view (port {port}).").format(
                                                 port=self.server.port if self.server else ""))
        else:
            self.state_label.setText(self.tr("The phone server is running for another session."))
        if self.projector_button.isChecked():
            self._show_join_on_projector(is_open)

    def _show_counts(self) -> None:
        if self.session_id is None:
            self.counts_label.setText("")
            return
        counts = self.model.counts()  # as read for the table: no query of its own
        text = self.tr(
            "{review} to review · {approved} approved · {answered} answered · "
            "{not_selected} not selected").format(
                review=counts[QuestionStatus.PENDING],
                approved=counts[QuestionStatus.APPROVED],
                answered=counts[QuestionStatus.ANSWERED],
                not_selected=counts[QuestionStatus.REJECTED])
        if counts[QuestionStatus.MERGED]:
            # Merged questions live on in the one they joined: they were not turned down.
            text += self.tr(" · {merged} merged").format(merged=counts[QuestionStatus.MERGED])
        self.counts_label.setText(text)

    # --- the server -----------------------------------------------------------------------

    def _on_open_toggled(self, checked: bool) -> None:
        if checked:
            self.open_questions()
        else:
            self.close_questions()

    def phone_port(self) -> int | None:
        """The port to listen on: the one set for this tab (tests), else the one this
        event's phones were told before, else None (8765)."""
        if self.server_port is not None:
            return self.server_port
        remembered = remembered_phone_address(self.document.file)
        return remembered.port if remembered else None

    def open_questions(self, port: int | None = None, session_id: int | None = None) -> bool:
        """Start the phone server (if needed) on ``port`` (default ``phone_port()``) and
        open a session (default: the one shown) to phones. A port another program holds
        is never swapped silently: the moderator is asked (``portTakenMessage``) and False
        returned."""
        session_id = self.session_id if session_id is None else session_id
        if session_id is None:
            return False
        if not self._start_server(
                self.tr("Could not open questions"), port,
                # After "Try again" or "Use port N", unless the moderator moved on meanwhile.
                lambda chosen: self.open_questions(port=chosen)
                if self.session_id == session_id else None):
            return False
        if self.runner.run(questions.set_open(session_id, True), self) is None:
            self._show_session()
            return False
        self.opened_sessions.add(session_id)
        self._show_session()
        return True

    def _start_server(self, failure: str, port: int | None = None,
                      again: Callable[[int | None], object] | None = None) -> bool:
        """Start the phone server unless it runs, on ``port`` (default ``phone_port()``);
        False (after a message) if it cannot. A port another program holds is never
        swapped silently: the moderator is asked, and ``again(port)`` follows their choice."""
        if self.server_running:
            return True
        runner = phone_server()
        self.told_before = remembered_phone_address(self.document.file)
        self.server = runner.PhoneServer(self.document.file.path, self.signals.notify,
                                         host=self.server_host,
                                         port=self.phone_port() if port is None else port,
                                         clock=self.document.clock)
        self.server.show_session(self.session_id)
        try:
            self.server.start()
        except runner.PortTaken as error:
            self.server = None
            self._ask_about_taken_port(error, again)
            self._show_session()
            return False
        except runner.PhoneServerError as error:
            self.server = None
            show_error(self, failure, str(error))
            self._show_session()
            return False
        # The laptop's addresses are looked up when phones are let in, not at start-up:
        # the venue network may have changed since, and the lookup costs start-up time.
        self.refresh_addresses()
        return True

    def _on_podium_toggled(self, checked: bool) -> None:
        if checked:
            self.serve_podium()
        else:
            self.stop_podium()

    def serve_podium(self, port: int | None = None) -> bool:
        """Serve the podium view (every session's podium link) with questions closed.

        A session's podium link exists from its creation (its token never changes); it
        answers whenever the phone server runs, which this starts and keeps running until
        ``stop_podium``, whatever happens to questions.
        """
        if not self._start_server(self.tr("Could not serve the podium view"), port,
                                  lambda chosen: self.serve_podium(port=chosen)):
            return False
        self.podium_served = True
        self._show_session()
        return True

    def serve_polls(self) -> bool:
        """Let phones in for a live poll (the Polls tab calls this when it opens one): the
        server starts if it is not running and keeps running, questions open or not."""
        if not self._start_server(self.tr("Could not open the poll to phones")):
            return False
        self.polls_served = True
        self._show_session()
        return True

    def stop_podium(self) -> None:
        """No longer keep the server for the podium; it stops unless questions are open."""
        self.podium_served = False
        if not self._server_needed():
            self._stop_server()
        self._show_session()

    def _ask_about_taken_port(self, error,
                              again: Callable[[int | None], object] | None) -> None:
        """Another program has the port phones were told: try again, or take another port
        (posters must then be printed again); never decided without the moderator."""
        text = self.tr("Port {port} is in use by another program, so phones cannot reach "
                       "facilitator on it.\n\nClose the other program and try again, or use "
                       "another port: QR codes and posters printed with port {port} will then "
                       "not work, print them again.").format(port=error.port)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Port in use"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("portTakenMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        retry = box.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        retry.setObjectName("retryPortButton")
        other = None
        if error.free:
            other = box.addButton(self.tr("Use port {port}").format(port=error.free),
                                  QMessageBox.ButtonRole.ActionRole)
            other.setObjectName("otherPortButton")
        box.addButton(QMessageBox.StandardButton.Cancel)

        def chosen(button) -> None:
            if again is None:
                return
            if button is retry:
                again(None)
            elif other is not None and button is other:
                again(error.free)

        box.buttonClicked.connect(chosen)
        box.open()

    def close_questions(self) -> None:
        """Close this session to phones; stop the server when no session needs it."""
        session_id = self.session_id
        if session_id is not None:
            self.runner.run(questions.set_open(session_id, False), self)
            self.document.session_state.forget(session_id)
            self.opened_sessions.discard(session_id)
        if not self.opened_sessions and not self.podium_served and self.server_running \
                and self.server.podium_in_use():
            # A podium screen is reading the clock: it stays lit, the server keeps running
            # for it (the "Serve the podium view" button shows it; unchecking stops it).
            self.podium_served = True
        if not self._server_needed():
            self._stop_server()
        self.projector_button.setChecked(False)
        self._show_session()

    def _forget_removed_sessions(self) -> None:
        """A removed session no longer keeps the phone server running."""
        existing = {session.id for session in self.document.session_state.sessions()}
        self.opened_sessions &= existing
        if not self._server_needed():
            self._stop_server()
        if self.session_id in existing or self.session_id is None:
            self._show_session()

    def serve_team(self, port: int | None = None) -> bool:
        """Keep the phone server running for the team's role links (audience/roles.py),
        whatever happens to questions, until ``stop_team``; False if it cannot start."""
        if not self._start_server(self.tr("Could not serve the team's links"), port,
                                  lambda chosen: self.serve_team(port=chosen)):
            return False
        self.team_served = True
        self._show_session()
        return True

    def stop_team(self) -> None:
        """No longer keep the server for the team; it stops unless something else needs it."""
        self.team_served = False
        if not self._server_needed():
            self._stop_server()
        self._show_session()

    def role_url(self, token: str) -> str:
        """A role link's URL on the address phones are told (empty while the server is
        stopped)."""
        if not (self.server_running and self.server and self.server.port):
            return ""
        return phone_server().role_url(self.address_box.currentData(), self.server.port, token)

    def team_presence(self) -> dict:
        """When each role link's device was last seen (``audience.roles.Seen`` by token)."""
        return self.server.team_presence() if self.server is not None else {}

    def _server_needed(self) -> bool:
        return (bool(self.opened_sessions) or self.podium_served or self.team_served
                or self.polls_served)

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def shutdown(self) -> None:
        """The window is closing: stop the server. Questions stay open in the event file
        as the moderator left them: the next start opens them again (gui.room_restore),
        so a restart mid-session brings the phones back by itself."""
        self.opened_sessions.clear()
        self.podium_served = False
        self.team_served = False
        self.polls_served = False
        self._stop_server()
        # News gathered for a reload must not arrive after the event file is closed.
        self._news_timer.stop()
        self._news.clear()
        self._news_bursts.clear()
        self._named_later.clear()

    def _on_server_news(self, kind: str, session_id: int) -> None:
        # A full hall sends tens of votes a second; reloading the table for each one
        # starved the event loop (seconds of stall at 1000 phones, docs/benchmarks.md).
        # News is gathered and shown at most every NEWS_DELAY_MS.
        if kind == "burst":  # the flag only: no question changed
            self._news_bursts.add(session_id)
        else:
            self._news.add((session_id, _NEWS_KINDS.get(kind, Kind.QUESTIONS)))
        if not self._news_timer.isActive():
            self._news_timer.start()

    def _show_server_news(self) -> None:
        news, self._news = self._news, set()
        bursts, self._news_bursts = self._news_bursts, set()
        # The questions phones asked or voted on, by session (the server notes each before
        # its notice): only those are read again, not the whole session, four times a
        # second (audience.app.PhoneApp.take_question_news).
        taken = self.server.take_question_news() if self.server is not None else None
        named = self._named_later
        for session_id, ids in (taken or {}).items():  # a notice may still be on its way
            known = named.get(session_id, set())
            named[session_id] = None if ids is None or known is None else known | ids
        by_session: dict[int, set[Kind]] = {}
        for session_id, kind in news:
            by_session.setdefault(session_id, set()).add(kind)
        for session_id, kinds in sorted(by_session.items()):
            if taken is not None and Kind.QUESTIONS in kinds:  # taken None: read them all
                # A session missing here: its questions were read with an earlier batch.
                self._news_questions = named.pop(session_id, set())
            try:
                # Team devices' changes (audience/roles.py) name their kinds; 0: event-wide.
                self.runner.announce(Changes.of(session_id or None, *kinds))
            finally:
                self._news_questions = None
        if self.session_id in by_session or self.session_id in bursts:
            self.burst_flag.refresh()

    def _bursts(self, session_id: int) -> list:
        return self.server.bursts(session_id) if self.server is not None else []

    def _question_text(self, question_id: int) -> str:
        try:
            return store.get_question(self.document.file, question_id).text
        except EventFileError:
            return ""

    # --- the projector --------------------------------------------------------------------

    def projector(self):
        """The projector window given at construction (the Run tab's), if any."""
        return self._projector

    def _on_show_join_toggled(self, checked: bool) -> None:
        self._show_join_on_projector(checked)

    def _show_join_on_projector(self, show: bool) -> None:
        projector = self.projector()
        if projector is None:
            return
        session = self.session()
        url = self.join_url()
        if show and url and session:
            projector.show_join(url, session.short_code, self.short_address())
        else:
            projector.show_join(None)

    # --- moderation -----------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.question_at(row).id for row in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return index.data(QuestionIdRole)
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_question(self, question_id: int) -> None:
        row = self.model.row_of(question_id)
        if row >= 0:
            self.table.selectRow(row)

    def _apply(self, command) -> None:
        """One command for all selected questions (one undo step), run by the runner."""
        ids = self.selected_ids()
        if not ids or self.session_id is None:
            return
        session_id, now = self.session_id, self.document.clock.now()
        self.runner.run(together([command(session_id, qid, now) for qid in ids]), self)
        self.table.setFocus()  # the next key goes to the list, after a button click too

    def approve_selected(self) -> None:
        self._apply(lambda sid, qid, now: questions.approve(sid, qid, now=now))

    def reject_selected(self) -> None:
        self._apply(lambda sid, qid, now: questions.reject(sid, qid, now=now))
        self._refresh_projector_question()

    def star_selected(self) -> None:
        chosen = [store.get_question(self.document.file, qid) for qid in self.selected_ids()]
        star = not all(q.starred for q in chosen)
        self._apply(lambda sid, qid, now: questions.star(sid, qid, star, now=now))

    def answer_selected(self) -> None:
        by = self.answered_by.currentText()
        self._apply(lambda sid, qid, now: questions.mark_answered(sid, qid, by, now=now))

    def tag_current(self) -> None:
        """The tag editor of the current question (gui/question_tags.py)."""
        from facilitator.gui.question_tags import QuestionTagsDialog

        question_id, session = self.current_id(), self.session()
        if question_id is not None and session is not None:
            QuestionTagsDialog(self.document, session,
                               store.get_question(self.document.file, question_id), self).exec()
            self.table.setFocus()

    def edit_current(self) -> None:
        question_id = self.current_id()
        if question_id is None:
            return
        row = self.model.row_of(question_id)
        index = self.model.index(row, Column.QUESTION)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _write_text(self, question_id: int, text: str) -> bool:
        session_id = self.session_id
        if session_id is None:
            return False
        command = questions.edit_wording(session_id, question_id, text,
                                         now=self.document.clock.now())
        # After the editor has closed: a model reset inside setData would pull the row
        # out from under the delegate.
        self._after_edit_commands.append(command)
        QTimer.singleShot(0, self._run_after_edit)
        return True

    def _run_after_edit(self) -> None:
        commands, self._after_edit_commands = self._after_edit_commands, []
        for command in commands:
            self.runner.run(command, self)

    def merge_selected(self) -> None:
        """Merge the selected questions (or a single selected question and the earlier one
        it looks like), keeping the one the moderator confirms in the merge dialog."""
        ids = self.selected_ids()
        if self.session_id is None or not ids:
            return
        if len(ids) == 1:
            similar = self.model.similar.get(ids[0])
            if similar is None:
                show_error(self, self.tr("Nothing to merge"),
                           self.tr("Select two or more questions to merge (Ctrl+click), or one "
                                   "marked ≈ as looking like another."))
                return
            ids = [similar, ids[0]]
        file = self.document.file
        chosen = [q for q in (store.get_question(file, qid) for qid in ids)
                  if q.status is not QuestionStatus.MERGED]
        if len(chosen) < 2:
            show_error(self, self.tr("Nothing to merge"),
                       self.tr("Those questions were already merged."))
            return
        all_ids = [q.id for q in chosen]
        dialog = MergeDialog(chosen, lambda keep: store.votes_after_merge(
            file, keep, all_ids), self)
        accepted = dialog.exec() == MergeDialog.DialogCode.Accepted
        keep, others = dialog.keep().id, dialog.others()
        dialog.deleteLater()
        # The moderation keys need the window active again (not every platform gives it
        # back when a dialog closes).
        self.window().activateWindow()
        if not accepted:
            self.table.setFocus()
            return
        if self.runner.run(questions.merge(self.session_id, keep, others,
                                           now=self.document.clock.now()), self) is None:
            return
        self._refresh_projector_question()
        self.select_question(keep)
        self.table.setFocus()

    def toggle_on_screen(self) -> None:
        """Put the current question on the projector and the phones, or take it off."""
        question_id = self.current_id()
        if question_id is None or self.session_id is None:
            return
        session_id = self.session_id
        question = store.get_question(self.document.file, question_id)
        target = None if question.on_screen else question_id
        if self.runner.run(questions.put_on_screen(session_id, target,
                                                   now=self.document.clock.now()),
                           self) is None:
            return
        self._refresh_projector_question()
        self.table.setFocus()

    def _refresh_projector_question(self) -> None:
        """The projector shows the question on screen of the session on stage: the one
        whose speaker is live (see RunTab._reload_stage), else the one shown here."""
        projector = self.projector()
        if projector is None:
            return
        stage_id = live_session_id(self.document.file) or self.session_id
        if stage_id is None:
            projector.show_question(None)
            return
        if stage_id != self.session_id or \
                self.table.state() == QAbstractItemView.State.EditingState:  # rows not re-read
            shown = store.on_screen_question(self.document.file, stage_id)
        else:
            shown = self.model.on_screen()
        if shown is None:
            projector.show_question(None)
        else:
            projector.show_question(shown.text, shown.author)

    def _on_auto_approve(self, checked: bool) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        self.runner.run(sessions.edit_session(session_id, auto_approve=checked), self)

    def _save_watch_words(self) -> None:
        session_id = self.session_id
        session = self.session()
        if session_id is None or session is None:
            return
        words = clean_watch_words(self.watch_words.text().split(","))
        if words == session.watch_words:
            return
        self.runner.run(sessions.edit_session(session_id, watch_words=words), self)

    # --- refreshing -----------------------------------------------------------------------

    def _keep_selection(self, change) -> None:
        if self.table.state() == QAbstractItemView.State.EditingState:
            # A reset would close the moderator's open editor and drop the new wording:
            # phones' news waits until the edit is done.
            self._reload_after_edit = True
            return
        ids = self.selected_ids() if self.table.selectionModel() else []
        current = self.current_id()
        change()
        selection = self.table.selectionModel()
        for question_id in ids:
            row = self.model.row_of(question_id)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if current is not None and self.model.row_of(current) >= 0:
            selection.setCurrentIndex(self.model.index(self.model.row_of(current), 0),
                                      selection.SelectionFlag.NoUpdate)

    def _on_questions_changed(self, session_id: int) -> None:
        if session_id != self.session_id:
            return
        named = self._news_questions
        self._keep_selection(self.model.reload if named is None
                             else lambda: self.model.take_news(named))
        self._show_counts()

    def _on_session_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self._show_session()
            self._keep_selection(self.model.reload)

    def _on_slots_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self._show_session()

    def _on_editor_closed(self, *_: object) -> None:
        if self._reload_after_edit:
            self._reload_after_edit = False
            # After the edited text has been committed (commitData comes first).
            QTimer.singleShot(0, lambda: (self._keep_selection(self.model.reload),
                                          self._show_counts()))

    def _after_reset(self) -> None:
        self._sized_rows.clear()
        self._size_visible_rows()
        self._size_timer.start()  # again once Qt has settled the columns' widths
        self._update_buttons()

    def _after_rows_changed(self) -> None:
        self._size_timer.start()
        self._update_buttons()

    def _after_data_changed(self, top_left, bottom_right, *_: object) -> None:
        if top_left.column() == bottom_right.column() == Column.VOTES:
            return  # a count: the row's height stays
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._sized_rows.discard(self.model.question_at(row).id)
        self._size_timer.start()

    def _size_visible_rows(self) -> None:
        """Fit the rows on screen (and a few below) to their wrapped text.

        Sizing every row took most of a second at 5,000 questions, on each reload; rows
        further down are sized when they scroll into view.
        """
        view, count = self.table, self.model.rowCount()
        width = view.columnWidth(Column.QUESTION)
        if width != self._sized_width:  # wrapped text needs other heights now
            self._sized_rows.clear()
            self._sized_width = width
        row = max(0, view.rowAt(0))
        below = 0
        while row < count and below < 5:
            question_id = self.model.question_at(row).id
            if question_id not in self._sized_rows:
                view.resizeRowToContents(row)
                self._sized_rows.add(question_id)
            if view.rowViewportPosition(row) > view.viewport().height():
                below += 1
            row += 1

    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for button in self.buttons.values():
            button.setEnabled(has)

    def save_poster(self) -> None:
        from facilitator.reports.poster import write_poster
        from facilitator.store.sessions import get_event

        session = self.session()
        url = self.join_url()
        if not session or not url:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save QR poster"),
                                              f"questions-{session.short_code}.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        event = get_event(self.document.file)
        missing = attempt(self, self.tr("Could not save the poster"), lambda: write_poster(
            Path(path), title=session.title, url=url, short_code=session.short_code,
            event_title=event.title))
        if missing is not FAILED:
            message = (self.tr("Saved the QR poster to {path}").format(path=path)
                       + unprintable_note(missing.count))
            window = self.window()
            status = getattr(window, "statusBar", None)
            if status:
                status().showMessage(message, 10000)
