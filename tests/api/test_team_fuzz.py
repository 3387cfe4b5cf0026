"""Hypothesis throws junk at every team-device write (rapporteur, co-moderator, timekeeper):
whatever a desk, a Stream Deck or a replayed request sends, the answer is a 4xx or 2xx in
the API's JSON shape, never a 5xx (test_fuzz.py does the same for the phones' routes)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits, RateLimit
from facilitator.core.team import Role
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open

FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8,
)
# The keys the routes read, each given any JSON value: the junk reaches every check.
FIELDS = ("text", "kind", "tags", "slot", "client_id", "typed_at", "sent_at", "session",
          "base", "seconds", "blink", "on", "starred", "by", "others", "question",
          "options", "scale", "results")
bodies = st.fixed_dictionaries({}, optional={key: json_values for key in FIELDS})

ROUTES = [
    (Role.RAPPORTEUR, "notes"),
    (Role.RAPPORTEUR, "summary/key_messages"),
    (Role.RAPPORTEUR, "summary/answer.1"),
    (Role.TIMEKEEPER, "control/add_time"),
    (Role.TIMEKEEPER, "control/message"),
    (Role.TIMEKEEPER, "control/blackout"),
    (Role.CO_MODERATOR, "questions/{q}/star"),
    (Role.CO_MODERATOR, "questions/{q}/wording"),
    (Role.CO_MODERATOR, "questions/{q}/answered"),
    (Role.CO_MODERATOR, "questions/{q}/merge"),
    (Role.CO_MODERATOR, "questions/{q}/tags"),
    (Role.CO_MODERATOR, "questions/{q}/screen"),
    (Role.CO_MODERATOR, "polls"),
]


@pytest.fixture
def desk_client(event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    question, _ = store.submit_question(event_file, session.id, "Seed?", now=1.0)
    tokens = {role: run(event_file, LAPTOP, team.create_role_link(role, "desk", now=1.0))
              .result.token for role in Role}
    unlimited = RateLimit(per_minute=10**9, burst=10**9)
    limits = Limits(device_writes=unlimited, address_writes=unlimited, address_reads=unlimited)
    with TestClient(create_app(event_file, limits=limits),
                    headers={"X-Facilitator": "1"}) as client:
        client.tokens, client.question_id = tokens, question.id
        yield client


def check(response) -> None:
    assert response.status_code < 500, response.text
    body = response.json()
    if response.status_code >= 400:
        assert set(body) >= {"error", "message"} and body["message"], body


@FUZZ
@given(body=bodies | json_values, route=st.sampled_from(ROUTES))
def test_team_writes_never_fail(desk_client, body, route) -> None:
    role, path = route
    url = f"/api/r/{desk_client.tokens[role]}/" + path.format(q=desk_client.question_id)
    response = desk_client.post(url, content=json.dumps(body).encode(),
                                headers={"content-type": "application/json"})
    check(response)


@pytest.mark.parametrize("slot", [[], {}, [1], {"id": 1}])
def test_a_note_naming_its_speaker_by_a_list_or_object_is_refused(desk_client, slot) -> None:
    """The case Hypothesis found: an unhashable "slot" was looked up in a set (a 500)."""
    response = desk_client.post(f"/api/r/{desk_client.tokens[Role.RAPPORTEUR]}/notes",
                                json={"client_id": "note-aaaaaaaa", "text": "x", "slot": slot,
                                      "typed_at": 1, "sent_at": 1})
    assert response.status_code == 400 and response.json()["error"] == "invalid"
