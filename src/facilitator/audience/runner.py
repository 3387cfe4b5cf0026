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
import re
import socket
import threading
import time
from collections.abc import Iterable, Sequence
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
LISTEN_BACKLOG = 1024
PODIUM_IN_USE_SECONDS = 10.0  # a podium page that polled this recently is in use


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


@dataclass(frozen=True)
class Interface:
    """One network interface as the system describes it: its name, IPv4 addresses, state."""

    name: str
    addresses: tuple[str, ...]
    up: bool = True
    loopback: bool = False


# Interfaces phones in the hall cannot reach: VPN tunnels, containers, virtual machines'
# bridges, overlay networks. Names as Linux, macOS and Windows give them.
_VIRTUAL_NAMES = re.compile(
    r"^(tun|tap|wg|utun|ppp|ipsec|gpd|zt|tailscale|nordlynx|proton|docker|br-|veth|virbr|"
    r"vmnet|vboxnet|lxc|lxdbr|incusbr|cni|flannel|cali|cilium|kube|podman|waydroid|awdl|"
    r"llw|anpi|bridge|vethernet|vmware|virtualbox|hyper-v|vpn|openvpn|wireguard|"
    r"cisco|fortinet|globalprotect|zerotier)", re.IGNORECASE)
# Names of the interfaces a venue network arrives on: Wi-Fi and Ethernet.
_VENUE_NAMES = re.compile(r"^(wl|wlan|wlp|wifi|wi-fi|en|eth|ethernet|wireless)",
                          re.IGNORECASE)
_CARRIER_NAT = ipaddress.ip_network("100.64.0.0/10")  # Tailscale and other overlays use it


def is_virtual(name: str) -> bool:
    """A VPN, container or virtual-machine interface, by its name."""
    return bool(_VIRTUAL_NAMES.match(name.strip()))


def rank_addresses(interfaces: Iterable[Interface],
                   default_routes: Sequence[str] = ()) -> list[Address]:
    """The addresses phones may use, best first.

    Skipped: interfaces down, loopback, VPN/container/virtual ones (``is_virtual``), and
    link-local, carrier-NAT overlay and unspecified addresses. Ranked: the interface the
    default route leaves by (``default_routes``: interface names or addresses, best
    first), then Wi-Fi and Ethernet, then private (venue) before public addresses.
    """
    found: list[tuple[tuple[int, int, int, ipaddress.IPv4Address], Address]] = []
    for interface in interfaces:
        if not interface.up or interface.loopback or is_virtual(interface.name):
            continue
        for text in interface.addresses:
            try:
                ip = ipaddress.IPv4Address(text)
            except ValueError:
                continue
            if ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip in _CARRIER_NAT:
                continue
            route = next((i for i, via in enumerate(default_routes)
                          if via in (interface.name, text)), len(default_routes))
            venue = 0 if _VENUE_NAMES.match(interface.name) else 1
            key = (route, venue, 0 if ip.is_private else 1, ip)
            found.append((key, Address(interface.name, text)))
    found.sort(key=lambda item: item[0])
    return [address for _, address in found]


def system_interfaces() -> list[Interface]:
    """This laptop's interfaces, through psutil (the standard library has no portable way
    to list interfaces with their up/running state)."""
    import psutil

    stats = psutil.net_if_stats()
    interfaces = []
    for name, addrs in psutil.net_if_addrs().items():
        stat = stats.get(name)
        flags = (getattr(stat, "flags", "") or "").split(",") if stat else []
        up = stat is not None and stat.isup and (not flags or flags == [""]
                                                 or "running" in flags)
        interfaces.append(Interface(
            name, tuple(a.address for a in addrs if a.family == socket.AF_INET), up,
            loopback="loopback" in flags))
    return interfaces


def parse_proc_route(text: str) -> list[str]:
    """Interfaces with a default route in Linux's /proc/net/route, lowest metric first."""
    routes = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        name, destination, flags, metric, mask = (fields[0], fields[1], fields[3],
                                                  fields[6], fields[7])
        try:
            up = int(flags, 16) & 0x1
            default = int(destination, 16) == 0 and int(mask, 16) == 0
            weight = int(metric)
        except ValueError:
            continue
        if up and default:
            routes.append((weight, name))
    return [name for _, name in sorted(routes)]


