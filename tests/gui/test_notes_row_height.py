"""A note row is as high as its text needs at the table's width, whatever script or emoji
it holds, however the table came to that width.

Breaker's find: after a restart, a note row with an emoji was drawn two lines high. The
rows had been sized while the tab was hidden, its text column a default 100 px wide; any
note longer than that (with an emoji or not) kept two or three lines' height once shown.
"""

from __future__ import annotations

import pytest

from facilitator.gui.notes_tab import NotesTab
from facilitator.gui.shipped_fonts import register_shipped_fonts
from facilitator.store import notes as store
from facilitator.store import sessions as session_store

LONG = "Cities are where the SDGs are won or lost, where mayors answer to people 🎉"
NOTES = ["Cities lead", "Cities lead 🎉 together", "👍", "Mayors ✅ agree", "مدن 🌍 تقود",
         "नगर 🙏 आगे", "家 🏠", LONG]


def _heights(tab):
    return {tab.table.item(row, 3).text(): tab.table.rowHeight(row)
            for row in range(tab.table.rowCount())}


def _one_line(tab) -> bool:
    return len(set(_heights(tab).values())) == 1


@pytest.mark.parametrize("before_shown", [True, False])
def test_rows_fit_their_text_at_the_width_shown(qtbot, document, before_shown):
    register_shipped_fonts()  # as the app does: emoji and every script from shipped fonts
    session = session_store.list_sessions(document.file)[0]
    for at, text in enumerate(NOTES):
        store.add_note(document.file, session.id, text, at=1_800_000_000 + at)
    tab = NotesTab(document)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    if before_shown:  # a restart: the notes are read while the window is being made
        tab.set_session(session.id)
        tab.show()
    else:
        tab.show()
        tab.set_session(session.id)
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: _one_line(tab), timeout=3000)
    one_line = _heights(tab)["Cities lead"]
    tab.resize(400, 600)  # narrower (its least width): the long note wraps, and its row grows
    qtbot.waitUntil(lambda: _heights(tab)[LONG] > one_line, timeout=3000)
    tab.resize(1000, 600)  # wide again: back to one line
    qtbot.waitUntil(lambda: _one_line(tab), timeout=3000)
    assert _heights(tab)["Cities lead"] == one_line
