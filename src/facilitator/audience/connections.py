"""Keep phone connections from exhausting the laptop's open files.

A desktop allows a process 1,024 open files (256 on macOS), and every TCP connection is
one. A hall of phones, or a thousand sockets that connect and say nothing, used to reach
that limit: asyncio's accept() then failed ~10,000 times a second, each failure logged
with a traceback, new phones timed out and the window froze the moment it needed a file
(a font for the projector). Here:

- ``raise_open_file_limit`` lifts the soft limit to the hard one when the server starts;
- ``ConnectionGate`` accepts connections itself, never more than ``cap`` at once (the
  limit less the files already open, less a reserve for the app's own fonts, PDFs and
  event file). At the cap, a newcomer takes the place of the oldest connection that has
  sent no request for ``GRACE`` seconds, else of the idle keep-alive that answered last
  (its phone reconnects for its next poll), else of the oldest silent one: a queue of
  sockets that say nothing drains as fast as they are accepted, and a phone that just
  connected is not closed before its request arrives.
  If every connection is mid-request, new ones wait in the kernel's queue. A connection
  that has not sent a whole request head ``head_timeout`` seconds after opening is
  closed; idle keep-alives are closed by uvicorn (``KEEP_ALIVE``);
- trouble is logged once a second at most, as one line, never a traceback each.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import errno
import logging
import socket
import time
from collections.abc import Callable
from typing import Any

# In a module of its own: the window raises the limit at start-up without asyncio.
from facilitator.audience.open_files import (  # noqa: F401 - used as connections.*
    MACOS_MAX,
    raise_open_file_limit,
)

log = logging.getLogger(__name__)

HEAD_TIMEOUT = 5.0  # seconds for a new connection to send its first request head
KEEP_ALIVE = 5.0  # seconds an idle keep-alive connection stays open (phones poll every 2 s)
RESERVE = 128  # open files kept for the app itself: fonts, PDFs, the event file, Qt
MIN_CAP = 16
MAX_CAP = 8192  # past this the event loop, not the open files, is what runs out
UNLIMITED = 4096  # where the platform has no per-process limit to read (Windows)
GRACE = 0.5  # seconds: a phone sends its request at once; silent this long, it is no phone
YOUNG_KEPT = 64  # the newest silent connections are spared: their requests are on the way
ACCEPT_BATCH = 32  # accepts in a row before the loop serves the connections it has
SWEEP_SECONDS = 0.5
RESOURCE_ERRORS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}
ACCEPT_RACES = {errno.ECONNABORTED, errno.EPROTO, errno.EPERM, errno.EAGAIN}


def open_file_count() -> int:
    """Files (and sockets) this process has open now; 0 if the platform cannot say."""
    import psutil

    process = psutil.Process()
    try:
        return process.num_fds() if hasattr(process, "num_fds") else process.num_handles()
    except psutil.Error:
        return 0


def connection_cap(limit: int | None, open_now: int, reserve: int = RESERVE) -> int:
    """How many phone connections may be open at once: what the open-files ``limit``
    leaves after the ``open_now`` files and the ``reserve``, within [MIN_CAP, MAX_CAP]."""
    if limit is None:
        return min(MAX_CAP, UNLIMITED)
    return max(MIN_CAP, min(MAX_CAP, limit - open_now - reserve))


class ThrottledLog:
    """One log line per ``every`` seconds at most for a recurring trouble, with a count of
    how many times it happened in between."""

    def __init__(self, logger: logging.Logger, every: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.logger = logger
        self.every = every
        self.clock = clock
        self._last: dict[str, float] = {}
        self._count: dict[str, int] = collections.Counter()

    def warning(self, key: str, message: str, *args: object) -> bool:
        """Log ``message`` unless ``key`` was logged less than ``every`` ago; True if
        logged."""
        self._count[key] += 1
        now = self.clock()
        last = self._last.get(key)
        if last is not None and now - last < self.every:
            return False
        count, self._count[key] = self._count[key], 0
        self._last[key] = now
        suffix = f" ({count} times in the last {self.every:g} s)" if last is not None else ""
        self.logger.warning(message + suffix, *args)
        return True


class TrackedConnection(asyncio.Protocol):
    """One connection as the gate sees it: when it opened, when it last sent something and
    whether it is between requests. uvicorn's protocol for it is made only when the first
    bytes arrive: a socket that never speaks costs no HTTP machinery."""

    def __init__(self, gate: ConnectionGate, make_inner: Callable[[], asyncio.Protocol]
                 ) -> None:
        self.gate = gate
        self.make_inner = make_inner
        self.inner: asyncio.Protocol | None = None
        self.opened = self.active = gate.clock()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.gate._opened(self)

    def data_received(self, data: bytes) -> None:
        self.active = self.gate.clock()
        if self.inner is None:
            self.inner = self.make_inner()
            self.inner.connection_made(self.transport)  # type: ignore[arg-type]
        self.inner.data_received(data)
        self.gate._active(self)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.inner is not None else None

    def connection_lost(self, exc: Exception | None) -> None:
        self.gate._closed(self)
        if self.inner is not None:
            self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.inner is not None:
            self.inner.resume_writing()

    @property
    def has_request(self) -> bool:
        """A whole request head has arrived on this connection (uvicorn made a cycle)."""
        return getattr(self.inner, "cycle", None) is not None

    @property
    def idle(self) -> bool:
        """Between requests: nothing is lost by closing it (the phone reconnects)."""
        cycle = getattr(self.inner, "cycle", None)
        return cycle is None or bool(getattr(cycle, "response_complete", False))

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()


class ConnectionGate:
    """Accepts phone connections on ``sock`` for ``protocol_factory`` (uvicorn's), at most
    ``cap`` at once. ``serve()`` runs until ``close()``; uvicorn's shutdown calls both
    ``close()`` and ``wait_closed()`` as for an asyncio server."""

    def __init__(self, sock: socket.socket, protocol_factory: Callable[[], asyncio.Protocol],
                 *, cap: int, head_timeout: float = HEAD_TIMEOUT,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.sock = sock
        self.protocol_factory = protocol_factory
        self.cap = cap
        self.head_timeout = head_timeout
        self.clock = clock
        # Not a whole request yet, oldest first: the first to go for room, and swept.
        self.silent: collections.OrderedDict[TrackedConnection, None] = \
            collections.OrderedDict()
        # Served a request at least, oldest activity first: the first idle one goes next.
        self.served: collections.OrderedDict[TrackedConnection, None] = \
            collections.OrderedDict()
        self._pending = 0  # accepted, transport not made yet
        self._room = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.trouble = ThrottledLog(log)
        self.closed_for_room = 0
        self.closed_silent = 0

    # --- the asyncio-server face uvicorn's shutdown uses -------------------------------

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._accept_forever(), name="phone-accept"),
                       asyncio.create_task(self._sweep_forever(), name="phone-sweep")]

    def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        # uvicorn closes the connections it knows; those that never spoke are the gate's.
        for connection in list(self.silent):
            if connection.inner is None:
                connection.close()

    async def wait_closed(self) -> None:
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # --- accepting ----------------------------------------------------------------------

    async def _accept_forever(self) -> None:
        loop = asyncio.get_running_loop()
        in_a_row = 0
        while True:
            if self.full:
                if self.make_room():
                    self.trouble.warning("full", "phone connections at the limit (%s): "
                                         "closing idle ones for new phones", self.cap)
                else:
                    self.trouble.warning("busy", "phone connections at the limit (%s), all "
                                         "mid-request: new connections wait", self.cap)
                    self._room.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._room.wait(), 0.1)
                    continue
            try:
                conn, _ = await loop.sock_accept(self.sock)
            except OSError as error:
                if error.errno in ACCEPT_RACES:
                    continue  # the phone left before it was let in
                if error.errno in RESOURCE_ERRORS:
                    self.trouble.warning("files", "out of open files accepting a phone "
                                         "connection (%s open); waiting", self.count)
                    self.make_room()
                else:
                    self.trouble.warning("accept", "accepting a phone connection failed: %s",
                                         error)
                await asyncio.sleep(0.1)
                continue
            self._pending += 1
            task = loop.create_task(self._let_in(loop, conn))
            task.add_done_callback(lambda _: None)
            in_a_row += 1
            if in_a_row >= ACCEPT_BATCH:
                in_a_row = 0
                await asyncio.sleep(0)  # let the open connections be served too

    async def _let_in(self, loop: asyncio.AbstractEventLoop, conn: socket.socket) -> None:
        try:
            conn.setblocking(False)
            await loop.connect_accepted_socket(
                lambda: TrackedConnection(self, self.protocol_factory), conn)
        except OSError as error:
            conn.close()
            self.trouble.warning("connect", "a phone connection failed at once: %s", error)
        finally:
            self._pending -= 1

    @property
    def count(self) -> int:
        """Connections open now."""
        return len(self.silent) + len(self.served)

    @property
    def full(self) -> bool:
        return self.count + self._pending >= self.cap

    def make_room(self) -> bool:
        """Close one connection to make room (the oldest silent past ``GRACE``, else the
        idle keep-alive that answered last, else the oldest silent); False if every one
        is mid-request."""
        oldest = next(iter(self.silent), None)
        # The oldest silent one goes first once it is past the grace, or once enough newer
        # silent ones stand behind it that a phone whose request is on its way is among
        # those (under a flood of reconnecting sockets, none lives out the grace).
        many = len(self.silent) > max(4, min(YOUNG_KEPT, self.cap // 4))
        victim = oldest if oldest and (many or self.clock() - oldest.opened >= GRACE) else None
        if victim is None:
            # The keep-alive that answered last: its phone will not ask again for a poll
            # interval, so it reconnects then instead of racing a request into the close.
            victim = next((c for c in reversed(self.served) if c.idle), oldest)
        if victim is None:
            return False
        self.closed_for_room += 1
        self._forget(victim)
        victim.close()
        return True

    # --- bookkeeping (called by TrackedConnection) ----------------------------------------

    def _opened(self, connection: TrackedConnection) -> None:
        self.silent[connection] = None

    def _active(self, connection: TrackedConnection) -> None:
        if connection in self.served:
            self.served.move_to_end(connection)
        elif connection in self.silent and connection.has_request:
            del self.silent[connection]
            self.served[connection] = None

    def _closed(self, connection: TrackedConnection) -> None:
        self._forget(connection)
        self._room.set()

    def _forget(self, connection: TrackedConnection) -> None:
        self.silent.pop(connection, None)
        self.served.pop(connection, None)

    # --- the head timeout ---------------------------------------------------------------

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            self.sweep()

    def sweep(self) -> int:
        """Close connections that sent no whole request head within ``head_timeout`` of
        opening; how many were closed."""
        now = self.clock()
        closed = 0
        for connection in list(self.silent):  # oldest first: stop at the first young one
            if now - connection.opened < self.head_timeout:
                break
            self._forget(connection)
            connection.close()
            closed += 1
        self.closed_silent += closed
        return closed


def gated_server(config: Any, sock: socket.socket, cap: int) -> Any:
    """A uvicorn server that lets connections in through a ``ConnectionGate`` on ``sock``
    and installs no signal handlers (it runs in a thread; ``PhoneServer.stop`` ends it).

    uvicorn is imported here, when phones are first let in, not when the app starts: it
    costs about 60 ms of start-up (docs/benchmarks.md, Start-up).
    """
    import uvicorn

    class GatedServer(uvicorn.Server):
        gate: ConnectionGate | None = None

        @contextlib.contextmanager
        def capture_signals(self):
            yield

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            # No listening socket for uvicorn itself (an empty list): the gate accepts
            # instead, with the same protocol factory uvicorn's startup builds.
            await super().startup(sockets=[])
            loop = asyncio.get_running_loop()

            def protocol() -> asyncio.Protocol:
                return self.config.http_protocol_class(
                    config=self.config, server_state=self.server_state,
                    app_state=self.lifespan.state, _loop=loop)

            self.gate = ConnectionGate(sock, protocol, cap=cap, head_timeout=HEAD_TIMEOUT)
            self.gate.start()
            self.servers.append(self.gate)  # closed and awaited by uvicorn's shutdown

    return GatedServer(config)
