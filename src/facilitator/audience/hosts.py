"""Answer only requests addressed to this laptop by name: no DNS rebinding.

A web page elsewhere can point its own host name at the laptop's address (DNS rebinding)
and then talk to the phone server as if it were the same site, cookies and custom headers
included. The browser still sends that page's name in ``Host``: answering only the
laptop's own addresses (and localhost) shuts the door, with 421 Misdirected Request.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL_NAMES = frozenset({"localhost", "localhost.", "127.0.0.1", "::1"})
REFRESH_AFTER = 5.0  # seconds between looks at the interfaces when an unknown IP arrives


def host_name(value: str) -> str:
    """The name or address in a Host header, without port and brackets, lower-case."""
    value = value.strip().lower()
    if value.startswith("["):  # [v6]:port
        return value[1:value.find("]")] if "]" in value else ""
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def interface_addresses() -> set[str]:
    """Every address of this machine's interfaces, loopback included."""
    import psutil

    found = set()
    for addrs in psutil.net_if_addrs().values():
        for addr in addrs:
            if addr.family in (socket.AF_INET, socket.AF_INET6):
                found.add(addr.address.split("%", 1)[0].lower())  # drop a v6 zone
    return found


class HostCheck:
    """ASGI middleware: 421 unless Host names this laptop.

    Allowed: localhost, loopback addresses, the address the connection arrived on (the
    server's side of the socket, which a page cannot choose), every address of the
    laptop's interfaces, and any ``extra`` names (a configured proxy's public name).
    """

    def __init__(self, app: ASGIApp, extra: Iterable[str] = (),
                 addresses: Callable[[], set[str]] = interface_addresses,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.extra = {host_name(name) for name in extra}
        self._addresses = addresses
        self._clock = clock
        self._known: set[str] = set()
        self._looked_at = float("-inf")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.allowed(scope):
            response = JSONResponse(
                {"error": "misdirected", "message": "This server answers only its own "
                 "address. Scan the QR code again."},
                status_code=421, headers={"cache-control": "no-store"})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def allowed(self, scope: Scope) -> bool:
        values = [v for k, v in scope.get("headers") or [] if k == b"host"]
        if len(values) != 1:  # HTTP/1.1 needs exactly one Host
            return False
        name = host_name(values[0].decode("latin-1"))
        if not name:
            return False
        if name in LOCAL_NAMES or name in self.extra:
            return True
        server = scope.get("server")
        if server and name == str(server[0]).lower():
            return True
        try:
            ip = ipaddress.ip_address(name)
        except ValueError:
            return False  # a name, not one of ours
        if ip.is_loopback:
            return True
        if name in self._known:
            return True
        now = self._clock()
        if now - self._looked_at >= REFRESH_AFTER:  # the laptop may have a new address
            self._looked_at = now
            try:
                self._known = self._addresses()
            except OSError:
                return False
        return name in self._known
