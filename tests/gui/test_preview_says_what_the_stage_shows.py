"""The Run tab's preview says when the projector shows something else than the clock (the
join code, a poll's results): a moderator starting a speaker must not believe the speaker
sees their countdown while the room sees the QR code."""

from __future__ import annotations

from facilitator.core.polls import PollKind, check_poll


def elsewhere(run) -> str:
    label = run.preview.elsewhere_label
    return label.text() if label.isVisibleTo(run.preview) else ""


def test_the_join_code_on_stage_is_said_in_the_preview(qtbot, questions_window, screenshots):
    window = questions_window
    run, questions = window.tabs["Run"], window.tabs["Questions"]
    questions.open_questions()
    assert questions.server_running
    window.ui.tabs.setCurrentWidget(run)
    run.projector_action.trigger()
    assert elsewhere(run) == ""
    questions.phones.join_action.trigger()  # Ctrl+Shift+J
    qtbot.waitUntil(lambda: run.projector.current_page() == "join")
    assert "join code" in elsewhere(run)
    run.toggle()  # the speaker starts: the room still sees the QR, and the preview says it
    assert run.projector.current_page() == "join" and "join code" in elsewhere(run)
    run.grab().save(str(screenshots / "run-tab-join-on-stage.png"))
    questions.phones.join_action.trigger()
    qtbot.waitUntil(lambda: run.projector.current_page() == "stage")
    assert elsewhere(run) == ""


def test_a_blackout_over_the_join_code_is_the_blackout(qtbot, questions_window):
    window = questions_window
    run, questions = window.tabs["Run"], window.tabs["Questions"]
    questions.open_questions()
    run.projector_action.trigger()
    questions.phones.join_action.trigger()
    qtbot.waitUntil(lambda: run.projector.current_page() == "join")
    run.blackout_action.trigger()
    assert run.projector.current_page() == "blackout" and run.preview.shows() == "blackout"
    run.blackout_action.trigger()
    assert run.projector.current_page() == "join" and "join code" in elsewhere(run)


def test_a_polls_results_on_stage_are_said_in_the_preview(qtbot, document):
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    run = window.tabs["Run"]
    poll = check_poll("Which priority first?", PollKind.SINGLE, ("Housing", "Water"))
    run.projector.show_poll(poll, None)  # as the Polls tab's "Show results" does
    assert run.projector.current_page() == "poll"
    assert "poll" in elsewhere(run)
    run.projector.show_poll(None, None)
    assert elsewhere(run) == ""
