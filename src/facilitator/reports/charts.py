"""Bar charts for reports: speaking time by constituency and gender, planned against actual
per speaker, and poll results (``poll_chart``: counts in, a chart out).

Bars, axes and the numbers are reportlab graphics (a ``Drawing``); the labels are user text
(names, constituencies in any script) and print through ``UserText`` like every other
string. Colours are from the Okabe–Ito palette, told apart by colour-blind readers, and every
bar carries its number. ``chart_png`` renders the same chart as an image for Word and Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from facilitator.core.clock_text import format_duration
from facilitator.core.statistics import SpeakingTime
from facilitator.reports.engines import PDFIUM
from facilitator.reports.fonts import SANS, SANS_BOLD, not_counting_missing, register_fonts
from facilitator.reports.user_text import UserText

# Okabe & Ito (2008): blue and orange stay distinct in every common colour-vision deficiency.
BLUE = colors.HexColor("#0072B2")
ORANGE = colors.HexColor("#E69F00")
SERIES_COLOURS = (BLUE, ORANGE)
INK = colors.HexColor("#1b2a3a")
AXIS = colors.HexColor("#9aa5b1")

ROW_GAP = 5.0
BAR = 9.0
LABEL_SIZE = 8.0
TITLE_SIZE = 9.5
MAX_ROWS = 30  # a longer list keeps its 30 largest: a chart is read at a glance
SPEAKERS_PER_CHART = 20  # a long speakers' list is drawn as several charts, none over a page


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: one row per label, one bar per series in each row.

    ``kind`` says how values print: "duration" (seconds, shown m:ss) or "count".
    """

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (name, one value per label)
    kind: str = "duration"

    def value_text(self, value: float) -> str:
        return format_duration(value) if self.kind == "duration" else f"{value:g}"

    @property
    def empty(self) -> bool:
        return not self.labels or not any(any(values) for _, values in self.series)


def speaking_chart(title: str, rows: Sequence[SpeakingTime], actual: str) -> BarChart:
    """Actual speaking time per group (constituency, gender), largest first."""
    rows = list(rows)[:MAX_ROWS]
    return BarChart(title, tuple(r.label for r in rows),
                    ((actual, tuple(r.actual for r in rows)),))


def planned_actual_charts(title: str, rows: Sequence[SpeakingTime], planned: str,
                          actual: str) -> list[BarChart]:
    """Planned against actual time per speaker, in the order given: one chart per 20
    speakers, titled "… (2/3)" when there are several."""
    rows = list(rows)
    parts = [rows[i:i + SPEAKERS_PER_CHART] for i in range(0, len(rows), SPEAKERS_PER_CHART)]
    return [BarChart(title if len(parts) == 1 else f"{title} ({n}/{len(parts)})",
                     tuple(r.label for r in part),
                     ((planned, tuple(r.planned for r in part)),
                      (actual, tuple(r.actual for r in part))))
            for n, part in enumerate(parts, 1)]


def poll_chart(title: str, counts: Sequence[tuple[str, int]], answers: str) -> BarChart:
    """A poll's results: (option, how many chose it) in the poll's order."""
    return BarChart(title, tuple(option for option, _ in counts),
                    ((answers, tuple(float(n) for _, n in counts)),), kind="count")


