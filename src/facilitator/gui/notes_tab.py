"""Rapporteur notes: a fast stream (type, Enter), linked to whoever is speaking.

Nothing typed is ever lost: the entry box is kept as a draft in the event file within a
second of typing stopping, and the note being edited is saved on the same debounce and
whenever focus leaves it. Add, edit and delete are commands (facilitator.actions.notes)
run by the window's runner, so Ctrl+Z here and Edit › Undo are the same undo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.actions import notes
from facilitator.core.event_time import clock_time
from facilitator.core.model import Session
from facilitator.core.notes import Note, NoteKind, TagChoice, note_speaker, tag_choices
from facilitator.core.text import looks_empty
from facilitator.core.timer import Phase
from facilitator.gui.core_text import core_text, tag_choice_text
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.gui.keyboard import redo_keys
from facilitator.gui.runner import CommandRunner
from facilitator.gui.user_text import mnemonic_free, plain_tip
from facilitator.gui.whole_text import show_text_whole
from facilitator.store import notes as store

SAVE_DELAY_MS = 500  # typing pause after which the draft or the edited note is saved
# A change of column width (the first show, a window being resized) re-fits the rows' heights
# once it has paused this long: a drag does not re-measure a long list at every step.
FIT_ROWS_DELAY_MS = 100
AUTO_SPEAKER = -1  # "whoever is speaking when the note is added"
NOBODY = 0
COLUMNS = (QT_TRANSLATE_NOOP("NotesTab", "Time"), QT_TRANSLATE_NOOP("NotesTab", "Speaker"),
           QT_TRANSLATE_NOOP("NotesTab", "Kind"), QT_TRANSLATE_NOOP("NotesTab", "Note"),
           QT_TRANSLATE_NOOP("NotesTab", "Tags"))


class TagPicker(QToolButton):
    """A button with a menu of checkable tags: guiding questions, SDGs, WUF12 themes."""

    tags_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self._actions: dict[str, QAction] = {}
        self._choices: list[TagChoice] | None = None
        self._update_text()

    def set_choices(self, choices: list[TagChoice]) -> None:
        if choices == self._choices:
            return  # every clock key re-reads the session; its ~200 tags seldom change
        self._choices = list(choices)
        selected = self.tags()
        menu = self.menu()
        menu.clear()
        self._actions.clear()
        group = None
        for choice in choices:
            if choice.group != group:
                menu.addSection(core_text(choice.group))
                group = choice.group
            text = tag_choice_text(choice)
            label = text if len(text) <= 90 else text[:89] + "…"
            action = menu.addAction(mnemonic_free(label))
            action.setCheckable(True)
            action.setChecked(choice.tag in selected)
            action.setData(choice.tag)
            action.setToolTip(plain_tip(text))  # a guiding question is user text
            action.toggled.connect(self._on_toggled)
            self._actions[choice.tag] = action
        self._update_text()

    def tags(self) -> list[str]:
        return [tag for tag, action in self._actions.items() if action.isChecked()]

    def set_tags(self, tags: list[str] | tuple[str, ...]) -> None:
        for tag, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(tag in tags)
            action.blockSignals(False)
        self._update_text()

    def _on_toggled(self, _: bool) -> None:
        self._update_text()
        self.tags_changed.emit()

    def _update_text(self) -> None:
        count = len(self.tags())
        self.setText(self.tr("Tags ({count})").format(count=count) if count else self.tr("Tags"))
        self.setToolTip(", ".join(self.tags()) or self.tr("Guiding questions, SDGs, WUF12 themes"))


class _FocusWatcher(QObject):
    """Calls back when the watched widget loses focus (save the edit at once)."""

    def __init__(self, widget: QWidget, callback: Any) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class NotesTab(QWidget):
    """The rapporteur's notes of the selected session."""

    def __init__(self, document: EventDocument, parent: QWidget | None = None, *,
                 runner: CommandRunner | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session_id: int | None = None
        self.session: Session | None = None
        self.notes: list[Note] = []
        self._shown_notes: list[tuple[int, tuple[str, ...] | None]] = []  # the table's rows
        self.editing_id: int | None = None
        self.runner = runner or document.runner
        # The window's stack: Ctrl+Z here undoes the last change anywhere in the window.
        self.undo_stack = self.runner.undo_stack
        self._build()
        document.notes_did_change.connect(self._on_notes_changed)
        document.slots_did_change.connect(self._on_session_changed)
        document.session_did_change.connect(self._on_session_changed)
        document.event_did_change.connect(self._fill_table)  # the event's time zone changed
        self.set_session(None)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        entry_row = QHBoxLayout()
        self.entry = QLineEdit(self)
        self.entry.setObjectName("noteEntry")
        self.entry.setPlaceholderText(self.tr("Type a note and press Enter"))
        self.entry.setAccessibleName(self.entry.placeholderText())  # for a screen reader
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self.add_from_entry)
        self.entry.textEdited.connect(lambda _: self.draft_timer.start())
        entry_row.addWidget(self.entry, 1)
        self.entry_kind = self._kind_combo("noteKind")
        self.entry_kind.setToolTip(self.tr("What kind of note it is"))
        entry_row.addWidget(self.entry_kind)
        self.entry_speaker = QComboBox(self)
        self.entry_speaker.setObjectName("noteSpeaker")
        self.entry_speaker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.entry_speaker.setMinimumContentsLength(18)
        self.entry_speaker.setToolTip(
            self.tr("Who the note is about; by default whoever is speaking"))
        entry_row.addWidget(self.entry_speaker)
        self.entry_tags = TagPicker(self)
        self.entry_tags.setObjectName("noteTags")
        entry_row.addWidget(self.entry_tags)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addNoteButton")
        self.add_button.clicked.connect(self.add_from_entry)
        entry_row.addWidget(self.add_button)
        layout.addLayout(entry_row)
        self.speaking_label = QLabel(self)
        self.speaking_label.setTextFormat(Qt.TextFormat.PlainText)
        self.speaking_label.setObjectName("speakingNow")
        layout.addWidget(self.speaking_label)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("notesTable")
        self.table.setAccessibleName(self.tr("Notes of this session"))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        show_text_whole(self.table, (1, 3, 4))  # speaker, note, tags: any script
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection)
        # Rows are sized as notes come, often while the tab is hidden (at start-up, before
        # its first show) and its text column is a default 100 px: a short note then wrapped
        # to two lines and stayed so. Each change of width sizes the rows again.
        self.fit_rows_timer = QTimer(self, singleShot=True, interval=FIT_ROWS_DELAY_MS)
        self.fit_rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self.fit_rows_timer.start())
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.draft_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self.edit_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.edit_timer.timeout.connect(self.save_edit)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("actionUndoNote")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("actionRedoNote")
        # Ctrl+Z on the list and the editor's buttons; text boxes keep their own undo.
        self._undo_keys = []
        for action, keys in ((self.undo_action, [QKeySequence(QKeySequence.StandardKey.Undo)]),
                             (self.redo_action, list(redo_keys()))):
            local = QAction(action.text(), self.table)
            local.setShortcuts(keys)
            local.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            local.triggered.connect(action.trigger)
            self.table.addAction(local)
            self._undo_keys.append(local)
        delete = QAction(self.tr("Delete note"), self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        self.focus_action = QAction(self.tr("Take a &note"), self)
        self.focus_action.setObjectName("actionTakeNote")
        self.focus_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.focus_action.triggered.connect(self.focus_entry)

    def _kind_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for kind in NoteKind:
            combo.addItem(core_text(kind.label), kind.value)
        return combo

    def _build_editor(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = QPlainTextEdit(box)
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText(
            self.tr("Select a note to edit it; changes are saved as you type"))
        self.editor.textChanged.connect(self._on_editor_typed)
        _FocusWatcher(self.editor, self.save_edit)
        layout.addWidget(self.editor, 1)
        row = QFormLayout()
        fields = QHBoxLayout()
        self.edit_kind = self._kind_combo("editKind")
        self.edit_kind.activated.connect(lambda _: self._edit_field(
            kind=NoteKind(self.edit_kind.currentData())))
        fields.addWidget(self.edit_kind)
        self.edit_speaker = QComboBox(box)
        self.edit_speaker.setObjectName("editSpeaker")
        self.edit_speaker.activated.connect(lambda _: self._edit_field(
            slot_id=self._slot_of(self.edit_speaker)))
        fields.addWidget(self.edit_speaker, 1)
        self.edit_tags = TagPicker(box)
        self.edit_tags.setObjectName("editTags")
        self.edit_tags.tags_changed.connect(lambda: self._edit_field(tags=self.edit_tags.tags()))
        fields.addWidget(self.edit_tags)
        self.delete_button = QPushButton(self.tr("Delete"), box)
        self.delete_button.setObjectName("deleteNoteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        fields.addWidget(self.delete_button)
        for action in (self.undo_stack.createUndoAction(box, self.tr("Undo")),
                       self.undo_stack.createRedoAction(box, self.tr("Redo"))):
            button = QToolButton(box)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            fields.addWidget(button)
        row.addRow(self.tr("Selected note:"), fields)
        layout.addLayout(row)
        return box

    # --- the tab contract -----------------------------------------------------------------

    def first_stop(self) -> QWidget:
        """The control Tab reaches first from the tab bar (keyboard.FirstStopAfterTabBar)."""
        return self.entry

    def menu_actions(self) -> list[QAction]:
        return [self.focus_action, self.undo_action, self.redo_action]

    def leave_undo_keys_to_window(self) -> None:
        """In a window with Edit › Undo: its Ctrl+Z, not the list's, so one key, one action."""
        for action in self._undo_keys:
            self.table.removeAction(action)
        self.undo_action.setVisible(False)  # Edit › Undo says the same, once
        self.redo_action.setVisible(False)

    def set_session(self, session_id: int | None) -> None:
        self.flush()
        self.session_id = session_id
        self.editing_id = None
        enabled = session_id is not None
        for widget in (self.entry, self.entry_kind, self.entry_speaker, self.entry_tags,
                       self.add_button, self.table):
            widget.setEnabled(enabled)
        self._load_session()
        self.entry.setText(store.load_draft(self.document.file, session_id) if enabled else "")
        self.reload()
        self._show_editor(None)

    def shutdown(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Save whatever is typed and not yet saved (before switching session or closing)."""
        if self.draft_timer.isActive():
            self.draft_timer.stop()
            self.save_draft()
        self.save_edit()

    # --- session and speakers -------------------------------------------------------------

    def _load_session(self) -> bool:
        """Read the session and show its speakers; False when the tab would show the same
        as before (a clock key: nothing here shows time), and nothing was refilled."""
        shown = _shown_of(self.session)
        if self.session_id is None:
            self.session = None
        else:
            loaded = attempt(self, self.tr("Could not read the session"),
                             lambda: self.document.session_state.session(self.session_id))
            self.session = None if loaded is FAILED else loaded
        if shown is not None and shown == _shown_of(self.session):
            return False
        self._fill_speakers()
        choices = tag_choices(self.session) if self.session else []
        self.entry_tags.set_choices(choices)
        self.edit_tags.set_choices(choices)
        return True

    def _speaker_names(self) -> dict[int, str]:
        if self.session is None:
            return {}
        return {slot.id: slot.person.name for slot in self.session.slots}

    def current_speaker(self) -> tuple[int | None, str]:
        if self.session is None or self.session.current_slot_id is None:
            return None, ""
        slot_id = self.session.current_slot_id
        return slot_id, self._speaker_names().get(slot_id, "")

    def _turn_phase(self, slot_id: int | None) -> Phase | None:
        """Where the cursor's turn is: under way (running, paused), not started, ended."""
        slots = self.session.slots if self.session is not None else []
        return next((slot.phase for slot in slots if slot.id == slot_id), None)

    def _fill_speakers(self) -> None:
        slot_id, name = self.current_speaker()
        # The cursor may rest on a speaker who has not started (Next pressed) or who has
        # finished: only a turn under way is "speaking now" (notes still go to them:
        # core.notes.speaker_at, the rapporteurs' devices' rule).
        phase = self._turn_phase(slot_id) if name else None
        chosen = self.entry_speaker.currentData()
        self.entry_speaker.clear()
        if phase is Phase.NOT_STARTED:
            automatic = self.tr("Next: {name}").format(name=name)
            linked = self.tr("Nobody is speaking yet: new notes are linked to {name}, who "
                             "speaks next.").format(name=name)
        elif phase is Phase.ENDED:
            automatic = self.tr("Spoke last: {name}").format(name=name)
            linked = self.tr("Nobody is speaking now: new notes are linked to {name}, who "
                             "spoke last.").format(name=name)
        elif name:
            automatic = self.tr("Speaking now: {name}").format(name=name)
            linked = self.tr("New notes are linked to {name}, who is speaking now.").format(
                name=name)
        else:
            automatic = self.tr("Speaking now: nobody")
            linked = self.tr("Nobody is speaking now: new notes are not linked to a speaker.")
        self.entry_speaker.addItem(automatic, AUTO_SPEAKER)
        self.edit_speaker.clear()
        for combo in (self.entry_speaker, self.edit_speaker):
            combo.addItem(self.tr("No speaker"), NOBODY)
            for sid, speaker in self._speaker_names().items():
                combo.addItem(speaker, sid)
        index = self.entry_speaker.findData(chosen)
        self.entry_speaker.setCurrentIndex(max(0, index))
        self.speaking_label.setText(linked)

    def _slot_of(self, combo: QComboBox) -> int | None:
        data = combo.currentData()
        if data == AUTO_SPEAKER:
            return self.current_speaker()[0]
        return None if data in (None, NOBODY) else int(data)

    def _on_session_changed(self, session_id: int) -> None:
        if session_id == self.session_id and self._load_session():
            self._show_editor(self._note(self.editing_id), keep_text=True)
            self._fill_table()

    # --- adding ---------------------------------------------------------------------------

    def focus_entry(self) -> None:
        # Take a note (Ctrl+Shift+N) acts from every tab: this one is brought up first, or
        # the focus went into a box nobody could see and the note was typed blind.
        holder = self.parentWidget()
        while holder is not None and not isinstance(holder, QTabWidget):
            holder = holder.parentWidget()
        if holder is not None and holder.indexOf(self) >= 0:
            holder.setCurrentWidget(self)
        self.entry.setFocus()
        self.entry.selectAll()

    def add_from_entry(self) -> None:
        text = self.entry.text().strip()
        if looks_empty(text) or self.session_id is None:
            return
        # Re-read who is speaking: the moderator may have pressed Next a second ago.
        self._load_session()
        slot_id = self._slot_of(self.entry_speaker)
        kind = NoteKind(self.entry_kind.currentData())
        done = self.runner.run(notes.add_note(
            self.session_id, text, at=self.document.clock.now(), kind=kind,
            tags=tuple(self.entry_tags.tags()), slot_id=slot_id), self)
        if done is None:
            return  # not saved: the text stays in the box (and in the draft)
        self.table.scrollToBottom()
        self.entry.clear()
        self.draft_timer.stop()
        self.save_draft()
        self.entry_tags.set_tags([])
        self.entry_kind.setCurrentIndex(0)

    def save_draft(self) -> None:
        if self.session_id is None:
            return
        session_id, text = self.session_id, self.entry.text()
        attempt(self, self.tr("Could not keep the note being typed"),
                lambda: store.save_draft(self.document.file, session_id, text))

    # --- the list -------------------------------------------------------------------------

    def _on_notes_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.reload()
            note = self._note(self.editing_id)
            if note is not None and not self.edit_timer.isActive() and (
                    note.text != self.editor.toPlainText().strip()):
                self.show_note_in_editor(note.id, force=True)  # undone, or from elsewhere

    def reload(self) -> None:
        if self.session_id is None:
            self.notes = []
        else:
            loaded = attempt(self, self.tr("Could not read the notes"),
                             lambda: store.list_notes(self.document.file, self.session_id))
            self.notes = [] if loaded is FAILED else loaded
        self._fill_table()
        if self.editing_id is not None and self._note(self.editing_id) is None:
            self._show_editor(None)  # the note being edited was deleted (or undone)

    def _fill_table(self) -> None:
        """Show ``self.notes``: only rows that came, went or changed are touched and sized
        (a clock key re-reads the session many times a minute; re-making and sizing every
        row of a long list each time froze the window)."""
        names = self._speaker_names()
        table = self.table
        wanted = [(note.id, (clock_time(note.created_at, self.document.time_zone),
                             note_speaker(note, names),
                             core_text(note.kind.label), note.text, ", ".join(note.tags)))
                  for note in self.notes]
        table.blockSignals(True)
        shown = self._shown_notes
        keep = {note_id for note_id, _ in wanted}
        for row in reversed(range(len(shown))):
            if shown[row][0] not in keep:
                table.removeRow(row)
                del shown[row]
        still = {note_id for note_id, _ in shown}
        if [i for i, _ in shown] != [i for i, _ in wanted if i in still]:
            table.setRowCount(0)  # the order changed: lay the list out again
            shown.clear()
        present = {note_id for note_id, _ in shown}
        for row, (note_id, _values) in enumerate(wanted):
            if note_id not in present:
                table.insertRow(row)
                shown.insert(row, (note_id, None))
        changed = []
        for row, (note_id, values) in enumerate(wanted):
            if shown[row][1] == values:
                continue
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, note_id)
                item.setToolTip(plain_tip(value) if column in (3, 4) else "")
                table.setItem(row, column, item)
            shown[row] = (note_id, values)
            changed.append(row)
        selected_row = next((row for row, (note_id, _) in enumerate(wanted)
                             if note_id == self.editing_id), -1)
        if selected_row >= 0:
            table.selectRow(selected_row)
        else:
            table.clearSelection()
        table.blockSignals(False)
        for row in changed:
            table.resizeRowToContents(row)

    def _note(self, note_id: int | None) -> Note | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def selected_note_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def _on_selection(self) -> None:
        self.save_edit()
        self.show_note_in_editor(self.selected_note_id())

    def select_note(self, note_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == note_id:
                self.table.selectRow(row)
                return

    def delete_selected(self) -> None:
        note_id = self.selected_note_id() or self.editing_id
        if note_id is None:
            return
        self.save_edit()
        if self.session_id is not None:
            self.runner.run(notes.delete_note(self.session_id, note_id), self)

    # --- editing --------------------------------------------------------------------------

    def show_note_in_editor(self, note_id: int | None, force: bool = False) -> None:
        if note_id == self.editing_id and not force:
            return
        self._show_editor(self._note(note_id))

    def _show_editor(self, note: Note | None, keep_text: bool = False) -> None:
        self.editing_id = note.id if note else None
        for widget in (self.editor, self.edit_kind, self.edit_speaker, self.edit_tags,
                       self.delete_button):
            widget.setEnabled(note is not None)
        if not keep_text:
            self.editor.blockSignals(True)
            self.editor.setPlainText(note.text if note else "")
            self.editor.blockSignals(False)
        if note is None:
            return
        self.edit_kind.setCurrentIndex(max(0, self.edit_kind.findData(note.kind.value)))
        self.edit_speaker.setCurrentIndex(
            max(0, self.edit_speaker.findData(note.slot_id if note.slot_id else NOBODY)))
        self.edit_tags.set_tags(note.tags)

    def _on_editor_typed(self) -> None:
        if self.editing_id is not None:
            self.edit_timer.start()

    def save_edit(self) -> None:
        """Save the editor's text if it differs from the stored note."""
        self.edit_timer.stop()
        note = self._note(self.editing_id)
        text = self.editor.toPlainText().strip()
        if note is None or looks_empty(text) or text == note.text:
            return  # an emptied note is not saved: Delete is the way to remove one
        self._edit_field(text=text)

    def _edit_field(self, **after: Any) -> None:
        note = self._note(self.editing_id)
        if note is None:
            return
        current = {"text": note.text, "kind": note.kind, "tags": list(note.tags),
                   "slot_id": note.slot_id}
        after = {key: value for key, value in after.items() if current[key] != value}
        if after and self.session_id is not None:
            self.runner.run(notes.edit_note(self.session_id, note.id,
                                            at=self.document.clock.now(), **after), self)


def _shown_of(session: Session | None) -> object:
    """What the Notes tab shows of ``session``: its speakers, who the cursor is on and
    whether their turn has not started, is under way or ended, and what notes can be
    tagged with. Not the clocks: a Space press changes none of it. None: no session."""
    if session is None:
        return None
    phase = next((slot.phase for slot in session.slots
                  if slot.id == session.current_slot_id), None)
    if phase is Phase.PAUSED:
        phase = Phase.RUNNING  # both read "Speaking now"
    return (session.id, session.current_slot_id, phase,
            [(slot.id, slot.person.name) for slot in session.slots],
            session.guiding_questions, session.themes)
