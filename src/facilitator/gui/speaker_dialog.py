"""Add a speaker: who they are, what kind of turn they have, and for how long — minutes,
or "until 10:45" (the turn ends at that time of day, however late it starts)."""

from __future__ import annotations

import math
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from facilitator.core.clock import Clock, SystemClock
from facilitator.core.model import CONSTITUENCIES, GENDERS, SLOT_KIND_LABELS, Person, Slot, SlotKind
from facilitator.core.planned_time import (
    PlannedTime,
    PlannedTimeError,
    planned_for_until,
    until_instant,
)
from facilitator.core.text import looks_empty
from facilitator.gui.core_text import core_text, planned_time_problem
from facilitator.gui.keyboard import free_tab_key
from facilitator.store.laptop_clock import local_zone


class SpeakerDialog(QDialog):
    """Name, role, organisation, constituency, gender, kind and planned minutes or end time.

    ``clock`` and ``zone`` say what "until 10:45" means (the next 10:45, checked when OK
    is pressed, so a dialog left open does not accept a time that has passed meanwhile).
    """

    def __init__(self, parent: QWidget | None = None, kind: SlotKind = SlotKind.PANELLIST,
                 minutes: float = 5, clock: Clock | None = None,
                 zone: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.clock = clock or SystemClock()
        self.zone = zone or local_zone()
        self._planned: PlannedTime | None = None  # fixed when OK is pressed
        self.setWindowTitle(self.tr("Add speaker"))
        self.setObjectName("speakerDialog")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.role_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.constituency_box = QComboBox()
        self.constituency_box.setEditable(True)
        self.constituency_box.addItem("", "")
        for constituency in CONSTITUENCIES:
            self.constituency_box.addItem(core_text(constituency), constituency)
        self.gender_box = QComboBox()
        self.gender_box.addItems([core_text(g) or self.tr("(not stated)") for g in GENDERS])
        self.kind_box = QComboBox()
        for value, label in SLOT_KIND_LABELS.items():
            self.kind_box.addItem(core_text(label), value.value)
        self.kind_box.setCurrentIndex(list(SLOT_KIND_LABELS).index(kind))
        self.minutes_box = QDoubleSpinBox()
        self.minutes_box.setRange(0.5, 600)
        self.minutes_box.setSingleStep(0.5)
        self.minutes_box.setDecimals(1)
        self.minutes_box.setSuffix(self.tr(" min"))
        self.minutes_box.setValue(minutes)
        self.until_check = QCheckBox(self.tr("or &until"))
        self.until_check.setObjectName("untilCheck")
        self.until_edit = QTimeEdit()
        self.until_edit.setObjectName("untilEdit")
        self.until_edit.setDisplayFormat("HH:mm")
        self.until_edit.setTime(self._suggested_end(minutes))
        self.until_edit.setEnabled(False)
        self.until_check.toggled.connect(self._use_until)
        planned_row = QHBoxLayout()
        planned_row.addWidget(self.minutes_box, 1)
        planned_row.addWidget(self.until_check)
        planned_row.addWidget(self.until_edit, 1)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("plannedTimeProblem")
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Role"), self.role_edit)
        form.addRow(self.tr("&Organisation"), self.organisation_edit)
        form.addRow(self.tr("&Constituency"), self.constituency_box)
        form.addRow(self.tr("&Gender (optional)"), self.gender_box)
        form.addRow(self.tr("&Kind"), self.kind_box)
        self.planned_label = QLabel(self.tr("&Planned time"))
        self.planned_label.setBuddy(self.minutes_box)  # a row of widgets has no buddy itself
        form.addRow(self.planned_label, planned_row)
        form.addRow(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        free_tab_key(self)  # Tab leaves the "until" time box (gui/keyboard.py)

    def _suggested_end(self, minutes: float) -> QTime:
        """Now plus ``minutes``, rounded up to the next five minutes."""
        later = self.clock.now() + minutes * 60
        at = datetime.fromtimestamp(math.ceil(later / 300) * 300, self.zone)
        return QTime(at.hour, at.minute)

    def _use_until(self, on: bool) -> None:
        self.until_edit.setEnabled(on)
        self.minutes_box.setEnabled(not on)
        self.planned_label.setBuddy(self.until_edit if on else self.minutes_box)
        self.problem_label.hide()
        (self.until_edit if on else self.minutes_box).setFocus()

    def planned_time(self) -> PlannedTime:
        """The planned time chosen; raises PlannedTimeError for an end that has passed."""
        now = self.clock.now()
        if self.until_check.isChecked():
            end = self.until_edit.time()
            return planned_for_until(until_instant(end.hour(), end.minute(), now, self.zone),
                                     now)
        return PlannedTime(seconds=max(30, round(self.minutes_box.value() * 60)))

    def accept(self) -> None:
        try:
            self._planned = self.planned_time()
        except PlannedTimeError as error:
            typed = self.until_edit.time().toString("HH:mm")
            self.problem_label.setText(planned_time_problem(PlannedTimeError(error.problem,
                                                                             typed)))
            self.problem_label.show()
            self.adjustSize()  # room for the message, whole
            self.until_edit.setFocus()
            return
        super().accept()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not looks_empty(self.name_edit.text()))

    def _constituency(self) -> str:
        """The stored (English) constituency when one of the list was picked, else the text."""
        text = self.constituency_box.currentText().strip()
        found = self.constituency_box.findText(text)
        return str(self.constituency_box.itemData(found) or "") if found >= 0 else text

    def slot(self) -> Slot:
        gender_index = self.gender_box.currentIndex()
        person = Person(
            name=" ".join(self.name_edit.text().split()),
            role=self.role_edit.text().strip(),
            organisation=self.organisation_edit.text().strip(),
            constituency=self._constituency(),
            gender=GENDERS[gender_index] if gender_index >= 0 else "",
        )
        planned = self._planned or self.planned_time()
        return Slot(person=person, kind=SlotKind(self.kind_box.currentData()),
                    planned_seconds=planned.seconds, until_at=planned.until)
