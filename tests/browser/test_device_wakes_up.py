"""A podium tablet or timekeeper phone that slept (screen off during a break, a tab the
system froze) never shows the clock it had before it slept as if it were live.

Phones and tablets stop their monotonic clock (``performance.now``) while asleep, while
the wall clock (``Date.now``) goes on; the pages judged "is my last answer fresh?" by the
first. Found with a podium tablet woken after 10 minutes, its Wi-Fi not back yet: it showed
the speaker from before the break 5 minutes OVER TIME, in red, for seconds — the moderator
had long moved on. Here a sleep is what the page sees of one: the wall clock 10 minutes
further, the monotonic one not, and no network yet.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store.sessions import list_sessions
from tests.browser.conftest import PHONE, role_link_served

pytestmark = pytest.mark.browser

# The device's wall clock: the real one plus window.__slept milliseconds (a sleep adds to
# it and not to performance.now, as a suspended phone's clocks do).
SLEEPING_CLOCK = """(() => {
  window.__slept = 0;
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + window.__slept;
})();"""
CLOCK_HIDDEN = "–:––"


@pytest.mark.parametrize("role", [Role.PODIUM, Role.TIMEKEEPER])
@pytest.mark.parametrize("slept_s", [600, 20])
def test_a_device_waking_up_offline_hides_the_clock_it_had(browser, event_file, role,
                                                           slept_s):
    session = list_sessions(event_file)[0]
    run(event_file, LAPTOP, speakers.toggle(session.id, time.time()))
    with role_link_served(event_file, role, "Lectern") as url:
        context = browser.new_context(locale="en-GB", **PHONE)
        context.add_init_script(SLEEPING_CLOCK)
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.locator("#clock")).not_to_have_text(CLOCK_HIDDEN)
            context.set_offline(True)  # the Wi-Fi is not back yet as it wakes
            page.evaluate(f"window.__slept += {slept_s * 1000}")
            # At once (a frame or two), not once the monotonic clock catches up.
            expect(page.locator("#clock")).to_have_text(CLOCK_HIDDEN, timeout=400)
            context.set_offline(False)
            # Back on the network: the laptop's clock again, by itself.
            expect(page.locator("#clock")).not_to_have_text(CLOCK_HIDDEN, timeout=5000)
        finally:
            context.close()
