"""A question's text reaches every place it is shown exactly as it was typed.

The field case: a Persian question with zero-width non-joiners (U+200C). Deleting them
("می‌خواهم" → "میخواهم") changes the words; they must survive the phone server, the event
file, the moderation table, the projector, the phones' list, the exports and the PDF.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import httpx
import pypdf
import pytest
from PySide6.QtCore import Qt

from facilitator.gui.question_model import Column
from facilitator.reports.exports import QUESTION_FIELDS, as_csv, as_json, question_rows
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import questions as store

HEADERS = {"X-Facilitator": "1"}
FIELD_CASES = Path(__file__).resolve().parent.parent / "field_cases"
PERSIAN = (FIELD_CASES / "question-persian-zwnj.txt").read_text(encoding="utf-8")

CASES = {
    # The file ends with a line break: whitespace around a question is not part of it.
    "persian-zwnj": (PERSIAN, PERSIAN.strip()),
    "emoji-zwj": ("👩\u200d👩\u200d👧 families, 🏳\ufe0f\u200d🌈 rights?",
                  "👩\u200d👩\u200d👧 families, 🏳\ufe0f\u200d🌈 rights?"),
    "spoofed": ("\u202eWhy \ufeffnot\u200b?", "Why not?"),
}


@pytest.mark.parametrize("name", CASES)
def test_question_text_round_trips_byte_exactly(qtbot, questions_window, document,
                                                name: str) -> None:
    sent, kept = CASES[name]
    tab = questions_window.tabs["Questions"]
    tab.open_questions()
    session = tab.session()
    base = f"http://127.0.0.1:{tab.server.port}/api/j/{session.join_token}"
    author = "سارا\u200cجان"
    # One phone: its device is the cookie the server issues on its first question.
    phone = httpx.Client(headers=HEADERS)
    reply = phone.post(f"{base}/questions", json={
        "text": sent, "author": author, "device": "phone-000001", "request_id": "req-00001"})
    assert reply.status_code == 201
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    question = store.get_question(document.file, reply.json()["id"])

    # The event file: the cleaned text, and the original exactly as sent.
    assert question.text.encode() == kept.encode()
    assert question.original_text.encode() == sent.encode()
    assert not question.edited
    # A retry of the same request is the same question, not a "reused id" refusal.
    again = phone.post(f"{base}/questions", json={
        "text": sent, "author": author, "device": "phone-000001", "request_id": "req-00001"})
    assert again.status_code == 200 and again.json()["id"] == question.id

    # The moderation table.
    assert tab.model.index(0, Column.QUESTION).data().encode() == kept.encode()
    assert tab.model.index(0, Column.FROM).data().encode() == author.encode()

    # The projector and the phones, once it is on screen.
    tab.select_question(question.id)
    tab.toggle_on_screen()
    projector = questions_window.tabs["Run"].projector
    if projector is not None:
        assert kept in projector.question_label.text()
    state = phone.get(base).json()
    phone.close()
    assert state["on_screen"]["text"].encode() == kept.encode()
    assert state["on_screen"]["author"].encode() == author.encode()
    assert [q["text"].encode() for q in state["questions"]] == [kept.encode()]
    assert [q["text"].encode() for q in state["mine"]] == [kept.encode()]

    # The exports.
    rows = question_rows(document.file, session)
    exported = json.loads(as_json(session, "questions", rows))
    assert exported["questions"][0]["text"].encode() == kept.encode()
    cells = list(csv.DictReader(io.StringIO(as_csv(rows, QUESTION_FIELDS))))
    assert cells[0]["text"].encode() == kept.encode()
    assert cells[0]["author"].encode() == author.encode()

    # The summary PDF (answered questions are printed): the text extracted from it. Emoji
    # are the PDF fonts' business (they have no emoji glyphs); the joiners of a script are
    # this test's.
    if "emoji" in name:
        return
    store.mark_answered(document.file, question.id, "", now=document.clock.now())
    out = io.BytesIO()
    SummaryReport().write_session(load_session_report(document.file, session.id), out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    # Shaped runs (joined Arabic script) are drawn as glyphs no character maps to, in
    # visual order; the PDF carries the typed text as each run's /ActualText (what copy,
    # search and screen readers use): every word with its joiners must be there as typed.
    streams = b"".join(page.get_contents().get_data() for page in reader.pages)
    actual = [bytes.fromhex(hexed.decode()).decode("utf-16-be")
              for hexed in re.findall(rb"/ActualText <FEFF([0-9A-F]*)>", streams)]
    # Unshaped text (Latin here) reads back from the glyphs themselves.
    extracted = "\n".join(page.extract_text() for page in reader.pages)
    printed = set(" ".join(actual).split()) | set(extracted.split())
    for word in kept.split():
        assert word in printed, (word, actual)

def test_the_projector_shows_the_persian_question_whole(projector) -> None:
    text = PERSIAN.strip()
    projector.show_question(text, "سارا")
    assert text in projector.question_label.text()
    assert projector.question_label.textFormat() == Qt.TextFormat.PlainText
