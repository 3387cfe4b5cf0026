"""A page trusts only the laptop's own answer (Debian's chromium, the real server).

On venue Wi-Fi something other than the laptop can answer a request: a captive portal
whose sign-in lapsed answers every address with its login page (200, HTML), a proxy or a
hotel gateway with its own error page (400, 403, 502). Such an answer says nothing about
whether the laptop has the note, question or floor request: the page must keep it and
send it again, never count it as delivered nor drop it as refused for good."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from facilitator.core.team import Role
from facilitator.store import floor as floor_store
from facilitator.store import notes as note_store
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_sessions
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

# What a lapsed captive portal or a gateway answers instead of the laptop.
PORTAL_ANSWERS = [
    (200, "<html><body>Welcome to Venue Wi-Fi. Please sign in.</body></html>"),
    (400, "<html><body>Bad Request</body></html>"),
    (403, "<html><body>Forbidden by the hotel gateway</body></html>"),
]


def intercept(page, pattern: str, answer: tuple[int, str]) -> list[int]:
    """Answer the page's requests to ``pattern`` (its polls and its writes) with ``answer``
    instead of the laptop until the returned list is filled (then the laptop answers)."""
    status, body = answer
    state: list[int] = []

    def handle(route):
        if state:
            route.continue_()
            return
        route.fulfill(status=status, body=body, content_type="text/html")

    page.route(re.compile(pattern), handle)
    return state


@pytest.mark.parametrize("answer", PORTAL_ANSWERS, ids=["200", "400", "403"])
def test_a_rapporteurs_note_answered_by_a_portal_stays_in_the_outbox(
        browser, event_file, answer) -> None:
    session = list_sessions(event_file)[0]
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    try:
        with role_link_served(event_file, Role.RAPPORTEUR, "Amina") as url:
            page.goto(url)
            expect(page.locator("#connection")).to_have_text("Connected to the laptop")
            back = intercept(page, r".*/api/r/.*", answer)
            page.fill("#note-text", "Mayors asked for direct climate finance")
            page.press("#note-text", "Control+Enter")
            # Not the laptop's answer: the note is still waiting, its words on the page.
            expect(page.locator("#connection")).to_have_text("Offline — 1 note waiting",
                                                             timeout=8000)
            expect(page.locator("#notes li.waiting")).to_have_count(1)
            assert note_store.list_notes(event_file, session.id) == []
            back.append(1)  # the Wi-Fi signs in again: the note goes by itself, once
            expect(page.locator("#connection")).to_have_text("Connected to the laptop",
                                                             timeout=10_000)
            expect(page.locator("#notes li.waiting")).to_have_count(0)
            notes = note_store.list_notes(event_file, session.id)
            assert [note.text for note in notes] == ["Mayors asked for direct climate finance"]
            expect(page.locator("#refused li")).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("answer", PORTAL_ANSWERS, ids=["200", "400", "403"])
def test_a_phones_question_answered_by_a_portal_is_kept_and_sent_once(
        phone, served, event_file, answer) -> None:
    server, session = served
    phone.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
    expect(phone.locator("#ask-form")).to_be_visible()
    back = intercept(phone, r".*/api/j/.*", answer)
    text = "¿Quién paga el metro? كيف نمول المترو؟"
    phone.fill("#text", text)
    phone.click("#send")
    # The page says it could not reach the laptop, in its language, and keeps the words.
    expect(phone.locator("#form-message")).to_have_text(
        "Could not reach the laptop. Your text is kept; please try again.")
    expect(phone.locator("#text")).to_have_value(text)
    assert qstore.list_questions(event_file, session.id) == []
    back.append(1)
    phone.click("#send")
    expect(phone.locator("#form-message")).to_have_class(re.compile(r"\bgood\b"))
    phone.click("#send")  # an empty box: nothing more is sent
    assert [q.text for q in qstore.list_questions(event_file, session.id)] == [text]


def test_a_floor_request_answered_by_a_portal_is_kept_and_sent_once(
        phone, served, event_file) -> None:
    from facilitator.actions import floor as floor_actions
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run

    server, session = served
    run(event_file, LAPTOP, floor_actions.set_open(session.id, True))
    phone.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
    expect(phone.locator("#floor-send")).to_be_visible(timeout=10_000)
    back = intercept(phone, r".*/api/j/.*", PORTAL_ANSWERS[0])
    phone.fill("#floor-name", "Priya Natarajan प्रिया")
    phone.click("#floor-send")
    expect(phone.locator("#floor-message")).to_contain_text("Could not reach the laptop")
    assert floor_store.list_floor_requests(event_file, session.id) == []
    back.append(1)
    phone.click("#floor-send")
    expect(phone.locator("#floor-section")).to_contain_text("Priya Natarajan प्रिया", timeout=10_000)
    time.sleep(0.5)
    assert len(floor_store.list_floor_requests(event_file, session.id)) == 1


def test_a_phone_polling_through_a_gateways_404_page_carries_on(phone, served, event_file):
    """A 404 from the laptop (JSON, "not_found") means the session is gone and the page
    stops asking; a gateway's 404 page means nothing of the kind."""
    server, session = served
    phone.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
    expect(phone.locator("#ask-form")).to_be_visible()
    back = intercept(phone, r".*/api/j/.*", (404, "<html><body>Not Found</body></html>"))
    phone.wait_for_timeout(3000)  # a poll or two answered by the gateway
    back.append(1)
    question, _ = qstore.submit_question(event_file, session.id, "Who pays for the metro?",
                                         now=time.time(), device_id="other-device-01")
    qstore.approve_question(event_file, question.id, now=time.time())
    expect(phone.locator("#questions")).to_contain_text("Who pays for the metro?",
                                                        timeout=20_000)
