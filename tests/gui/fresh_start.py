"""The app started in a fresh process, offscreen, with settings of its own: for the tests
of what its start does before the window's first paint (modules, Qt classes, the focus
style), each a program that stops at that paint and prints what it saw."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Where the room keeper would have left the tab on screen (a restart).
SHOW_TAB = r"""
import sys
from PySide6.QtCore import QCoreApplication, QSettings
from facilitator import APP_NAME
from facilitator.gui.room_restore import place_group
app = QCoreApplication([])
app.setApplicationName(APP_NAME)
app.setOrganizationName(APP_NAME)
QSettings().setValue(place_group(sys.argv[1]) + "/tab", sys.argv[2])
QSettings().sync()
"""


def last_line_of_start(program: str, event_path: Path, tmp_path: Path,
                       shown: str | None = None) -> str:
    """Run ``program`` (Python, given the event file's path as its argument) with the tab
    ``shown`` on screen as a restart would have it (None: a first start, the Details tab);
    the last line it printed. The test fails if the program does."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    if shown:
        subprocess.run([sys.executable, "-c", SHOW_TAB, str(event_path), shown], env=env,
                       check=True, timeout=120)
    done = subprocess.run([sys.executable, "-c", program, str(event_path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]
