"""Agenda import at scale: 16,000 speaking slots from JSON, CSV and .xlsx.

A big forum's whole programme, every speaker a different person (the worst case for finding
people again). Times are the median of ``--runs``, each import into a fresh event file:
the file read and parsed, then the whole import committed as one action. Then the same
import from the window (File › Import agenda…, offscreen): on the runner's worker, the
status bar's bar taking each step, a 10 ms timer of the window's counting how late it got.

    scripts/bench agenda [--slots 16000] [--sessions 40] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import median, publish, table  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The same benchmark on the code before issue 11.6 (commit 7c25537), same machine, one run:
# the JSON decoder counted lines from the top of the file for every object, and every CSV
# row listed all sessions and every slot scanned the unindexed people table.
BEFORE = ("Before (commit 7c25537, two single runs on this machine under other load): json "
          "18.9 s and 19.6 s, csv 23.5 s and 18.7 s, csv (Excel, French) refused with "
          "\"missing columns\", xlsx refused (\"agenda files end in .json or .csv\").")


def agenda(slots: int, sessions: int) -> dict:
    per_session = slots // sessions
    return {
        "format": "facilitator-agenda",
        "version": 1,
        "event": {"title": "Benchmark forum"},
        "sessions": [
            {"title": f"Session {s + 1}",
             "slots": [{"name": f"Speaker {s}-{i}", "role": "Mayor",
                        "organisation": f"City {s * per_session + i}",
                        "kind": "panellist", "planned_minutes": 5}
                       for i in range(per_session)]}
            for s in range(sessions)
        ],
    }


def write_files(folder: Path, data: dict) -> dict[str, Path]:
    json_path = folder / "agenda.json"
    json_path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    rows = [["session", "order", "kind", "name", "role", "organisation", "planned_minutes"]]
    for session in data["sessions"]:
        for order, slot in enumerate(session["slots"], 1):
            rows.append([session["title"], order, slot["kind"], slot["name"], slot["role"],
                         slot["organisation"], "7,5"])
    plain_path = folder / "agenda.csv"
    with plain_path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([cell.replace(",", ".") if isinstance(cell, str) else cell
                                      for cell in row] for row in rows)
    excel_path = folder / "agenda-excel-fr.csv"
    with excel_path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    paths = {"json": json_path, "csv": plain_path, "csv (Excel, French)": excel_path}
    try:
        from openpyxl import Workbook
    except ImportError:  # the baseline (before .xlsx import) has no openpyxl
        return paths
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Agenda")
    for row in rows:
        sheet.append([7.5 if cell == "7,5" else cell for cell in row])
    xlsx_path = folder / "agenda.xlsx"
    book.save(xlsx_path)
    paths["xlsx"] = xlsx_path
    return paths


def import_once(folder: Path, skeleton: dict, path: Path) -> float:
    from facilitator.core.agenda import parse_agenda_json
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import apply_agenda, create_event_file, import_agenda

    event_path = create_event_file(folder / f"event-{time.monotonic_ns()}.db", None)
    with EventFile.open(event_path) as ef:
        if path.suffix != ".json":  # slot files name sessions that must exist
            apply_agenda(ef, parse_agenda_json(json.dumps(skeleton)))
        started = time.perf_counter()
        import_agenda(ef, path)
        elapsed = time.perf_counter() - started
    return elapsed


def import_in_window(folder: Path, skeleton: dict, path: Path) -> tuple[float, float, float]:
    """(seconds, first step the window heard in seconds, longest wait of its 10 ms timer in
    seconds) of one import from the window, through its runner, as File › Import does."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.actions import sessions
    from facilitator.core.agenda import parse_agenda_json
    from facilitator.core.clock import FakeClock
    from facilitator.gui.app import GIL_SWITCH_SECONDS
    from facilitator.gui.document import EventDocument
    from facilitator.gui.main_window import MainWindow
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import apply_agenda, create_event_file

    app = QApplication.instance() or QApplication([])
    sys.setswitchinterval(GIL_SWITCH_SECONDS)  # the GIL shared as the app shares it
    event_path = create_event_file(folder / f"event-{time.monotonic_ns()}.db", None)
    if path.suffix != ".json":  # slot files name sessions that must exist
        with EventFile.open(event_path) as ef:
            apply_agenda(ef, parse_agenda_json(json.dumps(skeleton)))
    document = EventDocument(EventFile.open(event_path), clock=FakeClock(1.9e9))
    window = MainWindow(document)
    window.show()
    window.repaint()
    app.processEvents()
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heard: list[float] = []
    document.runner.progress_did_change.connect(lambda *_: heard.append(time.perf_counter()))
    finished = QEventLoop()
    document.runner.busy_did_change.connect(lambda busy: busy or finished.quit())
    timer.start()
    started = time.perf_counter()
    document.runner.run(sessions.import_agenda(path), window)
    finished.exec()
    took = time.perf_counter() - started
    timer.stop()
    window.close()
    document.close()
    waits = [b - a for a, b in zip([started, *ticks], [*ticks, started + took], strict=False)]
    return took, heard[0] - started, max(waits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--slots", type=int, default=16000)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    data = agenda(args.slots, args.sessions)
    skeleton = {"sessions": [{"title": s["title"]} for s in data["sessions"]]}
    rows = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        for kind, path in write_files(folder, data).items():
            size = path.stat().st_size / 2**20
            try:
                times = [import_once(folder, skeleton, path) for _ in range(args.runs)]
            except ValueError as error:  # AgendaError: a dialect this version refuses
                rows.append([kind, f"{size:.1f} MB", f"refused ({error})", "", "", ""])
                continue
            windowed = [import_in_window(folder, skeleton, path) for _ in range(args.runs)]
            rows.append([kind, f"{size:.1f} MB", f"{median(times):.2f} s",
                         f"{median([w[0] for w in windowed]):.2f} s",
                         f"{median([w[1] for w in windowed]) * 1000:.0f} ms",
                         f"{max(w[2] for w in windowed) * 1000:.0f} ms"])
            print(kind, [f"{t:.2f}" for t in times],
                  [" ".join(f"{x:.3f}" for x in w) for w in windowed], file=sys.stderr)
    body = (f"{args.slots:,} speaking slots in {args.sessions} sessions, every speaker a "
            f"different person; median of {args.runs} imports, each into a fresh event file "
            "(read, parse, commit as one action). *csv*: commas, decimal points; *csv (Excel, "
            "French)*: Excel's \"CSV UTF-8\" in a French locale, `;`, a BOM, CRLF and decimal "
            "commas.\n\n"
            + "*In the window*: the same import from the window, on its worker, the status "
            "bar taking each step; *first step*: when the window first heard how far it had "
            "got; *timer late*: the longest wait of the window's 10 ms timer in all runs "
            "(target: imports under 2 s, in the background, with progress shown).\n\n"
            + table(["file", "size", "import", "in the window", "first step", "timer late"],
                    rows)
            + "\n\n" + BEFORE)
    if args.no_write:
        print(body)
    else:
        publish("agenda", "Agenda import", body)


if __name__ == "__main__":
    main()
