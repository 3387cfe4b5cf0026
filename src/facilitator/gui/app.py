"""Start the desktop app: pick the event file, open it, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from facilitator import APP_ID, APP_NAME
from facilitator.store import EventFile, EventFileError

DEFAULT_EVENT_NAME = "world-assembly.db"


def default_event_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True) / DEFAULT_EVENT_NAME


def choose_event_file(path: str | None) -> Path:
    """The file named, else the most recent one that still exists, else the built-in event."""
    if path:
        chosen = Path(path)
        if not chosen.exists():
            raise EventFileError(
                f"no event file at {chosen}; create one with: facilitator new {chosen}"
            )
        return chosen
    from facilitator.gui.main_window import recent_files

    for recent in recent_files():
        if Path(recent).exists():
            return Path(recent)
    default = default_event_path()
    if not default.exists():
        from facilitator.store.agenda_io import create_event_file

        create_event_file(default, "walrg")
    return default


# The phone server's thread shares the GIL with the window. At Python's default 5 ms
# switch interval a busy server (a flood of connections) made the window wait up to 5 ms
# at each hand-over: ~0.4 s stalls under a flood, ~0.1 s at 1 ms (docs/benchmarks.md).
GIL_SWITCH_SECONDS = 0.001


def make_application() -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    from facilitator.audience.open_files import raise_open_file_limit

    raise_open_file_limit()  # fonts, PDFs and phones share the open-files limit
    app = QApplication.instance()
    fonts_offered = False
    if app is None:
        from facilitator.gui.shipped_fonts import offer_to_fontconfig, prefer_shipped_script_fonts

        # Before the QApplication, so Qt's one read of fontconfig's list has them, and
        # fontconfig names them first for their scripts (Arabic: not DejaVu Sans).
        fonts_offered = offer_to_fontconfig()
        prefer_shipped_script_fonts()
        # Fractional screen scales (150 %) are kept as they are: Qt 6's default rounding
        # policy (PassThrough), so nothing is set.
        app = QApplication(sys.argv[:1])
        from facilitator.gui.collector import paused_through_start_up

        paused_through_start_up()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    from facilitator.gui.focus_style import install_focus_style_later

    # A focus outline visible under stage lights, from the main window's first paint on
    # (or as a window not painted first is made; before an error box).
    install_focus_style_later()
    from facilitator.gui.i18n import chosen_language, install_translators

    if not hasattr(app, "translators"):  # kept alive with the app, installed once
        app.translators = install_translators(app, chosen_language())
        from facilitator.gui.shipped_fonts import shipped_fonts_shown

        shipped_fonts_shown(fonts_offered)  # names in every script on screen, as in the PDFs
    return app


def tell(message: str) -> None:
    """An error before any window exists: on stderr, and in a dialog on a real screen."""
    print(f"facilitator: error: {message}", file=sys.stderr)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        from facilitator.gui.focus_style import install_waiting_focus_style

        install_waiting_focus_style()  # no main window painted: its outline for the box

        box = QMessageBox(QMessageBox.Icon.Critical, "facilitator", message)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


class App:
    """The running application: one main window per open event file."""

    def __init__(self) -> None:
        self.windows: list = []

    def open(self, path: Path | str) -> bool:
        from facilitator.gui.document import EventDocument
        from facilitator.gui.main_window import MainWindow

        resolved = Path(path).resolve()
        for window in self.windows:
            if Path(window.document.path).resolve() == resolved:
                window.raise_()
                window.activateWindow()
                return True
        try:
            event_file = EventFile.open(path)
        except EventFileError as error:
            from facilitator.gui.action_text import file_error_text

            if not self.windows:
                tell(file_error_text(error))
            else:
                from facilitator.gui.document import show_error

                show_error(self.windows[-1],
                           QCoreApplication.translate("App", "Could not open the event"),
                           file_error_text(error))
            return False
        # Painted first: the hidden tabs read their session once it is on screen (issue 17).
        window = MainWindow(EventDocument(event_file), paint_first=True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_requested.connect(self.open)
        window.destroyed.connect(lambda *_: self.windows.remove(window)
                                 if window in self.windows else None)
        self.windows.append(window)
        window.room.restore_place()  # before it is shown: the tab built first is the right one
        window.show()
        restored = window.room.restore()  # after a crash or a restart: the room as it was
        if restored:
            window.statusBar().showMessage(QCoreApplication.translate(
                "App", "Restored as before: {what}").format(what=", ".join(restored)), 8000)
        window.activateWindow()  # keys go to the moderator's window, not the projector
        return True


def report_unexpected_errors() -> None:
    """The last safety net: an error nobody caught in a Qt slot becomes a plain message.

    The event file is safe whatever happens here (every action commits on its own); the
    details go to stderr for whoever looks after the laptop, never into a dialog.
    """
    import sqlite3
    import traceback

    def hook(kind, error, trace) -> None:
        traceback.print_exception(kind, error, trace, file=sys.stderr)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        from facilitator.gui.document import show_error

        if isinstance(error, EventFileError | sqlite3.Error):
            from facilitator.gui.action_text import file_error_text

            text = QCoreApplication.translate(
                "App", "The event file could not be read or written: {error}").format(
                error=file_error_text(error) if isinstance(error, EventFileError) else error)
        else:
            text = QCoreApplication.translate(
                "App", "Something went wrong ({error}). Everything done before this was "
                "saved; if it happens again, restart facilitator.").format(
                error=f"{kind.__name__}: {error}")
        show_error(QApplication.activeWindow(),
                   QCoreApplication.translate("App", "Unexpected problem"), text)

    sys.excepthook = hook


def open_first_window(facilitator_app: App, path: str | None) -> bool:
    """Open the event file named, else the last one (see ``choose_event_file``); False if
    none could be opened (the user was told why).

    With no file named and the last one gone (a USB stick or network drive not connected),
    the file opened instead is said over its window: a moderator must not run the panel in
    another event file without knowing.
    """
    from facilitator.gui.main_window import recent_files, shown_path

    last = recent_files()[:1] if not path else []
    try:
        chosen = choose_event_file(path)
    except EventFileError as error:
        tell(str(error))
        return False
    if not facilitator_app.open(chosen):
        return False
    if last and not Path(last[0]).exists():
        from facilitator.gui.document import show_error

        show_error(facilitator_app.windows[-1],
                   QCoreApplication.translate("App", "The last event file is not there"),
                   QCoreApplication.translate(
                       "App", "{last} could not be found: it may be on a USB stick or a "
                       "network drive that is not connected. Opened instead: {chosen}. To go "
                       "back to it, connect the drive and choose it under File › Open "
                       "recent.").format(last=shown_path(last[0]),
                                         chosen=shown_path(str(chosen))))
    return True


def run_app(path: str | None = None) -> int:
    app = make_application()
    report_unexpected_errors()
    facilitator_app = App()  # holds the windows while the app runs
    if not open_first_window(facilitator_app, path):
        return 1
    return app.exec()


def main() -> int:
    from facilitator.cli import main as cli_main

    return cli_main()
