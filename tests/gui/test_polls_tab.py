"""The Polls tab and the projector: prepare, open, close, show results; live results on the
laptop and on the stage match the answers (bars with counts and percentages, word cloud)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from facilitator.actions import polls
from facilitator.actions.changes import Changes, Kind
from facilitator.core.polls import PollKind, PollState
from facilitator.gui.polls.poll_dialog import PollDialog
from facilitator.gui.polls.results_view import PollResultsView, layout_cloud
from facilitator.store import polls as store

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NOW = 1_800_000_000.0


@pytest.fixture
def window(qtbot, document):
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    window.ui.tabs.setCurrentWidget(window.tabs["Polls"])
    return window


def write_poll(qtbot, monkeypatch, tab, question, kind, options=(), scale=None) -> None:
    """New poll… with the dialog filled in as a moderator would."""
    def filled(dialog: PollDialog) -> int:
        dialog.question.setText(question)
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.options.setPlainText("\n".join(options))
        if scale:
            dialog.scale.setCurrentIndex(dialog.scale.findData(scale))
        return PollDialog.DialogCode.Accepted

    monkeypatch.setattr(PollDialog, "exec", filled)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def phones_answer(document, poll_id, answers) -> None:
    """Answers as the phone server writes them, announced as its news is."""
    for n, value in enumerate(answers):
        store.answer_poll(document.file, poll_id, f"phone-{n}", value, now=NOW + n)
    poll = store.get_poll(document.file, poll_id)
    document.runner.announce(Changes.of(poll.session_id, Kind.POLLS))


def test_prepare_open_answer_and_show_results_on_laptop_and_stage(qtbot, window, document,
                                                                  monkeypatch) -> None:
    tab = window.tabs["Polls"]
    served = []
    tab._serve_phones = lambda: served.append(True) or True  # no real server here
    write_poll(qtbot, monkeypatch, tab, "Which priority first?", "single",
               ["Housing", "Transport", "Water"])
    write_poll(qtbot, monkeypatch, tab, "One word for your city", "words")
    assert [p.question for p in tab.polls] == ["Which priority first?",
                                               "One word for your city"]
    tab.list.setCurrentRow(0)
    click(qtbot, tab.open_button)
    qtbot.waitUntil(lambda: tab.polls[0].state is PollState.OPEN)
    assert served == [True]
    choice = tab.polls[0].id
    phones_answer(document, choice, [0, 2, 0])
    qtbot.waitUntil(lambda: tab.view.results is not None and tab.view.results.answers == 3)
    bars = [(b.label, b.count, round(b.percent)) for b in tab.view.results.bars]
    assert bars == [("Housing", 2, 67), ("Transport", 0, 0), ("Water", 1, 33)]
    projector = window.tabs["Run"].projector
    assert projector.current_page() == "stage"  # results not shown yet
    click(qtbot, tab.results_button)
    qtbot.waitUntil(lambda: projector.current_page() == "poll")
    assert projector.poll_page.results.bars == tab.view.results.bars
    projector.resize(1280, 720)
    if os.environ.get("FACILITATOR_SCREENSHOTS"):
        projector.poll_page.grab().save(str(SCREENSHOTS / "projector-poll-bars.png"))
        tab.grab().save(str(SCREENSHOTS / "polls-tab.png"))
    # Undo (Edit › Undo) hides them again.
    document.runner.undo_stack.undo()
    qtbot.waitUntil(lambda: projector.current_page() == "stage")

    # The word cloud: opening it closes the choice poll.
    tab.list.setCurrentRow(1)
    click(qtbot, tab.open_button)
    qtbot.waitUntil(lambda: tab.polls[1].is_open)
    assert tab.polls[0].state is PollState.CLOSED
    cloud = tab.polls[1].id
    phones_answer(document, cloud, [["Green", "safe"], ["green"], ["مياه", "Safe"]])
    tab.list.setCurrentRow(1)
    click(qtbot, tab.results_button)
    qtbot.waitUntil(lambda: projector.current_page() == "poll"
                    and projector.poll_page.poll.kind is PollKind.WORDS)
    qtbot.waitUntil(lambda: projector.poll_page.results.answers == 3)
    projector.poll_page.grab()  # paints: lays the cloud out
    placed = {(w.word.casefold(), w.count) for w in projector.poll_page.cloud}
    assert placed == {("green", 2), ("safe", 2), ("مياه", 1)}
    if os.environ.get("FACILITATOR_SCREENSHOTS"):
        projector.poll_page.grab().save(str(SCREENSHOTS / "projector-poll-words.png"))
    click(qtbot, tab.close_button)
    qtbot.waitUntil(lambda: not tab.polls[1].is_open)
    assert projector.current_page() == "poll"  # closed, results still shown


def test_a_closed_polls_results_while_another_is_open(qtbot, window, document,
                                                      monkeypatch) -> None:
    # The tester's case: "Text" open, the closed "Words" selected, Show results: the list
    # said "results shown" while the projector kept the stage and the phones the open poll.
    # Now the button is off (its tooltip says why) and the command refuses: all three agree.
    tab = window.tabs["Polls"]
    tab._serve_phones = lambda: True
    write_poll(qtbot, monkeypatch, tab, "Words", "words")
    write_poll(qtbot, monkeypatch, tab, "Text", "text")
    tab.list.setCurrentRow(0)
    click(qtbot, tab.open_button)
    qtbot.waitUntil(lambda: tab.polls[0].is_open)
    tab.list.setCurrentRow(1)
    click(qtbot, tab.open_button)  # closes "Words"
    qtbot.waitUntil(lambda: tab.polls[1].is_open and not tab.polls[0].is_open)
    words, text = tab.polls[0].id, tab.polls[1].id
    tab.list.setCurrentRow(0)
    assert not tab.results_button.isEnabled()
    assert tab.results_button.toolTip().startswith("Close the open poll first")
    done = document.runner.run(polls.show_results(tab._session(), words, True), tab)
    assert done is None  # refused, said in the error box
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "Close the open poll first" in box.text() and "“Text”" in box.text()
    box.close()
    projector = window.tabs["Run"].projector
    assert "results shown" not in tab.list.item(0).text()
    assert projector.current_page() == "stage"
    assert store.phone_poll(document.file, tab._session()).id == text
    # Closed, the open poll gives way: "Words" results go to the list, stage and phones.
    tab.list.setCurrentRow(1)
    click(qtbot, tab.close_button)
    qtbot.waitUntil(lambda: not tab.polls[1].is_open)
    tab.list.setCurrentRow(0)
    click(qtbot, tab.results_button)
    qtbot.waitUntil(lambda: projector.current_page() == "poll"
                    and projector.poll_page.poll.id == words)
    assert "results shown" in tab.list.item(0).text()
    assert store.phone_poll(document.file, tab._session()).id == words
    # Showing "Text" now hides "Words": one poll's results at a time, everywhere.
    tab.list.setCurrentRow(1)
    click(qtbot, tab.results_button)
    qtbot.waitUntil(lambda: projector.poll_page.poll.id == text)
    assert ["results shown" in tab.list.item(r).text() for r in (0, 1)] == [False, True]
    assert store.phone_poll(document.file, tab._session()).id == text
    # Opening "Words" again hides "Text"'s results: the phones answer "Words".
    tab.list.setCurrentRow(0)
    click(qtbot, tab.open_button)
    qtbot.waitUntil(lambda: tab.polls[0].is_open)
    assert not any(p.results_shown for p in tab.polls)
    qtbot.waitUntil(lambda: projector.current_page() == "stage")


def test_a_refused_poll_says_why_and_writes_nothing(qtbot, window, monkeypatch) -> None:
    tab = window.tabs["Polls"]
    shown = []
    monkeypatch.setattr("facilitator.gui.runner.show_error",
                        lambda parent, title, text: shown.append(text), raising=False)
    write_poll(qtbot, monkeypatch, tab, "Only one option?", "single", ["Yes"])
    assert tab.polls == []


def test_the_cloud_never_overlaps_and_keeps_the_most_typed_words() -> None:
    from PySide6.QtCore import QSize

    words = [(f"word{n}", 100 - n) for n in range(60)]
    placed = layout_cloud(words, QSize(800, 400), lambda text, px: (len(text) * px * 0.6, px),
                          largest_px=80, smallest_px=16)
    assert placed[0].word == "word0" and len(placed) >= 15
    for n, a in enumerate(placed):
        assert abs(a.box.left()) <= 400 and abs(a.box.right()) <= 400
        for b in placed[n + 1:]:
            assert not a.box.intersects(b.box)
    assert PollResultsView().answers_text()  # "0 answers"


def test_words_held_back_are_counted_for_the_moderator(qtbot, window, document,
                                                       monkeypatch) -> None:
    from facilitator.actions import sessions

    tab = window.tabs["Polls"]
    tab._serve_phones = lambda: True
    document.runner.run(sessions.edit_session(tab.session_id, watch_words=("idiot",)))
    write_poll(qtbot, monkeypatch, tab, "One word", "words")
    click(qtbot, tab.open_button)
    qtbot.waitUntil(lambda: tab.polls[0].is_open)
    phones_answer(document, tab.polls[0].id, [["idiot"], ["parks"]])
    qtbot.waitUntil(lambda: "1 held back" in tab.state_label.text())
    assert [w.word for w in tab.view.results.words] == ["parks"]


def test_move_up_and_down_reorders_the_polls_and_keeps_the_moved_one_selected(
        qtbot, window, monkeypatch) -> None:
    # The buttons call PollsTab.move_selected (once move(step), which shadowed
    # QWidget.move(x, y) for any Python caller placing the widget).
    tab = window.tabs["Polls"]
    for question in ("First?", "Second?", "Third?"):
        write_poll(qtbot, monkeypatch, tab, question, "words")
    tab.list.setCurrentRow(0)
    assert not tab.up_button.isEnabled()
    click(qtbot, tab.down_button)
    qtbot.waitUntil(lambda: [p.question for p in tab.polls] == ["Second?", "First?", "Third?"])
    assert tab.selected().question == "First?"
    click(qtbot, tab.down_button)
    qtbot.waitUntil(lambda: [p.question for p in tab.polls] == ["Second?", "Third?", "First?"])
    assert not tab.down_button.isEnabled()
    click(qtbot, tab.up_button)
    qtbot.waitUntil(lambda: [p.question for p in tab.polls] == ["Second?", "First?", "Third?"])
    assert [p.question for p in store.list_polls(window.document.file,
                                                 tab.polls[0].session_id)] == \
        ["Second?", "First?", "Third?"]
