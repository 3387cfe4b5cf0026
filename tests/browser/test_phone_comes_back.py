"""The phone page rides out the laptop restarting (issue 10.2) and takes the code as the
phone's keyboard types it (issue 11.4), in Debian's chromium."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.store import questions as qstore

pytestmark = pytest.mark.browser

WATCH_ERRORS = """() => {
  window.errorsShown = [];
  const box = document.getElementById("error");
  new MutationObserver(() => {
    if (!box.hidden) { window.errorsShown.push(box.textContent); }
  }).observe(box, {attributes: true, childList: true, characterData: true, subtree: true});
}"""


def restart_after(server: PhoneServer, seconds: float) -> PhoneServer:
    """The app killed and started again ``seconds`` later, on the same port."""
    port = server.port
    server.stop()
    time.sleep(seconds)
    again = PhoneServer(server.path, host="127.0.0.1", port=port)
    again.start()
    return again


def test_a_short_outage_shows_no_error_and_the_page_carries_on(phone, served, event_file):
    server, session = served
    phone.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
    expect(phone.locator("#ask-form")).to_be_visible()
    phone.evaluate(WATCH_ERRORS)
    server = restart_after(server, 3.0)  # a crash and a restart: a missed poll or two
    try:
        qstore.submit_question(event_file, session.id, "Who pays for the metro?",
                               now=time.time(), device_id="other-device-01")
        question = qstore.list_questions(event_file, session.id)[0]
        qstore.approve_question(event_file, question.id, now=time.time())
        # The page picks up again by itself: the question approved meanwhile appears.
        expect(phone.locator("#questions")).to_contain_text("Who pays for the metro?",
                                                            timeout=10_000)
        assert phone.evaluate("window.errorsShown") == []  # no error flashed meanwhile
        phone.fill("#text", "And who maintains it?")
        phone.click("#send")
        expect(phone.locator("#form-message")).to_contain_text("sent", ignore_case=True)
    finally:
        server.stop()


def test_a_long_outage_says_so_and_clears_when_back(phone, served):
    server, session = served
    phone.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
    expect(phone.locator("#ask-form")).to_be_visible()
    port = server.port
    server.stop()
    expect(phone.locator("#error")).to_contain_text("No connection to the laptop",
                                                    timeout=15_000)
    again = PhoneServer(server.path, host="127.0.0.1", port=port)
    again.start()
    try:
        expect(phone.locator("#error")).to_be_hidden(timeout=20_000)
    finally:
        again.stop()


@pytest.mark.parametrize("typed", [
    lambda code: code.lower(),
    lambda code: "".join(chr(ord(ch) + 0xFEE0) for ch in code),  # full width
    lambda code: code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),  # Persian
    lambda code: code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),  # Arabic-Indic
])
def test_the_code_box_takes_the_code_as_typed(phone, served, typed):
    server, session = served
    # A code with digits, so the digit folding is what is tested.
    code = session.short_code[:3] + "234"
    from facilitator.store import EventFile

    with EventFile.open(server.path, lock=False) as ef, ef.action("test_code", session.id):
        ef.db.execute("UPDATE sessions SET short_code = ? WHERE id = ?", [code, session.id])
    phone.goto(f"http://127.0.0.1:{server.port}/")
    phone.fill("#code", typed(code))
    phone.click("#code-form button")
    expect(phone).to_have_url(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
