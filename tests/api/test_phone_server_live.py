"""The phone server for real: uvicorn in its thread on 127.0.0.1, a free port, real HTTP."""

from __future__ import annotations

import argparse
import socket
import threading
import time

import httpx
import pytest

from facilitator.audience.runner import (
    PhoneServer,
    PhoneServerError,
    PortTaken,
    bind_socket,
    is_virtual,
    usable_addresses,
)
from facilitator.audience.serve_command import serve
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.api.conftest import DEVICE, HEADERS


@pytest.fixture
def server(event_file, session):
    notified: list[tuple[str, int]] = []
    running = PhoneServer(event_file.path, lambda kind, sid: notified.append((kind, sid)),
                          host="127.0.0.1", port=0)
    running.start()
    running.notified = notified
    yield running
    running.stop()


def test_submit_vote_and_poll_over_http(server, session, event_file) -> None:
    base = f"http://127.0.0.1:{server.port}"
    with httpx.Client(base_url=base, headers=HEADERS, timeout=5) as client:
        page = client.get(f"/j/{session.join_token}")
        assert page.status_code == 200 and "phone.js" in page.text
        created = client.post(f"/api/j/{session.join_token}/questions",
                              json={"text": "Live?", "device": DEVICE,
                                    "request_id": "live-request-1"})
        assert created.status_code == 201
        # committed before the 201: the GUI's own connection reads it at once
        qid = created.json()["id"]
        assert store.get_question(event_file, qid).text == "Live?"
        assert server.notified == [("questions", session.id)]
        store.approve_question(event_file, qid, now=time.time())
        voted = client.post(f"/api/j/{session.join_token}/questions/{qid}/vote",
                            json={"device": DEVICE})
        assert voted.json()["votes"] == 1
        state = client.get(f"/api/j/{session.join_token}", params={"device": DEVICE})
        assert state.json()["questions"][0]["voted"] is True
        again = client.get(f"/api/j/{session.join_token}", params={"device": DEVICE},
                           headers={"If-None-Match": state.headers["etag"]})
        assert again.status_code == 304
        assert "server" not in {k.lower() for k in page.headers}


def test_concurrent_retries_store_one_question(server, session, event_file) -> None:
    url = f"http://127.0.0.1:{server.port}/api/j/{session.join_token}/questions"
    results: list[int] = []

    def send() -> None:
        response = httpx.post(url, json={"text": "Once only", "device": DEVICE,
                                         "request_id": "same-request-1"}, headers=HEADERS)
        results.append(response.status_code)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200] * 5 + [201]
    assert len(store.list_questions(event_file, session.id)) == 1


def test_stop_closes_the_port_and_start_again_works(event_file, session) -> None:
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    port = server.port
    server.stop()
    server.stop()  # twice is fine
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
    server.start()
    assert httpx.get(f"http://127.0.0.1:{server.port}/").status_code == 200
    server.stop()


def test_a_taken_port_is_said_and_never_changed_silently() -> None:
    # A printed poster carries the port: another one is the moderator's choice (issue 11.4).
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        port = taken.getsockname()[1]
        with pytest.raises(PortTaken) as refused:
            bind_socket("127.0.0.1", port)
        assert refused.value.port == port
        assert "in use by another program" in str(refused.value)
        offered = refused.value.free
        assert offered is not None and offered != port
        bind_socket("127.0.0.1", offered).close()  # the port offered instead is free
    finally:
        taken.close()


def test_addresses_are_ipv4_non_loopback_and_never_virtual() -> None:
    addresses = usable_addresses()
    assert all(not a.ip.startswith("127.") and ":" not in a.ip for a in addresses)
    assert not any(is_virtual(a.interface) for a in addresses)


def test_serve_command_opens_serves_and_closes(sample_path, capsys) -> None:
    stop = threading.Event()
    args = argparse.Namespace(event_file=str(sample_path), session=None, host="127.0.0.1",
                              port=0)
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(serve(args, stop)))
    thread.start()
    deadline = time.monotonic() + 10
    out = ""
    # The last line serve prints before it waits: every line above it is there too.
    while "Press Ctrl-C" not in out and time.monotonic() < deadline:
        out += capsys.readouterr().out
        time.sleep(0.05)
    try:
        url = next(line.split(": ", 1)[1] for line in out.splitlines()
                   if line.startswith("Join URL"))
        assert httpx.get(url).status_code == 200
        assert "Short code:" in out and "Speaker view" in out
    finally:
        stop.set()
        thread.join(10)
    assert result == [0]
    from facilitator.store import EventFile

    with EventFile.open(sample_path, read_only=True) as reopened:
        assert not list_sessions(reopened)[0].questions_open


def test_serve_command_reports_a_bad_session(sample_path, capsys) -> None:
    from facilitator.cli import main

    assert main(["serve", str(sample_path), "--session", "99", "--host", "127.0.0.1",
                 "--port", "0"]) == 1
    assert "no session 99" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["99999", "65536", "-1", "eighty"])
def test_serve_command_refuses_a_port_that_is_not_one(sample_path, capsys, port) -> None:
    # socket.bind raises OverflowError (not OSError) for these: it was a traceback.
    from facilitator.cli import main

    with pytest.raises(SystemExit) as refused:
        main(["serve", str(sample_path), "--host", "127.0.0.1", "--port", port])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith("facilitator serve: error: argument --port: ")


@pytest.mark.parametrize("port", [65536, -1, 10**6])
def test_a_port_out_of_range_is_a_phone_server_error(port) -> None:
    # Whoever asks for the socket (the window's port choice, the serve command) gets the
    # error it already shows, never an OverflowError.
    with pytest.raises(PhoneServerError, match="ports are 0 to 65535"):
        bind_socket("127.0.0.1", port)


def test_closed_session_over_http(server, session, event_file) -> None:
    set_questions_open(event_file, session.id, False)
    response = httpx.post(f"http://127.0.0.1:{server.port}/api/j/{session.join_token}/questions",
                          json={"text": "Late", "device": DEVICE}, headers=HEADERS)
    assert response.status_code == 409 and response.json()["error"] == "closed"
