"""Audience load: the real app under N simulated phones, against a bare Starlette server.

Server: tests/benchmarks/load_server.py (the real main window offscreen, phone server
opened through the Questions tab, a 10 ms QTimer probe on the GUI thread), one process.
Phones: tests/benchmarks/phones.py, another process, each phone from its own 127.0.x.y
address. Every level runs against the app, then against the bare baseline, on a fresh
copy of the same event file. Bounded: each level lasts ``--seconds`` plus warm-up.

    scripts/bench audience [--levels 100,500,1000,2000] [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import publish, table  # noqa: E402

TARGET_PHONES = 1000
SEEDED_QUESTIONS = 100


def make_event(folder: Path) -> tuple[Path, int, str]:
    """The World Assembly sample with 100 approved questions in its first session."""
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions

    path = create_event_file(folder / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session = list_sessions(ef)[0]
        now = time.time()
        with ef.action("bench_questions", session.id):
            for i in range(SEEDED_QUESTIONS):
                ef.db.execute(
                    "INSERT INTO questions (session_id, text, original_text, status, votes, "
                    "device_id, created_at, updated_at) VALUES (?, ?, ?, 'approved', ?, ?, ?, ?)",
                    [session.id, f"Seeded question {i}: how do cities finance housing?",
                     f"Seeded question {i}: how do cities finance housing?", i % 17,
                     f"seed-{i:04d}", now - 1000 + i, now - 1000 + i])
        return path, session.id, session.join_token


class Server:
    """One server process, driven over stdin/stdout."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "load_server.py"), *args], env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("READY"):
            self.process.kill()
            raise RuntimeError(f"server did not start: {line!r} {self.process.stderr.read()}")
        self.port = int(line.split()[1])

    def ask(self, command: str) -> str:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def stop(self) -> str:
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(timeout=20)
        except (subprocess.TimeoutExpired, BrokenPipeError):
            self.process.kill()
            self.process.wait()
        errors = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        self.process.stdin.close()
        return errors


def run_level(kind: str, phones: int, args: argparse.Namespace, event: Path, session_id: int,
              token: str, env: dict[str, str], closed: int = 0) -> dict:
    server = Server(["app", str(event), str(session_id)] if kind == "app" else ["bare"], env)
    try:
        time.sleep(1.0)  # let the window settle before the window opens
        server.ask("reset")
        before = json.loads(server.ask("stats"))
        command = [sys.executable, str(HERE / "phones.py"), "127.0.0.1", str(server.port),
                   token, str(phones), str(args.capacity_seconds if closed else args.seconds),
                   "--interval", str(args.interval), "--warmup", "1" if closed else "3"]
        if closed:
            command += ["--closed", str(closed)]
        done = subprocess.run(command, env=env, capture_output=True, text=True,
                              timeout=args.seconds * 4 + 120)
        if done.returncode != 0:
            raise RuntimeError(f"phones failed: {done.stderr}")
        result = json.loads(done.stdout.splitlines()[-1])
        after = json.loads(server.ask("stats"))
    finally:
        stderr = server.stop()
    result["kind"] = kind
    result["stall_ms"] = after["stall_ms"]
    result["rss_mb"] = after["rss_mb"]
    result["server_cpu"] = (after["cpu_s"] - before["cpu_s"]) / (
        (args.capacity_seconds if closed else args.seconds) + (1 if closed else 3))
    problems = [line for line in stderr.splitlines() if "Traceback" in line or "ERROR" in line]
    result["server_errors"] = len(problems)
    if problems:
        print(f"server stderr ({kind}, {phones}):\n{stderr[-3000:]}", file=sys.stderr)
    return result


