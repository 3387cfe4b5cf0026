"""The room comes back after a restart (issue 10.2): session, tab, questions on the same
port, the projector full screen on its page. The SIGKILL version with a real process is
tests/reliability/test_room_comes_back.py."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import QSettings

from facilitator.gui import room_restore
from facilitator.gui.app import App
from facilitator.store import EventFile
from facilitator.store.phone_address import remember_phone_address, remembered_phone_address
from facilitator.store.sessions import get_session, list_sessions

HEADERS = {"X-Facilitator": "1"}


@pytest.fixture
def settings(qapp):
    """This laptop's settings: phones on loopback only, and clean afterwards."""
    settings = QSettings()
    for key in ("phones", "projector", "room"):  # whatever an earlier test's app left
        settings.remove(key)
    settings.setValue("phones/listen", "127.0.0.1")
    yield settings
    for key in ("phones", "projector", "room"):
        settings.remove(key)
    settings.sync()


def open_app(qtbot, path):
    app = App()
    assert app.open(path)
    window = app.windows[0]
    return app, window


def close(qtbot, app, window) -> None:
    window.close()
    qtbot.waitUntil(lambda: not app.windows)


def test_the_room_comes_back_after_a_restart(qtbot, sample_path, settings):
    app, window = open_app(qtbot, sample_path)
    first, second = list_sessions(window.document.file)[:2]
    window.select_session(second.id)
    questions, run = window.tabs["Questions"], window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(questions)
    questions.server_port = 0  # a free port; the event remembers it
    assert questions.open_questions()
    port = questions.server.port
    if remembered_phone_address(window.document.file) is None:  # a laptop with no network
        remember_phone_address(window.document.file, "127.0.0.1", port)
    run.projector_action.trigger()
    run.projector.toggle_fullscreen()
    questions.projector_button.setChecked(True)
    assert run.projector.current_page() == "join"
    assert settings.value(room_restore.PROJECTOR_PAGE) == "join"
    close(qtbot, app, window)
    with EventFile.open(sample_path, read_only=True) as stored:  # closed: Python 3.13 warns
        assert get_session(stored, second.id).questions_open

    app, window = open_app(qtbot, sample_path)
    try:
        questions, run = window.tabs["Questions"], window.tabs["Run"]
        assert window.current_session_id() == second.id
        assert window.ui.tabs.currentWidget() is questions
        assert questions.server_running and questions.server.port == port
        answer = httpx.get(f"http://127.0.0.1:{port}/api/j/{second.join_token}",
                           headers=HEADERS)
        assert answer.status_code == 200 and answer.json()["session"]["open"]
        assert run.projector.isVisible() and run.projector.isFullScreen()
        assert run.projector.current_page() == "join"
        assert run.projector_action.isChecked()
        assert "Restored as before" in window.statusBar().currentMessage()
    finally:
        close(qtbot, app, window)


def test_blackout_and_a_closed_projector_are_restored_too(qtbot, sample_path, settings):
    app, window = open_app(qtbot, sample_path)
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.projector_action.trigger()
    run.blackout_action.trigger()
    close(qtbot, app, window)

    app, window = open_app(qtbot, sample_path)
    run = window.tabs["Run"]
    assert window.ui.tabs.currentWidget() is run
    assert run.projector.isVisible() and not run.projector.isFullScreen()
    assert run.projector.current_page() == "blackout" and run.blackout_action.isChecked()
    assert not window.tabs["Questions"].server_running  # no questions were open
    run.projector_action.trigger()  # the moderator closes the projector
    assert not run.projector.isVisible()
    close(qtbot, app, window)

    app, window = open_app(qtbot, sample_path)
    try:
        assert not window.tabs["Run"].projector.isVisible()
    finally:
        close(qtbot, app, window)


def test_the_restored_room_needs_only_the_tab_on_screen_before_the_first_paint(
        qtbot, sample_path, settings):
    """Start-up builds the tab on screen and what the room needs back (issue 17): the Run
    tab with its projector; the other tabs come after the first paint, and the projector
    and the Questions tab built later are recorded as before."""
    app, window = open_app(qtbot, sample_path)
    second = list_sessions(window.document.file)[1]
    window.select_session(second.id)
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.projector_action.trigger()
    close(qtbot, app, window)

    app, window = open_app(qtbot, sample_path)  # App.open returns before the first paint
    try:
        built = [name for name, _tab in window.tabs.as_they_are()]
        assert built == ["Run"]  # not Details, though it comes first in the tab bar
        run = window.tabs.built("Run")
        assert window.ui.tabs.currentWidget() is run and run.session_id == second.id
        assert run.projector.isVisible() and run.projector.current_page() == "stage"
        qtbot.waitUntil(lambda: window.settled)
        questions = window.tabs.built("Questions")
        assert questions is not None and questions.session_id == second.id
        assert questions.projector_button.isEnabled() is False  # questions are not open
        run.projector_action.trigger()  # recorded by the keeper that watched it from the start
        assert not _shown_setting(settings)
    finally:
        close(qtbot, app, window)


