"""Team desks acting on something the laptop removed or merged meanwhile, in the desk's
language (Debian's chromium, the real server): a French rapporteur's note typed offline
about a speaker removed meanwhile is kept and says so; a Spanish co-moderator's decision
on a question merged meanwhile is refused in Spanish, the question shown as it now is."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from facilitator.actions import questions, speakers
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store import questions as qstore
from facilitator.store.sessions import get_session, list_sessions, set_questions_open
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

LAPTOP_SIZE = {"viewport": {"width": 1280, "height": 800}}
# A folder to look at the pages in (SCREENSHOTS_DIR=...); tests write nothing by default.
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")


def _desk(browser, locale: str):
    context = browser.new_context(locale=locale, **LAPTOP_SIZE)
    return context, context.new_page()


def test_a_note_about_a_speaker_removed_offline_is_kept_and_says_so_in_french(
        browser, event_file):
    session = list_sessions(event_file)[0]
    removed = get_session(event_file, session.id).slots[1]
    context, page = _desk(browser, "fr-FR")
    try:
        with role_link_served(event_file, Role.RAPPORTEUR, "Amina") as url:
            page.goto(url)
            expect(page.locator("#connection")).to_have_text("Connecté à l’ordinateur")
            page.select_option("#note-speaker", str(removed.id))
            context.set_offline(True)  # the venue Wi-Fi drops
            page.fill("#note-text", "Les maires veulent un siège à la table.")
            page.press("#note-text", "Control+Enter")
            expect(page.locator("#notes li.waiting")).to_have_count(1, timeout=8000)
            # Meanwhile the moderator removes that speaker on the laptop.
            run(event_file, LAPTOP, speakers.remove_speaker(session.id, removed.id))
            context.set_offline(False)
            kept = page.locator("#notes li", has_text="Les maires veulent")
            expect(kept.locator(".kept")).to_have_text(re.compile(
                "^Conservée sans orateur·rice"), timeout=10000)
            expect(page.locator("#notes li.refused")).to_have_count(0)
            expect(page.locator("#error")).to_be_hidden()
            if SCREENSHOTS:
                page.screenshot(path=f"{SCREENSHOTS}/rapporteur-speaker-removed-fr.png")
    finally:
        context.close()
    (note,) = note_store.list_notes(event_file, session.id)
    assert note.text == "Les maires veulent un siège à la table." and note.slot_id is None


def test_a_decision_on_a_question_merged_meanwhile_is_refused_in_spanish(browser,
                                                                        event_file):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    kept, duplicate = (qstore.submit_question(event_file, session.id, text, now=1.0,
                                              device_id=device)[0]
                       for text, device in [("¿Quién paga la vivienda resiliente?", "d1"),
                                            ("¿Quién pagará la vivienda resiliente?", "d2")])
    context, page = _desk(browser, "es-ES")
    stale = {"on": False}

    def queue(route):
        # Once the page has its list, the laptop's later changes do not reach it (as on a
        # slow Wi-Fi between two polls): "not modified".
        if stale["on"]:
            route.fulfill(status=304, headers={"etag": '"stale"'})
        else:
            route.continue_()

    try:
        page.route(re.compile(r".*/api/r/.*/queue.*"), queue)
        with role_link_served(event_file, Role.CO_MODERATOR, "Ana") as url:
            page.goto(url)
            card = page.locator("li", has_text="¿Quién pagará la vivienda resiliente?")
            expect(card.get_by_role("button", name="Aprobar")).to_be_visible()
            stale["on"] = True
            run(event_file, LAPTOP, questions.merge(session.id, kept.id, [duplicate.id],
                                                    now=2.0))
            card.get_by_role("button", name="Aprobar").click()
            expect(page.locator("#action-message")).to_have_text(re.compile(
                "^Esa pregunta se fusionó con otra"))
            expect(page.locator("#connection")).not_to_have_text(re.compile("enlace"))
            if SCREENSHOTS:
                page.screenshot(path=f"{SCREENSHOTS}/co-moderator-merged-es.png")
    finally:
        context.close()
    assert qstore.get_question(event_file, duplicate.id).status.value == "merged"
