"""File › Export: every export the command line has, from the app.

The agenda, then the selected session's questions, notes and timing log (Excel workbook,
CSV for spreadsheets, or JSON), its summary as Markdown or Word, the whole-event report (PDF
or Word) and the language reports are printed in; File › Combine event files… makes the
forum report from several rooms' files.
Files are written whole or not at all; failures become a message, never a traceback.
Every one is written on a worker with its own read-only connection (``document.exports``,
gui/export_writer.py), the window still live: a session of 20,000 questions took the GUI
thread ~0.2 s (its questions as .xlsx) and a whole-event report 6–12 s.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from facilitator.gui.agenda_model import SessionIdRole
from facilitator.gui.core_text import unprintable_note
from facilitator.gui.document import EventDocument, attempt
from facilitator.gui.i18n import chosen_language
from facilitator.store import sessions as store

if TYPE_CHECKING:
    from facilitator.store import EventFile

SUFFIXES = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json"}
REPORT_LANGUAGE = "report.language"  # the event file's setting; empty: the interface's
# The six UN languages, each named in itself (reports/report_text.py has their texts).
REPORT_LANGUAGES = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français",
                    "ru": "Русский", "es": "Español"}


def report_language(document: EventDocument) -> str:
    """The language the event's reports are printed in: the one chosen in File › Export ›
    Report language, else the interface language."""
    chosen = document.file.get_setting(REPORT_LANGUAGE, "")
    return chosen if chosen in REPORT_LANGUAGES else chosen_language()


def report_page_size(document: EventDocument) -> str:
    page_size = document.file.get_setting("report.page_size", "A4")
    return page_size if page_size in ("A4", "Letter") else "A4"


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
        self.ask_path: Callable[..., tuple[str, str]] = _save_file_name
        self.ask_paths: Callable[..., tuple[list[str], str]] = _open_file_names

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
            ("actionExportPolls", self.tr("&Poll results of this session…"),
             lambda: self.export("polls")),
            ("actionExportSummary", self.tr("&Summary of this session (Markdown)…"),
             self.export_summary),
            ("actionExportEventReport", self.tr("&Whole-event report (PDF)…"),
             self.export_event_report),
            ("actionExportSummaryWord", self.tr("Summary of this session (&Word)…"),
             self.export_summary_word),
            ("actionExportEventReportWord", self.tr("Whole-event report (W&ord)…"),
             lambda: self.export_event_report("docx")),
        ):
            action = export.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, run=slot: run())
            self.actions[name] = action
            if name == "actionExportAgenda":
                export.addSeparator()
        export.addSeparator()
        self._language_menu(export)
        export.aboutToShow.connect(self._enable_session_exports)
        combine = menu.addAction(self.tr("&Combine event files…"))
        combine.setObjectName("actionCombineEventFiles")
        combine.triggered.connect(lambda _=False: self.combine_event_files())
        self.actions["actionCombineEventFiles"] = combine
        return export

    def _language_menu(self, export: QMenu) -> None:
        languages = export.addMenu(self.tr("Report &language"))
        languages.setObjectName("menuReportLanguage")
        languages.menuAction().setObjectName("actionReportLanguage")
        self.language_actions: dict[str, QAction] = {}
        for code, name in REPORT_LANGUAGES.items():
            action = languages.addAction(name)
            action.setObjectName(f"actionReportLanguage_{code}")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, chosen=code: self.set_report_language(
                chosen))
            self.language_actions[code] = action
        languages.aboutToShow.connect(self._check_report_language)

    def _check_report_language(self) -> None:
        current = report_language(self.document)
        for code, action in self.language_actions.items():
            action.setChecked(code == current)

    def set_report_language(self, code: str) -> None:
        """Print this event's reports in ``code`` from now on (kept in the event file)."""
        attempt(self.window, self.tr("Could not change the report language"),
                lambda: self.document.file.set_setting(REPORT_LANGUAGE, code))
        self._check_report_language()

    def _enable_session_exports(self) -> None:
        has_session = self.current_session_id() is not None
        for name in ("actionExportQuestions", "actionExportNotes", "actionExportTiming",
                     "actionExportPolls", "actionExportSummary"):
            self.actions[name].setEnabled(has_session)
        self.actions["actionExportSummaryWord"].setEnabled(has_session)

    # --- running ---------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {"agenda": self.tr("Export the agenda"),
                "questions": self.tr("Export the questions"),
                "notes": self.tr("Export the notes"),
                "timing": self.tr("Export the timing log"),
                "polls": self.tr("Export the poll results")}

    def export(self, what: str) -> str | None:
        """Ask for a file and write one export to it on a worker; returns the path being
        written (None: nothing asked, or that file is still being written)."""
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
        return self._write_on_worker(path, lambda connection: write_export(
            connection, what, fmt, Path(path), session_id))

    def export_summary(self) -> str | None:
        """The selected session's summary (saved, else drafted from the notes) as Markdown."""
        from facilitator.reports.exports import summary_markdown
        from facilitator.reports.poll_report import session_polls
        from facilitator.reports.session_report import current_summary
        from facilitator.reports.whole_file import write_bytes_whole

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
        zone = self.document.time_zone

        def write(connection: EventFile) -> None:
            summary, _ = current_summary(connection, session)
            event = store.get_event(connection)
            text = summary_markdown(session, summary, event.title, zone,
                                    session_polls(connection, session))
            write_bytes_whole(Path(path), text.encode("utf-8"))

        return self._write_on_worker(path, write)

    def _report_path(self, title: str, stem: str, fmt: str) -> str | None:
        """Ask where to write a report; the suffix follows the format (.pdf or .docx)."""
        suffix = "." + fmt
        kind = "PDF (*.pdf)" if fmt == "pdf" else self.tr("Word document (*.docx)")
        path, _ = self.ask_path(self.window, title, stem + suffix, kind)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path or None

    def export_event_report(self, fmt: str = "pdf") -> str | None:
        """Every session's summary in one PDF or Word document, with a cover and contents."""
        from facilitator.reports.report_command import write_event_report

        event = store.get_event(self.document.file)
        path = self._report_path(self.tr("Export the whole-event report"),
                                 file_stem(event.title) + "-report", fmt)
        if not path:
            return None
        page_size, language = report_page_size(self.document), report_language(self.document)
        return self._write_on_worker(path, lambda connection: write_event_report(
            connection, Path(path), page_size, language))

    def export_summary_word(self) -> str | None:
        """The selected session's summary as a Word document, to edit into the outcome
        document."""
        from facilitator.reports.session_report import load_session_report
        from facilitator.reports.summary_docx import WordReport
        from facilitator.reports.whole_file import write_bytes_whole

        session_id = self.current_session_id()
        if session_id is None:
            return None
        session = store.get_session(self.document.file, session_id, with_slots=False)
        path = self._report_path(self.tr("Export the summary"),
                                 file_stem(session.title) + "-summary", "docx")
        if not path:
            return None

        # On the worker as the whole-event report: a session with 20,000 questions took
        # the GUI thread 1.7 s.
        now, language = self.document.clock.now(), report_language(self.document)

        def write(connection: EventFile) -> None:
            report = load_session_report(connection, session_id, now)
            out = io.BytesIO()
            WordReport(language).write_session(report, out)
            write_bytes_whole(Path(path), out.getvalue())

        return self._write_on_worker(path, write)

    def combine_event_files(self) -> str | None:
        """The forum report: pick several rooms' event files, then where to write the report
        (PDF or Word). The files are only read."""
        from facilitator.reports.report_command import write_forum_report

        files, _ = self.ask_paths(self.window, self.tr("Combine event files"), "",
                                  QCoreApplication.translate(
                                      "MainWindow", "Event files (*.db);;All files (*)"))
        if not files:
            return None
        path, chosen = self.ask_path(self.window, self.tr("Save the forum report"),
                                     "forum-report.pdf", "PDF (*.pdf);;" +
                                     self.tr("Word document (*.docx)"))
        if not path:
            return None
        if Path(path).suffix.lower() not in (".pdf", ".docx"):
            path += ".docx" if "docx" in chosen else ".pdf"
        page_size, language = report_page_size(self.document), report_language(self.document)
        return self._write_on_worker(path, lambda _connection: write_forum_report(
            files, Path(path), page_size, language))

    def _write_on_worker(self, path: str, write: Callable[[EventFile], object]
                         ) -> str | None:
        """Write a file on a worker with its own read-only connection; ``did_export``
        follows when it is written (a failure is shown). Returns the path being written,
        or None when that file is still being written (not started again)."""
        started = self.document.exports.write(
            path, write, lambda result: self._written(path, result), self.window,
            self.tr("Could not export"))
        return path if started else None

    def _written(self, path: str, result: object) -> str:
        # A PDF says how many characters no shipped font has (they print as a marker).
        missing = result[1] if isinstance(result, tuple) else None
        self.did_export.emit(path + unprintable_note(getattr(missing, "count", 0)))
        return path


# QFileDialog's Python class (with its enums) is made when a file dialog is first asked
# for, not with the window's menus before its first paint (issue 17).
def _save_file_name(*args: object, **kwargs: object) -> tuple[str, str]:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(*args, **kwargs)


def _open_file_names(*args: object, **kwargs: object) -> tuple[list[str], str]:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getOpenFileNames(*args, **kwargs)
