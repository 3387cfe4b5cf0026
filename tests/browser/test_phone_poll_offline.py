"""A poll answer tapped while the Wi-Fi is down is kept and sent when the laptop answers
again, taken once on the laptop; if the poll closes first the page says plainly it was not
sent; in the page's language. Debian's chromium, a real server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import polls
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.store import polls as store
from facilitator.store import questions as qstore
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_in(browser):
    """A fresh phone in the given locale: (context, page)."""
    made = []

    def make(locale):
        context = browser.new_context(locale=locale, **PHONE)
        made.append(context)
        return context, context.new_page()

    yield make
    for context in made:
        context.close()


def open_poll(ef, session, kind="single", options=("Housing", "Transport", "Water")) -> int:
    poll_id = run(ef, LAPTOP, polls.add_poll(session.id, "Which priority first?", kind,
                                             list(options))).result
    run(ef, LAPTOP, polls.open_poll(session.id, poll_id, now=time.time()))
    return poll_id


def answers_logged(ef, session) -> int:
    return sum(1 for line in ef.log_entries(session.stored_id)
               if line["action"] == "poll_answered")


def joined(page, server, session) -> None:
    page.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
    expect(page.locator("#poll")).to_contain_text("Which priority first?", timeout=6000)


@pytest.mark.parametrize(("locale", "waiting", "sent"), [
    ("en-GB", "will be sent as soon as it answers again", "Thank you"),
    ("fr-FR", "sera envoyée dès qu’il répondra", "Merci"),
    ("es-ES", "se enviará en cuanto vuelva a responder", "Gracias"),
    ("ar", "ستُرسل إجابتك", "شكرًا"),
])
def test_an_answer_tapped_offline_is_sent_when_back(phone_in, served, event_file, locale,
                                                    waiting, sent) -> None:
    server, session = served
    poll_id = open_poll(event_file, session)
    context, page = phone_in(locale)
    joined(page, server, session)
    context.set_offline(True)
    page.locator(".poll-option").nth(1).click()
    message = page.locator("#poll .form-message")
    expect(message).to_contain_text(waiting)
    # The tapped answer shows as chosen while it waits; the laptop has nothing yet.
    expect(page.locator(".poll-option").nth(1)).to_have_attribute("aria-pressed", "true")
    assert store.poll_answers(event_file, poll_id) == []
    context.set_offline(False)
    expect(message).to_contain_text(sent, timeout=10_000)
    assert store.poll_answers(event_file, poll_id) == [1]
    assert answers_logged(event_file, session) == 1


def test_a_lost_reply_is_sent_again_and_taken_once(phone_in, served, event_file) -> None:
    """The answer reached the laptop but its reply did not reach the phone: the phone sends
    it again by itself (no online event: the Wi-Fi stayed up), the laptop counts it once."""
    server, session = served
    poll_id = open_poll(event_file, session, "text", ())
    _context, page = phone_in("en-GB")
    joined(page, server, session)
    lost = []

    def lose_the_first_reply(route) -> None:
        if lost:
            route.continue_()
            return
        lost.append(route.fetch().status)  # the laptop took it; the reply never arrives
        route.abort("connectionreset")

    page.route("**/answer", lose_the_first_reply)
    page.fill("#poll-text", "Cheaper buses")
    page.locator("#poll button", has_text="Send my answer").click()
    expect(page.locator("#poll .form-message")).to_contain_text("Thank you", timeout=15_000)
    assert lost == [200]
    assert store.poll_answers(event_file, poll_id) == ["Cheaper buses"]
    assert answers_logged(event_file, session) == 1


def test_a_poll_closed_before_the_laptop_answered_says_not_sent(phone_in, served,
                                                                event_file) -> None:
    server, session = served
    poll_id = open_poll(event_file, session)
    context, page = phone_in("fr-FR")
    joined(page, server, session)
    context.set_offline(True)
    page.locator(".poll-option").first.click()
    expect(page.locator("#poll .form-message")).to_contain_text("sera envoyée")
    run(event_file, LAPTOP, polls.close_poll(session.id, poll_id, now=time.time()))
    run(event_file, LAPTOP, polls.show_results(session.id, poll_id))  # stays on the phones
    context.set_offline(False)
    expect(page.locator("#poll .form-message")).to_have_text(
        "Le sondage a été fermé avant que l’ordinateur réponde : "
        "votre réponse n’a pas été envoyée.", timeout=15_000)
    assert store.poll_answers(event_file, poll_id) == []


def test_an_answer_the_laptop_asked_to_wait_for_waits_though_the_page_moves(
        phone_in, served, event_file) -> None:
    """Told to wait (429, Retry-After 3 s), the answer is sent again after 3 s, not at
    once when new states arrive meanwhile (each one would be another refused request)."""
    server, session = served
    poll_id = open_poll(event_file, session)
    _context, page = phone_in("en-GB")
    joined(page, server, session)
    asked = []

    def busy_once(route) -> None:
        asked.append(time.monotonic())
        if len(asked) == 1:
            route.fulfill(status=429, headers={"Retry-After": "3"},
                          json={"error": "rate_limited", "message": "Too many requests."})
        else:
            route.continue_()

    page.route("**/answer", busy_once)
    page.locator(".poll-option").nth(2).click()
    expect(page.locator("#poll .form-message")).to_contain_text("Trying again in")
    for n in range(3):  # the shared state moves: questions come in and are approved
        question, _new = qstore.submit_question(
            event_file, session.id, f"Question {n} while the answer waits?",
            now=time.time(), device_id=f"other-{n:02d}")
        qstore.approve_question(event_file, question.id, now=time.time())
        page.wait_for_timeout(700)  # Playwright's routes run only while it waits
    expect(page.locator("#questions")).to_contain_text("Question 2 while the answer waits?")
    expect(page.locator("#poll .form-message")).to_contain_text("Thank you", timeout=15_000)
    assert len(asked) == 2 and asked[1] - asked[0] >= 2.9
    assert store.poll_answers(event_file, poll_id) == [2]
