"""The desks' tag pickers name the SDGs in the page's language, as the printed summary
does ("ODD 11 : Villes et communautés durables"), in all six languages: the laptop sends
each SDG's number, the desks' strings carry the words (audience/webfiles.py). Debian's
chromium on the real server."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.audience.webfiles import DESK_LANGUAGES
from facilitator.core.team import Role
from facilitator.reports.report_text import ReportText
from facilitator.store.questions import submit_question
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.browser.conftest import PHONE, role_link_served

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", DESK_LANGUAGES)
def test_the_rapporteurs_tag_picker_names_the_sdgs_in_the_pages_language(
        browser, event_file, language):
    words = ReportText(language)
    with role_link_served(event_file, Role.RAPPORTEUR, "r") as url:
        context = browser.new_context(locale=language)
        try:
            page = context.new_page()
            page.goto(url)
            expect(page.locator("html")).to_have_attribute("lang", language)
            page.locator("#tag-summary").click()
            labels = page.locator("#tag-choices label")
            expect(labels.filter(has_text=words.sdg(11))).to_have_count(1)
            expect(labels.filter(has_text=words.sdg(17))).to_have_count(1)
            if language != "en":
                expect(labels.filter(has_text="Sustainable cities")).to_have_count(0)
        finally:
            context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_co_moderators_tag_picker_and_chips_name_the_sdgs_in_the_pages_language(
        browser, event_file, language):
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    submit_question(event_file, session.id, "Affordable housing for women?", now=time.time(),
                    device_id="p1")
    words = ReportText(language)
    with role_link_served(event_file, Role.CO_MODERATOR, "Jo") as url:
        context = browser.new_context(locale=language, **PHONE)
        try:
            page = context.new_page()
            page.goto(url)
            expect(page.locator("html")).to_have_attribute("lang", language)
            card = page.locator("#questions li").first
            add_tags = page.evaluate("window.Desk.t('tags_add')")
            card.get_by_role("button", name=add_tags).click()
            picker = card.locator(".tag-picker")
            expect(picker.locator("label").filter(has_text=words.sdg(5))).to_have_count(1)
            expect(picker.locator("label").filter(has_text=words.sdg(11))).to_have_count(1)
        finally:
            context.close()
