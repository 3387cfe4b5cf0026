"""The asker's phone shows a merged question as merged, and the question it joined."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open

pytestmark = pytest.mark.browser


@pytest.fixture
def served(event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    server = PhoneServer(event_file.path, None, host="127.0.0.1", port=0)
    server.start()
    yield f"http://127.0.0.1:{server.port}/j/{session.join_token}", session
    server.stop()


def test_a_merged_question_shows_merged_on_the_askers_phone(phone, served, event_file,
                                                            screenshots) -> None:
    url, session = served
    phone.goto(url)
    phone.fill("#text", "Can cities access climate finance directly?")
    phone.click("#send")
    expect(phone.locator("#mine li")).to_have_count(1)
    mine = store.list_questions(event_file, session.id)[0]
    kept, _ = store.submit_question(event_file, session.id,
                                    "Will cities get direct access to climate finance?",
                                    now=1.0, device_id="someone-else", author="Ana")
    store.approve_question(event_file, kept.id, now=2.0)
    store.merge_questions(event_file, kept.id, [mine.id], now=3.0)
    badges = phone.locator("#mine .badge")
    expect(badges).to_have_text(["Merged with a similar question", "Approved"], timeout=6000)
    expect(phone.locator("#mine .merged-into")).to_have_text(kept.text)
    # The asker supports the kept question: their phone shows it as voted.
    expect(phone.locator("#questions li .vote-count")).to_have_text("1")
    expect(phone.locator("#questions li button.vote")).to_have_attribute("aria-pressed", "true")
    phone.locator("#mine-section").screenshot(path=str(screenshots / "phone-merged.png"))
