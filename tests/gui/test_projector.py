"""The projector window: readable countdown, states in words and shapes, messages, QR,
blackout, remembered screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from facilitator.core.timer import Level
from facilitator.gui.clock_face import LEVEL_STYLES, banner_text, level_shape
from facilitator.gui.projector import SCREEN_SETTING, ProjectorWindow, StageReading


def reading(level=Level.NORMAL, clock="4:05"):
    return StageReading(session_title="Panel", speaker="Ada Mayor", affiliation="Mayor, Lyon",
                        clock=clock, level=level, banner=banner_text(level, 60),
                        next_speaker="Ben")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768)])
def test_countdown_takes_at_least_40_percent_of_the_height(qtbot, projector, size):
    projector.resize(*size)
    projector.show_reading(reading(clock="-12:34"))
    qtbot.wait(10)
    face = projector.clock_face
    from facilitator.gui.clock_face import _fitted_font

    font = _fitted_font(face.text, face.rect().toRectF())
    assert face.height() >= 0.45 * projector.height()
    if size[0] / size[1] >= 16 / 9 - 0.01:  # on 4:3 the width, not the height, is the limit
        assert font.pixelSize() >= 0.40 * projector.height()
    assert face.digit_height() >= 0.25 * projector.height()


def test_with_a_message_the_clock_stays_big(qtbot, projector):
    projector.show_reading(reading())
    projector.show_message("Please conclude", blink=False)
    qtbot.wait(10)
    assert projector.clock_face.height() >= 0.45 * projector.height()


def test_states_differ_by_words_and_shape_not_only_colour(projector):
    words = {}
    for level in Level:
        projector.show_reading(reading(level))
        words[level] = projector.banner.text
        assert projector.clock_face.level is level
    assert words == {Level.NORMAL: "", Level.WARNING: "1 MIN LEFT",
                     Level.DANGER: "PLEASE CONCLUDE", Level.OVERTIME: "OVER TIME"}
    from PySide6.QtCore import QRectF

    box = QRectF(0, 0, 100, 100)
    shapes = {level: level_shape(level, box).elementCount() for level in Level}
    assert shapes[Level.NORMAL] == 0
    assert len({shapes[Level.WARNING], shapes[Level.DANGER], shapes[Level.OVERTIME]}) == 3
    assert LEVEL_STYLES[Level.OVERTIME].filled and not LEVEL_STYLES[Level.DANGER].filled
    assert banner_text(Level.WARNING, 120) == "2 MIN LEFT"


def test_overtime_tints_the_stage(projector):
    projector.show_reading(reading(Level.OVERTIME, "-0:10"))
    tinted = projector.palette().color(projector.backgroundRole())
    projector.show_reading(reading(Level.NORMAL))
    assert projector.palette().color(projector.backgroundRole()) != tinted


def test_message_blinks_and_clears(qtbot, projector):
    projector.show_message("One minute", blink=True)
    assert projector.message_label.isVisible() and projector.message_label.text() == "One minute"
    styles = set()
    for _ in range(3):
        qtbot.wait(650)
        styles.add(projector.message_label.styleSheet())
    assert len(styles) == 2  # on and off
    projector.show_message(None)
    assert not projector.message_label.isVisible() and not projector._blink.isActive()


def test_user_text_is_plain_text(projector):
    projector.show_reading(StageReading(speaker="<img src=x>", clock="1:00"))
    projector.show_message("<b>bold</b>")
    projector.show_question("<i>why</i>?", "<u>me</u>")
    for label in (projector.speaker_label, projector.message_label, projector.question_label):
        assert label.textFormat().name == "PlainText"
    assert "<i>why</i>" in projector.question_label.text()


def test_question_join_and_blackout_pages(projector):
    projector.show_question("How do cities finance housing?", "Rosa, Quito")
    assert projector.question_label.isVisible()
    assert "Rosa, Quito" in projector.question_label.text()
    projector.show_question(None)
    assert not projector.question_label.isVisible()

    projector.show_join("http://192.168.1.20:8765/j/abc", "K7QX")
    assert projector.current_page() == "join"
    assert projector.qr.text == "http://192.168.1.20:8765/j/abc"
    assert projector.join_code.text() == "Code: K7QX"
    projector.set_blackout(True)
    assert projector.current_page() == "blackout"
    projector.set_blackout(False)
    assert projector.current_page() == "join"
    projector.show_join(None)
    assert projector.current_page() == "stage"


def test_screen_choice_is_remembered_and_fullscreen_toggles(qtbot, projector):
    name = QGuiApplication.primaryScreen().name()
    assert projector.send_to_screen(name)
    assert QSettings().value(SCREEN_SETTING) == name
    assert not projector.send_to_screen("no such screen")
    again = ProjectorWindow()
    qtbot.addWidget(again)
    assert again.remembered_screen() == name
    projector.toggle_fullscreen()
    assert projector.isFullScreen()
    projector.toggle_fullscreen()
    assert not projector.isFullScreen()
