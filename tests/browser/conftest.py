"""Debian's chromium driven by Playwright, at a phone's size."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium "
                    "(.ci/run installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def phone(browser):
    """A fresh phone (its own localStorage, so its own device id), in English."""
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def served(event_file):
    """The phone server on 127.0.0.1 over the sample's first session, open for questions:
    (server, session). Some modules serve their own way under the same name."""
    from facilitator.audience.runner import PhoneServer
    from facilitator.store.sessions import list_sessions, set_questions_open

    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    yield server, session
    server.stop()


@contextmanager
def role_link_served(event_file, role, name: str) -> Iterator[str]:
    """A role link made for ``name`` and a live phone server on 127.0.0.1: the link's URL."""
    from facilitator.actions import team
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run
    from facilitator.audience.runner import PhoneServer

    token = run(event_file, LAPTOP, team.create_role_link(role, name, now=time.time())
                ).result.token
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}/r/{token}"
    finally:
        server.stop()
