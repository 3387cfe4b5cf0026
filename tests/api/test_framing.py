"""HTTP framing by the book, over a raw socket to the real server, on both HTTP stacks.

A request with both Content-Length and Transfer-Encoding can be cut two ways; a proxy and
this server disagreeing on the cut is request smuggling. h11 alone reads it as chunked and
keeps the connection (RFC 9112 section 6.3 allows that only if the connection is then
closed). Here it is refused with 400 and the connection closed: whatever followed in the
same packet is never answered as a request.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import time

import pytest

from facilitator.audience.runner import PhoneServer
from facilitator.audience.stack import ENVIRONMENT, http_stack
from facilitator.store import questions as store


@pytest.fixture(params=["fast", "h11"])
def server(request, event_file, session, monkeypatch):
    """The server on both HTTP stacks: httptools + uvloop where installed, and the
    pure-Python h11 + asyncio that Windows (no uvloop) or a missing wheel falls back to."""
    if request.param == "h11":
        monkeypatch.setenv(ENVIRONMENT, "h11")
    else:
        monkeypatch.delenv(ENVIRONMENT, raising=False)
    running = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    running.start()
    yield running
    running.stop()


def test_both_stacks_are_what_they_say(monkeypatch) -> None:
    monkeypatch.setenv(ENVIRONMENT, "h11")
    assert http_stack() == {"http": "h11", "loop": "asyncio"}
    monkeypatch.delenv(ENVIRONMENT)
    fast = http_stack()
    if importlib.util.find_spec("httptools") is None:
        pytest.skip("httptools is not installed here: the pure-Python stack serves")
    assert fast["http"].__name__ == "HeadLimitedHttpTools"
    assert fast["loop"] == ("asyncio" if sys.platform == "win32" else "uvloop")


def send_and_read_all(port: int, raw: bytes, timeout: float = 5.0) -> tuple[bytes, bool]:
    """Everything the server answers, and whether it closed the connection by itself."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        data = b""
        deadline = time.monotonic() + timeout
        sock.settimeout(1.0)
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                return data, False  # still open, nothing more to say
            except ConnectionResetError:
                return data, True
            if not chunk:
                return data, True
            data += chunk
    return data, False


def head(token: str, framing: str, body: bytes) -> bytes:
    return (f"POST /api/j/{token}/questions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"X-Facilitator: 1\r\nContent-Type: application/json\r\n{framing}\r\n"
            ).encode() + body


def smuggled(token: str) -> bytes:
    """A second request hidden behind the first: asks a question if ever read."""
    body = b'{"text": "Smuggled question?"}'
    return (f"POST /api/j/{token}/questions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Facilitator: 1"
            f"\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body


def cases(token: str) -> dict[str, bytes]:
    inner = smuggled(token)
    chunk = f"{len(inner):x}\r\n".encode() + inner + b"\r\n0\r\n\r\n"
    return {
        # TE.CL: chunked says the body ends at "0", Content-Length says later.
        "CL then TE": head(token, "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
                           b"0\r\n\r\n" + inner),
        "TE then CL": head(token, "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n",
                           b"0\r\n\r\n" + inner),
        # CL.TE: Content-Length covers the hidden request, chunked does not.
        "CL covers it": head(token, f"Content-Length: {len(chunk)}\r\n"
                             "Transfer-Encoding: chunked\r\n", chunk),
        "odd case": head(token, "content-length: 4\r\nTRANSFER-ENCODING: Chunked\r\n",
                         b"0\r\n\r\n" + inner),
    }


@pytest.mark.parametrize("name", ["CL then TE", "TE then CL", "CL covers it", "odd case"])
def test_length_given_twice_is_refused_and_the_connection_closed(server, session, event_file,
                                                                 name) -> None:
    data, closed = send_and_read_all(server.port, cases(session.join_token)[name])
    assert data.startswith(b"HTTP/1.1 400 "), data[:200]
    assert data.count(b"HTTP/1.1 ") == 1, data  # the hidden request got no answer
    assert b"connection: close" in data.lower()
    assert closed
    assert store.list_questions(event_file, session.id) == []


def test_plain_chunked_and_plain_length_still_work(server, session, event_file) -> None:
    body = b'{"text": "Chunked question?"}'
    chunked = head(session.join_token, "Transfer-Encoding: chunked\r\n",
                   f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")
    data, _ = send_and_read_all(server.port, chunked)
    assert data.startswith(b"HTTP/1.1 201 "), data[:300]
    data, _ = send_and_read_all(server.port, smuggled(session.join_token))
    assert data.startswith(b"HTTP/1.1 201 "), data[:300]
    assert len(store.list_questions(event_file, session.id)) == 2
