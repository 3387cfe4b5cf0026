"""Models update the rows that changed instead of resetting (issue 13, "views update what
changed"): a reset drops the moderator's selection, scroll position and row heights, and
makes the view lay out every row again."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from facilitator.core.questions import QuestionError, QuestionStatus
from facilitator.gui.question_model import Column, QuestionFilter, QuestionTableModel
from facilitator.gui.row_diff import update_rows
from facilitator.gui.slot_model import Column as SlotColumn
from facilitator.store import EventFile, EventFileError
from facilitator.store import questions as qstore
from facilitator.store.agenda_io import create_event_file
from facilitator.store.sessions import list_sessions, set_questions_open


class Letters(QAbstractListModel):
    """A list of (key, value) pairs, for checking update_rows alone."""

    def __init__(self, rows) -> None:
        super().__init__()
        self.rows = list(rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()][1] if role == Qt.ItemDataRole.DisplayRole else None


class Mirror:
    """What a view knows: the rows as the model's signals describe them, never reset."""

    def __init__(self, model: Letters) -> None:
        self.model = model
        self.rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
        self.resets = 0
        self._layout: list = []
        model.modelReset.connect(self._reset)
        model.rowsRemoved.connect(lambda _, first, last: self.rows.__delitem__(
            slice(first, last + 1)))
        model.rowsInserted.connect(lambda _, first, last: self.rows.__setitem__(
            slice(first, first), [model.data(model.index(r, 0)) for r in range(first, last + 1)]))
        model.rowsMoved.connect(self._moved)
        model.dataChanged.connect(lambda top, bottom, *_: self.rows.__setitem__(
            slice(top.row(), bottom.row() + 1),
            [model.data(model.index(r, 0)) for r in range(top.row(), bottom.row() + 1)]))
        model.layoutChanged.connect(self._relaid)

    def _reset(self) -> None:
        self.resets += 1

    def _moved(self, _parent, first, last, _to, destination) -> None:
        moving = self.rows[first:last + 1]
        del self.rows[first:last + 1]
        if destination > first:
            destination -= last - first + 1
        self.rows[destination:destination] = moving

    def _relaid(self, *_) -> None:
        # A layout change keeps the same rows in another order (values unchanged).
        self.rows = [self.model.rows[r][1] for r in range(len(self.model.rows))]


rows_strategy = st.lists(st.integers(0, 60), unique=True, max_size=40)


@settings(max_examples=300, deadline=None)
@given(before=rows_strategy, after=rows_strategy, seed=st.integers(0, 1000))
def test_any_change_arrives_as_row_updates(qapp, before, after, seed) -> None:
    rng = random.Random(seed)
    values = {key: f"{key}-{rng.randint(0, 2)}" for key in set(before) | set(after)}
    model = Letters((key, f"{key}-0") for key in before)
    mirror = Mirror(model)
    new = [(key, values[key]) for key in after]
    update_rows(model, model.rows, new, key=lambda row: row[0])
    assert model.rows == new
    assert mirror.rows == [value for _, value in new]
    assert mirror.resets == 0


def test_one_row_moving_far_is_one_move(qapp) -> None:
    model = Letters((i, str(i)) for i in range(100))
    moves = []
    model.rowsMoved.connect(lambda *args: moves.append(args[1:2] + args[4:5]))
    new = [row for row in model.rows if row[0] != 10]
    new.insert(80, (10, "10"))
    update_rows(model, model.rows, new, key=lambda row: row[0])
    assert model.rows == new
    assert moves == [(10, 81)]


@pytest.fixture
def questions_model(qapp, tmp_path):
    path = create_event_file(tmp_path / "event.db", "walrg")
    ef = EventFile.open(path)
    session_id = list_sessions(ef)[0].id
    set_questions_open(ef, session_id, True)
    for i in range(30):
        qstore.submit_question(ef, session_id, f"Question {i} about topic {i}?", now=1e9 + i,
                               device_id=f"d{i}")
    model = QuestionTableModel(ef)
    model.set_session(session_id)
    yield ef, session_id, model
    ef.close()


