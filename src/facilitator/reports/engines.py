"""PDFium serves one thread at a time in a process.

PDFium is not thread-safe: the Summary tab renders its preview and printed pages on
workers while the statistics dialog may render a chart on the GUI thread. Two threads
inside PDFium at once crashed the process (a test run: the preview's page render on the
worker, the statistics chart's on the GUI thread). Whoever calls PDFium holds ``PDFIUM``,
and only while in it.

reportlab has no such lock: each thread writes its own document, and only the few steps
that touch reportlab's shared font tables are taken one at a time (``fonts.FONT_TABLES``),
so PDFs are written on several threads at once (a session's PDF beside a whole-event
report). Never take ``FONT_TABLES`` inside ``PDFIUM``.
"""

from __future__ import annotations

import threading

PDFIUM = threading.Lock()
