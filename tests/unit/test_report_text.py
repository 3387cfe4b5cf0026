"""Every character prints in the PDFs, or is counted: fonts, shaping, bidi, read back.

PDFs are read back with pypdf (text, and the fonts each page embeds) and with poppler's
pdftotext, which also reads the /ActualText of shaped runs (Indic conjuncts, joined Arabic).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from bidi import get_display
from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import T0, international_session

from facilitator.reports import text_layout
from facilitator.reports.fonts import MARKER, collecting_missing, font_runs
from facilitator.reports.poster import write_poster
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.reports.text_layout import lay_out, paragraphs
from facilitator.store import EventFile

FIELD_CASES = Path(__file__).resolve().parent.parent / "field_cases"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")


def _fonts_per_page(reader: pypdf.PdfReader) -> list[set[str]]:
    pages = []
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        pages.append({str(f.get_object()["/BaseFont"]).split("+")[-1] for f in fonts.values()})
    return pages


def _poppler_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return re.sub(r"\s+", " ", done.stdout.decode())


@pytest.fixture
def report(event_file: EventFile):
    session_id = international_session(event_file)
    return load_session_report(event_file, session_id, now=T0 + 3600)


def _with_people_and_note(report, people: list[tuple[str, str]], note: str):
    """The report with its first speakers renamed and ``note`` as the key message."""
    slots = list(report.session.slots)
    for index, (name, organisation) in enumerate(people):
        person = dataclasses.replace(slots[index].person, name=name, organisation=organisation)
        slots[index] = dataclasses.replace(slots[index], person=person)
    session = dataclasses.replace(report.session, slots=tuple(slots))
    summary = dataclasses.replace(report.summary, key_messages=f"- {note}")
    return dataclasses.replace(report, session=session, summary=summary)


def _pdf(report) -> tuple[bytes, object]:
    out = io.BytesIO()
    missing = SummaryReport("A4").write_session(report, out)
    return out.getvalue(), missing


# --- the field cases --------------------------------------------------------------------

def test_note_with_symbols_prints_them(report) -> None:
    note = (FIELD_CASES / "note-with-symbols.txt").read_text(encoding="utf-8").strip()
    note += " — also ≠ ≈ → ✓ € ₹"
    pdf, missing = _pdf(_with_people_and_note(report, [], note))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = re.sub(r"\s+", " ", "".join(p.extract_text() for p in reader.pages))
    assert "emissions ≤ 2 t/person; budget ≥ 30 % of the total" in text
    for symbol in "≠≈→✓€₹":
        assert symbol in text, symbol
    assert missing.count == 0
    fonts = set().union(*_fonts_per_page(reader))
    assert any("NotoSansMath" in f for f in fonts)  # ≤ ≥ ≠ ≈ are not in Noto Sans itself


@needs_poppler
def test_devanagari_names_print(report) -> None:
    with (FIELD_CASES / "names-devanagari.csv").open(encoding="utf-8") as f:
        rows = [(row["name"], row["organisation"]) for row in csv.DictReader(f)]
    pdf, missing = _pdf(_with_people_and_note(report, rows, "नगर निगम पुणे की योजना"))
    assert missing.count == 0
    first_page = _fonts_per_page(pypdf.PdfReader(io.BytesIO(pdf)))[0]
    assert any("NotoSansDevanagari" in f for f in first_page)
    # Conjuncts (न्य, र्मा) are glyphs no character maps to; their /ActualText reads back.
    text = _poppler_text(pdf)
    for name, organisation in rows:
        assert name in text and organisation in text


@needs_poppler
def test_every_script_prints_in_its_font(report, tmp_path: Path) -> None:
    people = [("अनन्या शर्मा", "नगर निगम पुणे"), ("محمد بن راشد", "بلدية دبي"),
              ("דוד לוי", "עיריית תל אביב"), ("王小明", "北京市人民政府"),
              ("สมชาย ใจดี", "กรุงเทพมหานคร"), ("አበበ ቢቂላ", "አዲስ አበባ"), ("김민수", "서울특별시")]
    pdf, missing = _pdf(_with_people_and_note(report, people, "Agreed ✓ — 🌍 👍"))
    assert missing.count == 0
    fonts = set().union(*_fonts_per_page(pypdf.PdfReader(io.BytesIO(pdf))))
    for family in ("NotoSansDevanagari", "NotoSansArabic", "NotoSansHebrew", "DroidSans",
                   "NotoSansThai", "NotoSansEthiopic", "NotoSansSymbols2"):
        assert any(family in f for f in fonts), family
    text = _poppler_text(pdf)
    for name, organisation in people:
        if not any("\u0590" <= c <= "\u06ff" for c in name):  # right-to-left: see below
            assert name in text and organisation in text, name
    # The rendered page is what a reader sees: pdftoppm must draw it without complaint.
    (tmp_path / "s.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        done = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1",
                               str(tmp_path / "s.pdf"), str(tmp_path / "page")],
                              capture_output=True, text=True)
        assert done.returncode == 0 and "Error" not in done.stderr


def test_unprintable_characters_show_a_marker_and_are_counted(report) -> None:
    # U+1F972 is newer than the shipped emoji font; U+E000 is private use; U+0378 unassigned.
    note = "Smiling \U0001F972 tear, private \ue000 and \u0378 — and 😀 prints"
    pdf, missing = _pdf(_with_people_and_note(report, [], note))
    assert missing.count == 3
    assert set(missing.counts) == {"\U0001F972", "\ue000", "\u0378"}
    assert "U+1F972" in missing.message()
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert f"Smiling {MARKER} tear" in text


# --- fonts, bidi and lines ----------------------------------------------------------------

def test_font_runs_keep_marks_joiners_and_punctuation_in_their_run() -> None:
    printed, runs = font_runs("(अनन्या) می\u200cخواهم e\u0301")
    assert printed == "(अनन्या) می\u200cخواهم e\u0301"
    by_text = {printed[r.start:r.end]: r.font for r in runs}
    assert by_text["अनन्या) "] .endswith("NotoSansDevanagari")  # ")" and " " stay
    assert by_text["می\u200cخواهم "].endswith("NotoSansArabic")  # ZWNJ inside its word
    assert by_text["e\u0301"].endswith("NotoSans")


_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visual(text: str, width: float = 1e9, mirror: bool = True) -> list[str]:
    """Each line's characters left to right, as the layout will draw them."""
    lines = lay_out(paragraphs(text), width)
    # An odd-level piece is drawn reversed with its brackets mirrored (HarfBuzz does both).
    return ["".join("".join(MIRRORED.get(c, c) if mirror else c for c in reversed(p.text))
                    if p.level % 2 else p.text for p in line.visual())
            for line in lines]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abc ABC 0123 אבגד שלום بلد ٣ ,.:-%+()[]\u2067\u2069\u200f",
               max_size=40))
