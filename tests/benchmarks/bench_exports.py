"""The window while a session's file is written: the GUI thread's worst stall per export.

A session of ``--questions`` phones' questions (20,000) and a few notes: each of the Summary
tab's Save PDF, Print (to a PDF printer), Open PDF and Refresh preview, and each of
File › Export's per-session items, triggered as the moderator does (the file dialogs
answered at once), while a 10 ms precise timer on the GUI thread notes how late it fires.
*worst stall*: the longest the event loop was held beyond that timer's 10 ms, from the
trigger until the file is written; *done*: from the trigger until then.

``--before-src DIR`` runs the code in ``DIR`` (a ``src`` folder, e.g. from
``git archive``) and this code in turns, ``--rounds`` times each, on the same event file,
and puts the medians side by side.

    scripts/bench exports [--questions 20000] [--before-src /tmp/before/src] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import median, publish, table  # noqa: E402

EXPORTS = ("Summary tab: Save PDF", "Summary tab: Print", "Summary tab: Open PDF",
           "Summary tab: Refresh preview", "Export › Questions (.xlsx)",
           "Export › Questions (CSV)", "Export › Questions (JSON)",
           "Export › Notes (.xlsx)", "Export › Timing log (.xlsx)",
           "Export › Summary (Markdown)", "Export › Summary (Word)")


def make_event(folder: Path, count: int) -> tuple[Path, int]:
    """A copy of the built-in event whose first session holds ``count`` questions and a
    hundred notes."""
    from bench_moderation import fill

    from facilitator.core.notes import NoteKind
    from facilitator.store import EventFile
    from facilitator.store import notes as note_store
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions

    path = create_event_file(folder / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session_id = list_sessions(ef)[0].id
        fill(ef, session_id, count)
        kinds = list(NoteKind)
        for i in range(100):
            note_store.add_note(ef, session_id, f"Note {i}: cities and regions lead",
                                at=1.8e9 + i, kind=kinds[i % len(kinds)])
    return path, session_id


class _Probe:
    """How late a 10 ms precise timer fires on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer(interval=10)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.010)
        self.last = now

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return max(self.worst, 0.0)


