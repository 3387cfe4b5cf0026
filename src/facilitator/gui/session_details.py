"""The Details tab: a session's plan, editable, saved on every typing pause (half a second,
as notes and the summary are) and as soon as a field is left, so a crash loses at most the
last half second typed; a change made elsewhere (Undo, another window's command) shows at
once in every field not being typed in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QTime, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from facilitator.core.event_time import session_end
from facilitator.core.model import Person, Slot, SlotKind
from facilitator.core.text import looks_empty
from facilitator.gui.document import EventDocument
from facilitator.gui.focus_style import plain_cells
from facilitator.gui.forms.ui_session_details import Ui_SessionDetails
from facilitator.gui.slot_model import Column, SlotTableModel
from facilitator.gui.time_zone_field import EventZoneField
from facilitator.store import sessions as store

ISO_MINUTES = "yyyy-MM-ddTHH:mm"
SAVE_DELAY_MS = 500  # typing pause after which typed text is saved (as notes, summary)


class SessionDetails(QWidget):
    """Edit one session's title, description, guiding questions, people, times, slots."""


    def __init__(self, document: EventDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session_id: int | None = None
        self.ui = Ui_SessionDetails()
        self.ui.setupUi(self)
        self.slot_model = SlotTableModel(document, self)
        # Rows of one height, one line each (as the Run tab's): a wrapped name's second line
        # was drawn cut through by the row's edge.
        self.ui.slotTable.setWordWrap(False)
        table = self.ui.slotTable
        table.setModel(self.slot_model)
        for column in (Column.SPOKEN, Column.STATUS):
            table.hideColumn(column)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.ORDER, 36), (Column.ROLE, 100), (Column.ORGANISATION, 130),
                              (Column.CONSTITUENCY, 170), (Column.GENDER, 60),
                              (Column.KIND, 150), (Column.PLANNED, 70)):
            table.setColumnWidth(column, width)
        table.verticalHeader().hide()
        plain_cells(table)  # painted first at start-up
        self.ui.addSlotButton.clicked.connect(self.add_slot)
        self.ui.removeSlotButton.clicked.connect(self.remove_selected_slot)
        self._texts = {
            "title": self.ui.titleEdit,
            "room": self.ui.roomEdit,
            "moderator": self.ui.moderatorEdit,
            "rapporteur": self.ui.rapporteurEdit,
        }
        # What each field shows, as stored (the form a save gives it), when it was last
        # loaded or saved: a field still showing it has nothing typed that is not saved.
        self._loaded: dict[str, Any] = {}
        self.typing_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.typing_timer.timeout.connect(self.save_typing)
        for name, edit in self._texts.items():
            edit.editingFinished.connect(lambda name=name: self._save(
                **{name: self._shown(name)}))
            edit.textEdited.connect(lambda _: self.typing_timer.start())
        self.ui.themesEdit.editingFinished.connect(self._save_themes)
        self.ui.themesEdit.textEdited.connect(lambda _: self.typing_timer.start())
        for edit in (self.ui.descriptionEdit, self.ui.guidingQuestionsEdit):
            # textChanged comes from setPlainText too: a load only restarts the pause.
            edit.textChanged.connect(self.typing_timer.start)
        document.session_did_change.connect(self._session_changed)
        self.ui.descriptionEdit.installEventFilter(self)
        self.ui.guidingQuestionsEdit.installEventFilter(self)
        self.ui.startsEdit.editingFinished.connect(self._save_times)
        self.ui.endsEdit.editingFinished.connect(self._save_times)
        document.slots_did_change.connect(self._update_total)
        self.time_zone_field = EventZoneField(self.ui.timeZoneCombo, document, self)
        self.setEnabled(False)

    # --- loading --------------------------------------------------------------------------

    def first_stop(self) -> QWidget:
        """The control Tab reaches first from the tab bar (keyboard.FirstStopAfterTabBar)."""
        return self.ui.titleEdit

    def set_session(self, session_id: int | None) -> None:
        self.flush()
        self.session_id = session_id
        self.setEnabled(session_id is not None)
        self.slot_model.set_session(session_id)
        if session_id is None:
            return
        session = store.get_session(self.document.file, session_id, with_slots=False)
        for name in (*self._texts, "description", "guiding_questions", "themes"):
            self._show(name, getattr(session, name))
        self.typing_timer.stop()  # loaded, not typed
        # No start yet: today, now, on the event's clock (not the laptop's).
        now = datetime.now(self.document.time_zone).strftime("%Y-%m-%dT%H:%M")
        self._show_times(session.starts_at, session.ends_at, start_else=now)
        self._update_total(session_id)

    def _update_total(self, session_id: int) -> None:
        if session_id != self.session_id:
            return
        planned = sum(slot.planned_seconds for slot in self.slot_model.slots())
        count = self.slot_model.rowCount()
        self.ui.plannedTotal.setText(
            self.tr("%n speakers, {minutes} min planned", "", count).format(
                minutes=f"{planned / 60:g}"))

    # --- the text fields as stored ---------------------------------------------------------

    def _shown(self, name: str) -> Any:
        """What field ``name`` shows, in the form a save stores it."""
        if name in self._texts:
            return self._texts[name].text().strip()
        if name == "description":
            return self.ui.descriptionEdit.toPlainText().strip()
        if name == "guiding_questions":
            lines = self.ui.guidingQuestionsEdit.toPlainText().splitlines()
            return tuple(line.strip() for line in lines if not looks_empty(line))
        themes = self.ui.themesEdit.text().split(";")
        return tuple(theme.strip() for theme in themes if not looks_empty(theme))

    def _show(self, name: str, value: Any) -> None:
        """Field ``name`` shows the stored ``value`` (left alone when it already means it:
        setting it again would move the cursor of someone typing)."""
        self._loaded[name] = value
        if self._shown(name) == value:
            return
        if name in self._texts:
            self._texts[name].setText(value)
        elif name == "description":
            self.ui.descriptionEdit.setPlainText(value)
        elif name == "guiding_questions":
            self.ui.guidingQuestionsEdit.setPlainText("\n".join(value))
        else:
            self.ui.themesEdit.setText("; ".join(value))

    def _session_changed(self, session_id: int) -> None:
        """Undo, or a command from elsewhere, changed the session: each field not being
        typed in shows the stored text (else a later save would put the undone text back)."""
        if session_id != self.session_id:
            return
        session = store.get_session(self.document.file, session_id, with_slots=False)
        for name, before in list(self._loaded.items()):
            if self._shown(name) == before:  # nothing typed here since it was loaded
                self._show(name, getattr(session, name))
        starts_at, ends_at = self._times()
        if (starts_at, ends_at) != (session.starts_at, session.ends_at) and (
                session.starts_at or session.ends_at):
            self._show_times(session.starts_at, session.ends_at)

    # --- saving ---------------------------------------------------------------------------

    def save_typing(self) -> None:
        """Save what was typed in any text field (a typing pause): an emptied title waits
        for the field to be left (it is refused then, and shown again)."""
        if self.session_id is None:
            return
        typed = {name: self._shown(name) for name in self._loaded}
        if not typed.get("title", True):
            del typed["title"]
        self._save(**typed)

    def eventFilter(self, watched, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusOut:
            if watched is self.ui.descriptionEdit:
                self._save(description=self.ui.descriptionEdit.toPlainText().strip())
            elif watched is self.ui.guidingQuestionsEdit:
                self._save_questions()
        return super().eventFilter(watched, event)

    def flush(self) -> None:
        """Save what is being typed (before switching away, or closing)."""
        if self.session_id is None:
            return
        self.typing_timer.stop()
        self.save_typing()

    def _save_questions(self) -> None:
        self._save(guiding_questions=self._shown("guiding_questions"))

    def _save_themes(self) -> None:
        self._save(themes=self._shown("themes"))

    def _times(self) -> tuple[str, str]:
        """Start and end as stored: an end earlier than the start is the next day's (a
        session across midnight), one at 00:00 is none (core's ``session_end``)."""
        starts = self.ui.startsEdit.dateTime().toString(ISO_MINUTES)
        ends = QDateTime(self.ui.startsEdit.date(), self.ui.endsEdit.time())
        return starts, session_end(starts, ends.toString(ISO_MINUTES))

    def _show_times(self, starts_at: str, ends_at: str, *, start_else: str = "") -> None:
        """The time fields show a stored start and end; a start that is none (or not a
        time) shows ``start_else``, or stays as it is."""
        starts = QDateTime.fromString(starts_at, ISO_MINUTES)
        if not starts.isValid():
            starts = QDateTime.fromString(start_else, ISO_MINUTES)
        if starts.isValid():
            self.ui.startsEdit.setDateTime(starts)
        ends = QDateTime.fromString(ends_at, ISO_MINUTES)
        self.ui.endsEdit.setTime(ends.time() if ends.isValid() else QTime(0, 0))  # 0:00: none

    def _save_times(self) -> None:
        starts_at, ends_at = self._times()
        self._save(starts_at=starts_at, ends_at=ends_at)

    def _save(self, **changes: object) -> None:
        from facilitator.actions import sessions  # the command layer: on first use

        if self.session_id is None:
            return
        session_id = self.session_id
        session = store.get_session(self.document.file, session_id, with_slots=False)
        changed = {k: v for k, v in changes.items() if getattr(session, k) != v}
        if not changed:
            return
        if "title" in changed and not changed["title"]:
            self.ui.titleEdit.setText(session.title)
            return
        if self.document.runner.run(sessions.edit_session(session_id, **changed),
                                    self) is not None:
            self._loaded.update({k: v for k, v in changed.items() if k in self._loaded})

    # --- slots ----------------------------------------------------------------------------

    def add_slot(self) -> None:
        from facilitator.actions import speakers
        from facilitator.actions.ids import SlotId

        if self.session_id is None:
            return
        slot = Slot(person=Person(name=self.tr("New speaker")), kind=SlotKind.PANELLIST,
                    planned_seconds=300)
        after = self.slot_model.selected_slot_id(self.ui.slotTable.selectionModel())
        done = self.document.runner.run(speakers.add_speaker(
            self.session_id, slot, after=None if after is None else SlotId(after)), self)
        if done is None:
            return
        row = self.slot_model.row_of(done.result)
        index = self.slot_model.index(row, Column.NAME)
        self.ui.slotTable.setCurrentIndex(index)
        self.ui.slotTable.edit(index)

    def remove_selected_slot(self) -> None:
        from facilitator.actions import speakers

        index = self.ui.slotTable.currentIndex()
        if not index.isValid() or self.session_id is None:
            return
        slot = self.slot_model.slot_at(index.row())
        self.document.runner.run(speakers.remove_speaker(self.session_id, slot.id), self)
