"""``facilitator serve`` stops on SIGTERM and SIGHUP as on Ctrl-C; a killed one is tidied up.

Real processes: the CLI serving on 127.0.0.1, a signal, then the file is checked for what
a moderator needs next: questions closed, the lock free, nothing left open to phones.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from facilitator.store import EventFile
from facilitator.store.sessions import list_sessions

pytestmark = pytest.mark.reliability


def start_serve(path, *, sigint_ignored: bool = False) -> tuple[subprocess.Popen, str]:
    """``sigint_ignored``: started as a script's background job (``serve … &``) is, with
    SIGINT ignored, which the process inherits."""
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", str(path), "--host", "127.0.0.1",
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored
        else None)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Join URL: "):
            return process, line.split(": ", 1)[1].strip()
        if not line and process.poll() is not None:
            break
    process.kill()
    _, err = process.communicate()  # closes the pipes too
    raise AssertionError(f"serve did not start: {err!r}")


@pytest.mark.parametrize("sigint_ignored", [
    pytest.param(False, id="from a terminal"),
    pytest.param(True, id="a background job of a script", marks=pytest.mark.skipif(
        sys.platform == "win32", reason="Windows processes inherit no ignored signals")),
])
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_serve_stops_cleanly_on(signal_number, sigint_ignored, sample_path):
    process, url = start_serve(sample_path, sigint_ignored=sigint_ignored)
    with process:  # its pipes are closed however the test ends
        try:
            assert httpx.get(url, timeout=5).status_code == 200
            os.kill(process.pid, signal_number)
            out, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == 0, err
    assert "stopped; questions are closed" in out
    assert "Traceback" not in err
    with EventFile.open(sample_path) as reopened:  # the lock was released
        assert not any(s.questions_open for s in list_sessions(reopened))


def test_a_killed_serve_leaves_no_session_open(sample_path):
    process, url = start_serve(sample_path)
    try:
        assert httpx.get(url, timeout=5).status_code == 200
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        process.stdout.close()
        process.stderr.close()
    with EventFile.open(sample_path, read_only=True) as reader:  # as serve left it
        assert list_sessions(reader)[0].questions_open
    with EventFile.open(sample_path) as reopened:
        assert not any(s.questions_open for s in list_sessions(reopened))
        closed = [e for e in reopened.log_entries() if e["action"] == "questions_closed"]
        assert closed[-1]["detail"] == {"reason": "serve_stopped_unexpectedly"}
    with EventFile.open(sample_path) as again:  # closed once, not on every opening
        assert [e["action"] for e in again.log_entries()].count("questions_closed") == 1
