"""The Run tab's speakers list follows the speaker: with forty turns (floor requests added
all afternoon) the one now speaking, and the next, are on screen after each Next, Previous
or Space; a list the moderator scrolled by hand stays where it is until the speaker
changes."""

from __future__ import annotations

import pytest

from facilitator.gui.main_window import MainWindow
from facilitator.gui.slot_model import Column


def on_screen(table, row: int) -> bool:
    rect = table.visualRect(table.model().index(row, Column.NAME))
    return (rect.isValid() and rect.top() >= 0
            and rect.bottom() <= table.viewport().rect().bottom())


@pytest.fixture
def run(qtbot, document):
    """The Run tab of a 1280x720 window, its session's list 30 floor requests longer than
    the list shows."""
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    for number in range(30):
        run.timer.add_floor_request(f"Delegate {number}", 120)
    return run


def test_the_list_follows_the_speaker(qtbot, run):
    qtbot.wait(10)
    table, model = run.table, run.model
    assert not on_screen(table, model.rowCount() - 1)  # more turns than the list shows
    for step in range(model.rowCount() - 1):
        if step % 3 == 0:
            run.toggle()  # Space: starts the speaker
        run.next_action.trigger()  # N, PageDown, a clicker
        row = model.row_of(run.current_slot().id)
        assert on_screen(table, row), step
        if row + 1 < model.rowCount():
            assert on_screen(table, row + 1), step
    run.previous_action.trigger()
    assert on_screen(table, model.row_of(run.current_slot().id))


def test_a_list_scrolled_by_hand_stays_while_the_speaker_talks(qtbot, run, document):
    for _ in range(25):
        run.next_action.trigger()
    table = run.table
    table.scrollToTop()  # the moderator looks at who spoke first
    run.toggle()
    document.clock.advance(30)
    run.refresh_clock()
    run.add_small.trigger()  # +30 s
    run.toggle()
    assert table.verticalScrollBar().value() == 0
    run.next_action.trigger()  # a new speaker: the list follows again
    assert on_screen(table, run.model.row_of(run.current_slot().id))
