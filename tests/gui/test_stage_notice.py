"""The moderator's message and the blackout: committed to the event file (the podium view
reads them there), shown on the projector and mirrored on the Run tab's preview; a
blackout is black whatever the clock's state."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from facilitator.core.stage import StageNotice
from facilitator.core.timer import Level
from facilitator.gui.clock_face import banner_text
from facilitator.gui.main_window import MainWindow
from facilitator.gui.projector import StageReading
from facilitator.store.sessions import list_sessions
from facilitator.store.stage import load_stage_notice, save_stage_notice


def reading(level: Level) -> StageReading:
    return StageReading(session_title="Panel", speaker="Ada Mayor", affiliation="Lyon",
                        clock="-0:10" if level is Level.OVERTIME else "0:20", level=level,
                        banner=banner_text(level, 60), next_speaker="Ben",
                        paused=False)


def black_everywhere(image) -> bool:
    step = 16
    return all(QColor(image.pixel(x, y)).name() == "#000000"
               for x in range(0, image.width(), step) for y in range(0, image.height(), step))


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("extra", ["nothing", "message", "question", "join", "paused"])
def test_blackout_is_black_in_every_state(qtbot, projector, level, extra):
    projector.show_reading(reading(level))
    if extra == "message":
        projector.show_message("Please conclude", blink=True)
    elif extra == "question":
        projector.show_question("Why?", "Rosa")
    elif extra == "join":
        projector.show_join("http://192.168.1.20:8765/j/abc", "K7QX")
    elif extra == "paused":
        projector.show_reading(StageReading(clock="1:00", level=level, banner="PAUSED",
                                            paused=True))
    projector.set_blackout(True)
    qtbot.wait(10)
    assert projector.current_page() == "blackout"
    assert black_everywhere(projector.grab().toImage())


# --- the store ------------------------------------------------------------------------------

def test_notice_round_trips_and_is_logged(event_file):
    assert load_stage_notice(event_file) == StageNotice()
    saved = save_stage_notice(event_file, StageNotice(3, "  Please   conclude ", True, True))
    assert saved == StageNotice(3, "Please conclude", True, True)
    assert load_stage_notice(event_file) == saved
    assert event_file.log_entries()[-1]["action"] == "stage_notice_changed"
    # No blink without a message; a message past the limit is cut.
    assert save_stage_notice(event_file, StageNotice(3, "", True)).blink is False
    assert len(save_stage_notice(event_file, StageNotice(3, "x" * 500)).message) == 200


def test_notice_reaches_only_the_session_on_stage():
    notice = StageNotice(3, "Please conclude", False, True)
    assert notice.for_session(3) == notice
    assert notice.for_session(4) == StageNotice(4)
    assert notice.for_session(None) == StageNotice(None)


def test_damaged_notice_reads_as_none(event_file):
    event_file.set_setting("stage.notice", "{not json")
    assert load_stage_notice(event_file) == StageNotice()
    event_file.set_setting("stage.notice", "[1, 2]")
    assert load_stage_notice(event_file) == StageNotice()


# --- the Run tab -----------------------------------------------------------------------------

@pytest.fixture
def main(qtbot, document):
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    session_id = list_sessions(document.file)[0].id
    window.select_session(session_id)
    window.ui.tabs.setCurrentWidget(window.tabs["Run"])
    return window


def test_message_and_blackout_are_committed_and_mirrored(qtbot, main):
    run = main.tabs["Run"]
    file = main.document.file
    session_id = run.session_id
    run.show_message("Please conclude", blink=True)
    assert load_stage_notice(file) == StageNotice(session_id, "Please conclude", True, False)
    assert run.projector.message == "Please conclude" and run.projector.blinking
    assert run.preview.message_label.isVisibleTo(run.preview)
    assert run.preview.message_label.text() == "Please conclude"

    run.blackout_action.trigger()
    assert load_stage_notice(file).blackout
    assert run.projector.current_page() == "blackout"
    assert run.preview.shows() == "blackout"
    assert run.buttons["blackout"].isChecked()

    run.blackout_action.trigger()
    run.clear_message_action.trigger()
    assert load_stage_notice(file) == StageNotice(session_id, "", False, False)
    assert run.projector.current_page() == "stage" and run.preview.shows() == "stage"
    assert not run.preview.message_label.isVisibleTo(run.preview)
    assert not run.projector.message_label.isVisible()


def test_the_notice_follows_the_session_on_stage(qtbot, main):
    run = main.tabs["Run"]
    sessions = list_sessions(main.document.file)
    run.show_message("One minute")
    main.select_session(sessions[1].id)
    assert load_stage_notice(main.document.file).session_id == sessions[1].id
    assert run.projector.message == "One minute"


def test_after_a_restart_the_stage_shows_what_was_committed(qtbot, document):
    session_id = list_sessions(document.file)[0].id
    save_stage_notice(document.file, StageNotice(session_id, "Thank you", False, True))
    window = MainWindow(document)
    qtbot.addWidget(window)
    run = window.tabs["Run"]
    assert run.projector.message == "Thank you"
    assert run.projector.current_page() == "blackout"
    assert run.preview.shows() == "blackout"
    assert run.blackout_action.isChecked()


def test_a_notice_that_cannot_be_saved_is_not_shown(qtbot, main, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from facilitator.actions import sessions
    from facilitator.store import EventFileError

    def fail(*_args, **_kwargs):
        raise EventFileError("the disk is full")

    # The Run tab saves the notice through the stage command (facilitator.actions).
    monkeypatch.setattr(sessions, "save_stage_notice", fail)
    run = main.tabs["Run"]
    run.blackout_action.trigger()
    run.show_message("Please conclude")
    assert run.projector.current_page() == "stage" and not run.projector.message
    assert not run.blackout_action.isChecked() and run.preview.shows() == "stage"
    boxes = [box for box in run.findChildren(QMessageBox) if box.isVisible()]
    assert boxes and "the disk is full" in boxes[0].text()
    for box in boxes:
        box.close()


def test_preview_screenshot(qtbot, main, screenshots):
    run = main.tabs["Run"]
    run.show_message("Please conclude")
    qtbot.wait(20)
    assert run.preview.grab().save(str(screenshots / "run-preview-message.png"))
    run.blackout_action.trigger()
    qtbot.wait(20)
    assert run.preview.grab().save(str(screenshots / "run-preview-blackout.png"))
