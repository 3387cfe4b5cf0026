"""Team devices while a hall polls: 5 role clients working against the real app while
2,000 phones poll every 2 s (issue 14's "Done when"), against the same hall alone.

Server: tests/benchmarks/load_server.py ``app`` (the real main window offscreen, the phone
server opened by the Questions tab), on a copy of the audience benchmark's event with five
role links. Phones: tests/benchmarks/phones.py in its own process, as in the audience
benchmark. Role clients: this process, each with its own connection, as the pages and a
Stream Deck use the API (``X-Facilitator: 1``):

- timekeeper page: the stage each second, a key (start/pause, ±30 s) every 3 s;
- Stream Deck (timekeeper link): a key every 2 s (toggle, add time, message, blackout on/off);
- two podium tablets: the stage each second;
- a rapporteur's link: which link and session it is, each second (its notes API comes with
  the rapporteur page).

    scripts/bench team [--phones 2000] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_audience_load import Server, make_event  # noqa: E402
from machine import publish, table  # noqa: E402

HEADERS = {"X-Facilitator": "1"}
KEYS = [("toggle", {}), ("add_time", {"seconds": 30}), ("message", {"text": "Two minutes"}),
        ("blackout", {"on": True}), ("blackout", {"on": False}), ("clear_message", {}),
        ("add_time", {"seconds": -30}), ("toggle", {})]


def add_links(path: Path) -> dict[str, str]:
    """Five role links in the event: name -> token."""
    from facilitator.actions import team
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run
    from facilitator.core.team import Role
    from facilitator.store import EventFile

    wanted = [("timekeeper page", Role.TIMEKEEPER), ("stream deck", Role.TIMEKEEPER),
              ("podium 1", Role.PODIUM), ("podium 2", Role.PODIUM),
              ("rapporteur", Role.RAPPORTEUR)]
    with EventFile.open(path) as ef:
        return {name: run(ef, LAPTOP, team.create_role_link(role, name,
                                                            now=time.time())).result.token
                for name, role in wanted}


class RoleClients:
    """The five role clients on their own asyncio loop in a thread: latencies by kind."""

    def __init__(self, port: int, tokens: dict[str, str], seconds: float) -> None:
        self.root = f"http://127.0.0.1:{port}"
        self.tokens = tokens
        self.seconds = seconds
        self.reads: list[float] = []
        self.writes: list[float] = []
        self.errors: dict[str, int] = {}
        self.thread = threading.Thread(target=lambda: asyncio.run(self._all()), daemon=True)

    def start(self) -> None:
        self.thread.start()

    def join(self) -> None:
        self.thread.join(self.seconds + 30)

    async def _request(self, client, method: str, path: str, into: list[float],
                       body: dict | None = None) -> None:
        started = time.perf_counter()
        try:
            response = await client.request(method, self.root + path, headers=HEADERS,
                                            json=body if method == "POST" else None)
            into.append(time.perf_counter() - started)
            if response.status_code >= 400:
                key = f"{method} {response.status_code}"
                self.errors[key] = self.errors.get(key, 0) + 1
        except Exception as error:  # counted, never fatal: the table says how many
            key = type(error).__name__
            self.errors[key] = self.errors.get(key, 0) + 1

    async def _client(self, token: str, poll: str | None, every: float, keys: float) -> None:
        import httpx

        deadline = time.monotonic() + self.seconds
        next_key = time.monotonic() + keys if keys else float("inf")
        turn = 0
        async with httpx.AsyncClient(timeout=10) as client:
            while time.monotonic() < deadline:
                if poll is not None:
                    await self._request(client, "GET", f"/api/r/{token}{poll}", self.reads)
                if time.monotonic() >= next_key:
                    action, body = KEYS[turn % len(KEYS)]
                    turn += 1
                    await self._request(client, "POST", f"/api/r/{token}/control/{action}",
                                        self.writes, body)
                    next_key += keys
                await asyncio.sleep(every if poll is not None else keys)

    async def _all(self) -> None:
        t = self.tokens
        await asyncio.gather(
            self._client(t["timekeeper page"], "/podium", 1.0, 3.0),
            self._client(t["stream deck"], None, 2.0, 2.0),
            self._client(t["podium 1"], "/podium", 1.0, 0),
            self._client(t["podium 2"], "/podium", 1.0, 0),
            self._client(t["rapporteur"], "", 1.0, 0),
        )


def role_request_cost(folder: Path, count: int = 200) -> tuple[float, float]:
    """One role request through the whole app in this process (middleware, the role check,
    SQL): (ms for the podium's stage, ms for a key that commits a command)."""
    from facilitator.audience.app import create_app
    from facilitator.audience.limits import RateLimit
    from facilitator.store import EventFile

    path, _, _ = make_event(folder, 100)
    tokens = add_links(path)
    with EventFile.open(path, lock=False) as ef:
        app = create_app(ef)
        app.team.limit = RateLimit(per_minute=10**9, burst=10**9)  # one client, many asks

        def scope(method: str, route: str) -> dict:
            return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                    "method": method, "scheme": "http", "path": route,
                    "raw_path": route.encode(), "root_path": "", "query_string": b"",
                    "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 8765),
                    "headers": [(b"host", b"127.0.0.1:8765"), (b"x-facilitator", b"1"),
                                (b"content-type", b"application/json"),
                                (b"content-length", b"16")]}
        statuses: list[int] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b'{"seconds": 30} ', "more_body": False}

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        async def timed(method: str, route: str) -> float:
            started = time.perf_counter()
            for _ in range(count):
                await app(scope(method, route), receive, send)
            return (time.perf_counter() - started) / count * 1000

        read = asyncio.run(timed("GET", f"/api/r/{tokens['podium 1']}/podium"))
        key = asyncio.run(timed("POST", f"/api/r/{tokens['stream deck']}/control/add_time"))
        assert set(statuses) == {200}, set(statuses)
    return read, key


