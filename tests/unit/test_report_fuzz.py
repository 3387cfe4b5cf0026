"""No text breaks a document: any user text, of any shape, prints in every report.

Hypothesis feeds the report builders text of every shape (whole Unicode, one glyph far
wider than a line, a paragraph taller than a page, thousands of combining marks, controls,
bidi overrides) through every field a user can fill. Examples are bounded so the suite
stays fast; CI runs a derandomized profile (tests/conftest.py).
"""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_fixtures import T0, add_question, international_session

from facilitator.core.notes import summary_points
from facilitator.reports.exports import summary_markdown
from facilitator.reports.poster import write_poster
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import EventFile
from facilitator.store import sessions as session_store

# Characters that have broken text layout somewhere: the widest Arabic ligature, a wide
# Latin letter, combining marks, joiners, bidi controls, a cuneiform sign no font has,
# Indic vowel signs and viramas, Thai marks, CJK, emoji, a BOM, controls, separators.
_NASTY = ["\ufdfd", "W", "\u0301", "\u0e48", "\u200d", "\u200c", "\u202e", "\u2067", "\u2069",
          "\U0001242b", "\U0001F972", "\ua9c5", "\n", " ", "\u00a0", "-", "(", "]", "א", "ب",
          "न्", "ि", "中", "😀", "\ufeff", "\x00", "\t", "\u2028", "\r", "&", "<b>", "\\",
          "*", "_", "#", "`", "|", "1.", "+", "=", "~", "!", "[x](y)", "<!--"]

_user_text = st.one_of(
    st.text(max_size=300),
    st.builds(lambda chars, n: chars * n, st.sampled_from([*_NASTY, "word ", "ab"]),
              st.integers(1, 3000)),
    st.lists(st.one_of(st.sampled_from(_NASTY), st.text(max_size=6)), max_size=300)
    .map("".join),
)
_fuzz = settings(max_examples=15, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


@pytest.fixture
def base_report(event_file: EventFile):
    session_id = international_session(event_file)
    return load_session_report(event_file, session_id, now=T0 + 3600)


def _with_text(report, text: str):
    """The report with ``text`` in every field a user fills."""
    slots = list(report.session.slots)
    person = dataclasses.replace(slots[0].person, name=text, organisation=text, role=text,
                                 constituency=text)
    slots[0] = dataclasses.replace(slots[0], person=person)
    session = dataclasses.replace(
        report.session, title=text, room=text, moderator=text, slots=tuple(slots),
        guiding_questions=(text, *report.session.guiding_questions))
    summary = dataclasses.replace(report.summary, key_messages=text, recommendations=text)
    question = dataclasses.replace(report.answered[0], text=text, author=text,
                                   answered_by=text)
    event = dataclasses.replace(report.event, title=text)
    return dataclasses.replace(report, event=event, session=session, summary=summary,
                               answered=(question, *report.answered[1:]),
                               unanswered=(question, *report.unanswered))


def _read(pdf: bytes) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    for page in reader.pages:
        page.extract_text()  # every page's content stream parses
    return reader


@_fuzz
@given(text=_user_text)
def test_any_text_prints_in_the_summary_pdf(base_report, text: str) -> None:
    out = io.BytesIO()
    SummaryReport("A4").write_session(_with_text(base_report, text), out)
    _read(out.getvalue())


@_fuzz
@given(text=_user_text)
def test_any_text_prints_in_the_assembly_report(base_report, text: str) -> None:
    out = io.BytesIO()
    report = _with_text(base_report, text)
    SummaryReport("Letter").write_assembly(report.event, [report, base_report], out)
    reader = _read(out.getvalue())
    # A long event title may take the cover over more than one page.
    assert any("Contents" in page.extract_text() for page in reader.pages)


@_fuzz
@given(title=_user_text, event_title=_user_text)
def test_any_text_prints_on_the_poster(tmp_path: Path, title: str, event_title: str) -> None:
    target = tmp_path / "poster.pdf"
    write_poster(target, title=title, url="http://10.0.0.2:8765/j/abc", short_code="ABC123",
                 event_title=event_title)
    reader = pypdf.PdfReader(target)
    assert "ABC 123" in reader.pages[0].extract_text()


def _shown(text: str) -> str:
    """Text as the Markdown summary must show it: control characters dropped (a reader
    would show U+FFFD), each run of spaces as one space."""
    return " ".join("".join(c for c in text if c.isspace()
                            or unicodedata.category(c) != "Cc").split())


def _markdown_text(markdown: str) -> list[str]:
    """The text a Markdown reader shows, one string per block (heading, list item…)."""
    blocks: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "inline":
            blocks.append("".join(child.content for child in token.children or ()
                                  if child.type in ("text", "code_inline", "softbreak")))
    return blocks


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_user_text)
def test_any_text_reads_back_from_the_markdown_summary(base_report, text: str) -> None:
    session = dataclasses.replace(base_report.session, title=text, guiding_questions=(text,))
    summary = dataclasses.replace(base_report.summary, key_messages=text)
    markdown = summary_markdown(session, summary, text)
    blocks = _markdown_text(markdown)
    collapsed = _shown(text)
    # The event line, the title and the guiding question show exactly what was typed
    # (spaces collapsed): no emphasis, link, heading or list made out of it.
    if collapsed:
        assert blocks[0] == collapsed and blocks[1] == collapsed
        assert f"Q1. {collapsed}" in blocks
    for point in summary_points(text):
        if _shown(point):
            assert _shown(point) in blocks


def test_a_row_taller_than_a_page_splits_across_pages(base_report) -> None:
    """The reported case: 200 × U+FDFD in a question and 100 in its author."""
    question = dataclasses.replace(base_report.answered[0], text="\ufdfd" * 200,
                                   author="\ufdfd" * 100)
    report = dataclasses.replace(base_report, answered=(question,))
    out = io.BytesIO()
    missing = SummaryReport("A4").write_session(report, out)
    assert missing.count == 0
    plain = _read(out.getvalue())
    text = "".join(p.extract_text() for p in plain.pages)
    assert text.count("\ufdfd") == 300


def test_ten_thousand_combining_marks_and_a_huge_glyph_print(base_report,
                                                             tmp_path: Path) -> None:
    zalgo = "a" + "\u0301" * 10_000 + " end " + "\ufdfd"
    question = dataclasses.replace(base_report.answered[0], text=zalgo, author=zalgo)
    summary = dataclasses.replace(base_report.summary, key_messages=zalgo)
    report = dataclasses.replace(base_report, answered=(question,), summary=summary)
    target = tmp_path / "zalgo.pdf"
    assert SummaryReport("A4").write_session(report, target).count == 0
    text = "".join(page.extract_text() for page in _read(target.read_bytes()).pages)
    assert text.count(" end") >= 3


def test_report_command_prints_the_reported_case(sample_path: Path, tmp_path: Path) -> None:
    with EventFile.open(sample_path) as ef:
        session_id = international_session(ef)
        add_question(ef, session_id, "\ufdfd" * 200, status="answered", author="\ufdfd" * 100)
        add_question(ef, session_id, "\U0001F972 and \ue000", status="approved", votes=90)
        session_store.get_session(ef, session_id)
    target = tmp_path / "summary.pdf"
    result = subprocess.run([sys.executable, "-m", "facilitator", "report", str(sample_path),
                             "--session", str(session_id), "-o", str(target)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"warning: 2 characters in .*summary\.pdf could not be printed",
                     result.stderr)
    assert "U+1F972" in result.stderr
    assert len(pypdf.PdfReader(target).pages) >= 2
