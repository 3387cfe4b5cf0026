"""Simulated phones for the audience load benchmark, run as their own process.

Each phone behaves like the join page (resources/web/phone.js): one keep-alive HTTP/1.1
connection, taking gzip, a poll of the session's shared state every ``interval`` seconds
(default 2, as the page) with ``X-Facilitator: 1`` and its ETag, its own votes and
questions (``/me``, with their ETag) when the shared ``rev`` moved, after it wrote, and at
least every 30 s (as the page's ``MINE_REFRESH_MS``; a hall's phones at random moments of
those 30 s), now and then a question (about one per 5 minutes) or an upvote (about one a
minute).

Each phone connects from its own loopback address (127.0.x.y): on venue Wi-Fi every phone
has its own address, so the server's per-address rate limits stay exactly as shipped.

The client is raw asyncio streams, not httpx: httpx costs ~10x more CPU per request, and on
a 2-core machine the client shares the CPU with the server it measures. Its own CPU time is
reported so a client-bound run shows itself.

Like the page, a phone keeps the device cookie the server issues on its first write and
sends it back, and tells its polls apart with a ``view`` id.

``python phones.py [--interval 2] [--warmup 3] [--closed C] -- HOST PORT TOKEN PHONES SECONDS``
(options first, then ``--``: a join token may begin with "-")
prints one JSON object. ``--closed C`` is the capacity mode: C connections asking the state
back to back, no think time.

``--answer POLL --answer-within W``: a live poll is open; each phone, polling as ever,
answers it once at a random moment within the first W seconds of the measured window (one of
three options), as a hall does when the moderator says "answer now".

``--hall A``: a hall behind one address (guest Wi-Fi, a travel router): every phone comes
from 127.0.0.1, arrives at a random moment within A seconds, loads the join page and its
files as a browser does, then polls for SECONDS. Every answer counts (no warm-up).
With ``--own-addresses`` the arriving phones each come from their own address (the QR
moment on venue Wi-Fi). ``join_ms`` is each phone's time from arrival to its first state.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import itertools
import json
import random
import re
import resource
import time
import uuid

TIMEOUT = 10.0
PAGE_FILES = ("/web/phone.css", "/web/phone.js", "/web/i18n/en.json")
VERSION = re.compile(rb'data-assets="([0-9a-f]+)"')
SUBMIT_EVERY = 300.0  # seconds: about one question per phone per 5 minutes
MINE_REFRESH = 30.0  # seconds: own bits asked again at least this often (phone.js)
VOTE_EVERY = 60.0  # about one upvote per phone per minute


class Results:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = {"poll": [], "me": [], "submit": [],
                                                  "vote": [], "page": [], "answer": []}
        self.join_ms: list[float] = []  # arrival to first state, per phone that got in
        self.statuses: dict[str, int] = {}
        self.errors: dict[str, int] = {}
        self.created_ids: list[int] = []
        self.window = (0.0, 0.0)

    def inside(self, started: float) -> bool:
        return self.window[0] <= started < self.window[1]


class Phone:
    def __init__(self, index: int, host: str, port: int, token: str, results: Results,
                 one_address: bool = False) -> None:
        self.local = ("127.0.0.1" if one_address
                      else f"127.{index // 62_500}.{1 + index // 250 % 250}.{2 + index % 250}")
        self.host, self.port, self.token = host, port, token
        self.device = f"bench-{index:06d}-" + uuid.uuid4().hex[:8]
        self.results = results
        self.etag = ""  # of the shared state
        self.me_etag = ""
        self.rev: str | None = None  # the shared rev this phone last read its own bits at
        self.own_wanted = True
        self.own_due = float("inf")  # when its own bits are asked again regardless
        self.cookie = ""  # the device cookie the server issued, once it has
        self.visible: list[int] = []
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(
            self.host, self.port, local_addr=(self.local, 0))

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, kind: str, method: str, path: str, body: bytes = b"",
                      etag: str = "") -> tuple[int, dict[str, str], bytes]:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 "X-Facilitator: 1", "Accept-Encoding: gzip"]
        if etag:
            lines.append(f"If-None-Match: {etag}")
        if self.cookie:
            lines.append(f"Cookie: {self.cookie}")
        if body:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        started = time.perf_counter()
        try:
            status, headers, payload = await asyncio.wait_for(self._exchange(raw), TIMEOUT)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            self.close()
            if self.results.inside(started):
                name = type(error).__name__
                self.results.errors[name] = self.results.errors.get(name, 0) + 1
            return 0, {}, b""
        if self.results.inside(started):
            self.results.latencies[kind].append(time.perf_counter() - started)
            key = f"{kind} {status}"
            self.results.statuses[key] = self.results.statuses.get(key, 0) + 1
        if headers.get("connection", "").lower() == "close":
            self.close()
        issued = headers.get("set-cookie", "")
        if issued.startswith("facilitator_device="):
            self.cookie = issued.split(";", 1)[0]
        return status, headers, payload

    async def _exchange(self, raw: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            await self.connect()
        assert self.reader is not None and self.writer is not None
        self.writer.write(raw)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        payload = await self.reader.readexactly(length) if length else b""
        if headers.get("content-encoding") == "gzip":
            payload = gzip.decompress(payload)
        return status, headers, payload

    async def poll(self) -> int:
        """The shared state, then this phone's own bits if the page would ask for them;
        the shared state's status."""
        status, headers, payload = await self.request(
            "poll", "GET", f"/api/j/{self.token}/shared?view={self.device}", etag=self.etag)
        rev = self.rev
        if status == 200:
            self.etag = headers.get("etag", "")
            try:
                state = json.loads(payload)
                self.visible = [q["id"] for q in state.get("questions", [])]
                rev = state.get("rev")
            except (ValueError, AttributeError, TypeError):
                self.visible = []
        if status in (200, 304) and (self.own_wanted or rev != self.rev
                                     or time.perf_counter() >= self.own_due):
            mine, headers, _ = await self.request(
                "me", "GET", f"/api/j/{self.token}/me?view={self.device}", etag=self.me_etag)
            if mine in (200, 304):
                self.me_etag = headers.get("etag", self.me_etag)
                self.rev, self.own_wanted = rev, False
                self.own_due = time.perf_counter() + MINE_REFRESH
        return status

    async def submit(self, rng: random.Random) -> None:
        words = ["housing", "finance", "climate", "mayors", "water", "transport", "data",
                 "youth", "review", "partnership", "resilience", "inclusion", "services"]
        text = "How will " + " ".join(rng.choice(words) for _ in range(rng.randint(5, 20))) + "?"
        body = json.dumps({"device": self.device, "request_id": uuid.uuid4().hex,
                           "text": text, "author": "", "language": "en"}).encode()
        status, _, payload = await self.request(
            "submit", "POST", f"/api/j/{self.token}/questions", body)
        self.own_wanted = True
        if status == 201:
            self.results.created_ids.append(json.loads(payload)["id"])

    async def vote(self, rng: random.Random) -> None:
        if not self.visible:
            return
        question_id = rng.choice(self.visible[:30])  # people vote for what they see first
        body = json.dumps({"device": self.device}).encode()
        await self.request("vote", "POST",
                           f"/api/j/{self.token}/questions/{question_id}/vote", body)
        self.own_wanted = True

    async def answer(self, rng: random.Random, poll_id: int) -> None:
        body = json.dumps({"answer": rng.randrange(3)}).encode()
        await self.request("answer", "POST", f"/api/j/{self.token}/polls/{poll_id}/answer",
                           body)

    async def live(self, interval: float, start: float, end: float, seed: int,
                   answer: tuple[int, float] | None = None) -> None:
        """Poll every ``interval`` s until ``end``; with ``answer`` (poll id, at) answer the
        poll once at that moment, between polls."""
        rng = random.Random(seed)
        at = start + rng.uniform(0, interval)
        # A hall in full swing: each phone's 30 s refresh of its own bits falls at its own
        # moment (the first poll sets it, then this spreads it).
        phase = rng.uniform(0, MINE_REFRESH)
        while at < end:
            if answer is not None and answer[1] <= at:
                await asyncio.sleep(max(0.0, answer[1] - time.perf_counter()))
                await self.answer(rng, answer[0])
                answer = None
            await asyncio.sleep(max(0.0, at - time.perf_counter()))
            await self.poll()
            if phase is not None and self.own_due != float("inf"):
                self.own_due = time.perf_counter() + phase
                phase = None
            if rng.random() < interval / SUBMIT_EVERY:
                await self.submit(rng)
            if rng.random() < interval / VOTE_EVERY:
                await self.vote(rng)
            at += interval
            # A phone behind schedule polls again at once, as phone.js's timer would.
            at = max(at, time.perf_counter())
        self.close()

    async def join(self) -> bool:
        """Open the join page, its files and the first state, as the browser does on a scan
        of the QR code (the files by the versioned URLs the page names); whether it got in."""
        arrived = time.perf_counter()
        status, _, page = await self.request("page", "GET", f"/j/{self.token}")
        found = VERSION.search(page)
        version = "?v=" + found.group(1).decode() if found else ""
        statuses = [status]
        for path in PAGE_FILES:
            statuses.append((await self.request("page", "GET", path + version))[0])
        statuses.append(await self.poll())
        if all(s == 200 for s in statuses):
            self.results.join_ms.append((time.perf_counter() - arrived) * 1000)
            return True
        return False

    async def arrive(self, within: float, seconds: float, interval: float, start: float,
                     seed: int) -> None:
        """Come in at a random moment within ``within`` s, join, then live ``seconds``."""
        rng = random.Random(seed)
        await asyncio.sleep(max(0.0, start + rng.uniform(0, within) - time.perf_counter()))
        await self.join()
        arrived = time.perf_counter()
        await self.live(interval, arrived, arrived + seconds, seed + 1)

    async def hammer(self, end: float, addresses) -> None:
        """Polls back to back; a fresh address every 40 polls keeps each poller within the
        shipped read limits (45 at once per page, 6,000 per address), so capacity, not the
        limiter, is measured."""
        sent = 0
        while time.perf_counter() < end:
            await self.poll()
            sent += 1
            if sent % 40 == 0:
                self.close()
                self.local = next(addresses)
        self.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def main(args: argparse.Namespace) -> dict:
    results = Results()
    start = time.perf_counter() + 0.2
    results.window = (start + args.warmup, start + args.warmup + args.seconds)
    end = results.window[1]
    count = args.closed or args.phones
    if args.hall:
        results.window = (start, float("inf"))
        end = start + args.hall + args.seconds
    one_address = bool(args.hall) and not args.own_addresses
    phones = [Phone(i, args.host, args.port, args.token, results, one_address=one_address)
              for i in range(count)]
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    if args.closed:
        await asyncio.sleep(0.2)
        addresses = (f"127.{100 + n // 62_500}.{n // 250 % 250}.{2 + n % 250}"
                     for n in itertools.count())
        await asyncio.gather(*(p.hammer(end, addresses) for p in phones))
    elif args.hall:
        await asyncio.gather(*(p.arrive(args.hall, args.seconds, args.interval, start,
                                        args.seed * 100_003 + i)
                               for i, p in enumerate(phones)))
    elif args.answer:
        moments = random.Random(args.seed)
        await asyncio.gather(*(p.live(args.interval, start, end, args.seed * 100_003 + i,
                                      (args.answer, results.window[0]
                                       + moments.uniform(0, args.answer_within)))
                               for i, p in enumerate(phones)))
    else:
        await asyncio.gather(*(p.live(args.interval, start, end, args.seed * 100_003 + i)
                               for i, p in enumerate(phones)))
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    all_latencies = [v for values in results.latencies.values() for v in values]
    ok = sum(n for key, n in results.statuses.items()
             if key.split()[1] in ("200", "201", "304"))
    bad = sum(n for key, n in results.statuses.items()
              if key.split()[1] not in ("200", "201", "304"))
    return {
        "phones": count,
        "seconds": args.seconds,
        "requests": len(all_latencies),
        "throughput": len(all_latencies) / args.seconds,
        "ok": ok,
        "errors": bad + sum(results.errors.values()),
        "error_kinds": {**results.errors,
                        **{k: n for k, n in results.statuses.items()
                           if k.split()[1] not in ("200", "201", "304")}},
        "statuses": results.statuses,
        "p50_ms": percentile(all_latencies, 50) * 1000,
        "p95_ms": percentile(all_latencies, 95) * 1000,
        "p99_ms": percentile(all_latencies, 99) * 1000,
        "max_ms": max(all_latencies, default=float("nan")) * 1000,
        "writes_p99_ms": percentile(results.latencies["submit"] + results.latencies["vote"],
                                    99) * 1000,
        "created_ids": results.created_ids,
        "joined": len(results.join_ms),
        "joined_10s": sum(1 for ms in results.join_ms if ms <= 10_000),
        "join_p50_ms": percentile(results.join_ms, 50),
        "join_p99_ms": percentile(results.join_ms, 99),
        "poll_p99_ms": percentile(results.latencies["poll"], 99) * 1000,
        "answers": len(results.latencies["answer"]),
        "answers_ok": results.statuses.get("answer 200", 0),
        "answer_p50_ms": percentile(results.latencies["answer"], 50) * 1000,
        "answer_p99_ms": percentile(results.latencies["answer"], 99) * 1000,
        "client_cpu": cpu / (end - start),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("token")
    parser.add_argument("phones", type=int)
    parser.add_argument("seconds", type=float)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--closed", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--answer", type=int, default=0, metavar="POLL_ID",
                        help="each phone answers this open poll once")
    parser.add_argument("--answer-within", type=float, default=10.0,
                        help="with --answer: all answers within this many s")
    parser.add_argument("--hall", type=float, default=0.0, metavar="ARRIVE_WITHIN",
                        help="all phones behind one address, arriving within this many s")
    parser.add_argument("--own-addresses", action="store_true",
                        help="with --hall: each arriving phone from its own address")
    arguments = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # one socket per phone
    print(json.dumps(asyncio.run(main(arguments))), flush=True)
