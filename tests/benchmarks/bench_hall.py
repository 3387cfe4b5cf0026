"""A hall behind one address: N phones from 127.0.0.1 join and poll; nothing may be refused.

The shipped limits, the real phone server (uvicorn in its thread, as the app runs it), the
simulated phones of tests/benchmarks/phones.py in ``--hall`` mode in their own process:
each phone arrives at a random moment, loads the page and its files, keeps its device
cookie, polls every 2 s for SECONDS, and votes or asks now and then. Bounded: each level
lasts its arrival window plus SECONDS.

    scripts/bench hall [--levels 100:15,2000:120] [--seconds 60]

A level is PHONES:ARRIVE_WITHIN (seconds). The default suite runs 100 phones for 20 s
(tests/reliability/test_hall_behind_one_address.py).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import publish, table  # noqa: E402


def make_event(folder: Path) -> tuple[Path, str]:
    from facilitator.store import EventFile
    from facilitator.store import questions as store
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions, set_questions_open

    path = create_event_file(folder / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session = list_sessions(ef)[0]
        set_questions_open(ef, session.id, True)
        for i in range(30):
            question = store.submit_question(ef, session.id, f"Seeded question {i}?",
                                             now=time.time(), device_id=f"seed-{i:04d}")[0]
            store.approve_question(ef, question.id, now=time.time())
        return path, session.join_token


def run_level(phones: int, arrive: float, seconds: float) -> dict:
    from facilitator.audience.runner import PhoneServer

    with tempfile.TemporaryDirectory() as folder:
        path, token = make_event(Path(folder))
        server = PhoneServer(path, host="127.0.0.1", port=0)  # the shipped limits
        server.start()
        try:
            done = subprocess.run(
                [sys.executable, str(HERE / "phones.py"), "--interval", "2", "--hall",
                 str(arrive), "--", "127.0.0.1", str(server.port), token, str(phones),
                 str(seconds)],  # after "--": a join token may begin with "-"
                capture_output=True, text=True, timeout=arrive + seconds + 300)
            if done.returncode != 0:
                raise RuntimeError(f"phones failed: {done.stderr}")
            result = json.loads(done.stdout.splitlines()[-1])
        finally:
            server.stop()
    result["arrive"] = arrive
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--levels", default="100:15,2000:120")
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # one socket per phone
    rows = []
    for level in args.levels.split(","):
        phones, arrive = level.split(":")
        result = run_level(int(phones), float(arrive), args.seconds)
        statuses = result["statuses"]
        refused = sum(n for key, n in statuses.items()
                      if key.split()[1] not in ("200", "201", "304"))
        polls = sum(n for key, n in statuses.items() if key.startswith("poll"))
        rows.append([result["phones"], f"{result['arrive']:.0f}", f"{args.seconds:.0f}",
                     statuses.get("page 200", 0), polls, refused,
                     sum(result["error_kinds"].values()) - refused,
                     f"{result['p50_ms']:.1f}", f"{result['p99_ms']:.0f}",
                     f"{result['client_cpu'] * 100:.0f}%"])
        print(json.dumps({k: v for k, v in result.items() if k != "created_ids"}),
              file=sys.stderr, flush=True)
    body = table(["phones", "arrive within (s)", "poll for (s)", "page files 200", "polls",
                  "refused (429 etc.)", "timeouts/resets", "p50 ms", "p99 ms", "client CPU"],
                 rows)
    publish("hall", "A hall behind one address", body + "\n\nEvery phone from 127.0.0.1, "
            "its own device cookie, polling every 2 s; the shipped limits. \"Refused\" counts "
            "the limits' answers (429 and any other non-2xx/304); \"timeouts\" are requests "
            "unanswered within 10 s, the server past its capacity on this machine (see "
            "Audience load), not a limit.")


if __name__ == "__main__":
    main()
