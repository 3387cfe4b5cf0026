"""Kill the real app (offscreen) mid-speech, restart it: the clock is right, nothing lost.

The speaker's clock is started the way the Run tab starts it (one ``move_to_slot``
action), the app is launched on the file, killed with SIGKILL while the speaker talks,
launched and killed again, and finally opened in-process to read what the Run tab shows.
"""

from __future__ import annotations

import math
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.core.timer import TimerState
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file
from facilitator.store.lock import FileLock, read_holder

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only"),
]
STARTUP_TIMEOUT = 30.0


def app_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    return env


def wait_until_open(path: Path, process: subprocess.Popen) -> None:
    """The app holds the event file's lock once the file is open: the lock file names it.

    Read, never taken: a probe that took the lock, however briefly, could make the app's
    own opening find the file locked.
    """
    lock_file = FileLock(path).path
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the app exited early: {process.stderr.read()!r}")
        try:
            if read_holder(lock_file.read_text()).pid == str(process.pid):
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("the app did not open the event file in time")


def launch_and_kill(path: Path, env: dict[str, str], python: str, run_for: float) -> None:
    process = subprocess.Popen([python, "-m", "facilitator", str(path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_open(path, process)
        time.sleep(run_for)  # the window is up and repainting the running clock
        if process.poll() is not None:
            raise AssertionError(f"the app died by itself: {process.stderr.read()!r}")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def seconds_of(text: str) -> int:
    match = re.fullmatch(r"(-?)(\d+):(\d\d)", text)
    assert match, text
    sign = -1 if match.group(1) else 1
    return sign * (int(match.group(2)) * 60 + int(match.group(3)))


def test_killed_mid_speech_resumes_with_the_right_time(tmp_path, python_exe, qtbot):
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path) as file:
        first, second = store.list_sessions(file)[:2]
        speaking = store.list_slots(file, first.id)[1]
        started = time.time() - 100
        # Exactly what the Run tab writes on Space, and on Space again for a pause.
        store.move_to_slot(file, first.id,
                           [(speaking.id, TimerState(speaking.planned_seconds).start(started))],
                           speaking.id, "timer_started")
        paused_slot = store.list_slots(file, second.id)[0]
        paused = TimerState(paused_slot.planned_seconds).start(started).pause(started + 30)
        store.move_to_slot(file, second.id, [(paused_slot.id, paused)], paused_slot.id,
                           "timer_paused")
        before = {s.id: s for sess in store.list_sessions(file)
                  for s in store.list_slots(file, sess.id)}
        log_before = len(file.log_entries())

    env = app_env(tmp_path)
    launch_and_kill(path, env, python_exe, run_for=1.5)
    launch_and_kill(path, env, python_exe, run_for=0.5)  # killed again, right after start

    with EventFile.open(path) as file:
        assert file.integrity_check() == "ok"
        after = {s.id: s for sess in store.list_sessions(file)
                 for s in store.list_slots(file, sess.id)}
        assert after.keys() == before.keys()  # no slot lost
        assert after == before  # nor any clock changed by the crashes
        assert len(file.log_entries()) >= log_before
        assert store.get_session(file, first.id).current_slot_id == speaking.id

    # The restarted app (here in-process, to read its widgets) shows the wall-clock time.
    from facilitator.gui.document import EventDocument
    from facilitator.gui.main_window import MainWindow

    document = EventDocument(EventFile.open(path))  # the real SystemClock
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.select_session(first.id)
    run = window.tabs["Run"]
    before_read = time.time()
    run.refresh_clock()
    after_read = time.time()
    # The clock shows whole seconds rounded up; the true remaining time at the read lies
    # between these two, so what is shown must be one of their ceilings.
    most = speaking.planned_seconds - (before_read - started)
    least = speaking.planned_seconds - (after_read - started)
    assert run.speaker_label.text() == speaking.person.name
    for shown in (run.clock_face.text, run.projector.clock_face.text):
        assert math.ceil(least) <= seconds_of(shown) <= math.ceil(most)
        assert abs(seconds_of(shown) - most) <= 1.0

    window.select_session(second.id)
    run.refresh_clock()
    assert seconds_of(run.clock_face.text) == paused_slot.planned_seconds - 30  # pause held
    window.close()


def test_bad_file_gives_a_message_not_a_traceback(tmp_path, python_exe):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database")
    result = subprocess.run([python_exe, "-m", "facilitator", str(bogus)], env=app_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "not a facilitator event file" in result.stderr
