"""Votes and questions cannot be stuffed from one place: the server issues device ids.

The id is a signed, HttpOnly, SameSite=Strict cookie; whatever id the page claims counts
for nothing. One address may start only so many new devices a minute, new devices' votes
on one question from one address are metered, and the moderator gets a flag.
"""

from __future__ import annotations

import time

import pytest
from starlette.testclient import TestClient

from facilitator.audience.app import create_app
from facilitator.audience.devices import COOKIE_NAME, DeviceIds
from facilitator.audience.limits import Limits, RateLimit
from facilitator.core.clock import FakeClock
from facilitator.store import questions as store
from facilitator.store.devices import device_secret
from tests.api.conftest import HEADERS


@pytest.fixture
def approved(event_file, session):
    question = store.submit_question(event_file, session.id, "Approved?", now=1.0)[0]
    store.approve_question(event_file, question.id, now=1.0)
    return question


def vote_url(session, question) -> str:
    return f"/api/j/{session.join_token}/questions/{question.id}/vote"


def test_the_first_write_issues_a_signed_http_only_strict_cookie(client, session,
                                                                 event_file) -> None:
    answer = client.post(f"/api/j/{session.join_token}/questions", json={"text": "Mine?"})
    assert answer.status_code == 201
    header = answer.headers["set-cookie"]
    assert header.startswith(COOKIE_NAME + "=")
    for flag in ("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="):
        assert flag in header
    value = header.split(";")[0].split("=", 1)[1]
    device = DeviceIds(device_secret(event_file)).verify(value)
    assert device is not None
    assert store.list_questions(event_file, session.id)[0].device_id == device.id
    # The phone keeps it: no new cookie on its next write, and its questions are its own.
    again = client.post(f"/api/j/{session.join_token}/questions", json={"text": "Again?"})
    assert "set-cookie" not in again.headers
    state = client.get(f"/api/j/{session.join_token}").json()
    assert [q["text"] for q in state["mine"]] == ["Again?", "Mine?"]
    # A phone that claims that device's id in the URL sees nothing of it.
    other = TestClient(client.app, headers=HEADERS)
    assert other.get(f"/api/j/{session.join_token}", params={"device": device.id}
                     ).json()["mine"] == []


def test_a_forged_or_foreign_cookie_is_a_new_device(client, session, approved,
                                                    event_file) -> None:
    assert client.post(vote_url(session, approved), json={}).json()["votes"] == 1
    value = client.cookies[COOKIE_NAME]
    device_id, issued, signature = value.split(".")
    forgeries = [
        f"{device_id}.{issued}.{'A' * len(signature)}",  # made-up signature
        f"otherdeviceid000.{issued}.{signature}",  # someone else's id, this signature
        DeviceIds(b"another event's secret!!").issue(1.0)[1],  # another event's cookie
        "not-even-close",
        value + ".extra",
    ]
    for forged in forgeries:
        phone = TestClient(client.app, headers=HEADERS, cookies={COOKIE_NAME: forged})
        answer = phone.post(vote_url(session, approved), json={})
        assert answer.status_code == 200
        assert answer.headers["set-cookie"].startswith(COOKIE_NAME + "=")  # a new one
    assert store.get_question(event_file, approved.id).votes == 1 + len(forgeries)
    # ...and the real cookie still votes once.
    assert client.post(vote_url(session, approved), json={}).json()["votes"] == 1 + len(
        forgeries)


def test_the_secret_is_the_events_and_survives_a_restart(event_file, sample_path) -> None:
    first = device_secret(event_file)
    assert len(first) == 32 and device_secret(event_file) == first
    cookie = DeviceIds(first).issue(1.0)[1]
    from facilitator.store import EventFile

    with EventFile.open(sample_path, lock=False) as again:
        assert DeviceIds(device_secret(again)).verify(cookie) is not None


