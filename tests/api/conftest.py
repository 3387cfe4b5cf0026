"""Shared set-up for the phone API tests: an open session and a TestClient over it."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from facilitator.audience.app import create_app
from facilitator.audience.limits import Limits
from facilitator.core.clock import FakeClock
from facilitator.store.sessions import list_sessions, set_questions_open

HEADERS = {"X-Facilitator": "1"}
DEVICE = "device-aaaaaaaa"


@pytest.fixture
def session(event_file):
    """The sample's first session, open for questions."""
    first = list_sessions(event_file)[0]
    set_questions_open(event_file, first.id, True)
    return first


@pytest.fixture
def notified():
    return []


@pytest.fixture
def client(event_file, session, notified):
    app = create_app(event_file, lambda kind, sid: notified.append((kind, sid)),
                     clock=FakeClock(), limits=Limits())
    with TestClient(app, headers=HEADERS) as test_client:
        yield test_client