def test_questions_model_changes_rows_without_reset(questions_model) -> None:
    ef, session_id, model = questions_model
    resets, inserted, removed, changed = [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _, first, last: removed.append((first, last)))
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    first = model.question_at(0)
    # A new question, a status change, a question leaving the list ("not selected" stays
    # in "All"; merged ones leave it), votes that reorder: each a reload.
    qstore.submit_question(ef, session_id, "Something new entirely?", now=2e9, device_id="x")
    model.reload()
    assert inserted and not removed
    qstore.approve_question(ef, first.id, now=2e9)
    model.reload()
    row = model.row_of(first.id)
    assert any(top <= row <= bottom for top, bottom in changed)
    assert model.question_at(row).status is QuestionStatus.APPROVED
    other = model.question_at(5).id
    qstore.merge_questions(ef, first.id, [other], now=2e9)
    model.reload()
    assert removed and model.row_of(other) == -1
    assert resets == []  # none of it reset the model
    # Reading again with nothing changed tells the view nothing at all.
    before = (len(inserted), len(removed), len(changed))
    model.reload()
    assert (len(inserted), len(removed), len(changed)) == before
    assert [q.id for q in model.questions()] == [
        q.id for q in qstore.list_questions(ef, session_id, sort="votes")
        if q.status is not QuestionStatus.MERGED]
    # Another session is the one change that resets.
    model.set_session(None)
    assert resets == [1]


def test_questions_model_keeps_the_view_selection(questions_model, qtbot) -> None:
    from PySide6.QtWidgets import QTableView

    ef, session_id, model = questions_model
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    chosen = model.question_at(3).id
    view.selectRow(3)
    for i in range(5):  # votes and newcomers arrive
        qstore.submit_question(ef, session_id, f"Late question {i} on water?", now=3e9 + i,
                               device_id=f"late{i}")
        model.reload()
    rows = view.selectionModel().selectedRows()
    assert [model.question_at(index.row()).id for index in rows] == [chosen]


def test_many_moves_are_one_layout_change_that_keeps_persistent_rows(qapp) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = Letters((i, str(i)) for i in range(100))
    mirror = Mirror(model)
    held = QPersistentModelIndex(model.index(7, 0))
    layouts, moves = [], []
    model.layoutChanged.connect(lambda *_: layouts.append(1))
    model.rowsMoved.connect(lambda *_: moves.append(1))
    new = list(reversed(model.rows))
    update_rows(model, model.rows, new, key=lambda row: row[0])
    assert model.rows == new and mirror.rows == [value for _, value in new]
    assert layouts == [1] and moves == [] and mirror.resets == 0
    assert held.row() == 92 and held.data() == "7"


def test_space_reads_the_session_once_and_resets_no_model(qtbot, document) -> None:
    """One Space press: the speakers list updates its rows, every tab shares one read of
    the session, and the SQL on the GUI's connection stays within issue 13's budget."""
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    run = window.tabs["Run"]
    resets: list[str] = []
    for name, model in (("speakers", run.model), ("agenda", window.session_model),
                        ("questions", window.tabs["Questions"].model)):
        model.modelReset.connect(lambda name=name: resets.append(name))
    changed_rows: list[tuple[int, int]] = []
    changed_columns: list[tuple[int, int]] = []
    run.model.dataChanged.connect(lambda top, bottom, *_: (
        changed_rows.append((top.row(), bottom.row())),
        changed_columns.append((top.column(), bottom.column()))))
    statements: list[str] = []
    document.file.db.conn.set_trace_callback(statements.append)
    try:
        for press in range(3):
            reads = document.session_state.reads
            statements.clear()
            changed_rows.clear()
            changed_columns.clear()
            run.start_action.trigger()
            qtbot.wait(1)
            assert document.session_state.reads - reads <= 1
            selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
            assert len(selects) <= 2, selects  # the session, its speakers: once
            assert changed_rows == [(0, 0)]  # the first speaker's row, nothing else
            if press:  # pause, resume: the cells that show the clock; the rest reads the
                # same (the whole row repainted and measured again was ~1 ms a press)
                assert changed_columns == [(SlotColumn.SPOKEN, SlotColumn.STATUS)]
    finally:
        document.file.db.conn.set_trace_callback(None)
    assert resets == []


