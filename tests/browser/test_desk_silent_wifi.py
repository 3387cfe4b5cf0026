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
import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
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


def test_the_rapporteur_start_up_check_of_old_links_gives_up_on_a_silent_wifi(browser,
                                                                             event_file):
    """At start-up the rapporteur's page asks the laptop about the old links whose notes
    wait in this browser (adoptFromDeadLinks), one after the other. A check held
    unanswered waited for ever: the links after it were never asked, their notes never
    sent. Now it gives up like every desk request (REQUEST_TIMEOUT_MS, 8 s), the next link's
    notes go on, and the one not answered is asked again at the next start."""
    session = list_sessions(event_file)[0]
    olds = []
    for name in ("Old tablet", "Old phone"):
        token = run(event_file, LAPTOP, team.create_role_link(Role.RAPPORTEUR, name,
                                                              now=time.time())).result.token
        run(event_file, LAPTOP, team.revoke_role_link(token, now=time.time()))
        olds.append(token)
    texts = {token: f"Note de l’ancien lien {n}" for n, token in enumerate(olds)}
    with role_link_served(event_file, Role.RAPPORTEUR, "Tablette") as url:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        try:
            page.goto(url)
            expect(page.locator("#connection")).to_have_text("Connecté à l’ordinateur")
            # Each old link's note, left in this browser's storage by its page.
            page.evaluate("""(texts) => {
              Object.entries(texts).forEach(([old, text], n) => {
                const entry = {client_id: "old-link-note-000" + n, text: text, kind: "note",
                               tags: [], slot: null, session: null, typed_at: Date.now()};
                localStorage.setItem("facilitator.desk." + old + ".outbox",
                                     JSON.stringify([entry]));
              });
            }""", texts)
            held, failed = [], []
            old_links = re.compile(r".*/api/r/(" + "|".join(olds) + ")$")

            def first_unanswered(route):  # the first old link asked never answers
                if held:
                    route.continue_()
                else:
                    held.append(route.request.url.rsplit("/", 1)[1])

            context.route(old_links, first_unanswered)
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.reload()
            expect(page.locator("#connection")).to_have_text("Connecté à l’ordinateur")
            silent = None
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                stored = [note.text for note in list_notes(event_file, session.id)]
                silent = held[0] if held else None
                if silent and texts[olds[1 - olds.index(silent)]] in stored:
                    break
                page.wait_for_timeout(200)  # Playwright's routes run only while it waits
            assert silent, "the page asked about no old link"
            answered = olds[1 - olds.index(silent)]
            assert texts[answered] in stored and texts[silent] not in stored
            assert any(url.endswith(silent) for url in failed)  # given up, not left hanging

            context.unroute(old_links, first_unanswered)  # back: the next start asks again
            page.reload()
            deadline = time.monotonic() + 15
            while texts[silent] not in stored and time.monotonic() < deadline:
                page.wait_for_timeout(200)
                stored = [note.text for note in list_notes(event_file, session.id)]
            assert stored.count(texts[silent]) == 1 and stored.count(texts[answered]) == 1
        finally:
            context.close()