def default_routes() -> list[str]:
    """Where the default route leaves: interface names (Linux) or this laptop's address on
    it (elsewhere: the address the system would send from; a UDP "connect" sends nothing).
    Empty when there is no default route, as on a venue network without internet."""
    try:
        return parse_proc_route(Path("/proc/net/route").read_text())
    except OSError:
        pass
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routed like the internet, never used
        return [probe.getsockname()[0]]
    return []


def usable_addresses() -> list[Address]:
    """IPv4 addresses phones may use to reach this laptop, best first (``rank_addresses``)."""
    return rank_addresses(system_interfaces(), default_routes())


class PortTaken(PhoneServerError):
    """The port phones were told is used by another program; ``free`` is one that is not."""

    def __init__(self, host: str, port: int, free: int | None) -> None:
        super().__init__(f"port {port} is in use by another program")
        self.host = host
        self.port = port
        self.free = free


def bind_socket(host: str, port: int | None) -> socket.socket:
    """A listening socket on ``port`` (default 8765); raises PortTaken if another program
    has it (a printed QR poster carries the port: it is never changed silently), or
    PhoneServerError."""
    wanted = DEFAULT_PORT if port is None else port
    if not 0 <= wanted <= 65535:  # socket.bind raises OverflowError, not OSError
        raise PhoneServerError(f"cannot listen on {host}:{wanted}: ports are 0 to 65535")
    try:
        return _listen(host, wanted)
    except OSError as error:
        if error.errno not in (errno.EADDRINUSE, errno.EACCES) or wanted == 0:
            raise PhoneServerError(f"cannot listen on {host}:{wanted}: {error.strerror}") from None
    raise PortTaken(host, wanted, free_port(host, wanted))


def free_port(host: str, near: int) -> int | None:
    """A port nobody listens on, among the next ten after ``near`` if possible."""
    for candidate in [*range(near + 1, min(near + 11, 65536)), 0]:
        try:
            sock = _listen(host, candidate)
        except OSError:
            continue
        port = sock.getsockname()[1]
        sock.close()
        return port
    return None


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
                 proxy: str | None = None, proxy_host: str | None = None,
                 max_connections: int | None = None) -> None:
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
        # At most this many phone connections at once: ``max_connections`` if given (tests),
        # else what the open-files limit leaves (audience.connections).
        self.max_connections = max_connections
        self.connection_cap: int | None = None
        self.shown_session_id: int | None = None  # the session the laptop shows (team)

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
        app.team.show_session(self.shown_session_id)
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=2, server_header=False,
                                proxy_headers=self.proxy is not None,
                                forwarded_allow_ips=self.proxy or "",
                                timeout_keep_alive=connections.KEEP_ALIVE, **http_stack())
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

    def take_question_news(self) -> dict[int, set[int] | None] | None:
        """The questions phones wrote since the last call (``PhoneApp.take_question_news``),
        or None when the server is not running. Safe from any thread."""
        app = self._app
        return app.take_question_news() if app is not None else None

    def podium_in_use(self, within: float = PODIUM_IN_USE_SECONDS) -> bool:
        """Whether a podium page asked for its state in the last ``within`` seconds (it
        polls every second): closing questions must not leave the speaker's screen dark."""
        app = self._app
        polled = getattr(app, "podium_polled_at", None)
        return polled is not None and time.monotonic() - polled < within

    def show_session(self, session_id: int | None) -> None:
        """The session the laptop shows: team devices act on it while nobody speaks
        (``audience.roles.TeamApp.room_session_id``). Safe from any thread."""
        self.shown_session_id = session_id
        app = self._app
        if app is not None:
            app.team.show_session(session_id)

    def team_presence(self) -> dict:
        """When each role link's device was last seen (``audience.roles.Seen`` by token);
        empty when the server is not running. Safe from any thread."""
        app = self._app
        return app.team.presence() if app is not None else {}

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


def role_url(ip: str, port: int, token: str) -> str:
    """A team member's role link (audience/roles.py)."""
    return f"http://{ip}:{port}/r/{token}"


def root_url(ip: str, port: int) -> str:
    return f"http://{ip}:{port}/"
