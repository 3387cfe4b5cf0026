"""The co-moderator's polls (audience/co_moderator_polls.py) over real HTTP on 127.0.0.1:
the room's session's polls with live counts (no device in them), the laptop's poll
commands logged as the co-moderator's link, one poll open at a time, and every bad request
a clear 4xx — another role's token, another session's poll, garbage bodies."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from facilitator.actions import polls, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.runner import PhoneServer
from facilitator.core.polls import PollState
from facilitator.core.team import Role
from facilitator.store import polls as store
from facilitator.store.sessions import list_sessions
from tests.api.conftest import HEADERS


@pytest.fixture
def server(event_file):
    notified: list[tuple[str, int]] = []
    running = PhoneServer(event_file.path, lambda kind, sid: notified.append((kind, sid)),
                          host="127.0.0.1", port=0)
    running.start()
    running.notified = notified
    yield running
    running.stop()


@pytest.fixture
def http(server):
    with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", headers=HEADERS,
                      timeout=5) as client:
        yield client


def link(event_file, role: Role, name: str = "Jo") -> str:
    return run(event_file, LAPTOP, team.create_role_link(role, name, now=1.0)).result.token


def prepare(event_file, session_id, question, kind, options=(), scale=None) -> int:
    return run(event_file, LAPTOP, polls.add_poll(session_id, question, kind, list(options),
                                                  scale)).result


def test_the_co_moderator_opens_closes_and_shows_results(event_file, server, http):
    session = list_sessions(event_file)[0]
    token = link(event_file, Role.CO_MODERATOR)
    first = prepare(event_file, session.id, "Which priority first?", "single",
                    ["Housing", "Transport", "Water"])
    second = prepare(event_file, session.id, "How useful was this?", "rating", scale=10)
    listed = http.get(f"/api/r/{token}/polls")
    assert listed.status_code == 200
    data = listed.json()
    assert data["session"]["id"] == session.id
    assert [(p["id"], p["state"], p["answers"]) for p in data["polls"]] == [
        (first, "prepared", 0), (second, "prepared", 0)]
    assert "results" not in data["polls"][0]
    # Nothing moved: the same ETag, a 304 for a page polling each second.
    again = http.get(f"/api/r/{token}/polls", headers={"If-None-Match": listed.headers["etag"]})
    assert again.status_code == 304

    def post(poll_id, action):
        response = http.post(f"/api/r/{token}/polls/{poll_id}/{action}")
        assert response.status_code == 200, response.text
        return response.json()["poll"]

    assert post(first, "open")["state"] == "open"
    assert ("polls", session.id) in server.notified
    for device, choice in (("d1", 0), ("d2", 2), ("d3", 0)):
        store.answer_poll(event_file, first, device, choice, now=time.time())
    live = http.get(f"/api/r/{token}/polls").json()["polls"][0]
    assert live["answers"] == 3
    assert [(b["label"], b["count"], b["percent"]) for b in live["results"]["bars"]] == [
        ("Housing", 2, 66.7), ("Transport", 0, 0.0), ("Water", 1, 33.3)]
    assert "d1" not in json.dumps(live)  # counts, never who answered
    shown = post(first, "show")
    assert shown["shown"] is True and store.get_poll(event_file, first).results_shown
    # One poll open at a time: opening the second closes the first.
    assert post(second, "open")["state"] == "open"
    assert store.get_poll(event_file, first).state is PollState.CLOSED
    assert post(second, "open")["state"] == "open"  # again: nothing to do, still fine
    assert post(first, "hide")["shown"] is False
    assert post(second, "close")["state"] == "closed"
    by = {json.loads(row[0]).get("by") for row in event_file.db.execute(
        "SELECT detail FROM event_log WHERE action IN ('poll_open', 'poll_closed', "
        "'poll_results_shown', 'poll_results_hidden')")}
    assert by == {"co_moderator:Jo"}


def test_a_quick_poll_made_on_the_spot_and_opened_at_once(event_file, server, http):
    session = list_sessions(event_file)[0]
    token = link(event_file, Role.CO_MODERATOR)
    made = http.post(f"/api/r/{token}/polls", json={
        "question": "  One word for your city  ", "kind": "words", "open": True})
    assert made.status_code == 200, made.text
    poll = made.json()["poll"]
    assert (poll["question"], poll["state"], poll["results"]["words"]) == (
        "One word for your city", "open", [])
    assert store.open_poll(event_file, session.id).id == poll["id"]
    ranked = http.post(f"/api/r/{token}/polls", json={
        "question": "Rank them", "kind": "ranking", "options": ["السكن", "Transport 🚆"]})
    assert ranked.json()["poll"]["state"] == "prepared"
    assert ranked.json()["poll"]["options"] == ["السكن", "Transport 🚆"]
    rated = http.post(f"/api/r/{token}/polls", json={
        "question": "How useful?", "kind": "rating", "scale": 10})
    assert rated.json()["poll"]["scale"] == 10
    assert [p.question for p in store.list_polls(event_file, session.id)] == [
        "One word for your city", "Rank them", "How useful?"]


def test_a_quick_poll_sent_again_after_a_lost_answer_is_made_once(event_file, server, http):
    """The page sends a request id with each quick poll; the same poll sent again (its
    answer lost on the Wi-Fi, the co-moderator pressing Add again) gives the poll made the
    first time: one poll, opened once, not two splitting the hall's answers."""
    session = list_sessions(event_file)[0]
    token, other = link(event_file, Role.CO_MODERATOR), link(event_file, Role.CO_MODERATOR,
                                                             "Sam")
    body = {"question": "Which priority first?", "kind": "single", "open": True,
            "options": ["Housing", "Transport"], "request_id": "quick-poll-0001"}
    first = http.post(f"/api/r/{token}/polls", json=body)
    again = http.post(f"/api/r/{token}/polls", json=body)
    assert first.status_code == again.status_code == 200, again.text
    assert again.json()["poll"]["id"] == first.json()["poll"]["id"]
    assert again.json()["poll"]["state"] == "open"
    assert [p.question for p in store.list_polls(event_file, session.id)] == [
        "Which priority first?"]
    # Another request id, or another co-moderator's link, is another poll.
    assert http.post(f"/api/r/{token}/polls", json={
        **body, "request_id": "quick-poll-0002"}).json()["poll"]["id"] != first.json()[
        "poll"]["id"]
    assert http.post(f"/api/r/{other}/polls", json=body).json()["poll"]["id"] != first.json()[
        "poll"]["id"]
    assert len(store.list_polls(event_file, session.id)) == 3
    for bad in ("short", 12345678, "x" * 65, "spaces are not ok", ["quick-poll-0001"]):
        refused = http.post(f"/api/r/{token}/polls", json={**body, "request_id": bad})
        assert refused.status_code == 400 and refused.json()["error"] == "invalid", bad
    assert len(store.list_polls(event_file, session.id)) == 3


