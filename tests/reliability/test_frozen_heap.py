"""While phones are in, what lives long is frozen out of Python's collections
(gui/collector.py): a phone's connection, its limits, the published state. Frozen objects
that become garbage in a reference cycle would stay until phones are let out, so every way
a request ends — answered, refused, malformed, cut short — must leave nothing behind that
only the cyclic collector could free. 1,500 connections after a warm-up: the heap may not
grow by one object per connection (a leaked connection is ~30).
"""

from __future__ import annotations

import gc
import http.client
import json
import time

import pytest

from facilitator.audience.runner import PhoneServer
from facilitator.gui import collector
from facilitator.store.sessions import list_sessions, set_questions_open

pytestmark = [pytest.mark.reliability]


def heap() -> int:
    """Objects the collector knows of, frozen or not, after collecting what it may."""
    gc.collect()
    return gc.get_freeze_count() + sum(len(gc.get_objects(generation=g)) for g in range(3))


def one_connection(port: int, token: str, n: int) -> int:
    """One request on a connection of its own, of one of eight kinds; its status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    api = {"X-Facilitator": "1", "Connection": "close"}
    kind = n % 8
    try:
        if kind == 0:
            connection.request("GET", f"/j/{token}", headers={"Connection": "close"})
        elif kind == 1:
            connection.request("GET", f"/api/j/{token}/shared", headers=api)
        elif kind == 2:
            connection.request("GET", f"/api/j/{token}/me",
                               headers={**api, "Cookie": "facilitator_device=forged.1.x"})
        elif kind == 3:  # malformed JSON
            connection.request("POST", f"/api/j/{token}/questions", body=b"{not json",
                               headers={**api, "Content-Type": "application/json"})
        elif kind == 4:  # too big
            connection.request("POST", f"/api/j/{token}/questions", body=b"x" * 70_000,
                               headers={**api, "Content-Type": "application/json"})
        elif kind == 5:  # a join token that does not exist
            connection.request("GET", "/api/j/nosuchtoken/shared", headers=api)
        elif kind == 6:  # no API header: refused
            connection.request("GET", f"/api/j/{token}/shared", headers={"Connection": "close"})
        else:  # a vote for a question that does not exist
            connection.request("POST", f"/api/j/{token}/questions/999999/vote",
                               body=json.dumps({}).encode(),
                               headers={**api, "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_connections_ending_every_way_leave_nothing_frozen_behind(event_file) -> None:
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    server = PhoneServer(event_file.path, None, host="127.0.0.1", port=0)
    server.start()
    collector.phones_in()
    try:
        statuses: set[int] = set()
        for n in range(400):  # warm-up: caches, limits, the published state
            statuses.add(one_connection(server.port, session.join_token, n))
        time.sleep(0.3)  # the server closes the last connections
        before = heap()
        for n in range(1500):
            statuses.add(one_connection(server.port, session.join_token, n))
        time.sleep(0.3)
        grown = heap() - before
    finally:
        collector.phones_out()
        server.stop()
    print(f"statuses {sorted(statuses)}, heap grew by {grown} objects")
    assert not {status for status in statuses if status >= 500}, statuses
    assert {200, 400, 404, 413}.issubset(statuses) or 429 in statuses, statuses
    assert grown < 1500, f"{grown} objects more after 1,500 connections"
