"""Summary PDF: a large session and the whole-assembly report, seconds and pages per second.

The large session is tests/unit/report_fixtures.large_session (40 speakers, 300 notes, 500
questions). The assembly report holds every session of the World Assembly sample plus that
large session and the international one. Times include reading the data (as the Summary
tab and ``facilitator report`` do) and writing the file; medians of ``--runs``.

    scripts/bench pdf [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "unit"))

from machine import median, publish, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    import pypdf
    from report_fixtures import T0, international_session, large_session

    from facilitator.reports.session_report import load_session_report
    from facilitator.reports.summary_pdf import SummaryReport
    from facilitator.store import EventFile
    from facilitator.store import sessions as session_store
    from facilitator.store.agenda_io import create_event_file

    folder = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    ef = EventFile.open(create_event_file(folder / "event.db", "walrg"))
    large = large_session(ef)
    international_session(ef)

    def session_pdf(target: Path) -> None:
        report = load_session_report(ef, large, now=T0 + 100_000)
        SummaryReport("A4").write_session(report, target)

    def assembly_pdf(target: Path) -> None:
        reports = [load_session_report(ef, s.id, now=T0 + 100_000)
                   for s in session_store.list_sessions(ef)]
        SummaryReport("A4").write_assembly(session_store.get_event(ef), reports, target)

    rows, large_seconds = [], None
    for name, write in (("large session (40 speakers, 300 notes, 500 questions)", session_pdf),
                        (f"whole assembly ({len(session_store.list_sessions(ef))} sessions)",
                         assembly_pdf)):
        target = folder / "out.pdf"
        write(target)  # warm-up: fonts registered, modules imported (not counted)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            write(target)
            times.append(time.perf_counter() - started)
        pages = len(pypdf.PdfReader(target).pages)
        seconds = median(times)
        large_seconds = large_seconds if large_seconds is not None else seconds
        rows.append([name, pages, f"{seconds:.2f}", f"{min(times):.2f}",
                     f"{pages / seconds:.0f}", f"{target.stat().st_size / 1024:.0f}"])
    ef.close()
    body = (f"Median of {args.runs} runs after one warm-up, reading the event file included.\n\n"
            + table(["report", "pages", "median s", "min s", "pages/s", "KiB"], rows)
            + f"\n\nLarge session: {large_seconds:.2f} s (target: under 2 s) — "
            + ("met." if large_seconds < 2 else "missed."))
    if args.no_write:
        print(body)
    else:
        publish("pdf", "Summary PDF", body)


if __name__ == "__main__":
    main()
