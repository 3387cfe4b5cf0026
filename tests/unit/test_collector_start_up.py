"""The app's start runs with automatic collection off, and only until the event loop's
first turn (gui/collector.py paused_through_start_up): a fresh process, as the
``facilitator`` command starts."""

from __future__ import annotations

import os
import subprocess
import sys

START = r"""
import gc
from PySide6.QtCore import QTimer
from facilitator.gui.app import make_application
app = make_application()
during = gc.isenabled()
seen = []
QTimer.singleShot(0, lambda: seen.append(gc.isenabled()))  # queued after the resume
QTimer.singleShot(20, app.quit)
app.exec()
print(during, seen, gc.isenabled(), gc.get_freeze_count() > 0)
"""


def test_collection_is_off_through_the_start_and_back_at_the_loops_first_turn(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", START], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "False [True] True True"