def test_a_polls_results_on_the_stage_are_back_before_the_first_paint(
        qtbot, sample_path, settings):
    """The stage showed a poll's results and the Run tab was on screen: on a restart the
    projector showed the clock until the Polls tab's turn came after the first paint (a
    flash of the clock on the room's screen), then the results."""
    from facilitator.actions import polls
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run
    from facilitator.actions.ids import SessionId

    app, window = open_app(qtbot, sample_path)
    first = list_sessions(window.document.file)[0]
    run_tab = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run_tab)
    run_tab.projector_action.trigger()
    close(qtbot, app, window)
    with EventFile.open(sample_path) as ef:  # closed with its results shown: no server
        session = SessionId(first.id)
        poll_id = run(ef, LAPTOP, polls.add_poll(session, "Which city next?", "single",
                                                 ["Lyon", "Quito"])).result
        run(ef, LAPTOP, polls.open_poll(session, poll_id, now=1.0))
        run(ef, LAPTOP, polls.close_poll(session, poll_id, now=2.0))
        run(ef, LAPTOP, polls.show_results(session, poll_id))

    app, window = open_app(qtbot, sample_path)  # App.open returns before the first paint
    try:
        run_tab = window.tabs.built("Run")
        assert window.ui.tabs.currentWidget() is run_tab
        assert run_tab.projector.isVisible()
        assert run_tab.projector.current_page() == "poll"
    finally:
        close(qtbot, app, window)


def _shown_setting(settings) -> bool:
    return room_restore._flag(settings.value(room_restore.PROJECTOR_SHOWN, False))


def test_each_event_file_has_its_own_session_and_tab(qtbot, tmp_path, settings):
    from facilitator.store.agenda_io import create_event_file

    paths = [create_event_file(tmp_path / f"event{n}.db", "walrg") for n in (1, 2)]
    app, window = open_app(qtbot, paths[0])
    last = list_sessions(window.document.file)[-1]
    window.select_session(last.id)
    window.ui.tabs.setCurrentWidget(window.tabs["Notes"])
    close(qtbot, app, window)

    app, window = open_app(qtbot, paths[1])
    try:
        assert window.current_session_id() == list_sessions(window.document.file)[0].id
        assert window.ui.tabs.currentWidget() is window.tabs["Details"]
    finally:
        close(qtbot, app, window)
    app, window = open_app(qtbot, paths[0])
    try:
        assert window.current_session_id() == last.id
        assert window.ui.tabs.currentWidget() is window.tabs["Notes"]
    finally:
        close(qtbot, app, window)


def test_a_refused_close_keeps_recording(qtbot, sample_path, settings):
    from PySide6.QtGui import QCloseEvent

    app, window = open_app(qtbot, sample_path)
    try:
        run = window.tabs["Run"]

        def refuse(event: QCloseEvent) -> None:  # "Quit facilitator?" answered no
            event.ignore()

        window.closeEvent = refuse
        window.close()
        qtbot.wait(10)
        assert window.isVisible()
        run.projector_action.trigger()
        assert room_restore._flag(settings.value(room_restore.PROJECTOR_SHOWN))
    finally:
        del window.closeEvent
        close(qtbot, app, window)


def test_the_podium_view_and_an_open_poll_come_back_after_a_restart(qtbot, sample_path,
                                                                     settings):
    # The podium screen went dark after a crash when the laptop served it with questions
    # closed; a live poll left open lost its phones the same way.
    from facilitator.actions import polls
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run

    app, window = open_app(qtbot, sample_path)
    session = list_sessions(window.document.file)[0]
    questions = window.tabs["Questions"]
    questions.server_port = 0
    assert questions.serve_podium()
    port = questions.server.port
    if remembered_phone_address(window.document.file) is None:
        remember_phone_address(window.document.file, "127.0.0.1", port)
    poll_id = run(window.document.file, LAPTOP, polls.add_poll(
        session.id, "Which priority first?", "single", ["Housing", "Water"])).result
    run(window.document.file, LAPTOP, polls.open_poll(session.id, poll_id, now=1.0))
    close(qtbot, app, window)

    app, window = open_app(qtbot, sample_path)
    try:
        questions = window.tabs["Questions"]
        assert questions.server_running and questions.server.port == port
        assert questions.podium_served
        podium = httpx.get(f"http://127.0.0.1:{port}/api/s/{session.speaker_token}",
                           headers=HEADERS)
        assert podium.status_code == 200 and podium.json()["title"] == session.title
        state = httpx.get(f"http://127.0.0.1:{port}/api/j/{session.join_token}/shared",
                          headers=HEADERS).json()
        assert state["poll"]["question"] == "Which priority first?"
        message = window.statusBar().currentMessage()
        assert "podium view" in message and "live poll" in message

        # Stopped by the moderator: the next start leaves it stopped.
        questions.stop_podium()
        run(window.document.file, LAPTOP, polls.close_poll(session.id, poll_id, now=2.0))
    finally:
        close(qtbot, app, window)
    app, window = open_app(qtbot, sample_path)
    try:
        assert not window.tabs["Questions"].podium_served
        assert not window.tabs["Questions"].server_running
    finally:
        close(qtbot, app, window)


def test_a_restart_writes_no_settings_before_the_window_is_painted(qtbot, sample_path,
                                                                    settings):
    """The place put back and the recent file reopened are what the settings hold: the
    settings file is not written again, nor synced to disk, during the start (a write is
    the whole file and a wait for the disk)."""
    from pathlib import Path

    app, window = open_app(qtbot, sample_path)
    second = list_sessions(window.document.file)[1]
    window.select_session(second.id)
    window.ui.tabs.setCurrentWidget(window.tabs["Run"])
    close(qtbot, app, window)
    settings.sync()
    kept = Path(settings.fileName()).stat()

    app, window = open_app(qtbot, sample_path)
    try:
        assert window.current_session_id() == second.id
        assert window.ui.tabs.currentWidget() is window.tabs.built("Run")
        settings.sync()  # reads the file again if another writer had changed it
        now = Path(settings.fileName()).stat()
        assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
        window.ui.tabs.setCurrentWidget(window.tabs["Details"])  # a change is still kept
        assert Path(settings.fileName()).stat().st_mtime_ns != kept.st_mtime_ns
    finally:
        close(qtbot, app, window)