def test_a_laptop_inventing_devices_is_stopped_and_flagged(event_file, session,
                                                           approved) -> None:
    """The reported attack: one laptop, a fresh device per vote, as fast as it can."""
    notified: list[tuple[str, int]] = []
    app = create_app(event_file, lambda kind, sid: notified.append((kind, sid)),
                     clock=FakeClock(), limits=Limits())
    codes: dict[int, int] = {}
    started = time.monotonic()
    for _ in range(299):
        with TestClient(app, headers=HEADERS) as throwaway:  # no cookie kept
            status = throwaway.post(vote_url(session, approved), json={}).status_code
        codes[status] = codes.get(status, 0) + 1
    votes = store.get_question(event_file, approved.id).votes
    print(f"299 votes tried from one address: {codes}; {votes} counted")
    meter = Limits().fresh_votes  # a burst, then its rate while the loop ran
    assert votes <= meter.burst + (time.monotonic() - started) * meter.per_minute / 60 + 1
    assert codes[429] >= 299 - votes - 1
    bursts = app.bursts(session.id)
    assert bursts and bursts[0].kind == "votes" and bursts[0].question_id == approved.id
    assert bursts[0].address == "testclient" and bursts[0].count >= 200
    assert ("burst", session.id) in notified
    assert app.bursts(session.id + 1) == []


def test_an_address_starting_too_many_devices_waits_and_is_flagged(event_file,
                                                                   session) -> None:
    limits = Limits(new_devices=RateLimit(per_minute=60, burst=5))
    app = create_app(event_file, clock=FakeClock(), limits=limits)
    codes = []
    for i in range(7):
        with TestClient(app, headers=HEADERS) as phone:
            answer = phone.post(f"/api/j/{session.join_token}/questions",
                                json={"text": f"Question {i}?"})
            codes.append(answer.status_code)
    assert codes == [201] * 5 + [429] * 2
    assert answer.json()["error"] == "rate_limited" and int(answer.headers["retry-after"]) >= 1
    assert [b.kind for b in app.bursts(session.id)] == ["devices"]
    # Phones that already have their device are not held back by the newcomers' ceiling.
    with TestClient(app, headers=HEADERS) as known:
        known.cookies.set(COOKIE_NAME, DeviceIds(device_secret(event_file)).issue(1.0)[1])
        assert known.post(f"/api/j/{session.join_token}/questions",
                          json={"text": "Known phone?"}).status_code == 201


def test_one_abusive_device_is_stopped_while_its_neighbours_poll(event_file, session) -> None:
    """Per device first: one page hammering gets 429; the other pages behind the same
    address do not notice."""
    app = create_app(event_file, clock=FakeClock(), limits=Limits())
    url = f"/api/j/{session.join_token}"
    with TestClient(app, headers=HEADERS) as abusive, TestClient(app, headers=HEADERS) as other:
        codes = [abusive.get(url, params={"view": "abusive-page-1"}).status_code
                 for _ in range(100)]
        assert codes.count(429) >= 100 - Limits().device_reads.burst - 1
        assert codes[0] == 200
        for i in range(40):
            assert other.get(url, params={"view": f"neighbour-{i:04d}"}).status_code == 200


def test_static_files_are_never_limited_and_cacheable(event_file, session) -> None:
    limits = Limits(address_reads=RateLimit(per_minute=1, burst=1))
    with TestClient(create_app(event_file, clock=FakeClock(), limits=limits),
                    headers=HEADERS) as phone:
        for _ in range(50):
            for name in ("phone.js", "phone.css", "i18n/ar.json"):
                answer = phone.get(f"/web/{name}")
                assert answer.status_code == 200
                assert "max-age=" in answer.headers["cache-control"]
        etag = phone.get("/web/phone.js").headers["etag"]
        cached = phone.get("/web/phone.js", headers={"If-None-Match": etag})
        assert cached.status_code == 304 and cached.content == b""
        # The page itself, past the address's ceiling: a page for people, not JSON.
        phone.get(f"/j/{session.join_token}")
        busy = phone.get(f"/j/{session.join_token}")
        assert busy.status_code == 429 and busy.headers["content-type"].startswith("text/html")
        assert int(busy.headers["retry-after"]) >= 1
        assert f'content="{busy.headers["retry-after"]}"' in busy.text  # reloads itself
        assert "Many people are joining at once" in busy.text



def test_a_file_that_cannot_keep_the_secret_is_a_clear_server_error(sample_path,
                                                                    monkeypatch) -> None:
    """A read-only or full disk: the moderator gets the file's message, not a traceback."""
    from facilitator.audience import app as app_module
    from facilitator.audience.runner import PhoneServer, PhoneServerError
    from facilitator.store import EventFileError

    def cannot_write(event_file):
        raise EventFileError(f"cannot keep the phones' secret in {event_file.path}: disk full")

    monkeypatch.setattr(app_module, "device_secret", cannot_write)
    server = PhoneServer(sample_path, host="127.0.0.1", port=0)
    with pytest.raises(PhoneServerError, match="disk full"):
        server.start()
    assert not server.running
