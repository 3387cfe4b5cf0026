"""Run the phone app with uvicorn in a background thread, and find the laptop's addresses.

The thread has its own asyncio loop and its own connection to the event file (opened
without the lock, which the app's own connection holds). It reaches the GUI only through
the ``notify`` callback, which the GUI turns into a queued Qt signal.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.audience.limits import Limits
from facilitator.audience.stack import http_stack
from facilitator.core.clock import Clock, SystemClock
from facilitator.store import EventFile, EventFileError

if TYPE_CHECKING:
    from facilitator.audience.app import Notify

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
START_TIMEOUT = 10.0


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
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def _quiet_server(config: Any) -> Any:
    """A uvicorn server without signal handlers: the thread is stopped by ``PhoneServer.stop``.

    uvicorn and Starlette are imported here, when phones are first let in, not when the
    app starts: they cost about 60 ms of start-up (docs/benchmarks.md, Start-up).
    """
    import uvicorn

    class QuietServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self):  # noqa: D401 - uvicorn API
            yield

    return QuietServer(config)


class PhoneServer:
    """The phone page served in a background thread; ``start()``, then ``stop()``."""

    def __init__(self, path: str | Path, notify: Notify | None = None, *,
                 host: str = "0.0.0.0", port: int | None = None,
                 clock: Clock | None = None, limits: Limits | None = None,
                 proxy: str | None = None, proxy_host: str | None = None) -> None:
        """``proxy``: the address of a reverse proxy in front of this server, whose
        X-Forwarded-For is then believed; ``proxy_host``: the public name it serves under.
        Without them X-Forwarded-For is ignored and Host must be one of ours."""
        self.path = Path(path)
        self.proxy = proxy
        self.proxy_host = proxy_host
        self.notify = notify
        self.host = host
        self.requested_port = port
        self.clock = clock or SystemClock()
        self.limits = limits
        self.port: int | None = None
        self._server: Any = None  # the uvicorn server while running
        self._app: Any = None  # the phone app while running
        self._thread: threading.Thread | None = None
        self._file: EventFile | None = None
        self._failure: BaseException | None = None

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

        from facilitator.audience.app import create_app

        try:  # the app keeps its device-signing secret in the file: it may not be writable
            app = create_app(self._file, self.notify, clock=self.clock, limits=self.limits,
                             extra_hosts=[self.proxy_host] if self.proxy_host else [])
        except EventFileError as error:
            sock.close()
            self._file.close()
            self._file = None
            raise PhoneServerError(str(error)) from None
        # uvicorn believes X-Forwarded-For from 127.0.0.1 by default: any local program
        # could then pose as many addresses and slip past the per-address limits.
        self._app = app
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=2, server_header=False,
                                proxy_headers=self.proxy is not None,
                                forwarded_allow_ips=self.proxy or "", **http_stack())
        self._server = _quiet_server(config)
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
            self._server.run(sockets=[sock])  # on the loop http_stack() chose
        except BaseException as error:  # reported by start() / logged; never kills the app
            self._failure = error
            log.exception("phone server stopped")
        finally:
            sock.close()

    def bursts(self, session_id: int) -> list:
        """Signs of vote stuffing from one address (``audience.bursts.Burst``), newest
        first; empty when the server is not running. Safe from any thread."""
        app = self._app
        return app.bursts(session_id) if app is not None else []

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
