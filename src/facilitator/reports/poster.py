"""A printable A4 poster with the session's QR code, short code and address."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from facilitator.reports.fonts import (
    SANS,
    SANS_BOLD,
    MissingCharacters,
    collecting_missing,
    not_counting_missing,
    register_fonts,
)
from facilitator.reports.text_layout import Line
from facilitator.reports.user_text import UserText, draw_line, layout
from facilitator.reports.whole_file import write_whole

QUIET_ZONE = 4  # modules of white around the code, as scanners expect


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without the quiet zone."""
    import qrcode

    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


@dataclass(frozen=True)
class _Block:
    """Text fitted to the poster: its lines, at which size, and whether it was shortened."""
    lines: list[Line]
    size: float
    shortened: bool


def _fit(text: str, *, bold: bool, sizes: range, max_lines: int, width: float) -> _Block:
    """The largest size at which ``text`` fits in ``max_lines``; shortened at the smallest."""
    for size in sizes:
        lines, shortened = layout(text, size, width, bold=bold, max_lines=max_lines)
        if not shortened:
            return _Block(lines, size, False)
    return _Block(lines, size, True)


def _draw_block(canvas: Canvas, block: _Block, y: float, width: float, margin: float) -> float:
    """Draw the block's lines centred below ``y``; returns the last baseline."""
    for line in block.lines:
        y -= block.size * 1.25
        draw_line(canvas, line, margin, y, width, block.size, align="center")
    return y


def _centred(canvas: Canvas, text: str, y: float, size: float, width: float, margin: float,
             bold: bool = False) -> None:
    """One line of text, in a smaller size if it is wider than the poster."""
    line = layout(text, size, 1e6, bold=bold)[0][0]
    natural = line.width * size / 1000
    if natural > width:
        size = size * width / natural
    draw_line(canvas, line, margin, y, width, size, align="center")


def write_poster(path: str | os.PathLike[str], *, title: str, url: str, short_code: str,
                 event_title: str = "") -> MissingCharacters:
    """Write the poster PDF (through a temporary file: never half a poster).

    Titles print in any script the shipped fonts have, shrunk to fit; one too long even at
    the smallest size is shortened with "…" and printed whole on a second page. Returns the
    characters that no shipped font prints (they show as U+FFFD). Raises EventFileError
    when ``path`` is an event file (nothing is written) or cannot be written. Any thread.
    """
    register_fonts()

    def write(partial: Path) -> MissingCharacters:
        # Noto Sans from the first operator: Helvetica (the default) would be listed.
        canvas = Canvas(str(partial), pagesize=A4, initialFontName=SANS)
        canvas.setTitle(f"Questions — {title}")
        canvas.setAuthor("facilitator")
        with collecting_missing() as missing:
            _draw_poster(canvas, title=title, url=url, short_code=short_code,
                         event_title=event_title)
        canvas.save()
        return missing

    return write_whole(Path(path), write)


def _draw_poster(canvas: Canvas, *, title: str, url: str, short_code: str,
                 event_title: str) -> None:
    width, height = A4
    margin = 18 * mm
    usable = width - 2 * margin

    y = height - margin
    event = _fit(event_title, bold=False, sizes=range(13, 9, -1), max_lines=2, width=usable)
    if event_title:
        y = _draw_block(canvas, event, y, usable, margin) - 6
    heading = _fit(title, bold=True, sizes=range(22, 13, -2), max_lines=4, width=usable)
    y = _draw_block(canvas, heading, y, usable, margin)
    y -= 36
    _centred(canvas, "Ask your question · Posez votre question", y, 28, usable, margin,
             bold=True)
    y -= 32
    _centred(canvas, "Haga su pregunta", y, 28, usable, margin, bold=True)

    matrix = qr_matrix(url)
    modules = len(matrix) + 2 * QUIET_ZONE
    side = min(usable, y - margin - 70 * mm)
    unit = side / modules
    left = (width - side) / 2
    top = y - 10 * mm
    canvas.setFillColor(white)
    canvas.rect(left, top - side, side, side, stroke=0, fill=1)
    canvas.setFillColor(black)
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                # A hair of overlap so viewers never draw white seams between modules.
                canvas.rect(left + (column + QUIET_ZONE) * unit,
                            top - (row + QUIET_ZONE + 1) * unit,
                            unit + 0.2, unit + 0.2, stroke=0, fill=1)
    y = top - side - 14 * mm
    _centred(canvas, "Scan with your phone's camera, or open", y, 15, usable, margin)
    y -= 12 * mm
    _centred(canvas, url, y, 22, usable, margin, bold=True)
    y -= 14 * mm
    root = url.split("/j/")[0] + "/"
    _centred(canvas, f"or go to {root} and type the code", y, 15, usable, margin)
    y -= 18 * mm
    _centred(canvas, " ".join((short_code[:3], short_code[3:])), y, 44, usable, margin,
             bold=True)
    footer = "Venue Wi-Fi only · no app, no account · facilitator"
    if heading.shortened or event.shortened:
        footer = "The full title is on the next page · " + footer
    _centred(canvas, footer, margin / 2, 10, usable, margin)
    canvas.showPage()
    if heading.shortened or event.shortened:
        _draw_full_titles(canvas, event_title if event.shortened else "",
                          title if heading.shortened else "", usable, margin)


def _draw_full_titles(canvas: Canvas, event_title: str, title: str, usable: float,
                      margin: float) -> None:
    """An annex page with the titles the poster had to shorten, whole, over as many pages
    as they need."""
    width, height = A4
    with not_counting_missing():  # counted on the poster page already
        blocks = [UserText(text, ParagraphStyle(
            "annex", fontName=SANS_BOLD if bold else SANS, fontSize=14, leading=19,
            spaceAfter=12)) for text, bold in ((event_title, False), (title, True)) if text]
    y = height - margin
    for block in blocks:
        pending: UserText | None = block
        while pending is not None:
            _, needed = pending.wrap(usable, y - margin)
            if needed <= y - margin:
                pending.drawOn(canvas, margin, y - needed)
                y -= needed + block.style.spaceAfter
                pending = None
                continue
            parts = pending.split(usable, y - margin)
            if len(parts) == 2:
                _, used = parts[0].wrap(usable, y - margin)
                parts[0].drawOn(canvas, margin, y - used)
                pending = parts[1]
            canvas.showPage()
            y = height - margin
    canvas.showPage()
