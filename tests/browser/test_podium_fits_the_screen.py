"""The podium page shows its whole stage on the screen, whatever is on it: a speaker at the
lectern cannot scroll the tablet.

Found on a 1280x800 tablet: a two-line name, a message and a question on screen made the
stage 1,123 px tall; the message was cut and the question (what the speaker must answer)
was below the screen. The question here is the field case question-462-characters.txt.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from facilitator.actions import sessions, speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store import questions as qstore
from facilitator.store.sessions import get_session, list_sessions, set_questions_open
from facilitator.store.stage import load_stage_notice
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

QUESTION = (Path(__file__).resolve().parent.parent / "field_cases"
            / "question-462-characters.txt").read_text(encoding="utf-8").strip()
SCREENS = [(1280, 800), (1024, 600), (768, 1024), (390, 844)]
NAME = "صاحب السعادة الدكتور عبد الرحمن بن محمد الفلاني"
MESSAGE = "Please conclude — دقيقة واحدة من فضلك — " + "one more question from the floor " * 4


def fill_the_stage(event_file, *, question: bool, message: bool):
    session = list_sessions(event_file)[0]
    slot = get_session(event_file, session.id).slots[0]
    run(event_file, LAPTOP, speakers.edit_speaker(
        session.id, slot.id, person=replace(slot.person, name=NAME,
                                            role="وزير الإسكان والتنمية الحضرية")))
    run(event_file, LAPTOP, speakers.toggle(session.id, time.time() - 250))  # warning level
    if message:
        run(event_file, LAPTOP, sessions.show_on_stage(replace(
            load_stage_notice(event_file), session_id=session.id, message=MESSAGE[:200],
            blink=True)))
    if question:
        set_questions_open(event_file, session.id, True)
        asked, _ = qstore.submit_question(event_file, session.id, QUESTION, now=time.time(),
                                          author="Amina Diallo, Réseau des villes")
        qstore.approve_question(event_file, asked.id, now=time.time())
        qstore.set_on_screen(event_file, session.id, asked.id, now=time.time())


def open_podium(browser, url, width, height):
    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#clock")).not_to_have_text("–:––")
    page.wait_for_timeout(300)  # drawn and fitted
    return context, page


def bottom(page, selector: str) -> float:
    return page.locator(selector).evaluate("node => node.getBoundingClientRect().bottom")


@pytest.mark.parametrize("width, height", SCREENS)
def test_a_full_stage_fits_the_screen(browser, event_file, width, height):
    fill_the_stage(event_file, question=True, message=True)
    with role_link_served(event_file, Role.PODIUM, "Lectern") as url:
        context, page = open_podium(browser, url, width, height)
        try:
            expect(page.locator("#question-text")).to_contain_text(QUESTION[:40])
            scroll = page.evaluate("document.documentElement.scrollHeight")
            assert scroll <= height + 1, f"the stage is {scroll} px on a {height} px screen"
            for part in ("#clock", "#message", "#question-text", "#question-by", "#next"):
                assert bottom(page, part) <= height + 1, part
            # Still readable from the lectern: the digits at least 10 % of the screen.
            clock_px = page.locator("#clock").evaluate(
                "node => parseFloat(getComputedStyle(node).fontSize)")
            assert clock_px >= 0.1 * min(width, height)
        finally:
            context.close()


@pytest.mark.parametrize("width, height", SCREENS)
def test_a_stage_that_fits_keeps_its_full_size(browser, event_file, width, height):
    fill_the_stage(event_file, question=False, message=False)
    with role_link_served(event_file, Role.PODIUM, "Lectern") as url:
        context, page = open_podium(browser, url, width, height)
        try:
            clock_px = page.locator("#clock").evaluate(
                "node => parseFloat(getComputedStyle(node).fontSize)")
            assert clock_px == pytest.approx(0.30 * min(width, height), abs=1)
        finally:
            context.close()
