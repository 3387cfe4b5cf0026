"""The moderator's "burst from one address" flag in the Questions tab, from real votes."""

from __future__ import annotations

import time

import httpx
from PySide6.QtCore import Qt

from facilitator.store import questions as store

HEADERS = {"X-Facilitator": "1"}


def test_a_laptop_stuffing_votes_raises_the_flag(qtbot, questions_window, screenshots):
    tab = questions_window.tabs["Questions"]
    questions_window.resize(1280, 720)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.server_running and not tab.burst_flag.isVisible()
    session = tab.session()
    question = store.submit_question(tab.document.file, session.id,
                                     "Will cities get direct access to climate finance?",
                                     now=time.time())[0]
    store.approve_question(tab.document.file, question.id, now=time.time())
    url = (f"http://127.0.0.1:{tab.server.port}/api/j/{session.join_token}/questions/"
           f"{question.id}/vote")
    for _ in range(30):  # a fresh client each time: a new device per vote, as the attack
        assert httpx.post(url, json={}, headers=HEADERS).status_code == 200
    qtbot.waitUntil(tab.burst_flag.isVisible, timeout=2000)
    text = tab.burst_flag.text()
    assert "climate finance" in text and "127.0.0.1" in text and "30 vote attempts" in text
    assert tab.burst_flag.textFormat() == Qt.TextFormat.PlainText
    questions_window.grab().save(str(screenshots / "questions-burst-flag.png"))
    # Another session has no flag; back on this one, it is there again.
    tab.burst_flag.show_session(session.id + 1)
    assert not tab.burst_flag.isVisible()
    tab.burst_flag.show_session(session.id)
    assert tab.burst_flag.isVisible()

def test_no_flag_without_a_server(qtbot, questions_window):
    tab = questions_window.tabs["Questions"]
    tab.burst_flag.refresh()
    assert not tab.burst_flag.isVisible()
