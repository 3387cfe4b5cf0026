"""What the team desks show while answers are still on their way.

Found through a flaky test (test_offline_rapporteur_desk_says_what_waits_screenshot): the
rapporteur's and co-moderator's pages said "Connected to the laptop" as soon as their
strings were loaded, before the laptop had answered anything. The test took that line as
"the page has the laptop's state" and stopped the server; when the first answers were
slower than the line (a busy machine), the summary sections were never built and the test
waited for them in vain. A rapporteur meets the same thing on a Wi-Fi that drops just after
the page opens: "Connected" for eight seconds while nothing comes.

And a note the laptop had confirmed vanished from the rapporteur's list for a poll's
interval when a state read before the note was stored arrived after the confirmation (a
poll crossing the note's send on another connection: a rapporteur typing two notes in a
row, each changing the state the next poll sees).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store.sessions import list_sessions
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

API = re.compile(r".*/api/r/[^/]+/(rapporteur|summary|queue)$")
STATE = re.compile(r".*/api/r/[^/]+/rapporteur$")


@contextmanager
def desk_page(browser, event_file) -> Iterator[tuple]:
    """A tablet's page (English) for a new rapporteur link, and the link; closed after."""
    with role_link_served(event_file, Role.RAPPORTEUR, "Tablet") as url:
        context = browser.new_context(locale="en-GB")
        try:
            yield context.new_page(), url
        finally:
            context.close()


@pytest.mark.parametrize("role", [Role.RAPPORTEUR, Role.CO_MODERATOR])
def test_a_desk_says_connecting_until_the_laptop_has_answered(browser, event_file, role):
    with role_link_served(event_file, role, "Tablet") as url:
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        held = []
        page.route(API, lambda route: held.append(route))  # asked, not answered yet
        try:
            page.goto(url)
            line = page.locator("#connection")
            expect(line).to_have_text("Connecting to the laptop…")
            expect(line).not_to_have_class(re.compile(r"\bonline\b"))
            assert held, "the page asked the laptop"
            for route in held:
                route.continue_()
            page.unroute(API)
            expect(line).to_have_text("Connected to the laptop")
            expect(line).to_have_class(re.compile(r"\bonline\b"))
        finally:
            context.close()


def pump_until(page, check, timeout: float = 10.0) -> None:
    """Let Playwright run the page's route handlers until ``check()`` holds."""
    ends = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < ends, "the page did not ask"
        page.evaluate("0")


def test_a_confirmed_note_stays_listed_when_an_older_state_arrives_after_it(
        browser, event_file):
    session = list_sessions(event_file)[0]
    with desk_page(browser, event_file) as (page, url):
        page.goto(url)
        expect(page.locator("#connection")).to_have_text("Connected to the laptop")
        # Another rapporteur's note: the next state differs (a 200, not a 304).
        note_store.add_note(event_file, session.id, "Finance must reach cities.",
                            at=time.time(), taken_by="rapporteur:Other")
        stale = []

        def read_now_answer_later(route):
            if stale or route.request.method != "GET":
                route.continue_()
            else:
                stale.append((route, route.fetch()))  # read before the note is sent

        page.route(STATE, read_now_answer_later)
        pump_until(page, lambda: bool(stale))
        page.fill("#note-text", "Tunis votes 30% of its budget by neighbourhood.")
        page.press("#note-text", "Control+Enter")
        mine = page.locator("#notes li.note", has_text="Tunis votes")
        expect(mine).to_have_count(1)
        expect(mine).not_to_have_class(re.compile(r"\bwaiting\b"))  # confirmed
        page.evaluate("""() => {
          const list = document.getElementById("notes");
          window.vanished = false;
          new MutationObserver(() => {
            if (!list.textContent.includes("Tunis votes")) { window.vanished = true; }
          }).observe(list, {childList: true, subtree: true, characterData: true});
        }""")
        route, response = stale[0]
        # The next state is asked only once the page has taken in the late one.
        with page.expect_request(lambda r: bool(STATE.match(r.url))):
            route.fulfill(response=response)
        assert page.evaluate("window.vanished") is False
        expect(page.locator("#notes li.note", has_text="Finance must reach")
               ).to_have_count(1)
        expect(mine).to_have_count(1)


def test_a_section_saved_offline_goes_when_a_resent_note_hears_the_laptop_first(
        browser, event_file):
    """Found by the same flaky test, made steady: when the laptop came back, a note sent
    again by the retry timer could hear it before either poll (they back off while it is
    away). The note set the page online, and the summary section saved offline was never
    sent: "Offline: saved when the laptop is back" with the laptop back and polled."""
    from facilitator.store import summaries

    session = list_sessions(event_file)[0]
    with desk_page(browser, event_file) as (page, url):
        page.goto(url)
        expect(page.locator("#connection")).to_have_text("Connected to the laptop")
        expect(page.locator("#section-way_forward")).to_be_visible()
        everything = re.compile(r".*/api/r/.*")
        page.route(everything, lambda route: route.abort())  # the Wi-Fi drops
        page.fill("#note-text", "Meet again in Baku.")
        page.press("#note-text", "Control+Enter")
        page.fill("#section-way_forward", "A network of intermediary cities")
        page.locator(".section", has=page.locator("#section-way_forward")) \
            .get_by_role("button", name="Save").click()
        status = page.locator("#section-way_forward-status")
        expect(status).to_have_text("Offline: saved when the laptop is back")
        # The laptop is back; the polls, backing off, have not asked yet: the note's
        # resend is the first request to get through.
        page.unroute(everything)
        page.route(everything, lambda route: route.abort() if route.request.method == "GET"
                   else route.continue_())
        expect(status).to_have_text("Saved", timeout=10_000)
        assert summaries.get_summary(event_file, session.id).way_forward == \
            "A network of intermediary cities"
        assert [n.text for n in note_store.list_notes(event_file, session.id)] == \
            ["Meet again in Baku."]
