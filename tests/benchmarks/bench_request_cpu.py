"""What one phone request costs the server, in CPU microseconds, against a bare server.

Wall-clock latencies on a shared 2-core machine move with whatever else runs; the CPU time
the server's thread spends per request does not (much). Each request class is sent as a
fixed batch (``--phones`` phones, each from its own loopback address on its own keep-alive
connection, ``--per-phone`` requests each, all phones at once), and the server thread's CPU
seconds over the batch are divided by the batch: the median of ``--rounds`` batches. The
bare server (Starlette + uvicorn, same HTTP stack, constant bytes: load_server.py ``bare``)
runs in the same go, batches taking turns with the app's, so both see the same machine.

Classes, as a phone's page sends them (resources/web/phone.js):
- *state 304*: the session's shared state with its current ETag (most polls);
- *state 200*: the shared state without an ETag (gzip taken), as after a publish;
- *own 304*: the phone's own votes and questions with their ETag (after ``rev`` moved);
- *own 200*: the same without an ETag (after this phone voted);
- *vote*: an upvote (a committed write, fsync included).

``server`` is the phone server alone in its thread (PhoneServer, shipped limits); with
``--app`` also the real app (main window offscreen), whose phone-server thread is measured
apart from the GUI thread (and the GUI thread's CPU over the same batches is shown).

    scripts/bench request-cpu [--phones 200] [--per-phone 10] [--rounds 5] [--app]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_audience_load import Server, make_event  # noqa: E402
from machine import publish, table  # noqa: E402
from phones import Phone, Results  # noqa: E402

CLASSES = ("state 304", "state 200", "own 304", "own 200", "vote")
# A 2 s poll at 5,000 phones (the bench's mix, tests/benchmarks/phones.py): per poll, a
# state 304 or 200 (the state moves with the vote counts every 10 s: ~1 in 5 is a 200),
# own bits after a write (~1 in 25, a 200) and every 30 s (1 in 15, mostly a 304), and a
# write (~1 in 25, most of them votes).
MIX = {"state 304": 0.8, "state 200": 0.2, "own 304": 0.07, "own 200": 0.04, "vote": 0.04}


class Client:
    """``phones`` simulated phones against one server, each with its device cookie, two
    votes, and the ETags of its shared state and own bits."""

    def __init__(self, port: int, token: str, phones: int, offset: int) -> None:
        self.results = Results()
        self.results.window = (0.0, float("inf"))
        self.phones = [Phone(offset + i, "127.0.0.1", port, token, self.results)
                       for i in range(phones)]
        self.token = token
        self.own_etags: dict[int, str] = {}
        self.voted: dict[int, int] = {}

    async def setup(self, question_ids: list[int]) -> None:
        async def one(index: int, phone: Phone) -> None:
            for _ in range(2):  # two votes: own bits to show (and the device cookie)
                await self._vote(index, phone, question_ids)
            await phone.poll()

        await asyncio.gather(*(one(i, p) for i, p in enumerate(self.phones)))

    async def _vote(self, index: int, phone: Phone, question_ids: list[int]) -> int:
        n = self.voted.get(index, 0)
        self.voted[index] = n + 1
        question = question_ids[(index * 7 + n) % len(question_ids)]
        status, _, _ = await phone.request(
            "vote", "POST", f"/api/j/{self.token}/questions/{question}/vote", b"{}")
        return status

    async def send(self, kind: str, per_phone: int, question_ids: list[int]) -> list[int]:
        """``per_phone`` requests of ``kind`` from every phone at once; their statuses."""
        statuses: list[int] = []

        async def one(index: int, phone: Phone) -> None:
            for _ in range(per_phone):
                if kind == "vote":
                    statuses.append(await self._vote(index, phone, question_ids))
                    continue
                route = "shared" if kind.startswith("state") else "me"
                etag = ""
                if kind == "state 304":
                    etag = phone.etag
                elif kind == "own 304":
                    etag = phone.me_etag
                status, headers, _ = await phone.request(
                    "poll", "GET", f"/api/j/{self.token}/{route}?view={phone.device}",
                    etag=etag)
                if route == "me" and status == 200:
                    phone.me_etag = headers.get("etag", phone.me_etag)
                statuses.append(status)

        await asyncio.gather(*(one(i, p) for i, p in enumerate(self.phones)))
        return statuses

    async def touch(self) -> None:
        """One state poll from every phone, unmeasured: each keep-alive is open again (a
        batch measures requests, not reconnections), and each phone has a fresh page id,
        as a reload: its per-page read budget is whole for the batch."""
        for phone in self.phones:
            phone.device = "view-" + uuid.uuid4().hex[:16]

        async def one(phone: Phone) -> None:
            status, headers, _ = await phone.request(
                "poll", "GET", f"/api/j/{self.token}/shared?view={phone.device}",
                etag=phone.etag)
            if status == 200:
                phone.etag = headers.get("etag", "")
            status, headers, _ = await phone.request(
                "poll", "GET", f"/api/j/{self.token}/me?view={phone.device}",
                etag=phone.me_etag)
            if status == 200:
                phone.me_etag = headers.get("etag", phone.me_etag)

        await asyncio.gather(*(one(p) for p in self.phones))

    def close(self) -> None:
        for phone in self.phones:
            phone.close()


def cpu_of(stats: dict, kind: str) -> tuple[float, float | None]:
    """(server CPU seconds, GUI thread CPU seconds or None) from a ``stats`` answer: the
    phone-server thread where there is one, else the whole process (bare)."""
    server = stats["server_thread_cpu_s"]
    if server is None:
        return stats["cpu_s"], None
    return server, (stats["main_thread_cpu_s"] if kind == "app" else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--per-phone", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--app", action="store_true",
                        help="also the real app (main window offscreen)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-request-cpu-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    template, session_id, token = make_event(folder)
    from facilitator.store import EventFile
    from facilitator.store import questions as qstore

    with EventFile.open(template, lock=False) as ef:
        question_ids = [q.id for q in qstore.list_questions(ef, session_id)]
    kinds = ["server", "bare"] + (["app"] if args.app else [])
    load = os.getloadavg()
    servers: dict[str, Server] = {}
    clients: dict[str, Client] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    gui: dict[tuple[str, str], list[float]] = {}
    statuses: dict[tuple[str, str], dict[int, int]] = {}
    try:
        for n, kind in enumerate(kinds):
            event = folder / f"event-{kind}.db"
            shutil.copy(template, event)
            servers[kind] = Server(["app", str(event), str(session_id)] if kind == "app"
                                   else ["server", str(event)] if kind == "server"
                                   else ["bare", "100"], env)
            # Addresses apart per server: the limits of one never see the other's phones.
            clients[kind] = Client(servers[kind].port, token, args.phones,
                                   offset=n * 10_000)

        async def run() -> None:
            for kind in kinds:
                await clients[kind].setup(question_ids)
            order = list(CLASSES)
            for r in range(args.rounds):
                random.Random(r).shuffle(order)
                for name in order:
                    if name == "vote" and r > 0:
                        continue  # the write budget per device: one batch of votes
                    for kind in kinds:
                        client, server = clients[kind], servers[kind]
                        await client.touch()
                        before = json.loads(server.ask("stats"))
                        got = await client.send(name, args.per_phone if name != "vote"
                                                else min(args.per_phone, 5), question_ids)
                        after = json.loads(server.ask("stats"))
                        s0, g0 = cpu_of(before, kind)
                        s1, g1 = cpu_of(after, kind)
                        cpu.setdefault((kind, name), []).append((s1 - s0) / len(got))
                        if g0 is not None and g1 is not None:
                            gui.setdefault((kind, name), []).append((g1 - g0) / len(got))
                        seen = statuses.setdefault((kind, name), {})
                        for status in got:
                            seen[status] = seen.get(status, 0) + 1
                        print(f"  {kind:6} {name:9} {cpu[(kind, name)][-1] * 1e6:7.0f} µs "
                              f"{dict(sorted(seen.items()))}", file=sys.stderr, flush=True)
            for client in clients.values():
                client.close()

        started = time.perf_counter()
        asyncio.run(run())
        took = time.perf_counter() - started
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)

    def us(kind: str, name: str) -> float:
        return statistics.median(cpu[(kind, name)]) * 1e6

    header = ["request", *(f"{k} µs" for k in kinds), "server/bare"]
    if args.app:
        header += ["app/bare", "app GUI thread µs"]
    rows = []
    for name in CLASSES:
        line: list[object] = [name, *(f"{us(k, name):.0f}" for k in kinds),
                              f"{us('server', name) / us('bare', name):.2f}x"]
        if args.app:
            line += [f"{us('app', name) / us('bare', name):.2f}x",
                     f"{statistics.median(gui[('app', name)]) * 1e6:.0f}"]
        rows.append(line)
    mixed = {k: sum(share * us(k, name) for name, share in MIX.items()) for k in kinds}
    line = ["5,000-phone mix", *(f"{mixed[k]:.0f}" for k in kinds),
            f"{mixed['server'] / mixed['bare']:.2f}x"]
    if args.app:
        line += [f"{mixed['app'] / mixed['bare']:.2f}x", "–"]
    rows.append(line)
    seen = "; ".join(f"{k} {name}: " + ", ".join(f"{s}×{c}" for s, c in sorted(v.items()))
                     for (k, name), v in sorted(statuses.items()) if k != "bare")
    body = "\n".join([
        f"Load average before the run: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} (CPU "
        "time, not wall time: a loaded machine moves these numbers much less than "
        "latencies).",
        "",
        f"CPU microseconds the server's thread spends per request, the median of "
        f"{args.rounds} batches of {args.phones} phones × {args.per_phone} requests (votes: "
        f"one batch of {args.phones} × {min(args.per_phone, 5)}), each phone from its own "
        "address on a keep-alive connection; the bare server's batches take turns with the "
        "app's. *server*: the phone server alone in its thread (shipped limits, ETags, "
        "device cookies, SQL); *bare*: Starlette + uvicorn on the same HTTP stack answering "
        "constant bytes; *app*: the phone-server thread of the real app (main window "
        "offscreen). The mix weighs the classes as the 5,000-phone poll of the audience "
        f"benchmark sends them ({', '.join(f'{n} {s:.0%}' for n, s in MIX.items())}). "
        f"{took:.0f} s in all.",
        "",
        table(header, rows),
        "",
        f"Statuses seen: {seen}.",
    ])
    if args.no_write:
        print(body)
    else:
        publish("request-cpu", "CPU per phone request", body)


if __name__ == "__main__":
    main()
