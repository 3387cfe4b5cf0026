"""The Details tab: a session's plan, editable, saved as soon as a field is left."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import QHeaderView, QWidget

from facilitator.core.model import Person, Slot, SlotKind
from facilitator.gui.document import EventDocument
from facilitator.gui.focus_style import plain_cells
from facilitator.gui.forms.ui_session_details import Ui_SessionDetails
from facilitator.gui.slot_model import Column, SlotTableModel
from facilitator.gui.time_zone_field import EventZoneField
from facilitator.store import sessions as store

ISO_MINUTES = "yyyy-MM-ddTHH:mm"


class SessionDetails(QWidget):
    """Edit one session's title, description, guiding questions, people, times, slots."""


    def __init__(self, document: EventDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session_id: int | None = None
        self.ui = Ui_SessionDetails()
        self.ui.setupUi(self)
        self.slot_model = SlotTableModel(document, self)
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
        for name, edit in self._texts.items():
            edit.editingFinished.connect(lambda name=name, edit=edit: self._save(
                **{name: edit.text().strip()}))
        self.ui.themesEdit.editingFinished.connect(self._save_themes)
        self.ui.descriptionEdit.installEventFilter(self)
        self.ui.guidingQuestionsEdit.installEventFilter(self)
        self.ui.startsEdit.editingFinished.connect(self._save_times)
        self.ui.endsEdit.editingFinished.connect(self._save_times)
        document.slots_did_change.connect(self._update_total)
        self.time_zone_field = EventZoneField(self.ui.timeZoneCombo, document, self)
        self.setEnabled(False)

    # --- loading --------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.flush()
        self.session_id = session_id
        self.setEnabled(session_id is not None)
        self.slot_model.set_session(session_id)
        if session_id is None:
            return
        session = store.get_session(self.document.file, session_id, with_slots=False)
        for name, edit in self._texts.items():
            edit.setText(getattr(session, name))
        self.ui.descriptionEdit.setPlainText(session.description)
        self.ui.guidingQuestionsEdit.setPlainText("\n".join(session.guiding_questions))
        self.ui.themesEdit.setText("; ".join(session.themes))
        starts = QDateTime.fromString(session.starts_at, ISO_MINUTES)
        # No start yet: today, now, on the event's clock (not the laptop's).
        now = datetime.now(self.document.time_zone).strftime("%Y-%m-%dT%H:%M")
        self.ui.startsEdit.setDateTime(starts if starts.isValid() else
                                       QDateTime.fromString(now, ISO_MINUTES))
        ends = QDateTime.fromString(session.ends_at, ISO_MINUTES)
        self.ui.endsEdit.setTime(ends.time() if ends.isValid() else QTime(0, 0))
        self._update_total(session_id)

    def _update_total(self, session_id: int) -> None:
        if session_id != self.session_id:
            return
        planned = sum(slot.planned_seconds for slot in self.slot_model.slots())
        count = self.slot_model.rowCount()
        self.ui.plannedTotal.setText(
            self.tr("%n speakers, {minutes} min planned", "", count).format(
                minutes=f"{planned / 60:g}"))

    # --- saving ---------------------------------------------------------------------------

    def eventFilter(self, watched, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusOut:
            if watched is self.ui.descriptionEdit:
                self._save(description=self.ui.descriptionEdit.toPlainText().strip())
            elif watched is self.ui.guidingQuestionsEdit:
                self._save_questions()
        return super().eventFilter(watched, event)

    def flush(self) -> None:
        """Save what is being typed in the multi-line fields (before switching away)."""
        if self.session_id is None:
            return
        self._save(description=self.ui.descriptionEdit.toPlainText().strip())
        self._save_questions()

    def _save_questions(self) -> None:
        lines = self.ui.guidingQuestionsEdit.toPlainText().splitlines()
        self._save(guiding_questions=tuple(line.strip() for line in lines if line.strip()))

    def _save_themes(self) -> None:
        themes = self.ui.themesEdit.text().split(";")
        self._save(themes=tuple(theme.strip() for theme in themes if theme.strip()))

    def _save_times(self) -> None:
        starts = self.ui.startsEdit.dateTime()
        ends = QDateTime(starts.date(), self.ui.endsEdit.time())
        self._save(starts_at=starts.toString(ISO_MINUTES), ends_at=ends.toString(ISO_MINUTES))

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
        self.document.runner.run(sessions.edit_session(session_id, **changed), self)

    # --- slots ----------------------------------------------------------------------------

    def add_slot(self) -> None:
        from facilitator.actions import speakers

        if self.session_id is None:
            return
        slot = Slot(person=Person(name=self.tr("New speaker")), kind=SlotKind.PANELLIST,
                    planned_seconds=300)
        done = self.document.runner.run(speakers.add_speaker(self.session_id, slot), self)
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
