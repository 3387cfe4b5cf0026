"""An Arabic (Hebrew, Devanagari…) name is drawn on screen with the shipped Noto font of its
script, as the PDFs print it, not with the system's DejaVu Sans: in the speakers list and
on the projector. Latin text looks as it did (pixel for pixel). Drawn in fresh processes
started as the app starts (the fontconfig rules go in before the QApplication), once with
the rules and once without."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

FIELD_CASES = Path(__file__).resolve().parent.parent / "field_cases"

DRAW = r"""
import json
import sys
from dataclasses import replace
from pathlib import Path

import facilitator.gui.shipped_fonts as shipped
if sys.argv[1] == "without rules":
    shipped.prefer_shipped_script_fonts = lambda: False
from facilitator.gui.app import make_application
app = make_application()
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel
from facilitator.actions import speakers
from facilitator.core.clock import FakeClock
from facilitator.gui.document import EventDocument
from facilitator.gui.main_window import MainWindow
from facilitator.store import EventFile
from facilitator.store.agenda_io import create_event_file


def drawn_with(text, font):
    # The fonts Qt draws `text` with in `font`: one per run of glyphs.
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sorted({run.rawFont().familyName() for run in layout.glyphRuns()})


out = Path(sys.argv[2])
latin, *names = sys.argv[3:]
with EventFile.open(create_event_file(out / "event.db", "walrg")) as event:
    document = EventDocument(event, clock=FakeClock())
    window = MainWindow(document)
    window.resize(1280, 800)
    window.show()
    tab = window.tabs["Run"]
    window.ui.tabs.setCurrentWidget(tab)
    session = window.current_session_id()
    # The panel's first speakers renamed: the first is on the projector, the second next.
    for slot, name in zip(tab.session.slots, names):
        person = replace(slot.person, name=name, organisation=latin)
        tab.runner.run(speakers.edit_speaker(session, slot.id, person=person), tab)
    app.processEvents()
    tab.table.grab().save(str(out / "speakers.png"))
    projector = tab.projector
    projector.resize(1280, 720)
    projector.show()
    tab.refresh_clock()
    app.processEvents()
    projector.grab().save(str(out / "projector.png"))
    label = QLabel(latin)
    label.adjustSize()
    label.grab().save(str(out / "latin.png"))
    print(json.dumps({name: {"table": drawn_with(name, tab.table.font()),
                             "projector": drawn_with(name, projector.speaker_label.font())}
                      for name in [latin, *names]}))
    tab.shutdown()
"""
LATIN = "City of Dakar — «Ville» 10:45, 5 €"
ARABIC = "فاطمة الزهراء"
HEBREW = "רות כהן"


def devanagari_name() -> str:
    with (FIELD_CASES / "names-devanagari.csv").open(encoding="utf-8") as rows:
        return next(csv.DictReader(rows))["name"]


def draw(route: str, folder: Path, tmp_path: Path, names: list[str]) -> dict:
    folder.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", DRAW, route, str(folder), LATIN, *names],
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig's rules are Linux's")
def test_names_are_drawn_with_the_shipped_font_of_their_script(tmp_path):
    names = [ARABIC, devanagari_name(), HEBREW]
    with_rules = draw("app", tmp_path / "rules", tmp_path, names)
    for name, family in ((ARABIC, "Noto Sans Arabic"), (names[1], "Noto Sans Devanagari"),
                         (HEBREW, "Noto Sans Hebrew")):
        assert with_rules[name] == {"table": [family], "projector": [family]}, name
    # The same machine without the rules: its own font (DejaVu Sans here) drew Arabic.
    without = draw("without rules", tmp_path / "plain", tmp_path, names)
    assert without[ARABIC]["table"] != ["Noto Sans Arabic"]
    # Latin text is drawn as before, in the same font and to the pixel.
    assert with_rules[LATIN] == without[LATIN]
    assert QImage(str(tmp_path / "rules" / "latin.png")) == \
        QImage(str(tmp_path / "plain" / "latin.png"))
