"""The Questions tab's moderation panel: the questions of the selected session, the keys
and buttons that act on them (approve, not selected, wording, merge, star, on screen,
answered, tags), and the session's moderation settings (automatic approval, watch words).

Every action is a command run by the window's runner; the table's model updates the rows
that changed (gui/question_model.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import questions, sessions
from facilitator.actions.command import Command, together
from facilitator.actions.ids import QuestionId, SessionId
from facilitator.core.model import Session, SlotKind
from facilitator.core.questions import QuestionStatus, clean_watch_words
from facilitator.core.timer import Phase
from facilitator.gui.burst_flag import BurstFlag
from facilitator.gui.document import EventDocument, show_error
from facilitator.gui.focus_style import plain_cells
from facilitator.gui.merge_dialog import MergeDialog
from facilitator.gui.question_model import (
    Column,
    QuestionFilter,
    QuestionIdRole,
    QuestionTableModel,
)
from facilitator.gui.question_tags_line import QuestionTagsLine
from facilitator.gui.runner import CommandRunner
from facilitator.gui.steady_box import SteadyBox
from facilitator.gui.user_text import wrapped_label as _label
from facilitator.gui.whole_text import show_text_whole
from facilitator.store import EventFileError
from facilitator.store import questions as store

if TYPE_CHECKING:
    from facilitator.gui.projector_access import ProjectorAccess

BUTTONS_PER_ROW = 4  # the moderation buttons, in two rows (see _build)


class ModerationPanel(QWidget):
    """Audience questions for the selected session, and what the moderator does to them."""

    def __init__(self, document: EventDocument, runner: CommandRunner,
                 projector: ProjectorAccess | None, bursts: Callable[[int], list],
                 parent: QWidget | None = None, *,
                 news_questions: Callable[[], set[int] | None] = lambda: None) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner
        self._projector = projector  # the Run tab's, shared: questions go on the stage
        self._after_edit_commands: list[Command] = []
        self.session_id: int | None = None
        # Phones' news being announced: the questions they named (None: read them all).
        self._news_questions = news_questions
        self.model = QuestionTableModel(
            document.file, self,
            watch_words=lambda session_id: document.session_state.session(
                session_id).watch_words,
            # A big session's first read: on the runner's worker, the window responsive.
            read_on_worker=lambda read, done, failed: runner.read(
                read, done, self, self.tr("Could not read the questions"), on_failed=failed))
        self.model.write_text = self._write_text
        self._build(bursts)
        self._build_actions()
        document.questions_did_change.connect(self._on_questions_changed)
        document.session_did_change.connect(self._on_session_changed)
        # Clock keys change the speakers list many times a minute: only the names of who
        # may answer follow it, the questions need no reload.
        document.slots_did_change.connect(self._on_slots_changed)
        self._reload_after_edit = False
        # What "Answered by" last proposed, and for which question (see _propose_answerer).
        self._proposed_answerer = ""
        self._answerers_shown: list[str] | None = None  # the "answered by" choices
        self._proposed_for: int | None = None
        self.table.itemDelegate().closeEditor.connect(self._on_editor_closed)

    def _build(self, bursts: Callable[[int], list]) -> None:
        self.setObjectName("moderation")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        show = _label(self.tr("Show:"))
        bar.addWidget(show)
        self.filter_box = QComboBox()
        show.setBuddy(self.filter_box)  # a screen reader names the box by its label
        self.filter_box.setObjectName("questionFilter")
        for value in QuestionFilter:
            self.filter_box.addItem(value.label, value.value)
        self.filter_box.currentIndexChanged.connect(
            lambda _: self.model.set_filter(QuestionFilter(self.filter_box.currentData())))
        bar.addWidget(self.filter_box)
        sort = _label(self.tr("Sort by:"))
        bar.addWidget(sort)
        self.sort_box = QComboBox()
        sort.setBuddy(self.sort_box)
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
        # Its text changes with each new question: in a SteadyBox it repaints alone, not
        # the whole panel (table, buttons, boxes) laid out again with it.
        bar.addWidget(SteadyBox(self.counts_label))
        layout.addLayout(bar)
        self.burst_flag = BurstFlag(bursts, self._question_text)
        layout.addWidget(self.burst_flag)

        self.table = QTableView()
        self.table.setObjectName("questionTable")
        self.table.setAccessibleName(self.tr("Questions from the audience"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        plain_cells(self.table)  # repainted four times a second while a hall votes
        show_text_whole(self.table, (Column.QUESTION, Column.FROM, Column.TO))
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
        self.table.selectionModel().currentRowChanged.connect(self._select_lone_current)
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
        # The current question's tags (given here or on the co-moderator's page).
        self.tags_line = QuestionTagsLine(self.document.file, self.current_id, self)
        self.table.selectionModel().selectionChanged.connect(self.tags_line.refresh_soon)
        self.table.selectionModel().currentRowChanged.connect(self.tags_line.refresh_soon)
        self.document.questions_did_change.connect(self.tags_line.refresh_soon)
        layout.addWidget(self.tags_line)

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
            # Two rows of four: one row of eight made the Questions tab, and so the whole
            # window, wider than a 1920×1080 laptop at 150 % (1280 px wide).
            buttons.addWidget(button, index // BUTTONS_PER_ROW, index % BUTTONS_PER_ROW)
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
        answered = _label(self.tr("Answered by:"))
        answer_row.addWidget(answered)
        self.answered_by = QComboBox()
        answered.setBuddy(self.answered_by)
        self.answered_by.setObjectName("answeredBy")
        self.answered_by.setEditable(True)
        self.answered_by.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        answer_row.addWidget(self.answered_by, 1)
        layout.addLayout(answer_row)

        words_row = QHBoxLayout()
        words = _label(self.tr("Watch words:"))
        words_row.addWidget(words)
        self.watch_words = QLineEdit()
        words.setBuddy(self.watch_words)
        self.watch_words.setObjectName("watchWords")
        self.watch_words.setPlaceholderText(self.tr("words that send a question to review, "
                                                    "separated by commas"))
        self.watch_words.editingFinished.connect(self._save_watch_words)
        words_row.addWidget(self.watch_words, 1)
        layout.addLayout(words_row)

    def _build_actions(self) -> None:
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
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.table_actions.append(action)

    # --- session --------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.model.set_session(session_id)
        self.burst_flag.show_session(session_id)
        self.show_session()
        self._refresh_projector_question()  # the stage's question, not the last one shown

    def session(self) -> Session | None:
        return self.document.session_state.find(self.session_id)

    def show_session(self) -> None:
        """The session's moderation settings, speakers and counts, as they are now."""
        session = self.session()
        self.auto_approve.blockSignals(True)
        self.auto_approve.setChecked(bool(session and session.auto_approve))
        self.auto_approve.blockSignals(False)
        if not self.watch_words.hasFocus():
            self.watch_words.setText(", ".join(session.watch_words) if session else "")
        self._show_speakers(session)
        self._show_counts()

    def _show_speakers(self, session: Session | None) -> None:
        """The "answered by" choices and the one proposed: the panel's speakers."""
        names: list[str] = []
        for slot in session.slots if session else ():
            if slot.kind is not SlotKind.FLOOR and slot.person.name not in names:
                names.append(slot.person.name)
        # A clock key changes none of them (a refill costs ~0.1 ms); a name typed and
        # entered into the list goes when the list is refilled, as before.
        if names != self._answerers_shown or self.answered_by.count() != len(names):
            self._answerers_shown = names
            current = self.answered_by.currentText()
            self.answered_by.blockSignals(True)
            self.answered_by.clear()
            self.answered_by.addItems(names)
            self.answered_by.setCurrentText(current)
            self.answered_by.blockSignals(False)
        self._propose_answerer(session)

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

    def _show_counts(self) -> None:
        if self.session_id is None:
            self.counts_label.setText("")
            return
        if self.model.loading:
            self.counts_label.setText(self.tr("Reading the questions…"))
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

    def _question_text(self, question_id: int) -> str:
        try:
            return store.get_question(self.document.file, question_id).text
        except EventFileError:
            return ""

    # --- the projector --------------------------------------------------------------------

    def projector(self):
        """The projector window of the access given at construction (the Run tab's), made
        now if need be; None without one."""
        return self._projector() if self._projector is not None else None

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
        command = questions.edit_wording(SessionId(session_id), QuestionId(question_id), text,
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
                           self.tr("Select two or more questions to merge: Ctrl+click them, or "
                                   "with the keys Shift+↑/↓ for questions next to each other, "
                                   "Ctrl+↑/↓ then Ctrl+Space to add one further away. Or "
                                   "select one marked ≈ as looking like another."))
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
        if self.runner.run(questions.merge(SessionId(self.session_id), QuestionId(keep),
                                           [QuestionId(other) for other in others],
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
        if self.runner.run(questions.put_on_screen(SessionId(session_id),
                                                   None if target is None else QuestionId(target),
                                                   now=self.document.clock.now()),
                           self) is None:
            return
        self._refresh_projector_question()
        self.table.setFocus()

    def _refresh_projector_question(self) -> None:
        """The projector shows the question on screen of the session on stage: the one
        whose speaker is live (see RunTab._reload_stage), else the one shown here."""
        access = self._projector
        if access is None:
            return
        stage_id = self.document.session_state.live_session_id() or self.session_id
        if stage_id is None:
            if (projector := access.made()) is not None:  # never made: nothing to take off
                projector.show_question(None)
            return
        if stage_id == self.session_id and self.model.loading:
            return  # once its rows are in (_after_reset): reading the file here took 0.2 s
        if stage_id != self.session_id or \
                self.table.state() == QAbstractItemView.State.EditingState:  # rows not re-read
            shown = store.on_screen_question(self.document.file, stage_id)
        else:
            shown = self.model.on_screen()
        if shown is not None:
            access().show_question(shown.text, shown.author)
        elif (projector := access.made()) is not None:
            projector.show_question(None)

    def _on_auto_approve(self, checked: bool) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        self.runner.run(sessions.edit_session(SessionId(session_id), auto_approve=checked),
                        self)

    def _save_watch_words(self) -> None:
        session_id = self.session_id
        session = self.session()
        if session_id is None or session is None:
            return
        words = clean_watch_words(self.watch_words.text().split(","))
        if words == session.watch_words:
            return
        self.runner.run(sessions.edit_session(SessionId(session_id), watch_words=words), self)

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
        if session_id == self.session_id:
            named = self._news_questions()
            self._keep_selection(self.model.reload if named is None
                                 else lambda: self.model.take_news(named))
            self._show_counts()
        # A co-moderator's device may have put a question on (or off) the stage.
        self._refresh_projector_question()

    def _on_session_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.show_session()
            self._keep_selection(self.model.reload)

    def _on_slots_changed(self, session_id: int) -> None:
        if session_id == self.session_id:  # the speakers changed, not the questions
            self._show_speakers(self.session())

    def _on_editor_closed(self, *_: object) -> None:
        if self._reload_after_edit:
            self._reload_after_edit = False
            # After the edited text has been committed (commitData comes first).
            QTimer.singleShot(0, self._reload_after_editing)

    def _reload_after_editing(self) -> None:
        self._keep_selection(self.model.reload)
        self._show_counts()

    def _after_reset(self) -> None:
        # A big session's rows may just have arrived from the worker: their counts, and
        # the question on screen.
        self._show_counts()
        self._refresh_projector_question()
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
        further down are sized when they scroll into view. Qt scrolled to a row the keys
        moved to with the rows' old heights; a current row on screen before the sizing is
        scrolled back on screen after it (one the wheel took away from stays away).
        """
        view, count = self.table, self.model.rowCount()
        current = view.currentIndex()
        keep_in_view = current.isValid() and self._fully_shown(current)
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
        if keep_in_view and not self._fully_shown(current):
            # The scroll sizes the rows it brings into view in turn (the timer).
            view.scrollTo(current)

    def _fully_shown(self, index: QModelIndex) -> bool:
        rect, viewport = self.table.visualRect(index), self.table.viewport().rect()
        return rect.isValid() and rect.top() >= 0 and rect.bottom() <= viewport.bottom()

    def _select_lone_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row made current with nothing selected is selected too: Tab into the table
        outlined the first question without selecting it (Qt's focus-in), and A, X, O, D…
        act on the selected questions, so they did nothing. With rows selected, Ctrl+arrows
        still move without selecting (to add rows with Ctrl+Space)."""
        selection = self.table.selectionModel()
        if current.isValid() and not selection.hasSelection():
            selection.select(current, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)

    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for button in self.buttons.values():
            button.setEnabled(has)
