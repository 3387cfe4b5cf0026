"""Which HTTP parser and event loop uvicorn runs the phone server on.

httptools (llhttp, the Node.js parser, in C) and uvloop (libuv) answer more per core than
the pure-Python h11 on the default asyncio loop (docs/benchmarks.md, Audience load). They
install on Linux and macOS; Windows has no uvloop, and a missing wheel must never stop the
phones: the pure-Python pair then serves. ``FACILITATOR_HTTP=h11`` chooses the pure-Python
pair on purpose (tests run both).
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from typing import Any

ENVIRONMENT = "FACILITATOR_HTTP"
# A request's head (request line and headers) past this is refused. h11 bounds it by
# itself; llhttp does not, and a hostile phone could grow one connection's memory without
# end. Real phones send about 1 KB; a hall's cookies and proxies stay far below.
MAX_HEAD_BYTES = 64 * 1024
TOO_LARGE = (b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
             b"content-type: text/plain; charset=utf-8\r\ncontent-length: 32\r\n"
             b"connection: close\r\n\r\nRequest header fields too large.")


def http_stack() -> dict[str, Any]:
    """uvicorn.Config's ``http`` and ``loop``: the fast pair where it is installed (``http``
    is then a protocol class, httptools with a bound on the request's head)."""
    if os.environ.get(ENVIRONMENT, "").strip().lower() == "h11":
        return {"http": "h11", "loop": "asyncio"}
    http: Any = head_limited_httptools() if find_spec("httptools") is not None else "h11"
    fast_loop = sys.platform != "win32" and find_spec("uvloop") is not None
    return {"http": http, "loop": "uvloop" if fast_loop else "asyncio"}


def head_limited_httptools() -> type:
    """uvicorn's httptools protocol, refusing a head past MAX_HEAD_BYTES (431, closed)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class HeadLimitedHttpTools(HttpToolsProtocol):
        _in_head = True
        _head_bytes = 0
        _head_tail = b""  # the head's last 3 bytes so far: its end may straddle two reads

        def data_received(self, data: bytes) -> None:
            if self._in_head:
                # Only the head counts: a question or a summary section sent in one write
                # often arrives with its head in one read, and its body is the app's to
                # judge (413 in the page's language), not this bound's.
                self._head_bytes += head_part(self._head_tail, data)
                self._head_tail = (self._head_tail + data)[-3:]
                if self._head_bytes > MAX_HEAD_BYTES:
                    self._in_head = False
                    self.transport.write(TOO_LARGE)
                    self.transport.close()
                    return
            super().data_received(data)

        def on_headers_complete(self) -> None:
            self._in_head = False
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            # The next request on this connection starts its own head.
            self._in_head, self._head_bytes, self._head_tail = True, 0, b""

    return HeadLimitedHttpTools


def head_part(tail: bytes, data: bytes) -> int:
    """How many bytes of ``data`` belong to a head still being read: up to and including the
    blank line (CRLF CRLF) that ends it, or all of ``data`` if it does not end there.
    ``tail``: the head's last bytes from earlier reads (at most 3), where that line may
    have begun."""
    end = (tail + data).find(b"\r\n\r\n")
    return len(data) if end < 0 else end + 4 - len(tail)
