"""The phone page counts a question as the laptop does: code points after NFC.

The HTML maxlength counted UTF-16 units, so 300 pasted emoji were cut to 250 while the
counter and the server allowed 500. Typed, pasted and inserted text is checked here in
Debian's chromium against the real phone server.
"""

from __future__ import annotations

import unicodedata

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.core.questions import MAX_QUESTION_CHARS
from facilitator.store import questions as store
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def served(event_file):
    """The phone server over the sample's first session, open for questions."""
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    server = PhoneServer(event_file.path, None, host="127.0.0.1", port=0)
    server.start()
    yield f"http://127.0.0.1:{server.port}/j/{session.join_token}", session
    server.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", **PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    opened = context.new_page()
    yield opened
    context.close()


def _sent(page, event_file, session) -> str:
    page.click("#send")
    expect(page.locator("#form-message")).to_contain_text("Sent!")
    questions = store.list_questions(event_file, session.id, sort="newest")
    return questions[0].text


def test_300_typed_emoji_are_300_characters_and_all_sent(page, served, event_file) -> None:
    url, session = served
    page.goto(url)
    page.locator("#text").click()
    page.keyboard.type("😀" * 300)
    expect(page.locator("#counter")).to_have_text("300")
    assert page.locator("#text").input_value() == "😀" * 300
    assert _sent(page, event_file, session) == "😀" * 300


def test_pasted_emoji_are_kept_up_to_500_and_cut_there(page, served, event_file) -> None:
    url, session = served
    page.goto(url)
    page.evaluate("text => navigator.clipboard.writeText(text)", "🌍" * 300)
    page.locator("#text").click()
    page.keyboard.press("Control+V")
    expect(page.locator("#counter")).to_have_text("300")
    # A second paste goes past 500: the page keeps the first 500, like the laptop counts.
    page.keyboard.press("Control+V")
    expect(page.locator("#counter")).to_have_text(str(MAX_QUESTION_CHARS))
    assert page.locator("#text").input_value() == "🌍" * MAX_QUESTION_CHARS
    assert _sent(page, event_file, session) == "🌍" * MAX_QUESTION_CHARS


def test_emoji_sequences_and_joiners_count_as_the_laptop_counts(page, served,
                                                                event_file) -> None:
    url, session = served
    page.goto(url)
    text = "می\u200cخواهم 👩\u200d👩\u200d👧 e\u0301"  # NFC makes é one code point
    page.locator("#text").click()
    page.keyboard.insert_text(text)
    counted = len(unicodedata.normalize("NFC", text))
    assert counted == len(text) - 1 == 16
    expect(page.locator("#counter")).to_have_text(str(counted))
    kept = "می\u200cخواهم 👩\u200d👩\u200d👧 é"
    assert _sent(page, event_file, session) == kept
    # The phone's own list shows it back with its joiners, byte for byte.
    mine = page.locator("#mine .question-text")
    expect(mine).to_have_count(1)
    assert mine.evaluate("node => node.textContent").encode() == kept.encode()


def test_fillers_alone_are_empty_on_the_page(page, served, event_file) -> None:
    url, session = served
    page.goto(url)
    page.locator("#text").click()
    page.keyboard.insert_text("\u3164\u2800\u200b\u0301")
    page.click("#send")
    expect(page.locator("#form-message")).to_have_text("Please write a question first.")
    assert store.list_questions(event_file, session.id) == []
