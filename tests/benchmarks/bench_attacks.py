"""A normal phone's latency, quiet and under each attack the phone server now turns away.

One run, one server (the real phone server, shipped limits, 127.0.0.1), a normal phone
on its own address (127.0.0.2) with its device cookie, sampled every 100 ms (20 pages
taking turns, so each polls every 2 s as the page does). Phases of
``--seconds`` each: quiet, then each attack from 127.0.0.1 at full speed in its own
process (so the attacker does not share the server's interpreter):

- vote stuffing: a new device per vote (no cookie kept), on one approved question;
- DNS rebinding: questions posted with a foreign Host, as a rebinding page's fetch();
- framing: requests with both Content-Length and Transfer-Encoding, a second request
  smuggled behind each.

    scripts/bench attacks [--seconds 8] [--attackers 4]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import publish, table  # noqa: E402

ATTACKS = ("vote stuffing", "DNS rebinding", "framing")


# --- the attacker (its own process) ---------------------------------------------------------

def attack_request(kind: str, token: str, question_id: int) -> bytes:
    if kind == "vote stuffing":
        body = b"{}"
        return (f"POST /api/j/{token}/questions/{question_id}/vote HTTP/1.1\r\n"
                f"Host: 127.0.0.1\r\nX-Facilitator: 1\r\nContent-Type: application/json\r\n"
                f"Connection: close\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    if kind == "DNS rebinding":
        body = b'{"text": "Rebound question?"}'
        return (f"POST /api/j/{token}/questions HTTP/1.1\r\nHost: evil.example:8765\r\n"
                f"X-Facilitator: 1\r\nContent-Type: application/json\r\n"
                f"Connection: close\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    inner = (f"POST /api/j/{token}/questions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
             "X-Facilitator: 1\r\nContent-Type: application/json\r\nContent-Length: 27\r\n"
             '\r\n{"text": "Smuggled one?"} ').encode()
    return (f"POST /api/j/{token}/questions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Facilitator: 1\r\n"
            "Content-Type: application/json\r\nContent-Length: 4\r\n"
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n").encode() + inner


async def attacker(kind: str, port: int, token: str, question_id: int, seconds: float,
                   workers: int) -> dict[str, int]:
    """New connection per request (a new device each time, and framing closes anyway)."""
    raw = attack_request(kind, token, question_id)
    seen: dict[str, int] = {}
    end = time.monotonic() + seconds

    async def worker() -> None:
        while time.monotonic() < end:
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(raw)
                await writer.drain()
                data = b""
                while chunk := await asyncio.wait_for(reader.read(65536), 5):
                    data += chunk  # until the server closes (it does, after one answer)
            except (OSError, TimeoutError):
                pass
            finally:
                try:
                    writer.close()
                except Exception:
                    pass
            answers = data.count(b"HTTP/1.1 ")
            status = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/1.1") else "-"
            seen[status] = seen.get(status, 0) + 1
            if answers > 1:
                seen["smuggled answered"] = seen.get("smuggled answered", 0) + answers - 1

    await asyncio.gather(*(worker() for _ in range(workers)))
    return seen


# --- the run --------------------------------------------------------------------------------

def normal_phone(port: int, token: str, seconds: float) -> list[float]:
    import httpx

    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    times: list[float] = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", transport=transport,
                      headers={"X-Facilitator": "1"}, timeout=10) as phone:
        phone.post(f"/api/j/{token}/questions", json={"text": "A normal phone's question?"})
        end = time.monotonic() + seconds
        pages = 0
        while time.monotonic() < end:
            pages += 1
            started = time.perf_counter()
            # 20 pages taking turns: each polls every 2 s, as phone.js does.
            answer = phone.get(f"/api/j/{token}", params={"view": f"normal-page-{pages % 20}"})
            times.append(time.perf_counter() - started)
            if answer.status_code != 200:
                raise RuntimeError(f"the normal phone was refused: {answer.status_code}")
            time.sleep(0.1)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--attackers", type=int, default=4, help="concurrent connections")
    parser.add_argument("--attack", nargs=5, metavar=("KIND", "PORT", "TOKEN", "QID", "S"),
                        help=argparse.SUPPRESS)  # the attacker process
    args = parser.parse_args()
    if args.attack:
        kind, port, token, qid, seconds = args.attack
        print(json.dumps(asyncio.run(attacker(kind, int(port), token, int(qid),
                                              float(seconds), args.attackers))))
        return

    from facilitator.audience.runner import PhoneServer
    from facilitator.store import EventFile
    from facilitator.store import questions as store
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions, set_questions_open

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = create_event_file(Path(folder) / "event.db", "walrg")
        with EventFile.open(path) as ef:
            session = list_sessions(ef)[0]
            set_questions_open(ef, session.id, True)
            question = store.submit_question(ef, session.id, "Stuff me?", now=time.time())[0]
            store.approve_question(ef, question.id, now=time.time())
            server = PhoneServer(path, host="127.0.0.1", port=0)
            server.start()
            try:
                normal_phone(server.port, session.join_token, 1.0)  # warm up
                quiet = normal_phone(server.port, session.join_token, args.seconds)
                rows.append(["none (quiet)", f"{statistics.median(quiet) * 1000:.1f}",
                             f"{max(quiet) * 1000:.0f}", "–", "–"])
                for kind in ATTACKS:
                    attackers_text = {"DNS rebinding": "Rebound question?",
                                      "framing": "Smuggled one?"}.get(kind)

                    def attackers_questions(text: str | None = attackers_text) -> int:
                        return sum(q.text == text for q in store.list_questions(ef, session.id))

                    before = attackers_questions()
                    votes_before = store.get_question(ef, question.id).votes
                    outcome: dict[str, dict] = {}

                    def attack(kind: str = kind, outcome: dict = outcome) -> None:
                        done = subprocess.run(
                            [sys.executable, __file__, "--attackers", str(args.attackers),
                             "--attack", kind, str(server.port), session.join_token,
                             str(question.id), str(args.seconds + 1.0)],
                            capture_output=True, text=True, timeout=args.seconds + 60)
                        outcome["seen"] = json.loads(done.stdout or "{}")

                    thread = threading.Thread(target=attack)
                    thread.start()
                    time.sleep(0.5)  # the attacker is running
                    during = normal_phone(server.port, session.join_token, args.seconds)
                    thread.join()
                    gained = (store.get_question(ef, question.id).votes - votes_before
                              if kind == "vote stuffing"
                              else attackers_questions() - before)
                    answers = ", ".join(f"{k}: {n}" for k, n in sorted(outcome["seen"].items()))
                    rows.append([kind, f"{statistics.median(during) * 1000:.1f}",
                                 f"{max(during) * 1000:.0f}", answers,
                                 f"{gained} {'votes' if kind == 'vote stuffing' else 'questions'}"])
                    print(rows[-1], file=sys.stderr, flush=True)
                bursts = server.bursts(session.id)
            finally:
                server.stop()
    body = table(["attack", "normal phone p50 ms", "max ms", "attacker's answers",
                  "attacker gained"], rows)
    flagged = ", ".join(f"{b.kind} ×{b.count} from {b.address}" for b in bursts) or "none"
    publish("attacks", "A normal phone under attack", body + f"\n\n{args.seconds:.0f} s per "
            f"phase, {args.attackers} attacking connections at full speed from 127.0.0.1 (a new "
            f"connection per request); the normal phone is sampled every 100 ms from "
            f"127.0.0.2. Moderator's flag after the run: {flagged}.")


if __name__ == "__main__":
    main()
