"""The printed session summary (and the whole-assembly report) with reportlab Platypus.

Layout after the rapporteur templates of UN meetings: header (event, panel, date, time,
room, moderator, rapporteur), participants with planned and actual speaking time, the
summary sections, audience questions, statistics, SDG tags, and an annex timeline.
All text, typed or not, prints through ``UserText``: plain text in any script the shipped
fonts have, split between lines across pages (table rows too), never read as markup.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from facilitator import __version__
from facilitator.core.event_time import event_zone
from facilitator.core.model import Event
from facilitator.reports.charts import ChartFlowable
from facilitator.reports.column_fit import WHOLE_WORD_TRIES, fit_widths, text_width
from facilitator.reports.fonts import (
    SANS,
    SANS_BOLD,
    MissingCharacters,
    collecting_missing,
    not_counting_missing,
    register_fonts,
)
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
from facilitator.reports.user_text import UserText, cell, draw_line, layout

PAGE_SIZES = {"A4": A4, "Letter": letter}
MARGIN = 18 * mm
INK = colors.HexColor("#1b2a3a")
MUTED = colors.HexColor("#5b6670")
RULE = colors.HexColor("#c9d1d9")
BAND = colors.HexColor("#eef2f6")
CELL_SIZE = 8.5  # points: a table cell's type
CELL_PADDING = 2 * 6  # points: reportlab's cell padding, left and right


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=CELL_SIZE, leading=11),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName=SANS_BOLD,
                                   fontSize=CELL_SIZE, leading=11),
        "event": ParagraphStyle("event", parent=base, fontSize=10, textColor=MUTED,
                                spaceAfter=2),
        "title": ParagraphStyle("SessionTitle", parent=base, fontName=SANS_BOLD, fontSize=17,
                                leading=21, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=SANS_BOLD, fontSize=12.5, leading=16,
                             spaceBefore=12, spaceAfter=5),
        "strong": ParagraphStyle("strong", parent=base, fontName=SANS_BOLD, spaceBefore=4,
                                 spaceAfter=2),
        "h3": ParagraphStyle("h3", parent=base, fontName=SANS_BOLD, fontSize=10, leading=13,
                             spaceBefore=6, spaceAfter=3),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2,
                                 spaceAfter=2),
        "cover": ParagraphStyle("cover", parent=base, fontName=SANS_BOLD, fontSize=26,
                                leading=32, alignment=TA_CENTER, spaceAfter=14),
        "coversub": ParagraphStyle("coversub", parent=base, fontSize=13, leading=18,
                                   alignment=TA_CENTER, textColor=MUTED, spaceAfter=6),
        "toc": ParagraphStyle("toc", parent=base, fontSize=10.5, leading=15, leftIndent=6,
                              firstLineIndent=-6),
        "header": ParagraphStyle("header", parent=base, fontSize=7.5, leading=9,
                                 textColor=MUTED),
    }


def _para(text: str, style: ParagraphStyle, **options: Any) -> UserText:
    return UserText(text, style, **options)


class _NumberedCanvas(Canvas):
    """Draws "Page n of N" (in the report's language) once the total is known; pages are
    kept until save."""

    text = ReportText("en")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            width, _ = self._pagesize
            self.setFont(SANS, 7.5)
            self.setFillColor(MUTED)
            page = self.text("page_of", page=self._pageNumber, total=total)
            with not_counting_missing():
                line = layout(page, 7.5, 60 * mm)[0][0]
            # Page numbers sit on the outer side where the text starts: right to left, left.
            rtl = self.text.rtl
            draw_line(self, line, MARGIN if rtl else width - MARGIN - 60 * mm, MARGIN / 2,
                      60 * mm, 7.5, align="left" if rtl else "right", color=MUTED)
            signature = f"facilitator {__version__}"
            if rtl:
                self.drawRightString(width - MARGIN, MARGIN / 2, signature)
            else:
                self.drawString(MARGIN, MARGIN / 2, signature)
            super().showPage()
        super().save()


class _ReportDocument(BaseDocTemplate):
    """Pages with a running header (event · session) and a table of contents feed."""

    def __init__(self, target: Any, page_size: tuple[float, float], title: str,
                 styles: dict[str, ParagraphStyle], *, with_cover: bool = False) -> None:
        super().__init__(target, pagesize=page_size, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN,
                         title=title, author="facilitator", creator=f"facilitator {__version__}")
        self.styles = styles
        self.running_header = ""
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        body = PageTemplate("body", [frame], onPageEnd=self._draw_header, pagesize=page_size)
        cover = PageTemplate("cover", [frame], pagesize=page_size)
        # The first template is the first page's: the cover, when there is one.
        self.addPageTemplates([cover, body] if with_cover else [body, cover])

    def beforeDocument(self) -> None:
        # multiBuild lays the story out more than once: start each pass without a header.
        self.running_header = ""

    def _draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self.running_header:
            return
        # One line on every page: a long title is shortened here, never in the body; its
        # characters were counted there already.
        with not_counting_missing():
            header = UserText(self.running_header, self.styles["header"], max_lines=1)
        width, height = self.pagesize
        _, used = header.wrap(width - 2 * MARGIN, MARGIN)
        header.drawOn(canvas, MARGIN, height - MARGIN + 2 * mm - used + 9)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - MARGIN - 1 * mm, width - MARGIN, height - MARGIN - 1 * mm)

    def afterFlowable(self, flowable: Flowable) -> None:
        header = getattr(flowable, "running_header", None)
        if header is not None:
            self.running_header = header
        toc = getattr(flowable, "toc_text", None)
        if toc is not None:
            key = f"session-{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText()[:80], key, level=0)
            self.notify("TOCEntry", (0, toc, self.page, key))


class _Contents(TableOfContents):
    """The assembly's table of contents: session titles in any script, with page numbers.

    A title longer than three lines is shortened here with "…" (it prints whole on its
    session's first page).
    """

    def __init__(self, style: ParagraphStyle) -> None:
        super().__init__()
        self.entry_style = style
        self.number_style = ParagraphStyle("toc-page", parent=style, alignment=TA_RIGHT)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "", 0, None)]
        with not_counting_missing():
            data = [[cell(text, self.entry_style, max_lines=3),
                     cell(str(page) if page else "", self.number_style)]
                    for _, text, page, _ in entries]
        self._table = Table(data, colWidths=[availWidth - 16 * mm, 16 * mm], hAlign="LEFT")
        self._table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE, None, (1, 2)),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


class SummaryReport:
    """Writes the PDF of one session, or of every session of the assembly."""

    def __init__(self, page_size: str = "A4", language: str = "en") -> None:
        """``language``: one of report_text.LANGUAGES (ValueError otherwise)."""
        if page_size not in PAGE_SIZES:
            raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
        register_fonts()
        self.page_size = PAGE_SIZES[page_size]
        self.text = ReportText(language)
        self.rtl = self.text.rtl
        self.styles = _styles()
        if self.rtl:  # headings and fixed texts start on the right
            for name in ("event", "title", "h2", "h3", "body", "muted", "strong"):
                self.styles[name].alignment = TA_RIGHT
        # The canvas is made by reportlab; it reads the language from its class.
        self._canvas = type("_Canvas", (_NumberedCanvas,), {"text": self.text})

    # --- documents ------------------------------------------------------------------------

    def write_session(self, report: SessionReport, target: str | os.PathLike[str] | IO[bytes]
                      ) -> MissingCharacters:
        """One session's summary; returns the characters that no shipped font prints."""
        doc = _ReportDocument(_target(target), self.page_size,
                              self.text("summary_title", title=report.session.title), self.styles)
        with collecting_missing() as missing:
            doc.build(self.session_story(report, doc.width), canvasmaker=self._canvas)
        return missing

    def write_assembly(self, event: Event, reports: Sequence[SessionReport],
                       target: str | os.PathLike[str] | IO[bytes], *, title: str = "",
                       subtitle: str = "", before: Sequence[Block] = ()) -> MissingCharacters:
        """The whole assembly: a cover, a table of contents, then each session.

        ``title`` and ``subtitle`` replace the event's on the cover (the forum report);
        ``before`` are blocks printed after the contents (the forum's numbers).
        Returns the characters that no shipped font prints.
        """
        doc = _ReportDocument(_target(target), self.page_size,
                              title or f"{event.title} — report", self.styles, with_cover=True)
        with collecting_missing() as missing:
            story: list[Flowable] = self._cover(event, reports, title, subtitle)
            story += [NextPageTemplate("body"), PageBreak()]
            story += [_para(self.text("contents"), self.styles["h2"]),
                      _Contents(self.styles["toc"])]
            for block in before:
                story += self._flowables(block, doc.width)
            self._build_assembly(doc, story, reports)
        return missing

    def _build_assembly(self, doc: _ReportDocument, story: list[Flowable],
                        reports: Sequence[SessionReport]) -> None:
        for report in reports:
            story.append(PageBreak())
            story += self.session_story(report, doc.width)
        doc.multiBuild(story, canvasmaker=self._canvas)

    def _cover(self, event: Event, reports: Sequence[SessionReport], title: str = "",
               subtitle: str = "") -> list[Flowable]:
        s = self.styles
        days = [session_when(d, "", language=self.text.language)[0]
                for d in (event.starts_on, event.ends_on) if d]
        dates = " – ".join(dict.fromkeys(days))  # a one-day event shows its day once
        generated = self.text.moment(reports[0].generated_at if reports else time.time(),
                                     event_zone(event.time_zone))
        story: list[Flowable] = [Spacer(1, 60 * mm), _para(title or event.title, s["cover"])]
        lines = (subtitle,) if title else (event.venue, dates)
        story += [_para(line, s["coversub"]) for line in lines if line]
        story += [Spacer(1, 20 * mm),
                  _para(self.text("report_of_sessions"), s["coversub"]),
                  _para(self.text("sessions_generated", when=generated, sessions=self.text.count(
                      len(reports), "one_session", "n_sessions")),
                        s["coversub"])]
        return story

    # --- one session ----------------------------------------------------------------------

    def session_story(self, report: SessionReport, width: float) -> list[Flowable]:
        s = self.styles
        session = report.session
        title = _para(session.title, s["title"])
        # One line on every page: long titles are shortened there, never in the body.
        title.running_header = f"{report.event.title}  ·  {session.title}"
        title.toc_text = report.contents_line or session.title
        story: list[Flowable] = [_para(report.event.title, s["event"]), title]
        for block in session_outline(report, self.text):
            story += self._flowables(block, width)
        return story

    def _flowables(self, block: Block, width: float) -> list[Flowable]:
        """One outline block as Platypus flowables."""
        s = self.styles
        if isinstance(block, Heading):
            heading = _para(block.text, s["h2" if block.level == 2 else "h3"])
            # A section starts on a new page rather than as a lonely heading at the bottom.
            return [CondPageBreak(40 * mm), heading] if block.level == 2 else [heading]
        if isinstance(block, Text):
            style = s["muted"] if block.muted else s["strong"] if block.bold else s["body"]
            return [_para(block.text, style)]
        if isinstance(block, Bullets):
            return [_para(item, s["bullet"], bullet="•") for item in block.items]
        if isinstance(block, Fields):
            return [self._fields(block, width)]
        if isinstance(block, Grid):
            rows = [list(row) for row in block.rows]
            if block.total_row and rows:
                rows[-1][0] = _para(rows[-1][0], s["cellhead"])
            return [self._grid(block.header, rows, _whole_word_widths(block, width),
                               right=block.right)]
        if isinstance(block, Chart):
            return [] if block.chart.empty else [Spacer(1, 4),
                                                 ChartFlowable(block.chart, rtl=self.rtl)]
        if isinstance(block, Together):
            return [KeepTogether([f for child in block.blocks
                                  for f in self._flowables(child, width)])]
        raise TypeError(f"no PDF layout for {block!r}")

    def _fields(self, block: Fields, width: float) -> Table:
        s = self.styles
        data = [[cell(label, s["cellhead"]), cell(value, s["cell"])]
                for label, value in block.rows]
        widths = [32 * mm, width - 32 * mm]
        label_column = 0
        if self.rtl:  # right to left: labels on the right
            data, widths, label_column = [row[::-1] for row in data], widths[::-1], 1
        table = Table(data, colWidths=widths, hAlign="RIGHT" if self.rtl else "LEFT",
                      splitInRow=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (label_column, 0), (label_column, -1), BAND),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def _grid(self, header: Sequence[str], rows: list[list[Any]], widths: Sequence[float],
              right: Sequence[int] = ()) -> Table:
        """A table with a repeated header row; cells are flowables or plain strings.

        A row taller than what is left of the page continues on the next (splitInRow).
        Right to left, the columns run from the right.
        """
        s = self.styles
        number = ParagraphStyle("number", parent=s["cell"], alignment=TA_RIGHT)
        data = [[cell(h, s["cellhead"]) for h in header]]
        data += [[[value] if isinstance(value, Flowable)
                  else cell(str(value), number if col in right else s["cell"])
                  for col, value in enumerate(row)] for row in rows]
        widths = list(widths)
        if self.rtl:
            data, widths = [row[::-1] for row in data], widths[::-1]
        table = Table(data, colWidths=widths, repeatRows=1,
                      hAlign="RIGHT" if self.rtl else "LEFT", splitInRow=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), BAND),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        return table


def write_session_pdf(report: SessionReport, path: str | os.PathLike[str],
                      page_size: str = "A4", language: str = "en") -> MissingCharacters:
    """One session's summary as the PDF file ``path``, whole or not at all (through a
    partial file: ``reports.whole_file``); returns the characters no shipped font prints.
    Any thread, beside other PDFs being written (only reportlab's shared font tables are
    taken a step at a time: ``fonts.FONT_TABLES``). Raises EventFileError when ``path``
    is an event file (nothing is written) or cannot be written; ValueError for an unknown
    page size or language."""
    from facilitator.reports.whole_file import write_whole

    writer = SummaryReport(page_size, language)
    return write_whole(Path(path), lambda partial: writer.write_session(report, partial))


def _whole_word_widths(block: Grid, width: float) -> list[float]:
    """Column widths (points) near the grid's fractions in which every word, else every
    word but the overlong ones, else every header word, is whole (column_fit); the
    fractions when not even those fit."""
    def measure(word: str, bold: bool) -> float:
        return text_width(word, CELL_SIZE, bold=bold)

    for cell_words, break_overlong in WHOLE_WORD_TRIES:
        widths = fit_widths(block.widths, block.header, block.rows, width, measure,
                            CELL_PADDING, cell_words=cell_words,
                            break_overlong=break_overlong)
        if widths is not None:
            return list(widths)
    return [f * width for f in block.widths]


def _target(target: str | os.PathLike[str] | IO[bytes]) -> Any:
    return os.fspath(target) if isinstance(target, str | os.PathLike) else target
