"""Shared by the wheel and standalone tests: read the join URL a `serve` process prints."""

from __future__ import annotations

import re
import subprocess
import time


def join_url_of(server: subprocess.Popen, seconds: float = 30) -> str:
    """The loopback join URL from a running `facilitator serve`'s output.

    The server listens on every interface, so loopback reaches it whatever address it printed.
    """
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    assert server.stdout is not None
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = re.search(r"Join URL: http://[^/:]+(:\d+/\S+)", line)
        if found:
            return f"http://127.0.0.1{found.group(1)}"
    raise AssertionError("no join URL printed:\n" + "".join(lines)
                         + (server.stderr.read() if server.stderr else ""))
