""""Answered by" proposes who is answering: the speaker speaking now, else the addressee.

It used to propose the first name on the speakers list, whoever spoke, so pressing D
credited answers to the opening speaker.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.core.model import SlotKind
from facilitator.store import questions as store
from facilitator.store.sessions import list_slots, save_timer, set_current_slot


@pytest.fixture
def tab(questions_window):
    return questions_window.tabs["Questions"]


@pytest.fixture
def asked(tab, document):
    """Two questions: one addressed to the second panellist, one to nobody."""
    session_id = tab.session_id
    speakers = [s for s in list_slots(document.file, session_id)
                if s.kind is SlotKind.PANELLIST]
    addressee = speakers[1].person.name
    tab.open_questions()
    now = document.clock.now()
    to_someone, _ = store.submit_question(document.file, session_id, "To a panellist?",
                                          now=now, addressed_to=addressee, device_id="p-1")
    to_anyone, _ = store.submit_question(document.file, session_id, "To anyone?",
                                         now=now + 1, device_id="p-2")
    document.questions_did_change.emit(session_id)
    return speakers, to_someone, to_anyone


def _speak(document, tab, slot) -> None:
    set_current_slot(document.file, tab.session_id, slot.id)
    save_timer(document.file, slot.id, slot.clock.start(document.clock.now()), "slot_started")
    document.slots_did_change.emit(tab.session_id)


def test_the_addressee_is_proposed_when_nobody_speaks(qtbot, tab, document, asked) -> None:
    speakers, to_someone, to_anyone = asked
    assert tab.speaking_now() == ""
    tab.select_question(to_someone.id)
    assert tab.answered_by.currentText() == speakers[1].person.name
    tab.select_question(to_anyone.id)
    assert tab.answered_by.currentText() == ""  # not the first name on the list
    tab.select_question(to_someone.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_D)
    answered = store.get_question(document.file, to_someone.id)
    assert answered.answered_by == speakers[1].person.name


def test_the_speaker_speaking_now_is_proposed(qtbot, tab, document, asked) -> None:
    speakers, to_someone, to_anyone = asked
    tab.select_question(to_anyone.id)
    _speak(document, tab, speakers[2])
    assert tab.speaking_now() == speakers[2].person.name
    assert tab.answered_by.currentText() == speakers[2].person.name
    # Speaking now wins over the addressee: the answer is coming from the podium.
    tab.select_question(to_someone.id)
    assert tab.answered_by.currentText() == speakers[2].person.name
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_D)
    assert store.get_question(document.file, to_someone.id).answered_by == (
        speakers[2].person.name)


def test_a_name_the_moderator_chose_is_kept_until_another_question(qtbot, tab, document,
                                                                    asked) -> None:
    speakers, to_someone, to_anyone = asked
    tab.select_question(to_anyone.id)
    tab.answered_by.setCurrentText(speakers[0].person.name)
    _speak(document, tab, speakers[2])  # the clock moves on: the choice stays
    document.questions_did_change.emit(tab.session_id)  # a phone's vote: it stays too
    assert tab.answered_by.currentText() == speakers[0].person.name
    tab.select_question(to_someone.id)
    assert tab.answered_by.currentText() == speakers[2].person.name


def test_a_clock_key_keeps_the_list_and_still_proposes_who_speaks(qtbot, tab, document,
                                                                  asked) -> None:
    """Pausing and resuming changes no name in "answered by": the list is not rebuilt on
    each Space press; who speaks now is still proposed as their turn starts."""
    from facilitator.actions import speakers as commands

    speakers, to_someone, to_anyone = asked
    tab.select_question(to_anyone.id)
    refills: list[str] = []
    tab.answered_by.model().rowsRemoved.connect(lambda *_: refills.append("refilled"))
    runner = document.runner
    first = list_slots(document.file, tab.session_id)[0]
    runner.run(commands.toggle(tab.session_id, document.clock.now()))  # the first starts
    assert tab.answered_by.currentText() == first.person.name
    for _ in range(3):
        document.clock.advance(5)
        runner.run(commands.toggle(tab.session_id, document.clock.now()))
    assert refills == []
    assert tab.answered_by.currentText() == first.person.name  # paused: still their turn
