"""SIGKILL the real app at random moments while phones send questions, again and again.

Each round launches the app (offscreen, a driver like test_note_survives_kill.py): the
rapporteur adds a note, the Questions tab lets phones in on 127.0.0.1, and eight phones
(each from its own loopback address) send questions as fast as the limits allow. At a
moment drawn from a seeded schedule the app is SIGKILLed. After all rounds the file is
opened: every question a phone got a 201 for is there with its text, every note is there,
the speaker's clock is exactly as it was (so it resumes at the right time), and
``PRAGMA integrity_check`` is ok.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from facilitator.core.timer import TimerState
from facilitator.store import EventFile
from facilitator.store import notes as note_store
from facilitator.store import questions as question_store
from facilitator.store import sessions as session_store
from facilitator.store.agenda_io import create_event_file

pytestmark = [pytest.mark.reliability, pytest.mark.slow,
              pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")]

ROUNDS = 4
SEED = 20260518
PHONES = 8

DRIVER = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from facilitator.gui.app import App, make_application

app = make_application()
facilitator = App()
assert facilitator.open(sys.argv[1])
window = facilitator.windows[0]
window.select_session(int(sys.argv[2]))
notes = window.tabs["Notes"]
window.ui.tabs.setCurrentWidget(notes)
QTest.keyClicks(notes.entry, sys.argv[3])
QTest.keyClick(notes.entry, Qt.Key.Key_Return)
questions = window.tabs["Questions"]
window.ui.tabs.setCurrentWidget(questions)
questions.server_host, questions.server_port = "127.0.0.1", 0
assert questions.open_questions()
print(f"READY {questions.server.port}", flush=True)
app.exec()
"""


async def phones_submit(port: int, token: str, round_number: int, stop: threading.Event,
                        acknowledged: dict[str, tuple[int, str]]) -> None:
    """Phones sending questions until the server is gone; remember every 201."""

    async def phone(index: int) -> None:
        transport = httpx.AsyncHTTPTransport(local_address=f"127.0.0.{10 + index}")
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", transport=transport,
                                     headers={"X-Facilitator": "1"}, timeout=5) as client:
            sent = 0
            while not stop.is_set():
                request_id = f"kill-{round_number}-{index}-{sent:04d}"
                text = f"Round {round_number}, phone {index}, question {sent}?"
                try:
                    answer = await client.post(
                        f"/api/j/{token}/questions",
                        json={"text": text, "request_id": request_id,
                              # a new phone every few questions: the per-device limit
                              "device": f"killphone-{round_number}-{index}-{sent // 5}"})
                except httpx.HTTPError:
                    return  # the app is gone
                if answer.status_code == 201:
                    acknowledged[request_id] = (answer.json()["id"], text)
                    sent += 1
                elif answer.status_code == 429:
                    await asyncio.sleep(float(answer.headers.get("retry-after", "1")) / 4)
                else:
                    assert answer.status_code < 500, answer.text

    await asyncio.gather(*(phone(i) for i in range(PHONES)))


def run_round(path: Path, session_id: int, token: str, round_number: int, kill_after: float,
              env: dict[str, str], driver: Path,
              acknowledged: dict[str, tuple[int, str]]) -> None:
    process = subprocess.Popen(
        [sys.executable, str(driver), str(path), str(session_id), f"Note of round {round_number}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()
    phones: threading.Thread | None = None
    try:
        line = process.stdout.readline()
        assert line.startswith("READY"), process.stderr.read()
        port = int(line.split()[1])
        phones = threading.Thread(target=lambda: asyncio.run(
            phones_submit(port, token, round_number, stop, acknowledged)), daemon=True)
        phones.start()
        time.sleep(kill_after)
        assert process.poll() is None, process.stderr.read()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL
    finally:
        stop.set()
        if phones is not None:
            phones.join(15)
        if process.poll() is None:
            process.kill()
            process.wait(10)
        process.stdout.close()
        process.stderr.close()


def test_questions_notes_and_clock_survive_repeated_sigkill(tmp_path: Path) -> None:
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session = session_store.list_sessions(ef)[0]
        speaking = session_store.list_slots(ef, session.id)[1]
        started = time.time() - 100
        session_store.move_to_slot(
            ef, session.id, [(speaking.id, TimerState(speaking.planned_seconds).start(started))],
            speaking.id, "timer_started")
        clock_before = session_store.get_slot(ef, speaking.id).clock

    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    schedule = random.Random(SEED)
    acknowledged: dict[str, tuple[int, str]] = {}
    counts = []
    for round_number in range(ROUNDS):
        before = len(acknowledged)
        run_round(path, session.id, session.join_token, round_number,
                  schedule.uniform(0.3, 2.5), env, driver, acknowledged)
        counts.append(len(acknowledged) - before)
    assert sum(counts) > 0, "no phone got a question in before the kills"

    with EventFile.open(path) as ef:
        assert ef.integrity_check() == "ok"
        for request_id, (question_id, text) in acknowledged.items():
            stored = question_store.stored_request(ef, session.id, request_id)
            assert stored is not None, f"acknowledged question {request_id} was lost"
            assert (stored.id, stored.text) == (question_id, text)
        notes = [n.text for n in note_store.list_notes(ef, session.id)]
        assert notes == [f"Note of round {n}" for n in range(ROUNDS)]
        clock_after = session_store.get_slot(ef, speaking.id).clock
        assert clock_after == clock_before  # the clock was never touched by the crashes
        now = time.time()
        assert abs(clock_after.remaining(now) - (speaking.planned_seconds - (now - started))) < 1
        assert session_store.get_session(ef, session.id).current_slot_id == speaking.id
    print(f"questions acknowledged per round before SIGKILL: {counts}")
