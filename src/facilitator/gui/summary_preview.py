"""The Summary tab's preview made on a worker: the report read on its own connection, the
PDF written (reportlab) and its pages rendered (PDFium) off the GUI thread, which took the
window ~0.5 s each time notes or phones' questions changed the summary.

Only the pages' pixels come back (QImages; the tab makes pixmaps of them on the GUI
thread). One preview at a time. A Save, Print or Open PDF is written on another worker
meanwhile (``summary_files.py``): reportlab writes several documents at once (only its
shared font tables are taken a step at a time, ``reports.fonts.FONT_TABLES``); PDFium
serves one thread at a time (``reports.engines.PDFIUM``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from facilitator.reports.session_report import load_session_report
from facilitator.store import EventFile


@dataclass(frozen=True)
class RenderedPreview:
    """A preview made on the worker: the PDF written, its pages, the characters no font
    had (``unprintable``)."""

    pdf: Path
    pages: list[QImage]
    unprintable: int


@dataclass(frozen=True)
class PreviewRequest:
    """What the preview shows: the session (read at ``now``), on ``page_size`` paper in
    ``language``, written to ``pdf``, rendered at ``dpi``."""

    event_path: Path
    session_id: int
    now: float
    page_size: str
    language: str
    pdf: Path
    dpi: float


def write_summary_pdf(report, page_size: str, language: str, pdf: Path) -> int:
    """Write the session's summary PDF to ``pdf`` (through a partial file, never half a
    PDF); returns how many characters no shipped font has. Any thread. Raises
    EventFileError when ``pdf`` is an event file (nothing is written) or cannot be
    written."""
    # reportlab loads on the first preview, not at start-up (100 ms of imports).
    from facilitator.reports.summary_pdf import write_session_pdf

    return write_session_pdf(report, pdf, page_size, language).count


class PreviewRenderer(QObject):
    """Makes previews on the thread pool; ``preview_did_render(generation, result)`` on the
    GUI thread, ``result`` a RenderedPreview or the exception that stopped it."""

    preview_did_render = Signal(int, object)

    def render(self, request: PreviewRequest, generation: int) -> None:
        QThreadPool.globalInstance().start(_Render(self, request, generation))


class _Render(QRunnable):
    def __init__(self, renderer: PreviewRenderer, request: PreviewRequest,
                 generation: int) -> None:
        super().__init__()
        self.renderer, self.request, self.generation = renderer, request, generation

    def run(self) -> None:
        from facilitator.gui import pdf_pages

        request = self.request
        result: RenderedPreview | BaseException
        try:
            with EventFile.open(request.event_path, lock=False, read_only=True) as connection:
                report = load_session_report(connection, request.session_id, request.now)
            unprintable = write_summary_pdf(report, request.page_size, request.language,
                                            request.pdf)
            result = RenderedPreview(request.pdf,
                                     pdf_pages.page_images(request.pdf, request.dpi),
                                     unprintable)
        except Exception as error:  # the tab says why (as for a preview made at once)
            result = error
        try:
            self.renderer.preview_did_render.emit(self.generation, result)  # queued
        except RuntimeError:
            pass  # the tab is gone (the window closed meanwhile)
