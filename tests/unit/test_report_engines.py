"""reportlab and PDFium serve one thread at a time (reports/engines.py): a chart drawn on
the GUI thread (the statistics dialog) waits while the Summary tab's preview worker is in
PDFium. Two threads in PDFium at once crashed a test run (segmentation fault)."""

from __future__ import annotations

import threading

from facilitator.reports import engines
from facilitator.reports.charts import chart_png, poll_chart


def test_a_chart_waits_while_another_thread_is_in_pdfium_or_reportlab() -> None:
    chart = poll_chart("Which first?", [("Housing", 12), ("Transport", 5)], "Answers")
    for lock in (engines.PDFIUM, engines.REPORTLAB):
        made: list[bytes] = []
        with lock:  # as the preview worker holds it while it writes or renders
            drawing = threading.Thread(target=lambda into=made: into.append(chart_png(chart)))
            drawing.start()
            drawing.join(0.5)
            assert drawing.is_alive() and made == []
        drawing.join(10)
        assert made and made[0].startswith(b"\x89PNG")
