"""File › Export: every export the command line has, from the app.

The agenda, then the selected session's questions, notes and timing log (Excel workbook,
CSV for spreadsheets, or JSON), its summary as Markdown, and the whole-event report (PDF).
Files are written whole or not at all; failures become a message, never a traceback.
The event file's own connection does the work on the GUI thread (exports of a session take
milliseconds; a second connection to the file is what DESIGN.md asks us to avoid).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMenu, QWidget

from facilitator.gui.agenda_model import SessionIdRole
from facilitator.gui.core_text import unprintable_note
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.store import sessions as store

SUFFIXES = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json"}


def format_filters() -> dict[str, str]:
    """File-dialog filter per format, in the user's language."""
    return {"xlsx": QCoreApplication.translate("ExportMenu", "Excel workbook (*.xlsx)"),
            "csv": QCoreApplication.translate("ExportMenu",
                                              "CSV for spreadsheets, UTF-8 (*.csv)"),
            "json": QCoreApplication.translate("ExportMenu", "JSON (*.json)")}


def file_stem(title: str) -> str:
    """A file name from a title: letters, digits, dots and dashes."""
    return re.sub(r"[^\w.-]+", "-", title)[:60].strip("-") or "export"


def chosen_format(path: str, chosen_filter: str, formats: tuple[str, ...]) -> tuple[str, str]:
    """(format, path): from the typed extension, else the chosen filter (whose extension is
    then added)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in formats:
        return suffix, path
    filters = format_filters()
    fmt = next((f for f in formats if filters[f] == chosen_filter), formats[0])
    return fmt, path + SUFFIXES[fmt]


class ExportMenu(QObject):
    """Builds File › Export and runs its actions for one window."""

    did_export = Signal(str)  # the path written

    def __init__(self, document: EventDocument, session_list: QAbstractItemView,
                 window: QWidget) -> None:
        # The window is only this object's Qt parent, never held in an attribute: a Python
        # reference cycle would keep a closed window's wrapper alive after Qt deleted it.
        super().__init__(window)
        self.document = document
        self.session_list = session_list
        self.ask_path: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName

    @property
    def window(self) -> QWidget:
        return self.parent()

    def current_session_id(self) -> int | None:
        """The session selected in the agenda list, if any."""
        index = self.session_list.currentIndex()
        return index.data(SessionIdRole) if index.isValid() else None

    def build(self, menu: QMenu) -> QMenu:
        """Add the Export submenu to ``menu``; returns it."""
        export = menu.addMenu(self.tr("&Export"))
        export.setObjectName("menuExport")
        self.actions: dict[str, QAction] = {}
        for name, text, slot in (
            ("actionExportAgenda", self.tr("&Agenda…"), lambda: self.export("agenda")),
            ("actionExportQuestions", self.tr("&Questions of this session…"),
             lambda: self.export("questions")),
            ("actionExportNotes", self.tr("&Notes of this session…"),
             lambda: self.export("notes")),
            ("actionExportTiming", self.tr("&Timing log of this session…"),
             lambda: self.export("timing")),
            ("actionExportSummary", self.tr("&Summary of this session (Markdown)…"),
             self.export_summary),
            ("actionExportEventReport", self.tr("&Whole-event report (PDF)…"),
             self.export_event_report),
        ):
            action = export.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, run=slot: run())
            self.actions[name] = action
            if name == "actionExportAgenda":
                export.addSeparator()
        export.aboutToShow.connect(self._enable_session_exports)
        return export

    def _enable_session_exports(self) -> None:
        has_session = self.current_session_id() is not None
        for name in ("actionExportQuestions", "actionExportNotes", "actionExportTiming",
                     "actionExportSummary"):
            self.actions[name].setEnabled(has_session)

    # --- running ---------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {"agenda": self.tr("Export the agenda"),
                "questions": self.tr("Export the questions"),
                "notes": self.tr("Export the notes"),
                "timing": self.tr("Export the timing log")}

    def export(self, what: str) -> str | None:
        """Ask for a file and write one export to it; returns the path written."""
        from facilitator.reports.exports import EXPORTS, write_export

        session_id = None if what == "agenda" else self.current_session_id()
        if what != "agenda" and session_id is None:
            return None
        formats = ("xlsx", "csv", "json")
        if what == "agenda":
            stem = file_stem(store.get_event(self.document.file).title) + "-agenda"
        else:
            session = store.get_session(self.document.file, session_id, with_slots=False)
            stem = f"{file_stem(session.title)}-{what}"
        filters = format_filters()
        path, chosen = self.ask_path(self.window, self._titles()[what], stem + ".xlsx",
                                     ";;".join(filters[f] for f in formats))
        if not path:
            return None
        fmt, path = chosen_format(path, chosen, formats)
        assert fmt in EXPORTS[what]
        return self._write(path, lambda: write_export(self.document.file, what, fmt,
                                                      Path(path), session_id))

    def export_summary(self) -> str | None:
        """The selected session's summary (saved, else drafted from the notes) as Markdown."""
        from facilitator.reports.exports import summary_markdown, write_whole
        from facilitator.reports.session_report import current_summary

        session_id = self.current_session_id()
        if session_id is None:
            return None
        session = store.get_session(self.document.file, session_id)
        path, _ = self.ask_path(self.window, self.tr("Export the summary"),
                                file_stem(session.title) + "-summary.md",
                                self.tr("Markdown (*.md)"))
        if not path:
            return None
        if not path.lower().endswith(".md"):
            path += ".md"

        def write() -> None:
            summary, _ = current_summary(self.document.file, session)
            event = store.get_event(self.document.file)
            text = summary_markdown(session, summary, event.title, self.document.time_zone)
            write_whole(Path(path), text.encode("utf-8"))

        return self._write(path, write)

    def export_event_report(self) -> str | None:
        """Every session's summary in one PDF, with a cover and contents."""
        from facilitator.reports.report_command import write_event_report

        event = store.get_event(self.document.file)
        path, _ = self.ask_path(self.window, self.tr("Export the whole-event report"),
                                file_stem(event.title) + "-report.pdf", "PDF (*.pdf)")
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        page_size = self.document.file.get_setting("report.page_size", "A4")
        return self._write(path, lambda: write_event_report(
            self.document.file, Path(path), page_size if page_size in ("A4", "Letter") else "A4"))

    def _write(self, path: str, write: Callable[[], object]) -> str | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = attempt(self.window, self.tr("Could not export"), write)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if result is FAILED:
            return None
        # A PDF says how many characters no shipped font has (they print as a marker).
        missing = result[1] if isinstance(result, tuple) else None
        self.did_export.emit(path + unprintable_note(getattr(missing, "count", 0)))
        return path
