"""A note waiting to be sent shows its time as the saved notes do: on the laptop's clock, in
the event's time zone, whatever this device's clock and zone say. Before, a waiting note
showed the tablet's own clock in its own zone (here 37 minutes fast, in Los Angeles) while
the notes saved around it showed the laptop's time in the event's zone (Kolkata): the same
note jumped by hours when it was saved. Debian's chromium, the real server."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from facilitator.core.team import Role
from facilitator.store.time_zone import set_event_time_zone
from tests.browser.conftest import role_link_served
from tests.browser.test_device_clock_off import SKEWED_CLOCK

pytestmark = pytest.mark.browser

NOTES = re.compile(r".*/api/r/[^/]+/notes$")
EVENT_ZONE = "Asia/Kolkata"  # UTC+5:30: a half hour no device zone offset here shares
DEVICE_ZONE = "America/Los_Angeles"


def event_clock() -> str:
    return datetime.now(ZoneInfo(EVENT_ZONE)).strftime("%H:%M")


def shown_time(item) -> str:
    return item.locator(".note-meta bdi").first.inner_text()


@pytest.mark.parametrize("skew_minutes", [0, 37, -185])
def test_a_waiting_note_shows_the_laptops_time_in_the_events_zone(browser, event_file,
                                                                   skew_minutes) -> None:
    set_event_time_zone(event_file, EVENT_ZONE)
    with role_link_served(event_file, Role.RAPPORTEUR, "Tablet") as url:
        context = browser.new_context(locale="en-GB", timezone_id=DEVICE_ZONE)
        context.add_init_script(SKEWED_CLOCK % (skew_minutes * 60_000))
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.locator("#connection")).to_have_text("Connected to the laptop")
            page.route(NOTES, lambda route: route.abort("internetdisconnected"))
            before = event_clock()
            page.fill("#note-text", "Typed while the Wi-Fi is down")
            page.press("#note-text", "Control+Enter")
            waiting = page.locator("#notes li.waiting")
            expect(waiting).to_have_count(1)
            waiting_time = shown_time(waiting)
            after = event_clock()
            assert waiting_time in {before, after}, (waiting_time, before, skew_minutes)

            page.unroute(NOTES)  # back: the note is saved, stamped by the laptop
            expect(waiting).to_have_count(0, timeout=15_000)
            saved = page.locator("#notes li", has_text="Typed while the Wi-Fi is down")
            expect(saved).to_have_count(1)
            assert shown_time(saved) in {before, after, event_clock()}
        finally:
            context.close()
