"""A table cell edited by picking from a list (slot kind, gender) instead of typing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

if TYPE_CHECKING:  # its class and its enums are made when an editor is first opened
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell whose EditRole value is one of ``choices`` (value, label) pairs."""

    def __init__(self, choices: list[tuple[str, str]], editable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.editable = editable

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(self.editable)
        for value, label in self.choices:
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        assert isinstance(editor, QComboBox)
        found = editor.findData(value)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self.editable:
            editor.setEditText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)
        text = editor.currentText()
        found = editor.findText(text)
        value = editor.itemData(found) if found >= 0 else text
        model.setData(index, value, Qt.ItemDataRole.EditRole)
