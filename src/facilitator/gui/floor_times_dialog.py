"""The floor panel's "Speaking times…" dialog: each kind of floor request's speaking time.

A module of its own, imported when first opened: PySide6 makes the Python classes of
QDialog, QDialogButtonBox and QFormLayout, with their enums, when they are first touched,
and the Run tab's first paint needs none of them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from facilitator.core.floor import MAX_SECONDS, FloorKind
from facilitator.gui.core_text import core_text


class FloorTimesDialog(QDialog):
    """Each kind's speaking time in this session, in seconds."""

    def __init__(self, seconds: dict[FloorKind, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorTimesDialog")
        self.setWindowTitle(self.tr("Speaking times for floor requests"))
        form = QFormLayout(self)
        self.boxes: dict[FloorKind, QSpinBox] = {}
        for kind in FloorKind:
            box = QSpinBox()
            box.setObjectName(f"floorSeconds_{kind.value}")
            box.setRange(15, MAX_SECONDS)
            box.setSingleStep(15)
            box.setSuffix(self.tr(" s"))
            box.setValue(seconds[kind])
            self.boxes[kind] = box
            form.addRow(core_text(kind.label), box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def seconds(self) -> dict[FloorKind, int]:
        return {kind: box.value() for kind, box in self.boxes.items()}
