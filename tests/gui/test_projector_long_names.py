"""A long name on the projector is made smaller before it is cut: a head of agency's full
title is read whole from the back of the room, and nothing ever runs past the edges."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from facilitator.core.timer import Level
from facilitator.gui.clock_face import banner_text
from facilitator.gui.projector import SHRINK_FLOOR, StageReading

TITLE = "H.E. Ms. Maimunah Mohd Sharif, Under-Secretary-General, UN-Habitat"
ARABIC = "معالي السيدة ميمونة محمد شريف، وكيلة الأمين العام والمديرة التنفيذية لموئل الأمم"
SIZES = [(1280, 720), (1920, 1080)]


def stage(name: str, affiliation: str = "Mayor, Lyon") -> StageReading:
    return StageReading(session_title=f"Panel 1: {name}", speaker=name,
                        affiliation=affiliation, clock="0:45", level=Level.WARNING,
                        banner=banner_text(Level.WARNING, 60), next_speaker=name)


def lines(projector):
    return (projector.title_label, projector.speaker_label, projector.affiliation_label,
            projector.next_label)


def room(projector) -> int:
    return projector.width() - 2 * int(projector.height() * 0.02) - 8


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", [TITLE, ARABIC])
def test_a_long_name_is_shown_whole_smaller(qtbot, projector, size, name):
    projector.resize(*size)
    projector.show_reading(stage("Ada Mayor"))
    qtbot.wait(10)
    nominal = projector.speaker_label.font().pixelSize()
    projector.show_reading(stage(name, affiliation=name))
    qtbot.wait(10)
    label = projector.speaker_label
    assert label.text() == name  # whole, no "…"
    assert SHRINK_FLOOR * nominal <= label.font().pixelSize() < nominal
    for line in lines(projector):
        assert QFontMetrics(line.font()).horizontalAdvance(line.text()) <= room(projector)
    # A short name again: back to the row's full size.
    projector.show_reading(stage("Ada Mayor"))
    qtbot.wait(10)
    assert label.font().pixelSize() == nominal


@pytest.mark.parametrize("size", SIZES)
def test_a_name_too_long_even_when_smaller_is_cut_within_the_screen(qtbot, projector, size):
    projector.resize(*size)
    projector.show_reading(stage("Ada Mayor"))
    qtbot.wait(10)
    nominal = projector.speaker_label.font().pixelSize()
    endless = " ".join([TITLE] * 4)
    projector.show_reading(stage(endless, affiliation=endless))
    qtbot.wait(10)
    for line in lines(projector):
        assert line.text().rstrip("\u2069").endswith("…")  # a name is isolated (bidi)
        assert line.toolTip()  # the whole text, for the moderator pointing at it
        assert QFontMetrics(line.font()).horizontalAdvance(line.text()) <= room(projector)
    assert projector.speaker_label.font().pixelSize() >= int(SHRINK_FLOOR * nominal)


def test_the_size_follows_the_window(qtbot, projector):
    """Made larger (sent to the 1080p projector), the name gets the room it now has."""
    projector.resize(1280, 720)
    projector.show_reading(stage(TITLE))
    qtbot.wait(10)
    small = projector.speaker_label.font().pixelSize()
    projector.resize(1920, 1080)
    qtbot.wait(10)
    assert projector.speaker_label.font().pixelSize() > small
    assert projector.speaker_label.text() == TITLE
