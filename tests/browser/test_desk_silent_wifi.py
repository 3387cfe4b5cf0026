"""The rapporteur's and co-moderator's pages notice a Wi-Fi that drops without an error, say
so in their language, and catch up by themselves when it is back.

A venue Wi-Fi often fails silently: the tablet stays associated, the laptop is out of reach,
requests get no answer and no error. Found with both pages in French: the co-moderator's
said "Connecté à l'ordinateur" for as long as it lasted and stopped polling; the
rapporteur's said "Envoi — 1 note en attente" (sending) and never "offline", its note
waiting for a request that never ended. Here the page's requests are held unanswered (the
silent drop), then let through again.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from facilitator.core.team import Role
from facilitator.store.notes import list_notes
from facilitator.store.sessions import list_sessions
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

API = re.compile(r".*/api/r/.*")
OFFLINE = {Role.RAPPORTEUR: "Hors ligne — 1 note en attente",
           Role.CO_MODERATOR: "Hors ligne — l’ordinateur est injoignable"}


@pytest.mark.parametrize("role", [Role.RAPPORTEUR, Role.CO_MODERATOR])
def test_a_silent_drop_is_said_and_the_page_catches_up_by_itself(browser, event_file, role):
    with role_link_served(event_file, role, "Tablette") as url:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        try:
            page.goto(url)
            line = page.locator("#connection")
            expect(line).to_have_text("Connecté à l’ordinateur")
            held = []

            def swallow(route):  # the request goes out, nothing comes back
                held.append(route)

            page.route(API, swallow)
            if role is Role.RAPPORTEUR:
                page.fill("#note-text", "Note prise pendant la coupure")
                page.click("#note-form button[type=submit]")
            expect(line).to_have_text(OFFLINE[role], timeout=15_000)
            expect(line).to_have_class(re.compile(r"\boffline\b"))
            assert held  # it did ask: the requests were swallowed, not refused

            page.unroute(API, swallow)  # the Wi-Fi is back
            expect(line).to_have_text("Connecté à l’ordinateur", timeout=15_000)
            if role is Role.RAPPORTEUR:
                session = list_sessions(event_file)[0]
                texts = [note.text for note in list_notes(event_file, session.id)]
                assert texts.count("Note prise pendant la coupure") == 1
        finally:
            context.close()
