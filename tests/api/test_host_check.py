"""Only this laptop's names are answered: a DNS-rebinding page gets 421, not the API.

Through the real server on 127.0.0.1 (uvicorn fills in the address the connection arrived
on), and the middleware alone for addresses a test machine does not have.
"""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from facilitator.audience.hosts import HostCheck, host_name
from facilitator.audience.limits import Limits, RateLimit
from facilitator.audience.runner import PhoneServer
from facilitator.store import questions as store
from tests.api.conftest import HEADERS


@pytest.fixture
def server(event_file, session):
    running = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    running.start()
    yield running
    running.stop()


def raw_status(port: int, host: str, path: str = "/", extra: str = "") -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Facilitator: 1\r\n{extra}"
                     "Connection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1])


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io",
                                  "attacker.localhost.example", "192.0.2.1", "[2001:db8::1]"])
def test_other_names_get_421(server, session, event_file, host) -> None:
    host = host.format(port=server.port)
    base = f"http://127.0.0.1:{server.port}"
    # What a rebinding page's fetch() looks like: its own name in Host, the custom header.
    answer = httpx.post(f"{base}/api/j/{session.join_token}/questions",
                        json={"text": "Rebound?"}, headers={**HEADERS, "Host": host})
    assert answer.status_code == 421 and answer.json()["error"] == "misdirected"
    assert httpx.get(f"{base}/j/{session.join_token}", headers={"Host": host}).status_code == 421
    assert store.list_questions(event_file, session.id) == []


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "127.0.0.1", "localhost:{port}",
                                  "LOCALHOST", "127.0.0.5:{port}"])
def test_the_laptops_own_names_are_answered(server, session, host) -> None:
    status = raw_status(server.port, host.format(port=server.port), f"/j/{session.join_token}")
    assert status == 200


def test_a_request_without_one_host_is_refused(server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n"
                     b"Connection: close\r\n\r\n")
        assert sock.recv(100).split(b" ", 2)[1] in (b"400", b"421")


def call(check: HostCheck, host: bytes, server_ip: str = "127.0.0.1") -> int:
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    check.app = app
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [(b"host", host)],
             "server": (server_ip, 8765), "query_string": b""}
    asyncio.run(check(scope, receive, send))
    return sent[0]["status"]


def test_the_venue_address_and_a_new_one_after_a_network_change() -> None:
    addresses = {"10.20.30.40"}
    looked = []

    def interfaces():
        looked.append(1)
        return set(addresses)

    now = [0.0]
    check = HostCheck(None, addresses=interfaces, clock=lambda: now[0])
    # The address the phone connected to is ours, whatever the interfaces say.
    assert call(check, b"192.168.1.20:8765", server_ip="192.168.1.20") == 200
    assert call(check, b"10.20.30.40:8765", server_ip="0.0.0.0") == 200
    assert call(check, b"10.99.0.1:8765", server_ip="0.0.0.0") == 421
    addresses.add("10.99.0.1")  # the laptop joined another network
    assert call(check, b"10.99.0.1:8765", server_ip="0.0.0.0") == 421  # looked 0 s ago
    now[0] += 6
    assert call(check, b"10.99.0.1:8765", server_ip="0.0.0.0") == 200
    assert call(check, b"[::1]:8765") == 200
    assert len(looked) == 2  # interfaces are not read on every request
    proxied = HostCheck(None, extra=["questions.example.org"], addresses=set)
    assert call(proxied, b"questions.example.org") == 200
    assert call(proxied, b"other.example.org") == 421


def test_host_name_forms() -> None:
    assert host_name("Example.ORG:80") == "example.org"
    assert host_name("[fe80::1]:8765") == "fe80::1"
    assert host_name("[broken") == ""
    assert host_name("10.0.0.1") == "10.0.0.1"


def test_forwarded_for_is_not_believed_without_a_proxy(event_file, session) -> None:
    """Each request claims another address; the limit still sees 127.0.0.1."""
    limits = Limits(address_reads=RateLimit(per_minute=60, burst=5))
    running = PhoneServer(event_file.path, host="127.0.0.1", port=0, limits=limits)
    running.start()
    try:
        url = f"http://127.0.0.1:{running.port}/api/j/{session.join_token}"
        codes = [httpx.get(url, headers={**HEADERS, "X-Forwarded-For": f"10.0.0.{i}",
                                         "Forwarded": f"for=10.0.1.{i}"},
                           params={"view": f"view-{i:08d}"}).status_code
                 for i in range(8)]
        assert codes[:5] == [200] * 5 and 429 in codes[5:]
    finally:
        running.stop()


def test_forwarded_for_is_believed_from_a_configured_proxy(event_file, session) -> None:
    limits = Limits(address_reads=RateLimit(per_minute=60, burst=5))
    running = PhoneServer(event_file.path, host="127.0.0.1", port=0, limits=limits,
                          proxy="127.0.0.1", proxy_host="questions.example.org")
    running.start()
    try:
        url = f"http://127.0.0.1:{running.port}/api/j/{session.join_token}"
        codes = [httpx.get(url, headers={**HEADERS, "X-Forwarded-For": f"10.0.0.{i}",
                                         "Host": "questions.example.org"}).status_code
                 for i in range(8)]
        assert codes == [200] * 8  # eight phones behind the proxy, each its own address
    finally:
        running.stop()
