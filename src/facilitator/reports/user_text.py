"""Text as people typed it, as a Platypus flowable and as lines drawn on a canvas.

``UserText`` replaces reportlab's ``Paragraph`` for everything the reports print: it takes
plain text (never markup: "<b>" prints as typed), prints every script the shipped fonts
have (``text_layout``), splits between lines across pages and table rows, and squeezes a
line that one huge glyph makes wider than the column. ``draw_lines`` does the same for the
poster's canvas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from facilitator.reports.fonts import SANS_BOLD
from facilitator.reports.shaping import ShapedRun
from facilitator.reports.text_layout import (
    Line,
    Paragraph,
    Piece,
    lay_out,
    paragraphs,
    shorten,
)

# Marks stacked higher than this (in font sizes) are clipped to the line's neighbourhood,
# so 10,000 combining marks on one letter cannot paint over the page.
_CLIP_RISE = 1.2


def layout(text: str, size: float, width: float, *, bold: bool = False,
           max_lines: int | None = None) -> tuple[list[Line], bool]:
    """Lines of ``text`` at ``size`` points within ``width`` points; True if shortened."""
    lines = lay_out(paragraphs(text, bold), _em(width, size))
    if max_lines is not None and len(lines) > max_lines:
        return shorten(lines, max_lines, _em(width, size)), True
    return lines, False


def _em(width: float, size: float) -> float:
    return max(width, 1.0) * 1000 / size


def draw_line(canvas: Canvas, line: Line, x: float, baseline: float, width: float,
              size: float, *, align: str = "start", color: Color | None = None) -> None:
    """Draw one line within [x, x + width]; align is "start", "center", "left" or "right"."""
    natural = line.width * size / 1000
    scale = min(1.0, width / natural) if natural > 0 else 1.0
    used = natural * scale
    if align == "center":
        left = x + (width - used) / 2
    elif align == "right" or (align == "start" and line.rtl):
        left = x + width - used
    else:
        left = x
    clipped = line.rise > _CLIP_RISE * 1000
    # The horizontal scale is graphics state: saved and restored, it ends with the line.
    own_state = clipped or scale < 1.0
    if own_state:
        canvas.saveState()
    if clipped:
        path = canvas.beginPath()
        path.rect(x - size, baseline - 1.5 * size, width + 2 * size, 3.5 * size)
        canvas.clipPath(path, stroke=0, fill=0)
    text = None
    for piece in _merged(line.visual()):
        if text is not None and not piece.shaped.faithful:
            canvas.drawText(text)  # the pieces before it stay outside its /ActualText
            text = None
        if text is None:
            text = canvas.beginText()
            if color is not None:
                text.setFillColor(color)
            if scale < 1.0:
                text.setHorizScale(scale * 100)
        text.setTextOrigin(left, baseline)
        text.setFont(piece.font, size)
        text.textOut(piece.shaped.glyphs)
        if not piece.shaped.faithful:
            # Shaped glyphs (joined Arabic, Indic conjuncts) do not map back to the typed
            # characters: /ActualText gives copy, search and screen readers the real text.
            canvas.addLiteral(f"/Span <</ActualText {_pdf_text(piece.text)}>> BDC")
            canvas.drawText(text)
            canvas.addLiteral("EMC")
            text = None
        left += piece.width * size / 1000 * scale
    if text is not None:
        canvas.drawText(text)
    if own_state:
        canvas.restoreState()


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring unshaped pieces of one font as one: one text operator, not one a word."""
    merged: list[Piece] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if (last is not None and last.font == piece.font and type(last.shaped.glyphs) is str
                and type(piece.shaped.glyphs) is str):
            glyphs = last.shaped.glyphs + piece.shaped.glyphs
            merged[-1] = Piece(last.text + piece.text, last.font, last.level, False,
                               ShapedRun(glyphs, last.width + piece.width, 0.0, True))
        else:
            merged.append(piece)
    return merged


