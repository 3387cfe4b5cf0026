"""A session's files are written on a worker: with 20,000 questions in the session, the
window's clock keeps ticking and its keys keep working while Save PDF, Print, Open PDF and
File › Export's items write, the file comes out whole and reads back, and a folder that
cannot be written is said in one line, in the interface's language, leaving nothing.

Baseline (each written on the GUI thread, `scripts/bench exports`): the window stood still
0.2–0.4 s for a summary PDF, ~1.2 s for the questions as .xlsx, seconds for Print.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from facilitator.gui import summary_tab as summary_module
from facilitator.gui.main_window import MainWindow
from facilitator.store import sessions as session_store

QUESTIONS = 20_000
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture
def window(qtbot, document):
    session = session_store.list_sessions(document.file)[0]
    at = document.clock.now() - 3600
    # The phones' questions as the server stores them, in one go (tests own their data).
    with document.file.db.atomic():
        document.file.db.conn.executemany(
            "INSERT INTO questions (session_id, text, author, status, votes, created_at, "
            "updated_at) VALUES (?, ?, ?, 'approved', ?, ?, ?)",
            [(session.id, f"Question {n}: how will cities finance housing in Łódź?",
              f"Person {n % 300}", n % 97, at + n * 0.1, at + n * 0.1)
             for n in range(QUESTIONS)])
    main = MainWindow(document)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.select_session(session.id)
    tab = main.tabs["Summary"]
    main.ui.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bool(tab.page_labels), timeout=60_000)  # the first preview
    qtbot.waitUntil(lambda: not main.document.runner.busy, timeout=60_000)
    return main


class Watch:
    """The window's clock (a 10 ms timer) and a key typed into a text box, meanwhile."""

    def __init__(self, qtbot) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.box = QLineEdit()
        qtbot.addWidget(self.box)
        self.box.show()

    def start(self) -> None:
        self.started = time.perf_counter()
        self.timer.start()

    def type_key(self) -> None:
        """A key as the keyboard sends it: queued, handled when the event loop is free."""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(self.box, QKeyEvent(kind, Qt.Key.Key_A,
                                                       Qt.KeyboardModifier.NoModifier, "a"))

    def worst_stall(self, until: float) -> float:
        times = [self.started, *self.ticks, until]
        return max(b - a for a, b in zip(times, times[1:], strict=False))


def run_export(qtbot, window, name: str, target: Path) -> tuple[Callable[[], bool], Watch]:
    """Start ``name`` as the moderator does, its dialog answered with ``target``; returns
    (a test that it is done, the watch started with it)."""
    tab = window.tabs["Summary"]
    menu = window.export_menu
    menu.ask_path = lambda *args: (str(target), "")
    opened: list[str] = []
    printed: list[int] = []
    watch = Watch(qtbot)
    watch.start()
    if name == "save pdf":
        summary_module.QFileDialog.getSaveFileName = staticmethod(
            lambda *a, **k: (str(target), "PDF (*.pdf)"))
        tab.save_action.trigger()
    elif name == "print":
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        tab.did_print.connect(printed.append)
        assert tab.print_to(printer)  # what Print does once its dialog is accepted
    elif name == "open pdf":
        summary_module.QDesktopServices.openUrl = lambda url: opened.append(url.toLocalFile())
        tab.open_action.trigger()
    else:
        menu.actions[name].trigger()
    returned = time.perf_counter() - watch.started
    assert returned < 0.25, f"{name}: the action held the window {returned:.2f} s"
    watch.type_key()

    def done() -> bool:
        if window.document.runner.busy:
            return False
        if name == "open pdf":
            return bool(opened)
        if name == "print":
            return bool(printed)
        return target.exists()

    watch.opened = opened  # type: ignore[attr-defined]
    watch.printed = printed  # type: ignore[attr-defined]
    return done, watch


