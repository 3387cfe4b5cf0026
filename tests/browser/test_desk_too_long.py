"""A rapporteur's note or summary section longer than the laptop takes is refused in the
page's language as too long, the words kept on screen to copy and split.

Found with a 10,000-character Arabic note (20 KB as UTF-8, over the laptop's 16 KiB for a
note then): the page said only "The laptop did not accept this. Copy the text to keep it."
— the same words as for any refusal, so the rapporteur could not tell what to change. The
limit is now 10,000 characters in every script (audience/limits.py): one more is refused,
and 10,000 Arabic ones are taken.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from facilitator.audience.limits import NOTE_MAX_CHARACTERS
from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store.sessions import list_sessions
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

TOO_LONG = {
    "en-GB": "Too long to send: split it into shorter parts.",
    "fr-FR": "Trop long pour être envoyé : coupez-le en plusieurs parties.",
    "ar-EG": "النص أطول من أن يُرسَل: قسّمه إلى أجزاء أقصر.",
}


@pytest.mark.parametrize("language", list(TOO_LONG))
def test_a_note_too_long_for_the_laptop_says_so(browser, event_file, language) -> None:
    text = "ع" * (NOTE_MAX_CHARACTERS + 1)
    with role_link_served(event_file, Role.RAPPORTEUR, "Amina") as url:
        context = browser.new_context(locale=language,
                                      viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url)
        expect(page.locator("#note-speaker")).to_be_enabled()
        page.fill("#note-text", text)
        page.press("#note-text", "Control+Enter")
        refused = page.locator("#notes > li.refused")
        expect(refused).to_have_count(1)
        expect(refused).to_contain_text(TOO_LONG[language])
        assert text in refused.inner_text()  # kept on screen to copy
        context.close()
    assert note_store.list_notes(event_file, list_sessions(event_file)[0].id) == []


def test_a_note_of_10000_arabic_characters_is_taken(browser, event_file) -> None:
    text = "ع" * 10_000
    with role_link_served(event_file, Role.RAPPORTEUR, "Amina") as url:
        context = browser.new_context(locale="ar-EG", viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url)
        expect(page.locator("#note-speaker")).to_be_enabled()
        page.fill("#note-text", text)
        page.press("#note-text", "Control+Enter")
        expect(page.locator("#notes > li")).to_have_count(1)
        # Taken by the laptop: neither waiting to be sent nor refused.
        expect(page.locator("#notes > li.waiting, #notes > li.refused")).to_have_count(0)
        expect(page.locator("#note-text")).to_have_value("")
        context.close()
    stored = note_store.list_notes(event_file, list_sessions(event_file)[0].id)
    assert [n.text for n in stored] == [text]


def test_a_summary_section_too_long_for_the_laptop_says_so(browser, event_file) -> None:
    with role_link_served(event_file, Role.RAPPORTEUR, "Amina") as url:
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url)
        editor = page.locator("#sections textarea").first
        expect(editor).to_be_visible()
        editor.fill("x" * 70_000)
        page.locator("#sections button").first.click()
        expect(page.locator("#error")).to_have_text(TOO_LONG["fr-FR"])
        context.close()