def test_bad_requests_are_clear_4xx_and_change_nothing(event_file, server, http):
    sessions = list_sessions(event_file)
    token = link(event_file, Role.CO_MODERATOR)
    mine = prepare(event_file, sessions[0].id, "Which first?", "single", ["A", "B"])
    elsewhere = prepare(event_file, sessions[1].id, "Another session's?", "single",
                        ["A", "B"])
    actions = [(mine, "launch", 404, "unknown_action"), (elsewhere, "open", 404, "poll_gone"),
               (10**6, "open", 404, "poll_gone"), (10**30, "show", 404, "poll_gone")]
    for poll_id, action, status, code in actions:
        response = http.post(f"/api/r/{token}/polls/{poll_id}/{action}")
        assert (response.status_code, response.json()["error"]) == (status, code), response.text
        assert response.json()["message"]
    made = [
        ({"question": "", "kind": "single", "options": ["A", "B"]}, "poll_empty"),
        ({"question": "x" * 301, "kind": "words"}, "poll_too_long"),
        ({"question": "Which?", "kind": "quiz"}, "poll_kind"),
        ({"question": "Which?", "kind": ["single"]}, "poll_kind"),
        ({"question": "Which?", "kind": "single", "options": ["A"]}, "poll_options"),
        ({"question": "Which?", "kind": "single", "options": "A, B"}, "poll_options"),
        ({"question": "Which?", "kind": "single", "options": ["A", "a"]}, "poll_options"),
        ({"question": "Which?", "kind": "words", "options": ["A", "B"]}, "poll_options"),
        ({"question": "Which?", "kind": "rating", "scale": 7}, "poll_scale"),
        ({"question": "Which?", "kind": "rating", "scale": True}, "poll_scale"),
        ({"question": 5, "kind": "text"}, "poll_invalid"),
        ({"question": "Which?", "kind": "text", "open": "yes"}, "invalid"),
        ({}, "poll_kind"),
    ]
    for body, code in made:
        response = http.post(f"/api/r/{token}/polls", json=body)
        assert (response.status_code, response.json()["error"]) == (400, code), body
    for raw in (b"{", b"[1, 2]", b"\xff\xfe", b'"open"'):
        for path in (f"/api/r/{token}/polls", f"/api/r/{token}/polls/{mine}/open"):
            response = http.post(path, content=raw,
                                 headers={"content-type": "application/json"})
            assert response.status_code == 400, (path, raw, response.text)
    response = http.post(f"/api/r/{token}/polls", content=b"x" * 20_000,
                         headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert [p.state for p in store.list_polls(event_file, sessions[0].id)] == [
        PollState.PREPARED]
    assert len(store.list_polls(event_file, sessions[1].id)) == 1


def test_other_roles_the_audience_and_foreign_sites_reach_nothing(event_file, server, http):
    session = list_sessions(event_file)[0]
    poll_id = prepare(event_file, session.id, "Which first?", "single", ["A", "B"])
    rapporteur = link(event_file, Role.RAPPORTEUR, "Amina")
    timekeeper = link(event_file, Role.TIMEKEEPER, "Deck")
    for token, status in ((rapporteur, 403), (timekeeper, 403), (session.join_token, 404),
                          ("x" * 30, 404)):
        assert http.get(f"/api/r/{token}/polls").status_code == status
        assert http.post(f"/api/r/{token}/polls/{poll_id}/open").status_code == status
        assert http.post(f"/api/r/{token}/polls", json={
            "question": "Sneaky?", "kind": "text"}).status_code == status
    token = link(event_file, Role.CO_MODERATOR)
    assert http.post(f"/api/r/{token}/polls/{poll_id}/open",
                     headers={"Origin": "http://evil.example"}).status_code == 403
    assert http.get(f"/api/r/{token}/polls", headers={"X-Facilitator": ""}).status_code == 403
    run(event_file, LAPTOP, team.revoke_role_link(token, now=2.0))
    refused = http.post(f"/api/r/{token}/polls/{poll_id}/open")
    assert (refused.status_code, refused.json()["error"]) == (403, "revoked")
    assert store.get_poll(event_file, poll_id).state is PollState.PREPARED
    assert len(store.list_polls(event_file, session.id)) == 1
