"""A connection flood against the real app, for the open-files test and its benchmark.

The server is the real app (``tests/benchmarks/load_server.py app``: the main window
offscreen, phones let in through the Questions tab) started with ``RLIMIT_NOFILE``
soft = hard = ``limit``, as on a desktop whose usual limit is 1,024 (256 on macOS).
The flood comes from this process over loopback only: ``idle`` sockets that connect
and send nothing (reconnecting when the server hangs up, as an attacker would), and
``phones`` polling phones (``tests/benchmarks/phones.py``), each from its own 127.x
address. A newly arrived phone keeps asking on a fresh connection from its own
address; its latencies are the answer.
"""

from __future__ import annotations

import asyncio
import collections
import json
import resource
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "tests" / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from phones import Phone, Results  # noqa: E402

HOST = "127.0.0.1"
PROBE_TIMEOUT = 10.0
REASONS: collections.Counter[str] = collections.Counter()  # why new phones failed


def limited(limit: int):
    """A preexec_fn giving the child ``limit`` open files, soft and hard."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    return apply


def allow_many_sockets(needed: int) -> None:
    """This process opens thousands of client sockets: its soft limit up to the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < needed:
        raise RuntimeError(f"this machine allows only {hard} open files; {needed} needed")
    if soft != resource.RLIM_INFINITY and soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class AppServer:
    """The real app in its own process, driven over stdin/stdout like the benchmark's."""

    def __init__(self, event: Path, session_id: int, env: dict[str, str], limit: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(BENCHMARKS / "load_server.py"), "app", str(event),
             str(session_id)],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, preexec_fn=limited(limit))
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
        """Quit the app; its stderr."""
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(timeout=30)
        except (subprocess.TimeoutExpired, BrokenPipeError):
            self.process.kill()
            self.process.wait()
        errors = self.process.stderr.read()
        for stream in (self.process.stdout, self.process.stderr, self.process.stdin):
            stream.close()
        return errors


@dataclass
class Flood:
    """What the newly arrived phone saw, quiet and under attack."""

    quiet: list[float] = field(default_factory=list)
    attacked: list[float] = field(default_factory=list)
    failed: int = 0
    idle_opened: int = 0
    phone_ok: int = 0
    phone_errors: int = 0
    phone_error_kinds: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def median_ms(values: list[float]) -> float:
        return statistics.median(values) * 1000 if values else float("nan")


def _address(n: int, block: int) -> str:
    return f"127.{block}.{n // 250 % 250}.{2 + n % 250}"


def ask_once(port: int, token: str, local: str) -> float | None:
    """A new phone's first poll on a fresh connection: seconds until answered, or None.

    Plain blocking sockets: the newly arrived phone shares no event loop with the crowd,
    so what it measures is the server, not the crowd's client."""
    started = time.perf_counter()
    try:
        with socket.create_connection((HOST, port), timeout=PROBE_TIMEOUT,
                                      source_address=(local, 0)) as sock:
            sock.sendall(f"GET /api/j/{token}?device=probe-{local.replace('.', '-')} "
                         f"HTTP/1.1\r\nHost: {HOST}:{port}\r\nX-Facilitator: 1\r\n"
                         "Connection: close\r\n\r\n".encode())
            head = b""
            while b"\r\n" not in head:
                chunk = sock.recv(4096)
                if not chunk:
                    REASONS["closed"] += 1
                    return None
                head += chunk
    except OSError as error:
        REASONS[type(error).__name__] += 1
        return None
    took = time.perf_counter() - started
    return took if head.split(b" ", 2)[1] == b"200" else None


def probe(port: int, token: str, seconds: float, every: float, block: int
          ) -> tuple[list[float], int]:
    """A new phone every ``every`` seconds for ``seconds``: (latencies, failures)."""
    end = time.perf_counter() + seconds
    latencies: list[float] = []
    failed = 0
    n = 0
    while time.perf_counter() < end:
        took = ask_once(port, token, _address(n, block))
        n += 1
        if took is None:
            failed += 1
        else:
            latencies.append(took)
        time.sleep(every)
    return latencies, failed


