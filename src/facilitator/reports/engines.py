"""reportlab and PDFium each serve one thread at a time in a process.

reportlab keeps its fonts and caches per process, PDFium is not thread-safe: the Summary
tab makes its preview on a worker while the GUI thread may save, print or draw a chart
(the statistics dialog draws its bars with reportlab and renders them with PDFium). Two
threads inside PDFium at once crashed the process (a test run: the preview's page render
on the worker, the statistics chart's on the GUI thread). Whoever uses either holds its
lock; never one inside the other's, in the order REPORTLAB then PDFIUM if ever both.
"""

from __future__ import annotations

import threading

REPORTLAB = threading.Lock()
PDFIUM = threading.Lock()
