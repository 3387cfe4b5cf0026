"""A hall behind one address keeps working (guest Wi-Fi, a travel router, a proxy).

Every phone here comes from 127.0.0.1, as behind a venue's NAT. Two clients: the project's
simulated phones (tests/benchmarks/phones.py: each phone keeps its own device cookie,
loads the page and its files, polls every 2 s, votes and asks now and then), and the field
case as it was reported (tests/field_cases/phones-behind-one-address.py: one shared httpx
client). No request may be refused. The 60-second and 2,000-phone runs are benchmarks
(tests/benchmarks/bench_hall.py); here the polling is shortened to keep the suite quick.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from facilitator.audience.runner import PhoneServer
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.conftest import ROOT

pytestmark = [pytest.mark.reliability]
PHONES = 100
ARRIVE_WITHIN = 15.0  # seconds: the whole hall scans the QR code in this time
POLL_FOR = 20.0  # seconds of polling per phone (60 in the benchmark)


@pytest.fixture
def live(event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    for i in range(10):  # something to vote for
        question = store.submit_question(event_file, session.id, f"Seeded question {i}?",
                                         now=time.time(), device_id=f"seed-device-{i:02d}")[0]
        store.approve_question(event_file, question.id, now=time.time())
    server = PhoneServer(event_file.path, None, host="127.0.0.1", port=0)  # shipped limits
    server.start()
    yield server, session
    server.stop()


def test_100_phones_from_one_address_join_and_poll_with_nothing_refused(live) -> None:
    server, session = live
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "phones.py"),
         "--interval", "2", "--hall", str(ARRIVE_WITHIN),
         # After "--": a join token may begin with "-" (URL-safe base64).
         "--", "127.0.0.1", str(server.port), session.join_token, str(PHONES), str(POLL_FOR)],
        capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(run.stdout)
    print(f"{PHONES} phones behind one address in {time.monotonic() - started:.0f} s: "
          f"{result['statuses']}, p99 {result['p99_ms']:.0f} ms")
    assert result["errors"] == 0, result["error_kinds"]
    statuses = result["statuses"]
    assert statuses.get("page 200", 0) == PHONES * 4  # every phone got its whole page
    polls = statuses.get("poll 200", 0) + statuses.get("poll 304", 0)
    assert polls >= PHONES * POLL_FOR / 2 * 0.9  # each phone polled every 2 s throughout
    assert statuses.get("vote 200", 0) > 0  # votes and questions went through too
    assert server.running


def test_the_field_case_sees_no_refused_page_or_poll(live) -> None:
    """The reported script, unchanged: 100 phones, one shared client, one address."""
    server, session = live
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "field_cases" / "phones-behind-one-address.py"),
         f"http://127.0.0.1:{server.port}", session.join_token, str(PHONES), "6",
         str(ARRIVE_WITHIN)],
        capture_output=True, text=True, timeout=120, check=True)
    print(run.stdout)
    assert f"phones with a broken page: 0/{PHONES}; polls refused: 0/" in run.stdout
