"""A message to the speaker on the projector: a preset or free text, steady or blinking."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

PRESETS = (
    "Please conclude",
    "One minute",
    "Time is up",
    "Please speak closer to the microphone",
    "Please slow down for the interpreters",
    "Thank you",
)


class MessageDialog(QDialog):
    """Pick or type a message; Show puts it on the projector, Clear takes it away."""

    def __init__(self, current: str = "", blink: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.setWindowTitle("Message to the speaker")
        self.cleared = False
        self.text_box = QComboBox()
        self.text_box.setObjectName("messageText")
        self.text_box.setEditable(True)
        self.text_box.addItems(PRESETS)
        self.text_box.setEditText(current or PRESETS[0])
        self.text_box.lineEdit().selectAll()
        self.text_box.lineEdit().setMaxLength(200)
        self.blink_box = QCheckBox("&Blink")
        self.blink_box.setChecked(blink)
        buttons = QDialogButtonBox()
        show = buttons.addButton("&Show", QDialogButtonBox.ButtonRole.AcceptRole)
        show.setDefault(True)
        clear = buttons.addButton("&Clear message", QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        clear.clicked.connect(self._clear)
        form = QFormLayout(self)
        form.addRow("&Message", self.text_box)
        form.addRow("", self.blink_box)
        form.addRow(buttons)
        self.text_box.setFocus()

    def _clear(self) -> None:
        self.cleared = True
        self.accept()

    def message(self) -> str:
        return "" if self.cleared else " ".join(self.text_box.currentText().split())

    def blink(self) -> bool:
        return self.blink_box.isChecked()
