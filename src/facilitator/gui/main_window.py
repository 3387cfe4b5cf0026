"""The main window: the agenda on the left, the selected session's tabs on the right."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QProgressBar,
    QWidget,
)

from facilitator import __version__
from facilitator.core.model import Session
from facilitator.core.timer import Phase
from facilitator.gui.agenda_model import SessionIdRole, SessionListModel
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.gui.export_menu import ExportMenu
from facilitator.gui.focus_style import install_waiting_focus_style
from facilitator.gui.forms.ui_main_window import Ui_MainWindow
from facilitator.gui.keyboard import (
    FirstStopAfterTabBar,
    FocusObjectFilter,
    TypingKeysFirst,
    free_tab_key,
    give_menu_bar_mnemonics,
    redo_keys,
)
from facilitator.gui.user_text import add_plain_action, confirm, window_title
from facilitator.store import sessions as store

if TYPE_CHECKING:
    from facilitator.core.agenda_imported import AgendaImported
    from facilitator.gui.session_details import SessionDetails

MAX_RECENT = 8
# The tabs in the tab bar's order, by their English names (object names; other tabs and
# the room keeper find them by it); their labels are translated.
TAB_NAMES = ("Details", "Run", "Questions", "Polls", "Notes", "Summary")
TAB_PAGE_WIDTH = "window/tab_page_width"  # the widest tab's minimum width, last time (px)


def event_filter() -> str:
    return QCoreApplication.translate("MainWindow", "Event files (*.db);;All files (*)")


def agenda_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow", "Agenda (*.json *.csv *.tsv *.xlsx *.ods *.xls);;All files (*)")


def recent_files() -> list[str]:
    """The event files opened last, newest first, as the OS names them (a name that is not
    UTF-8 comes back with Python's surrogate escapes, as ``os.listdir`` gives it)."""
    value = QSettings().value("recent_files", [])
    if not isinstance(value, list):
        value = [value]
    return [path if isinstance(path, str) else os.fsdecode(bytes(path)) for path in value]


def _as_setting(path: str) -> object:
    # A name that is not UTF-8 (a file from a Latin-1 USB stick) is kept as its bytes: as
    # text, Qt stores U+FFFD for each byte it cannot read and the file is lost.
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        from PySide6.QtCore import QByteArray

        return QByteArray(os.fsencode(path))
    return path


def remember_recent(path: str) -> None:
    path = str(Path(path).resolve())
    files = ([path] + [p for p in recent_files() if p != path])[:MAX_RECENT]
    # Reopening the latest file (every start) changes nothing: no write, and no sync of
    # the settings file to disk (Qt writes it whole and waits for the disk, at start-up).
    if files != recent_files():
        QSettings().setValue("recent_files", [_as_setting(file) for file in files])


def shown_path(path: str) -> str:
    """``path`` as words on screen: a byte no UTF-8 reading makes sense of is shown as
    U+FFFD (Qt would drop it)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class TabsByName(Mapping[str, QWidget]):
    """The window's tabs by their English name, each built and up to date with the chosen
    session when looked up here: the one way to reach a tab.

    In a window made with ``paint_first`` (the app's start), until its first paint a tab
    nobody sees is not built (``build`` makes it when first asked for, shown, or in the
    turns of the event loop after the paint), and a built hidden tab's session is only
    noted (``later``): both would be start-up time spent on tabs nobody sees yet.
    """

    def __init__(self, names: tuple[str, ...], build: Callable[[str], QWidget]) -> None:
        self._names = names
        # Weakly: the window holds this mapping; a strong reference back would make a cycle
        # that kept the closed window's wrapper until Python's next full collection.
        self._build = weakref.WeakMethod(build)  # type: ignore[arg-type]
        self._built: dict[str, QWidget] = {}
        self._sessions_due: dict[str, int | None] = {}

    def add(self, name: str, tab: QWidget) -> None:
        """``build`` has made ``tab``: from here on it is the tab of that name."""
        self._built[name] = tab

    def built(self, name: str) -> QWidget | None:
        """The tab as it is, not brought up to date; None while it is not built yet."""
        return self._built.get(name)

    def waiting(self) -> list[str]:
        """The tabs not built yet, in the tab bar's order."""
        return [name for name in self._names if name not in self._built]

    def later(self, name: str, session_id: int | None) -> None:
        self._sessions_due[name] = session_id

    def bring_up_to_date(self, name: str) -> None:
        if name in self._sessions_due and name in self._built:
            self._built[name].set_session(self._sessions_due.pop(name))

    def forget_due(self) -> None:
        """Closing: no tab needs its session any more."""
        self._sessions_due.clear()

    def next_due(self) -> str | None:
        return next((name for name in self._sessions_due if name in self._built), None)

    def as_they_are(self) -> list[tuple[str, QWidget]]:
        """Every tab built so far, none built nor brought up to date for it (closing,
        letting go of a session, finding the one on screen)."""
        return [(name, self._built[name]) for name in self._names if name in self._built]

    def __getitem__(self, name: str) -> QWidget:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._built:
            build = self._build()
            if build is None:
                raise KeyError(name)  # the window is gone
            build(name)
        self.bring_up_to_date(name)
        return self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class _KeysOfWaitingTabs(FocusObjectFilter):
    """Builds the window's waiting tabs when a key might be a shortcut of theirs."""

    def __init__(self, window: MainWindow, app: QApplication) -> None:
        super().__init__(window, app)
        self._window = weakref.ref(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self._window()
        if (event.type() == QEvent.Type.ShortcutOverride and window is not None
                and not window._closing):
            window.build_every_tab()
        return False


class MainWindow(QMainWindow):
    """One window per open event file."""

    # The app opens another event file in a new window. Sent as the Python str it is: a
    # Qt string would drop the surrogate escapes of a name that is not UTF-8.
    open_requested = Signal(object)

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 paint_first: bool = False) -> None:
        """``paint_first`` (the app's start): the hidden tabs are built and read their
        session, and the time zone list fills, only once the window is on screen (see
        ``TabsByName``)."""
        super().__init__(parent)
        if not paint_first:  # else once painted: see paintEvent
            install_waiting_focus_style()
        self.document = document
        self._quit_confirmed = False  # Quit answered "yes": the close goes through
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        if not paint_first:  # else once painted: the icon is the window manager's to show
            self._set_icon()
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
        self.tabs = TabsByName(TAB_NAMES, self._build_tab)
        # Until the first paint (with paint_first), hidden tabs are built and get their
        # session later.
        self._painted = not paint_first
        self._menus_built = False
        self._closing = False
        self._tab_keys_freed = False  # see _free_tab_keys
        self._keys_watched: _KeysOfWaitingTabs | None = None
        self.team_panel: QWidget | None = None  # Session › Team links…, made when first shown
        self._busy_bar: QProgressBar | None = None
        # Made now, its room kept while hidden: shown for the first time at the start of a
        # slow command, it grew the status bar and the whole window was laid out and
        # painted again while the worker held the GIL; each of the views' Python calls
        # waited for it, and the window froze for the first ~0.1 s of an import (issue 17).
        self.busy_bar  # noqa: B018
        self._build_tabs(all_now=not paint_first)
        if not paint_first:
            self.details.time_zone_field.fill_names()
        self._build_menus()
        if not paint_first:
            self._free_tab_keys()
        TypingKeysFirst.install()  # a key typed into a box never reaches a one-key command
        FirstStopAfterTabBar(self.ui.tabs, QApplication.instance())  # Tab: the main control
        give_menu_bar_mnemonics(self.menuBar())  # a letter for every menu entry
        document.event_did_change.connect(self._show_event)
        self._show_event()
        remember_recent(document.path)
        if self.session_model.rowCount():
            self.select_session(self.session_model.session_at(0).id)
        from facilitator.gui.room_restore import RoomKeeper

        self.room = RoomKeeper(self)  # records the room from here on; the app restores it

    # --- tabs -----------------------------------------------------------------------------

    def _build_tabs(self, all_now: bool) -> None:
        """The tab bar with every tab's name and, with ``all_now``, every tab built; else
        each waits on a blank page (the one on screen is built as the window is shown)."""
        self.tab_titles = {"Details": self.tr("Details"), "Run": self.tr("Run"),
                           "Questions": self.tr("Questions"), "Polls": self.tr("Polls"),
                           "Notes": self.tr("Notes"), "Summary": self.tr("Summary")}
        tab_labels = {"Details": self.tr("&Details"), "Run": self.tr("&Run"),
                      # No Alt+letter: none is free in all three languages.
                      "Questions": self.tr("&Questions"), "Polls": self.tr("Polls"),
                      "Notes": self.tr("&Notes"), "Summary": self.tr("S&ummary")}
        self._tab_labels = tab_labels
        # A blank page is as wide as the widest tab was last time: the agenda beside them
        # keeps the width it will have once every tab is built (no jump after the paint).
        page_width = int(QSettings().value(TAB_PAGE_WIDTH, 0) or 0)
        self.ui.tabs.blockSignals(True)  # the first page added becomes current: not yet built
        for name in TAB_NAMES:
            blank = QWidget()  # its place, until it is built
            blank.setMinimumWidth(page_width)
            self.ui.tabs.addTab(blank, tab_labels[name])
        self.ui.tabs.blockSignals(False)
        # First: a blank page chosen is swapped for its tab before the others hear of it.
        self.ui.tabs.currentChanged.connect(self._build_shown_tab)
        if all_now:
            for name in TAB_NAMES:
                self.tabs[name]  # built as it is looked up
        self.ui.tabs.currentChanged.connect(lambda _: self._flush_details())
        self.ui.tabs.currentChanged.connect(self._bring_shown_tab_up_to_date)
        self.ui.tabs.currentChanged.connect(self._focus_run_tab)

    def _build_tab(self, name: str) -> QWidget:
        """Make the tab ``name`` and put it in its place in the tab bar and the menus."""
        runner = self.document.runner
        if name == "Details":
            from facilitator.gui.session_details import SessionDetails

            widget: QWidget = SessionDetails(self.document, self)
        elif name == "Run":
            from facilitator.gui.run_tab import RunTab

            widget = RunTab(self.document, self, runner=runner)
        elif name == "Questions":  # the stage it puts questions and the join code on
            from facilitator.gui.questions_tab import QuestionsTab

            widget = QuestionsTab(self.document, self, runner=runner,
                                  projector=self.tabs["Run"].projector_access)
        elif name == "Polls":  # the stage shows results; the phone server lets phones in
            from facilitator.gui.polls.polls_tab import PollsTab

            widget = PollsTab(self.document, self, runner=runner,
                              projector=self.tabs["Run"].projector_access,
                              serve_phones=self.tabs["Questions"].serve_polls)
        elif name == "Notes":
            from facilitator.gui.notes_tab import NotesTab

            widget = NotesTab(self.document, self, runner=runner)
        elif name == "Summary":
            from facilitator.gui.summary_tab import SummaryTab

            widget = SummaryTab(self.document, self, runner=runner)
        else:
            raise KeyError(name)
        widget.setObjectName(f"{name.lower()}Tab")
        if self._tab_keys_freed:  # else freed with the whole window
            free_tab_key(widget)
        self._put_in_place(TAB_NAMES.index(name), widget, self._tab_labels[name])
        self.tabs.add(name, widget)
        if self.current_session_id() is not None:
            self.tabs.later(name, self.current_session_id())
        if self._menus_built:
            self._add_tab_to_window(name, widget)
        if not self.tabs.waiting():
            self._watch_keys(False)
        return widget

    def _put_in_place(self, index: int, tab: QWidget, label: str) -> None:
        """``tab`` instead of the blank page at ``index``, shown if that page was; nobody
        hears of the swap (the tab bar's index and its current tab stay what they were)."""
        tabs = self.ui.tabs
        blank = tabs.widget(index)
        was_current = tabs.currentIndex() == index
        tabs.blockSignals(True)
        try:
            tabs.insertTab(index, tab, label)  # the blank page moves to index + 1
            if was_current:
                tabs.setCurrentIndex(index)
            tabs.removeTab(index + 1)
        finally:
            tabs.blockSignals(False)
        blank.deleteLater()

    @property
    def details(self) -> SessionDetails:
        """The Details tab (built, and up to date, as it is asked for)."""
        return self.tabs["Details"]  # type: ignore[return-value]

    def _flush_details(self) -> None:
        details = self.tabs.built("Details")
        if details is not None:
            details.flush()

    def showEvent(self, event: QShowEvent) -> None:
        # The tab on screen is built before the window's first paint (the room keeper may
        # have chosen it meanwhile). The key watch for waiting tabs (on the focus object)
        # comes now, not while the window was made.
        self._build_shown_tab(self.ui.tabs.currentIndex())
        if self.tabs.waiting() and not self._closing:
            self._watch_keys(True)
        super().showEvent(event)

    def _build_shown_tab(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES) and self.tabs.built(TAB_NAMES[index]) is None:
            self.tabs[TAB_NAMES[index]]  # built as it is looked up

    def _free_tab_keys(self) -> None:
        """Tab moves on from every table and text box of the window from here on (tabs built
        later are freed as they are built). With paint_first, once the window is painted,
        or at the first key before that turn comes (``build_every_tab``): free_tab_key
        makes a Python object for every widget it looks through (~2.5 ms at the start)."""
        if not self._tab_keys_freed:
            self._tab_keys_freed = True
            free_tab_key(self)

    def build_every_tab(self) -> None:
        """Build the tabs still waiting (a menu opens, a key may be one of theirs)."""
        self._free_tab_keys()
        for name in self.tabs.waiting():
            self.tabs[name]  # built as it is looked up

    def _watch_keys(self, on: bool) -> None:
        # While tabs wait, a key might be one of their menu actions' shortcuts: Qt asks the
        # focus object first (ShortcutOverride), then looks the key up; building the tabs in
        # between registers their shortcuts in time for that look-up. Watched on the focus
        # object only (FocusObjectFilter), not application-wide.
        if on != (self._keys_watched is not None):
            app = QApplication.instance()
            if on:
                self._keys_watched = _KeysOfWaitingTabs(self, app)
            else:
                self._keys_watched.stop(app)
                self._keys_watched.deleteLater()
                self._keys_watched = None

    def _bring_shown_tab_up_to_date(self, _: int) -> None:
        shown = self.ui.tabs.currentWidget()
        for name, tab in self.tabs.as_they_are():
            if tab is shown:
                self.tabs.bring_up_to_date(name)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Once this paint is on screen: the focus style (make_application) and the
            # outline it draws on what has the focus (~27 ms of CPU: the widgets made so
            # far polished again, the same sizes, and painted), then one hidden tab per
            # turn of the event loop.
            QTimer.singleShot(0, install_waiting_focus_style)
            QTimer.singleShot(0, self._set_icon)
            QTimer.singleShot(0, self._free_tab_keys)
            QTimer.singleShot(0, self._bring_next_tab_up_to_date)

    def _set_icon(self) -> None:
        # The icon in the title bar and task switcher (~5 ms with QIcon and its SVG engine).
        from facilitator.gui import icons

        self.setWindowIcon(icons.app_icon())

    @property
    def settled(self) -> bool:
        """Every tab is built and has its session, and the time zone list is filled (at
        once without ``paint_first``; with it, a few turns of the event loop after the
        first paint)."""
        return (not self.tabs.waiting() and self.tabs.next_due() is None
                and self.details.time_zone_field.names_filled)

    def _bring_next_tab_up_to_date(self) -> None:
        if self._closing:
            return
        waiting = self.tabs.waiting()
        name = waiting[0] if waiting else self.tabs.next_due()
        if name is not None:
            self.tabs[name]  # built and brought up to date as it is looked up
            QTimer.singleShot(0, self._bring_next_tab_up_to_date)
        elif not self.details.time_zone_field.names_filled:  # the last turn
            self.details.time_zone_field.fill_names()
            widest = max(tab.minimumSizeHint().width() for _name, tab in self.tabs.as_they_are())
            QSettings().setValue(TAB_PAGE_WIDTH, widest)

    def _focus_run_tab(self, _: int) -> None:
        # The Run tab's keys act only with the focus inside it: showing it brings it there.
        run = self.tabs.built("Run")  # not built: it is not the one shown
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
        # Not QAction(text, parent): choosing among its overloads makes PySide6 build the
        # QIcon class, with its 151-member ThemeIcon enum, before the first paint (~1.5 ms).
        action = QAction(self)
        action.setText(text)
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
        # Files written on a worker (exports, reports, the summary's PDF, printing): which
        # one is being made, beside the runner's busy bar.
        # Bound methods, not lambdas holding self: the writer lives with the document, and
        # a lambda kept a closed window's Python object alive after Qt had deleted it.
        exports = self.document.exports
        exports.export_did_start.connect(self._export_did_start)
        exports.still_writing.connect(self._export_still_writing)
        file_menu.addSeparator()
        # Ctrl+Q by name: the platform's standard Quit key is empty on some (Windows).
        quit_action = self._action(self.tr("&Quit"), self.request_quit, "Ctrl+Q", "actionQuit")
        file_menu.addAction(quit_action)
        self.quit_action = quit_action

        self._build_edit_menu()
        ui.menuSession.addAction(self._action(self.tr("&Add session"), self.add_session, None,
                                              "actionAddSession"))
        ui.menuSession.addAction(self._action(self.tr("&Remove session"), self.remove_session, None,
                                              "actionRemoveSession"))
        ui.menuSession.addAction(self._action(self.tr("&Team links…"), self.show_team_panel,
                                              None, "actionTeamLinks"))
        # The tabs' own entries come as each tab is built, in the tab bar's order; a menu
        # opened while some still wait has them built first.
        self._tab_entries: dict[str, list[QAction]] = {}
        ui.menuSession.aboutToShow.connect(self.build_every_tab)
        ui.menuView.aboutToShow.connect(self.build_every_tab)
        for index, name in enumerate(self.tabs):
            ui.menuView.addAction(self._action(
                self.tab_titles[name], lambda _=False, i=index: ui.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}"))
        self._build_language_menu()
        self._menus_built = True
        for name, tab in self.tabs.as_they_are():
            self._add_tab_to_window(name, tab)
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
        self.redo_action.setShortcuts(list(redo_keys()))  # Ctrl+Y and Ctrl+Shift+Z

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
        self.document.runner.busy_did_change.connect(self._show_busy)

    def _add_tab_to_window(self, name: str, tab: QWidget) -> None:
        """A tab just built (or built before the menus): its entries in the Session and View
        menus, its window-wide keys, and the room keeper watching it."""
        ui = self.ui
        actions = getattr(tab, "menu_actions", lambda: [])()
        entries: list[QAction] = []
        if actions:
            if name == "Run":
                entries.append(QAction(self))
                entries[0].setSeparator(True)
                entries += actions
            else:
                menu = QMenu(self._tab_labels[name], ui.menuSession)
                menu.addSeparator()
                menu.addActions(actions)
                entries.append(menu.menuAction())
            for action in actions:
                self._add_window_shortcut(action)
        self._tab_entries[name] = entries
        # Before the first entry of a tab further along the tab bar, else at the end.
        later = [self._tab_entries.get(other) for other in TAB_NAMES[TAB_NAMES.index(name) + 1:]]
        before = next((found[0] for found in later if found), None)
        for entry in entries:
            ui.menuSession.insertAction(before, entry)
        if name == "Run":
            for action in getattr(tab, "view_actions", lambda: [])():
                ui.menuView.insertAction(self._language_menu.menuAction(), action)
                self._add_window_shortcut(action)
            # The projector is a window of its own: Ctrl+Q there asks the same question.
            quit_action = self.quit_action
            tab.projector_access.when_made(lambda projector: projector.addAction(quit_action))
        if name == "Notes":
            # The notes list had its own Ctrl+Z; two actions on one key would both stay silent.
            tab.leave_undo_keys_to_window()
        room = getattr(self, "room", None)
        if room is not None:
            room.watch(name, tab)

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
                add_plain_action(self.recent_menu, shown_path(path)).triggered.connect(
                    lambda _=False, p=path: self.open_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # --- file actions ---------------------------------------------------------------------

    def new_event(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # made (with its enums) when first used

        path, _ = QFileDialog.getSaveFileName(self, self.tr("New event"), "", event_filter())
        if not path:
            return
        if not path.endswith(".db"):
            path += ".db"
        from facilitator.store.agenda_io import create_event_file  # not needed to start

        if attempt(self, self.tr("Could not create the event"),
                   lambda: create_event_file(Path(path), None)) is not FAILED:
            self.open_requested.emit(path)

    def open_event(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open event"), "",
                                              event_filter())
        if path:
            self.open_requested.emit(path)

    def save_copy(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), "", event_filter())
        if path and attempt(self, self.tr("Could not save a copy"),
                            lambda: self.document.file.save_copy(path)) is not FAILED:
            self.statusBar().showMessage(self.tr("Saved a copy to {path}").format(path=path),
                                         5000)

    def import_agenda(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import agenda"), "",
                                              agenda_filter())
        if not path:
            return
        # Slow for a big workbook: it runs on a worker, the window stays responsive and
        # the status bar shows how far it has got.
        from facilitator.actions import sessions

        self.document.runner.run(sessions.import_agenda(Path(path)), self,
                                 on_done=lambda done: self._imported(Path(path), done.result))
        if self.document.runner.busy:
            self.statusBar().showMessage(self.tr("Importing {file}…").format(
                file=Path(path).name))

    def _imported(self, path: Path, imported: AgendaImported) -> None:
        self._on_session_selected(QItemSelection(), QItemSelection())
        # English says "1 session" and "2 sessions" without a translator (as summary_tab
        # does): the English text chosen here, a %n plural form per language.
        slots = (self.tr("1 speaking slot") if imported.slots == 1
                 else self.tr("%n speaking slots", "", imported.slots))
        if imported.added is None:  # a speakers table: sessions the event had
            summary = (self.tr("{slots} in 1 session") if imported.sessions == 1
                       else self.tr("{slots} in %n sessions", "", imported.sessions))
        else:
            summary = (self.tr("1 session added, {updated} updated, {slots}")
                       if imported.added == 1
                       else self.tr("%n sessions added, {updated} updated, {slots}", "",
                                    imported.added))
        summary = summary.format(slots=slots, updated=imported.sessions - (imported.added or 0))
        # Rows an organiser hid (a filter to one hall and day) are left out: say how many,
        # or that they could not be told (every row then came in).
        if imported.hidden_rows is None:
            summary = self.tr("{summary}; hidden rows could not be told apart: every row "
                              "was imported").format(summary=summary)
        elif imported.hidden_rows:
            hidden = (self.tr("1 hidden row left out") if imported.hidden_rows == 1
                      else self.tr("%n hidden rows left out", "", imported.hidden_rows))
            summary = self.tr("{summary}, {hidden}").format(summary=summary, hidden=hidden)
        self.statusBar().showMessage(self.tr("Imported {file}: {summary}").format(
            file=path.name, summary=summary), 8000)

    # --- sessions -------------------------------------------------------------------------

    def add_session(self) -> None:
        from facilitator.actions import sessions

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
        self._flush_details()
        for name, _tab in self.tabs.as_they_are():
            self.tabs.later(name, None)
            self.tabs.bring_up_to_date(name)
        from facilitator.actions import sessions

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
        self._language_menu = menu
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

        self.build_every_tab()  # the list is read from the window's actions, the tabs' too
        ShortcutsDialog(self).open()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

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
        name = shown_path(Path(self.document.path).name)
        self.setWindowTitle(window_title(f"{event.title} — {name} — facilitator {__version__}"))

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
        # A Questions tab not built yet has served nothing.
        if getattr(self.tabs.built("Questions"), "server_running", False):
            reasons.append(self.tr("Questions are open: phones lose the connection until "
                                   "facilitator runs again."))
        if getattr(self.tabs.built("Questions"), "team_served", False):
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

    def _export_did_start(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def _export_still_writing(self, path: str) -> None:
        self.statusBar().showMessage(
            self.tr("{path} is still being written: it is not started twice").format(path=path),
            8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button asks like Ctrl+Q; closes from code (the app
        # quitting, tests) do not.
        if (event.spontaneous() and not self._quit_confirmed
                and self.live_activity()):
            event.ignore()
            self.request_quit()
            return
        details = self.tabs.built("Details")
        if details is not None:  # saves pending edits; later focus-outs save nothing
            details.set_session(None)
        self._closing = True  # tabs still waiting are never built
        self._watch_keys(False)
        self.tabs.forget_due()
        for _name, tab in self.tabs.as_they_are():
            shutdown = getattr(tab, "shutdown", None)
            if shutdown:
                shutdown()
        self.document.close()
        super().closeEvent(event)
