"""The app on a real X display, for test_real_keys.py: opens an event file in a main window
and, ten times a second, writes where things are on screen and what the room's state is to
a JSON file, so the test can click and type with xdotool and check the outcome.

Usage: python real_keys_driver.py EVENT_FILE STATE_FILE
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.floor import FloorStatus
from facilitator.gui.app import make_application
from facilitator.gui.document import EventDocument
from facilitator.gui.main_window import MainWindow
from facilitator.gui.slot_model import Column
from facilitator.store import EventFile
from facilitator.store import floor as floor_store
from facilitator.store import sessions as store


def centre(widget: QWidget, local: QPoint | None = None) -> list[int] | None:
    if widget is None or not widget.isVisible():
        return None
    point = widget.mapToGlobal(local if local is not None else widget.rect().center())
    return [point.x(), point.y()]


def snapshot(window: MainWindow) -> dict:
    run, notes = window.tabs["Run"], window.tabs["Notes"]
    tabs = window.ui.tabs
    bar = tabs.tabBar()
    places = {f"tab:{name}": centre(bar, bar.tabRect(i).center())
              for i, name in enumerate(window.tabs)}
    places["runTable:0"] = centre(run.table.viewport(), run.table.visualRect(
        run.model.index(0, 1)).center()) if run.model.rowCount() else None
    places["runTable:name2"] = centre(run.table.viewport(), run.table.visualRect(
        run.model.index(2, 1)).center()) if run.model.rowCount() > 2 else None
    places["runTable:kind2"] = centre(run.table.viewport(), run.table.visualRect(
        run.model.index(2, Column.KIND)).center()) if run.model.rowCount() > 2 else None
    places["noteEntry"] = centre(notes.entry)
    places["notesTable:0"] = centre(notes.table.viewport(), notes.table.visualRect(
        notes.table.model().index(0, 3)).center()) if notes.table.rowCount() else None
    places["projector"] = centre(run.projector)
    details = window.tabs.built("Details")
    places["startsEdit"] = centre(details.ui.startsEdit) if details is not None else None
    session_id = window.current_session_id()
    session = store.get_session(window.document.file, session_id) if session_id else None
    focus = QApplication.focusWidget()
    dialogs = [w.windowTitle() for w in QApplication.topLevelWidgets()
               if w.isVisible() and w.isWindow() and w is not window
               and w is not run.projector and not w.inherits("QMenu")]
    return {
        "places": places,
        "window_visible": window.isVisible(),
        "current_tab": next((n for n, t in window.tabs.items() if t is tabs.currentWidget()),
                            ""),
        "focus": f"{type(focus).__name__}:{focus.objectName()}" if focus else "",
        "current_slot_id": session.current_slot_id if session else None,
        "slots": [[s.id, s.person.name, s.phase.value] for s in session.slots]
        if session else [],
        "notes": notes.table.rowCount(),
        "note_entry": notes.entry.text(),
        "projector": {"visible": run.projector.isVisible(),
                      "page": run.projector.current_page(),
                      "message": run.projector.message},
        "dialogs": dialogs,
        "log": [e["action"] for e in window.document.file.log_entries()],
        "session_id": session_id,
        "floor_waiting": len(floor_store.list_floor_requests(
            window.document.file, session_id, status=FloorStatus.WAITING)) if session_id else 0,
        "speaker_name_2": session.slots[2].person.name if session and
        len(session.slots) > 2 else "",
    }


def main() -> int:
    event_path, state_path = Path(sys.argv[1]), Path(sys.argv[2])
    app = make_application()
    window = MainWindow(EventDocument(EventFile.open(event_path)))
    window.setGeometry(1320, 40, 1200, 800)  # beside the projector (top-left, 1280x720)
    window.show()
    window.activateWindow()

    def write() -> None:
        if not window.isVisible():
            return
        temporary = state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(snapshot(window)), encoding="utf-8")
        os.replace(temporary, state_path)

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(write)
    timer.start()
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    window.tabs["Run"].shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
