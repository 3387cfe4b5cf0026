"""The summary editor, its preview and printing, driven as a rapporteur would."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from facilitator.core.notes import NoteKind, Summary
from facilitator.gui.summary_tab import SummaryTab
from facilitator.store import notes as note_store
from facilitator.store import sessions as session_store
from facilitator.store import summaries


@pytest.fixture
def session(document):
    session = session_store.list_sessions(document.file, with_slots=True)[0]
    at = document.clock.now()
    add = note_store.add_note
    add(document.file, session.id, "Cities lead", at=at, kind=NoteKind.KEY_MESSAGE,
        slot_id=session.slots[1].id)
    add(document.file, session.id, "Fund housing", at=at + 1, kind=NoteKind.RECOMMENDATION)
    add(document.file, session.id, "Review by 2027", at=at + 2, kind=NoteKind.COMMITMENT,
        tags=["Q2"])
    return session


@pytest.fixture
def tab(qtbot, document, session):
    widget = SummaryTab(document)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_session(session.id)
    yield widget
    widget.shutdown()


def test_sections_are_prefilled_from_notes(tab, session):
    speaker = session.slots[1].person.name
    assert tab.fields["key_messages"].toPlainText() == f"- Cities lead ({speaker})"
    assert tab.fields["recommendations"].toPlainText() == "- Fund housing"
    assert tab.fields["commitments"].toPlainText() == "- Review by 2027"
    assert len(tab.answer_fields) == len(session.guiding_questions)
    assert tab.answer_fields[1].toPlainText() == "- Review by 2027"
    assert tab.is_draft and "Draft from the notes" in tab.status.text()


def test_draft_follows_new_notes_until_edited(tab, document, session):
    note_store.add_note(document.file, session.id, "Another key", at=document.clock.now(),
                        kind=NoteKind.KEY_MESSAGE)
    document.notes_did_change.emit(session.id)
    assert "Another key" in tab.fields["key_messages"].toPlainText()


def test_every_field_is_editable_and_saved(qtbot, tab, document, session):
    tab.show()
    qtbot.waitExposed(tab)
    editor = tab.fields["way_forward"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Meet again in Baku")
    qtbot.waitUntil(lambda: summaries.get_summary(document.file, session.id) is not None,
                    timeout=1000)
    saved = summaries.get_summary(document.file, session.id)
    assert saved.way_forward == "Meet again in Baku"
    assert saved.recommendations == "- Fund housing"  # the draft was kept with the edit
    assert not tab.is_draft

    answer = tab.answer_fields[0]
    answer.setFocus()
    qtbot.keyClicks(answer, "Local action")
    tab.fields["key_messages"].setFocus()  # focus change saves at once
    QApplication.processEvents()
    assert summaries.get_summary(document.file, session.id).answers[0] == "Local action"

    # Once edited, new notes no longer overwrite the text; the button fills empty sections.
    tab.fields["commitments"].clear()
    tab.flush()
    note_store.add_note(document.file, session.id, "Late key", at=document.clock.now(),
                        kind=NoteKind.KEY_MESSAGE)
    document.notes_did_change.emit(session.id)
    assert "Late key" not in tab.fields["key_messages"].toPlainText()
    qtbot.mouseClick(tab.fill_button, Qt.MouseButton.LeftButton)
    assert tab.fields["commitments"].toPlainText() == "- Review by 2027"
    assert summaries.get_summary(document.file, session.id).commitments == "- Review by 2027"


def test_saved_summary_is_loaded(qtbot, document, session):
    summaries.save_summary(document.file, session.id, Summary(key_messages="Saved text"))
    widget = SummaryTab(document)
    qtbot.addWidget(widget)
    widget.set_session(session.id)
    assert widget.fields["key_messages"].toPlainText() == "Saved text"
    assert widget.fields["recommendations"].toPlainText() == ""
    assert not widget.is_draft
    widget.shutdown()


def test_preview_shows_the_pdf_pages(qtbot, tab, document, session):
    tab.show()
    qtbot.waitUntil(lambda: len(tab.page_labels) >= 2, timeout=5000)
    count = len(pypdf.PdfReader(tab.pdf_path).pages)
    assert len(tab.page_labels) == count
    assert tab.pages_info.text() == f"{count} pages, A4"
    pixmap = tab.page_labels[0].pixmap()
    assert 0.69 < pixmap.width() / pixmap.height() < 0.72  # A4 proportions
    tab.page_size.setCurrentText("Letter")
    tab.page_size.activated.emit(tab.page_size.currentIndex())
    qtbot.waitUntil(lambda: tab.pages_info.text().endswith("Letter"), timeout=10_000)
    assert document.file.get_setting("report.page_size") == "Letter"
    assert round(float(pypdf.PdfReader(tab.pdf_path).pages[0].mediabox[3])) == 792


def test_print_sends_the_same_pages(qtbot, tab, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(tab.did_print, timeout=30_000) as printed:  # on a worker
        assert tab.print_to(printer)
    pages = printed.args[0]
    expected = len(pypdf.PdfReader(tab.pdf_path).pages)
    assert tab.pages_info.text() == f"Sent {expected} pages to the printer"
    assert pages == expected
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == expected


def test_save_pdf_writes_the_file(qtbot, tab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "my summary"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    tab.save_pdf()
    saved = tmp_path / "my summary.pdf"
    qtbot.waitUntil(lambda: tab.pages_info.text().startswith("Saved"), timeout=30_000)
    assert tab.pages_info.text() == f"Saved {saved}"
    assert "Key messages" in "".join(p.extract_text() for p in pypdf.PdfReader(saved).pages)


def test_screenshot(qtbot, tab, document, session, screenshots):
    tab.fields["way_forward"].setPlainText("- Report back to the New Urban Agenda review\n"
                                           "- Meet again at the next World Assembly")
    tab.flush()
    tab.resize(1280, 760)
    tab.show()
    qtbot.waitUntil(lambda: len(tab.page_labels) >= 2, timeout=5000)
    assert tab.grab().save(str(screenshots / "summary-tab.png"))


def test_page_size_names_match_the_report():
    from facilitator.gui.summary_tab import PAGE_SIZE_NAMES
    from facilitator.reports.summary_pdf import PAGE_SIZES

    assert tuple(PAGE_SIZES) == PAGE_SIZE_NAMES
