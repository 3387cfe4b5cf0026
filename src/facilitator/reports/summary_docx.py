"""The session summary, the whole-event report and the forum report as Word documents.

The same outline as the PDF (``outline.session_outline``), laid out with python-docx: real
headings (Heading 1–3, so Word's navigation pane and table of contents see them), tables
with a repeated header row, the charts as pictures. Rapporteurs edit the outcome document
in Word; nothing here needs Word or LibreOffice. Right-to-left reports set Word's own
right-to-left paragraph and table properties.
"""

from __future__ import annotations

import io
import os
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from typing import IO, Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from facilitator import __version__
from facilitator.core.event_time import event_zone
from facilitator.core.model import Event
from facilitator.reports.charts import chart_png
from facilitator.reports.column_fit import SAFETY, WHOLE_WORD_TRIES, fit_widths, text_width
from facilitator.reports.outline import (
    Block,
    Bullets,
    Chart,
    Fields,
    Grid,
    Heading,
    Text,
    Together,
    session_outline,
    session_when,
)
from facilitator.reports.report_text import ReportText
from facilitator.reports.session_report import SessionReport

MUTED = RGBColor(0x5B, 0x66, 0x70)
TEXT_WIDTH = Cm(16.5)
BODY_SIZE = 10  # points: the Normal style's size, which table cells use
TABLE_SIZES = (BODY_SIZE, 9, 8, 7)  # points: a wide table's type, tried largest first
CELL_PADDING = 2 * 5.4 + 1  # points: Table Grid's cell margins (108 twips a side), borders
# XML 1.0 has no place for most control characters: Word would refuse the file.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _NOT_IN_XML.sub("\ufffd", text)


class WordReport:
    """Writes .docx summaries in one of the six report languages."""

    def __init__(self, language: str = "en") -> None:
        self.text = ReportText(language)
        self.rtl = self.text.rtl

    # --- documents ------------------------------------------------------------------------

    def write_session(self, report: SessionReport,
                      target: str | os.PathLike[str] | IO[bytes]) -> None:
        doc = self._document(self.text("summary_title", title=report.session.title))
        self._session(doc, report)
        _save(doc, target)

    def write_assembly(self, event: Event, reports: Sequence[SessionReport],
                       target: str | os.PathLike[str] | IO[bytes], *,
                       title: str = "", subtitle: str = "",
                       before: Sequence[Block] = ()) -> None:
        """A cover, the contents, optional blocks (the forum's numbers), every session."""
        t = self.text
        doc = self._document(title or event.title)
        self._cover(doc, event, reports, title, subtitle)
        doc.add_page_break()
        self._paragraph(doc, t("contents"), style="Heading 1")
        self._contents_field(doc)
        for report in reports:
            self._paragraph(doc, report.contents_line or report.session.title,
                            style="List Number")
        for block in before:
            self._block(doc, block)
        for report in reports:
            doc.add_page_break()
            self._session(doc, report)
        _save(doc, target)

    def _document(self, title: str) -> WordDocument:
        doc = Document()
        doc.core_properties.title = _xml_text(title)
        doc.core_properties.author = "facilitator"
        doc.core_properties.comments = f"facilitator {__version__}"
        doc.core_properties.language = self.text.language
        normal = doc.styles["Normal"]
        normal.font.size = Pt(BODY_SIZE)
        # The language of the text, so Word spells and hyphenates it as such.
        for style in doc.styles:
            rpr = getattr(style.element, "get_or_add_rPr", None)
            if rpr is not None and style.name in ("Normal",):
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), self.text.language)
                lang.set(qn("w:eastAsia"), "zh-CN" if self.text.language == "zh" else "en-US")
                lang.set(qn("w:bidi"), "ar-SA")
                rpr().append(lang)
        section = doc.sections[0]
        section.left_margin = section.right_margin = Cm(2)
        if self.rtl:
            section._sectPr.append(OxmlElement("w:bidi"))
        return doc

    def _cover(self, doc: WordDocument, event: Event, reports: Sequence[SessionReport],
               title: str, subtitle: str) -> None:
        t = self.text
        days = [session_when(d, "", language=t.language)[0]
                for d in (event.starts_on, event.ends_on) if d]
        generated = t.moment(reports[0].generated_at if reports else time.time(),
                             event_zone(event.time_zone))
        heading = self._paragraph(doc, title or event.title, style="Title")
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lines = [event.venue, " – ".join(dict.fromkeys(days))] if not title else [subtitle]
        lines += [t("report_of_sessions"),
                  t("sessions_generated", when=generated,
                    sessions=t.count(len(reports), "one_session", "n_sessions"))]
        for line in lines:
            if line:
                self._paragraph(doc, line, muted=True).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _contents_field(self, doc: WordDocument) -> None:
        """Word's own table of contents (filled in when Word or LibreOffice updates fields)."""
        paragraph = doc.add_paragraph()
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, 'TOC \\o "1-1" \\h \\z \\u'),
                           ("separate", None), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)

    # --- one session ----------------------------------------------------------------------

    def _session(self, doc: WordDocument, report: SessionReport) -> None:
        self._paragraph(doc, report.event.title, muted=True)
        self._paragraph(doc, report.session.title, style="Heading 1")
        for block in session_outline(report, self.text):
            self._block(doc, block)

    def _block(self, doc: WordDocument, block: Block) -> None:
        if isinstance(block, Heading):
            self._paragraph(doc, block.text, style=f"Heading {block.level}")
        elif isinstance(block, Text):
            self._paragraph(doc, block.text, muted=block.muted, bold=block.bold)
        elif isinstance(block, Bullets):
            for item in block.items:
                self._paragraph(doc, item, style="List Bullet")
        elif isinstance(block, Fields):
            table = self._table(doc, len(block.rows), 2, header=False)
            _widths(table, (0.25, 0.75))
            for row, (label, value) in zip(table.rows, block.rows, strict=True):
                self._cell(row.cells[0], label, bold=True)
                self._cell(row.cells[1], value)
        elif isinstance(block, Grid):
            table = self._table(doc, len(block.rows) + 1, len(block.header), header=True)
            size, widths = _whole_word_layout(block)
            for column, text in enumerate(block.header):
                self._cell(table.rows[0].cells[column], text, bold=True, size=size)
            for values, row in zip(block.rows, table.rows[1:], strict=True):
                last = block.total_row and row is table.rows[-1]
                for column, text in enumerate(values):
                    self._cell(row.cells[column], text, bold=last and column == 0,
                               right=column in block.right, size=size)
            _widths(table, widths)
        elif isinstance(block, Chart):
            if not block.chart.empty:
                picture = chart_png(block.chart, 460, rtl=self.rtl)
                doc.add_picture(io.BytesIO(picture), width=Cm(15))
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Together):
            for child in block.blocks:
                self._block(doc, child)
        else:
            raise TypeError(f"no Word layout for {block!r}")

    # --- pieces ---------------------------------------------------------------------------

    def _paragraph(self, doc: Any, text: str, *, style: str | None = None,
                   muted: bool = False, bold: bool = False) -> WordParagraph:
        paragraph = doc.add_paragraph(style=style)
        self._run(paragraph, text, muted=muted, bold=bold)
        return paragraph

    def _run(self, paragraph: WordParagraph, text: str, *, muted: bool = False,
             bold: bool = False) -> None:
        run = paragraph.add_run(_xml_text(text))
        run.bold = bold or None
        if muted:
            run.font.color.rgb = MUTED
        # A paragraph's direction is its own text's, in a report of any language, as in the
        # PDF (rule P2): Word has no automatic direction, and an Arabic or Hebrew note in a
        # left-to-right paragraph printed its closing "." or "!" at its start.
        if _starts_right_to_left(text):
            run.font.rtl = True
            _set_right_to_left(paragraph)
        elif self.rtl:  # a Latin name in an Arabic report: read left to right, set right
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _cell(self, cell: Any, text: str, *, bold: bool = False, right: bool = False,
              size: float = BODY_SIZE) -> None:
        paragraph = cell.paragraphs[0]
        self._run(paragraph, text, bold=bold)
        if size != BODY_SIZE:
            for run in paragraph.runs:
                run.font.size = Pt(size)
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if self.rtl else WD_ALIGN_PARAGRAPH.RIGHT

    def _table(self, doc: WordDocument, rows: int, columns: int, *, header: bool
               ) -> WordTable:
        table = doc.add_table(rows=rows, cols=columns)
        table.style = "Table Grid"
        if self.rtl:
            table._tbl.tblPr.append(OxmlElement("w:bidiVisual"))
        if header:  # the header row repeats on each page the table runs over
            row_properties = table.rows[0]._tr.get_or_add_trPr()
            row_properties.append(OxmlElement("w:tblHeader"))
        return table


