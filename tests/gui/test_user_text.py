"""User text is shown as typed on every Qt surface: labels, message boxes, tooltips (widget
and model), window titles, menus, buttons and the status bar. Markup (``<b>``, ``<img>``),
"&" (a mnemonic to Qt) and "[*]" (Qt's "modified" mark in titles) all show literally."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTabBar,
    QWidget,
)

from facilitator.gui import user_text
from facilitator.gui.main_window import MainWindow, remember_recent
from facilitator.store import notes as note_store
from facilitator.store import questions as question_store
from facilitator.store import sessions as store

MARK = "<b>X</b><img src=x> R&D [*]"
LITERAL = "<img src=x>"  # in every marked text, file names too (they lose the "/")


def shown_tip(tip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    if not tip:
        return ""
    if GuiQt.mightBeRichText(tip):
        document = QTextDocument()
        document.setHtml(tip)
        return document.toPlainText()
    return tip


def mentions_mark(text: str) -> bool:
    return "X</b>" in text or "X&lt;/b&gt;" in text or "R&&D" in text or "src=x" in text


def surface_faults(root: QWidget) -> list[str]:
    """Every place under ``root`` that would not show MARK literally."""
    faults = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel) and "<img" in widget.text() \
                and widget.textFormat() != Qt.TextFormat.PlainText:
            faults.append(f"label {name}")
        if isinstance(widget, QMessageBox) and "<img" in widget.text() \
                and widget.textFormat() != Qt.TextFormat.PlainText:
            faults.append(f"message box {name}")
        if mentions_mark(widget.toolTip()) and LITERAL not in shown_tip(widget.toolTip()):
            faults.append(f"tooltip of {name}: {widget.toolTip()!r}")
        if isinstance(widget, QAbstractButton) and "R&D" in widget.text().replace("&&", "¤"):
            faults.append(f"button {name} turns & into a mnemonic")
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if "R&D" in widget.tabText(i).replace("&&", "¤"):
                    faults.append(f"tab {i} of {name}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            # Walked by index (some of Qt's own models keep their counts private).
            cells = ((r, c) for r in range(40) for c in range(12)
                     if model.index(r, c).isValid())
            for row, column in cells:
                tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and mentions_mark(tip) and \
                        LITERAL not in shown_tip(tip):
                    faults.append(f"item tooltip {name} ({row}, {column}): {tip!r}")
        if widget.isWindow() and widget.windowHandle() is not None \
                and "<img src=x> R&D" in widget.windowTitle() \
                and MARK not in widget.windowHandle().title():
            faults.append(f"window title of {name}: {widget.windowHandle().title()!r}")
    for action in root.findChildren(QAction):
        if "R&D" in action.text().replace("&&", "¤"):
            faults.append(f"menu entry {action.text()!r}")
        if mentions_mark(action.toolTip()) and LITERAL not in shown_tip(action.toolTip()):
            faults.append(f"menu tooltip {action.toolTip()!r}")
    return faults


@pytest.fixture
def marked(qtbot, document, tmp_path):
    """Every kind of user text holds MARK: event, sessions, speakers, guiding questions,
    a note, a question; a speaker is running and the projector shows them."""
    file = document.file
    store.update_event(file, replace(store.get_event(file), title=f"Event {MARK}"))
    sessions = store.list_sessions(file)
    for session in sessions:
        store.update_session(file, session.id, title=f"Panel {MARK}",
                             guiding_questions=(f"Guiding {MARK}",))
    first = store.get_session(file, sessions[0].id)
    for slot in first.slots:
        store.update_slot(file, slot.id, person=replace(
            slot.person, name=f"Speaker {MARK}", organisation=f"Org {MARK}"))
    note_store.add_note(file, first.id, f"Note {MARK}", at=time.time())
    store.set_questions_open(file, first.id, True)
    question, _ = question_store.submit_question(file, first.id, f"Question {MARK}",
                                                 now=time.time(), author=f"Author {MARK}")
    question_store.edit_question(file, question.id, f"Edited {MARK}", now=time.time())
    store.set_questions_open(file, first.id, False)
    recent = tmp_path / f"{MARK.replace('/', '')}.db"
    recent.write_bytes(b"")
    remember_recent(str(recent))
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.select_session(first.id)
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.table.setFocus()
    qtbot.keyClick(run.table, Qt.Key.Key_Space)
    run.projector_action.trigger()
    run.refresh_clock()
    yield window
    run.shutdown()


def visit_everything(qtbot, window) -> list[QWidget]:
    """Every tab shown once, the menus filled, the projector and the dialogs open."""
    for tab in window.tabs.values():
        window.ui.tabs.setCurrentWidget(tab)
        qtbot.wait(10)
    window.recent_menu.aboutToShow.emit()
    run = window.tabs["Run"]
    run.statistics_action.trigger()
    run.table.setCurrentIndex(run.model.index(0, 1))
    run.remove_speaker()  # has spoken: asks first
    window.remove_session()  # asks first
    window.request_quit()  # a speaker runs: asks first
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert {b.objectName() for b in boxes} >= {"removeSpeakerQuestion",
                                                "removeSessionQuestion", "quitQuestion"}
    return [window, run.projector, run.statistics_dialog]


def test_user_text_shows_literally_on_every_surface(qtbot, marked):
    roots = visit_everything(qtbot, marked)
    faults = [fault for root in roots for fault in surface_faults(root)]
    assert faults == []
    # And the marked text did reach those surfaces (the sweep looked at something).
    window = marked
    assert MARK in window.windowHandle().title()
    boxes = {b.objectName(): b for b in window.findChildren(QMessageBox) if b.isVisible()}
    assert f"Speaker {MARK}" in boxes["removeSpeakerQuestion"].text()
    assert f"Panel {MARK}" in boxes["removeSessionQuestion"].text()
    assert f"Speaker {MARK}" in boxes["quitQuestion"].text()
    assert MARK in boxes["quitQuestion"].text() and "[*]" in boxes["quitQuestion"].text()
    assert any("R&&D" in a.text() for a in window.recent_menu.actions())
    agenda_tip = window.ui.sessionList.model().index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert shown_tip(agenda_tip) == f"Panel {MARK}"
    run = window.tabs["Run"]
    assert run.speaker_label.text() == f"Speaker {MARK}"
    assert run.projector.speaker_label.text().startswith("Speaker <b>X</b>")
    notes = window.tabs["Notes"]
    tag_tips = [shown_tip(a.toolTip()) for a in notes.entry_tags.menu().actions()]
    assert f"Q1: Guiding {MARK}" in tag_tips
    for box in boxes.values():
        box.reject()


def test_a_message_box_window_title_shows_its_marks(qtbot):
    box = user_text.message_box(None, QMessageBox.Icon.Question, f"Remove {MARK}?", MARK)
    qtbot.addWidget(box)
    box.show()
    assert box.windowHandle().title() == f"Remove {MARK}?"
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == MARK


def test_status_bar_messages_are_plain(qtbot, marked, monkeypatch, tmp_path):
    window = marked
    target = tmp_path / "copy <b>X<img src=x>.db"  # no "/" in a file name
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    window.save_copy()
    message = window.statusBar().currentMessage()
    assert str(target) in message and Path(target).exists()
    # QStatusBar paints its message with drawText: no markup engine is involved. Check
    # that nothing in the status bar turned it into a rich-text label either.
    assert surface_faults(window.statusBar()) == []


def test_helpers_round_trip():
    assert user_text.mnemonic_free("R&D") == "R&&D"
    assert user_text.window_title("a [*] b") == "a [*][*] b"
    assert shown_tip(user_text.plain_tip(MARK + "\nsecond")) == MARK + "\nsecond"
    assert user_text.plain_tip("") == ""


@pytest.mark.parametrize("text", [
    "<b>X</b> & <img src=x> \"quoted\" 'single'", "R&D &amp; &lt;not an entity&gt;",
    "first line\nsecond line\nthird", "أمينة <الحسن> & רות", "a very long tip " * 20,
    "tab\tand trailing space ", "<p>already a paragraph</p>",
])
def test_a_tip_shows_its_text_as_typed(text):
    """Any user text in a tooltip: shown as rich text (so a long tip wraps), every
    character as typed, nothing read as markup."""
    tip = user_text.plain_tip(text)
    assert GuiQt.mightBeRichText(tip)
    assert " ".join(shown_tip(tip).split()) == " ".join(text.split())
    assert shown_tip(tip).count("\n") == text.count("\n")