def pdf_pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def dark_share(path: Path) -> float:
    """The share of the first page's pixels that are ink, not paper."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        image = document[0].render(scale=0.5).to_pil().convert("L")
    finally:
        document.close()
    counts = image.histogram()
    return sum(counts[:128]) / sum(counts)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


EXPORTS = [("save pdf", ".pdf"), ("print", ".pdf"), ("open pdf", ".pdf"),
           ("actionExportQuestions", ".xlsx"), ("actionExportQuestions", ".csv"),
           ("actionExportSummary", ".md"), ("actionExportNotes", ".xlsx")]


@needs_poppler
@pytest.mark.parametrize("name, suffix", EXPORTS, ids=[f"{n}{s}" for n, s in EXPORTS])
def test_the_window_stays_live_while_a_big_sessions_file_is_written(
        qtbot, window, tmp_path, name, suffix) -> None:
    target = tmp_path / f"out{suffix}"
    done, watch = run_export(qtbot, window, name, target)
    qtbot.waitUntil(done, timeout=120_000)
    finished = time.perf_counter()
    wall = finished - watch.started
    watch.timer.stop()
    # The clock ticked all along and the key was typed before the file was written; the
    # longest the window stood still is a sliver of the export's time (baseline: all of
    # it, 0.2–1.4 s at 20,000 questions).
    assert len(watch.ticks) >= min(3, max(1, int(wall / 0.05))), (name, wall, watch.ticks)
    assert watch.box.text() == "a"
    # 0.3 s floor: a first export imports its writer (openpyxl, reportlab) on the worker,
    # which holds the GIL ~0.1 s on a quiet machine and measured 0.25 s at load 8.
    stall = watch.worst_stall(finished)
    assert stall < max(0.3, 0.5 * wall), (name, f"{stall:.3f} s of {wall:.3f} s")

    # Whole, and reads back.
    if name == "open pdf":
        target = Path(watch.opened[0])  # type: ignore[attr-defined]
    if name == "print":
        # The printer got the PDF's pages as pictures: as many, and not blank.
        made = window.tabs["Summary"].pdf_path
        assert pdf_pages(target) == pdf_pages(made) == watch.printed[0]  # type: ignore
        assert dark_share(target) > 0.005
        target = made
    if suffix == ".pdf":
        text = pdf_text(target)
        assert "Question" in text or "Key messages" in text
        assert window.tabs["Summary"].session.title.split()[0] in text
    elif suffix == ".xlsx":
        sheet = load_workbook(target, read_only=True).worksheets[0]
        rows = sheet.max_row - 1
        assert rows == (QUESTIONS if name == "actionExportQuestions" else 0)
    elif suffix == ".csv":
        with open(target, encoding="utf-8-sig", newline="") as read:
            assert sum(1 for _ in csv.reader(read)) == QUESTIONS + 1
    else:
        text = target.read_text("utf-8")
        assert f"# {window.tabs['Summary'].session.title}" in text
        assert text.endswith("## Way forward\n\n_None recorded._\n")
    assert not list(tmp_path.glob("*.partial"))


@pytest.fixture
def read_only_folder(tmp_path) -> Iterator[Path]:
    """A folder nobody may write in: a read-only tmpfs for root (who ignores chmod), a
    folder without write permission for anyone else."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs",
                              str(folder)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"root, and no read-only tmpfs here ({mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.mark.parametrize("language, said", [
    ("en", "Cannot write {path}: "),
    ("fr", "Impossible d’écrire {path} : "),
])
@pytest.mark.parametrize("name", ["save pdf", "actionExportQuestions"])
def test_a_folder_that_cannot_be_written_is_said_in_one_line(
        qtbot, window, read_only_folder, interface, language, said, name) -> None:
    target = read_only_folder / ("summary.pdf" if name == "save pdf" else "questions.xlsx")
    run_export(qtbot, window, name, target)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None,
                    timeout=120_000)
    box = window.findChild(QMessageBox, "errorMessage")
    text = box.text()
    assert "\n" not in text and "Traceback" not in text
    assert text.startswith(said.format(path=target))
    reason = text.removeprefix(said.format(path=target))
    # The system's words (EROFS for root's read-only disk, EACCES otherwise) in the
    # interface's language, never its English.
    folder = read_only_folder
    assert reason in ({"en": "the disk is read-only.",
                       "fr": "le disque est en lecture seule."},
                      {"en": f"you have no permission to write in the folder {folder}.",
                       "fr": f"vous n’avez pas le droit d’écrire dans le dossier {folder}."}
                      )[os.geteuid() != 0][language] and reason
    assert list(read_only_folder.iterdir()) == []
    qtbot.waitUntil(lambda: not window.document.runner.busy)
    assert not window.document.exports.writing(target)  # it may be asked for again
    box.close()


def test_a_file_being_written_is_not_started_twice(qtbot, window, tmp_path) -> None:
    target = tmp_path / "questions.xlsx"
    window.export_menu.ask_path = lambda *args: (str(target), "")
    started = []
    window.document.exports.export_did_start.connect(started.append)
    window.export_menu.actions["actionExportQuestions"].trigger()
    assert window.statusBar().currentMessage() == "Writing questions.xlsx…"
    window.export_menu.actions["actionExportQuestions"].trigger()  # again, at once
    assert window.statusBar().currentMessage() == (
        f"{target} is still being written: it is not started twice")
    assert started == ["Writing questions.xlsx…"]
    with qtbot.waitSignal(window.export_menu.did_export, timeout=120_000):
        pass
    assert window.statusBar().currentMessage() == f"Exported to {target}"
    assert load_workbook(target, read_only=True).worksheets[0].max_row == QUESTIONS + 1


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # the printer refusing
def test_a_printer_that_cannot_start_is_said_as_such(qtbot, window, tmp_path) -> None:
    tab = window.tabs["Summary"]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "printed.pdf"))
    with qtbot.waitSignal(tab.did_print, timeout=120_000) as printed:
        assert tab.print_to(printer)
        assert not tab.print_to(printer)  # asked again meanwhile: not started twice
    assert printed.args == [0]
    box = window.findChild(QMessageBox, "errorMessage")
    assert box.windowTitle() == "Could not print the summary"
    assert box.text() == "the printer could not start printing"
    box.close()
