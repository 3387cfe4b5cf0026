"""Kill the real app while a rapporteur is typing: nothing typed is lost.

A driver process builds the real main window (facilitator.gui.app.App), types into the
Notes tab like a user (an added note, an edit in progress, text in the entry box not yet
added), lets the event loop run for a second and a half, says READY and waits. The test
SIGKILLs it (no clean shutdown, no close event) and reopens the event file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.store import EventFile
from facilitator.store import notes as store
from facilitator.store import sessions as session_store

pytestmark = [pytest.mark.reliability,
              pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")]

DRIVER = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from facilitator.gui.app import App, make_application

app = make_application()
facilitator = App()
assert facilitator.open(sys.argv[1])
window = facilitator.windows[0]
notes = window.tabs["Notes"]
window.ui.tabs.setCurrentWidget(notes)
QTest.keyClicks(notes.entry, "Added with Enter")
QTest.keyClick(notes.entry, Qt.Key.Key_Return)
notes.select_note(notes.notes[0].id)
QTest.keyClicks(notes.entry, "Typed but never added")
cursor = notes.editor.textCursor()
cursor.movePosition(cursor.MoveOperation.End)
notes.editor.setTextCursor(cursor)
QTest.keyClicks(notes.editor, " and edited")
QTest.qWait(1500)
print("READY", flush=True)
QTest.qWait(120_000)
"""


def test_note_draft_and_edit_survive_sigkill(sample_path: Path, tmp_path: Path) -> None:
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    process = subprocess.Popen([sys.executable, str(driver), str(sample_path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if line.strip() == "READY" or not line:
                break
        assert line.strip() == "READY", process.stderr.read() if process.poll() is not None \
            else "the driver never got ready"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    # The lock died with the process: the file opens for writing again, as after a crash.
    with EventFile.open(sample_path) as ef:
        session = session_store.list_sessions(ef)[0]
        notes = store.list_notes(ef, session.id)
        assert [n.text for n in notes] == ["Added with Enter and edited"]
        assert store.load_draft(ef, session.id) == "Typed but never added"
        assert ef.integrity_check() == "ok"
