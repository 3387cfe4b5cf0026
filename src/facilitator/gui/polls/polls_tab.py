"""The Polls tab: the selected session's polls, prepared before or made on the spot; open
one (the one open before closes), close it, show or hide its results on the phones and the
projector, and watch the answers come in.

Every button runs a command of actions/polls.py through the window's runner (undo included).
Answers from phones arrive through the runner's ``did_change`` (the Questions tab relays
the phone server's news); the view re-reads at most every ``REFRESH_MS``, so a hall
answering at once never stalls the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import polls
from facilitator.actions.changes import Changes, Kind
from facilitator.actions.ids import SessionId
from facilitator.core.polls import (
    Poll,
    PollKind,
    PollResults,
    PollState,
    poll_results,
    tallied_results,
)
from facilitator.gui.document import EventDocument
from facilitator.gui.polls.poll_dialog import KIND_NAMES, PollDialog
from facilitator.gui.polls.results_view import PollResultsView
from facilitator.gui.runner import CommandRunner
from facilitator.store import polls as store
from facilitator.store.sessions import get_session

REFRESH_MS = 250  # answers from a hall are shown at most four times a second

PollRole = Qt.ItemDataRole.UserRole


class PollsTab(QWidget):
    """Live polls of the selected session."""

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 runner: CommandRunner | None = None, projector=None,
                 serve_phones: Callable[[], bool] | None = None) -> None:
        """``projector``: the Run tab's ``ProjectorAccess`` (shown results go on the stage);
        ``serve_phones``: lets phones in (the Questions tab's phone server), False if it
        could not."""
        super().__init__(parent)
        self.document = document
        self.runner = runner or document.runner
        self._projector = projector
        self._serve_phones = serve_phones
        self.session_id: int | None = None
        self.polls: list[Poll] = []
        self.results: dict[int, PollResults] = {}  # of the polls on view
        self.counts: dict[int, int] = {}  # answers per poll
        self.projected: int | None = None  # the poll whose results the projector shows

        self.list = QListWidget()
        self.list.setObjectName("pollList")
        self.list.setAccessibleName(self.tr("Polls of this session"))  # for a screen reader
        self.list.currentRowChanged.connect(lambda _: self._show_selected())
        self.list.itemDoubleClicked.connect(lambda _: self.edit_poll())
        # No Alt+letter on these buttons: the tab bar and the menus use most letters already.
        self.new_button = self._button("newPoll", self.tr("New poll…"), self.new_poll)
        self.edit_button = self._button("editPoll", self.tr("Edit…"), self.edit_poll)
        self.remove_button = self._button("removePoll", self.tr("Remove"), self.remove_poll)
        self.up_button = self._button("pollUp", self.tr("Move up"),
                                      lambda: self.move_selected(-1))
        self.down_button = self._button("pollDown", self.tr("Move down"),
                                        lambda: self.move_selected(1))
        self.open_button = self._button("openPoll", self.tr("Open on phones"), self.open_poll)
        self.close_button = self._button("closePoll", self.tr("Close"), self.close_poll)
        self.results_button = self._button("showPollResults", self.tr("Show results"),
                                           self.toggle_results)
        self.results_button.setCheckable(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("pollState")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.view = PollResultsView()
        self.view.setObjectName("pollResults")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        for row in ((self.new_button, self.edit_button, self.remove_button),
                    (self.up_button, self.down_button)):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            left_layout.addLayout(line)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        for button in (self.open_button, self.close_button, self.results_button):
            controls.addWidget(button)
        controls.addStretch(1)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.state_label)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.reload)
        self._closed = False
        self.runner.did_change.connect(self._on_changes)
        self.set_session(None)

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    # --- the session ----------------------------------------------------------------------

    def first_stop(self) -> QWidget:
        """The control Tab reaches first from the tab bar (keyboard.FirstStopAfterTabBar)."""
        return self.list

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.new_button.setEnabled(session_id is not None)
        self.reload()

    def shutdown(self) -> None:
        """The window is closing: no reload may reach the event file after it closes."""
        self._refresh.stop()
        # A flag, not disconnect(): the window may close twice (a test, then its teardown),
        # and a second disconnect warns.
        self._closed = True

    def _on_changes(self, changes: Changes) -> None:
        if self._closed or self.session_id is None or self._refresh.isActive():
            return
        if changes.touches(Kind.POLLS, self.session_id) or changes.touches(Kind.SESSION,
                                                                           self.session_id):
            self._refresh.start()

    def reload(self) -> None:
        """Read the session's polls and their results again; keep the selection."""
        chosen = self.selected()
        chosen_id = chosen.id if chosen else None
        if self.session_id is None:
            self.polls, self.results, self.counts = [], {}, {}
        else:
            session = get_session(self.document.file, self.session_id, with_slots=False)
            self.polls = store.list_polls(self.document.file, self.session_id)
            self.counts = {p.stored_id: store.answer_count(self.document.file, p.stored_id)
                           for p in self.polls}
            # Results only of the polls on view (selected, projected): a hall answering
            # re-reads them four times a second, the others' counts are enough.
            on_view = {chosen_id, getattr(self._projected_poll(), "id", None)}
            self.results = {
                p.stored_id: self._read_results(p, session.watch_words)
                for p in self.polls if p.id in on_view and p.state is not PollState.PREPARED}
        self.list.blockSignals(True)
        self._fill_list()
        ids = [p.id for p in self.polls]
        row = ids.index(chosen_id) if chosen_id in ids else (0 if ids else -1)
        if row != self.list.currentRow():
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_selected()
        self._project()

    def _read_results(self, poll: Poll, watch_words: tuple[str, ...]) -> PollResults:
        if poll.kind is PollKind.TEXT:  # texts show in the order they came
            return poll_results(poll, store.poll_answers(self.document.file, poll.stored_id),
                                watch_words)
        # Each different answer once, with its count: a hall's 2,000 answers to a choice
        # are a few rows (re-read four times a second while they come).
        return tallied_results(poll, store.answer_tally(self.document.file, poll.stored_id),
                               watch_words)

    def _fill_list(self) -> None:
        """One line per poll; while the same polls are listed (answers coming in), only
        the lines whose text changed are set again."""
        ids = [p.id for p in self.polls]
        if ids != [self.list.item(row).data(PollRole) for row in range(self.list.count())]:
            self.list.clear()
            for poll in self.polls:
                item = QListWidgetItem(self._item_text(poll))
                item.setData(PollRole, poll.id)
                item.setToolTip(poll.question)
                self.list.addItem(item)
            return
        for row, poll in enumerate(self.polls):
            item = self.list.item(row)
            text = self._item_text(poll)
            if item.text() != text:
                item.setText(text)
            if item.toolTip() != poll.question:
                item.setToolTip(poll.question)

    def _item_text(self, poll: Poll) -> str:
        state = {PollState.PREPARED: self.tr("prepared"), PollState.OPEN: self.tr("OPEN"),
                 PollState.CLOSED: self.tr("closed")}[poll.state]
        count = (f" · {self.view.answers_text_for(self.counts[poll.stored_id])}"
                 if poll.state is not PollState.PREPARED else "")
        shown = " · " + self.tr("results shown") if poll.results_shown else ""
        return f"[{state}] {poll.question}{count}{shown}"

    def selected(self) -> Poll | None:
        row = self.list.currentRow()
        return self.polls[row] if 0 <= row < len(self.polls) else None

    def _show_selected(self) -> None:
        poll = self.selected()
        has = poll is not None
        for button in (self.edit_button, self.remove_button, self.results_button):
            button.setEnabled(has)
        row = self.list.currentRow()
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.polls) - 1)
        self.open_button.setEnabled(poll is not None and not poll.is_open)
        self.close_button.setEnabled(poll is not None and poll.is_open)
        # While another poll is open, the phones and the stage show that one: this poll's
        # results could not be seen (the command refuses too), so the button says why.
        elsewhere = poll is not None and not poll.results_shown and any(
            p.is_open and p.id != poll.id for p in self.polls)
        self.results_button.setEnabled(has and not elsewhere)
        self.results_button.setToolTip(
            self.tr("Close the open poll first: the phones and the projector show it.")
            if elsewhere else "")
        self.results_button.setChecked(bool(poll and poll.results_shown))
        self.results_button.setText(self.tr("Hide results") if poll and poll.results_shown
                                    else self.tr("Show results"))
        if poll is None:
            self.state_label.setText(self.tr("No poll yet: write one with New poll…")
                                     if self.session_id is not None else "")
            self.view.show_results(None, None)
            return
        if poll.id not in self.results and poll.state is not PollState.PREPARED:
            self.reload()  # a poll just selected: its results are read now
            return
        results = self.results.get(poll.stored_id)
        state = self._kind_text(poll)
        if results is not None and results.held_back:  # the moderator knows, the room not
            state += " · " + self.tr("{n} held back by the watch words").format(
                n=results.held_back)
        self.state_label.setText(state)
        self.view.show_results(poll, results or poll_results(poll, []))

    def _kind_text(self, poll: Poll) -> str:
        # str(): PySide6's stub gives QT_TRANSLATE_NOOP's result as object; it is the text.
        name = QCoreApplication.translate("PollDialog", str(KIND_NAMES[poll.kind]))
        if poll.scale:
            name += f" (1–{poll.scale})"
        return name

    # --- the projector --------------------------------------------------------------------

    def _projected_poll(self) -> Poll | None:
        """The poll whose results the stage shows: the open poll if its results are shown
        (none while it collects answers unseen), else the last poll with results shown."""
        open_polls = [p for p in self.polls if p.is_open]
        if open_polls:
            return open_polls[0] if open_polls[0].results_shown else None
        shown = [p for p in self.polls if p.results_shown]
        return shown[-1] if shown else None

    def _project(self) -> None:
        access = self._projector
        if access is None:
            return
        poll = self._projected_poll()
        if poll is None:
            if self.projected is not None:
                access().show_poll(None, None)
                self.projected = None
            return
        self.projected = poll.id
        access().show_poll(poll, self.results.get(poll.stored_id) or poll_results(poll, []))

    # --- commands -------------------------------------------------------------------------

    def _session(self) -> SessionId:
        assert self.session_id is not None
        return SessionId(self.session_id)

    def new_poll(self) -> None:
        if self.session_id is None:
            return
        dialog = PollDialog(self)
        if dialog.exec() != PollDialog.DialogCode.Accepted:
            return
        draft = dialog.draft()
        done = self.runner.run(polls.add_poll(self._session(), draft.question, draft.kind,
                                              draft.options, draft.scale), self)
        if done is not None:
            self.reload()
            ids = [p.id for p in self.polls]
            if done.result in ids:
                self.list.setCurrentRow(ids.index(done.result))

    def edit_poll(self) -> None:
        poll = self.selected()
        if poll is None or poll.id is None:
            return
        dialog = PollDialog(self, poll)
        if dialog.exec() != PollDialog.DialogCode.Accepted:
            return
        draft = dialog.draft()
        self.runner.run(polls.edit_poll(self._session(), poll.id, draft.question, draft.kind,
                                        draft.options, draft.scale), self)

    def remove_poll(self) -> None:
        poll = self.selected()
        if poll is None or poll.id is None:
            return
        answers = self.counts.get(poll.id, 0)
        if answers and QMessageBox.question(
                self, self.tr("Remove poll"),
                self.tr("Remove this poll with its answers ({answers})? Edit › Undo brings "
                        "them back.").format(answers=self.view.answers_text_for(answers))
        ) != QMessageBox.StandardButton.Yes:
            return
        self.runner.run(polls.remove_poll(self._session(), poll.id), self)

    def move_selected(self, step: int) -> None:
        """Move the selected poll ``step`` places down (up when negative)."""
        row = self.list.currentRow()
        ids = [p.stored_id for p in self.polls]
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        if self.runner.run(polls.reorder_polls(self._session(), ids), self) is not None:
            self.reload()
            self.list.setCurrentRow(row + step)

    def open_poll(self) -> None:
        poll = self.selected()
        if poll is not None and poll.id is not None:
            if self._serve_phones is not None and not self._serve_phones():
                return  # the server could not start: the moderator was told why
            self.runner.run(polls.open_poll(self._session(), poll.id,
                                            now=self.document.clock.now()), self)

    def close_poll(self) -> None:
        poll = self.selected()
        if poll is not None and poll.id is not None:
            self.runner.run(polls.close_poll(self._session(), poll.id,
                                             now=self.document.clock.now()), self)

    def toggle_results(self) -> None:
        poll = self.selected()
        if poll is not None and poll.id is not None:
            self.runner.run(polls.show_results(self._session(), poll.id,
                                               not poll.results_shown), self)
        self._show_selected()
