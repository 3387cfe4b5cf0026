"""The timekeeper's page and the podium role link in a real browser (Debian chromium)
against the server the app runs for its team links; the app's own widgets (pytest-qt) in
the same test show each key's effect within a second."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import team
from facilitator.core.team import Role
from facilitator.store.sessions import get_session, list_sessions
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

LAPTOP = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}


def wait_for(qtbot, check, timeout_ms: int) -> float:
    """Seconds until ``check()`` held, the Qt event loop running meanwhile."""
    started = time.monotonic()
    deadline = started + timeout_ms / 1000
    while time.monotonic() < deadline:
        if check():
            return time.monotonic() - started
        qtbot.wait(20)
    assert check()
    return time.monotonic() - started


@pytest.fixture
def room(qtbot, questions_window, document):
    """The app on its first session, serving a timekeeper's and a podium's links."""
    window = questions_window
    session = list_sessions(document.file)[0]
    window.select_session(session.id)
    questions = window.tabs["Questions"]
    links = {role: document.runner.run(team.create_role_link(
        role, name, now=document.clock.now())).result
        for role, name in [(Role.TIMEKEEPER, "Phone"), (Role.PODIUM, "Lectern")]}
    assert questions.serve_team()
    root = f"http://127.0.0.1:{questions.server.port}"
    return window, session, links, root


def open_page(browser, url: str, size: dict, language: str = "en-GB"):
    context = browser.new_context(locale=language, **size)
    page = context.new_page()
    page.goto(url)
    return context, page


def test_the_timekeeper_drives_the_room_and_the_laptop_shows_it(qtbot, browser, room,
                                                                document):
    window, session, links, root = room
    run_tab = window.tabs["Run"]
    slots = get_session(document.file, session.id).slots
    context, page = open_page(browser, f"{root}/r/{links[Role.TIMEKEEPER].token}", PHONE)
    try:
        expect(page.locator("#speaker")).to_have_text(slots[0].person.name)
        expect(page.locator("#toggle")).to_have_text("Start")
        page.click("#toggle")
        wait_for(qtbot, lambda: run_tab.buttons["start"].text() == "Pause (Space)", 1000)
        expect(page.locator("#toggle")).to_have_text("Pause")
        clicked = time.monotonic()
        page.click("#next")
        shown = wait_for(qtbot, lambda: slots[1].person.name in run_tab.speaker_label.text(),
                         1000)
        assert time.monotonic() - clicked < 1.0 + 0.5, shown  # the click's own round trip
        assert shown < 1.0
        expect(page.locator("#speaker")).to_have_text(slots[1].person.name)
        planned = get_session(document.file, session.id).slots[1].clock.adjustment
        page.click("button[data-seconds='60']")
        wait_for(qtbot, lambda: get_session(document.file, session.id).slots[1].clock
                 .adjustment == planned + 60, 1000)
        page.fill("#message", "Two minutes left")
        page.click("#message-form button[type=submit]")
        wait_for(qtbot, lambda: run_tab.projector.message == "Two minutes left", 1000)
        expect(page.locator("#shown")).to_contain_text("Two minutes left")
        page.click("#blackout")
        wait_for(qtbot, lambda: run_tab.blackout_action.isChecked(), 1000)
        expect(page.locator("#blackout")).to_have_attribute("aria-pressed", "true")
        page.click("#blackout")
        wait_for(qtbot, lambda: not run_tab.blackout_action.isChecked(), 1000)
        page.click("#previous")
        wait_for(qtbot, lambda: slots[0].person.name in run_tab.speaker_label.text(), 1000)
        by = {e["detail"].get("by") for e in document.file.log_entries()
              if e["action"] in ("next_speaker", "previous_speaker", "time_adjusted",
                                 "stage_notice_changed", "timer_started")}
        assert by == {"timekeeper:Phone"}
    finally:
        context.close()


def test_a_revoked_timekeeper_page_says_so_and_loses_its_keys(qtbot, browser, room,
                                                              document):
    window, session, links, root = room
    context, page = open_page(browser, f"{root}/r/{links[Role.TIMEKEEPER].token}", PHONE)
    try:
        expect(page.locator("#toggle")).to_be_enabled()
        assert window.tabs["Questions"].server_running
        document.runner.run(team.revoke_role_link(links[Role.TIMEKEEPER].token,
                                                  now=document.clock.now()))
        expect(page.locator("#refused")).to_have_text(
            "This link was revoked. Ask the moderator for a new one.", timeout=3000)
        expect(page.locator("#toggle")).to_be_hidden()
    finally:
        context.close()


def test_the_podium_link_shows_the_stage(qtbot, browser, room, document):
    window, session, links, root = room
    slots = get_session(document.file, session.id).slots
    context, page = open_page(browser, f"{root}/r/{links[Role.PODIUM].token}",
                              {"viewport": {"width": 1024, "height": 768}})
    try:
        expect(page.locator("#name")).to_have_text(slots[0].person.name)
        window.tabs["Run"].timer.session_id = session.id
        window.tabs["Run"].timer.step(1)  # the moderator's own key
        expect(page.locator("#name")).to_have_text(slots[1].person.name, timeout=3000)
    finally:
        context.close()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:4])
            for v in results.response["violations"]]


@pytest.mark.parametrize(("size", "name"), [(PHONE, "phone"), (LAPTOP, "laptop")])
def test_timekeeper_page_screenshots_and_no_axe_violations(qtbot, browser, room, document,
                                                           size, name, screenshots):
    window, session, links, root = room
    context, page = open_page(browser, f"{root}/r/{links[Role.TIMEKEEPER].token}", size)
    try:
        page.click("#toggle")
        page.click("button[data-seconds='60']")
        page.fill("#message", "Please conclude")
        page.click("#message-form button[type=submit]")
        expect(page.locator("#shown")).to_contain_text("Please conclude")
        page.fill("#message", "")
        page.locator("#message").blur()
        assert axe_violations(page) == []
        page.screenshot(path=str(screenshots / f"timekeeper-{name}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_timekeeper_page_in_other_languages_has_no_axe_violations(qtbot, browser, room,
                                                                  language):
    window, session, links, root = room
    context, page = open_page(browser, f"{root}/r/{links[Role.TIMEKEEPER].token}", PHONE,
                              language)
    try:
        expect(page.locator("#toggle")).to_be_enabled()
        # The page's strings (and its lang) may come a beat after the first state: waited
        # for, not read once (read once, it failed a loaded run with 'en').
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert axe_violations(page) == []
    finally:
        context.close()


def test_a_press_whose_answer_is_lost_does_not_invite_a_second_press(qtbot, browser, room,
                                                                     document):
    """Next reached the laptop but its answer was lost on the Wi-Fi: the page must not say
    "please try again" (a second Next would skip a speaker); it says to check the clock and
    shows the laptop's state at once, the next speaker included."""
    import re

    window, session, links, root = room
    slots = get_session(document.file, session.id).slots
    context, page = open_page(browser, f"{root}/r/{links[Role.TIMEKEEPER].token}", PHONE)
    try:
        expect(page.locator("#speaker")).to_have_text(slots[0].person.name)
        lost = []

        def lose_the_answer(route):
            if lost:
                route.continue_()
                return
            route.fetch()  # the laptop runs it
            lost.append(1)
            route.abort("connectionreset")

        page.route(re.compile(r".*/control/next$"), lose_the_answer)
        page.click("#next")
        expect(page.locator("#result")).to_have_text(
            "No answer from the laptop: check the clock before pressing again.")
        expect(page.locator("#speaker")).to_have_text(slots[1].person.name, timeout=1500)
        assert lost
        assert get_session(document.file, session.id).current_slot_id == slots[1].id
    finally:
        context.close()
