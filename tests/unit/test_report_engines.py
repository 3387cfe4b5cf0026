"""PDFium serves one thread at a time (reports/engines.py): a chart rendered on the GUI
thread (the statistics dialog) waits while the Summary tab's preview worker is in PDFium.
Two threads in PDFium at once crashed a test run (segmentation fault). reportlab has no
such lock any more: tests/unit/test_pdfs_at_once.py."""

from __future__ import annotations

import threading

from facilitator.reports import engines
from facilitator.reports.charts import chart_png, poll_chart


def test_a_chart_waits_while_another_thread_is_in_pdfium() -> None:
    chart = poll_chart("Which first?", [("Housing", 12), ("Transport", 5)], "Answers")
    made: list[bytes] = []
    with engines.PDFIUM:  # as the preview worker holds it while it renders
        drawing = threading.Thread(target=lambda: made.append(chart_png(chart)))
        drawing.start()
        drawing.join(0.5)
        assert drawing.is_alive() and made == []
    drawing.join(10)
    assert made and made[0].startswith(b"\x89PNG")
