"""The timekeeper's page presses the key its button shows, for the speaker it shows.

Its view of the clock is up to a second old (it polls), and the moderator may press the
same key on the laptop meanwhile. Found with a timekeeper phone and the laptop on one
panel: "Pause" pressed on the phone just after the moderator paused resumed the clock; a
"Next" for the speaker the moderator had just moved past skipped the next one. Here the
page's polls are answered with the view it had before the laptop acted (a late poll), the
laptop acts, then the phone's button is pressed: nothing changes, and the page says so in
its language.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store.sessions import get_session, list_sessions
from tests.browser.conftest import PHONE, role_link_served

pytestmark = pytest.mark.browser

UNCHANGED = {"en-GB": "Nothing changed: the laptop may have done it already. Check the clock.",
             "fr-FR": "Rien n’a changé : l’ordinateur l’a peut-être déjà fait. Vérifiez le "
                      "chronomètre."}


def stale_page(browser, url, language):
    """The timekeeper's page whose polls, from now on, keep giving the view it has now."""
    context = browser.new_context(locale=language, **PHONE)
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#clock")).not_to_have_text("–:––")
    seen = {}

    def late_poll(route):
        if "stage" not in seen:
            seen["stage"] = route.fetch().json()
        # The laptop's time is fresh (the page is not "offline"), its stage is not.
        route.fulfill(json={**seen["stage"], "now": time.time()},
                      headers={"cache-control": "no-store"})

    page.route(re.compile(r".*/podium$"), late_poll)
    page.wait_for_timeout(1200)  # a poll went through the late view
    assert "stage" in seen
    return context, page


@pytest.mark.parametrize("language", ["en-GB", "fr-FR"])
def test_pause_after_the_moderator_paused_leaves_the_clock_paused(browser, event_file,
                                                                  language):
    session = list_sessions(event_file)[0]
    run(event_file, LAPTOP, speakers.toggle(session.id, time.time()))
    with role_link_served(event_file, Role.TIMEKEEPER, "Marta") as url:
        context, page = stale_page(browser, url, language)
        try:
            run(event_file, LAPTOP, speakers.toggle(session.id, time.time()))  # paused
            expect(page.locator("#toggle")).not_to_have_text(re.compile("Start|Démarrer"))
            page.click("#toggle")
            expect(page.locator("#result")).to_have_text(UNCHANGED[language])
            clock = get_session(event_file, session.id).slots[0].clock
            assert clock.paused_at is not None
        finally:
            context.close()


@pytest.mark.parametrize("key", ["#next", "button[data-seconds='60']"])
def test_a_key_for_a_speaker_moved_past_does_not_reach_the_next_one(browser, event_file, key):
    """Next would skip the next speaker, +1 min would give them the time."""
    session = list_sessions(event_file)[0]
    run(event_file, LAPTOP, speakers.toggle(session.id, time.time()))
    with role_link_served(event_file, Role.TIMEKEEPER, "Marta") as url:
        context, page = stale_page(browser, url, "en-GB")
        try:
            slots = get_session(event_file, session.id).slots
            run(event_file, LAPTOP, speakers.step(session.id, time.time(), 1))
            page.click(key)
            expect(page.locator("#result")).to_have_text(UNCHANGED["en-GB"])
            now = get_session(event_file, session.id)
            assert now.current_slot_id == slots[1].id
            assert now.slots[1].clock.adjustment == 0
        finally:
            context.close()


def test_the_page_sends_the_shown_speaker_with_each_clock_key(browser, event_file):
    session = list_sessions(event_file)[0]
    with role_link_served(event_file, Role.TIMEKEEPER, "Marta") as url:
        context = browser.new_context(locale="en-GB", **PHONE)
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.locator("#toggle")).to_have_text("Start")
            first = get_session(event_file, session.id).slots[0].id
            sent = []
            page.on("request", lambda request: sent.append(
                (request.url.rsplit("/", 1)[1], json.loads(request.post_data or "{}")))
                if "/control/" in request.url else None)
            page.click("#toggle")
            expect(page.locator("#toggle")).to_have_text("Pause")
            page.click("#toggle")
            expect(page.locator("#toggle")).to_have_text("Resume")
            assert sent == [("start", {"slot": first}), ("pause", {"slot": first})]
        finally:
            context.close()
