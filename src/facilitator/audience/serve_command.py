"""``facilitator serve EVENT_FILE``: the phone server without the app.

Ctrl-C, SIGTERM (a service manager, ``kill``) and SIGHUP (the terminal closed) all stop it
the same way: questions closed, the server stopped, the lock released. A ``serve`` killed
outright leaves a mark in the file, and the next opener closes the questions it left open
(``EventFile`` does that on opening).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

from facilitator.actions import questions
from facilitator.actions.actor import CLI
from facilitator.actions.command import run
from facilitator.audience.runner import (
    PhoneServer,
    PhoneServerError,
    PortTaken,
    join_url,
    role_url,
    root_url,
    speaker_url,
    usable_addresses,
)
from facilitator.core.team import RoleLink
from facilitator.store import EventFile, EventFileError
from facilitator.store.event_file import SERVED_BY_COMMAND
from facilitator.store.laptop_clock import anchored_clock
from facilitator.store.phone_address import remembered_phone_address
from facilitator.store.role_links import list_role_links
from facilitator.store.sessions import get_session, list_sessions


def serve(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    """Open questions for one session and serve phones until Ctrl-C (or ``stop`` is set)."""
    # The lock is held here, as the app would: no window can open the file meanwhile.
    with EventFile.open(args.event_file) as event_file:
        if args.session is None:
            sessions = list_sessions(event_file)
            if not sessions:
                raise EventFileError(f"{args.event_file} has no sessions to take questions for")
            session = sessions[0]
        else:
            session = get_session(event_file, args.session, with_slots=False)
        assert session.id is not None
        # The port phones of this event were told (posters carry it), unless one is given.
        remembered = remembered_phone_address(event_file)
        port = args.port if args.port is not None or remembered is None else remembered.port
        server = PhoneServer(event_file.path, host=args.host, port=port,
                             clock=anchored_clock(event_file),
                             proxy=getattr(args, "proxy", None),
                             proxy_host=getattr(args, "proxy_host", None))
        server.show_session(session.id)  # team devices act on it while nobody speaks
        try:
            server.start()
        except PortTaken as error:
            other = f" (for example --port {error.free})" if error.free else ""
            print(f"facilitator: error: {error}; close it, or choose another port with "
                  f"--port{other}: posters printed with port {error.port} will then not work",
                  file=sys.stderr)
            return 1
        except PhoneServerError as error:
            print(f"facilitator: error: {error}", file=sys.stderr)
            return 1
        stop = stop or threading.Event()
        run(event_file, CLI, questions.set_open(session.id, True))
        event_file.set_setting(SERVED_BY_COMMAND, str(session.id))
        try:
            with _stopping_on_signals(stop):
                _print_urls(args.host, server.port or 0, session.title, session.join_token,
                            session.short_code, session.speaker_token,
                            list_role_links(event_file))
                _wait(stop)
        except KeyboardInterrupt:
            pass
        finally:
            run(event_file, CLI, questions.set_open(session.id, False))
            event_file.set_setting(SERVED_BY_COMMAND, "")
            server.stop()
        print("stopped; questions are closed", flush=True)
    return 0


def _print_urls(host: str, port: int, title: str, join_token: str, short_code: str,
                speaker_token: str, links: list[RoleLink]) -> None:
    if host in ("0.0.0.0", "::", ""):
        ips = [address.ip for address in usable_addresses()] or ["127.0.0.1"]
    else:
        ips = [host]
    print(f"Questions open for: {title}")
    print(f"Join URL: {join_url(ips[0], port, join_token)}")
    print(f"Short code: {short_code} (type it at {root_url(ips[0], port)})")
    for other in ips[1:]:
        print(f"  also reachable at {join_url(other, port, join_token)}")
    print(f"Speaker view (keep private): {speaker_url(ips[0], port, speaker_token)}")
    # The team's links (made in the app's Team panel), one a line, the role's name first;
    # they are the event's, so a restart prints the same ones until they are revoked.
    for link in links:
        named = f" ({link.name})" if link.name else ""
        print(f"{link.role.title}: {role_url(ips[0], port, link.token)}{named}")
    print("Press Ctrl-C to stop.", flush=True)


@contextlib.contextmanager
def _stopping_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C (SIGINT), SIGTERM and SIGHUP set ``stop``; handlers restored after.

    SIGINT too, not left to Python's KeyboardInterrupt: a process started in the background
    by a non-interactive shell (``facilitator serve … &`` in a script) inherits SIGINT
    ignored, and Python then installs no handler of its own: ``kill -INT`` did nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers (tests run serve in a thread)
        return
    wanted = ([signal.SIGINT, signal.SIGTERM]
              + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else []))
    previous = {number: signal.signal(number, lambda *_: stop.set()) for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _wait(stop: threading.Event) -> None:
    # Short waits so a signal's stop is seen promptly on every platform.
    while not stop.wait(0.5):
        pass