def _starts_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction is right to left (rule P2 of the bidi
    algorithm), which makes a right-to-left paragraph."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# The paragraph properties that come after w:bidi (ECMA-376 Part 1, CT_PPrBase, then pPr's own).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _set_right_to_left(paragraph: WordParagraph) -> None:
    """Mark ``paragraph`` right to left (``w:bidi``), at its place among the paragraph's
    properties: Word reads them in the schema's order (after the style, before the
    alignment)."""
    properties = paragraph.paragraph_format.element.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _widths(table: WordTable, fractions: Sequence[float]) -> None:
    """Column widths as fractions of the text width (Word reads the cells', LibreOffice the
    grid's: both are set)."""
    table.autofit = False
    for column, fraction in zip(table.columns, fractions, strict=False):
        width = int(TEXT_WIDTH * fraction)
        column.width = width
        for cell in column.cells:
            cell.width = width


def _whole_word_layout(block: Grid) -> tuple[float, tuple[float, ...]]:
    """The type size (points) and column fractions at which no word of the grid breaks
    inside: every word at the body size if it fits, else at a smaller size; else every
    word but the overlong ones; else every header word (column_fit). A table no size fits
    keeps its fractions, smallest type."""
    total = TEXT_WIDTH.pt
    for cell_words, break_overlong in WHOLE_WORD_TRIES:
        for size in TABLE_SIZES:
            widths = fit_widths(block.widths, block.header, block.rows, total,
                                _measure_at(size), CELL_PADDING, cell_words=cell_words,
                                break_overlong=break_overlong)
            if widths is not None:
                return size, tuple(width / total for width in widths)
    return TABLE_SIZES[-1], tuple(block.widths)


def _measure_at(size: float) -> Callable[[str, bool], float]:
    """A word's width in points at ``size``, with room for wider stand-in faces."""
    def measure(word: str, bold: bool) -> float:
        return SAFETY * text_width(word, size, bold=bold)

    return measure


def _save(doc: WordDocument, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Save ``doc`` to a file name or a binary stream. Raises OSError (a full disk).

    Made in memory, then written at once: python-docx's zip writer on a file that could
    not be written (a full disk) failed a second time as it was collected, printing a
    traceback after the one-line message."""
    if not isinstance(target, str | os.PathLike):
        doc.save(target)
        return
    made = io.BytesIO()
    doc.save(made)
    with open(target, "wb") as out:
        out.write(made.getbuffer())
