"""No word of a Word or PDF report's table breaks inside itself.

Breaker's find: in LibreOffice the .docx report's headers broke mid-word ("Plann|ed",
"Actua|l", "Representat|ive"): the column fractions are shared with the PDF, whose type is
smaller. Checked for every report language and every table: each header word, and each
time or speaker role in a cell, is measured in DejaVu Sans (what LibreOffice draws when
the document's Calibri and its twin Carlito are missing, wider than both) at the size the
cell's runs have, and must fit its column's width less the cell margins.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from report_fixtures import international_session
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.core.model import Person, Slot
from facilitator.reports.column_fit import fit_widths
from facilitator.reports.outline import Grid, Together, session_outline
from facilitator.reports.report_text import LANGUAGES, ReportText
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_docx import WordReport
from facilitator.reports.summary_pdf import SummaryReport
from facilitator.store import sessions as session_store

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
MARGINS = 2 * 5.4  # points: Table Grid's cell margins, 108 twips a side
LONG_ROLE = "Permanent Representative"  # "Representat|ive" in breaker's report


@pytest.fixture(scope="module")
def dejavu() -> dict[bool, TTFont]:
    if not (DEJAVU / "DejaVuSans-Bold.ttf").exists():
        pytest.skip("fonts-dejavu-core is not installed (.ci/run installs it)")
    faces = {bold: TTFont(f"Test-DejaVu-{bold}", str(DEJAVU / name))
             for bold, name in ((False, "DejaVuSans.ttf"), (True, "DejaVuSans-Bold.ttf"))}
    for face in faces.values():
        pdfmetrics.registerFont(face)
    return faces


def _words_to_check(cell, header: bool) -> list[tuple[str, bool, float]]:
    """(word, bold, size) of a cell's words that must stay whole."""
    words = []
    for run in cell.paragraphs[0].runs:
        size = run.font.size.pt if run.font.size else 10
        for word in run.text.split():
            if header or re.fullmatch(r"[-+]?\d+:\d\d(:\d\d)?", word) or word in LONG_ROLE:
                words.append((word, header or bool(run.bold), size))
    return words


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_table_word_fits_its_column(event_file, dejavu, language):
    session_id = international_session(event_file)
    session_store.add_slot(event_file, session_id, Slot(
        person=Person(name="Amina Diallo", role=LONG_ROLE, organisation="Mission of Senegal",
                      constituency="National governments"), planned_seconds=300))
    report = load_session_report(event_file, session_id, now=1_800_000_000 + 3600)
    out = io.BytesIO()
    WordReport(language).write_session(report, out)
    document = docx.Document(io.BytesIO(out.getvalue()))
    checked = 0
    for table in document.tables:
        if table.rows[0]._tr.trPr is None or table.rows[0]._tr.trPr.find(qn("w:tblHeader")) \
                is None:
            continue  # a label/value table (Fields), not a Grid
        widths = [column.width.pt for column in table.columns]
        for index, row in enumerate(table.rows):
            for column, cell in enumerate(row.cells):
                for word, bold, size in _words_to_check(cell, header=index == 0):
                    face = dejavu[bold]
                    if not all(ord(char) in face.face.charToGlyph for char in word) or any(
                            unicodedata.bidirectional(char) == "AL" for char in word):
                        # Chinese: LibreOffice takes another face. Arabic: joined letters
                        # are narrower than the unjoined ones reportlab measures here.
                        continue
                    width = pdfmetrics.stringWidth(word, face.fontName, size)
                    assert width + MARGINS <= widths[column], (language, word, size)
                    checked += 1
    assert checked > 40


def test_a_column_takes_room_from_those_that_have_it():
    def measure(word: str, bold: bool) -> float:
        return 10.0 * len(word)

    widths = fit_widths((0.6, 0.1, 0.3), ("Name", "Planned", "Organisation"), [], 400,
                        measure, 10)
    assert widths is not None and abs(sum(widths) - 400) < 1e-6
    assert widths[1] >= 80  # "Planned": 70 + 10
    assert widths[2] >= 130 and widths[0] > widths[2]
    assert fit_widths((0.5, 0.5), ("Representative", "Difference"), [], 100, measure, 10) \
        is None  # not even the header words fit: the writer tries smaller type


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_prints_every_header_word_whole(event_file, tmp_path, language):
    # The same kind in the PDF: "Duració|n", "Планов|ое" in the timing log's header.
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed (.ci/run installs it)")
    session_id = international_session(event_file)
    report = load_session_report(event_file, session_id, now=1_800_000_000 + 3600)
    target = tmp_path / "summary.pdf"
    SummaryReport("A4", language).write_session(report, str(target))
    printed = set(subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                                 text=True, check=True).stdout.split())
    headers = {word for block in _grids(session_outline(report, ReportText(language)))
               for text in block.header for word in text.split()}
    latin_or_cyrillic = {w for w in headers if all(ord(c) < 0x600 for c in w)}
    assert latin_or_cyrillic and latin_or_cyrillic <= printed


def _grids(blocks):
    for block in blocks:
        if isinstance(block, Grid):
            yield block
        elif isinstance(block, Together):
            yield from _grids(block.blocks)
