"""After a crash or a restart, the room comes back by itself.

What the room was doing is kept as it changes, so a kill -9 or a power cut loses nothing,
and put back when the app opens the event again (``RoomKeeper.restore``, called by the
app once the window is shown):

- the event file keeps what belongs to the event: which sessions take questions
  (``sessions.questions_open``, set when the moderator opens or closes them, left as it
  was when the app closes) and the address and port phones were told
  (``store.phone_address``), and a live poll left open (``polls.state``): phones get it
  back. The join tokens were there already. A spare laptop opening a copy of the file
  therefore opens questions on the same port, with the same QR code.
- the laptop's settings (QSettings, synced at each change) keep what belongs to this
  laptop and its screens: the session and tab shown (per event file), and the projector:
  shown or not, full screen or not, its screen and its page (clock or join code); and
  whether it serves the podium view (the podium screen is this laptop's to light). The
  blackout and the message are the event's (``store.stage``): they come back with the file.

Closing the window normally is a restart like any other: its last moments (the projector
hidden as the window goes) are not recorded, so the next start looks as the room did.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

try:  # hashlib loads OpenSSL (~3 ms at start-up); CPython's own SHA-256 gives the same
    # digest, and random.py takes its sha512 the same way.
    from _sha256 import sha256  # CPython 3.11
except ImportError:
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:
        from hashlib import sha256

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

from facilitator.store.live_links import has_live_role_links
from facilitator.store.open_polls import open_poll_ids, shown_poll_ids
from facilitator.store.sessions import list_sessions

if TYPE_CHECKING:
    from facilitator.gui.main_window import MainWindow
    from facilitator.gui.projector import ProjectorWindow

PROJECTOR_SHOWN = "projector/shown"
PROJECTOR_FULL_SCREEN = "projector/full_screen"
PROJECTOR_PAGE = "projector/page"  # "stage" or "join" ("blackout" is kept, not restored)
PODIUM_SERVED = "podium"  # in the event's group: the server kept for the podium view


def _flag(value: object) -> bool:
    # QSettings gives back "true"/"false" strings from INI files, bools from the registry.
    return value is True or str(value).lower() in ("true", "1")


def place_group(path: str | Path) -> str:
    """The settings group for one event file: its resolved path, hashed (a path is no key)."""
    # The path's bytes as the OS has them: a name that is not UTF-8 (a stick or an archive
    # from a Latin-1 system) decodes with surrogates, which encode("utf-8") refused.
    digest = sha256(os.fsencode(Path(path).resolve())).hexdigest()[:16]
    return f"room/{digest}"


class RoomKeeper(QObject):
    """Records the room of one main window as it changes and puts it back on ``restore``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.group = place_group(window.document.path)
        self.recording = True
        self._place_restored = False
        window.ui.tabs.currentChanged.connect(lambda _: self._save_place())
        window.ui.sessionList.selectionModel().currentChanged.connect(
            lambda *_: self._save_place())
        window.installEventFilter(self)
        # The tabs built so far; the window hands over the others as it builds them.
        for name, tab in window.tabs.as_they_are():
            self.watch(name, tab)

    def watch(self, name: str, tab: QObject) -> None:
        """Record what the tab ``name`` changes of the room (the Run tab's projector, the
        Questions tab's join page and podium view), from the moment it is built."""
        if name == "Run":
            # After the Run tab's own slot (connected first): the page has changed by then.
            tab.blackout_action.triggered.connect(lambda _: self._save_projector())
            tab.projector_access.when_made(lambda projector: projector.installEventFilter(self))
        elif name == "Questions":
            tab.projector_button.toggled.connect(lambda _: self._save_projector())
            tab.podium_changed.connect(self._save_podium)

    # No Python reference to the window or the projector is kept: the window is deleted
    # when closed (WA_DeleteOnClose), and a reference here would keep a dead wrapper alive.
    @property
    def window(self) -> MainWindow:
        return self.parent()  # type: ignore[return-value]

    @property
    def projector(self) -> ProjectorWindow | None:
        """The projector window; None until the Run tab has made it (it is made when
        first shown, gui/projector_access.py) and while the window is going."""
        run = self._tabs.built("Run") if self._tabs is not None else None
        return run.projector_access.made() if run is not None else None

    @property
    def _tabs(self):
        return getattr(self.parent(), "tabs", None)  # None while the window is going

    # --- recording ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.parent() and kind == QEvent.Type.Close:
            # Seen before the window's closeEvent: the projector closing with the window
            # is not the room changing. If the close is refused (the moderator answers
            # "no" to quitting), the window stays and recording goes on.
            self.recording = False
            QTimer.singleShot(0, self, self._recording_if_still_open)
        elif watched is self.projector and kind in (
                QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.WindowStateChange,
                QEvent.Type.Move):
            self._save_projector()
        return False

    def _recording_if_still_open(self) -> None:
        self.recording = self._tabs is not None and self.window.isVisible()

    def _save_place(self) -> None:
        if not self.recording or self._tabs is None:
            return
        settings = QSettings()
        place = {f"{self.group}/session": self.window.current_session_id() or 0,
                 f"{self.group}/tab": self._tab_name()}
        # The place put back at start-up is the one kept: not written and synced to disk
        # again before the first paint. (An INI file gives numbers back as text.)
        if all(str(settings.value(key, "")) == str(value) for key, value in place.items()):
            return
        for key, value in place.items():
            settings.setValue(key, value)
        settings.sync()  # a kill -9 right after must not lose it

    def _tab_name(self) -> str:
        current = self.window.ui.tabs.currentWidget()
        return next((name for name, tab in self.window.tabs.as_they_are() if tab is current), "")

    def _save_podium(self, served: bool) -> None:
        if not self.recording:
            return
        settings = QSettings()
        settings.setValue(f"{self.group}/{PODIUM_SERVED}", served)
        settings.sync()

    def _save_projector(self) -> None:
        projector = self.projector
        if not self.recording or projector is None:
            return
        settings = QSettings()
        shown = projector.isVisible()
        settings.setValue(PROJECTOR_SHOWN, shown)
        if shown:
            settings.setValue(PROJECTOR_FULL_SCREEN, projector.isFullScreen())
            screen = projector.screen()
            if screen is not None:
                from facilitator.gui.projector import SCREEN_SETTING

                settings.setValue(SCREEN_SETTING, screen.name())
        settings.setValue(PROJECTOR_PAGE, projector.current_page())
        settings.sync()

    # --- restoring ----------------------------------------------------------------------

    def restore_place(self) -> None:
        """The session and tab shown as they were (the app does this before it shows the
        window, so that the tab built for the first paint is the one on screen)."""
        window = self.window
        settings = QSettings()
        self._place_restored = True
        session_id = int(settings.value(f"{self.group}/session", 0) or 0)
        tab = str(settings.value(f"{self.group}/tab", "") or "")
        recording, self.recording = self.recording, False  # not the places in between
        moved = False
        try:
            if session_id and window.session_model.row_of(session_id) >= 0:
                window.select_session(session_id)
                moved = True
            if tab in window.tabs:
                window.ui.tabs.setCurrentIndex(list(window.tabs).index(tab))
                moved = True
        finally:
            self.recording = recording
        if moved:
            self._save_place()  # written only if it differs (a session gone since)

    def restore(self) -> list[str]:
        """Put the room back: the session and tab (unless ``restore_place`` did), questions
        that were open (on the event's address and port), the projector on its screen, full
        screen and page. What was restored, in words for the status bar (empty when nothing
        was)."""
        if not self._place_restored:
            self.restore_place()
        restored: list[str] = []
        restored += self._restore_questions()
        restored += self._restore_team()
        settings = QSettings()
        restored += self._restore_podium(settings)
        restored += self._restore_polls()
        restored += self._restore_projector(settings)
        return restored

    def _restore_questions(self) -> list[str]:
        open_ids = [s.id for s in list_sessions(self.window.document.file) if s.questions_open]
        if not open_ids:
            return []  # the Questions tab is not needed (nor built, if it waits)
        questions = self.window.tabs["Questions"]
        current = self.window.current_session_id()
        # The session shown first: the port question, if any, is asked about it.
        open_ids.sort(key=lambda sid: sid != current)
        reopened = [sid for sid in open_ids if questions.open_questions(session_id=sid)]
        return [self.tr("questions open")] if reopened else []

    def _restore_team(self) -> list[str]:
        # Team devices keep their links across a restart: serve them again at once.
        if not has_live_role_links(self.window.document.file):
            return []
        return [self.tr("team links")] if self.window.tabs["Questions"].serve_team() else []

    def _restore_podium(self, settings: QSettings) -> list[str]:
        if not _flag(settings.value(f"{self.group}/{PODIUM_SERVED}", False)):
            return []
        return [self.tr("podium view")] if self.window.tabs["Questions"].serve_podium() else []

    def _restore_polls(self) -> list[str]:
        # A poll left open is the event's: phones answering it must find the server again.
        if not any(open_poll_ids(self.window.document.file, session.id)
                   for session in list_sessions(self.window.document.file)):
            return []
        return [self.tr("live poll")] if self.window.tabs["Questions"].serve_polls() else []

    def _restore_projector(self, settings: QSettings) -> list[str]:
        if not _flag(settings.value(PROJECTOR_SHOWN, False)):
            return []
        run = self.window.tabs["Run"]
        page = str(settings.value(PROJECTOR_PAGE, "stage") or "stage")
        full_screen = _flag(settings.value(PROJECTOR_FULL_SCREEN, False))
        self.recording = False  # the steps below pass through states not worth keeping
        try:
            if not run.projector_action.isChecked():
                run.projector_action.trigger()  # shows it on its remembered screen
            if full_screen and not run.projector.isFullScreen():
                run.projector.toggle_fullscreen()
            session_id = self.window.current_session_id()
            if session_id is not None and shown_poll_ids(self.window.document.file, session_id):
                # A poll's results on the stage are the Polls tab's to show: built now, or
                # the room saw the clock until that tab's turn came after the first paint.
                self.window.tabs["Polls"]
            if page == "join":  # only then is the Questions tab needed (built) now
                questions = self.window.tabs["Questions"]
                if questions.projector_button.isEnabled():
                    questions.projector_button.setChecked(True)
        finally:
            self.recording = True
        self._save_projector()
        return [self.tr("projector")]
