"""The Questions tab: the phone panel (open the session to phones, show how to join) beside
the moderation panel (the questions and what the moderator does to them).

Each panel gets what it uses by constructor: the document, the window's runner, the Run
tab's projector; the moderation panel the phone panel's ``bursts`` (the burst flag). The
tab only lays them out, gives them the session shown, and answers for them (``tab.table``
is ``tab.moderation.table``, ``tab.open_questions`` is ``tab.phones.open_questions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from facilitator.core.model import Session
from facilitator.gui.document import EventDocument
from facilitator.gui.moderation_panel import ModerationPanel
from facilitator.gui.phone_panel import PhonePanel
from facilitator.gui.runner import CommandRunner

if TYPE_CHECKING:
    from facilitator.gui.projector import ProjectorWindow
    from facilitator.gui.projector_access import ProjectorAccess

P = TypeVar("P", PhonePanel, ModerationPanel)


class _Panel(Generic[P]):
    """An attribute of one of the tab's panels, read and set through the tab."""

    def __init__(self, panel: str) -> None:
        self.panel = panel
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, tab: QuestionsTab | None, owner: type | None = None) -> Any:
        return self if tab is None else getattr(getattr(tab, self.panel), self.name)

    def __set__(self, tab: QuestionsTab, value: Any) -> None:
        setattr(getattr(tab, self.panel), self.name, value)


class QuestionsTab(QWidget):
    """Audience questions for the selected session: phones and moderation."""

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 runner: CommandRunner | None = None,
                 projector: ProjectorAccess | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner or document.runner
        self._projector = projector  # the Run tab's, shared: questions go on the stage
        self.session_id: int | None = None
        self.phones = PhonePanel(document, self.runner, projector)
        self.moderation = ModerationPanel(
            document, self.runner, projector, self.phones.bursts,
            news_questions=lambda: self.phones.news_questions)
        self.phones.news_did_arrive.connect(self._on_phone_news)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        splitter.addWidget(self.phones)
        splitter.addWidget(self.moderation)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 940])
        self.set_session(None)

    def first_stop(self) -> QWidget:
        """The control Tab reaches first from the tab bar (keyboard.FirstStopAfterTabBar):
        the questions, the moderator's main control, before the phones panel."""
        return self.moderation.table

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.setEnabled(session_id is not None)
        self.moderation.set_session(session_id)
        self.phones.set_session(session_id)

    def session(self) -> Session | None:
        return self.moderation.session()

    def projector(self) -> ProjectorWindow | None:
        """The projector window of the access given at construction (the Run tab's), made
        now if need be; None without one."""
        return self._projector() if self._projector is not None else None

    def menu_actions(self) -> list[QAction]:
        return self.phones.menu_actions()

    def shutdown(self) -> None:
        """The window is closing: the phone server stops (see PhonePanel.shutdown)."""
        self.phones.shutdown()

    def _on_phone_news(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.moderation.burst_flag.refresh()

    # --- the phone panel's, through the tab -----------------------------------------------

    open_button = _Panel[PhonePanel]("phones")
    state_label = _Panel[PhonePanel]("phones")
    address_box = _Panel[PhonePanel]("phones")
    address_note = _Panel[PhonePanel]("phones")
    qr = _Panel[PhonePanel]("phones")
    code_label = _Panel[PhonePanel]("phones")
    url_label = _Panel[PhonePanel]("phones")
    projector_button = _Panel[PhonePanel]("phones")
    poster_button = _Panel[PhonePanel]("phones")
    podium_button = _Panel[PhonePanel]("phones")
    speaker_label = _Panel[PhonePanel]("phones")
    open_action = _Panel[PhonePanel]("phones")
    join_action = _Panel[PhonePanel]("phones")
    poster_action = _Panel[PhonePanel]("phones")
    server = _Panel[PhonePanel]("phones")
    server_host = _Panel[PhonePanel]("phones")
    server_port = _Panel[PhonePanel]("phones")
    opened_sessions = _Panel[PhonePanel]("phones")
    podium_served = _Panel[PhonePanel]("phones")
    podium_changed = _Panel[PhonePanel]("phones")
    server_running = _Panel[PhonePanel]("phones")
    refresh_addresses = _Panel[PhonePanel]("phones")
    short_address = _Panel[PhonePanel]("phones")
    join_url = _Panel[PhonePanel]("phones")
    speaker_url = _Panel[PhonePanel]("phones")
    phone_port = _Panel[PhonePanel]("phones")
    open_questions = _Panel[PhonePanel]("phones")
    close_questions = _Panel[PhonePanel]("phones")
    serve_podium = _Panel[PhonePanel]("phones")
    stop_podium = _Panel[PhonePanel]("phones")
    save_poster = _Panel[PhonePanel]("phones")
    team_served = _Panel[PhonePanel]("phones")
    serve_team = _Panel[PhonePanel]("phones")
    stop_team = _Panel[PhonePanel]("phones")
    role_url = _Panel[PhonePanel]("phones")
    team_presence = _Panel[PhonePanel]("phones")
    polls_served = _Panel[PhonePanel]("phones")
    serve_polls = _Panel[PhonePanel]("phones")

    # --- the moderation panel's, through the tab ------------------------------------------

    model = _Panel[ModerationPanel]("moderation")
    table = _Panel[ModerationPanel]("moderation")
    buttons = _Panel[ModerationPanel]("moderation")
    table_actions = _Panel[ModerationPanel]("moderation")
    filter_box = _Panel[ModerationPanel]("moderation")
    sort_box = _Panel[ModerationPanel]("moderation")
    auto_approve = _Panel[ModerationPanel]("moderation")
    counts_label = _Panel[ModerationPanel]("moderation")
    burst_flag = _Panel[ModerationPanel]("moderation")
    answered_by = _Panel[ModerationPanel]("moderation")
    watch_words = _Panel[ModerationPanel]("moderation")
    speaking_now = _Panel[ModerationPanel]("moderation")
    selected_ids = _Panel[ModerationPanel]("moderation")
    current_id = _Panel[ModerationPanel]("moderation")
    select_question = _Panel[ModerationPanel]("moderation")
    approve_selected = _Panel[ModerationPanel]("moderation")
    reject_selected = _Panel[ModerationPanel]("moderation")
    star_selected = _Panel[ModerationPanel]("moderation")
    answer_selected = _Panel[ModerationPanel]("moderation")
    tag_current = _Panel[ModerationPanel]("moderation")
    edit_current = _Panel[ModerationPanel]("moderation")
    merge_selected = _Panel[ModerationPanel]("moderation")
    toggle_on_screen = _Panel[ModerationPanel]("moderation")
