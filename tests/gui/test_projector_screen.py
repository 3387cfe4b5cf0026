"""The projector goes to a screen that is not the moderator's, whatever order the system
lists the screens in (a laptop with a projector made the main display lists it first)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.gui.projector import stage_screen

# Two screens on Qt's offscreen platform: the laptop and the projector, in a given order.
SHOW_PROJECTOR = r"""
import sys
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
app = QApplication([])
from facilitator.core.clock import FakeClock
from facilitator.gui.document import EventDocument
from facilitator.gui.main_window import MainWindow
from facilitator.store import EventFile
laptop = next(s for s in QGuiApplication.screens() if s.name() == "LAPTOP")
with EventFile.open(sys.argv[1]) as event_file:
    window = MainWindow(EventDocument(event_file, clock=FakeClock()))
    window.setScreen(laptop)
    window.move(laptop.geometry().topLeft())
    window.show()
    app.processEvents()
    run = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(run)
    run.projector_action.trigger()
    app.processEvents()
    print(window.screen().name(), run.projector.screen().name())
    window.close()
"""


@pytest.mark.parametrize("listed", [["LAPTOP", "PROJECTOR"], ["PROJECTOR", "LAPTOP"]])
def test_the_projector_avoids_the_moderators_screen(tmp_path: Path, sample_path: Path,
                                                    listed: list[str]):
    sizes = {"LAPTOP": (1366, 768), "PROJECTOR": (1920, 1080)}
    x, screens = 0, []
    for name in listed:
        width, height = sizes[name]
        screens.append({"name": name, "x": x, "y": 0, "width": width, "height": height,
                        "logicalDpi": 96, "logicalBpp": 32, "dpr": 1})
        x += width
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", SHOW_PROJECTOR, str(sample_path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["LAPTOP", "PROJECTOR"], done.stdout


def test_stage_screen_rule():
    # The screen chosen last time wins, even the moderator's (they chose it).
    assert stage_screen(["A", "B"], "A", "A") == "A"
    # Else the last screen that is not the moderator's.
    assert stage_screen(["A", "B", "C"], "", "C") == "B"
    assert stage_screen(["A", "B"], "gone", "A") == "B"
    assert stage_screen(["A", "B"], "", "B") == "A"
    # The moderator's screen unknown: the last one, as before.
    assert stage_screen(["A", "B"], "", "") == "B"
    # One screen: the system places the window.
    assert stage_screen(["A"], "", "A") is None
