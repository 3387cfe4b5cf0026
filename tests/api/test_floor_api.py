"""Phones ask for the floor over real HTTP (uvicorn on 127.0.0.1, a free port): submit,
one waiting request per phone, withdraw, the phone's place, the limits questions have
(413, 429 with Retry-After), garbage refused with a 4xx and a code, never a 5xx."""

from __future__ import annotations

import httpx
import pytest

from facilitator.actions import floor
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.limits import Limits, RateLimit
from facilitator.audience.runner import PhoneServer
from facilitator.store import floor as store
from tests.api.conftest import HEADERS

ASK = {"name": "Amina Diallo", "organisation": "City of Dakar",
       "constituency": "Local and regional governments", "on_behalf_of": "African Group",
       "kind": "intervention"}


@pytest.fixture
def floor_open(event_file, session):
    run(event_file, LAPTOP, floor.set_open(session.id, True))
    return session


def serve(event_file, limits=None):
    notified: list[tuple[str, int]] = []
    server = PhoneServer(event_file.path, lambda kind, sid: notified.append((kind, sid)),
                         host="127.0.0.1", port=0, limits=limits)
    server.start()
    server.notified = notified
    return server


@pytest.fixture
def server(event_file, floor_open):
    running = serve(event_file)
    yield running
    running.stop()


def phone(server) -> httpx.Client:
    """One phone: its own cookie jar (its device), the page's header."""
    return httpx.Client(base_url=f"http://127.0.0.1:{server.port}", headers=HEADERS,
                        timeout=5)


def test_a_phone_asks_sees_its_place_and_withdraws(server, floor_open, event_file):
    url = f"/api/j/{floor_open.join_token}/floor"
    with phone(server) as first, phone(server) as second:
        shared = first.get(f"/api/j/{floor_open.join_token}/shared")
        assert shared.json()["floor"] is True
        before = first.get(url).json()
        assert before["open"] and before["requests"] == []
        assert before["kinds"] == {"intervention": 180, "reply": 120, "point_of_order": 60}
        assert "Civil society" in before["constituencies"]
        asked = first.post(url, json={**ASK, "request_id": "floor-req-1"})
        assert asked.status_code == 201, asked.text
        assert first.cookies  # the device cookie, issued with the first write
        mine = asked.json()["requests"]
        assert [(r["name"], r["state"], r["place"]) for r in mine] == [
            ("Amina Diallo", "waiting", 1)]
        # Committed before the answer, and the laptop was told.
        stored = store.list_floor_requests(event_file, floor_open.id)
        assert [(r.name, r.on_behalf_of) for r in stored] == [("Amina Diallo", "African Group")]
        assert server.notified == [("floor", floor_open.id)]
        # The same request again (a lost answer): stored once.
        again = first.post(url, json={**ASK, "request_id": "floor-req-1"})
        assert again.status_code == 200
        # A second waiting request from the same phone: refused, with its code.
        twice = first.post(url, json={**ASK, "kind": "point_of_order"})
        assert (twice.status_code, twice.json()["error"]) == (409, "already_waiting")
        # Another phone comes second in the queue, but a point of order goes first.
        other = second.post(url, json={**ASK, "name": "Li Wei", "kind": "point_of_order"})
        assert other.json()["requests"][0]["place"] == 1
        assert first.get(url).json()["requests"][0]["place"] == 2
        # The second phone cannot withdraw the first's request.
        request_id = mine[0]["id"]
        stolen = second.post(f"{url}/{request_id}/withdraw", json={})
        assert stolen.status_code == 404
        gone = first.post(f"{url}/{request_id}/withdraw", json={})
        assert gone.status_code == 200 and gone.json()["requests"][0]["state"] == "withdrawn"
        # Withdrawn: this phone may ask again.
        assert first.post(url, json={**ASK, "kind": "reply"}).status_code == 201


