"""A big session's first read runs on the runner's worker, with its own connection: the
window keeps its event loop (20,000 questions held it ~0.3 s), the rows arrive in one
reset, and what is written meanwhile — by the moderator or by phones — is not lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from facilitator.actions import questions
from facilitator.gui.main_window import MainWindow
from facilitator.gui.question_model import QuestionTableModel
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_sessions, set_questions_open

BIG = 120  # questions; the model is told to read past 50 on the worker


@pytest.fixture
def big(qtbot, document, monkeypatch):
    monkeypatch.setattr(QuestionTableModel, "READ_ON_WORKER_AFTER", 50)
    first, second = list_sessions(document.file)[:2]
    set_questions_open(document.file, first.id, True)
    for i in range(BIG):
        qstore.submit_question(document.file, first.id, f"Question {i}: water and housing {i}?",
                               now=1e9 + i, device_id=f"d{i}")
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    tab = window.tabs["Questions"]
    window.ui.tabs.setCurrentWidget(tab)
    tab.set_session(None)
    return window, tab, first.id, second.id


def fresh_rows(document, session_id) -> list[int]:
    model = QuestionTableModel(document.file)  # no worker: read at once
    model.set_session(session_id)
    return [q.id for q in model.questions()]


def test_the_first_read_leaves_the_event_loop_running(qtbot, document, big):
    window, tab, session_id, _other = big
    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(tab.model.rowCount()))
    ticks: list[bool] = []
    QTimer.singleShot(0, lambda: ticks.append(tab.model.loading))
    tab.set_session(session_id)
    assert tab.model.loading and tab.model.rowCount() == 0
    assert tab.counts_label.text() == "Reading the questions…"
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    assert ticks == [True]  # the event loop ran while the rows were read
    assert resets == [0, BIG]  # emptied at once, then the rows in one reset
    assert [q.id for q in tab.model.questions()] == fresh_rows(document, session_id)
    assert tab.counts_label.text().startswith(f"{BIG} to review")
    qtbot.waitUntil(lambda: not tab.model.searching, timeout=10_000)


def test_what_is_written_meanwhile_shows_once_the_rows_are_in(qtbot, document, big):
    window, tab, session_id, _other = big
    tab.set_session(session_id)
    assert tab.model.loading
    first = qstore.list_questions(document.file, session_id)[0]
    # The moderator acts (the GUI's connection) and a phone sends (another connection).
    document.runner.run(questions.approve(session_id, first.id, now=2e9), window)
    from facilitator.store import EventFile

    with EventFile.open(document.file.path, lock=False) as phone_side:
        qstore.submit_question(phone_side, session_id, "Late from a phone?", now=2e9,
                               device_id="late")
    document.questions_did_change.emit(session_id)  # the server's news
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    qtbot.waitUntil(lambda: tab.model.rowCount() == BIG + 1, timeout=10_000)
    assert [q.id for q in tab.model.questions()] == fresh_rows(document, session_id)
    row = tab.model.row_of(first.id)
    assert tab.model.question_at(row).status.value == "approved"


def test_a_read_for_a_session_left_meanwhile_is_dropped(qtbot, document, big):
    window, tab, session_id, other = big
    tab.set_session(session_id)
    assert tab.model.loading
    tab.set_session(other)  # the moderator moved on before the rows came
    assert not tab.model.loading and tab.model.session_id == other
    qtbot.waitUntil(lambda: not document.runner.busy, timeout=10_000)
    qtbot.wait(50)
    assert tab.model.session_id == other
    assert [q.id for q in tab.model.questions()] == fresh_rows(document, other)
    tab.set_session(session_id)  # and back: read again (on the worker), all there
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    assert [q.id for q in tab.model.questions()] == fresh_rows(document, session_id)


def test_the_question_on_screen_stays_on_the_projector_while_reading(qtbot, document, big):
    window, tab, session_id, _other = big
    shown = qstore.list_questions(document.file, session_id)[3]
    qstore.approve_question(document.file, shown.id, now=2e9)
    qstore.set_on_screen(document.file, session_id, shown.id, now=2e9)
    projector = window.tabs["Run"].projector
    seen: list[object] = []
    original = projector.show_question
    projector.show_question = lambda text, *rest: (seen.append(text), original(text, *rest))
    tab.set_session(session_id)
    assert tab.model.loading
    assert None not in seen  # the empty rows while reading never take it off the screen
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    assert seen[-1] == shown.text


def test_an_order_or_filter_chosen_while_reading_applies_to_the_rows(qtbot, document, big):
    from facilitator.gui.question_model import QuestionFilter

    window, tab, session_id, _other = big
    for i in range(0, BIG, 3):  # some to approve, so the filter shows fewer
        qstore.approve_question(document.file,
                                qstore.list_questions(document.file, session_id)[i].id,
                                now=2e9)
    tab.set_session(session_id)
    assert tab.model.loading
    tab.model.set_sort("newest")
    tab.model.set_filter(QuestionFilter.APPROVED)
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    expected = QuestionTableModel(document.file)
    expected.set_sort("newest")
    expected.set_filter(QuestionFilter.APPROVED)
    expected.set_session(session_id)
    assert [q.id for q in tab.model.questions()] == [q.id for q in expected.questions()]
    assert len(expected.questions()) == len(range(0, BIG, 3))



def test_no_garbage_collection_runs_on_the_worker_while_it_reads(qtbot, document, big,
                                                                 monkeypatch):
    """A full collection set off by the worker's allocations holds the GIL: the window
    froze 30–75 ms at 20,000 questions. None runs while the worker makes the questions
    (here with as many more objects as 20,000 questions make); once the rows are in,
    collection is on again and the rows are those a fresh read gives."""
    import gc

    window, tab, session_id, _other = big
    made_questions = qstore.made_questions
    making: list[bool] = []
    collected: list[int] = []

    def made_with_many_objects(*args, **kwargs):
        making.append(True)
        try:
            kept = [[i] for i in range(60_000)]  # each list one more tracked object
            return made_questions(*args, **kwargs)
        finally:
            making.clear()
            del kept

    def seen(phase: str, info: dict) -> None:
        if phase == "start" and making:
            collected.append(info["generation"])

    monkeypatch.setattr(qstore, "made_questions", made_with_many_objects)
    gc.callbacks.append(seen)
    try:
        tab.set_session(session_id)
        qtbot.waitUntil(lambda: not tab.model.loading, timeout=10_000)
    finally:
        gc.callbacks.remove(seen)
    assert collected == []
    assert gc.isenabled()
    assert [q.id for q in tab.model.questions()] == fresh_rows(document, session_id)
