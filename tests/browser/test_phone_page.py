"""The phone page in a real browser against the real server started by the Questions tab.

The moderator's side is the desktop app's own widgets (pytest-qt) in the same test.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect
from PySide6.QtCore import Qt

from facilitator.audience.runner import PhoneServer
from facilitator.core.timer import format_clock
from facilitator.store import questions as store
from facilitator.store.sessions import (
    list_sessions,
    list_slots,
    save_timer,
    set_current_slot,
    set_questions_open,
)
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

POLL = 6000  # ms: the page polls every 2 s


def wait_for(qtbot, page, locator_check, timeout=POLL) -> None:
    """Wait for the page while the Qt event loop keeps running (queued server signals)."""
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        qtbot.wait(50)
        if locator_check():
            return
    assert locator_check()


@pytest.fixture
def window(questions_window):
    return questions_window


def test_ask_upvote_and_see_moderation_from_the_app(qtbot, window, phone, browser):
    tab = window.tabs["Questions"]
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    url = tab.join_url()
    assert url

    phone.goto(url)
    expect(phone.locator("#title")).to_contain_text("The local SDG rescue plan")
    text = 'Will cities get direct access to climate finance? <img src=x id="inj">'
    phone.fill("#text", text)
    expect(phone.locator("#counter")).to_have_text(str(len(text)))
    phone.fill("#author", "Ana")
    phone.select_option("#to", label="Minister (to be confirmed) — panel 1")
    phone.click("#send")
    expect(phone.locator("#form-message")).to_contain_text("Sent!")
    expect(phone.locator("#mine li")).to_have_count(1)
    expect(phone.locator("#mine .badge")).to_have_text("Waiting for review")

    # The moderator sees it within a second, without anyone pressing refresh.
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=1000)
    assert tab.model.question_at(0).text.endswith('<img src=x id="inj">')
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.buttons["approve"], Qt.MouseButton.LeftButton)

    # The phone sees the approval, as text (no injected element), and upvotes once.
    item = phone.locator("#questions li")
    wait_for(qtbot, phone, lambda: item.count() == 1)
    expect(item.locator(".question-text")).to_contain_text('<img src=x id="inj">')
    assert phone.locator("#inj").count() == 0
    expect(phone.locator("#mine .badge")).to_have_text("Approved")
    vote = item.locator("button.vote")
    vote.click()
    expect(vote).to_have_class(re.compile(r"\bvoted\b"))
    expect(vote.locator(".vote-count")).to_have_text("1")
    expect(vote).to_be_disabled()
    qtbot.waitUntil(lambda: tab.model.question_at(0).votes == 1, timeout=1000)

    # Put on screen from the app: the projector and the phone both show it.
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.buttons["screen"], Qt.MouseButton.LeftButton)
    assert "climate finance" in tab.projector().question_label.text()
    on_screen = phone.locator("#on-screen")
    wait_for(qtbot, phone, lambda: on_screen.is_visible())
    expect(phone.locator("#on-screen-text")).to_contain_text("climate finance")
    expect(phone.locator("#on-screen-meta")).to_contain_text("Ana")

    # Close questions from the app: the server stops.
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert not tab.server_running
    # with the server stopped the page keeps the text and says it cannot reach the laptop
    wait_for(qtbot, phone, lambda: phone.locator("#error").is_visible(), timeout=8000)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert tab.server_running


def test_closed_session_and_short_code(qtbot, window, phone):
    tab = window.tabs["Questions"]
    tab.open_questions()
    tab.address_box.setCurrentIndex(tab.address_box.findData("127.0.0.1"))
    session = tab.session()
    root = f"http://127.0.0.1:{tab.server.port}/"
    phone.goto(root)
    phone.fill("#code", "zzz zzz")
    phone.click("#code-form button")
    expect(phone.locator("#error")).to_contain_text("No session has this code")
    phone.fill("#code", session.short_code[:3].lower() + "-" + session.short_code[3:])
    phone.click("#code-form button")
    expect(phone).to_have_url(tab.join_url())
    expect(phone.locator("#ask-form")).to_be_visible()
    set_questions_open(tab.document.file, session.id, False)
    expect(phone.locator("#closed")).to_be_visible(timeout=POLL)
    expect(phone.locator("#closed")).to_contain_text("Questions are closed")
    expect(phone.locator("#ask-form")).to_be_hidden()
    phone.goto(root + "j/not-a-real-token")
    expect(phone.locator("h1")).to_have_text("This link is not valid")


def test_language_follows_the_browser_and_can_be_switched(browser, event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        context = browser.new_context(locale="es-ES", **PHONE)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
        expect(page.locator("#send")).to_have_text("Enviar pregunta")
        assert page.evaluate("document.documentElement.lang") == "es"
        page.select_option("#language", "fr")
        expect(page.locator("#send")).to_have_text("Envoyer la question")
        page.reload()
        expect(page.locator("#send")).to_have_text("Envoyer la question")  # remembered
        context.close()
    finally:
        server.stop()


class _ShiftedClock:
    """The laptop's clock, deliberately 100 s ahead of the phone's."""

    def now(self) -> float:
        return time.time() + 100.0


def test_speaker_view_is_in_step_with_the_laptop(browser, event_file):
    session = list_sessions(event_file)[0]
    clock = _ShiftedClock()
    slot = list_slots(event_file, session.id)[0]
    set_current_slot(event_file, session.id, slot.id)
    save_started = [clock.now() - 42.3]
    save_timer(event_file, slot.id, slot.clock.start(save_started[0]), "slot_started")
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0, clock=clock)
    server.start()
    try:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/s/{session.speaker_token}")
        expect(page.locator("#name")).to_have_text(slot.person.name)
        page.wait_for_timeout(2500)  # a few offset samples
        offset = page.evaluate("window.facilitatorClockOffset()")
        assert abs(offset - 100.0) < 0.5
        started_at = save_started[0]
        before = slot.planned_seconds - (clock.now() - started_at)
        shown = page.locator("#clock").text_content()
        after = slot.planned_seconds - (clock.now() - started_at)
        # In step within 0.5 s: the shown second is one the laptop showed in that window.
        steps = int((before - after + 1.0) / 0.01) + 1
        allowed = {format_clock(after - 0.5 + i * 0.01) for i in range(steps)}
        assert shown in allowed, (shown, sorted(allowed))
        context.close()
    finally:
        server.stop()


def _screenshot_state(event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    now = time.time()
    texts = [
        ("How will local governments get direct access to climate finance?", "Ana Souza",
         "City of Recife", "Minister (to be confirmed) — panel 1", "phone-a"),
        ("¿Cómo pueden las ciudades medir el avance de los ODS con pocos datos?", "Luis",
         "", "", "phone-b"),
        ("Quelle place pour les femmes maires dans la revue du Nouvel Agenda urbain ?", "",
         "CGLU Afrique", "", "phone-c"),
    ]
    ids = []
    for text, author, org, to, device in texts:
        q, _ = store.submit_question(event_file, session.id, text, now=now, author=author,
                                     organisation=org, addressed_to=to, device_id=device)
        store.approve_question(event_file, q.id, now=now)
        ids.append(q.id)
    for i in range(5):
        store.add_vote(event_file, ids[0], f"voter-{i}", now=now)
    store.add_vote(event_file, ids[2], "voter-1", now=now)
    store.set_on_screen(event_file, session.id, ids[0], now=now)
    return session


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_phone_page_screenshots(browser, event_file, language, screenshots):
    session = _screenshot_state(event_file)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        context = browser.new_context(locale=language, **PHONE)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/j/{session.join_token}")
        expect(page.locator("#questions li")).to_have_count(3)
        page.fill("#text", {"en": "Which cities already publish voluntary local reviews?",
                            "fr": "Quelles villes publient déjà des revues locales ?",
                            "es": "¿Qué ciudades ya publican revisiones locales?"}[language])
        page.locator("#questions li").nth(1).locator("button.vote").click()
        expect(page.locator("button.vote.voted")).to_have_count(1)
        page.screenshot(path=str(screenshots / f"phone-{language}.png"), full_page=True)
        context.close()
    finally:
        server.stop()