@settings(max_examples=15, deadline=None)
@given(steps=st.lists(st.tuples(
    st.sampled_from(["vote", "approve", "reject", "pending", "star", "answer", "screen",
                     "edit", "merge", "arrive", "phone", "phone vote", "phone asks"]),
    st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=12),
    sort=st.sampled_from(["votes", "time", "newest"]),
    chosen=st.sampled_from(list(QuestionFilter)))
# A phone's vote for a question merged meanwhile: the news names the one it counts for.
@example(steps=[("merge", 0, 1), ("phone vote", 1, 0)], sort="votes",
         chosen=QuestionFilter.ALL)
def test_rows_after_any_actions_are_what_a_fresh_read_shows(qapp, tmp_path_factory, steps,
                                                             sort, chosen) -> None:
    """Row by row (the moderator's actions read only what they wrote; phones' news naming
    its questions, ``take_news``) or a full read (news written by the phone server's
    connection without ids): the same rows as a fresh model."""
    folder = tmp_path_factory.mktemp("rows")
    path = create_event_file(folder / "event.db", "walrg")
    ef = EventFile.open(path)
    phone_side = EventFile.open(path, lock=False)  # the phone server's own connection
    session_id = list_sessions(ef)[0].id
    set_questions_open(ef, session_id, True)
    topics = ["water", "housing finance", "climate cities", "youth data", "women budget"]
    for i in range(25):
        qstore.submit_question(ef, session_id, f"What about {topics[i % 5]} number {i}?",
                               now=1e9 + i, device_id=f"d{i}")
    model = QuestionTableModel(ef)
    model.set_sort(sort)
    model.set_filter(chosen)
    model.set_session(session_id)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    now = 2e9
    for what, a, b in steps:
        ids = [q.id for q in qstore.list_questions(ef, session_id)]
        qid, other = ids[a % len(ids)], ids[b % len(ids)]
        now += 1
        named: set[int] | None = None  # the questions a phone's news names
        try:  # the store may refuse (a vote on a merged question): that is an outcome too
            if what == "phone vote":  # the phone server names the question it wrote:
                # a vote for a merged question counts for the one it lives under, which
                # add_vote gives back and PhoneApp.vote names (not the id the phone sent)
                named = {qstore.add_vote(phone_side, qid, f"voter-{now}", now=now).id}
            elif what == "phone asks":
                named = {qstore.submit_question(phone_side, session_id,
                                                f"Phone asks on {topics[b % 5]}?", now=now,
                                                device_id=f"p{now}")[0].id}
            elif what in ("vote", "phone"):
                # Votes need an approved question; by this laptop (row by row) or by a phone.
                qstore.approve_question(ef, qid, now=now)
                model.reload()
                qstore.add_vote(ef if what == "vote" else phone_side, qid, f"voter-{now}", now=now)
            elif what == "approve":
                qstore.approve_question(ef, qid, now=now)
            elif what == "reject":
                qstore.reject_question(ef, qid, now=now)
            elif what == "pending":
                qstore.return_to_pending(ef, qid, now=now)
            elif what == "star":
                qstore.star_question(ef, qid, True, now=now)
            elif what == "answer":
                qstore.mark_answered(ef, qid, "A speaker", now=now)
            elif what == "screen":
                qstore.set_on_screen(ef, session_id, qid, now=now)
            elif what == "edit":
                qstore.edit_question(ef, qid, f"Reworded: {topics[b % 5]} again?", now=now)
            elif what == "merge" and qid != other:
                if all(qstore.get_question(ef, i).status is not QuestionStatus.MERGED
                       for i in (qid, other)):
                    qstore.merge_questions(ef, qid, [other], now=now)
            elif what == "arrive":
                qstore.submit_question(ef, session_id, f"New one on {topics[b % 5]}?", now=now,
                                       device_id=f"n{now}")
        except (QuestionError, EventFileError):
            pass
        if named is not None:
            model.take_news(named)
        else:
            model.reload()
        fresh = QuestionTableModel(ef)
        fresh.set_sort(sort)
        fresh.set_filter(chosen)
        fresh.set_session(session_id)
        assert [q.id for q in model.questions()] == [q.id for q in fresh.questions()], what
        assert model.questions() == fresh.questions(), what
        assert model.similar == fresh.similar, what
    assert resets == []
    phone_side.close()
    ef.close()


def test_a_moderator_action_reads_only_the_question_it_wrote(questions_model) -> None:
    ef, session_id, model = questions_model
    target = model.question_at(4).id
    statements: list[str] = []
    ef.db.conn.set_trace_callback(statements.append)
    try:
        qstore.reject_question(ef, target, now=2e9)
        statements.clear()
        model.reload()
    finally:
        ef.db.conn.set_trace_callback(None)
    assert not [s for s in statements if "ORDER BY" in s], statements  # no full read
    assert len(statements) <= 4, statements
    assert model.question_at(model.row_of(target)).status is QuestionStatus.REJECTED



def test_phones_news_reads_only_the_questions_it_names(questions_model) -> None:
    """A hall voting: each batch of news reads the questions phones named, never the whole
    session, and a vote repaints the count's cell alone (no row to size again)."""
    ef, session_id, model = questions_model
    phone_side = EventFile.open(ef.path, lock=False)  # the phone server's own connection
    target = model.question_at(2)
    qstore.approve_question(ef, target.id, now=2e9)
    model.reload()
    changed: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append(
        (top.row(), top.column(), bottom.column())))
    statements: list[str] = []
    ef.db.conn.set_trace_callback(statements.append)
    try:
        qstore.add_vote(phone_side, target.id, "a-phone", now=2e9 + 1)
        model.take_news({target.id})
    finally:
        ef.db.conn.set_trace_callback(None)
        phone_side.close()
    assert not [s for s in statements if "ORDER BY" in s], statements  # no full read
    row = model.row_of(target.id)
    assert model.question_at(row).votes == target.votes + 1
    assert changed == [(row, Column.VOTES, Column.VOTES)]


