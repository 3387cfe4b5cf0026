"""A device's request is applied once, even when the laptop dies between committing it and
answering it: every request id is in the event file, written with the action.

A real ``facilitator serve`` on loopback is SIGKILLed the moment a device's request is
committed, before its answer leaves (the driver kills itself as the first answer to a POST
is about to be sent); a real restart then gets the device's resend, as its page sends it
when no answer came. Every request that carries an id is tried: a co-moderator's quick
poll (with and without "open"), a rapporteur's note, a phone's question, a delegate's
floor request. Each resend answers with what the first send made, and the event file holds
it once. Before, quick polls' request ids lived in the server's memory
(``TeamApp.polls_added``) and the resend made a second poll.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store import EventFile
from facilitator.store import polls as poll_store
from facilitator.store.sessions import list_sessions

pytestmark = [pytest.mark.reliability,
              pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")]

# The real serve command, killed (SIGKILL, no clean-up) as the first answer to a POST is
# about to be sent: its action is committed, not a byte of the answer has left.
DRIVER = r"""
import os, signal, sys
from starlette.responses import Response

sending = Response.__call__

async def killed(self, scope, receive, send):
    if scope.get("method") == "POST":
        os.kill(os.getpid(), signal.SIGKILL)
    await sending(self, scope, receive, send)

Response.__call__ = killed
from facilitator.cli import main
sys.exit(main(["serve", sys.argv[1], "--host", "127.0.0.1", "--port", "0"]))
"""


def _serve(command: list[str]) -> tuple[subprocess.Popen, dict[str, str]]:
    """Start a server; the links it prints, by what they are ("Join URL", "Rapporteur")."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    urls: dict[str, str] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if ": http://" in line:
            what, url = line.split(": ", 1)
            urls[what] = url.split()[0]
        if line.startswith("Press Ctrl-C") or (not line and process.poll() is not None):
            break
    if not line.startswith("Press Ctrl-C"):
        process.kill()
        raise AssertionError(f"serve did not start: {process.stderr.read()!r}")
    return process, urls


def _post(link: str, path: str, body: dict) -> tuple[int, dict]:
    """POST ``body`` to the API under ``link`` (a /r/ or /j/ page's), as its page does."""
    base, kind, token = link.rpartition("/r/") if "/r/" in link else link.rpartition("/j/")
    request = urllib.request.Request(
        f"{base}/api{kind}{token}/{path}", data=json.dumps(body).encode(), method="POST",
        headers={"X-Facilitator": "1", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _stop(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0 and "Traceback" not in err, err


def _serve_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "facilitator", "serve", str(path), "--host", "127.0.0.1",
            "--port", "0"]


def _kill_during_answer(path: Path, tmp_path: Path, send) -> None:
    """Serve ``path`` with the dying driver; ``send(urls)`` gets no answer."""
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    dying, urls = _serve([sys.executable, str(driver), str(path)])
    try:
        with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
            send(urls)
        dying.wait(timeout=20)
    finally:
        if dying.poll() is None:
            dying.kill()
            dying.wait(timeout=10)
    assert dying.returncode == -signal.SIGKILL


# What each device sends (a path under the printed links, the body with its request id)
# and where the event file keeps what it made.
NOTE = {"client_id": "note-0001-abcdef", "text": "Cities need direct access to finance.",
        "typed_at": 1_000, "sent_at": 2_000}
QUESTION = {"text": "How will the review reach small towns?", "request_id": "question-0001"}
FLOOR = {"name": "Amina Diallo", "kind": "intervention", "request_id": "floor-request-0001"}


def _notes(ef, session_id):
    from facilitator.store import notes as note_store

    return [n.text for n in note_store.list_notes(ef, session_id)].count(NOTE["text"])


def _questions(ef, session_id):
    from facilitator.store import questions as question_store

    return [q.text for q in question_store.list_questions(ef, session_id)].count(
        QUESTION["text"])


def _floor(ef, session_id):
    from facilitator.store import floor as floor_store

    return [r.name for r in floor_store.list_floor_requests(ef, session_id)].count(
        FLOOR["name"])


@pytest.mark.parametrize(("role", "path", "body", "count"), [
    ("Rapporteur", "notes", NOTE, _notes),
    ("Join URL", "questions", QUESTION, _questions),
    ("Join URL", "floor", FLOOR, _floor),
], ids=["rapporteur note", "phone question", "floor request"])
def test_every_request_with_an_id_resent_after_a_kill_is_applied_once(
        sample_path: Path, tmp_path: Path, role, path, body, count) -> None:
    from facilitator.store import floor as floor_store

    with EventFile.open(sample_path) as ef:
        run(ef, LAPTOP, team.create_role_link(Role.RAPPORTEUR, "Amina", now=1.0))
        session_id = list_sessions(ef)[0].stored_id
        floor_store.save_floor_settings(ef, session_id, is_open=True)
    _kill_during_answer(sample_path, tmp_path,
                        lambda urls: _post(urls[role], path, body))
    with EventFile.open(sample_path) as ef:
        assert count(ef, session_id) == 1  # committed before the kill
    server, urls = _serve(_serve_command(sample_path))
    try:
        for _resend in range(2):
            status, answer = _post(urls[role], path, body)
            assert status in (200, 201), answer
    finally:
        _stop(server)
    with EventFile.open(sample_path) as ef:
        assert count(ef, session_id) == 1
        assert ef.integrity_check() == "ok"


@pytest.mark.parametrize("opening", [False, True])
def test_a_quick_poll_resent_after_a_kill_is_made_once(sample_path: Path, tmp_path: Path,
                                                       opening: bool) -> None:
    with EventFile.open(sample_path) as ef:
        run(ef, LAPTOP, team.create_role_link(Role.CO_MODERATOR, "Ana", now=1.0))
        session_id = list_sessions(ef)[0].stored_id
        before = len(poll_store.list_polls(ef, session_id))
    body = {"question": "Which priority first?", "kind": "single",
            "options": ["Housing", "Transport"], "request_id": "quick-poll-0001",
            "open": opening}
    # No answer: the laptop died after the commit.
    _kill_during_answer(sample_path, tmp_path,
                        lambda urls: _post(urls["Co-moderator"], "polls", body))
    with EventFile.open(sample_path) as ef:  # committed before the kill
        made = [p for p in poll_store.list_polls(ef, session_id)
                if p.question == body["question"]]
        assert len(made) == 1

    # The laptop restarted (the real serve command); the page resends what got no answer.
    server, urls = _serve(_serve_command(sample_path))
    link = urls["Co-moderator"]
    try:
        status, answer = _post(link, "polls", body)
        assert status == 200, answer
        assert answer["poll"]["id"] == made[0].id
        # Asked to open it: the resend opens the poll the first send made (no answer came
        # for it, so the page does not know it was never opened).
        assert answer["poll"]["state"] == ("open" if opening else "prepared")
        again = _post(link, "polls", body)  # and any later resend: still the same poll
        assert again[0] == 200 and again[1]["poll"]["id"] == made[0].id
        # Another request id is another poll.
        other = _post(link, "polls", {**body, "request_id": "quick-poll-0002", "open": False})
        assert other[0] == 200 and other[1]["poll"]["id"] != made[0].id
    finally:
        _stop(server)
    with EventFile.open(sample_path) as ef:
        polls = poll_store.list_polls(ef, session_id)
        assert len(polls) == before + 2
        assert [p.question for p in polls].count(body["question"]) == 2
        assert ef.integrity_check() == "ok"
