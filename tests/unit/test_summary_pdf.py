"""The summary PDF, read back with pypdf: sections, names in many scripts, escaping, size."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pypdf
import pytest
from report_fixtures import NAMES, T0, international_session, large_session

from facilitator.core.notes import Summary
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import EventFile
from facilitator.store import sessions as session_store
from facilitator.store.summaries import save_summary


def _pdf(report, page_size: str = "A4") -> pypdf.PdfReader:
    out = io.BytesIO()
    SummaryReport(page_size).write_session(report, out)
    return pypdf.PdfReader(io.BytesIO(out.getvalue()))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _fonts(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.fixture
def international(event_file: EventFile):
    session_id = international_session(event_file)
    return load_session_report(event_file, session_id, now=T0 + 3600)


def test_header_participants_and_sections(international) -> None:
    text = _flat(_text(_pdf(international)))
    for expected in ("Panel on Łódź, Bakı and Москва", "Monday 18 May 2026", "14:00–15:30",
                     "Hall Ω", "Zoë Ångström", "Þórunn Ægisdóttir", "Participants",
                     "Summary", "Key messages", "Answers to the guiding questions",
                     "How do cities finance housing?", "Recommendations", "Commitments",
                     "Way forward", "Audience questions", "Statistics",
                     "Speaking time by constituency", "Speaking time by gender", "Notes by tag",
                     "SDG 11: Sustainable cities and communities", "Annex: timeline"):
        assert expected in text, expected
    assert "Draft compiled from the rapporteur's notes" in text


def test_names_with_diacritics_cyrillic_and_greek_print(international) -> None:
    text = _flat(_text(_pdf(international)))
    for name, role, *_ in NAMES[:5]:
        assert name in text and role in text, name
    assert "Ủy ban nhân dân Hà Nội" in text
    assert "Правительство" in text and "Δήμος Αθηναίων" in text


def test_arabic_and_chinese_use_embedded_fonts(international) -> None:
    reader = _pdf(international)
    fonts = _fonts(reader)
    assert any("NotoSans-Regular" in f for f in fonts)
    assert any("NotoSansArabic" in f for f in fonts)
    assert any("DroidSansFallback" in f for f in fonts)
    assert not any("DejaVu" in f for f in fonts)  # only the shipped fonts print
    text = _text(reader)
    assert "王小明" in text and "北京市人民政府" in text
    # Arabic is printed joined (contextual presentation forms), not as isolated letters;
    # pypdf may read the visual run back in either order.
    assert "ﺑﻠﺪﻳﺔ" in text or "ﺔﻳﺪﻠﺑ" in text


def test_user_text_is_escaped(international) -> None:
    text = _flat(_text(_pdf(international)))
    assert "Cities <b>lead</b> & deliver" in text
    assert "<script>alert(1)</script>" in text


def test_questions_answered_and_most_voted(international) -> None:
    text = _flat(_text(_pdf(international)))
    assert "Answered (1)" in text and "Gülşən Əliyeva" in text
    assert "What about informal settlements?" in text
    # Never moderated, so never printed, however many votes.
    assert "Pending and never moderated" not in text


def test_saved_summary_replaces_the_draft(event_file: EventFile) -> None:
    session_id = international_session(event_file)
    save_summary(event_file, session_id, Summary(
        key_messages="- Our edited message", answers=("- Answer one",),
        way_forward="- Meet again in Baku"))
    text = _flat(_text(_pdf(load_session_report(event_file, session_id))))
    assert "Our edited message" in text and "Meet again in Baku" in text
    assert "Answer one" in text
    assert "Cities <b>lead</b>" not in text.split("Key messages")[1].split("Answers")[0]
    assert "Draft compiled" not in text


def test_page_numbers_running_header_and_page_sizes(international) -> None:
    a4 = _pdf(international, "A4")
    letter = _pdf(international, "Letter")
    count = len(a4.pages)
    assert count >= 2
    for index, page in enumerate(a4.pages, 1):
        assert f"Page {index} of {count}" in page.extract_text()
    assert "World Assembly of Local and Regional Governments · Panel on" in _flat(
        a4.pages[1].extract_text())
    assert [round(float(v)) for v in a4.pages[0].mediabox[2:]] == [595, 842]
    assert [round(float(v)) for v in letter.pages[0].mediabox[2:]] == [612, 792]


def test_large_session(event_file: EventFile, tmp_path: Path) -> None:
    session_id = large_session(event_file)
    started = time.perf_counter()
    report = load_session_report(event_file, session_id, now=T0 + 100_000)
    target = tmp_path / "large.pdf"
    SummaryReport("A4").write_session(report, target)
    seconds = time.perf_counter() - started
    reader = pypdf.PdfReader(target)
    pages = len(reader.pages)
    text = _flat(_text(reader))
    print(f"large session: {pages} pages in {seconds:.2f} s, {target.stat().st_size} bytes")
    # 40 speakers, 300 notes drafted into sections, 100 answered + 10 most-voted questions.
    assert 8 <= pages <= 60
    assert f"Page {pages} of {pages}" in text
    assert "Answered (100)" in text
    assert "Most-voted questions not answered (top 10)" in text
    assert "Received 500" in text
    assert seconds < 20


def test_whole_assembly_has_cover_and_contents(event_file: EventFile, tmp_path: Path) -> None:
    international_session(event_file)
    reports = [load_session_report(event_file, s.id)
               for s in session_store.list_sessions(event_file)]
    target = tmp_path / "assembly.pdf"
    SummaryReport("Letter").write_assembly(session_store.get_event(event_file), reports, target)
    reader = pypdf.PdfReader(target)
    cover = _flat(reader.pages[0].extract_text())
    assert "World Assembly of Local and Regional Governments" in cover
    assert f"{len(reports)} sessions" in cover
    raw_contents = reader.pages[1].extract_text()
    contents = _flat(raw_contents)
    assert "Contents" in contents
    for report in reports:
        assert report.session.title[:40] in contents
    # The table of contents points at the page where each session starts (pypdf reads
    # each entry's page number at the end of its last line; the footer is left out).
    numbers = [int(n) for n in re.findall(r"(?m)^(?!Page ).* (\d+)$", raw_contents)]
    assert len(numbers) == len(reports)
    for report, number in zip(reports, numbers, strict=True):
        page = _flat(reader.pages[number - 1].extract_text())
        assert page.startswith(f"{report.event.title} {report.session.title[:30]}")
    assert len(reader.outline) == len(reports)
