"""A big agenda import from File › Import agenda…: it runs on a worker while the window
keeps answering, and the status bar shows how far it has got (issue 17)."""

from __future__ import annotations

import csv
import json
import sys
import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressBar

from facilitator.actions.command import Command, Label
from facilitator.core import progress
from facilitator.core.agenda import parse_agenda_json
from facilitator.gui.app import GIL_SWITCH_SECONDS
from facilitator.gui.main_window import MainWindow
from facilitator.store.agenda_io import apply_agenda
from facilitator.store.sessions import list_sessions

SLOTS, SESSIONS = 16_000, 40


@pytest.fixture
def window(qtbot, document):
    made = MainWindow(document)
    qtbot.addWidget(made)
    made.show()
    return made


def forum(per_session: int) -> dict:
    """A forum's whole programme: 40 sessions of ``per_session`` speakers, each a
    different person."""
    return {
        "format": "facilitator-agenda", "version": 1, "event": {"title": "Big forum"},
        "sessions": [{"title": f"Session {s + 1}",
                      "slots": [{"name": f"Speaker {s}-{i}", "organisation": f"City {i}",
                                 "kind": "panellist", "planned_minutes": 5}
                                for i in range(per_session)]}
                     for s in range(SESSIONS)]}


def big_agenda(path) -> None:
    """The whole forum as agenda JSON: 40 sessions of 400 speakers."""
    path.write_text(json.dumps(forum(SLOTS // SESSIONS)), encoding="utf-8")


def slot_rows() -> list[list[object]]:
    """The forum's 16,000 slots as a slot table: a header row, then one row per slot."""
    rows: list[list[object]] = [["session", "order", "kind", "name", "organisation",
                                 "planned_minutes"]]
    for session in forum(SLOTS // SESSIONS)["sessions"]:
        rows += [[session["title"], order, slot["kind"], slot["name"], slot["organisation"],
                  slot["planned_minutes"]]
                 for order, slot in enumerate(session["slots"], 1)]
    return rows


@pytest.fixture(params=["json", "csv", "xlsx"])
def agenda(request, document, tmp_path):
    """The 16,000-slot file to import: agenda JSON, or a slot table (CSV, an Excel
    workbook) for the forum's 40 sessions, which the event then already has."""
    path = tmp_path / f"forum.{request.param}"
    if request.param == "json":
        big_agenda(path)
        return path
    apply_agenda(document.file, parse_agenda_json(json.dumps(forum(0))))
    if request.param == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(slot_rows())
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Agenda")
        for row in slot_rows():
            sheet.append(row)
        book.save(path)
    return path


def test_a_16000_slot_import_keeps_the_window_answering(qtbot, agenda, window, document,
                                                         monkeypatch, request):
    # The moderator's window is on screen and painted before they pick File › Import. Left
    # to the first turn of the event loop, the window's first paint fell inside the import
    # measured below: ~1,250 calls of the speakers table's Python data(), each waiting for
    # the GIL from the busy worker, held the first timer tick back 50-250 ms (the test's own
    # set-up counted as a freeze; the thirds check failed about 2 runs in 3).
    qtbot.waitExposed(window)
    window.repaint()
    QApplication.processEvents()
    # The GIL hand-over the app runs with (make_application): at Python's default 5 ms,
    # each of the window's calls into Python (its style draws the moving busy bar) waited
    # up to 5 ms for the worker, and on a quiet machine the first tick came after the
    # import's first third.
    switch = sys.getswitchinterval()
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    request.addfinalizer(lambda: sys.setswitchinterval(switch))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(agenda), "")))
    runner = document.runner
    progress: list[tuple[int, int]] = []
    runner.progress_did_change.connect(lambda done, total: progress.append((done, total)))
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    bar_seen = []
    watcher = QTimer(interval=20)  # what the moderator sees while it runs
    watcher.timeout.connect(lambda: bar_seen.append(window.busy_bar.isVisible()))
    watcher.start()
    started = time.perf_counter()
    window.import_agenda()
    assert runner.busy  # on its worker: import_agenda() came back before the import ended
    assert agenda.name in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not runner.busy, timeout=120_000)
    took = time.perf_counter() - started
    timer.stop()
    watcher.stop()
    titles = [s.title for s in list_sessions(document.file)]
    assert all(f"Session {s + 1}" in titles for s in range(SESSIONS))
    assert f"Imported {agenda.name}" in window.statusBar().currentMessage()
    # The event loop went on: the 10 ms timer fired in every third of the import (a
    # blocking import would be one gap as long as the whole import). In a full test run,
    # the windows of the tests before are torn down as the import starts: ~1,500 events,
    # each through the application-wide key filter's Python, each waiting for the GIL; the
    # first tick came after the first third until each step of the work waited for the
    # window (gui/runner.py, _Progress) and reading the file had steps. Its longest gap is a
    # garbage collection of the whole process's objects run by the worker (it holds the
    # GIL): ~0.1 s in a fresh window, up to ~1 s late in a full test run's big heap.
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    thirds = {min(2, int((tick - started) / took * 3)) for tick in ticks if tick < started + took}
    assert thirds == {0, 1, 2}, (thirds, took)
    assert len(ticks) >= 10, (len(ticks), took)
    assert max(gaps) < max(0.5, took / 2), (max(gaps), took)
    # The bar showed, moved on through the sessions and went away.
    assert any(bar_seen) and not window.busy_bar.isVisible()
    assert isinstance(window.busy_bar, QProgressBar)
    assert progress and progress[-1] == (SESSIONS - 1, SESSIONS)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_the_busy_bar_showing_lays_nothing_out_again(qtbot, window):
    """Shown at the start of an import, the bar grew the status bar: the whole window was
    laid out and painted again while the worker held the GIL, and the window froze for the
    first ~0.1 s of the import. Its room is kept from the start."""
    qtbot.waitExposed(window)
    central = window.centralWidget().geometry()
    status = window.statusBar().geometry()
    window._show_busy(True)
    QApplication.processEvents()
    assert window.busy_bar.isVisible()
    assert window.centralWidget().geometry() == central
    assert window.statusBar().geometry() == status
    window._show_busy(False)


