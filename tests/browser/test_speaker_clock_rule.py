"""The podium page (resources/web/speaker.js) counts down by core's one rounding rule,
and derives a speaker's "until 10:45" the way core does."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.core.clock_text import format_clock
from facilitator.store.sessions import list_sessions, list_slots, set_current_slot, update_slot
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

EDGES = [3725.2, 3600, 120, 60.6, 60.4, 60, 59.5, 59.4, 1, 0.5, 0.0001, 0, -0.0001, -0.5,
         -0.9999, -1, -1.5, -59.5, -60, -72.3, -3600.5]


def _speaker_page(browser, event_file, server):
    session = list_sessions(event_file)[0]
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{server.port}/s/{session.speaker_token}")
    return context, page


def test_the_podium_rounds_as_the_laptop_does(browser, event_file):
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        context, page = _speaker_page(browser, event_file, server)
        shown = page.evaluate("(values) => values.map(window.facilitatorFormatClock)", EDGES)
        assert shown == [format_clock(value) for value in EDGES]
        context.close()
    finally:
        server.stop()


def test_the_podium_counts_down_to_an_until_time_before_the_speaker_starts(browser,
                                                                          event_file):
    session = list_sessions(event_file)[0]
    slot = list_slots(event_file, session.id)[0]
    set_current_slot(event_file, session.id, slot.id)
    until = time.time() + 100.0
    update_slot(event_file, slot.id, planned_seconds=100, until_at=until)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        context, page = _speaker_page(browser, event_file, server)
        expect(page.locator("#name")).to_have_text(slot.person.name)
        page.wait_for_timeout(1500)
        before = until - time.time()
        text = page.locator("#clock").text_content()
        after = until - time.time()
        allowed = {format_clock(before + 0.6 - i * 0.01)
                   for i in range(int((before - after + 1.2) / 0.01) + 1)}
        assert text in allowed, (text, sorted(allowed))
        context.close()
    finally:
        server.stop()
