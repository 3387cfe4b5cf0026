"""How the Run tab's height is shared (``gui.run_tab_height``), in pixels: the speakers
list keeps its rows first, the floor requests get one row at least and six at most, their
first rows from the stage preview's spare height."""

from __future__ import annotations

from facilitator.gui.run_tab_height import (
    FLOOR_ROWS_FIRST,
    FLOOR_ROWS_MOST,
    FloorRoom,
    RunTabHeights,
    share_height,
)

FLOOR = FloorRoom(frame=20, row=30)
LIST = 264  # eight rows, the header and the frame
STAGE = {"stage_least": 162, "stage_most": 212}


def shared(room: int, waiting: int) -> RunTabHeights:
    return share_height(room, speakers_least=LIST, floor=FLOOR, waiting=waiting, **STAGE)


def test_nothing_waits_the_stage_keeps_its_height():
    assert shared(500, 0) == RunTabHeights(212, 0)


def test_a_tall_window_shows_the_requests_up_to_the_bound():
    assert shared(2000, 60) == RunTabHeights(212, FLOOR_ROWS_MOST)
    assert shared(2000, 4) == RunTabHeights(212, 4)


def test_the_first_rows_take_the_preview_down_before_the_list():
    # Room for the list and three rows only with a preview 40 px shorter.
    room = LIST + FLOOR.height(FLOOR_ROWS_FIRST) + 172
    assert shared(room, 15) == RunTabHeights(172, FLOOR_ROWS_FIRST)


def test_rows_past_the_first_come_only_with_the_whole_preview():
    room = LIST + FLOOR.height(FLOOR_ROWS_FIRST + 1) + 200
    assert shared(room, 15).floor_rows == FLOOR_ROWS_FIRST


def test_the_list_keeps_its_rows_and_the_requests_one_in_any_window():
    for room in range(300, 1200, 7):
        for waiting in (1, 5, 15, 60):
            stage, rows = shared(room, waiting)
            assert 1 <= rows <= min(waiting, FLOOR_ROWS_MOST)
            assert 162 <= stage <= 212
            if room >= 162 + FLOOR.height(1) + LIST:  # the list's rows fit at all
                assert room - stage - FLOOR.height(rows) >= LIST, (room, waiting)