def stepping(steps: int, work: Callable[[int], None]) -> Command:
    """A slow command telling ``steps`` steps, calling ``work(step)`` before each."""
    def write(ef) -> str:
        for number in range(steps):
            work(number)
            progress.step(number, steps)
        return "done"

    return Command(Label.IMPORT_AGENDA, None, frozenset(), lambda ef: [], write,
                   undoable=False, slow=True)


def test_each_step_waits_until_the_window_has_taken_it_in(qtbot, document):
    """The window hears each step on its own thread before the work goes on: while it does,
    the worker leaves it the GIL, and the events queued before the step are handled."""
    runner = document.runner
    heard: list[tuple[int, int, bool]] = []
    runner.progress_did_change.connect(lambda done, total: heard.append(
        (done, total, threading.current_thread() is threading.main_thread())))
    heard_before: list[int] = []
    runner.run(stepping(20, lambda step: heard_before.append(len(heard))))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert heard == [(step, 20, True) for step in range(20)]
    assert heard_before == list(range(20))


def test_a_window_that_does_not_answer_holds_the_work_up_once(qtbot, document):
    """The window busy in a long call of its own: the work waits for it once, for a short
    while, then goes on without waiting until the window has caught up."""
    runner = document.runner
    heard: list[tuple[int, int]] = []
    runner.progress_did_change.connect(lambda done, total: heard.append((done, total)))
    started: list[float] = []
    runner.run(stepping(20, lambda step: started.append(time.perf_counter())))
    time.sleep(1.0)  # the window handles no events meanwhile
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    # Waiting out its patience at every step would have taken the work 20 x 0.1 s.
    assert started[-1] - started[0] < 0.5, started[-1] - started[0]
    assert heard == [(step, 20) for step in range(20)]
