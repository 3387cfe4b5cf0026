"""Poll results while a hall answers: re-read at most every REFRESH_MS however many answers
arrive, redrawn only when they changed, and a word cloud laid out again on a worker while
the cloud drawn stays (the window never waits for the layout)."""

from __future__ import annotations

import threading

import pytest

from facilitator.actions import polls
from facilitator.actions.changes import Changes, Kind
from facilitator.core import word_cloud
from facilitator.core.polls import Poll, PollKind, poll_results
from facilitator.gui.polls.polls_tab import REFRESH_MS
from facilitator.gui.polls.results_view import PollResultsView
from facilitator.store import polls as store

NOW = 1_800_000_000.0


@pytest.fixture
def window(qtbot, document):
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    window.ui.tabs.setCurrentWidget(window.tabs["Polls"])
    return window


def test_answers_arriving_together_are_read_once_per_refresh_and_all_shown(
        qtbot, window, document, monkeypatch) -> None:
    tab = window.tabs["Polls"]
    tab._serve_phones = lambda: True
    session_id = tab.session_id
    poll_id = document.runner.run(polls.add_poll(session_id, "Which first?", "single",
                                                 ["Housing", "Transport", "Water"])).result
    document.runner.run(polls.open_poll(session_id, poll_id, now=NOW))
    document.runner.run(polls.show_results(session_id, poll_id))
    qtbot.waitUntil(lambda: bool(tab.polls) and tab.polls[0].is_open)
    tab.list.setCurrentRow(0)
    reads: list[int] = []
    tally = store.answer_tally
    monkeypatch.setattr(store, "answer_tally", lambda ef, pid: reads.append(pid) or tally(ef, pid))
    for n in range(40):  # 40 answers, each announced as the phone server's news is
        store.answer_poll(document.file, poll_id, f"phone-{n}", n % 3, now=NOW + n)
        document.runner.announce(Changes.of(session_id, Kind.POLLS))
    projector = window.tabs["Run"].projector
    qtbot.waitUntil(lambda: tab.view.results is not None and tab.view.results.answers == 40)
    qtbot.wait(REFRESH_MS * 2)
    # One re-read for the whole burst (the selected poll is the one projected: read once).
    assert len(reads) <= 2, reads
    assert [b.count for b in tab.view.results.bars] == [14, 13, 13]
    assert projector.poll_page.results == tab.view.results


def test_the_same_results_again_do_not_repaint(qapp) -> None:
    view = PollResultsView()
    poll = Poll(question="Which?", kind=PollKind.SINGLE, options=("A", "B"), id=1)
    repaints: list[int] = []
    view.update = lambda *args: repaints.append(1)
    view.show_results(poll, poll_results(poll, [0, 1, 1]))
    view.show_results(poll, poll_results(poll, [0, 1, 1]))  # re-read, nothing new
    assert repaints == [1]
    view.show_results(poll, poll_results(poll, [0, 1, 1, 0]))
    view.show_results(None, None)
    assert repaints == [1, 1, 1]


def test_a_growing_word_cloud_is_laid_out_on_a_worker_while_the_last_one_stays(
        qtbot, monkeypatch) -> None:
    view = PollResultsView(stage=True)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    poll = Poll(question="One word for your city?", kind=PollKind.WORDS, options=(), id=7)
    threads: list[str] = []
    layout = word_cloud.layout

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return layout(*args, **kwargs)

    monkeypatch.setattr(word_cloud, "layout", recorded)
    view.show_results(poll, poll_results(poll, [["green"], ["green"], ["safe"]]))
    view.grab()  # the first cloud of a poll: laid out at once, as a test or a screen wants
    assert {(w.word, w.count) for w in view.cloud} == {("green", 2), ("safe", 1)}
    assert threads == [threading.main_thread().name]
    many = [[f"word{n % 30}", "green"] for n in range(300)]
    view.show_results(poll, poll_results(poll, many))
    view.grab()  # answers came: the cloud drawn stays while the new one is laid out
    assert {(w.word, w.count) for w in view.cloud} == {("green", 2), ("safe", 1)}
    qtbot.waitUntil(lambda: {w.word for w in view.cloud} > {"green", "word0"})
    assert threads[1].startswith("word-cloud")
    placed = {w.word: w.count for w in view.cloud}
    assert placed["green"] == 300 and placed["word0"] == 10
    # Another poll, or another room: laid out at once, never a stale cloud.
    other = Poll(question="Another?", kind=PollKind.WORDS, options=(), id=8)
    view.show_results(other, poll_results(other, [["water"]]))
    view.grab()
    assert [(w.word, w.count) for w in view.cloud] == [("water", 1)]
    qtbot.wait(50)
    assert [(w.word, w.count) for w in view.cloud] == [("water", 1)]
