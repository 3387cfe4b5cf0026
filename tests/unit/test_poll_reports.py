"""Poll results in the summary PDF (read back with pypdf), the Word summary and the
Markdown summary; prepared polls nobody saw are left out; no device id anywhere."""

from __future__ import annotations

import io
import re
import zipfile

import pypdf
import pytest

from facilitator.actions import polls
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.reports.exports import summary_markdown
from facilitator.reports.poll_report import session_polls
from facilitator.reports.session_report import current_summary, load_session_report
from facilitator.reports.summary_docx import WordReport
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import EventFile
from facilitator.store import polls as store
from facilitator.store.sessions import list_sessions

NOW = 1_800_000_000.0


def ran_poll(ef, session_id, question, kind, options, answers, *, scale=None) -> int:
    poll_id = run(ef, LAPTOP, polls.add_poll(session_id, question, kind, options,
                                              scale)).result
    run(ef, LAPTOP, polls.open_poll(session_id, poll_id, now=NOW))
    for n, value in enumerate(answers):
        store.answer_poll(ef, poll_id, f"device-{poll_id}-{n}", value, now=NOW + n)
    run(ef, LAPTOP, polls.close_poll(session_id, poll_id, now=NOW + 60))
    return poll_id


@pytest.fixture
def session_id(event_file: EventFile) -> int:
    session_id = list_sessions(event_file)[0].id
    ran_poll(event_file, session_id, "Which priority first?", "single",
             ["Housing", "Transport", "Water"], [0, 2, 0])
    ran_poll(event_file, session_id, "One word for your city", "words", [],
             [["Green", "safe"], ["green"], ["مياه", "Safe"]])
    ran_poll(event_file, session_id, "Rank the tools", "ranking", ["Bonds", "Grants"],
             [[1, 0], [1, 0], [0, 1]])
    run(event_file, LAPTOP, polls.add_poll(session_id, "Never opened?", "text"))
    return session_id


def _pdf_text(ef, session_id) -> str:
    out = io.BytesIO()
    SummaryReport("A4").write_session(load_session_report(ef, session_id, now=NOW), out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_prints_each_poll_that_ran_with_counts_and_percentages(event_file,
                                                                        session_id) -> None:
    text = _pdf_text(event_file, session_id)
    assert "Live polls" in text
    assert "Which priority first?" in text and "Single choice · 3 answers" in text
    flat = re.sub(r"\s+", " ", text)
    assert "Housing 2 67 %" in flat and "Transport 0 0 %" in flat and "Water 1 33 %" in flat
    assert "Word cloud · 3 answers" in text
    assert "green 2" in flat or "Green 2" in flat
    assert "safe 2" in flat
    assert "Grants 1.33" in flat and "Bonds 1.67" in flat
    assert "Never opened?" not in text
    assert "device-" not in text


def test_word_and_markdown_summaries_carry_the_same_results(event_file, session_id) -> None:
    out = io.BytesIO()
    WordReport().write_session(load_session_report(event_file, session_id, now=NOW), out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "Which priority first?" in xml and "67 %" in xml and "مياه" in xml
    session = list_sessions(event_file)[0]
    summary, _ = current_summary(event_file, session)
    markdown = summary_markdown(session, summary, "", None, session_polls(event_file, session))
    assert "## Live polls" in markdown
    assert "| Housing | 2 | 67 % |" in markdown
    assert "| مياه | 1 |" in markdown
    assert "_single choice, 3 answers_" in markdown
    assert "Never opened?" not in markdown and "device-" not in markdown


def test_a_report_in_arabic_words_the_poll_headings(event_file, session_id) -> None:
    out = io.BytesIO()
    SummaryReport("A4", language="ar").write_session(
        load_session_report(event_file, session_id, now=NOW), out)
    assert len(pypdf.PdfReader(io.BytesIO(out.getvalue())).pages) >= 1


def test_the_poll_pages_render(event_file, session_id, tmp_path) -> None:
    """The PDF's poll pages as pictures (pdftoppm), into docs/screenshots when asked."""
    import os
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "report.pdf"
    SummaryReport("A4").write_session(load_session_report(event_file, session_id, now=NOW),
                                      str(pdf))
    reader = pypdf.PdfReader(str(pdf))
    pages = [n for n, page in enumerate(reader.pages, 1)
             if "Live polls" in page.extract_text() or "One word" in page.extract_text()]
    assert pages
    folder = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
              if os.environ.get("FACILITATOR_SCREENSHOTS") else tmp_path)
    for index, number in enumerate(pages[:2], 1):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf), str(folder / f"report-polls-{index}")],
                       check=True)
        assert (folder / f"report-polls-{index}.png").stat().st_size > 10_000


def test_held_back_answers_are_named_as_words_or_answers_by_the_polls_kind(
        event_file) -> None:
    # An open-text poll holds back whole answers, a word cloud single words: the PDF's
    # line says which (it once said "words" for both).
    from facilitator.actions import sessions

    session_id = list_sessions(event_file)[0].id
    run(event_file, LAPTOP, sessions.edit_session(session_id, watch_words=("idiot",)))
    ran_poll(event_file, session_id, "Your advice?", "text", [],
             ["More parks", "Ask the idiot mayor", "Cheaper buses"])
    ran_poll(event_file, session_id, "One word", "words", [], [["idiot"], ["parks"]])
    flat = re.sub(r"\s+", " ", _pdf_text(event_file, session_id))
    assert "Answers held back by the watch words: 1." in flat
    assert "Words held back by the watch words: 1." in flat
    assert "idiot" not in flat
