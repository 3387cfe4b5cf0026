"""PDF pages as images (PDFium through pypdfium2) for the preview and for printing.

Printing draws the very pages that were previewed and saved, so paper and file match.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from facilitator.reports.engines import PDFIUM

# PDFium serves one thread at a time (PDFIUM): the Summary tab's preview and its printed
# pages render on workers (gui/summary_preview.py, summary_tab.py) while a chart may be
# rendered on the GUI thread (the statistics dialog).


def page_images(pdf_path: str | Path, dpi: float = 96.0) -> list[QImage]:
    """Every page of the PDF rendered at ``dpi``, as QImages that own their pixels (any
    thread)."""
    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf_path))
        try:
            return [_render(document[index], dpi) for index in range(len(document))]
        finally:
            document.close()


def _render(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72.0, force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA)
    # BGRA bytes are QImage's ARGB32 on little-endian machines; copy() detaches the image
    # from PDFium's buffer, which is freed with the bitmap.
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_ARGB32).copy()
    page.close()
    return image


# Rows of a printed page painted at once. Qt's PDF engine (a printer's too: CUPS gets a
# PDF) compresses each image it is given while holding Python's GIL: a whole 300 dpi page
# held every other thread — the window — 0.3–0.4 s; a strip holds it some 20 ms.
STRIP_ROWS = 256


def print_pdf(pdf_path: str | Path, printer: QPrinter) -> int:
    """Print each page of the PDF on ``printer``, fitted to the paper; returns pages sent.

    Any thread (the Summary tab prints on a worker: Qt paints on a QPrinter from any one
    thread at a time, and nothing else touches this printer meanwhile). PDFium is held
    only while it reads the file and renders a page, not while the page is painted."""
    with PDFIUM:
        document = pdfium.PdfDocument(str(pdf_path))
        count = len(document)
    try:
        return _print(document, count, printer)
    finally:
        with PDFIUM:
            document.close()


def _paint_in_strips(painter: QPainter, image: QImage, scale: float) -> None:
    """``image`` at ``scale`` from the painter's origin, ``STRIP_ROWS`` rows at a time;
    each strip overlaps the next by one row, so no hairline of paper shows between them
    wherever the printer's pixels fall."""
    width, height = image.width(), image.height()
    for top in range(0, height, STRIP_ROWS):
        rows = min(STRIP_ROWS + 1, height - top)
        painter.drawImage(QRectF(0, top * scale, width * scale, rows * scale),
                          image.copy(0, top, width, rows))


def _print(document: pdfium.PdfDocument, count: int, printer: QPrinter) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("SummaryTab",
                                                 "the printer could not start printing"))
    try:
        dpi = min(300.0, float(printer.resolution()))
        for index in range(count):
            if index:
                printer.newPage()
            with PDFIUM:
                page = document[index]
                bitmap = page.render(scale=dpi / 72.0,
                                     force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA)
                page.close()
            try:
                # A view of PDFium's pixels, not a copy: copying a 300 dpi page (35 MB, twice
                # in _render) held the GIL ~0.1 s; each strip is copied out as it is
                # painted. Opaque (RGB32: rendered on white): no soft mask to make.
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGB32)
                target = QRectF(painter.viewport())
                size = image.size().toSizeF().scaled(target.size(),
                                                     Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(0, 0, int(target.width()), int(target.height()))
                painter.setWindow(0, 0, int(target.width()), int(target.height()))
                _paint_in_strips(painter, image, size.width() / image.width())
                del image
            finally:
                with PDFIUM:
                    bitmap.close()
        return count
    finally:
        painter.end()