def test_one_line_order_matches_the_reference_bidi(text: str) -> None:
    # The reference: python-bidi's Rust implementation (which leaves mirroring out).
    expected = get_display(text)
    line = _visual(text, mirror=False)[0] if text.strip() else ""
    # Spaces at either end of a line and the invisible controls are not drawn; the order
    # of everything else is the test.
    def seen(text: str) -> str:
        return "".join(c for c in text if c not in _BIDI_CONTROLS).strip(" ")

    assert seen(line) == seen(expected)


def test_a_wrapped_right_to_left_paragraph_reads_from_the_top_line() -> None:
    lines = _visual("אחד שתיים שלוש ארבע חמש", width=9000)
    assert len(lines) >= 2
    assert lines[0].endswith("דחא")  # the first word, at the right of the first line
    assert "שמח" in lines[-1]


def test_right_to_left_words_in_brackets_before_a_number() -> None:
    # Bracket pairs (rule N0) keep "(...)" with the English around it.
    (line,) = _visual("Dubai (بلدية دبي) 2026 plan")
    assert line == "Dubai (يبد ةيدلب) 2026 plan"


def test_bidi_levels_come_from_the_unicode_15_implementation() -> None:
    # If python-bidi ever changes its debug report, the layout falls back to the older
    # Python implementation (no bracket pairs): this test says so before users see it.
    assert text_layout._unicode_bidi_levels("A(א)0") == [0, 0, 1, 0, 2]
    assert text_layout._reference_levels("a \u2068אב 1\u2069 \u2067b")[0] == 0


def test_digits_and_brackets_in_right_to_left_text() -> None:
    (line,) = _visual("עיריית 2026 (תל אביב)")
    assert line.startswith("(ביבא לת)")
    assert "2026" in line


# --- the poster ------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Zrównoważony rozwój miast: Łódź, Gdańsk i Kraków — żółć",
    "Устойчивое развитие городов: финансирование жилья",
    "التنمية الحضرية المستدامة: تمويل الإسكان في دبي عام 2026",
])
def test_poster_prints_titles_in_any_script(tmp_path: Path, title: str) -> None:
    target = tmp_path / "poster.pdf"
    missing = write_poster(target, title=title, url="http://192.168.1.20:8765/j/abc",
                           short_code="ABC123", event_title="Всемирная ассамблея")
    assert missing.count == 0
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == 1
    fonts = _fonts_per_page(reader)[0]
    assert not any("Helvetica" in f for f in fonts)
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    if "\u0600" <= title[0] <= "\u06ff":
        assert any("NotoSansArabic" in f for f in fonts)
    else:
        assert title in text
    assert "Всемирная ассамблея" in text and "ABC 123" in text


def test_a_long_poster_title_is_shortened_visibly_and_printed_whole(tmp_path: Path) -> None:
    title = "A title that goes on and on " * 40 + "THE END."
    target = tmp_path / "poster.pdf"
    write_poster(target, title=title, url="http://10.0.0.2:8765/j/abc", short_code="ABC123")
    reader = pypdf.PdfReader(target)
    first = reader.pages[0].extract_text()
    assert "…" in first and "THE END." not in first
    assert "The full title is on the next page" in first
    rest = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages[1:]))
    assert title.strip() in rest


def test_missing_characters_are_collected_per_document() -> None:
    with collecting_missing() as outer:
        font_runs("\U0001F972")
        with collecting_missing() as inner:
            font_runs("\ue000\ue000")
    assert outer.count == 1 and inner.count == 2