def child(event: Path, session_id: int, out: Path) -> None:
    """One window on ``event``: every export once (after one warm-up), as JSON in ``out``."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication

    from facilitator.core.clock import FakeClock
    from facilitator.gui import summary_tab as summary_module
    from facilitator.gui.app import GIL_SWITCH_SECONDS
    from facilitator.gui.document import EventDocument
    from facilitator.gui.main_window import MainWindow
    from facilitator.store import EventFile

    app = QApplication.instance() or QApplication([])
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    document = EventDocument(EventFile.open(event), clock=FakeClock(1.9e9))
    window = MainWindow(document)
    window.resize(1280, 800)
    window.show()
    window.select_session(session_id)
    tab = window.tabs["Summary"]
    window.ui.tabs.setCurrentWidget(tab)
    pool = QThreadPool.globalInstance()
    folder = Path(tempfile.mkdtemp(prefix="bench-exports-out-"))
    opened: list[str] = []
    target: dict[str, Path] = {}

    def settle() -> None:
        while pool.activeThreadCount() or document.runner.busy:
            app.processEvents()
            time.sleep(0.001)
        for _ in range(5):
            app.processEvents()

    settle()  # the first preview
    summary_module.QDesktopServices.openUrl = lambda url: opened.append(url.toLocalFile())

    class AcceptingPrintDialog:
        DialogCode = QPrintDialog.DialogCode

        def __init__(self, printer, parent=None) -> None:
            printer.setOutputFormat(printer.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target["path"]))

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self):
            return QPrintDialog.DialogCode.Accepted

    summary_module.QPrintDialog = AcceptingPrintDialog
    summary_module.QFileDialog.getSaveFileName = staticmethod(
        lambda *a, **k: (str(target["path"]), "PDF (*.pdf)"))
    menu = window.export_menu
    menu.ask_path = lambda *a, **k: (str(target["path"]), "")

    def run(name: str) -> None:
        if name == "Summary tab: Save PDF":
            tab.save_action.trigger()
        elif name == "Summary tab: Print":
            tab.print_action.trigger()
        elif name == "Summary tab: Open PDF":
            tab.open_action.trigger()
        elif name == "Summary tab: Refresh preview":
            tab.refresh_button.click()
        elif name.startswith("Export › Summary (Word)"):
            menu.actions["actionExportSummaryWord"].trigger()
        elif name.startswith("Export › Summary"):
            menu.actions["actionExportSummary"].trigger()
        else:
            what = {"Questions": "Questions", "Notes": "Notes", "Timing log": "Timing"}[
                name.split("› ")[1].split(" (")[0]]
            menu.actions[f"actionExport{what}"].trigger()

    def suffix(name: str) -> str:
        for mark, ending in (("xlsx", ".xlsx"), ("CSV", ".csv"), ("JSON", ".json"),
                             ("Markdown", ".md"), ("Word", ".docx")):
            if mark in name:
                return ending
        return ".pdf"

    found: dict[str, dict[str, float]] = {}
    for turn in range(2):  # the first a warm-up (imports, fonts)
        for name in EXPORTS:
            target["path"] = folder / f"{turn}-{EXPORTS.index(name)}{suffix(name)}"
            opened.clear()
            probe = _Probe()
            probe.start()
            started = time.perf_counter()
            run(name)
            while True:
                app.processEvents()
                written = (bool(opened) if "Open PDF" in name else
                           True if "Refresh" in name else target["path"].exists())
                if written and not pool.activeThreadCount() and not document.runner.busy:
                    break
                time.sleep(0.001)
            done = time.perf_counter() - started
            stall = probe.stop()
            if turn:
                found[name] = {"stall_ms": stall * 1000, "done_s": done}
            settle()
    out.write_text(json.dumps(found))
    window.close()
    document.close()


def run_child(src: Path | None, event: Path, session_id: int, folder: Path) -> dict:
    out = folder / f"result-{time.monotonic_ns()}.json"
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    env["XDG_DATA_HOME"] = str(folder / "data")
    subprocess.run([sys.executable, __file__, "--child", str(event), str(session_id),
                    str(out)], check=True, env=env)
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=20000)
    parser.add_argument("--before-src", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]), Path(args.child[2]))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    event, session_id = make_event(folder, args.questions)
    before: list[dict] = []
    after: list[dict] = []
    for _ in range(args.rounds):
        if args.before_src:
            before.append(run_child(args.before_src, event, session_id, folder))
        after.append(run_child(None, event, session_id, folder))

    def medians(runs: list[dict], name: str, key: str) -> float:
        return median([run[name][key] for run in runs])

    rows = []
    for name in EXPORTS:
        row = [name]
        if before:
            row += [f"{medians(before, name, 'stall_ms'):.0f}",
                    f"{medians(before, name, 'done_s'):.2f}"]
        row += [f"{medians(after, name, 'stall_ms'):.0f}",
                f"{medians(after, name, 'done_s'):.2f}"]
        rows.append(row)
    header = ["export", "worst stall ms", "done s"]
    if before:
        header = ["export", "before: worst stall ms", "before: done s",
                  "after: worst stall ms", "after: done s"]
    body = (f"One session of {args.questions:,} questions and 100 notes, the main window "
            "offscreen with the Summary tab in front; each export triggered as the "
            "moderator does, its file dialog answered at once. *worst stall*: the longest "
            "a 10 ms timer on the GUI thread fired late, from the trigger until the file "
            "is written; *done*: until then. Medians of "
            f"{args.rounds} runs" + (", the code before (`--before-src`) and this code "
                                     "taking turns on the same file" if before else "")
            + ".\n\n" + table(header, rows))
    if args.no_write:
        print(body)
    else:
        publish("exports", "The window while a session's file is written", body)


if __name__ == "__main__":
    main()
