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
from datetime import datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

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
from facilitator.core.clock_text import format_duration as _duration
from facilitator.core.event_time import (
    clock_time,
    event_zone,
    printed_date_time,
    wall_time_instant,
    zone_label,
)
from facilitator.core.model import Event
from facilitator.core.notes import SDG_NAMES, summary_points
from facilitator.core.statistics import SpeakingTime, planned_seconds
from facilitator.reports.fonts import (
    SANS,
    SANS_BOLD,
    MissingCharacters,
    collecting_missing,
    not_counting_missing,
    register_fonts,
)
from facilitator.reports.session_report import SessionReport
from facilitator.reports.user_text import UserText, cell

PAGE_SIZES = {"A4": A4, "Letter": letter}
MARGIN = 18 * mm
INK = colors.HexColor("#1b2a3a")
MUTED = colors.HexColor("#5b6670")
RULE = colors.HexColor("#c9d1d9")
BAND = colors.HexColor("#eef2f6")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName=SANS_BOLD, fontSize=8.5,
                                   leading=11),
        "event": ParagraphStyle("event", parent=base, fontSize=10, textColor=MUTED,
                                spaceAfter=2),
        "title": ParagraphStyle("SessionTitle", parent=base, fontName=SANS_BOLD, fontSize=17,
                                leading=21, spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=SANS_BOLD, fontSize=12.5, leading=16,
                             spaceBefore=12, spaceAfter=5),
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


def _clock(at: float, zone: ZoneInfo) -> str:
    return clock_time(at, zone)


def _zone_caption(report: SessionReport, at: float | None = None) -> str:
    """The event's zone with its offset at ``at``, else on the session's planned day
    ("Europe/Paris, UTC+02:00")."""
    zone = event_zone(report.event.time_zone)
    at = at or wall_time_instant(report.session.starts_at, zone) or report.generated_at
    return zone_label(zone, at)


def _session_when(starts_at: str, ends_at: str) -> tuple[str, str]:
    """("Monday 18 May 2026", "10:00–11:15") from the session's ISO local times."""
    def parse(value: str) -> datetime | None:
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            return None

    start, end = parse(starts_at), parse(ends_at)
    if start is None:
        return starts_at or "not set", ""
    day = f"{start:%A} {start.day} {start:%B %Y}"
    hours = f"{start:%H:%M}" + (f"–{end:%H:%M}" if end else "")
    return day, hours


