"""One word too long for any table layout (a web address or a long compound as a name; a
Thai or Chinese organisation, written without spaces) breaks in its own column only: every
other word of the table stays whole, in the PDF and the Word report.

Before: such a word made the writers give up on cell words and keep only the header words
whole, so the timing annex's turn numbers 10 and up printed as "1" over "4".
"""

from __future__ import annotations

import io
import re

import docx
import pypdf
from report_fixtures import run_slots

from facilitator.core.model import Person, Session, Slot, SlotKind
from facilitator.reports.column_fit import SAFETY, fit_widths, text_width
from facilitator.reports.outline import Grid
from facilitator.reports.session_report import load_session_report
from facilitator.reports.summary_docx import CELL_PADDING as WORD_PADDING
from facilitator.reports.summary_docx import TEXT_WIDTH, WordReport, _whole_word_layout
from facilitator.reports.summary_pdf import (
    CELL_PADDING,
    CELL_SIZE,
    SummaryReport,
    _whole_word_widths,
)
from facilitator.store import sessions as session_store

OVERLONG = [
    "https://example.org/delegates/registration/confirmed",
    "Donaudampfschifffahrtsgesellschaftskapitänswitwe",
    "องค์การบริหารส่วนจังหวัดเชียงใหม่",  # a Thai provincial organisation: no spaces
]


def measure(word: str, bold: bool) -> float:
    return 10.0 * len(word)


def test_the_overlong_column_gives_up_its_word_the_others_keep_theirs():
    header = ("#", "Speaker", "Planned")
    rows = [("14", "A" * 60, "5:00"), ("9", "Ana Lima", "12:30")]
    assert fit_widths((0.1, 0.6, 0.3), header, rows, 400, measure, 10) is None
    widths = fit_widths((0.1, 0.6, 0.3), header, rows, 400, measure, 10, break_overlong=True)
    assert widths is not None and abs(sum(widths) - 400) < 1e-6
    assert widths[0] >= 30 and widths[2] >= 80  # "14" and "Planned" / "12:30" whole
    # Two overlong words: both give up, the one furthest beyond its share first; the
    # third column's word (and every header word) stays whole.
    crowded = [("1" * 30, "A" * 60, "5" * 20)]
    widths = fit_widths((0.1, 0.6, 0.3), header, crowded, 400, measure, 10,
                        break_overlong=True)
    assert widths is not None and widths[2] >= 210 and widths[0] >= 20 and widths[1] >= 80


def _session(ef, name: str) -> int:
    slots = tuple(Slot(person=Person(name=name if n == 3 else f"Speaker {n}", role="Mayor"),
                       kind=SlotKind.PANELLIST, planned_seconds=300) for n in range(1, 22))
    session_id = session_store.add_session(ef, Session(title="Twenty-one turns", slots=slots))
    run_slots(ef, session_id, 12)
    return session_id


def test_turn_numbers_stay_whole_beside_an_overlong_name(event_file):
    for name in OVERLONG:
        session_id = _session(event_file, name)
        report = load_session_report(event_file, session_id)
        out = io.BytesIO()
        SummaryReport("A4", "en").write_session(report, out)
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
        annex = text[text.index("Annex: timing log"):]
        numbers = re.findall(r"^(\d+) ", annex, flags=re.MULTILINE)
        assert [str(n) for n in range(10, 22)] == [n for n in numbers if len(n) == 2], name
        out = io.BytesIO()
        WordReport("en").write_session(report, out)
        annex_table = docx.Document(out).tables[-1]
        assert [row.cells[0].text for row in annex_table.rows][10:] == [
            str(n) for n in range(10, 22)]


def test_both_writers_keep_short_words_whole():
    grid = Grid(("#", "Speaker", "Started"), tuple(
        (str(n), OVERLONG[0] * 4 if n == 3 else f"Speaker {n}", "08:00:00") for n in range(1, 22)),
        (0.04, 0.8, 0.16))
    pdf = _whole_word_widths(grid, 300)
    assert pdf[0] >= text_width("21", CELL_SIZE) + CELL_PADDING  # the number column, whole
    assert pdf[2] >= text_width("08:00:00", CELL_SIZE) + CELL_PADDING
    size, fractions = _whole_word_layout(grid)
    word = SAFETY * text_width("08:00:00", size) + WORD_PADDING
    assert fractions[2] * TEXT_WIDTH.pt >= word