def row(result: dict) -> list[object]:
    stall = "–" if result["stall_ms"] is None else f"{result['stall_ms']:.0f}"
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(result["error_kinds"].items()))
    return [
        result["kind"], result["phones"], f"{result['throughput']:.0f}",
        f"{result['p50_ms']:.1f}", f"{result['p95_ms']:.1f}", f"{result['p99_ms']:.1f}",
        f"{result['writes_p99_ms']:.0f}" if result["writes_p99_ms"] == result["writes_p99_ms"]
        else "–",
        f"{result['errors']}" + (f" ({kinds})" if kinds else ""), stall,
        f"{result['rss_mb']:.0f}", f"{result['server_cpu'] * 100:.0f}%",
        f"{result['client_cpu'] * 100:.0f}%",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--levels", default="100,500,1000,2000")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=3.0)
    parser.add_argument("--capacity", type=int, default=64,
                        help="connections for the back-to-back capacity run (0: skip)")
    parser.add_argument("--capacity-seconds", type=float, default=8.0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]

    folder = Path(tempfile.mkdtemp(prefix="bench-audience-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    template, session_id, token = make_event(folder)
    results: list[dict] = []
    try:
        runs = [(n, 0) for n in levels] + ([(args.capacity, args.capacity)]
                                           if args.capacity else [])
        for phones, closed in runs:
            for kind in ("app", "bare"):
                event = folder / f"event-{kind}-{phones}-{closed}.db"
                shutil.copy(template, event)
                label = f"{kind} {'capacity ' if closed else ''}{phones}"
                print(f"… {label}", file=sys.stderr, flush=True)
                result = run_level(kind, phones, args, event, session_id, token, env, closed)
                result["closed"] = closed
                results.append(result)
                print(f"  {row(result)}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    header = ["server", "phones", "req/s", "p50 ms", "p95 ms", "p99 ms", "writes p99 ms",
              "errors", "GUI worst stall ms", "RSS MB", "server CPU", "client CPU"]
    load = [r for r in results if not r["closed"]]
    capacity = [r for r in results if r["closed"]]
    body = [f"Each phone polls the state every {args.interval:g} s (with its ETag), sends a "
            "question about every 5 minutes and an upvote about every minute, from its own "
            f"loopback address; {args.seconds:g} s measured per level after a 3 s warm-up. "
            f"The event's first session starts with {SEEDED_QUESTIONS} approved questions. "
            "`app` is the real app (main window offscreen, phone server opened by the "
            "Questions tab); `bare` is Starlette + uvicorn (same settings) answering a "
            "constant. CPU is the share of one core over the level.", "",
            table(header, [row(r) for r in load])]
    if capacity:
        body += ["", f"Capacity: {args.capacity} connections asking the state back to back "
                 f"for {args.capacity_seconds:g} s (no think time).", "",
                 table(header, [row(r) for r in capacity])]
    checks = []
    at = {(r["kind"], r["phones"]): r for r in load}
    if ("app", TARGET_PHONES) in at and ("bare", TARGET_PHONES) in at:
        app, bare = at[("app", TARGET_PHONES)], at[("bare", TARGET_PHONES)]
        ratio = app["throughput"] / bare["throughput"]
        checks = [
            ["p99 latency", "< 150 ms", f"{app['p99_ms']:.1f} ms", app["p99_ms"] < 150],
            ["errors", "0", str(app["errors"]), app["errors"] == 0],
            ["GUI worst stall", "< 50 ms", f"{app['stall_ms']:.0f} ms", app["stall_ms"] < 50],
            ["throughput vs bare", ">= 50%", f"{ratio * 100:.0f}%", ratio >= 0.5],
        ]
        if capacity:
            cap = {r["kind"]: r for r in capacity}
            checks.append(["capacity vs bare (info)", "–",
                           f"{cap['app']['throughput'] / cap['bare']['throughput'] * 100:.0f}%",
                           "–"])
        body += ["", f"Targets at {TARGET_PHONES} phones:", "",
                 table(["what", "target", "measured", "met"],
                       [[c[0], c[1], c[2], "yes" if c[3] is True else
                         ("no" if c[3] is False else "–")] for c in checks])]
    text = "\n".join(body)
    if args.no_write:
        print(text)
    else:
        publish("audience", "Audience load", text)


if __name__ == "__main__":
    main()
