"""Open files: the real app at a desktop's open-files limit under a connection flood.

The app (tests/benchmarks/load_server.py, main window offscreen, phones let in by the
Questions tab) runs with RLIMIT_NOFILE soft = hard = the limit; the flood (its own
process, loopback only) is ``--idle`` sockets that connect and say nothing, reconnecting
when dropped, and ``--phones`` phones polling every 2 s; a newly arrived phone asks on a
fresh connection every 0.2 s, quiet first, then through the flood
(tests/reliability/flood.py; the default suite runs a 30 s version of it).

    scripts/bench openfiles [--limits 1024,256] [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "reliability"))

import flood  # noqa: E402
from machine import publish, table  # noqa: E402


def ms(values: list[float], p: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000:.1f}"


def run(limit: int, idle: int, phones: int, seconds: float, folder: Path) -> list[object]:
    (folder / f"limit-{limit}").mkdir()
    event, session_id, token = flood.make_event(folder / f"limit-{limit}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    server = flood.AppServer(event, session_id, env, limit)
    try:
        server.ask("reset")
        result = flood.attack(server.port, token, idle=idle, phones=phones, seconds=seconds,
                              interval=2.0, quiet_seconds=5)
        shown = server.ask("projector")
        stall = flood.stats(server)["stall_ms"]
    finally:
        errors = server.stop()
    lines = [line for line in errors.splitlines() if "propagateSizeHints" not in line
             and "does not support raise" not in line]
    if "Traceback" in errors:  # shown, so a failure behind the numbers can be read
        start = errors.index("Traceback")
        print(f"server stderr (limit {limit}):\n{errors[max(0, start - 300):start + 3000]}",
              file=sys.stderr)
    return [limit, idle, phones,
            f"{statistics.median(result.quiet) * 1000:.1f}" if result.quiet else "–",
            ms(result.attacked, 50), ms(result.attacked, 95),
            f"{max(result.attacked) * 1000:.0f}" if result.attacked else "–",
            f"{result.failed}/{len(result.attacked) + result.failed}",
            f"{result.phone_ok}/{result.phone_ok + result.phone_errors}",
            ", ".join(f"{k}: {n}" for k, n in sorted(result.phone_error_kinds.items())) or "–",
            f"{stall:.0f}", shown.split()[-1], errors.count("Traceback"), len(lines)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limits", default="1024,256")
    parser.add_argument("--idle", type=int, default=1500)
    parser.add_argument("--phones", type=int, default=1100)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-openfiles-"))
    rows = []
    try:
        for limit in (int(n) for n in args.limits.split(",")):
            print(f"… limit {limit}", file=sys.stderr, flush=True)
            rows.append(run(limit, args.idle, args.phones, args.seconds, folder))
            print(f"  {rows[-1]}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    header = ["open files", "idle sockets", "polling phones", "new phone p50 ms quiet",
              "p50 ms flood", "p95 ms flood", "max ms flood", "new phones failed",
              "crowd polls ok", "crowd poll errors", "GUI worst stall ms",
              "projector opens ms", "tracebacks", "log lines"]
    body = [f"{args.seconds:g} s of flood per limit. A new phone is a fresh connection from "
            "its own address asking the state every 0.2 s, through the flood; crowd polls "
            "that failed were sent on keep-alive connections closed to make room (the "
            "simulated phone gives up where a browser sends again on a new connection). At "
            "256 files (macOS's default, kept: the app raises it to the hard limit when it "
            "can) the reserve for the app's own files leaves room for few phone connections. "
            "Before the connection gate (issue 12.1) at 1,024 files: "
            "every new phone timed out (10 s), no crowd poll was answered, and the log took "
            "an accept() traceback per attempt.", "", table(header, rows)]
    text = "\n".join(body)
    if args.no_write:
        print(text)
    else:
        publish("openfiles", "Open files under a connection flood", text)


if __name__ == "__main__":
    main()
