"""What the app imports before its window is first painted (issue 17: start-up at most 1.5x
an empty PySide6 window).

Each of these libraries costs tens of milliseconds to import and none is needed to show
the event: PDFs and Word files (reportlab, docx, fontTools, uharfbuzz, pypdf), the phone
server (starlette, uvicorn, anyio, h11), QR codes and images (qrcode, PIL), workbooks
(openpyxl), word stems (snowballstemmer), and sqlite-utils, which only upgrades old event
files. The app goes the way ``facilitator EVENT_FILE`` goes, in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("reportlab", "docx", "fontTools", "uharfbuzz", "pypdf", "starlette", "uvicorn",
         "anyio", "h11", "httptools", "uvloop", "qrcode", "PIL", "openpyxl", "snowballstemmer",
         "sqlite_utils")

# Prints the modules loaded when the main window's first paint has been delivered.
AT_FIRST_PAINT = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if (not self.seen and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                and obj.window().inherits("QMainWindow")):
            self.seen = True
            QTimer.singleShot(0, lambda: (print(json.dumps(sorted(sys.modules)), flush=True),
                                          os._exit(0)))
        return False

import facilitator.cli
from facilitator.gui.app import App, choose_event_file, make_application
app = make_application()
probe = FirstPaint()
app.installEventFilter(probe)
assert App().open(choose_event_file(sys.argv[1]))
app.exec()
"""


def test_no_heavy_library_is_imported_before_the_first_paint(sample_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, str(sample_path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert "facilitator.gui.main_window" in loaded  # the window was there
    heavy = sorted({name.split(".")[0] for name in loaded} & set(HEAVY))
    assert heavy == [], heavy