async def hold_idle(port: int, index: int, until: float, counts: dict[str, int]) -> None:
    """One socket that connects and says nothing; when dropped, connects again (at most
    twice a second, so the flood's own CPU does not starve the server it floods)."""
    local = _address(index, 110)
    while time.perf_counter() < until:
        began = time.perf_counter()
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(HOST, port, local_addr=(local, 0)),
                max(0.1, until - time.perf_counter()))
        except (OSError, TimeoutError):
            await asyncio.sleep(0.5)
            continue
        counts["idle_opened"] += 1
        try:
            await asyncio.wait_for(reader.read(1), max(0.1, until - time.perf_counter()))
        except (OSError, TimeoutError):
            pass
        finally:
            writer.close()
        await asyncio.sleep(max(0.0, 0.5 - (time.perf_counter() - began)))


async def crowd(port: int, token: str, idle: int, phones: int, seconds: float,
                interval: float) -> dict[str, int]:
    """The flood itself: idle sockets and polling phones for ``seconds``."""
    start = time.perf_counter()
    end = start + seconds
    results = Results()
    results.window = (start, end)
    counts = {"idle_opened": 0}
    crowd = [Phone(i, HOST, port, token, results) for i in range(phones)]
    tasks = [asyncio.create_task(hold_idle(port, i, end, counts)) for i in range(idle)]
    tasks += [asyncio.create_task(p.live(interval, start, end, 7 * 100_003 + i))
              for i, p in enumerate(crowd)]
    await asyncio.gather(*tasks, return_exceptions=True)
    counts["phone_ok"] = sum(n for key, n in results.statuses.items()
                             if key.split()[1] in ("200", "304"))
    counts["phone_errors"] = (sum(results.errors.values())
                              + sum(n for key, n in results.statuses.items()
                                    if key.split()[1] not in ("200", "201", "304")))
    counts["phone_error_kinds"] = {**results.errors, **{
        key: n for key, n in results.statuses.items()
        if key.split()[1] not in ("200", "201", "304")}}
    return counts


def attack(port: int, token: str, *, idle: int, phones: int, seconds: float,
           interval: float, quiet_seconds: float, probe_every: float = 0.2,
           settle: float = 4.0) -> Flood:
    """Quiet probes first, then the flood (its own process) with probes running through."""
    flood = Flood()
    flood.quiet, failed = probe(port, token, quiet_seconds, probe_every, 100)
    allow_many_sockets(idle + phones + 200)
    crowd_process = subprocess.Popen(
        [sys.executable, __file__, "crowd", str(port), token, str(idle), str(phones),
         str(seconds), str(interval)], stdout=subprocess.PIPE, text=True,
        preexec_fn=lambda: allow_many_sockets(idle + phones + 200))
    try:
        time.sleep(settle)  # the crowd and the idle sockets are in
        flood.attacked, flood.failed = probe(port, token, seconds - settle - 1, probe_every,
                                             101)
        out, _ = crowd_process.communicate(timeout=seconds + 60)
    finally:
        if crowd_process.poll() is None:
            crowd_process.kill()
            crowd_process.wait()
    flood.failed += failed
    counts = json.loads(out.splitlines()[-1])
    flood.idle_opened = counts["idle_opened"]
    flood.phone_ok, flood.phone_errors = counts["phone_ok"], counts["phone_errors"]
    flood.phone_error_kinds = counts["phone_error_kinds"]
    return flood


def make_event(folder: Path) -> tuple[Path, int, str]:
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file
    from facilitator.store.sessions import list_sessions

    path = create_event_file(folder / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session = list_sessions(ef)[0]
        return path, session.id, session.join_token


def stats(server: AppServer) -> dict:
    return json.loads(server.ask("stats"))


if __name__ == "__main__":
    if sys.argv[1] == "crowd":
        port, token, idle, phones, seconds, interval = sys.argv[2:8]
        print(json.dumps(asyncio.run(crowd(int(port), token, int(idle), int(phones),
                                           float(seconds), float(interval)))), flush=True)
