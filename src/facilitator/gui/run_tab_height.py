"""How the Run tab's height is shared between the stage row (the speaker, the preview, the
clock keys), the speakers list and the floor requests from phones.

The speakers list is what the moderator runs the panel from: fifteen waiting requests took
it down to three and a half rows at 1024×768. So the list keeps ``SPEAKER_ROWS`` rows
first; the requests get at least one row and at most ``FLOOR_ROWS_MOST`` (their table
scrolls), their first ``FLOOR_ROWS_FIRST`` rows taking the room from the stage row's
preview (down to its least height) before the list; rows past those only from room the
whole stage row leaves. Pure arithmetic in pixels: ``RunTab`` measures, this decides.
"""

from __future__ import annotations

from typing import NamedTuple

SPEAKER_ROWS = 8  # rows of the speakers list kept in view at 1024×768 and up
FLOOR_ROWS_FIRST = 3  # request rows worth a smaller stage preview
FLOOR_ROWS_MOST = 6  # the requests table's height bound: more scroll


class FloorRoom(NamedTuple):
    """What the floor requests table needs, in pixels: its frame and header, one row."""
    frame: int
    row: int

    def height(self, rows: int) -> int:
        return self.frame + rows * self.row


class RunTabHeights(NamedTuple):
    """The stage row's height and the request rows shown (0: none wait); the speakers list
    takes the rest."""
    stage: int
    floor_rows: int


def share_height(room: int, *, stage_least: int, stage_most: int, speakers_least: int,
                 floor: FloorRoom, waiting: int) -> RunTabHeights:
    """Share ``room`` (the pixels the stage row, the speakers list and the requests table
    have together) as the module says. ``speakers_least`` is ``SPEAKER_ROWS`` rows with
    the list's header and frame; ``stage_least``/``stage_most`` the stage row's least and
    preferred heights. In a window too short for all that, the requests keep one row and
    the list gets what is left."""
    if waiting <= 0:
        return RunTabHeights(stage_most, 0)

    def spare(stage: int, rows: int) -> int:
        return room - stage - floor.height(rows) - speakers_least

    rows = min(waiting, FLOOR_ROWS_MOST)
    while rows > FLOOR_ROWS_FIRST and spare(stage_most, rows) < 0:
        rows -= 1
    while rows > 1 and spare(stage_least, rows) < 0:
        rows -= 1
    stage = max(stage_least, min(stage_most, stage_most + spare(stage_most, rows)))
    return RunTabHeights(stage, rows)