def test_the_session_is_read_once_per_change_and_never_stale(document) -> None:
    from facilitator.store.sessions import update_session

    state = document.session_state
    session_id = list_sessions(document.file)[0].id
    first = state.session(session_id)
    reads = state.reads
    assert state.session(session_id) is first and state.reads == reads  # shared, not re-read
    document.slots_did_change.emit(session_id)  # a change: read again, once
    second = state.session(session_id)
    assert second is not first and state.session(session_id) is second
    assert state.reads == reads + 1
    # A write no signal announced is seen too (this connection's total_changes).
    update_session(document.file, session_id, warning_seconds=95)
    assert state.session(session_id).warning_seconds == 95


def test_a_big_session_shows_its_rows_at_once_and_marks_them_as_found(qtbot, tmp_path) -> None:
    """Past DuplicateSearch.SPREAD_AFTER questions the search runs in slices between
    repaints: the rows come first, then their ≈ marks (and, under "Flagged", the rows)."""
    from facilitator.core.questions import DuplicateSearch, similar_questions

    path = create_event_file(tmp_path / "event.db", "walrg")
    ef = EventFile.open(path)
    session_id = list_sessions(ef)[0].id
    set_questions_open(ef, session_id, True)
    topics = ["water housing", "climate finance cities", "youth data", "women budget mayors"]
    count = DuplicateSearch.SPREAD_AFTER + 100
    for i in range(count):
        qstore.submit_question(ef, session_id, f"{topics[i % 4]} {topics[i % 3]} {i}?",
                               now=1e9 + i, device_id=f"d{i}")
    model = QuestionTableModel(ef)
    model.set_filter(QuestionFilter.FLAGGED)
    resets: list[int] = []
    model.set_session(session_id)
    model.modelReset.connect(lambda: resets.append(1))
    assert model.searching
    qtbot.waitUntil(lambda: not model.searching, timeout=20_000)
    everything = qstore.list_questions(ef, session_id)
    assert model.similar == similar_questions(everything)
    assert {q.id for q in model.questions()} == set(model.similar)
    assert resets == []
    ef.close()


