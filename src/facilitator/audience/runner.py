"""Run the phone app with uvicorn in a background thread, and find the laptop's addresses.

The thread has its own asyncio loop and its own connection to the event file (opened
without the lock, which the app's own connection holds). It reaches the GUI only through
the ``notify`` callback, which the GUI turns into a queued Qt signal.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.audience.limits import Limits
from facilitator.core.clock import Clock, SystemClock
from facilitator.store import EventFile, EventFileError

if TYPE_CHECKING:
    from facilitator.audience.app import Notify

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
START_TIMEOUT = 10.0
LISTEN_BACKLOG = 1024


class PhoneServerError(Exception):
    """The phone server could not start, said plainly."""


@dataclass(frozen=True)
class Address:
    """One address phones may use to reach this laptop."""

    interface: str
    ip: str

    @property
    def private(self) -> bool:
        return ipaddress.ip_address(self.ip).is_private

    def label(self) -> str:
        return f"{self.ip} ({self.interface})"


def usable_addresses() -> list[Address]:
    """IPv4 addresses of interfaces that are up and running, loopback excluded, private
    (venue network) ones first.

    psutil reads interfaces the same way on Linux, macOS and Windows; the standard library
    has no portable way to list interfaces with their up/running state.
    """
    import psutil

    stats = psutil.net_if_stats()
    found: list[Address] = []
    for name, addrs in psutil.net_if_addrs().items():
        stat = stats.get(name)
        if stat is None or not stat.isup:
            continue
        flags = getattr(stat, "flags", "")
        if flags and ("running" not in flags.split(",") or "loopback" in flags.split(",")):
            continue
        for addr in addrs:
            if addr.family != socket.AF_INET:
                continue
            ip = ipaddress.ip_address(addr.address)
            if ip.is_loopback or ip.is_link_local or ip.is_unspecified:
                continue
            found.append(Address(name, addr.address))
    found.sort(key=lambda a: (not a.private, ipaddress.ip_address(a.ip)))
    return found


def bind_socket(host: str, port: int | None) -> socket.socket:
    """A listening socket on ``port`` (default 8765), or on a free port if that is taken."""
    wanted = DEFAULT_PORT if port is None else port
    try:
        return _listen(host, wanted)
    except OSError as error:
        if error.errno not in (errno.EADDRINUSE, errno.EACCES) or wanted == 0:
            raise PhoneServerError(f"cannot listen on {host}:{wanted}: {error.strerror}") from None
        log.info("port %s is taken, using a free one", wanted)
    try:
        return _listen(host, 0)
    except OSError as error:
        raise PhoneServerError(f"cannot listen on {host}: {error.strerror}") from None


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP said outright: asyncio turns Nagle off (TCP_NODELAY) only on connections
    # whose socket says so, and uvicorn writes headers and body apart. With proto 0 every
    # request right after another on a keep-alive connection (a vote after a poll) waited
    # ~40 ms for a delayed ACK (docs/benchmarks.md, Audience load).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if hasattr(socket, "SO_REUSEADDR") and not hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            # Lets a restarted server reuse the port at once (TIME_WAIT) on POSIX; on Windows
            # the same option would let two servers share a port, so it is not set there.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # A hall scans the QR code at once: room in the kernel's queue for a burst of
        # phones while the gate lets them in (the kernel caps it at somaxconn).
        sock.listen(LISTEN_BACKLOG)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


class PhoneServer:
    """The phone page served in a background thread; ``start()``, then ``stop()``."""

    def __init__(self, path: str | Path, notify: Notify | None = None, *,
                 host: str = "0.0.0.0", port: int | None = None,
                 clock: Clock | None = None, limits: Limits | None = None,
                 max_connections: int | None = None) -> None:
        self.path = Path(path)
        self.notify = notify
        self.host = host
        self.requested_port = port
        self.clock = clock or SystemClock()
        self.limits = limits
        self.port: int | None = None
        self._server: Any = None  # the uvicorn server while running
        self._thread: threading.Thread | None = None
        self._file: EventFile | None = None
        self._failure: BaseException | None = None
        # At most this many phone connections at once: ``max_connections`` if given (tests),
        # else what the open-files limit leaves (audience.connections).
        self.max_connections = max_connections
        self.connection_cap: int | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Bind, open the server's own connection, and serve; raises PhoneServerError."""
        if self.running:
            return
        sock = bind_socket(self.host, self.requested_port)
        self.port = sock.getsockname()[1]
        try:
            self._file = EventFile.open(self.path, lock=False)
        except EventFileError as error:
            sock.close()
            raise PhoneServerError(str(error)) from None
        import uvicorn

        from facilitator.audience import connections
        from facilitator.audience.app import create_app

        # Counted once the listening socket and the server's connection are open: what is
        # left of the limit, less a reserve for the app's own files, is for phones.
        self.connection_cap = self.max_connections or connections.connection_cap(
            connections.raise_open_file_limit(), connections.open_file_count())
        app = create_app(self._file, self.notify, clock=self.clock, limits=self.limits)
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=2, server_header=False,
                                timeout_keep_alive=connections.KEEP_ALIVE)
        self._server = connections.gated_server(config, sock, self.connection_cap)
        self._failure = None
        self._thread = threading.Thread(target=self._run, args=(sock,),
                                        name="phone-server", daemon=True)
        self._thread.start()
        waited = 0.0
        while not self._server.started and self._thread.is_alive() and waited < START_TIMEOUT:
            self._thread.join(0.02)
            waited += 0.02
        if not self._server.started:
            self.stop()
            raise PhoneServerError(f"the phone server did not start ({self._failure or 'timeout'})")

    def _run(self, sock: socket.socket) -> None:
        try:
            asyncio.run(self._server.serve(sockets=[sock]))  # type: ignore[union-attr]
        except BaseException as error:  # reported by start() / logged; never kills the app
            self._failure = error
            log.exception("phone server stopped")
        finally:
            sock.close()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving and close the server's connection; safe to call twice."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                if self._server is not None:
                    self._server.force_exit = True
                self._thread.join(timeout)
        self._thread = None
        self._server = None
        if self._file is not None:
            self._file.close()
            self._file = None


def join_url(ip: str, port: int, join_token: str) -> str:
    return f"http://{ip}:{port}/j/{join_token}"


def speaker_url(ip: str, port: int, speaker_token: str) -> str:
    return f"http://{ip}:{port}/s/{speaker_token}"


def root_url(ip: str, port: int) -> str:
    return f"http://{ip}:{port}/"
