"""Saving a PDF says how many characters could not be printed, never a silent blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from facilitator.core.notes import NoteKind
from facilitator.gui.summary_tab import SummaryTab
from facilitator.store import notes as note_store
from facilitator.store import sessions as session_store

# Newer than the shipped emoji font, and a private-use character: neither can print.
UNPRINTABLE = "\U0001F972 \ue000"


@pytest.fixture
def tab(qtbot, document):
    session = session_store.list_sessions(document.file, with_slots=True)[0]
    note_store.add_note(document.file, session.id, f"Applause {UNPRINTABLE} ≤ 2 t ✓",
                        at=document.clock.now(), kind=NoteKind.KEY_MESSAGE)
    widget = SummaryTab(document)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    yield widget
    widget.shutdown()


def test_summary_preview_and_save_say_what_did_not_print(qtbot, tab, tmp_path: Path,
                                                         monkeypatch) -> None:
    tab.refresh_preview()  # on a worker
    qtbot.waitUntil(lambda: tab.pages_info.text().endswith(
        " · 2 characters could not be printed (shown as �)"), timeout=30_000)
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr("facilitator.gui.summary_tab.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF (*.pdf)"))
    tab.save_pdf()  # on a worker
    qtbot.waitUntil(lambda: tab.pages_info.text().startswith("Saved"), timeout=30_000)
    assert target.exists()
    assert tab.pages_info.text() == (f"Saved {target} · 2 characters could not be printed "
                                     "(shown as �)")


def test_poster_status_says_what_did_not_print(qtbot, questions_window, document,
                                               tmp_path: Path, monkeypatch) -> None:
    tab = questions_window.tabs["Questions"]
    session_store.update_session(document.file, tab.session_id,
                                 title=f"Closing plenary {UNPRINTABLE}")
    tab.open_questions()
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    target = tmp_path / "poster.pdf"
    monkeypatch.setattr("facilitator.gui.phone_panel.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(tab.poster_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    message = questions_window.statusBar().currentMessage()
    assert message == (f"Saved the QR poster to {target} · 2 characters could not be printed "
                       "(shown as �)")