def _pdf_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be", "surrogatepass").hex().upper() + ">"


def _align(style: ParagraphStyle) -> str:
    return {TA_CENTER: "center", TA_RIGHT: "right"}.get(style.alignment, "start")


class UserText(Flowable):
    """A paragraph of plain text in a report, in any script; splits between lines.

    ``style`` is a ParagraphStyle (font size, leading, colour, alignment, spacing, left
    indent; bold when its font is the bold face). ``max_lines`` shortens the text with "…"
    (``shortened`` tells whether it was: the caller then prints the whole text elsewhere).
    """

    def __init__(self, text: str, style: ParagraphStyle, *, bullet: str = "",
                 max_lines: int | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bullet
        self.max_lines = max_lines
        self.shortened = False
        self._paragraphs: list[Paragraph] = paragraphs(text, self._bold)
        self._lines: list[Line] | None = None  # set for the parts of a split
        self._laid_out: tuple[float, list[Line]] | None = None
        self._first: bool | None = None  # True / False: the first / second part of a split

    @property
    def _bold(self) -> bool:
        return self.style.fontName == SANS_BOLD

    def _indent(self) -> float:
        return float(self.style.leftIndent or 0)

    def lines(self, width: float) -> list[Line]:
        if self._lines is not None:
            return self._lines
        if self._laid_out is None or self._laid_out[0] != width:
            size = self.style.fontSize
            lines = lay_out(self._paragraphs, _em(width - self._indent(), size))
            if self.max_lines is not None and len(lines) > self.max_lines:
                lines = shorten(lines, self.max_lines, _em(width - self._indent(), size))
                self.shortened = True
            self._laid_out = (width, lines)
        return self._laid_out[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit <= 0:
            return []
        # Two parts even when every line fits: a table cell splitting its row expects two
        # (an empty second part draws nothing).
        return [self._part(lines[:fit], first=True), self._part(lines[fit:], first=False)]

    def _part(self, lines: Sequence[Line], *, first: bool) -> UserText:
        part = UserText.__new__(UserText)
        Flowable.__init__(part)
        part.text, part.style, part.max_lines = self.text, self.style, None
        part.bullet = self.bullet if first else ""
        part.shortened = self.shortened
        part._paragraphs, part._lines, part._laid_out = self._paragraphs, list(lines), None
        part._first = first
        return part

    def getSpaceBefore(self) -> float:
        return 0.0 if self._first is False else self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return 0.0 if self._first is True else self.style.spaceAfter

    def getPlainText(self) -> str:
        return self.text

    def draw(self) -> None:
        style = self.style
        size, leading = style.fontSize, style.leading
        lines = self.lines(self.width)
        indent = self._indent()
        # The first baseline sits as a Paragraph's would: the leading's extra space split
        # above and below the letters.
        baseline = self.height - (leading - size) / 2 - 0.8 * size
        for index, line in enumerate(lines):
            if index == 0 and self.bullet:
                bullet_x = float(style.bulletIndent or 0)
                room = max(indent - bullet_x, size)
                bullet = layout(self.bullet, size, room)[0][0]
                if line.rtl:
                    draw_line(self.canv, bullet, self.width - bullet_x - room, baseline, room,
                              size, align="right", color=style.textColor)
                else:
                    draw_line(self.canv, bullet, bullet_x, baseline, room, size,
                              color=style.textColor)
            left = 0.0 if line.rtl and self.bullet else indent
            draw_line(self.canv, line, left, baseline, self.width - indent, size,
                      align=_align(style), color=style.textColor)
            baseline -= leading

    def __repr__(self) -> str:
        return f"UserText({self.text[:30]!r}…)"


def cell(text: str, style: ParagraphStyle, **options: Any) -> list[Flowable]:
    """A table cell holding user text: a list, so a row taller than a page can split."""
    return [UserText(text, style, **options)]
