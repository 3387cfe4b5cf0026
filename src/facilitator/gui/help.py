"""Help: keyboard shortcuts and About."""

from __future__ import annotations

import platform
import sqlite3

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from facilitator import __version__
from facilitator.gui.keyboard import free_tab_key


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
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        free_tab_key(self)  # Tab moves on to the next control (gui/keyboard.py)
        # Wide enough for the longest action and its keys, side by side (French and Spanish
        # names run long), but never wider than the screen it opens on.
        margins = layout.contentsMargins()
        wanted = (table.columnWidth(0) + table.columnWidth(1) + 2 * table.frameWidth()
                  + table.verticalScrollBar().sizeHint().width()
                  + margins.left() + margins.right())
        screen = window.screen() if window is not None else QGuiApplication.primaryScreen()
        room = screen.availableGeometry().width() * 9 // 10 if screen is not None else wanted
        if wanted > room:  # a small screen: the longest key lists wrap onto a second line
            table.setColumnWidth(1, max(120, table.columnWidth(1) - (wanted - room)))
            table.resizeRowsToContents()
        self.resize(max(480, min(wanted, room)), 520)
