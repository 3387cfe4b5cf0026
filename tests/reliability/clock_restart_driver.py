"""One run of the app's Run tab on an event file, as a separate process (for
test_clock_restart.py): ``start`` presses Space on the first speaker, ``read`` only looks.

Prints one JSON line: the clock the Run tab shows, the app's clock and the wall clock.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication

from facilitator.gui.document import EventDocument
from facilitator.gui.run_tab import RunTab
from facilitator.store import EventFile
from facilitator.store.sessions import list_sessions


def main(path: str, mode: str) -> None:
    app = QApplication([])
    with EventFile.open(path) as event_file:
        document = EventDocument(event_file)  # the real, boot-anchored clock
        tab = RunTab(document)
        tab.set_session(list_sessions(event_file)[0].id)
        if mode == "start":
            tab.toggle()
        tab.refresh_clock()
        print(json.dumps({"shown": tab.clock_face.text, "now": document.clock.now(),
                          "wall": time.time()}), flush=True)
        tab.shutdown()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
