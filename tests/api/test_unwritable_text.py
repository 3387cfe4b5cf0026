"""A lone UTF-16 surrogate or a NUL sent to any write route — a phone's or a team device's —
gets a 2xx or a 4xx, never a 5xx, and nothing is stored holding either: the JSON every route
reads loses them (core/text.py ``remove_unwritable``). The routes are walked from the app
itself, so a route added later is covered without touching this test.

Field case: a timekeeper's ``control/message {"text": "a\\ud800b"}`` and a rapporteur's
``summary/way_forward`` with the same text answered 500 (UnicodeEncodeError in the store),
and ``{"text": "a\\u0000b"}`` was stored and shown on the podium as "a b".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from facilitator.actions import floor, polls, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience import co_moderator, timekeeper
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.core.team import Role
from facilitator.store import floor as floor_store
from facilitator.store.stage import load_stage_notice
from facilitator.store.summaries import get_summary_with_revisions
from tests.api.conftest import HEADERS

BAD = "a\ud800b\x00c"  # json.dumps writes both as \u escapes, as the tester's curl did
NOW = 1_800_000_000.0
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture
def app(event_file, session):
    made = create_app(event_file, clock=FakeClock(NOW), limits=Limits())
    made.phones.publish_seconds = 0.0
    return made


@pytest.fixture
def tokens(event_file, session) -> dict[str, list[str]]:
    """The tokens each kind of path takes: the audience's, then every role's link."""
    links = [run(event_file, LAPTOP, team.create_role_link(role, role.value, now=1.0)).result
             for role in Role]
    return {"j": [session.join_token], "r": [link.token for link in links]}


@pytest.fixture
def ids(event_file, session, app) -> dict[str, list[int]]:
    """Ids that exist (a question, a floor request, an open poll), so each route reaches
    its command rather than stopping at "not found"."""
    run(event_file, LAPTOP, floor.set_open(session.id, True))
    poll_id = run(event_file, LAPTOP, polls.add_poll(session.id, "Three words?", "words",
                                                      [])).result
    run(event_file, LAPTOP, polls.open_poll(session.id, poll_id, now=NOW))
    with TestClient(app, headers=HEADERS) as client:
        asked = client.post(f"/api/j/{session.join_token}/questions",
                            json={"text": "A question about water", "name": "Amina"})
        assert asked.status_code in (200, 201), asked.text
        request = client.post(f"/api/j/{session.join_token}/floor",
                              json={"name": "Amina", "kind": "intervention",
                                    "request_id": "floor-req-1"})
        assert request.status_code in (200, 201), request.text
    floor_requests = floor_store.list_floor_requests(event_file, session.id)
    return {"question_id": [asked.json()["id"]],
            "request_id": [floor_requests[0].id], "poll_id": [poll_id]}


def bodies() -> list[str]:
    """Raw JSON bodies with the bad text in every field a route reads as text."""
    fields = ("text", "name", "organisation", "constituency", "on_behalf_of", "kind",
              "client_id", "request_id", "answer", "wording", "session_name")
    return [json.dumps(body) for body in (
        {"text": BAD},
        {"text": BAD, "base": 0},
        {"text": BAD, "name": BAD, "request_id": BAD, "kind": "intervention"},
        {"answer": BAD},
        {"answer": [BAD, BAD]},
        {"text": BAD, "client_id": BAD, "tags": [BAD], "kind": BAD, BAD: BAD},
        {field: BAD for field in fields},
    )]


def paths(route: Route, tokens: dict[str, list[str]], ids: dict[str, list[int]]
          ) -> Iterator[str]:
    """``route``'s path with every value its parameters can usefully take."""
    values: dict[str, list[object]] = {
        "token": list(tokens["r" if route.path.startswith("/api/r/") else "j"]),
        "action": [*timekeeper.ACTIONS, *co_moderator.ACTIONS, "no_such_action"],
        "key": ["way_forward", "answer.0"],
        **ids,
    }
    combos: list[dict[str, object]] = [{}]
    for name in route.param_convertors:
        assert name in values, f"{route.path}: give this test values for {{{name}}}"
        combos = [{**combo, name: value} for combo in combos for value in values[name]]
    for combo in combos:
        yield re.sub(r"\{(\w+)(:\w+)?\}", lambda m, c=combo: str(c[m.group(1)]), route.path)


def write_routes(app) -> list[Route]:
    found = [route for route in app.routes if isinstance(route, Route)
             and route.methods and route.methods & WRITE_METHODS]
    assert len(found) >= 9  # questions, votes, floor (2), polls, control, notes, summary, co-mod
    return found


def stored_with_bad_text(event_file) -> list[str]:
    """Every table.column holding a NUL or an encoded surrogate (CESU-8 bytes ED A0-BF)."""
    found = []
    db = event_file.db
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for column in db.execute(f"PRAGMA table_info([{table}])").fetchall():
            name = column[1]
            hits = db.execute(
                f"SELECT count(*) FROM [{table}] WHERE typeof([{name}]) IN ('text', 'blob') "
                f"AND (instr(CAST([{name}] AS BLOB), x'00') > 0 "
                f"OR hex(CAST([{name}] AS BLOB)) GLOB '*ED[AB]?*')").fetchone()[0]
            if hits:
                found.append(f"{table}.{name}")
    return found


def test_no_write_route_answers_5xx_or_stores_a_surrogate_or_a_nul(
        app, event_file, tokens, ids) -> None:
    answered = []
    with TestClient(app, headers=HEADERS, raise_server_exceptions=False) as client:
        for route in write_routes(app):
            for method in sorted(route.methods & WRITE_METHODS):
                for path in paths(route, tokens, ids):
                    for body in bodies():
                        response = client.request(
                            method, path, content=body,
                            headers={"content-type": "application/json"})
                        assert response.status_code < 500, (path, body, response.text)
                        answered.append(response.status_code)
    assert any(200 <= status < 300 for status in answered)  # some reached their command
    assert stored_with_bad_text(event_file) == []


def test_the_field_case_a_timekeepers_message_and_a_rapporteurs_summary(
        app, event_file, session, tokens) -> None:
    timekeeper_token, rapporteur_token = tokens["r"][list(Role).index(Role.TIMEKEEPER)], \
        tokens["r"][list(Role).index(Role.RAPPORTEUR)]
    raw = {"content-type": "application/json"}
    with TestClient(app, headers=HEADERS) as client:
        for body, shown in (('{"text": "a\\ud800b"}', "ab"), ('{"text": "a\\u0000b"}', "ab"),
                            ('{"text": "x\\u0007 \\u001b[31my"}', "x [31my")):
            sent = client.post(f"/api/r/{timekeeper_token}/control/message", content=body,
                               headers=raw)
            assert sent.status_code == 200, sent.text
            assert load_stage_notice(event_file).message == shown
        saved = client.post(f"/api/r/{rapporteur_token}/summary/way_forward",
                            content='{"text": "a\\ud800b\\nline two", "base": 0}', headers=raw)
        assert saved.status_code == 200, saved.text
        assert saved.json()["section"]["text"] == "ab\nline two"
        # The connection stays good for the next request.
        assert client.get(f"/api/r/{rapporteur_token}/summary").status_code == 200
    stored = get_summary_with_revisions(event_file, session.id)
    assert stored is not None and stored[0].way_forward == "ab\nline two"
