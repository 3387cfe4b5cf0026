"""What start-up no longer imports gives the same results when it is used (issue 17: the
imports deferred past the first paint, tests/gui/test_startup_imports.py)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import wave
from importlib.resources import files
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from facilitator.assets import asset, asset_path
from facilitator.gui.chime import RATE, TONE_SECONDS, write_tone
from facilitator.gui.main_window import MainWindow
from facilitator.gui.room_restore import place_group
from facilitator.store import EventFile
from facilitator.store import sessions as store


def test_the_room_is_kept_under_the_same_key_as_with_hashlib(tmp_path):
    # The key names the settings group a room was saved under: it must not change.
    for name in ("event.db", "événement.db", "会议.db"):
        path = tmp_path / name
        digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
        assert place_group(path) == f"room/{digest}"
        assert place_group(str(path)) == f"room/{digest}"


def test_the_chime_tone_is_a_wav_file(tmp_path):
    path = write_tone(tmp_path / "chime.wav")
    with wave.open(str(path), "rb") as tone:
        assert (tone.getnchannels(), tone.getsampwidth(), tone.getframerate()) == (1, 2, RATE)
        assert tone.getnframes() == int(RATE * TONE_SECONDS)
    assert Path(path).stat().st_size > 2 * int(RATE * TONE_SECONDS)


def test_file_new_event_still_makes_an_empty_event(qtbot, document, tmp_path, monkeypatch):
    # The agenda reader (store.agenda_io) is loaded when File › New event is first used.
    window = MainWindow(document)
    qtbot.addWidget(window)
    target = tmp_path / "new event"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(window.open_requested) as opened:
        window.new_event()
    assert opened.args == [str(target) + ".db"]
    with EventFile.open(Path(opened.args[0])) as made:
        assert store.list_sessions(made) == []


MADE_BY_CHIME = r"""
import json, sys
import PySide6.QtCore
from facilitator.gui.chime import Chime
chime = Chime()
print(json.dumps(["QUrl" in vars(PySide6.QtCore), chime._effect is not None]))
"""


def test_the_chime_makes_no_qurl_class_without_qtmultimedia():
    # PySide6 makes a Python class, and an enum per Qt enum, for each Qt class first touched:
    # QUrl's five only when the tone can play (PySide6-Addons installed).
    done = subprocess.run([sys.executable, "-c", MADE_BY_CHIME], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    qurl_made, playable = json.loads(done.stdout)
    assert qurl_made == playable


def test_shipped_resources_are_found_where_importlib_resources_finds_them():
    for parts in [("fonts",), ("i18n", "facilitator_fr.qm"), ("samples",), ("web", "x", "y")]:
        expected = Path(str(files("facilitator.resources").joinpath(*parts)))
        assert asset_path(*parts) == expected == asset(*parts)
    assert asset_path("i18n", "facilitator_fr.qm").is_file()
    sample = next(asset("samples").iterdir())
    assert sample.read_bytes() == files("facilitator.resources").joinpath(
        "samples", sample.name).read_bytes()
