"""A message to the speaker on the projector: a preset or free text, steady or blinking."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

PRESETS = (
    QT_TRANSLATE_NOOP("MessageDialog", "Please conclude"),
    QT_TRANSLATE_NOOP("MessageDialog", "One minute"),
    QT_TRANSLATE_NOOP("MessageDialog", "Time is up"),
    QT_TRANSLATE_NOOP("MessageDialog", "Please speak closer to the microphone"),
    QT_TRANSLATE_NOOP("MessageDialog", "Please slow down for the interpreters"),
    QT_TRANSLATE_NOOP("MessageDialog", "Thank you"),
)
BLINK_SETTING = "projector/message_blink"  # the moderator's last choice, kept for next time


def presets() -> list[str]:
    """The ready-made messages in the UI's language (the speaker reads them)."""
    return [QCoreApplication.translate("MessageDialog", text) for text in PRESETS]


def remembered_blink() -> bool:
    """Whether the last message shown blinked (True before any was shown)."""
    value = QSettings().value(BLINK_SETTING, True)
    return value not in (False, "false", "0", 0)


class MessageDialog(QDialog):
    """Pick or type a message; Show puts it on the projector, Clear takes it away."""

    def __init__(self, current: str = "", blink: bool | None = None,
                 parent: QWidget | None = None) -> None:
        """``blink`` None: the choice made the last time a message was shown (at first, on)."""
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.setWindowTitle(self.tr("Message to the speaker"))
        self.cleared = False
        self.text_box = QComboBox()
        self.text_box.setObjectName("messageText")
        self.text_box.setEditable(True)
        self.text_box.addItems(presets())
        self.text_box.setEditText(current or presets()[0])
        self.text_box.lineEdit().selectAll()
        self.text_box.lineEdit().setMaxLength(200)
        self.blink_box = QCheckBox(self.tr("&Blink"))
        self.blink_box.setChecked(remembered_blink() if blink is None else blink)
        buttons = QDialogButtonBox()
        show = buttons.addButton(self.tr("&Show"), QDialogButtonBox.ButtonRole.AcceptRole)
        show.setDefault(True)
        clear = buttons.addButton(self.tr("&Clear message"),
                                  QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        clear.clicked.connect(self._clear)
        form = QFormLayout(self)
        form.addRow(self.tr("&Message"), self.text_box)
        form.addRow("", self.blink_box)
        form.addRow(buttons)
        self.text_box.setFocus()

    def accept(self) -> None:
        if not self.cleared:
            QSettings().setValue(BLINK_SETTING, self.blink_box.isChecked())
        super().accept()

    def _clear(self) -> None:
        self.cleared = True
        self.accept()

    def message(self) -> str:
        return "" if self.cleared else " ".join(self.text_box.currentText().split())

    def blink(self) -> bool:
        return self.blink_box.isChecked()
