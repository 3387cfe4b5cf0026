"""The event's time zone, chosen in the Details tab: any IANA name, checked, saved at once."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from facilitator.core.event_time import zone_names
from facilitator.gui.document import FAILED, EventDocument, attempt
from facilitator.store.time_zone import set_event_time_zone


class EventZoneField(QObject):
    """Drives a combo box holding the event's time zone; typing "paris" finds Europe/Paris.

    The zone belongs to the whole event (every session, report and export uses it), so a
    change is announced with ``event_did_change``.
    """

    def __init__(self, combo: QComboBox, document: EventDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.combo = combo
        self.document = document
        combo.addItems(zone_names())
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        combo.lineEdit().editingFinished.connect(self.save)
        combo.activated.connect(lambda _index: self.save())
        document.event_did_change.connect(self.show_zone)
        self.show_zone()

    def show_zone(self) -> None:
        blocked = self.combo.blockSignals(True)
        self.combo.setCurrentText(self.document.time_zone.key)
        self.combo.blockSignals(blocked)

    def save(self) -> None:
        name = self.combo.currentText().strip()
        if name == self.document.time_zone.key:
            return
        saved = attempt(self.parent(), self.tr("Could not change the time zone"),
                        lambda: set_event_time_zone(self.document.file, name))
        if saved is FAILED:
            self.show_zone()  # back to the zone in force: never show one that isn't
            return
        self.document.event_did_change.emit()
