"""Hypothesis throws junk at every endpoint: the answer is never a 5xx, and always JSON
for the API."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits, RateLimit
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.api.conftest import DEVICE

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=12,
)
question_bodies = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=600) | json_values,
        "author": st.text(max_size=120) | json_values,
        "organisation": st.text(max_size=120) | json_values,
        "to": st.text(max_size=120) | json_values,
        "language": st.text(max_size=8) | json_values,
        "device": st.sampled_from([DEVICE, "x", "device-bbbbbbbb"]) | st.text(max_size=70),
        "request_id": st.none() | st.text(max_size=70) | st.integers(),
    },
)
path_text = st.text(max_size=40)


@pytest.fixture
def fuzz_client(event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    question, _ = store.submit_question(event_file, session.id, "Seed?", now=1.0)
    store.approve_question(event_file, question.id, now=1.0)
    unlimited = RateLimit(per_minute=10**9, burst=10**9)
    limits = Limits(device_writes=unlimited, address_writes=unlimited, address_reads=unlimited)
    with TestClient(create_app(event_file, limits=limits),
                    headers={"X-Facilitator": "1"}) as client:
        client.session_info = session
        client.question_id = question.id
        yield client


def check(response, api: bool) -> None:
    assert response.status_code < 500, response.text
    if api and response.status_code != 304:
        body = response.json()
        if response.status_code >= 400:
            assert set(body) == {"error", "message"} and body["message"]


@FUZZ
@given(body=question_bodies | json_values, raw=st.none() | st.binary(max_size=300))
def test_submit_never_fails(fuzz_client, body, raw) -> None:
    token = fuzz_client.session_info.join_token
    content = raw if raw is not None else json.dumps(body).encode()
    response = fuzz_client.post(f"/api/j/{token}/questions", content=content,
                                headers={"content-type": "application/json"})
    check(response, api=True)


@FUZZ
@given(body=json_values, question=st.integers(min_value=-5, max_value=10**12) | st.just(0))
def test_vote_never_fails(fuzz_client, body, question) -> None:
    token = fuzz_client.session_info.join_token
    for target in (question, fuzz_client.question_id):
        response = fuzz_client.post(f"/api/j/{token}/questions/{target}/vote",
                                    json=body if not isinstance(body, dict) else
                                    {"device": DEVICE, **body})
        check(response, api=True)


@FUZZ
@given(segment=path_text, query=st.dictionaries(st.text(max_size=8), st.text(max_size=80),
                                                max_size=3),
       etag=st.text(max_size=40))
def test_reads_never_fail(fuzz_client, segment, query, etag) -> None:
    from urllib.parse import quote

    s = fuzz_client.session_info
    quoted = quote(segment, safe="")
    headers = {"If-None-Match": etag.encode("ascii", "ignore").decode() or "x"}
    for url, api in ((f"/api/j/{quoted}", True), (f"/api/j/{s.join_token}", True),
                     (f"/api/code/{quoted}", True), (f"/api/s/{quoted}", True),
                     (f"/api/s/{s.speaker_token}", True), (f"/j/{quoted}", False),
                     (f"/s/{quoted}", False), (f"/web/{quoted}", False), (f"/{quoted}", False)):
        check(fuzz_client.get(url, params=query, headers=headers), api)


@FUZZ
@given(method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]),
       path=st.sampled_from(["/", "/j/{t}", "/s/{s}", "/web/phone.js", "/api/code/ABCDEF",
                             "/api/j/{t}", "/api/j/{t}/questions",
                             "/api/j/{t}/questions/{q}/vote", "/api/s/{s}"]),
       content_type=st.sampled_from(["application/json", "text/plain", "",
                                     "application/json; charset=latin-1"]),
       body=st.binary(max_size=200), header=st.sampled_from(["1", "0", ""]))
def test_any_method_on_any_route(fuzz_client, method, path, content_type, body,
                                 header) -> None:
    s = fuzz_client.session_info
    url = path.format(t=s.join_token, s=s.speaker_token, q=fuzz_client.question_id)
    response = fuzz_client.request(method, url, content=body, headers={
        "content-type": content_type, "X-Facilitator": header})
    check(response, api=url.startswith("/api/") and method != "HEAD")
