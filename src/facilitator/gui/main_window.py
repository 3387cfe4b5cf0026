"""The main window: the agenda on the left, the selected session's tabs on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from facilitator import __version__
from facilitator.actions import sessions
from facilitator.core.model import Session
from facilitator.core.timer import Phase
from facilitator.gui import icons
from facilitator.gui.agenda_model import SessionIdRole, SessionListModel
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.gui.export_menu import ExportMenu
from facilitator.gui.forms.ui_main_window import Ui_MainWindow
from facilitator.gui.keyboard import TypingKeysFirst, free_tab_key, give_menu_bar_mnemonics
from facilitator.gui.session_details import SessionDetails
from facilitator.gui.user_text import add_plain_action, confirm, window_title
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file

MAX_RECENT = 8


def event_filter() -> str:
    return QCoreApplication.translate("MainWindow", "Event files (*.db);;All files (*)")


def agenda_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Agenda (*.json *.csv *.tsv *.xlsx);;All files (*)")


def recent_files() -> list[str]:
    value = QSettings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(path) for path in value or []]


def remember_recent(path: str) -> None:
    path = str(Path(path).resolve())
    files = [path] + [p for p in recent_files() if p != path]
    QSettings().setValue("recent_files", files[:MAX_RECENT])


class TabsByName(dict[str, QWidget]):
    """The window's tabs by their English name, each up to date with the chosen session.

    In a window made with ``paint_first`` (the app's start), until its first paint a
    hidden tab's session is only noted (``later``): its reads would be start-up time spent
    on tabs nobody sees yet. Asking for a tab here, showing it, or the first turns of the
    event loop after the paint give it its session.
    """

    def __init__(self) -> None:
        super().__init__()
        self._sessions_due: dict[str, int | None] = {}

    def later(self, name: str, session_id: int | None) -> None:
        self._sessions_due[name] = session_id

    def bring_up_to_date(self, name: str) -> None:
        if name in self._sessions_due:
            super().__getitem__(name).set_session(self._sessions_due.pop(name))

    def forget_due(self) -> None:
        """Closing: no tab needs its session any more."""
        self._sessions_due.clear()

    def next_due(self) -> str | None:
        return next(iter(self._sessions_due), None)

    def as_they_are(self) -> list[tuple[str, QWidget]]:
        """Every tab, without bringing any up to date (closing, letting go of a session)."""
        return list(super().items())

    def __getitem__(self, name: str) -> QWidget:
        self.bring_up_to_date(name)
        return super().__getitem__(name)

    def get(self, name: str, default: QWidget | None = None) -> QWidget | None:  # type: ignore[override]
        if name not in self:
            return default
        return self[name]

    def values(self):  # type: ignore[override]
        return [self[name] for name in self]

    def items(self):  # type: ignore[override]
        return [(name, self[name]) for name in self]


class MainWindow(QMainWindow):
    """One window per open event file."""

    open_requested = Signal(str)  # the app opens another event file in a new window

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 paint_first: bool = False) -> None:
        """``paint_first`` (the app's start): the hidden tabs read their session, and the
        time zone list fills, only once the window is on screen (see ``TabsByName``)."""
        super().__init__(parent)
        self.document = document
        self._quit_confirmed = False  # Quit answered "yes": the close goes through
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(icons.app_icon())
        self.session_model = SessionListModel(document, self)
        self.ui.sessionList.setModel(self.session_model)
        self.ui.sessionList.selectionModel().selectionChanged.connect(self._on_session_selected)
        title_font = self.ui.eventTitle.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.ui.eventTitle.setFont(title_font)
        self.ui.sessionList.setSpacing(3)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([300, 980])
        self.ui.addSessionButton.clicked.connect(self.add_session)
        self.ui.removeSessionButton.clicked.connect(self.remove_session)
        self.tabs = TabsByName()
        # Until the first paint (with paint_first), hidden tabs get their session later.
        self._painted = not paint_first
        self.team_panel: QWidget | None = None  # Session › Team links…, made when first shown
        self._busy_bar: QProgressBar | None = None
        # Made now, its room kept while hidden: shown for the first time at the start of a
        # slow command, it grew the status bar and the whole window was laid out and
        # painted again while the worker held the GIL; each of the views' Python calls
        # waited for it, and the window froze for the first ~0.1 s of an import (issue 17).
        self.busy_bar  # noqa: B018
        self._build_tabs()
        if not paint_first:
            self.details.time_zone_field.fill_names()
        self._build_menus()
        free_tab_key(self)  # Tab moves on from tables and text boxes
        TypingKeysFirst.install()  # a key typed into a box never reaches a one-key command
        give_menu_bar_mnemonics(self.menuBar())  # a letter for every menu entry
        document.event_did_change.connect(self._show_event)
        self._show_event()
        remember_recent(document.path)
        if self.session_model.rowCount():
            self.select_session(self.session_model.session_at(0).id)
        from facilitator.gui.room_restore import RoomKeeper

        self.room = RoomKeeper(self)  # records the room from here on; the app restores it

    # --- tabs -----------------------------------------------------------------------------

    def _build_tabs(self) -> None:
        from facilitator.gui.notes_tab import NotesTab
        from facilitator.gui.polls.polls_tab import PollsTab
        from facilitator.gui.questions_tab import QuestionsTab
        from facilitator.gui.run_tab import RunTab
        from facilitator.gui.summary_tab import SummaryTab

        self.details = SessionDetails(self.document, self)
        # Keys stay English (object names, other tabs find the Run tab by it); the
        # labels are translated.
        tab_classes = {"Details": None, "Run": RunTab, "Questions": QuestionsTab,
                       "Polls": PollsTab, "Notes": NotesTab, "Summary": SummaryTab}
        self.tab_titles = {"Details": self.tr("Details"), "Run": self.tr("Run"),
                           "Questions": self.tr("Questions"), "Polls": self.tr("Polls"),
                           "Notes": self.tr("Notes"), "Summary": self.tr("Summary")}
        tab_labels = {"Details": self.tr("&Details"), "Run": self.tr("&Run"),
                      # No Alt+letter: none is free in all three languages.
                      "Questions": self.tr("&Questions"), "Polls": self.tr("Polls"),
                      "Notes": self.tr("&Notes"), "Summary": self.tr("S&ummary")}
        runner = self.document.runner
        for name, cls in tab_classes.items():
            if cls is None:
                widget = self.details
            elif cls is QuestionsTab:  # the stage it puts questions and the join code on
                widget = cls(self.document, self, runner=runner,
                             projector=self.tabs["Run"].projector)
            elif cls is PollsTab:  # the stage shows results; the phone server lets phones in
                widget = cls(self.document, self, runner=runner,
                             projector=self.tabs["Run"].projector,
                             serve_phones=self.tabs["Questions"].serve_polls)
            else:
                widget = cls(self.document, self, runner=runner)
            widget.setObjectName(f"{name.lower()}Tab")
            self.tabs[name] = widget
            self.ui.tabs.addTab(widget, tab_labels[name])
        self._tab_labels = tab_labels
        self.ui.tabs.currentChanged.connect(lambda _: self.details.flush())
        self.ui.tabs.currentChanged.connect(self._bring_shown_tab_up_to_date)
        self.ui.tabs.currentChanged.connect(self._focus_run_tab)

    def _bring_shown_tab_up_to_date(self, _: int) -> None:
        shown = self.ui.tabs.currentWidget()
        for name, tab in self.tabs.as_they_are():
            if tab is shown:
                self.tabs.bring_up_to_date(name)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Once this paint is on screen: one hidden tab per turn of the event loop.
            QTimer.singleShot(0, self.details.time_zone_field.fill_names)
            QTimer.singleShot(0, self._bring_next_tab_up_to_date)

    @property
    def settled(self) -> bool:
        """Every tab has its session and the time zone list is filled (at once without
        ``paint_first``; with it, a few turns of the event loop after the first paint)."""
        return self.tabs.next_due() is None and self.details.time_zone_field.names_filled

    def _bring_next_tab_up_to_date(self) -> None:
        name = self.tabs.next_due()
        if name is not None:
            self.tabs.bring_up_to_date(name)
            QTimer.singleShot(0, self._bring_next_tab_up_to_date)

    def _focus_run_tab(self, _: int) -> None:
        # The Run tab's keys act only with the focus inside it: showing it brings it there.
        run = self.tabs.get("Run")
        if (run is not None and self.ui.tabs.currentWidget() is run
                and not run.isAncestorOf(QApplication.focusWidget())):
            run.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_session_id(self) -> int | None:
        index = self.ui.sessionList.currentIndex()
        return index.data(SessionIdRole) if index.isValid() else None

    def select_session(self, session_id: int | None) -> None:
        row = self.session_model.row_of(session_id)
        if row >= 0:
            self.ui.sessionList.setCurrentIndex(self.session_model.index(row))

    def _on_session_selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        session_id = self.current_session_id()
        shown = self.ui.tabs.currentWidget()
        for name, tab in self.tabs.as_they_are():
            self.tabs.later(name, session_id)
            if self._painted or tab is shown:
                self.tabs.bring_up_to_date(name)
        self._update_title()
        self.document.file.checkpoint()  # a copy of the .db alone now holds the last session

    # --- menus ----------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        ui = self.ui
        file_menu = ui.menuFile
        file_menu.addAction(self._action(self.tr("&New event…"), self.new_event,
                                         QKeySequence.StandardKey.New, "actionNewEvent"))
        file_menu.addAction(self._action(self.tr("&Open…"), self.open_event,
                                         QKeySequence.StandardKey.Open, "actionOpen"))
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self._action(self.tr("Save a &copy…"), self.save_copy,
                                         QKeySequence.StandardKey.SaveAs, "actionSaveCopy"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Import agenda…"), self.import_agenda, None,
                                         "actionImportAgenda"))
        self.export_menu = ExportMenu(self.document, self.ui.sessionList, self)
        self.export_menu.build(file_menu)
        self.export_menu.did_export.connect(lambda path: self.statusBar().showMessage(
            self.tr("Exported to {path}").format(path=path), 8000))
        file_menu.addSeparator()
        # Ctrl+Q by name: the platform's standard Quit key is empty on some (Windows).
        quit_action = self._action(self.tr("&Quit"), self.request_quit, "Ctrl+Q", "actionQuit")
        file_menu.addAction(quit_action)
        # The projector is a window of its own: Ctrl+Q there asks the same question.
        self.tabs["Run"].projector.addAction(quit_action)

        self._build_edit_menu()
        ui.menuSession.addAction(self._action(self.tr("&Add session"), self.add_session, None,
                                              "actionAddSession"))
        ui.menuSession.addAction(self._action(self.tr("&Remove session"), self.remove_session, None,
                                              "actionRemoveSession"))
        ui.menuSession.addAction(self._action(self.tr("&Team links…"), self.show_team_panel,
                                              None, "actionTeamLinks"))
        for name, tab in self.tabs.items():
            actions = getattr(tab, "menu_actions", lambda: [])()
            if actions:
                menu = (ui.menuSession.addMenu(self._tab_labels[name]) if name != "Run"
                        else ui.menuSession)
                menu.addSeparator()
                for action in actions:
                    menu.addAction(action)
                    self._add_window_shortcut(action)
        for index, name in enumerate(self.tabs):
            ui.menuView.addAction(self._action(
                self.tab_titles[name], lambda _=False, i=index: ui.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}"))
        for action in getattr(self.tabs["Run"], "view_actions", lambda: [])():
            ui.menuView.addAction(action)
            self._add_window_shortcut(action)
        self._build_language_menu()
        ui.menuHelp.addAction(self._action(self.tr("&Quick start"), self.show_quick_start,
                                           QKeySequence.StandardKey.HelpContents,
                                           "actionQuickStart"))
        ui.menuHelp.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                           "Ctrl+/", "actionShortcuts"))
        ui.menuHelp.addAction(self._action(self.tr("&About facilitator"), self.show_about, None,
                                           "actionAbout"))

    def _build_edit_menu(self) -> None:
        """Undo and redo for every change made in this window (gui/runner.py)."""
        menu = QMenu(self.tr("&Edit"), self)
        menu.setObjectName("menuEdit")
        self.menuBar().insertMenu(self.ui.menuSession.menuAction(), menu)
        stack = self.document.runner.undo_stack
        self.undo_action = self._action(self.tr("Undo"), stack.undo, None, "actionUndo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("Redo"), stack.redo, None, "actionRedo")
        # Ctrl+Shift+Z everywhere, plus the platform's own (Ctrl+Y on Windows), each once.
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [key for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                      if key not in redo_keys]
        self.redo_action.setShortcuts(redo_keys)

        # "Undo: merge 3 questions", or plain "Undo" when there is nothing to undo.
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._name_undo)
        stack.redoTextChanged.connect(self._name_redo)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        for action in (self.undo_action, self.redo_action):
            menu.addAction(action)
            self.addAction(action)
        # The notes list had its own Ctrl+Z; two actions on one key would both stay silent.
        self.tabs["Notes"].leave_undo_keys_to_window()
        self.document.runner.busy_did_change.connect(self._show_busy)

    def _name_undo(self, step: str) -> None:
        self.undo_action.setText(self.tr("Undo: {action}").format(action=step) if step
                                 else self.tr("Undo"))

    def _name_redo(self, step: str) -> None:
        self.redo_action.setText(self.tr("Redo: {action}").format(action=step) if step
                                 else self.tr("Redo"))

    def _show_busy(self, busy: bool) -> None:
        bar = self.busy_bar
        if busy:
            self.statusBar().showMessage(self.tr("Working…"))
            bar.setRange(0, 0)  # moving until the work says how far it has got
            bar.show()
        else:
            self.statusBar().clearMessage()
            bar.hide()

    @property
    def busy_bar(self) -> QProgressBar:
        """The status bar's progress bar, shown while a slow command (an agenda import)
        runs on its worker."""
        if self._busy_bar is None:
            self._busy_bar = QProgressBar(self)
            self._busy_bar.setObjectName("busyBar")
            self._busy_bar.setMaximumWidth(200)
            self._busy_bar.setTextVisible(False)
            policy = self._busy_bar.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self._busy_bar.setSizePolicy(policy)
            self._busy_bar.hide()
            self.statusBar().addPermanentWidget(self._busy_bar)
            self.document.runner.progress_did_change.connect(self._show_progress)
        return self._busy_bar

    def _show_progress(self, done: int, total: int) -> None:
        if self.document.runner.busy:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    def _add_window_shortcut(self, action: QAction) -> None:
        # Window-wide keys work whichever tab is shown; a tab's scoped keys (the Run tab's
        # one-letter room keys) are left to that tab, or they would act everywhere again.
        if action.shortcutContext() == Qt.ShortcutContext.WindowShortcut:
            self.addAction(action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_files():
            if Path(path).exists():
                add_plain_action(self.recent_menu, path).triggered.connect(
                    lambda _=False, p=path: self.open_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # --- file actions ---------------------------------------------------------------------

    def new_event(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New event"), "", event_filter())
        if not path:
            return
        if not path.endswith(".db"):
            path += ".db"
        if attempt(self, self.tr("Could not create the event"),
                   lambda: create_event_file(Path(path), None)) is not FAILED:
            self.open_requested.emit(path)

    def open_event(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open event"), "",
                                              event_filter())
        if path:
            self.open_requested.emit(path)

    def save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), "", event_filter())
        if path and attempt(self, self.tr("Could not save a copy"),
                            lambda: self.document.file.save_copy(path)) is not FAILED:
            self.statusBar().showMessage(self.tr("Saved a copy to {path}").format(path=path),
                                         5000)

    def import_agenda(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import agenda"), "",
                                              agenda_filter())
        if not path:
            return
        # Slow for a big workbook: it runs on a worker, the window stays responsive and
        # the status bar shows how far it has got.
        self.document.runner.run(sessions.import_agenda(Path(path)), self,
                                 on_done=lambda done: self._imported(Path(path), done.result))
        if self.document.runner.busy:
            self.statusBar().showMessage(self.tr("Importing {file}…").format(
                file=Path(path).name))

    def _imported(self, path: Path, summary: str) -> None:
        self._on_session_selected(QItemSelection(), QItemSelection())
        self.statusBar().showMessage(self.tr("Imported {file}: {summary}").format(
            file=path.name, summary=summary), 8000)

    # --- sessions -------------------------------------------------------------------------

    def add_session(self) -> None:
        done = self.document.runner.run(
            sessions.add_session(Session(title=self.tr("New session"))), self)
        if done is None:
            return
        self.select_session(done.result)
        self.ui.tabs.setCurrentWidget(self.details)
        self.details.ui.titleEdit.setFocus()
        self.details.ui.titleEdit.selectAll()

    def remove_session(self) -> None:
        session_id = self.current_session_id()
        if session_id is None:
            return
        title = store.get_session(self.document.file, session_id, with_slots=False).title
        confirm(self, self.tr("Remove session"),
                self.tr("Remove the session “{title}” with its speakers, questions and notes?\n"
                        "Edit › Undo brings it back while this window is open.").format(
                    title=title),
                self.tr("&Remove"), lambda: self._remove_session(session_id),
                "removeSessionQuestion")

    def _remove_session(self, session_id: int) -> None:
        if session_id not in {s.id for s in store.list_sessions(self.document.file)}:
            return  # gone meanwhile (another window, an import)
        # Every tab lets go of the session before it disappears from the file.
        self.details.flush()
        for name, _tab in self.tabs.as_they_are():
            self.tabs.later(name, None)
            self.tabs.bring_up_to_date(name)
        if self.document.runner.run(sessions.remove_session(session_id), self) is None:
            self._on_session_selected(QItemSelection(), QItemSelection())
            return
        if self.session_model.rowCount():
            self.select_session(self.session_model.session_at(0).id)

    # --- the team -------------------------------------------------------------------------

    def show_team_panel(self) -> None:
        """Session › Team links…: one panel per window, shown again when asked again."""
        from facilitator.gui.team_panel import TeamPanel

        if self.team_panel is None:
            self.team_panel = TeamPanel(self.document, self.tabs["Questions"], self,
                                        runner=self.document.runner)
        self.team_panel.show()
        self.team_panel.raise_()
        self.team_panel.activateWindow()

    # --- help -----------------------------------------------------------------------------

    def _build_language_menu(self) -> None:
        from PySide6.QtGui import QActionGroup

        from facilitator.gui.i18n import LANGUAGES, set_language

        menu = self.ui.menuView.addMenu(self.tr("&Language"))
        menu.setObjectName("menuLanguage")
        group = QActionGroup(self)
        current = str(QSettings().value("language", "") or "")
        for code, name in [("", self.tr("System default")), *LANGUAGES.items()]:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: (
                set_language(c),
                self.statusBar().showMessage(
                    self.tr("The language changes the next time facilitator starts."),
                    8000)))

    def show_quick_start(self) -> None:
        from facilitator.gui.help import QuickStartDialog
        from facilitator.gui.i18n import chosen_language

        QuickStartDialog(self, chosen_language()).open()

    def show_shortcuts(self) -> None:
        from facilitator.gui.help import ShortcutsDialog

        ShortcutsDialog(self).open()

    def show_about(self) -> None:
        from facilitator.gui.help import about_text

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About facilitator"), about_text(),
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # --- window ---------------------------------------------------------------------------

    def _show_event(self) -> None:
        event = store.get_event(self.document.file)
        self.ui.eventTitle.setText(event.title)
        self._update_title()

    def _update_title(self) -> None:
        event = store.get_event(self.document.file)
        self.setWindowTitle(window_title(f"{event.title} — {Path(self.document.path).name} — "
                                         f"facilitator {__version__}"))

    def live_activity(self) -> list[str]:
        """What quitting would interrupt: speakers whose turn is under way, open phones."""
        reasons = []
        for session in store.list_sessions(self.document.file, with_slots=True):
            for slot in session.slots:
                if slot.phase is Phase.RUNNING:
                    reasons.append(self.tr("{name} is speaking ({session}).").format(
                        name=slot.person.name, session=session.title))
                elif slot.phase is Phase.PAUSED:
                    reasons.append(self.tr("{name}'s turn is paused ({session}).").format(
                        name=slot.person.name, session=session.title))
        if getattr(self.tabs.get("Questions"), "server_running", False):
            reasons.append(self.tr("Questions are open: phones lose the connection until "
                                   "facilitator runs again."))
        if getattr(self.tabs.get("Questions"), "team_served", False):
            reasons.append(self.tr("The team's links are served: their devices lose the "
                                   "connection until facilitator runs again."))
        return reasons

    def request_quit(self) -> None:
        """File > Quit (Ctrl+Q): close the window, asking first while the room is live."""
        reasons = self.live_activity()
        if not reasons:
            self._quit_confirmed = True
            self.close()
            return
        confirm(self, self.tr("Quit facilitator?"),
                "\n".join(reasons) + "\n\n" + self.tr(
                    "Everything is saved; the clocks go on counting and are shown again when "
                    "you reopen the event. Quit now?"),
                self.tr("&Quit"), self._quit_now, "quitQuestion")

    def _quit_now(self) -> None:
        self._quit_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button asks like Ctrl+Q; closes from code (the app
        # quitting, tests) do not.
        if (event.spontaneous() and not self._quit_confirmed
                and self.live_activity()):
            event.ignore()
            self.request_quit()
            return
        self.details.set_session(None)  # saves pending edits; later focus-outs save nothing
        self.tabs.forget_due()
        for _name, tab in self.tabs.as_they_are():
            shutdown = getattr(tab, "shutdown", None)
            if shutdown:
                shutdown()
        self.document.close()
        super().closeEvent(event)
