"""Kill the real app with SIGKILL mid-session: it comes back with the room as it was.

The app runs on a virtual X screen (Xvfb, with openbox managing windows as a desktop
would: full screen needs a window manager), so its windows can be seen from outside as a
person would see them (xdotool, xwininfo). The room, as the last run left it: the second
session on the Questions tab, its questions open on the event's port, the projector full
screen. Started, killed, started again: each time the projector window is back full
screen, phones are answered on the same address, port and token, and the speaker's clock
is what it was. Loopback only ("phones/listen" is 127.0.0.1).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QSettings

from facilitator.core.timer import TimerState
from facilitator.gui.room_restore import (
    PROJECTOR_FULL_SCREEN,
    PROJECTOR_PAGE,
    PROJECTOR_SHOWN,
    place_group,
)
from facilitator.store import EventFile
from facilitator.store import sessions as store
from facilitator.store.agenda_io import create_event_file
from facilitator.store.phone_address import remember_phone_address

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and Xvfb are POSIX-only"),
    pytest.mark.skipif(not all(shutil.which(tool) for tool in
                               ("Xvfb", "openbox", "xdotool", "xwininfo")),
                       reason="needs Xvfb, openbox, xdotool and xwininfo to see the app's "
                              "windows (apt-get install xvfb openbox xdotool x11-utils)"),
]
SCREEN = (1600, 900)  # not the projector window's own 1280×720: full screen shows
TIMEOUT = 30.0
HEADERS = {"X-Facilitator": "1"}


@pytest.fixture
def display():
    """A virtual X screen of its own (Xvfb picks a free display number), with openbox."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    manager = subprocess.Popen(["openbox"], env=dict(os.environ, DISPLAY=f":{number}"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)  # openbox takes the screen before the app maps its windows
        yield f":{number}"
    finally:
        manager.terminate()
        manager.wait(10)
        server.terminate()
        server.wait(10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed_room(config: Path, event: Path, session_id: int) -> None:
    """This laptop's settings as a run left them (the in-process test records them)."""
    settings = QSettings(str(config / "facilitator" / "facilitator.conf"),
                         QSettings.Format.IniFormat)
    settings.setValue("phones/listen", "127.0.0.1")
    settings.setValue(f"{place_group(event)}/session", session_id)
    settings.setValue(f"{place_group(event)}/tab", "Questions")
    settings.setValue(PROJECTOR_SHOWN, True)
    settings.setValue(PROJECTOR_FULL_SCREEN, True)
    settings.setValue(PROJECTOR_PAGE, "stage")
    settings.sync()


def windows(display: str, name: str) -> list[tuple[int, int]]:
    """Sizes of the visible windows whose title contains ``name``."""
    env = dict(os.environ, DISPLAY=display)
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], env=env,
                           capture_output=True, text=True)
    sizes = []
    for window_id in found.stdout.split():
        info = subprocess.run(["xwininfo", "-id", window_id], env=env, capture_output=True,
                              text=True).stdout
        fields = dict(line.strip().split(":", 1) for line in info.splitlines()
                      if ":" in line and line.strip().split(":", 1)[0] in ("Width", "Height"))
        sizes.append((int(fields["Width"]), int(fields["Height"])))
    return sizes


def wait_for(check, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the app exited: {process.stderr.read()!r}")
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"not back within {TIMEOUT:.0f} s: {what}")


def phones_answered(port: int, token: str) -> bool:
    try:
        answer = httpx.get(f"http://127.0.0.1:{port}/api/j/{token}", headers=HEADERS,
                           timeout=2)
    except httpx.HTTPError:
        return False
    return answer.status_code == 200 and answer.json()["session"]["open"]


def test_killed_app_comes_back_with_projector_questions_and_clock(tmp_path, display,
                                                                  python_exe):
    event = create_event_file(tmp_path / "event.db", "walrg")
    port = free_port()
    with EventFile.open(event) as ef:
        session = store.list_sessions(ef)[1]
        slot = store.list_slots(ef, session.id)[0]
        started = time.time() - 100
        store.move_to_slot(ef, session.id,
                           [(slot.id, TimerState(slot.planned_seconds).start(started))],
                           slot.id, "timer_started")
        store.set_questions_open(ef, session.id, True)
        remember_phone_address(ef, "127.0.0.1", port)
    config = tmp_path / "config"
    seed_room(config, event, session.id)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)

    for run in range(2):
        app = subprocess.Popen([python_exe, "-m", "facilitator", str(event)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_for(lambda: phones_answered(port, session.join_token),
                     f"phones answered on 127.0.0.1:{port}", app)
            wait_for(lambda: SCREEN in windows(display, "projector"),
                     "the projector full screen", app)
            speaker = httpx.get(f"http://127.0.0.1:{port}/api/s/{session.speaker_token}",
                                headers=HEADERS).json()
            assert speaker["timer"]["started_at"] == pytest.approx(started)
            assert speaker["timer"]["paused_at"] is None
            remaining = slot.planned_seconds - (speaker["now"] - started)
            assert abs(remaining - (slot.planned_seconds - (time.time() - started))) < 2
            assert windows(display, "facilitator —") != []  # the main window too
            time.sleep(0.5 if run == 0 else 0.2)
            os.kill(app.pid, signal.SIGKILL)
            app.wait(10)
            assert app.returncode == -signal.SIGKILL
            assert not phones_answered(port, session.join_token)  # really gone
            assert windows(display, "projector") == []
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
            app.stderr.close()

    with EventFile.open(event) as ef:
        assert ef.integrity_check() == "ok"
        after = store.get_slot(ef, slot.id)
        assert after.clock.started_at == pytest.approx(started)  # the clock never moved
        assert store.get_session(ef, session.id).questions_open