def p99(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def run_once(folder: Path, template: Path, session_id: int, token: str, phones: int,
             seconds: float, with_team: bool, env: dict[str, str]) -> dict:
    event = folder / f"run-{time.monotonic_ns()}.db"
    shutil.copy(template, event)
    tokens = add_links(event) if with_team else {}
    server = Server(["app", str(event), str(session_id)], env)
    clients = None
    try:
        time.sleep(1.0)
        server.ask("reset")
        # After "--": a join token may begin with "-" (URL-safe base64).
        command = [sys.executable, str(HERE / "phones.py"), "--interval", "2", "--warmup", "3",
                   "--", "127.0.0.1", str(server.port), token, str(phones), str(seconds)]
        hall = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        if with_team:
            time.sleep(3.0)  # the phones' warm-up: the team works during the measured part
            clients = RoleClients(server.port, tokens, seconds)
            clients.start()
        out, err = hall.communicate(timeout=seconds * 4 + 180)
        if hall.returncode != 0:
            raise RuntimeError(f"phones failed: {err}")
        if clients is not None:
            clients.join()
        result = json.loads(out.splitlines()[-1])
        after = json.loads(server.ask("stats"))
    finally:
        server.stop()
    result["stall_ms"] = after["stall_ms"]
    if clients is not None:
        result["team_reads"] = len(clients.reads)
        result["team_writes"] = len(clients.writes)
        result["team_read_p99"] = p99(clients.reads)
        result["team_read_p50"] = statistics.median(clients.reads) * 1000
        result["team_write_p99"] = p99(clients.writes)
        result["team_errors"] = sum(clients.errors.values())
        result["team_error_kinds"] = clients.errors
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-team-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    template, session_id, token = make_event(folder)
    read_ms, key_ms = role_request_cost(folder)
    load = os.getloadavg()
    alone = run_once(folder, template, session_id, token, args.phones, args.seconds, False, env)
    team = run_once(folder, template, session_id, token, args.phones, args.seconds, True, env)
    shutil.rmtree(folder, ignore_errors=True)

    def hall_row(label: str, result: dict) -> list[object]:
        return [label, result["phones"], f"{result['throughput']:.0f}",
                f"{result['p50_ms']:.1f}", f"{result['p99_ms']:.1f}", result["errors"],
                f"{result['stall_ms']:.0f}"]

    body = (
        f"Load average before the run: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} "
        f"({os.cpu_count()} cores; above that the machine was shared with other work: the "
        "two rows of one run are comparable, other runs and sections are not).\n\n"
        f"{args.phones} phones poll every 2 s (votes and questions as in the audience "
        f"benchmark) for {args.seconds:.0f} s, first alone, then with five role clients "
        "working: a timekeeper's page (stage each second, a key every 3 s), a Stream Deck "
        "on a timekeeper link (a key every 2 s: start/pause, ±30 s, message, blackout), two "
        "podium tablets (stage each second) and a rapporteur's link (each second). Every "
        "key is a committed command the laptop's window is told about.\n\n"
        + table(["hall", "phones", "req/s", "p50 ms", "p99 ms", "errors",
                 "GUI worst stall ms"],
                [hall_row("phones alone", alone), hall_row("with the team", team)])
        + "\n\n"
        + table(["team requests", "count", "p50 ms", "p99 ms", "errors"],
                [["reads (stage, link)", team["team_reads"], f"{team['team_read_p50']:.1f}",
                  f"{team['team_read_p99']:.1f}", team["team_errors"]],
                 ["keys (commands)", team["team_writes"], "–",
                  f"{team['team_write_p99']:.1f}", ""]])
        + "\n\nOne role request through the whole app in-process (middleware, the role "
        f"check, SQL): the podium's stage {read_ms:.2f} ms, a key that commits a command "
        f"(+30 s) {key_ms:.2f} ms.\n\n"
        + table(["target (issue 17's audience targets)", "target", "measured", "met"],
                [[f"{args.phones} phones with the team: p99", "< 100 ms",
                  f"{team['p99_ms']:.1f} ms", "yes" if team["p99_ms"] < 100 else "no"],
                 ["errors (phones and team)", "0",
                  f"{team['errors'] + team['team_errors']}",
                  "yes" if team["errors"] + team["team_errors"] == 0 else "no"],
                 ["team keys: p99 (the laptop shows them within 1 s)", "< 1000 ms",
                  f"{team['team_write_p99']:.1f} ms",
                  "yes" if team["team_write_p99"] < 1000 else "no"]])
    )
    if args.no_write:
        print(body)
    else:
        publish("team", "Team devices while a hall polls", body)


if __name__ == "__main__":
    main()
