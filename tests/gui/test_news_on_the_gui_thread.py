"""What phones' news costs the window: a batch of votes is one layout change, a repaint
asks each cell once, the stage keeps its sizes when the question on it did not change.

Each test shows the behaviour is the same as before (the rows a fresh read gives, the
selection kept, every role's value) and that the cheaper path was taken.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from facilitator.core.questions import QuestionStatus
from facilitator.gui.question_model import Column, QuestionIdRole, QuestionTableModel
from facilitator.store import EventFile
from facilitator.store import questions as qstore
from facilitator.store.agenda_io import create_event_file
from facilitator.store.sessions import list_sessions, set_questions_open


@pytest.fixture
def hall(qapp, tmp_path):
    """30 approved questions, the model on a real table view, and the phone server's own
    connection to vote through."""
    path = create_event_file(tmp_path / "event.db", "walrg")
    ef = EventFile.open(path)
    session_id = list_sessions(ef)[0].id
    set_questions_open(ef, session_id, True)
    for i in range(30):
        question, _ = qstore.submit_question(ef, session_id, f"Question {i} about topic {i}?",
                                             now=1e9 + i, device_id=f"d{i}")
        qstore.approve_question(ef, question.id, now=1e9 + i)
    model = QuestionTableModel(ef)
    model.set_session(session_id)
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(900, 600)
    phone_side = EventFile.open(path, lock=False)
    yield ef, phone_side, session_id, model, view
    view.close()
    phone_side.close()
    ef.close()


def _fresh(ef: EventFile, session_id: int) -> list:
    fresh = QuestionTableModel(ef)
    fresh.set_session(session_id)
    return fresh.questions()


def test_a_batch_of_votes_moving_rows_is_one_layout_change_and_keeps_the_selection(
        hall) -> None:
    ef, phone_side, session_id, model, view = hall
    chosen = model.question_at(20)
    view.selectRow(20)
    view.setCurrentIndex(model.index(20, Column.QUESTION))
    view.resizeRowToContents(3)  # a sized row: its height follows its question
    sized = model.question_at(3)
    height = view.rowHeight(3)
    layouts, moves, resets, changed = [], [], [], []
    model.layoutChanged.connect(lambda *_: layouts.append(1))
    model.rowsMoved.connect(lambda *_: moves.append(1))
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, *_: changed.append(
        (model.question_at(top.row()).id, top.column(), bottom.column())))
    # Eight phones vote on questions far down: they climb past others (sorted by votes).
    voted = [model.question_at(row).id for row in (29, 27, 25, 22, 18, 12, 7, 5)]
    for n, question_id in enumerate(voted):
        for phone in range(n + 1):
            qstore.add_vote(phone_side, question_id, f"phone-{n}-{phone}", now=2e9 + n)
    model.take_news(set(voted))
    assert model.questions() == _fresh(ef, session_id)
    assert layouts == [1] and moves == [] and resets == []
    # Each voted question's count repaints; no row is sized again for a vote.
    assert sorted(changed) == sorted((qid, Column.VOTES, Column.VOTES) for qid in voted)
    # The selection, the current row and a sized row's height follow their questions.
    assert [model.question_at(i.row()).id for i in view.selectionModel().selectedRows()] \
        == [chosen.id]
    assert model.question_at(view.currentIndex().row()).id == chosen.id
    assert view.rowHeight(model.row_of(sized.id)) == height


def test_news_mixing_votes_new_questions_and_decisions_gives_the_rows_of_a_fresh_read(
        hall) -> None:
    ef, phone_side, session_id, model, view = hall
    votes = [model.question_at(row).id for row in (28, 15, 9)]
    for n, question_id in enumerate(votes):
        for phone in range(3 - n):
            qstore.add_vote(phone_side, question_id, f"p-{n}-{phone}", now=2e9)
    new, _ = qstore.submit_question(phone_side, session_id, "A new one about housing?",
                                    now=2e9 + 1, device_id="new-phone")
    qstore.reject_question(ef, model.question_at(2).id, now=2e9 + 2)
    rejected = model.question_at(2).id
    model.take_news({*votes, new.id, rejected})
    assert model.questions() == _fresh(ef, session_id)
    assert model.question_at(model.row_of(rejected)).status is QuestionStatus.REJECTED


def test_votes_that_move_no_row_repaint_their_counts_in_place(hall) -> None:
    ef, phone_side, session_id, model, view = hall
    layouts, changed = [], []
    model.layoutChanged.connect(lambda *_: layouts.append(1))
    model.dataChanged.connect(lambda top, bottom, *_: changed.append(
        (top.row(), top.column(), bottom.column())))
    top = [model.question_at(row).id for row in (0, 1)]
    for n, question_id in enumerate(top):  # the first two gain one each: order kept
        qstore.add_vote(phone_side, question_id, f"p-{n}", now=2e9)
    model.take_news(set(top))
    assert model.questions() == _fresh(ef, session_id)
    assert layouts == []
    assert sorted(changed) == [(0, Column.VOTES, Column.VOTES), (1, Column.VOTES, Column.VOTES)]


def test_one_call_gives_every_role_of_a_cell_as_data_does(hall) -> None:
    ef, phone_side, session_id, model, view = hall
    question = model.question_at(4)
    qstore.star_question(ef, question.id, True, now=2e9)
    qstore.set_on_screen(ef, session_id, question.id, now=2e9)
    model.reload()
    roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole,
             Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.EditRole,
             Qt.ItemDataRole.ToolTipRole, QuestionIdRole]
    delegate = QStyledItemDelegate()
    for row in range(model.rowCount()):
        for column in Column:
            index = model.index(row, column)
            for role in roles:
                one = QModelRoleData(int(role))
                model.multiData(index, QModelRoleDataSpan(one))
                assert one.data() == model.data(index, role), (row, column, role)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)  # what a repaint asks, in one call
            assert option.text == (model.data(index) or "")
            assert option.font.bold() == (model.question_at(row).on_screen)
    assert not model.index(model.rowCount(), 0).isValid()
    assert not model.index(0, len(Column)).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()
    assert model.index(0, 0, QModelIndex()).isValid()


def test_the_stage_keeps_its_sizes_when_the_question_on_it_is_the_same(qapp) -> None:
    from facilitator.gui.projector import ProjectorWindow

    projector = ProjectorWindow()
    projector.resize(1280, 720)
    sized: list[int] = []
    apply = projector._apply_sizes

    def counted() -> None:
        sized.append(1)
        apply()

    projector._apply_sizes = counted
    projector.show_question("How do cities pay for housing?", "Ana")
    assert len(sized) == 1 and projector.question_label.text() == \
        "“How do cities pay for housing?”  — Ana"
    for _ in range(4):  # phones' news four times a second, nothing changed on the stage
        projector.show_question("How do cities pay for housing?", "Ana")
    assert len(sized) == 1
    projector.show_question("How do cities pay for housing?", "Ben")
    projector.show_question(None)
    assert len(sized) == 3 and projector.question_label.isHidden()
    projector.show_question(None)
    assert len(sized) == 3
    projector.close()


@settings(max_examples=300, deadline=None)
@given(size=st.integers(1, 40), data=st.data())
def test_rows_that_stay_put_are_found_after_others_moved(size, data) -> None:
    from facilitator.gui.question_model import _row_after

    rows = list(range(size))
    left = sorted(data.draw(st.sets(st.integers(0, size - 1))))
    rest = [r for r in rows if r not in left]
    result = list(rest)
    for r in left:  # put back anywhere
        result.insert(data.draw(st.integers(0, len(result))), r)
    came = sorted(result.index(r) for r in left)
    for r in rest:
        assert _row_after(r, left, came) == result.index(r)


@pytest.fixture
def focus_style(qapp):
    """The app's focus style for one test, the plain platform style back afterwards."""
    from facilitator.gui.focus_style import install_focus_style

    before = qapp.style().name()
    install_focus_style(qapp)
    yield
    qapp.setStyle(before)