def test_the_running_clock_announces_its_cells_once_a_second_not_each_repaint(qtbot, document):
    """Each cell announced makes the speakers table measure its auto-sized columns again
    (~2 ms): the Run tab repaints ~7 times a second, the spoken time changes once."""
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    run = window.tabs["Run"]
    announced: list[tuple[int, int]] = []
    run.model.dataChanged.connect(lambda top, bottom, *_: announced.append(
        (top.row(), bottom.row())))
    for _ in range(5):  # nobody speaks: repaints announce nothing
        run.refresh_clock()
    assert announced == []
    run.start_action.trigger()
    announced.clear()
    for _ in range(5):  # the same second
        run.refresh_clock()
    assert announced == []
    document.clock.advance(1)
    for _ in range(5):
        run.refresh_clock()
    assert announced == [(0, 0)]  # once, the running speaker's row
    assert run.model.data(run.model.index(0, SlotColumn.SPOKEN)) == "0:01"


def test_a_speaker_passed_over_with_next_reads_skipped_not_waiting(qtbot, document):
    """Next before the first speaker started: their row says "skipped" at once (their
    slot itself did not change), those still to come "waiting"; Previous undoes it."""
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    run = window.tabs["Run"]
    model = run.model

    def statuses() -> list[str]:
        return [model.data(model.index(row, SlotColumn.STATUS))
                for row in range(model.rowCount())]

    assert model.rowCount() >= 3
    assert set(statuses()) == {"waiting"}
    told: list[int] = []
    model.dataChanged.connect(lambda top, bottom, *_: told.extend(
        range(top.row(), bottom.row() + 1)))
    run.next_action.trigger()
    assert statuses()[:3] == ["skipped", "waiting", "waiting"]
    assert 0 in told  # the view was told to repaint the skipped row
    run.previous_action.trigger()
    assert statuses()[:3] == ["waiting", "waiting", "waiting"]


def test_click_to_sort_is_off_and_qt_s_sort_is_left_alone(qtbot, document) -> None:
    """The model's sort mode is ``sort_by``: an attribute named ``sort`` shadowed Qt's
    ``sort(column, order)``, which a view calls the moment click-to-sort is on (a crash).
    The table is ordered by the moderator's choice (votes, time, newest), not by a header
    click; Qt's ``sort`` is its own no-op."""
    from PySide6.QtCore import QPoint

    from facilitator.gui.questions_tab import QuestionsTab

    session_id = list_sessions(document.file)[0].id
    set_questions_open(document.file, session_id, True)
    for i in range(6):
        qstore.submit_question(document.file, session_id, f"Question {i} on topic {i}?",
                               now=1e9 + i, device_id=f"d{i}")
    tab = QuestionsTab(document)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    tab.set_session(session_id)
    model, view = tab.model, tab.table
    before = [q.id for q in model.questions()]
    assert not view.isSortingEnabled()
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(column) + 5, 5))
    assert [q.id for q in model.questions()] == before
    model.sort(1, Qt.SortOrder.DescendingOrder)  # what a sorting view would call
    assert [q.id for q in model.questions()] == before
    model.set_sort("newest")
    assert model.sort_by == "newest" and [q.id for q in model.questions()] == before[::-1]


def test_a_space_press_in_the_window_is_three_statements_at_most(qtbot, document) -> None:
    """Issue 13's budget, in the whole window (every tab, the projector, the phone panel):
    the session read once, its clock written, the log line; nothing else on the GUI's
    connection, press after press (pause, resume, …; the very first press also puts the
    cursor on the first speaker, one statement more)."""
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    window.ui.tabs.setCurrentWidget(window.tabs["Run"])
    run = window.tabs["Run"]
    control = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")  # no data read or written
    statements: list[str] = []
    document.file.db.conn.set_trace_callback(statements.append)
    try:
        run.start_action.trigger()
        for _ in range(6):
            statements.clear()
            document.clock.advance(3)
            run.start_action.trigger()
            qtbot.wait(1)  # the repaints, and whatever they might read
            counted = [s for s in statements if not s.lstrip().upper().startswith(control)]
            assert len(counted) <= 3, counted
    finally:
        document.file.db.conn.set_trace_callback(None)
