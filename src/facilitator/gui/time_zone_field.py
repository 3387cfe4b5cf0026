"""The event's time zone, chosen in the Details tab: any IANA name, checked, saved at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from facilitator.core.event_time import zone_names
from facilitator.gui.document import EventDocument


class EventZoneField(QObject):
    """Drives a combo box holding the event's time zone; typing "paris" finds Europe/Paris.

    The zone belongs to the whole event (every session, report and export uses it), so a
    change is announced with ``event_did_change``.
    """

    def __init__(self, combo: QComboBox, document: EventDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.combo = combo
        self.document = document
        self.names_filled = False  # the ~600 names (fill_names)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        combo.lineEdit().editingFinished.connect(self.save)
        combo.activated.connect(lambda _index: self.save())
        document.event_did_change.connect(self.show_zone)
        self.show_zone()

    def fill_names(self) -> None:
        """Put every zone name in the list (once): ~20 ms at start-up for a list nobody has
        opened yet, so the app's first window calls this once it is on screen."""
        if self.names_filled:
            return
        self.names_filled = True
        blocked = self.combo.blockSignals(True)
        self.combo.addItems(zone_names())
        self.combo.blockSignals(blocked)
        self.show_zone()

    def show_zone(self) -> None:
        blocked = self.combo.blockSignals(True)
        self.combo.setCurrentText(self.document.time_zone.key)
        self.combo.blockSignals(blocked)

    def save(self) -> None:
        from facilitator.actions import sessions  # the command layer: on first use

        name = self.combo.currentText().strip()
        if name == self.document.time_zone.key:
            return
        if self.document.runner.run(sessions.set_time_zone(name), self.parent()) is None:
            self.show_zone()  # back to the zone in force: never show one that isn't