def _focused_table(qtbot, model, plain: bool):
    from facilitator.gui.focus_style import plain_cells

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if plain:
        plain_cells(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    view.setCurrentIndex(model.index(2, 0))
    return view


def test_a_table_painted_plainly_shows_the_same_focus_outline_with_fewer_calls(
        qtbot, hall, focus_style) -> None:
    import cProfile
    import pstats

    from facilitator.gui import focus_frame_style
    from facilitator.gui.focus_style import FOCUS_COLOUR

    ef, phone_side, session_id, model, _ = hall
    images, hooks = {}, {}
    for plain in (False, True):
        view = _focused_table(qtbot, model, plain)
        qtbot.waitUntil(view.hasFocus)
        images[plain] = view.grab().toImage()
        profile = cProfile.Profile()
        profile.enable()
        view.viewport().repaint()
        profile.disable()
        hooks[plain] = sum(calls for (path, _, name), (calls, *_) in
                           pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
                           if path == focus_frame_style.__file__ and name.startswith("draw"))
        view.close()
    colour = FOCUS_COLOUR.rgb()
    before, after = images[False], images[True]

    def outline(image) -> int:
        return sum(1 for y in range(image.height()) for x in range(image.width())
                   if image.pixel(x, y) == colour)

    assert outline(before) > 2 * (before.width() + before.height())  # frame and cell
    assert outline(after) == outline(before)
    differ = sum(1 for y in range(before.height()) for x in range(before.width())
                 if before.pixel(x, y) != after.pixel(x, y))
    assert differ <= 40, differ  # a corner's antialiasing at most
    assert hooks[False] > 100 and hooks[True] == 0, hooks


def test_a_new_question_repaints_its_count_not_the_whole_panel(qtbot, questions_window,
                                                               document) -> None:
    from PySide6.QtCore import QEvent, QObject

    from facilitator.actions.changes import Changes, Kind

    tab = questions_window.tabs["Questions"]
    session_id = tab.session_id
    set_questions_open(document.file, session_id, True)
    qtbot.waitExposed(questions_window)
    painted: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(watched.objectName())
            return False

    spy = Paints()
    for widget in (tab.buttons["approve"], tab.sort_box, tab.counts_label):
        widget.installEventFilter(spy)
    qtbot.wait(50)
    painted.clear()
    question, _ = qstore.submit_question(document.file, session_id, "How do we pay for parks?",
                                         now=2e9, device_id="a-phone")
    document.runner.announce(Changes.of(session_id, Kind.QUESTIONS))
    qtbot.waitUntil(lambda: "1 to review" in tab.counts_label.text())
    qtbot.wait(50)  # the repaints that follow
    assert "questionCounts" in painted
    assert tab.buttons["approve"].objectName() not in painted
    assert tab.sort_box.objectName() not in painted
