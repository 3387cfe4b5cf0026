"""A delegate asks for the floor from a real browser (Debian chromium) against the server
the Questions tab started; the moderator accepts with A on the Run tab (the app's own
widgets, same test); the phone shows its place, "you are next", then "you have the floor".
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect
from PySide6.QtCore import Qt

from facilitator.store import floor as floor_store
from tests.browser.conftest import PHONE
from tests.browser.test_phone_accessibility import axe_problems

pytestmark = pytest.mark.browser

POLL = 8000  # ms: the floor state is asked every 3 s while a request is live


def wait_for(qtbot, check, timeout=POLL) -> None:
    """Wait while the Qt event loop keeps running (the server's news arrives queued)."""
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        qtbot.wait(50)
        if check():
            return
    assert check()


@pytest.fixture
def room(qtbot, questions_window):
    """Questions open, the session taking floor requests (ticked on the Run tab), the join
    link on 127.0.0.1; the window shows the Run tab."""
    questions = questions_window.tabs["Questions"]
    questions.open_questions()
    questions.address_box.setCurrentIndex(questions.address_box.findData("127.0.0.1"))
    url = questions.join_url()
    run_tab = questions_window.tabs["Run"]
    questions_window.ui.tabs.setCurrentWidget(run_tab)
    qtbot.mouseClick(run_tab.floor_panel.open_box, Qt.MouseButton.LeftButton)
    assert floor_store.floor_settings(questions_window.document.file,
                                      questions.session_id).open
    return questions_window, run_tab, url


def test_a_phone_asks_for_the_floor_and_the_laptop_gives_it(qtbot, room, phone):
    window, run_tab, url = room
    panel = run_tab.floor_panel
    phone.goto(url)
    expect(phone.locator("#floor-form")).to_be_visible(timeout=POLL)
    expect(phone.locator("#floor-kind option")).to_have_count(3)
    expect(phone.locator("#floor-kind")).to_contain_text("A point of order (1:00)")
    phone.click("#floor-send")  # no name yet: said on the page, nothing sent
    expect(phone.locator("#floor-message")).to_have_text("Please write your name.")
    phone.fill("#floor-name", 'Amina Diallo <img src=x id="inj">')
    phone.fill("#floor-organisation", "City of Dakar")
    phone.select_option("#floor-constituency", "Local and regional governments")
    phone.fill("#floor-behalf", "African Group")
    phone.select_option("#floor-kind", "point_of_order")
    phone.click("#floor-send")
    state = phone.locator("#floor-mine .floor-state")
    expect(state).to_have_text("Waiting for the moderator · you are number 1 in the queue")
    expect(phone.locator("#floor-form")).to_be_hidden()  # one waiting request per phone
    assert phone.locator("#inj").count() == 0

    # The laptop shows it within a second; A (on the Run tab) accepts it.
    started = time.monotonic()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=1000)
    assert time.monotonic() - started < 1.0
    assert panel.table.item(0, 1).text() == 'Amina Diallo <img src=x id="inj">'
    run_tab.table.setFocus()
    qtbot.keyClick(run_tab.table, Qt.Key.Key_A)
    assert panel.table.rowCount() == 0
    # A point of order goes right after the current speaker: the delegate is next.
    wait_for(qtbot, lambda: state.text_content() == "You are next. Please get ready.")
    expect(phone.locator("#floor-mine .floor-request")).to_have_attribute("data-state", "next")

    # The first speaker speaks, then N and Space: the delegate has the floor.
    for key in (Qt.Key.Key_Space, Qt.Key.Key_N, Qt.Key.Key_Space):
        qtbot.keyClick(run_tab.table, key)
    assert run_tab.current_slot().person.name.startswith("Amina Diallo")
    wait_for(qtbot, lambda: state.text_content() == "You have the floor.")
    assert axe_problems(phone) == []
    qtbot.keyClick(run_tab.table, Qt.Key.Key_N)
    wait_for(qtbot, lambda: state.text_content() == "Done. Thank you!")
    expect(phone.locator("#floor-form")).to_be_visible()  # may ask again


def test_a_phone_withdraws_and_a_closed_floor_hides_the_form(qtbot, room, phone):
    window, run_tab, url = room
    phone.goto(url)
    phone.fill("#floor-name", "Li Wei")
    phone.click("#floor-send")
    expect(phone.locator("#floor-mine .floor-state")).to_contain_text("number 1")
    qtbot.waitUntil(lambda: run_tab.floor_panel.table.rowCount() == 1, timeout=1000)
    phone.click("#floor-mine .floor-withdraw")
    expect(phone.locator("#floor-mine .floor-state")).to_have_text(
        "You withdrew this request.")
    qtbot.waitUntil(lambda: run_tab.floor_panel.table.rowCount() == 0, timeout=1000)
    qtbot.mouseClick(run_tab.floor_panel.open_box, Qt.MouseButton.LeftButton)  # untick
    expect(phone.locator("#floor-form")).to_be_hidden(timeout=POLL)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_phone_floor_screenshots(qtbot, room, browser, screenshots, language):
    """The form and the delegate's place in the queue, at a phone's size, looked at."""
    window, run_tab, url = room
    context = browser.new_context(locale=language, **PHONE)
    try:
        page = context.new_page()
        page.goto(url)
        form = page.locator("#floor-section")
        expect(page.locator("#floor-form")).to_be_visible(timeout=POLL)
        names = {"en": ("Amina Diallo", "City of Dakar", "African Group"),
                 "ar": ("سلمى بن علي", "بلدية تونس", "المجموعة العربية")}[language]
        page.fill("#floor-name", names[0])
        page.fill("#floor-organisation", names[1])
        page.select_option("#floor-constituency", "Local and regional governments")
        page.fill("#floor-behalf", names[2])
        form.scroll_into_view_if_needed()
        assert axe_problems(page) == []
        form.screenshot(path=str(screenshots / f"phone-floor-form-{language}.png"))
        # Someone asked first: this delegate is second in the queue.
        from facilitator.actions import floor
        from facilitator.actions.actor import phone as phone_actor
        from facilitator.actions.command import run

        session_id = window.tabs["Questions"].session_id
        run(window.document.file, phone_actor("someone"), floor.ask(
            session_id, name="Li Wei", kind="intervention", now=time.time() - 30,
            device_id="someone"))
        page.click("#floor-send")
        expect(page.locator("#floor-mine .floor-request")).to_have_attribute(
            "data-state", "waiting")
        expect(page.locator("#floor-mine .floor-state")).to_contain_text("2")
        assert axe_problems(page) == []
        page.locator("#floor-section").screenshot(
            path=str(screenshots / f"phone-floor-place-{language}.png"))
    finally:
        context.close()
