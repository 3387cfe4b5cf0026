"""The Questions tab's phone panel: the phone server, and how phones join a session.

It opens and closes a session to phones, runs the phone server (``audience.runner.
PhoneServer``, in its own thread), shows the QR code, the short code and the address
phones use, serves the podium view and saves the QR poster. The server tells the app about
new questions and votes through a callback that only emits a Qt signal; Qt queues it to
the GUI thread, where the runner's change signal refreshes every view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import questions
from facilitator.actions.changes import Changes, Kind
from facilitator.actions.ids import SessionId
from facilitator.core.model import Session
from facilitator.gui import collector
from facilitator.gui.core_text import unprintable_note
from facilitator.gui.document import FAILED, EventDocument, attempt, show_error
from facilitator.gui.qr_widget import QrWidget
from facilitator.gui.runner import CommandRunner
from facilitator.gui.user_text import wrapped_label as _label
from facilitator.store.phone_address import (
    PhoneAddress,
    remember_phone_address,
    remembered_phone_address,
)

if TYPE_CHECKING:
    from facilitator.audience import runner as runner_module
    from facilitator.gui.projector_access import ProjectorAccess

LOCAL_ONLY = "127.0.0.1"
NEWS_DELAY_MS = 250  # the table shows phones' questions and votes this soon, at most
# The server's news by name: phones say "questions", "votes", "burst" (all QUESTIONS); team
# devices name the kind their command changed ("clock", "stage", "notes", ...).
_NEWS_KINDS = {kind.value: kind for kind in Kind}


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


class PhonePanel(QGroupBox):
    """Phones for the selected session: open or close questions, the join code, the
    podium view; the phone server itself (``bursts`` for the moderation panel)."""

    # Phones' news about a session was announced (after NEWS_DELAY_MS at most).
    news_did_arrive = Signal(int)
    # The server is now kept (True) or no longer kept (False) for the podium view: the
    # room keeper records it, so a restart lights the podium screen again.
    podium_changed = Signal(bool)

    def __init__(self, document: EventDocument, runner: CommandRunner,
                 projector: ProjectorAccess | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Phones"))
        self.document = document
        self.runner = runner
        self._projector = projector  # the Run tab's, shared: the join code goes on stage
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
        # While phones' news is announced: the questions they wrote (None: read them all);
        # the moderation panel reads only those (``news_questions``).
        self.news_questions: set[int] | None = None
        self._named_later: dict[int, set[int] | None] = {}  # taken before their notice came
        self._news_timer = QTimer(self)
        self._news_timer.setSingleShot(True)
        self._news_timer.setInterval(NEWS_DELAY_MS)
        self._news_timer.timeout.connect(self._show_server_news)
        self._build()
        self._build_actions()
        document.session_did_change.connect(self._on_session_changed)
        document.sessions_did_change.connect(self._forget_removed_sessions)

    def _build(self) -> None:
        grid = QVBoxLayout(self)
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
        self.setMinimumWidth(280)

    def _build_actions(self) -> None:
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
        if self.server_running:
            self.refresh_addresses()
        self.show_session()

    def session(self) -> Session | None:
        return self.document.session_state.find(self.session_id)

    def show_session(self) -> None:
        """The open button and the join code, as the session and the server are now."""
        session = self.session()
        is_open = bool(session and session.questions_open and self.server_running)
        self.open_button.blockSignals(True)
        self.open_button.setChecked(is_open)
        self.open_button.blockSignals(False)
        self.open_button.setText(self.tr("Close questions") if is_open
                                 else self.tr("Open questions for this session"))
        self._show_join()

    def _on_session_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.show_session()

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
        ip, server = self.address_box.currentData(), self.server
        if not (self.server_running and server and server.port and ip):
            return
        if ip == LOCAL_ONLY:
            return  # only this laptop: nothing printed points there
        port = server.port
        attempt(self, self.tr("Could not save the address"),
                lambda: remember_phone_address(self.document.file, ip, port))

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
        if self.runner.run(questions.set_open(SessionId(session_id), True), self) is None:
            self.show_session()
            return False
        self.opened_sessions.add(session_id)
        self.show_session()
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
            self.show_session()
            return False
        except runner.PhoneServerError as error:
            self.server = None
            show_error(self, failure, str(error))
            self.show_session()
            return False
        collector.phones_in()  # its connections kept out of full collections
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
        self.podium_changed.emit(True)
        self.show_session()
        return True

    def serve_polls(self) -> bool:
        """Let phones in for a live poll (the Polls tab calls this when it opens one): the
        server starts if it is not running and keeps running, questions open or not."""
        if not self._start_server(self.tr("Could not open the poll to phones")):
            return False
        self.polls_served = True
        self.show_session()
        return True

    def stop_podium(self) -> None:
        """No longer keep the server for the podium; it stops unless questions are open."""
        self.podium_served = False
        self.podium_changed.emit(False)
        if not self._server_needed():
            self._stop_server()
        self.show_session()

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
            self.runner.run(questions.set_open(SessionId(session_id), False), self)
            self.document.session_state.forget(session_id)
            self.opened_sessions.discard(session_id)
        if not self.opened_sessions and not self.podium_served and self.server is not None \
                and self.server.running and self.server.podium_in_use():
            # A podium screen is reading the clock: it stays lit, the server keeps running
            # for it (the "Serve the podium view" button shows it; unchecking stops it).
            self.podium_served = True
            self.podium_changed.emit(True)
        if not self._server_needed():
            self._stop_server()
        self.projector_button.setChecked(False)
        self.show_session()

    def _forget_removed_sessions(self) -> None:
        """A removed session no longer keeps the phone server running."""
        existing = {session.id for session in self.document.session_state.sessions()}
        self.opened_sessions &= existing
        if not self._server_needed():
            self._stop_server()
        if self.session_id in existing or self.session_id is None:
            self.show_session()

    def serve_team(self, port: int | None = None) -> bool:
        """Keep the phone server running for the team's role links (audience/roles.py),
        whatever happens to questions, until ``stop_team``; False if it cannot start."""
        if not self._start_server(self.tr("Could not serve the team's links"), port,
                                  lambda chosen: self.serve_team(port=chosen)):
            return False
        self.team_served = True
        self.show_session()
        return True

    def stop_team(self) -> None:
        """No longer keep the server for the team; it stops unless something else needs it."""
        self.team_served = False
        if not self._server_needed():
            self._stop_server()
        self.show_session()

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
            collector.phones_out()

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
                self.news_questions = named.pop(session_id, set())
            try:
                # Team devices' changes (audience/roles.py) name their kinds; 0: event-wide.
                self.runner.announce(Changes.of(session_id or None, *kinds))
            finally:
                self.news_questions = None
        for session_id in sorted(set(by_session) | bursts):
            self.news_did_arrive.emit(session_id)

    def bursts(self, session_id: int) -> list:
        return self.server.bursts(session_id) if self.server is not None else []

    # --- the projector --------------------------------------------------------------------

    def projector(self):
        """The projector window of the access given at construction (the Run tab's), made
        now if need be; None without one."""
        return self._projector() if self._projector is not None else None

    def _on_show_join_toggled(self, checked: bool) -> None:
        self._show_join_on_projector(checked)

    def _show_join_on_projector(self, show: bool) -> None:
        access = self._projector
        if access is None:
            return
        session = self.session()
        url = self.join_url()
        if show and url and session:
            access().show_join(url, session.short_code, self.short_address())
        elif (projector := access.made()) is not None:  # never made: no join page to leave
            projector.show_join(None)

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
