"""Which HTTP parser and event loop uvicorn runs the phone server on.

httptools (llhttp, the Node.js parser, in C) and uvloop (libuv) roughly double what one
core answers compared with the pure-Python h11 on the default asyncio loop
(docs/benchmarks.md, Audience load). They install on Linux and macOS; Windows has no
uvloop, and a missing wheel must never stop the phones: the pure-Python pair then serves.
``FACILITATOR_HTTP=h11`` chooses the pure-Python pair on purpose (tests run both).
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec

ENVIRONMENT = "FACILITATOR_HTTP"


def http_stack() -> dict[str, str]:
    """uvicorn.Config's ``http`` and ``loop``: the fast pair where it is installed."""
    if os.environ.get(ENVIRONMENT, "").strip().lower() == "h11":
        return {"http": "h11", "loop": "asyncio"}
    http = "httptools" if find_spec("httptools") is not None else "h11"
    fast_loop = sys.platform != "win32" and find_spec("uvloop") is not None
    return {"http": http, "loop": "uvloop" if fast_loop else "asyncio"}
