"""``facilitator serve EVENT_FILE``: the phone server without the app (Ctrl-C stops it)."""

from __future__ import annotations

import argparse
import sys
import threading

from facilitator.audience.runner import (
    PhoneServer,
    PhoneServerError,
    PortTaken,
    join_url,
    root_url,
    speaker_url,
    usable_addresses,
)
from facilitator.store import EventFile, EventFileError
from facilitator.store.phone_address import remembered_phone_address
from facilitator.store.sessions import get_session, list_sessions, set_questions_open


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
        server = PhoneServer(event_file.path, host=args.host, port=port)
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
        set_questions_open(event_file, session.id, True)
        try:
            _print_urls(args.host, server.port or 0, session.title, session.join_token,
                        session.short_code, session.speaker_token)
            _wait(stop)
        except KeyboardInterrupt:
            pass
        finally:
            set_questions_open(event_file, session.id, False)
            server.stop()
        print("stopped; questions are closed", flush=True)
    return 0


def _print_urls(host: str, port: int, title: str, join_token: str, short_code: str,
                speaker_token: str) -> None:
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
    print("Press Ctrl-C to stop.", flush=True)


def _wait(stop: threading.Event | None) -> None:
    stop = stop or threading.Event()
    # Short waits so Ctrl-C (KeyboardInterrupt) is handled promptly on every platform.
    while not stop.wait(0.5):
        pass