class _NumberedCanvas(Canvas):
    """Draws "Page n of N" once the total is known (pages are kept until save)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            width, _ = self._pagesize
            self.setFont(SANS, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(width - MARGIN, MARGIN / 2, f"Page {self._pageNumber} of {total}")
            self.drawString(MARGIN, MARGIN / 2, f"facilitator {__version__}")
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

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab API
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

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab API
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

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
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

    def __init__(self, page_size: str = "A4") -> None:
        if page_size not in PAGE_SIZES:
            raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
        register_fonts()
        self.page_size = PAGE_SIZES[page_size]
        self.styles = _styles()

    # --- documents ------------------------------------------------------------------------

    def write_session(self, report: SessionReport, target: str | os.PathLike[str] | IO[bytes]
                      ) -> MissingCharacters:
        """One session's summary; returns the characters that no shipped font prints."""
        doc = _ReportDocument(_target(target), self.page_size,
                              f"{report.session.title} — summary", self.styles)
        with collecting_missing() as missing:
            doc.build(self.session_story(report, doc.width), canvasmaker=_NumberedCanvas)
        return missing

    def write_assembly(self, event: Event, reports: Sequence[SessionReport],
                       target: str | os.PathLike[str] | IO[bytes]) -> MissingCharacters:
        """The whole assembly: a cover, a table of contents, then each session.

        Returns the characters that no shipped font prints.
        """
        doc = _ReportDocument(_target(target), self.page_size, f"{event.title} — report",
                              self.styles, with_cover=True)
        with collecting_missing() as missing:
            self._build_assembly(doc, event, reports)
        return missing

    def _build_assembly(self, doc: _ReportDocument, event: Event,
                        reports: Sequence[SessionReport]) -> None:
        story: list[Flowable] = self._cover(event, reports)
        story += [NextPageTemplate("body"), PageBreak()]
        story += [_para("Contents", self.styles["h2"]), _Contents(self.styles["toc"])]
        for report in reports:
            story.append(PageBreak())
            story += self.session_story(report, doc.width)
        doc.multiBuild(story, canvasmaker=_NumberedCanvas)

    def _cover(self, event: Event, reports: Sequence[SessionReport]) -> list[Flowable]:
        s = self.styles
        days = [_session_when(d, "")[0] for d in (event.starts_on, event.ends_on) if d]
        dates = " – ".join(dict.fromkeys(days))  # a one-day event shows its day once
        generated = printed_date_time(reports[0].generated_at if reports else time.time(),
                                      event_zone(event.time_zone))
        story: list[Flowable] = [Spacer(1, 60 * mm), _para(event.title, s["cover"])]
        story += [_para(line, s["coversub"]) for line in (event.venue, dates) if line]
        story += [Spacer(1, 20 * mm),
                  _para("Report of the sessions", s["coversub"]),
                  _para(f"{len(reports)} session{'s' if len(reports) != 1 else ''} · "
                        f"generated {generated}", s["coversub"])]
        return story

    # --- one session ----------------------------------------------------------------------

    def session_story(self, report: SessionReport, width: float) -> list[Flowable]:
        s = self.styles
        session = report.session
        title = _para(session.title, s["title"])
        # One line on every page: long titles are shortened there, never in the body.
        title.running_header = f"{report.event.title}  ·  {session.title}"
        title.toc_text = session.title
        story: list[Flowable] = [_para(report.event.title, s["event"]), title]
        story.append(self._header_table(report, width))
        story += self._participants(report, width)
        story += self._summary(report)
        story += self._questions(report, width)
        story += self._statistics(report, width)
        story += self._sdgs(report)
        story += self._annex(report, width)
        return story

    def _header_table(self, report: SessionReport, width: float) -> Table:
        s = self.styles
        session = report.session
        day, hours = _session_when(session.starts_at, session.ends_at)
        if hours:  # a reader elsewhere must know whose clock these are
            hours += f" ({_zone_caption(report)})"
        rows = [("Event", report.event.title), ("Date", day), ("Time", hours),
                ("Room", session.room), ("Moderator", session.moderator),
                ("Rapporteur", session.rapporteur)]
        data = [[cell(label, s["cellhead"]), cell(value or "—", s["cell"])]
                for label, value in rows]
        table = Table(data, colWidths=[28 * mm, width - 28 * mm], hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (0, -1), BAND),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def _grid(self, header: Sequence[str], rows: list[list[Any]], widths: Sequence[float],
              right: Sequence[int] = ()) -> Table:
        """A table with a repeated header row; cells are flowables or plain strings.

        A row taller than what is left of the page continues on the next (splitInRow).
        """
        s = self.styles
        data = [[cell(h, s["cellhead"]) for h in header]]
        data += [[[value] if isinstance(value, Flowable) else cell(str(value), s["cell"])
                  for value in row] for row in rows]
        table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), BAND),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        style += [("ALIGN", (col, 0), (col, -1), "RIGHT") for col in right]
        table.setStyle(TableStyle(style))
        return table

    def _participants(self, report: SessionReport, width: float) -> list[Flowable]:
        s = self.styles
        now = report.generated_at
        rows = []
        for slot in report.session.slots:
            person = slot.person
            spoken = slot.clock.elapsed(now)
            rows.append([_para(person.name, s["cell"]), _para(person.role, s["cell"]),
                         _para(person.organisation, s["cell"]),
                         _para(person.constituency, s["cell"]),
                         _duration(planned_seconds(slot, now)),
                         _duration(spoken) if slot.clock.started_at is not None else "—"])
        stats = report.statistics
        rows.append([_para("Total", s["cellhead"]), "", "", "",
                     _duration(stats.planned_total), _duration(stats.actual_total)])
        fixed = 18 * mm
        flexible = width - 2 * fixed
        widths = [flexible * 0.27, flexible * 0.2, flexible * 0.28, flexible * 0.25, fixed, fixed]
        return [_para("Participants", s["h2"]),
                self._grid(["Name", "Role", "Organisation", "Constituency", "Planned", "Actual"],
                           rows, widths, right=(4, 5))]

    def _points(self, text: str) -> list[Flowable]:
        points = summary_points(text)
        if not points:
            return [_para("None recorded.", self.styles["muted"])]
        return [_para(point, self.styles["bullet"], bullet="•") for point in points]

    def _summary(self, report: SessionReport) -> list[Flowable]:
        s = self.styles
        summary = report.summary
        story: list[Flowable] = [CondPageBreak(40 * mm), _para("Summary", s["h2"])]
        if report.summary_is_draft:
            story.append(_para(
                "Draft compiled from the rapporteur's notes; not yet edited.", s["muted"]))
        story += [_para("Key messages", s["h3"]), *self._points(summary.key_messages)]
        story.append(_para("Answers to the guiding questions", s["h3"]))
        questions = report.session.guiding_questions
        if not questions:
            story.append(_para("This session has no guiding questions.", s["muted"]))
        question_style = ParagraphStyle("q", parent=s["body"], fontName=SANS_BOLD,
                                        spaceBefore=4, spaceAfter=2)
        for index, question in enumerate(questions):
            answer = self._points(summary.answer(index))
            # The question is kept with the start of its answer (a long one still splits).
            story.append(KeepTogether([_para(f"Q{index + 1}. {question}", question_style),
                                       *answer[:1]]))
            story += answer[1:]
        for key, heading in (("recommendations", "Recommendations"),
                             ("commitments", "Commitments"), ("way_forward", "Way forward")):
            story += [_para(heading, s["h3"]), *self._points(getattr(summary, key))]
        return story

    def _questions(self, report: SessionReport, width: float) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [CondPageBreak(40 * mm),
                                 _para("Audience questions", s["h2"])]

        def asker(q: Any) -> str:
            return ", ".join(part for part in (q.author, q.organisation) if part) or "anonymous"

        story.append(_para(f"Answered ({len(report.answered)})", s["h3"]))
        if report.answered:
            rows = [[_para(q.text, s["cell"]), _para(asker(q), s["cell"]),
                     _para(q.answered_by or "—", s["cell"]), str(q.votes)]
                    for q in report.answered]
            story.append(self._grid(["Question", "Asked by", "Answered by", "Votes"], rows,
                                    [width * 0.52, width * 0.2, width * 0.2, width * 0.08],
                                    right=(3,)))
        else:
            story.append(_para("No question was marked answered.", s["muted"]))
        story.append(_para(
            f"Most-voted questions not answered (top {len(report.unanswered)})"
            if report.unanswered else "Questions not answered", s["h3"]))
        if report.unanswered:
            rows = [[_para(q.text, s["cell"]), _para(asker(q), s["cell"]),
                     _para(q.addressed_to or "—", s["cell"]), str(q.votes)]
                    for q in report.unanswered]
            story.append(self._grid(["Question", "Asked by", "Addressed to", "Votes"], rows,
                                    [width * 0.52, width * 0.2, width * 0.2, width * 0.08],
                                    right=(3,)))
        else:
            story.append(_para("None left open.", s["muted"]))
        return story

    def _speaking_table(self, title: str, rows: Sequence[SpeakingTime], total: float,
                        width: float) -> list[Flowable]:
        data = [[_para(row.label, self.styles["cell"]), str(row.turns),
                 _duration(row.planned), _duration(row.actual),
                 f"{100 * row.actual / total:.0f} %" if total else "—"] for row in rows]
        fixed = 20 * mm
        # Small tables: kept on one page with their heading.
        return [KeepTogether([
            _para(title, self.styles["h3"]),
            self._grid([title.split(" by ")[-1].capitalize(), "Turns", "Planned", "Actual",
                        "Share"], data, [width - 4 * fixed] + [fixed] * 4,
                       right=(1, 2, 3, 4))])]

    def _statistics(self, report: SessionReport, width: float) -> list[Flowable]:
        s = self.styles
        stats = report.statistics
        counts = report.counts
        story: list[Flowable] = [CondPageBreak(60 * mm), _para("Statistics", s["h2"])]
        story += self._speaking_table("Speaking time by constituency", stats.by_constituency,
                                      stats.actual_total, width)
        story += self._speaking_table("Speaking time by gender", stats.by_gender,
                                      stats.actual_total, width)
        rows = [["Received", counts.received], ["Answered", counts.answered],
                ["Approved, not answered", counts.approved_open],
                ["Not yet moderated", counts.pending], ["Not selected", counts.not_selected],
                ["Merged into another", counts.merged]]
        overtime = _duration(stats.overtime_total)
        story.append(KeepTogether([
            _para("Audience questions", s["h3"]),
            self._grid(["Questions", "Count"], rows, [width - 20 * mm, 20 * mm], right=(1,)),
            Spacer(1, 4),
            _para(f"{stats.spoken_turns} of {len(report.session.slots)} planned turns "
                  f"were taken; overtime in total {overtime}. {report.timing}", s["muted"]),
        ]))
        return story

    def _sdgs(self, report: SessionReport) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [_para("SDG tags", s["h2"])]
        if not report.sdgs:
            story.append(_para("No note was tagged with an SDG.", s["muted"]))
        for number, count in report.sdgs:
            story.append(_para(
                f"SDG {number}: {SDG_NAMES[number - 1]} — {count} "
                f"note{'s' if count != 1 else ''}", s["bullet"], bullet="•"))
        if report.session.themes:
            story.append(_para("Themes: " + ", ".join(report.session.themes),
                                   s["body"]))
        return story

    def _annex(self, report: SessionReport, width: float) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [CondPageBreak(50 * mm), _para("Annex: timeline", s["h2"])]
        if not report.timeline:
            story.append(_para("The session has not run yet.", s["muted"]))
            return story
        zone = event_zone(report.event.time_zone)
        caption = _zone_caption(report, report.timeline[0].at)
        story.append(_para(f"Times in {caption}.", s["muted"]))
        rows = [[_clock(entry.at, zone), _para(entry.text, s["cell"])]
                for entry in report.timeline]
        story.append(self._grid(["Time", "What happened"], rows, [22 * mm, width - 22 * mm]))
        return story


def _target(target: str | os.PathLike[str] | IO[bytes]) -> Any:
    return os.fspath(target) if isinstance(target, str | os.PathLike) else target
