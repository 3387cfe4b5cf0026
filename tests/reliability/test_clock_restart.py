"""A real restart after the wall clock moved: the speech's time stays right.

The second process runs under faketime with its wall clock five minutes ahead, its
boot-time clock untouched (``FAKETIME_DONT_FAKE_MONOTONIC``), as after an NTP step or a
technician setting the time: same boot, so the app keeps the event file's anchor.
The laptop's own clock is never changed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.core.clock_text import format_clock
from facilitator.store import EventFile
from facilitator.store.agenda_io import create_event_file
from facilitator.store.sessions import list_sessions

DRIVER = Path(__file__).with_name("clock_restart_driver.py")
STEP = 300  # seconds the wall clock moves between the two runs

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(not Path("/proc/sys/kernel/random/boot_id").exists(),
                       reason="needs a boot id (Linux) for the anchor to apply"),
    pytest.mark.skipif(shutil.which("faketime") is None,
                       reason="needs faketime (Debian package faketime, in .ci/run)"),
]


def run(path: Path, mode: str, tmp_path: Path, faketime: str | None = None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    command = [sys.executable, str(DRIVER), str(path), mode]
    if faketime:
        env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
        command = ["faketime", "-f", faketime, *command]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_running_speech_survives_a_restart_with_the_wall_clock_moved(tmp_path: Path):
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path) as event_file:
        planned = list_sessions(event_file, with_slots=True)[0].slots[0].planned_seconds
    started = run(path, "start", tmp_path)
    began = time.time()
    assert started["shown"] == format_clock(planned)
    time.sleep(2.2)
    later = run(path, "read", tmp_path, faketime=f"+{STEP}s")
    spoken = time.time() - began
    # The second process really saw its wall clock five minutes ahead ...
    assert later["wall"] - time.time() == pytest.approx(STEP, abs=5)
    # ... and the Run tab still shows the truth (within the seconds the runs took).
    shown_seconds = planned - spoken
    allowed = {format_clock(shown_seconds + extra) for extra in (-1, 0, 1, 2, 3)}
    assert later["shown"] in allowed, (later["shown"], sorted(allowed))
    assert later["shown"] != format_clock(shown_seconds - STEP)
