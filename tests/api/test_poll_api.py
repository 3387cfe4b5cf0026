"""Live polls through the phone API: the open poll in the shared state, answers once per
device (changed while open), results when shown, limits and errors as for questions."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from facilitator.actions import polls
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits, RateLimit
from facilitator.core.clock import FakeClock
from facilitator.reports.exports import export_data
from facilitator.store import polls as store
from tests.api.conftest import HEADERS

NOW = 1_800_000_000.0


@pytest.fixture
def app(event_file, session, notified):
    made = create_app(event_file, lambda kind, sid: notified.append((kind, sid)),
                      clock=FakeClock(), limits=Limits())
    made.phones.publish_seconds = 0.0  # every poll sees the file as it is
    made.phones.votes_seconds = 0.0
    return made


def phone_client(app) -> TestClient:
    """A phone of its own (its own cookie jar, hence its own device)."""
    return TestClient(app, headers=HEADERS)


def prepare(event_file, session, question, kind, options=(), *, shown=True) -> int:
    poll_id = run(event_file, LAPTOP, polls.add_poll(session.id, question, kind,
                                                      list(options))).result
    run(event_file, LAPTOP, polls.open_poll(session.id, poll_id, now=NOW))
    if shown:
        run(event_file, LAPTOP, polls.show_results(session.id, poll_id))
    return poll_id


def answer(client, session, poll_id, value):
    return client.post(f"/api/j/{session.join_token}/polls/{poll_id}/answer",
                       json={"answer": value})


def shared(client, session) -> dict:
    return client.get(f"/api/j/{session.join_token}/shared").json()


def test_three_phones_answer_a_choice_poll_and_a_word_cloud(app, event_file, session,
                                                            notified) -> None:
    phones = [phone_client(app) for _ in range(3)]
    for p in phones:
        p.__enter__()
    assert shared(phones[0], session)["poll"] is None
    choice = prepare(event_file, session, "Which first?", "single",
                     ["Housing", "Transport", "Water"])
    poll = shared(phones[0], session)["poll"]
    assert poll["question"] == "Which first?" and poll["options"][2] == "Water"
    for p, value in zip(phones, [0, 2, 0], strict=True):
        response = answer(p, session, choice, value)
        assert response.status_code == 200, response.text
        assert response.json() == {"poll": choice, "answer": value}
    assert ("polls", session.id) in notified
    bars = shared(phones[0], session)["poll"]["results"]["bars"]
    assert [(b["label"], b["count"], b["percent"]) for b in bars] == [
        ("Housing", 2, 66.7), ("Transport", 0, 0.0), ("Water", 1, 33.3)]
    # One answer per device: the third phone changes its mind, nothing is added.
    assert answer(phones[2], session, choice, 1).status_code == 200
    bars = shared(phones[0], session)["poll"]["results"]["bars"]
    assert [b["count"] for b in bars] == [1, 1, 1]
    mine = phones[2].get(f"/api/j/{session.join_token}/polls/{choice}/mine").json()
    assert mine == {"answer": 1}

    cloud = prepare(event_file, session, "One word for your city", "words")
    assert store.get_poll(event_file, choice).state.value == "closed"  # one open at a time
    assert shared(phones[0], session)["poll"]["id"] == cloud
    for p, words in zip(phones, [["Green", "safe"], ["green"], "مياه, Safe"], strict=True):
        assert answer(p, session, cloud, words).status_code == 200
    words = shared(phones[0], session)["poll"]["results"]["words"]
    assert words[:2] == [{"word": "green", "count": 2}, {"word": "safe", "count": 2}] or \
        words[:2] == [{"word": "Green", "count": 2}, {"word": "safe", "count": 2}]
    assert {"word": "مياه", "count": 1} in words
    # The closed poll takes no more answers.
    assert answer(phones[0], session, choice, 0).json()["error"] == "poll_closed"
    # Anonymous: no device id in the shared state, nor in the exports.
    devices = [row[0] for row in event_file.db.execute("SELECT device_id FROM poll_answers")]
    assert len(set(devices)) == 3
    text = json.dumps(shared(phones[0], session)) + "".join(
        export_data(event_file, "polls", fmt, session.id, for_file=False)
        for fmt in ("json", "csv"))
    assert not any(device in text for device in devices)
    for p in phones:
        p.__exit__(None, None, None)


def test_results_wait_until_the_moderator_shows_them(app, event_file, session) -> None:
    with phone_client(app) as p:
        poll_id = prepare(event_file, session, "Rate", "rating", shown=False)
        assert answer(p, session, poll_id, 4).status_code == 200
        state = shared(p, session)["poll"]
        assert state["shown"] is False and "results" not in state and state["scale"] == 5
        run(event_file, LAPTOP, polls.show_results(session.id, poll_id))
        results = shared(p, session)["poll"]["results"]
        assert results["average"] == 4 and results["answers"] == 1


@pytest.mark.parametrize(("value", "status", "code"), [
    (7, 400, "poll_choice"), ("0", 400, "poll_choice"), (None, 400, "poll_choice"),
])
def test_bad_answers_are_refused_clearly(app, event_file, session, value, status,
                                         code) -> None:
    with phone_client(app) as p:
        poll_id = prepare(event_file, session, "Which?", "single", ["a", "b"])
        response = answer(p, session, poll_id, value)
        assert response.status_code == status and response.json()["error"] == code
        assert p.post(f"/api/j/{session.join_token}/polls/{poll_id}/answer",
                      json={}).status_code == 400
        assert answer(p, session, 99999, 0).status_code == 404
        assert answer(p, session, 2**70, 0).status_code == 404
        big = p.post(f"/api/j/{session.join_token}/polls/{poll_id}/answer",
                     content=json.dumps({"answer": "x" * 20_000}),
                     headers={"content-type": "application/json"})
        assert big.status_code == 413
        no_header = TestClient(app).post(
            f"/api/j/{session.join_token}/polls/{poll_id}/answer", json={"answer": 0})
        assert no_header.status_code == 403
        assert store.poll_answers(event_file, poll_id) == []


def test_a_poll_of_another_session_is_not_found(app, event_file, session) -> None:
    from facilitator.store.sessions import list_sessions

    other = list_sessions(event_file)[1]
    poll_id = prepare(event_file, other, "Elsewhere?", "single", ["a", "b"])
    with phone_client(app) as p:
        assert answer(p, session, poll_id, 0).status_code == 404


def test_answers_are_limited_per_device_as_votes(event_file, session) -> None:
    limits = Limits(device_writes=RateLimit(per_minute=1, burst=2))
    app = create_app(event_file, None, clock=FakeClock(), limits=limits)
    poll_id = prepare(event_file, session, "Which?", "single", ["a", "b"])
    with phone_client(app) as p:
        statuses = [answer(p, session, poll_id, i % 2).status_code for i in range(3)]
        assert statuses == [200, 200, 429]
        third = answer(p, session, poll_id, 0)
        assert third.headers["retry-after"] and third.json()["error"] == "rate_limited"


def test_a_closed_poll_stays_on_the_phones_while_its_results_are_shown(app, event_file,
                                                                       session) -> None:
    with phone_client(app) as p:
        poll_id = prepare(event_file, session, "Which?", "single", ["a", "b"])
        assert answer(p, session, poll_id, 1).status_code == 200
        run(event_file, LAPTOP, polls.close_poll(session.id, poll_id, now=NOW + 9))
        state = shared(p, session)["poll"]
        assert state["id"] == poll_id and state["open"] is False
        assert state["results"]["bars"][1]["count"] == 1
        run(event_file, LAPTOP, polls.show_results(session.id, poll_id, False))
        assert shared(p, session)["poll"] is None


@pytest.mark.parametrize(("kind", "options", "first", "other"), [
    ("single", ["a", "b"], 1, 0),
    ("text", [], "Cheaper buses", "Safer streets"),
    ("words", [], ["green", "safe"], ["water"]),
])
def test_an_answer_sent_again_is_taken_once(app, event_file, session, kind, options, first,
                                            other) -> None:
    """A phone resends its answer when the Wi-Fi lost the laptop's reply (or the request):
    the same answer again is one answer, kept in its first place, with one log line; a
    different one still replaces it."""
    poll_id = prepare(event_file, session, "Which?", kind, options)
    with phone_client(app) as p, phone_client(app) as q:
        assert answer(p, session, poll_id, first).json()["answer"] == first
        assert answer(q, session, poll_id, other).status_code == 200
        logged = len(event_file.log_entries(session.stored_id))
        again = answer(p, session, poll_id, first)
        assert again.status_code == 200 and again.json() == {"poll": poll_id, "answer": first}
        assert store.poll_answers(event_file, poll_id) == [first, other]  # first stays first
        assert len(event_file.log_entries(session.stored_id)) == logged
        assert answer(p, session, poll_id, other).status_code == 200
        assert store.poll_answers(event_file, poll_id) == [other, other]