def test_the_phone_follows_its_turn_from_accepted_to_done(server, floor_open, event_file):
    from facilitator.actions import speakers

    url = f"/api/j/{floor_open.join_token}/floor"
    with phone(server) as delegate:
        delegate.post(url, json={**ASK, "kind": "point_of_order"})
        run(event_file, LAPTOP, speakers.toggle(floor_open.id, 1_800_000_000.0))
        run(event_file, LAPTOP, floor.accept_next(floor_open.id, now=1_800_000_001.0))
        state = delegate.get(url).json()["requests"][0]
        assert (state["state"], state["ahead"]) == ("next", 1)
        answered = delegate.post(f"{url}/{state['id']}/withdraw", json={})
        assert (answered.status_code, answered.json()["error"]) == (409, "answered")
        run(event_file, LAPTOP, speakers.step(floor_open.id, 1_800_000_010.0, 1))
        run(event_file, LAPTOP, speakers.toggle(floor_open.id, 1_800_000_010.0))
        assert delegate.get(url).json()["requests"][0]["state"] == "speaking"
        run(event_file, LAPTOP, speakers.step(floor_open.id, 1_800_000_070.0, 1))
        assert delegate.get(url).json()["requests"][0]["state"] == "done"


def test_a_session_not_taking_requests_says_so(event_file, session):
    running = serve(event_file)
    try:
        with phone(running) as delegate:
            url = f"/api/j/{session.join_token}/floor"
            assert delegate.get(url).json()["open"] is False
            closed = delegate.post(url, json=ASK)
            assert closed.status_code == 409
            assert closed.json()["error"] == "closed"
            assert "floor" in closed.json()["message"]
            assert store.list_floor_requests(event_file, session.id) == []
    finally:
        running.stop()


@pytest.mark.parametrize(("body", "status", "code"), [
    ({**ASK, "name": ""}, 400, "name_empty"),
    ({**ASK, "name": "   \u200b"}, 400, "name_empty"),
    ({**ASK, "name": "n" * 101}, 400, "too_long"),
    ({**ASK, "on_behalf_of": "g" * 101}, 400, "too_long"),
    ({**ASK, "kind": "filibuster"}, 400, "invalid"),
    ({**ASK, "kind": ["intervention"]}, 400, "invalid"),
    ({**ASK, "constituency": "Martians"}, 400, "invalid"),
    ({**ASK, "name": {"first": "A"}}, 400, "invalid"),
    ({**ASK, "request_id": "x"}, 400, "invalid"),
    ([1, 2, 3], 400, "invalid"),
])
def test_garbage_is_refused_with_a_code(server, floor_open, event_file, body, status, code):
    with phone(server) as delegate:
        answer = delegate.post(f"/api/j/{floor_open.join_token}/floor", json=body)
    assert (answer.status_code, answer.json()["error"]) == (status, code), answer.text
    assert store.list_floor_requests(event_file, floor_open.id) == []


def test_raw_garbage_never_gets_a_5xx(server, floor_open):
    url = f"/api/j/{floor_open.join_token}/floor"
    with phone(server) as delegate:
        for content, kind in ((b"{not json", "application/json"),
                              (b"\xff\xfe", "application/json"),
                              (b"name=Ana", "application/x-www-form-urlencoded"),
                              (b"[" * 5000 + b"]" * 5000, "application/json")):
            answer = delegate.post(url, content=content, headers={"content-type": kind})
            assert 400 <= answer.status_code < 500, (content[:20], answer.status_code)
        big = delegate.post(url, content=b'{"name": "' + b"a" * 20_000 + b'"}',
                            headers={"content-type": "application/json"})
        assert (big.status_code, big.json()["error"]) == (413, "too_large")
        assert delegate.post("/api/j/no-such-token/floor", json=ASK).status_code == 404
        assert delegate.get("/api/j/no-such-token/floor").status_code == 404
        assert delegate.post(f"{url}/{2**70}/withdraw", json={}).status_code == 404
        assert delegate.post(f"{url}/12345/withdraw", json={}).status_code == 404
        no_header = httpx.post(f"http://127.0.0.1:{server.port}{url}", json=ASK)
        assert no_header.status_code == 403


def test_requests_are_limited_like_questions(event_file, floor_open):
    limits = Limits(device_writes=RateLimit(per_minute=1, burst=2))
    running = serve(event_file, limits)
    try:
        url = f"/api/j/{floor_open.join_token}/floor"
        with phone(running) as delegate:
            assert delegate.post(url, json=ASK).status_code == 201
            request_id = delegate.get(url).json()["requests"][0]["id"]
            assert delegate.post(f"{url}/{request_id}/withdraw", json={}).status_code == 200
            limited = delegate.post(url, json=ASK)
            assert limited.status_code == 429
            assert int(limited.headers["retry-after"]) >= 1
            assert limited.json()["error"] == "rate_limited"
    finally:
        running.stop()