class ChartFlowable(Flowable):
    """A ``BarChart`` in a report, ``width`` points wide; mirrored for right-to-left."""

    def __init__(self, chart: BarChart, *, rtl: bool = False) -> None:
        super().__init__()
        self.chart = chart
        self.rtl = rtl
        self._label = ParagraphStyle("chart-label", fontName=SANS, fontSize=LABEL_SIZE,
                                     leading=BAR + 1, textColor=INK,
                                     alignment=TA_RIGHT if not rtl else 0)
        self._title = ParagraphStyle("chart-title", fontName=SANS_BOLD, fontSize=TITLE_SIZE,
                                     leading=TITLE_SIZE * 1.3, textColor=INK)
        self._legend = ParagraphStyle("chart-legend", parent=self._label, alignment=0)

    def _row_height(self) -> float:
        return len(self.chart.series) * BAR + ROW_GAP

    def _head_height(self) -> float:
        return TITLE_SIZE * 1.3 + (BAR + 4 if len(self.chart.series) > 1 else 0) + 4

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._head_height() + len(self.chart.labels) * self._row_height() + 2
        return self.width, self.height

    def _x(self, x: float, w: float = 0.0) -> float:
        """A left edge in the unmirrored layout, mirrored for right-to-left."""
        return self.width - x - w if self.rtl else x

    def draw(self) -> None:
        canvas = self.canv
        chart = self.chart
        label_width = self.width * 0.3
        number_room = 34.0
        bars_left = label_width + 6
        bars_width = max(self.width - bars_left - number_room, 10.0)
        top = self.height
        with not_counting_missing():  # the same words print in the tables beside
            title = UserText(chart.title, self._title, max_lines=1)
            _, used = title.wrap(self.width, TITLE_SIZE * 2)
            title.drawOn(canvas, 0, top - used)
        top -= TITLE_SIZE * 1.3 + 4
        drawing = Drawing(self.width, self.height)
        if len(chart.series) > 1:
            x = 0.0
            for (name, _), colour in zip(chart.series, SERIES_COLOURS, strict=False):
                drawing.add(Rect(self._x(x, BAR), top - BAR, BAR, BAR, fillColor=colour,
                                 strokeColor=None))
                with not_counting_missing():
                    legend = UserText(name, self._legend, max_lines=1)
                    legend.wrap(90, BAR + 2)
                    legend.drawOn(canvas, self._x(x + BAR + 3, 90), top - BAR - 1)
                x += BAR + 3 + 90
            top -= BAR + 4
        largest = max((v for _, values in chart.series for v in values), default=0) or 1
        drawing.add(Line(self._x(bars_left), top, self._x(bars_left),
                         top - len(chart.labels) * self._row_height(), strokeColor=AXIS,
                         strokeWidth=0.6))
        for row, label in enumerate(chart.labels):
            row_top = top - row * self._row_height() - ROW_GAP / 2
            with not_counting_missing():
                text = UserText(label, self._label, max_lines=1)
                text.wrap(label_width, BAR * 2)
                middle = row_top - len(chart.series) * BAR / 2
                text.drawOn(canvas, self._x(0, label_width), middle - (BAR + 1) / 2 + 0.5)
            for index, ((_, values), colour) in enumerate(
                    zip(chart.series, SERIES_COLOURS, strict=False)):
                value = values[row]
                length = bars_width * value / largest
                y = row_top - (index + 1) * BAR
                drawing.add(Rect(self._x(bars_left, length), y + 0.5, length, BAR - 1,
                                 fillColor=colour, strokeColor=None))
                number = chart.value_text(value)
                anchor = "end" if self.rtl else "start"
                drawing.add(String(self._x(bars_left + length + 3), y + 2, number,
                                   fontName=SANS, fontSize=LABEL_SIZE - 0.5, fillColor=INK,
                                   textAnchor=anchor))
        renderPDF.draw(drawing, canvas, 0, 0)


def chart_png(chart: BarChart, width: float = 460.0, *, rtl: bool = False,
              scale: float = 2.0) -> bytes:
    """The chart as a PNG image, ``width`` points wide at ``scale`` pixels per point."""
    import pypdfium2

    register_fonts()  # reportlab's shared font tables are guarded there (fonts.py)
    flowable = ChartFlowable(chart, rtl=rtl)
    _, height = flowable.wrap(width, 10_000)
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=(width + 8, height + 8))
    flowable.drawOn(canvas, 4, 4)
    canvas.save()
    with PDFIUM:  # ... or rendering its pages: two threads in PDFium crash the process
        document = pypdfium2.PdfDocument(pdf.getvalue())
        try:
            image = document[0].render(scale=scale).to_pil()
        finally:
            document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
