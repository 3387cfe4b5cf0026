"""The projector window is made when first needed (``gui/projector_access.py``), not at
start-up: the clock ticking, a message, a blackout, the Questions and Polls tabs being
built and their refreshes with nothing to show make none. Made, it shows at once what the
stage shows, takes the room keys and Ctrl+Q, and the room keeper watches it. (Restored
after a crash: tests/gui/test_room_restore.py, tests/reliability/test_room_comes_back.py.)
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from facilitator.actions.changes import Changes, Kind
from facilitator.gui import room_restore
from facilitator.gui.main_window import TAB_NAMES, MainWindow
from facilitator.store import questions as question_store
from facilitator.store.sessions import list_sessions, set_questions_open


@pytest.fixture
def window(qtbot, document):
    settings = QSettings()
    settings.remove("projector")
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    window.select_session(list_sessions(document.file)[0].id)
    window.ui.tabs.setCurrentWidget(window.tabs["Run"])
    for name in TAB_NAMES:
        window.tabs[name]  # every tab built, as the event loop builds them after the paint
    yield window
    settings.remove("projector")
    settings.sync()


def test_nothing_shown_makes_no_projector(qtbot, window):
    run = window.tabs["Run"]
    run.timer.toggle()  # the first speaker's clock runs
    qtbot.wait(2 * 150)  # repainted a few times
    run.show_message("Please conclude", blink=True)
    run.blackout_action.trigger()
    window.ui.tabs.setCurrentWidget(window.tabs["Questions"])
    window.ui.tabs.setCurrentWidget(window.tabs["Polls"])
    window.ui.tabs.setCurrentWidget(window.tabs["Run"])
    assert run.projector_access.made() is None
    assert run.preview.shows() == "blackout"  # the preview shows what the stage would


def test_made_it_shows_the_stage_as_it_is(qtbot, window):
    run = window.tabs["Run"]
    speaker = run.current_slot().person.name
    run.timer.toggle()
    run.show_message("Please conclude", blink=True)
    run.blackout_action.trigger()
    assert run.projector_access.made() is None

    run.projector_action.trigger()  # Ctrl+Shift+P: shown on its screen
    projector = run.projector_access.made()
    assert projector is not None and projector.isVisible()
    assert run.projector_action.isChecked()
    assert projector.reading.speaker == speaker
    assert projector.reading.clock == run.clock_face.text
    assert projector.message == "Please conclude" and projector.blinking
    assert projector.current_page() == "blackout"
    # The room keys and Ctrl+Q act there too; the room keeper saw it shown.
    assert run.start_action in projector.actions()
    assert window.quit_action in projector.actions()
    assert room_restore._flag(QSettings().value(room_restore.PROJECTOR_SHOWN, False))
    # Hidden and shown again: the same window.
    run.projector_action.trigger()
    assert not projector.isVisible()
    run.projector_action.trigger()
    assert run.projector_access.made() is projector and projector.isVisible()


def test_hiding_a_projector_never_made_makes_none(qtbot, window):
    run = window.tabs["Run"]
    run.toggle_projector(False)
    questions = window.tabs["Questions"]
    questions.phones._show_join_on_projector(False)
    assert run.projector_access.made() is None


def test_a_question_put_on_screen_makes_it(qtbot, window, document):
    run, questions = window.tabs["Run"], window.tabs["Questions"]
    window.ui.tabs.setCurrentWidget(questions)
    session_id = questions.session_id
    set_questions_open(document.file, session_id, True)  # as the phone server stores it
    added, _ = question_store.submit_question(document.file, session_id,
                                              "How will cities pay?", now=document.clock.now())
    document.runner.announce(Changes.of(session_id, Kind.QUESTIONS))  # as the server does
    qtbot.waitUntil(lambda: questions.model.row_of(added.id) >= 0)
    assert run.projector_access.made() is None
    questions.select_question(added.id)
    questions.moderation.toggle_on_screen()
    projector = run.projector_access.made()
    assert projector is not None
    assert projector.question_label.text().startswith("“How will cities pay?")
    assert questions.projector() is projector


def test_a_poll_s_results_shown_make_it(qtbot, window, document):
    from facilitator.core.polls import Poll, PollKind
    from facilitator.store import polls as poll_store

    run, polls = window.tabs["Run"], window.tabs["Polls"]
    session_id = run.session_id
    poll_id = poll_store.add_poll(document.file, session_id,
                                  Poll("Which priority first?", PollKind.SINGLE,
                                       ("Housing", "Water")))
    document.runner.announce(Changes.of(session_id, Kind.POLLS))  # listed, not shown
    qtbot.waitUntil(lambda: any(p.id == poll_id for p in polls.polls))
    assert run.projector_access.made() is None
    poll_store.show_results(document.file, poll_id, True)
    document.runner.announce(Changes.of(session_id, Kind.POLLS))
    qtbot.waitUntil(lambda: run.projector_access.made() is not None)
    assert run.projector.current_page() == "poll"
