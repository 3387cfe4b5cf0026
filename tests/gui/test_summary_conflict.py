"""The laptop's Summary tab never overwrites a section a rapporteur's device saved
meanwhile: a section it did not touch takes the device's text, one both changed is asked
about (keep mine, take theirs, merge by hand)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from facilitator.actions import notes
from facilitator.actions.actor import Actor
from facilitator.actions.command import run
from facilitator.core.notes import Summary
from facilitator.gui.summary_conflict import SectionConflict, merged_by_hand, reconcile
from facilitator.gui.summary_tab import SummaryTab
from facilitator.store import sessions as session_store
from facilitator.store import summaries

DEVICE = Actor("rapporteur", "Amina")


@pytest.fixture
def session_id(document):
    return session_store.list_sessions(document.file)[0].id


@pytest.fixture
def tab(qtbot, document, session_id):
    summaries.save_summary(document.file, session_id,
                           Summary(key_messages="K", recommendations="R", commitments="C"))
    widget = SummaryTab(document)
    qtbot.addWidget(widget)
    widget.set_session(session_id)
    yield widget
    widget.shutdown()


def device_saves(document, session_id, key, text):
    _, revisions = summaries.get_summary_with_revisions(document.file, session_id)
    run(document.file, DEVICE, notes.save_summary_section(
        session_id, key, text, base=revisions.get(key, 0)))


def type_into(tab, key, text):
    tab.fields[key].setPlainText(text)  # textChanged: dirty, saved on the next pause


def conflict_box(tab) -> QMessageBox:
    box = tab.findChild(QMessageBox, "summaryConflict")
    assert box is not None and box.isVisible()
    return box


def click(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_a_section_the_laptop_did_not_touch_takes_the_devices_text(tab, document,
                                                                   session_id):
    type_into(tab, "key_messages", "K from the laptop")
    device_saves(document, session_id, "recommendations", "R from Amina")
    tab.flush()
    saved = summaries.get_summary(document.file, session_id)
    assert (saved.key_messages, saved.recommendations) == ("K from the laptop",
                                                           "R from Amina")
    assert tab.fields["recommendations"].toPlainText() == "R from Amina"
    assert tab.findChild(QMessageBox, "summaryConflict") is None


@pytest.mark.parametrize(("choice", "kept"), [
    ("Keep mine", "C from the laptop"),
    ("Take theirs", "C from Amina"),
])
def test_a_section_both_changed_is_asked_about(qtbot, tab, document, session_id, choice,
                                               kept):
    type_into(tab, "commitments", "C from the laptop")
    device_saves(document, session_id, "commitments", "C from Amina")
    tab.flush()
    box = conflict_box(tab)
    assert "C from Amina" in box.informativeText()
    assert "C from the laptop" in box.informativeText()
    # Nothing written yet: the device's text stands until the moderator chooses.
    assert summaries.get_summary(document.file, session_id).commitments == "C from Amina"
    click(box, choice)
    qtbot.waitUntil(lambda: summaries.get_summary(document.file, session_id).commitments
                    == kept, timeout=1000)
    assert tab.fields["commitments"].toPlainText() == kept
    assert not tab.dirty


def test_merge_by_hand_puts_both_texts_in_the_field(qtbot, tab, document, session_id):
    type_into(tab, "commitments", "C from the laptop")
    device_saves(document, session_id, "commitments", "C from Amina")
    tab.flush()
    click(conflict_box(tab), "Merge by hand")
    assert tab.fields["commitments"].toPlainText() == "C from the laptop\nC from Amina"
    tab.flush()  # the moderator edits, then it saves from the device's revision: no box
    assert tab.findChild(QMessageBox, "summaryConflict") is None or \
        not tab.findChild(QMessageBox, "summaryConflict").isVisible()
    assert summaries.get_summary(document.file, session_id).commitments == \
        "C from the laptop\nC from Amina"


def test_reconcile_rule():
    loaded = Summary(key_messages="K", answers=("A0",), way_forward="W")
    mine = Summary(key_messages="K2", answers=("A0", "A1"), way_forward="W")
    stored = Summary(key_messages="K3", answers=("A0-device",), way_forward="W")
    merged, conflicts = reconcile(mine, loaded, {"key_messages": 1, "answer.0": 1},
                                  stored, {"key_messages": 2, "answer.0": 2})
    assert merged.answers == ("A0-device", "A1")
    assert conflicts == [SectionConflict("key_messages", "K2", "K3", 2)]
    assert merged_by_hand(conflicts[0]) == "K2\nK3"
    # Same text on both sides is no conflict.
    _, none = reconcile(mine, loaded, {}, Summary(key_messages="K2"), {"key_messages": 1})
    assert none == []


def test_conflict_question_screenshot(qtbot, tab, document, session_id, screenshots):
    tab.show()
    type_into(tab, "commitments", "- Review progress every year with local governments")
    device_saves(document, session_id, "commitments",
                 "- Review by 2027\n- Report to the HLPF with the cities' voluntary reviews")
    tab.flush()
    box = conflict_box(tab)
    qtbot.waitExposed(box)
    box.grab().save(str(screenshots / "summary-conflict-laptop.png"))
    click(box, "Keep mine")
