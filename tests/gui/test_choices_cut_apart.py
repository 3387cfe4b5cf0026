"""Two different choices in a narrow column of the speakers list (a slot's kind, a
constituency) never look the same on screen, in any interface language: "Palabras de
apertura" and "Palabras de clausura" were both shown as "Palabras de …" (wrapped into a row
too low for their second line), and the moderator could not tell the opening turn from the
closing one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from facilitator.core.model import CONSTITUENCIES, SLOT_KIND_LABELS, Person, Slot
from facilitator.gui.i18n import install_translators
from facilitator.gui.main_window import MainWindow
from facilitator.gui.shipped_fonts import register_shipped_fonts
from facilitator.gui.slot_model import Column
from facilitator.store import sessions as store


def cell_picture(table, row: int, column: int) -> bytes:
    """The cell's pixels as painted."""
    image = table.viewport().grab(table.visualRect(table.model().index(row, column)))
    image = image.toImage()
    return bytes(image.constBits())


@pytest.mark.parametrize("table_of", ["Run", "Details"])
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_different_choices_never_look_the_same(qtbot, document, language, table_of):
    app = QApplication.instance()
    register_shipped_fonts()  # the app's fonts, as it starts
    translators = install_translators(app, language)
    try:
        session_id = store.list_sessions(document.file)[0].id
        # One speaker of each kind and each constituency, as an organiser fills the list.
        kinds = [*SLOT_KIND_LABELS, *SLOT_KIND_LABELS]
        for number, (kind, constituency) in enumerate(zip(kinds, CONSTITUENCIES,
                                                          strict=False)):
            store.add_slot(document.file, session_id, Slot(
                person=Person(name=f"Speaker {number}", constituency=constituency),
                kind=kind, planned_seconds=300))
        window = MainWindow(document)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        if table_of == "Run":
            page = window.tabs["Run"]
            window.ui.tabs.setCurrentWidget(page)
            table = page.table
        else:
            table = window.details.ui.slotTable
        qtbot.wait(20)
        model = table.model()
        for column in (Column.KIND, Column.CONSTITUENCY):
            looks: dict[bytes, set[str]] = {}
            for row in range(model.rowCount()):
                value = model.index(row, column).data()
                table.scrollTo(model.index(row, column))
                if value:
                    looks.setdefault(cell_picture(table, row, column), set()).add(value)
            same = [values for values in looks.values() if len(values) > 1]
            assert same == [], (language, column.name, same)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
