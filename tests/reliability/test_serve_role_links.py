"""``facilitator serve`` prints each live role link on its own line, the role's name first;
the links survive a real restart of the process (same tokens) until revoked; a
timekeeper's ``curl`` advances the speaker."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store import EventFile
from facilitator.store.sessions import list_sessions

pytestmark = pytest.mark.reliability


def start_serve(path) -> tuple[subprocess.Popen, list[str]]:
    """Serve ``path`` on 127.0.0.1 (a free port); the lines printed up to "Press Ctrl-C"."""
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", str(path), "--host", "127.0.0.1",
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Press Ctrl-C"):
            return process, lines
        if not line and process.poll() is not None:
            break
        lines.append(line.rstrip("\n"))
    process.kill()
    raise AssertionError(f"serve did not start: {process.stderr.read()!r}")


def stop(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGTERM)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "Traceback" not in err, err


def role_lines(lines: list[str]) -> dict[str, str]:
    titles = {role.title for role in Role}
    return {line.split(": ", 1)[0]: line.split(": ", 1)[1]
            for line in lines if line.split(": ", 1)[0] in titles}


def curl(url: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["curl", "--silent", "--show-error", "--max-time", "10",
                           "--write-out", "\n%{http_code}", *extra, url],
                          capture_output=True, text=True, timeout=20, check=False)


@pytest.mark.skipif(shutil.which("curl") is None,
                    reason="curl is not installed (.ci/run installs it: apt-get install curl)")
def test_serve_prints_the_live_links_and_they_survive_a_restart(sample_path):
    with EventFile.open(sample_path) as ef:
        made = {role: run(ef, LAPTOP, team.create_role_link(role, name, now=1.0)).result
                for role, name in [(Role.RAPPORTEUR, "Amina"), (Role.CO_MODERATOR, ""),
                                   (Role.TIMEKEEPER, "Deck"), (Role.PODIUM, "")]}
        run(ef, LAPTOP, team.revoke_role_link(made[Role.CO_MODERATOR].token, now=2.0))
        session = list_sessions(ef)[0]
    process, lines = start_serve(sample_path)
    try:
        printed = role_lines(lines)
        assert set(printed) == {"Rapporteur", "Timekeeper", "Podium"}  # not the revoked one
        assert printed["Rapporteur"].endswith(f"/r/{made[Role.RAPPORTEUR].token} (Amina)")
        assert printed["Timekeeper"].endswith(f"/r/{made[Role.TIMEKEEPER].token} (Deck)")
        assert printed["Podium"].endswith(f"/r/{made[Role.PODIUM].token}")
        timekeeper = printed["Timekeeper"].split()[0]
    finally:
        stop(process)

    process, lines = start_serve(sample_path)  # a real restart: a new process, new port
    try:
        again = role_lines(lines)
        assert {role: url.rsplit("/r/", 1)[1] for role, url in again.items()} == {
            role: url.rsplit("/r/", 1)[1] for role, url in printed.items()}
        control = again["Timekeeper"].split()[0].replace("/r/", "/api/r/") + "/control/"
        assert control.startswith("http://127.0.0.1:") and timekeeper != control
        for action in ("start", "next"):
            result = curl(control + action, "-X", "POST", "-H", "X-Facilitator: 1")
            body, status = result.stdout.rsplit("\n", 1)
            assert status == "200", result
            assert json.loads(body)["changed"] is True
        refused = curl(control + "next", "-X", "POST")  # no custom header
        assert refused.stdout.rsplit("\n", 1)[1] == "403"
    finally:
        stop(process)
    with EventFile.open(sample_path) as ef:
        slots = list_sessions(ef, with_slots=True)[0].slots
        assert list_sessions(ef)[0].current_slot_id == slots[1].id  # advanced by curl
        by = [e["detail"]["by"] for e in ef.log_entries()
              if e["action"] in ("timer_started", "next_speaker")]
        assert by == ["timekeeper:Deck", "timekeeper:Deck"]
        assert session.id == list_sessions(ef)[0].id
