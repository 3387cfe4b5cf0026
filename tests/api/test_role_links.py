"""Role links in the phone server (audience/roles.py): each token opens only its role's
pages and API; the audience's tokens never reach a role action; the custom header and the
site's own origin are required; a revocation counts from the next request; garbage gets a
clear 4xx; every role action is in the event log with the role and the device."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from facilitator.store.sessions import get_session, list_sessions
from tests.api.conftest import HEADERS


def make_link(event_file, role: Role, name: str = ""):
    return run(event_file, LAPTOP, team.create_role_link(role, name, now=1.0)).result


@pytest.fixture
def links(event_file):
    return {role: make_link(event_file, role, f"{role.value} device") for role in Role}


@pytest.fixture
def team_client(event_file, notified):
    app = create_app(event_file, lambda kind, sid: notified.append((kind, sid)),
                     clock=FakeClock(1_800_000_000.0), limits=Limits())
    with TestClient(app, headers=HEADERS) as test_client:
        yield test_client


def control(client, token, action, body=None, **kwargs):
    return client.post(f"/api/r/{token}/control/{action}",
                       json=body if body is not None else {}, **kwargs)


def test_with_no_role_link_nothing_new_is_served(event_file, team_client) -> None:
    session = list_sessions(event_file)[0]
    for token in ("x" * 43, session.join_token, session.speaker_token):
        assert team_client.get(f"/r/{token}").status_code == 404
        for path in ("", "/podium"):
            response = team_client.get(f"/api/r/{token}{path}")
            assert response.status_code == 404 and response.json()["error"] == "not_found"
        response = control(team_client, token, "next")
        assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_each_token_opens_only_its_roles_pages_and_api(team_client, links) -> None:
    timekeeper, podium = links[Role.TIMEKEEPER].token, links[Role.PODIUM].token
    page = team_client.get(f"/r/{timekeeper}")
    assert page.status_code == 200 and "timekeeper.js" in page.text
    assert "speaker.js" in team_client.get(f"/r/{podium}").text
    who = team_client.get(f"/api/r/{timekeeper}").json()
    assert who["role"] == "timekeeper" and who["name"] == "timekeeper device"
    assert control(team_client, timekeeper, "next").status_code == 200
    for role in (Role.PODIUM, Role.RAPPORTEUR, Role.CO_MODERATOR):
        refused = control(team_client, links[role].token, "next")
        assert refused.status_code == 403 and refused.json()["error"] == "wrong_role"
    for role in (Role.RAPPORTEUR, Role.CO_MODERATOR):
        refused = team_client.get(f"/api/r/{links[role].token}/podium")
        assert refused.status_code == 403 and refused.json()["error"] == "wrong_role"
    assert team_client.get(f"/api/r/{podium}/podium").status_code == 200


def test_role_tokens_open_no_audience_route_and_audience_tokens_no_role_route(
        event_file, team_client, links) -> None:
    session = list_sessions(event_file)[0]
    for link in links.values():
        assert team_client.get(f"/j/{link.token}").status_code == 404
        assert team_client.get(f"/s/{link.token}").status_code == 404
        assert team_client.get(f"/api/j/{link.token}").status_code == 404
    for token in (session.join_token, session.speaker_token, session.short_code):
        assert team_client.get(f"/r/{token}").status_code == 404
        for action in ("next", "toggle", "blackout"):
            assert control(team_client, token, action).status_code == 404


def test_role_api_needs_the_custom_header(event_file, links) -> None:
    app = create_app(event_file, clock=FakeClock(), limits=Limits())
    token = links[Role.TIMEKEEPER].token
    with TestClient(app) as bare:
        for response in (bare.get(f"/api/r/{token}"),
                         bare.post(f"/api/r/{token}/control/next", json={}),
                         bare.post(f"/api/r/{token}/control/next",
                                   headers={"X-Facilitator": "0"}, json={})):
            assert response.status_code == 403
            assert response.json()["error"] == "header_missing"
        assert bare.get(f"/r/{token}").status_code == 200  # the page itself is a link


def test_writes_from_another_site_are_refused(team_client, links) -> None:
    token = links[Role.TIMEKEEPER].token
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": "http://testserver.evil"}, {"Sec-Fetch-Site": "cross-site"}):
        refused = control(team_client, token, "next", headers=headers)
        assert refused.status_code == 403 and refused.json()["error"] == "foreign_origin"
    assert control(team_client, token, "next",
                   headers={"Origin": "http://testserver"}).status_code == 200


def test_a_revoked_link_is_refused_on_the_next_request(event_file, team_client,
                                                       links) -> None:
    token = links[Role.TIMEKEEPER].token
    assert control(team_client, token, "toggle").status_code == 200
    run(event_file, LAPTOP, team.revoke_role_link(token, now=2.0))
    refused = control(team_client, token, "toggle")
    assert refused.status_code == 403 and refused.json()["error"] == "revoked"
    assert team_client.get(f"/r/{token}").status_code == 404
    assert team_client.get(f"/api/r/{links[Role.PODIUM].token}/podium").status_code == 200


@pytest.mark.parametrize(("action", "body", "content_type"), [
    ("add_time", b'{"seconds": "sixty"}', "application/json"),
    ("add_time", b'{"seconds": 0}', "application/json"),
    ("add_time", b'{"seconds": 99999999999999999999999}', "application/json"),
    ("add_time", b'{"seconds": true}', "application/json"),
    ("message", b'{"text": 5}', "application/json"),
    ("message", json.dumps({"text": "x" * 5000}).encode(), "application/json"),
    ("message", b'{"text": "Wrap up", "blink": "yes"}', "application/json"),
    ("blackout", b'{"on": "maybe"}', "application/json"),
    ("next", b"not json", "application/json"),
    ("next", b"[1, 2]", "application/json"),
    ("next", b"\xff\xfe", "application/json"),
    ("next", b"{}", "text/plain"),
    ("next", b"{" * 100_000, "application/json"),
])
def test_garbage_gets_a_clear_4xx(team_client, links, action, body, content_type) -> None:
    token = links[Role.TIMEKEEPER].token
    response = team_client.post(f"/api/r/{token}/control/{action}", content=body,
                                headers={"content-type": content_type})
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["message"]


def test_unknown_actions_and_odd_tokens_are_4xx(team_client, links) -> None:
    token = links[Role.TIMEKEEPER].token
    response = control(team_client, token, "self_destruct")
    assert response.status_code == 404 and response.json()["error"] == "unknown_action"
    for odd in ("%00", "..", "a" * 500, "🙂" * 30, "x;drop table role_links"):
        assert 400 <= team_client.get(f"/api/r/{odd}").status_code < 500
        assert 400 <= control(team_client, odd, "next").status_code < 500
    assert team_client.get(f"/api/r/{token}/control/next").status_code == 405


def test_every_role_action_is_logged_with_role_and_device(event_file, team_client, links,
                                                          notified) -> None:
    token = links[Role.TIMEKEEPER].token
    session = list_sessions(event_file)[0]
    for action, body in [("start", {}), ("add_time", {"seconds": -30}), ("next", {}),
                         ("message", {"text": "Two minutes"}), ("blackout", {"on": True}),
                         ("previous", {}), ("start", {}), ("pause", {})]:
        response = control(team_client, token, action, body)
        assert response.status_code == 200, response.text
        assert response.json()["changed"] is True, action
    actions = [entry for entry in event_file.log_entries()
               if entry["detail"].get("by", "").startswith("timekeeper")]
    assert {entry["detail"]["by"] for entry in actions} == {"timekeeper:timekeeper device"}
    assert [entry["action"] for entry in actions] == [
        "timer_started", "time_adjusted", "next_speaker", "stage_notice_changed",
        "stage_notice_changed", "previous_speaker", "timer_resumed", "timer_paused"]
    assert all(entry["session_id"] == session.id for entry in actions)
    # The laptop was told each kind that changed, for the session.
    assert {("clock", session.id), ("slots", session.id), ("stage", session.id)} <= set(
        notified)


def test_start_and_pause_do_nothing_when_the_clock_already_is_so(event_file, team_client,
                                                                 links) -> None:
    token = links[Role.TIMEKEEPER].token
    assert control(team_client, token, "pause").json()["changed"] is False
    assert control(team_client, token, "start").json()["changed"] is True
    assert control(team_client, token, "start").json()["changed"] is False
    stage = control(team_client, token, "pause").json()["stage"]
    assert stage["timer"]["paused_at"] is not None


def test_team_devices_act_on_the_live_session_else_the_one_shown(event_file, team_client,
                                                                 links) -> None:
    first, second = list_sessions(event_file)[:2]
    token = links[Role.TIMEKEEPER].token
    assert team_client.get(f"/api/r/{token}").json()["session_id"] == first.id
    team_client.app.team.show_session(second.id)
    assert control(team_client, token, "start").json()["stage"]["session_id"] == second.id
    assert get_session(event_file, second.id).current_slot_id is not None
    team_client.app.team.show_session(first.id)  # browsing; the second one is live
    assert team_client.get(f"/api/r/{token}").json()["session_id"] == second.id


def test_presence_is_kept_in_memory(event_file, team_client, links) -> None:
    token = links[Role.PODIUM].token
    log_size = len(event_file.log_entries())
    assert team_client.app.team.presence() == {}
    for _ in range(3):
        team_client.get(f"/api/r/{token}/podium")
    seen = team_client.app.team.presence()
    assert list(seen) == [token] and seen[token].connected()
    assert len(event_file.log_entries()) == log_size  # no write per request
