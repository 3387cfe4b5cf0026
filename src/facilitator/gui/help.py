"""Help: keyboard shortcuts and About."""

from __future__ import annotations

import platform
import sqlite3

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from facilitator import __version__


def about_text() -> str:
    """The About box: what facilitator does and the versions it runs on."""
    return (
        f"facilitator {__version__}\n"
        + QCoreApplication.translate(
            "MainWindow",
            "Run live panel sessions on-site: speakers list and clock, audience questions "
            "from phones over the venue network, rapporteur notes and a printed summary.")
        + "\n\n"
        f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version} · "
        f"SQLite {sqlite3.sqlite_version}"
    )


class QuickStartDialog(QDialog):
    """Before, during and after a session, and what to do when phones cannot connect."""

    def __init__(self, parent, language: str) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QTextBrowser

        from facilitator.gui.i18n import help_page

        self.setWindowTitle(self.tr("Quick start"))
        browser = QTextBrowser(self)
        browser.setObjectName("quickStart")
        browser.setOpenExternalLinks(False)
        browser.setHtml(help_page(language))  # our own shipped text, never user input
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(640, 720)


class ShortcutsDialog(QDialog):
    """Every action of the main window that has a shortcut, read from the window itself."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = []
        seen = set()
        for action in window.findChildren(QAction):
            # Every key of the action: the clicker keys (PgDown, Right…) are worth knowing.
            key = ", ".join(k.toString(k.SequenceFormat.NativeText) for k in action.shortcuts())
            text = action.text().replace("&", "").rstrip("…")
            if key and text and (text, key) not in seen:
                seen.add((text, key))
                rows.append((text, key))
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcutTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, key) in enumerate(sorted(rows)):
            for column, value in enumerate((text, key)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 520)
