"""The Word summary read back with python-docx: the PDF's sections as real headings, tables
with a repeated header row, charts as pictures; and charts drawn in the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf
from report_fixtures import T0, add_question, international_session, large_session

from facilitator.core.notes import NoteKind
from facilitator.reports.charts import chart_png, poll_chart
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_docx import WordReport
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import sessions as session_store
from facilitator.store.question_tags import set_question_tags

SECTIONS = ["Participants", "Summary", "Audience questions", "What the audience raised",
            "Statistics", "Notes by tag", "Quotes", "Annex: timeline", "Annex: timing log"]


def _report(ef: EventFile):
    session_id = international_session(ef)
    slot = session_store.get_session(ef, session_id).slots[0]
    note_store.add_note(ef, session_id, "Cities are where the agenda lands", at=T0 + 60,
                        kind=NoteKind.QUOTE, slot_id=slot.id)
    question = add_question(ef, session_id, "Who pays for social housing?", votes=4)
    set_question_tags(ef, question, ["Housing our future", "SDG 11"])
    return load_session_report(ef, session_id, now=T0 + 3600)


def _word(report, language: str = "en") -> docx.document.Document:
    out = io.BytesIO()
    WordReport(language).write_session(report, out)
    return docx.Document(io.BytesIO(out.getvalue()))


def test_same_sections_as_the_pdf_as_real_headings(event_file: EventFile) -> None:
    report = _report(event_file)
    document = _word(report)
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert level2 == SECTIONS
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        report.session.title]
    out = io.BytesIO()
    SummaryReport("A4").write_session(report, out)
    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.getvalue())).pages)
    positions = [pdf.index(section) for section in SECTIONS]
    assert positions == sorted(positions)  # the PDF has them, in the same order


def test_tables_tags_quotes_and_charts(event_file: EventFile) -> None:
    document = _word(_report(event_file))
    header = document.tables[0]
    assert [row.cells[0].text for row in header.rows][:3] == ["Event", "Date", "Time"]
    participants = document.tables[1]
    assert [c.text for c in participants.rows[0].cells] == [
        "Name", "Role", "Organisation", "Constituency", "Planned", "Actual"]
    assert participants.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # repeats on each page
    assert participants.rows[1].cells[0].text == "Gülşən Əliyeva"
    assert participants.rows[-1].cells[0].text == "Total"
    texts = [p.text for p in document.paragraphs]
    assert "Housing our future — 1 question" in texts
    assert "SDG 11: Sustainable cities and communities — 1 question" in texts
    assert "Who pays for social housing? (anonymous; Votes: 4)" in texts
    assert "“Cities are where the agenda lands” — Gülşən Əliyeva" in texts
    assert "Create a municipal housing fund (Дмитрий Иванович Соколов)" in texts
    # Speaking time by constituency, by gender, planned against actual per speaker.
    assert len(document.inline_shapes) == 3
    timing = document.tables[-1]
    assert [c.text for c in timing.rows[0].cells][:4] == ["#", "Speaker", "Planned start",
                                                          "Started"]
    assert len(timing.rows) == 1 + 7


def test_pdf_draws_the_charts(event_file: EventFile) -> None:
    out = io.BytesIO()
    SummaryReport("A4").write_session(_report(event_file), out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    # Okabe–Ito blue (#0072B2) bars and orange (#E69F00) planned bars, as vector drawing.
    assert content.count(b"0 .447059 .698039 rg") >= 7
    assert b".901961 .623529 0 rg" in content
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Planned and actual time per speaker" in text


def test_a_long_speakers_list_makes_several_charts_none_over_a_page(event_file: EventFile,
                                                                    tmp_path) -> None:
    report = load_session_report(event_file, large_session(event_file), now=T0 + 10_000)
    target = tmp_path / "large.pdf"
    SummaryReport("A4").write_session(report, target)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Planned and actual time per speaker (2/2)" in text
    WordReport().write_session(report, tmp_path / "large.docx")
    assert len(docx.Document(tmp_path / "large.docx").inline_shapes) == 4


def test_text_word_cannot_hold_is_replaced_not_fatal(event_file: EventFile, tmp_path) -> None:
    # The phone server cleans text; a file written by another tool may hold anything.
    session_id = international_session(event_file)
    question = add_question(event_file, session_id, "bell\x07 and\x1b escape", votes=1)
    set_question_tags(event_file, question, ["SDG 11"])
    report = load_session_report(event_file, session_id, now=T0 + 3600)
    WordReport().write_session(report, tmp_path / "odd.docx")
    texts = [p.text for p in docx.Document(tmp_path / "odd.docx").paragraphs]
    assert "bell\ufffd and\ufffd escape (anonymous; Votes: 1)" in texts


def test_poll_chart_hook_takes_counts() -> None:
    chart = poll_chart("Which first?", [("Housing", 12), ("Transport", 5), ("Water", 0)],
                       "Answers")
    assert chart.labels == ("Housing", "Transport", "Water") and chart.value_text(12) == "12"
    png = chart_png(chart)
    assert png.startswith(b"\x89PNG") and len(png) > 1000


FIELD_CASES = Path(__file__).resolve().parent.parent / "field_cases"


def test_field_cases_reach_word_byte_exactly(event_file: EventFile, tmp_path: Path) -> None:
    """The kind "user text must print as typed", in the Word document: Devanagari names,
    a Persian question with zero-width non-joiners, a note with ≤ and ≥."""
    import csv

    with (FIELD_CASES / "names-devanagari.csv").open(encoding="utf-8") as handle:
        name, organisation = next(csv.DictReader(handle)).values()
    persian = (FIELD_CASES / "question-persian-zwnj.txt").read_text(encoding="utf-8").strip()
    symbols = (FIELD_CASES / "note-with-symbols.txt").read_text(encoding="utf-8").strip()
    session_id = international_session(event_file)
    slot = session_store.get_session(event_file, session_id).slots[0]
    event_file.db.execute("UPDATE people SET name = ?, organisation = ? WHERE id = ?",
                          [name, organisation, slot.person.id])
    question = add_question(event_file, session_id, persian, votes=3)
    set_question_tags(event_file, question, ["SDG 4"])
    note_store.add_note(event_file, session_id, symbols, at=T0 + 80, kind=NoteKind.QUOTE)
    report = load_session_report(event_file, session_id, now=T0 + 3600)
    for language in ("en", "ar"):
        target = tmp_path / f"field-{language}.docx"
        WordReport(language).write_session(report, target)
        document = docx.Document(target)
        cells = [cell.text for table in document.tables for row in table.rows
                 for cell in row.cells]
        texts = [p.text for p in document.paragraphs]
        assert name in cells and organisation in cells
        assert any(text.startswith(persian) for text in texts)
        assert " ".join(symbols.split()) in " ".join(texts)


def _direction_of(paragraph) -> str:
    """"rtl" when Word lays ``paragraph`` out right to left (w:bidi), else "ltr"; and the
    paragraph's properties must be in the schema's order (w:bidi after the style)."""
    properties = paragraph._p.pPr
    if properties is None:
        return "ltr"
    tags = [child.tag.rsplit("}", 1)[1] for child in properties]
    if "bidi" not in tags:
        return "ltr"
    assert tags.index("bidi") > tags.index("pStyle") if "pStyle" in tags else True, tags
    assert tags.index("bidi") < tags.index("jc") if "jc" in tags else True, tags
    return "rtl"


def test_each_paragraph_runs_in_its_own_text_direction(event_file: EventFile) -> None:
    """The kind "right to left right in Word", in a report of any language: a note, a
    question or a name that begins in Arabic, Hebrew or Persian is a right-to-left paragraph
    (its closing "." printed at its start in a left-to-right one); a Latin one is not, as in
    the PDF (rule P2). The Persian field case is one of them."""
    persian = (FIELD_CASES / "question-persian-zwnj.txt").read_text(encoding="utf-8").strip()
    session_id = international_session(event_file)
    slot = session_store.get_session(event_file, session_id).slots[0]
    event_file.db.execute("UPDATE people SET name = ? WHERE id = ?",
                          ["سلمى الحسيني", slot.person.id])
    right_to_left = ["المدن أولاً: التمويل المباشر ضروري.", "שיתוף פעולה בין ערים, 2030!"]
    left_to_right = ["Cities first: direct finance, 2030 (المدن أولاً)."]
    for text, kind in zip(right_to_left + left_to_right,
                          (NoteKind.KEY_MESSAGE, NoteKind.RECOMMENDATION, NoteKind.COMMITMENT),
                          strict=True):
        note_store.add_note(event_file, session_id, text, at=T0 + 70, kind=kind)
    add_question(event_file, session_id, persian, votes=5)
    report = load_session_report(event_file, session_id, now=T0 + 3600)
    for language in ("en", "fr", "ar"):
        document = _word(report, language)
        paragraphs = {p.text: p for p in document.paragraphs}
        cells = {p.text: p for table in document.tables for row in table.rows
                 for cell in row.cells for p in cell.paragraphs}
        for text in right_to_left:
            assert _direction_of(paragraphs[text]) == "rtl", (language, text)
        for text in left_to_right:
            assert _direction_of(paragraphs[text]) == "ltr", (language, text)
        assert _direction_of(cells[persian]) == "rtl", language
        assert _direction_of(cells["سلمى الحسيني"]) == "rtl", language
        assert _direction_of(paragraphs[report.session.title]) == "ltr", language
