"""The connection gate in front of the phone server (audience.connections), on loopback.

The cap is made tiny here so a handful of sockets reach it; the flood at the real
1,024-file limit is tests/reliability/test_open_files_flood.py.
"""

from __future__ import annotations

import logging
import socket
import sys
import time

import httpx
import pytest

from facilitator.audience import connections
from facilitator.audience.connections import ThrottledLog, connection_cap
from facilitator.audience.runner import PhoneServer
from facilitator.store.sessions import list_sessions, set_questions_open

CAP = 8


@pytest.fixture
def gated(event_file, monkeypatch):
    monkeypatch.setattr(connections, "HEAD_TIMEOUT", 1.0)
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    server = PhoneServer(event_file.path, None, host="127.0.0.1", port=0, max_connections=CAP)
    server.start()
    yield server, session.join_token
    server.stop()


def poll(port: int, token: str, local: str = "127.0.0.2") -> tuple[int, float]:
    started = time.perf_counter()
    transport = httpx.HTTPTransport(local_address=local)
    with httpx.Client(transport=transport, timeout=5) as client:
        answer = client.get(f"http://127.0.0.1:{port}/api/j/{token}",
                            headers={"X-Facilitator": "1"})
    return answer.status_code, time.perf_counter() - started


def silent_sockets(port: int, count: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(count)]


def closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_the_cap_leaves_the_reserve_and_stays_in_bounds():
    assert connection_cap(1024, 40) == 1024 - 40 - connections.RESERVE
    assert connection_cap(256, 60) == 256 - 60 - connections.RESERVE  # macOS's default
    assert connection_cap(100, 90) == connections.MIN_CAP
    assert connection_cap(1_048_576, 40) == connections.MAX_CAP
    assert connection_cap(None, 40) <= connections.MAX_CAP  # no limit to read (Windows)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_NOFILE is POSIX-only")
def test_the_soft_open_files_limit_is_raised_to_the_hard_one():
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    lower = min(soft, 512) if soft != resource.RLIM_INFINITY else 512
    resource.setrlimit(resource.RLIMIT_NOFILE, (lower, hard))
    try:
        raised = connections.raise_open_file_limit()
        now = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        assert now >= lower and (raised is None or raised == now)
        if sys.platform != "darwin":
            assert now == hard
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_trouble_is_logged_once_a_second_with_a_count(caplog):
    now = [100.0]
    throttled = ThrottledLog(logging.getLogger("facilitator.test"), clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="facilitator.test"):
        for _ in range(1000):
            throttled.warning("full", "at the limit")
            now[0] += 0.0001  # 1,000 in a tenth of a second
        now[0] += 1.0
        throttled.warning("full", "at the limit")
    assert [r.getMessage() for r in caplog.records] == [
        "at the limit", "at the limit (1000 times in the last 1 s)"]


def test_silent_sockets_at_the_cap_do_not_keep_a_phone_out(gated, caplog):
    server, token = gated
    caplog.set_level(logging.WARNING, logger="facilitator")
    idle = silent_sockets(server.port, CAP * 3)  # the cap, and more waiting in the queue
    try:
        time.sleep(connections.GRACE + 0.2)  # they are past the grace: first to go
        for n in range(5):
            status, took = poll(server.port, token, f"127.0.0.{10 + n}")
            assert status == 200
            assert took < 1.0, f"a phone waited {took:.2f} s behind silent sockets"
        assert server.running
    finally:
        for sock in idle:
            sock.close()
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("facilitator")]
    assert all("at the limit" in line for line in lines), lines
    assert len(lines) <= 3, lines  # once a second at most, never a traceback each


def test_a_socket_that_sends_nothing_is_closed_after_the_head_timeout(gated):
    server, token = gated
    (sock,) = silent_sockets(server.port, 1)
    with sock:
        assert not closed_by_server(sock, 0.5)  # a phone gets time to speak
        assert closed_by_server(sock, connections.HEAD_TIMEOUT + 2)
    # One that sent half a request head is closed too (slowloris).
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as slow:
        slow.sendall(f"GET /api/j/{token} HTTP/1.1\r\nHost: x\r\n".encode())
        assert closed_by_server(slow, connections.HEAD_TIMEOUT + 2)
    assert poll(server.port, token)[0] == 200


def test_keep_alive_phones_past_the_cap_are_all_served(gated):
    server, token = gated
    # Twice the cap of phones, each keeping its connection: idle keep-alives make room.
    clients = [httpx.Client(transport=httpx.HTTPTransport(local_address=f"127.0.1.{n + 2}",
                                                          retries=1), timeout=5)
               for n in range(CAP * 2)]
    try:
        for _ in range(3):
            for client in clients:
                answer = client.get(f"http://127.0.0.1:{server.port}/api/j/{token}",
                                    headers={"X-Facilitator": "1"})
                assert answer.status_code == 200
    finally:
        for client in clients:
            client.close()
