"""A printable A4 poster with the session's QR code, short code and address."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.colors import black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code, as scanners expect
FONT = "Helvetica"
BOLD = "Helvetica-Bold"


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), without the quiet zone."""
    import qrcode

    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """The largest font size up to ``size`` at which ``text`` fits in ``width``."""
    while size > 8 and canvas.stringWidth(text, font, size) > width:
        size -= 1
    return size


def _wrap(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if canvas.stringWidth(trial, font, size) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def write_poster(path: str | os.PathLike[str], *, title: str, url: str, short_code: str,
                 event_title: str = "") -> Path:
    """Write the poster PDF (through a temporary file: never half a poster)."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    width, height = A4
    margin = 18 * mm
    usable = width - 2 * margin
    canvas = Canvas(str(partial), pagesize=A4)
    canvas.setTitle(f"Questions — {title}")
    canvas.setAuthor("facilitator")

    y = height - margin
    if event_title:
        canvas.setFont(FONT, 13)
        for line in _wrap(canvas, event_title, FONT, 13, usable)[:2]:
            y -= 16
            canvas.drawCentredString(width / 2, y, line)
        y -= 6
    canvas.setFont(BOLD, 22)
    for line in _wrap(canvas, title, BOLD, 22, usable)[:3]:
        y -= 27
        canvas.drawCentredString(width / 2, y, line)
    y -= 30
    canvas.setFont(BOLD, 28)
    canvas.drawCentredString(width / 2, y, "Ask your question · Posez votre question")
    y -= 32
    canvas.drawCentredString(width / 2, y, "Haga su pregunta")

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
    canvas.setFont(FONT, 15)
    canvas.drawCentredString(width / 2, y, "Scan with your phone's camera, or open")
    y -= 12 * mm
    size = _fit(canvas, url, BOLD, 22, usable)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(width / 2, y, url)
    y -= 14 * mm
    root = url.split("/j/")[0] + "/"
    canvas.setFont(FONT, 15)
    canvas.drawCentredString(width / 2, y, f"or go to {root} and type the code")
    y -= 18 * mm
    canvas.setFont(BOLD, 44)
    canvas.drawCentredString(width / 2, y, " ".join((short_code[:3], short_code[3:])))
    canvas.setFont(FONT, 10)
    canvas.drawCentredString(width / 2, margin / 2,
                             "Venue Wi-Fi only · no app, no account · facilitator")
    canvas.showPage()
    try:
        canvas.save()
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return path
