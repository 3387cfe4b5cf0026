"""Add a speaker: who they are and what kind of turn they have."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from facilitator.core.model import CONSTITUENCIES, GENDERS, SLOT_KIND_LABELS, Person, Slot, SlotKind
from facilitator.gui.core_text import core_text


class SpeakerDialog(QDialog):
    """Name, role, organisation, constituency, gender, kind and planned minutes."""

    def __init__(self, parent: QWidget | None = None, kind: SlotKind = SlotKind.PANELLIST,
                 minutes: float = 5) -> None:
        super().__init__(parent)
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
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Role"), self.role_edit)
        form.addRow(self.tr("&Organisation"), self.organisation_edit)
        form.addRow(self.tr("&Constituency"), self.constituency_box)
        form.addRow(self.tr("&Gender (optional)"), self.gender_box)
        form.addRow(self.tr("&Kind"), self.kind_box)
        form.addRow(self.tr("&Planned time"), self.minutes_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

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
        return Slot(person=person, kind=SlotKind(self.kind_box.currentData()),
                    planned_seconds=max(30, round(self.minutes_box.value() * 60)))
