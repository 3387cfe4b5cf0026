"""The podium and the timekeeper's page show the laptop's time left whatever this device's
own clock says: minutes off from the start, or set by minutes mid-turn (a phone correcting
its time as it wakes or finds the network), forwards or back.

Found with a timekeeper phone whose clock jumped 4 minutes mid-turn: the page kept its
offset from before the jump and showed 0:47 instead of 4:47 ("please conclude" colours)
for several seconds, up to a dozen polls. The device's clock is faked in the page (its
``Date.now``); the laptop's is the machine's.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.clock_text import countdown_seconds
from facilitator.core.team import Role
from facilitator.store.sessions import get_session, list_sessions
from tests.browser.conftest import PHONE, role_link_served

pytestmark = pytest.mark.browser

# This device's clock: the real one plus window.__skew milliseconds, settable mid-test.
SKEWED_CLOCK = """(() => {
  window.__skew = %d;
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + window.__skew;
})();"""


def shown_seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("-").split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return sign * seconds


def laptop_seconds(event_file, session_id) -> int:
    clock = get_session(event_file, session_id).slots[0].clock
    return countdown_seconds(clock.remaining(time.time()))


def agrees(page, event_file, session_id) -> bool:
    """The page's digits are the laptop's (a second apart at most: they are read in turn)."""
    text = page.locator("#clock").text_content() or ""
    if ":" not in text or "–" in text:
        return False
    return abs(shown_seconds(text) - laptop_seconds(event_file, session_id)) <= 1


def wait_until_agrees(page, event_file, session_id, within_s: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < within_s:
        if agrees(page, event_file, session_id):
            return time.monotonic() - started
        page.wait_for_timeout(100)
    raise AssertionError(f"shows {page.locator('#clock').text_content()}, the laptop "
                         f"{laptop_seconds(event_file, session_id)} s")


@pytest.mark.parametrize("role", [Role.TIMEKEEPER, Role.PODIUM])
@pytest.mark.parametrize("skew_s, step_s", [(-300, 240), (420, -600)])
def test_a_device_clock_off_or_set_mid_turn_shows_the_laptops_time(browser, event_file,
                                                                   role, skew_s, step_s):
    session = list_sessions(event_file)[0]
    run(event_file, LAPTOP, speakers.toggle(session.id, time.time()))
    with role_link_served(event_file, role, "Lectern") as url:
        context = browser.new_context(locale="en-GB", **PHONE)
        context.add_init_script(SKEWED_CLOCK % (skew_s * 1000))
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.locator("#clock")).not_to_have_text("–:––")
            page.wait_for_timeout(2500)  # a few polls: samples from before the step
            wait_until_agrees(page, event_file, session.id, 2)
            page.evaluate(f"window.__skew += {step_s * 1000}")
            page.wait_for_timeout(300)  # drawn with the new clock (the pages draw each 0.2 s)
            # The next poll or two (one a second) put it right; never a dozen.
            wait_until_agrees(page, event_file, session.id, 3)
            for _ in range(10):  # and it stays right
                assert agrees(page, event_file, session.id), (
                    page.locator("#clock").text_content(),
                    laptop_seconds(event_file, session.id))
                page.wait_for_timeout(300)
        finally:
            context.close()
