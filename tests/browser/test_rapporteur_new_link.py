"""Notes waiting under a rapporteur's link that the moderator revoked meanwhile, and gave
the device a new one for (a tablet offline for a while, a link thought lost), are not
stranded: the page opened with the new link sends them on, each stored once, logged with the
new link. Only a link the laptop says is revoked gives its notes up: another live link's
notes in the same browser stay its own. Debian's chromium, the real server."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.runner import PhoneServer
from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store.sessions import list_sessions

pytestmark = pytest.mark.browser

NOTES = re.compile(r".*/api/r/[^/]+/notes$")


def add_note(page, text: str) -> None:
    page.fill("#note-text", text)
    page.press("#note-text", "Control+Enter")


def new_link(event_file, name: str) -> str:
    return run(event_file, LAPTOP, team.create_role_link(Role.RAPPORTEUR, name,
                                                         now=time.time())).result.token


def test_notes_waiting_under_a_revoked_link_go_on_with_the_new_one(browser, event_file):
    session = list_sessions(event_file)[0]
    old, other = new_link(event_file, "Tablet"), new_link(event_file, "Ben")
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    context = browser.new_context(locale="en-GB")
    try:
        base = f"http://127.0.0.1:{server.port}"
        page = context.new_page()
        page.goto(f"{base}/r/{old}")
        expect(page.locator("#connection")).to_have_text("Connected to the laptop")
        # Ben's live link in the same browser, with a note of his waiting: not taken over.
        ben = context.new_page()
        ben.goto(f"{base}/r/{other}")
        expect(ben.locator("#connection")).to_have_text("Connected to the laptop")
        ben.route(NOTES, lambda route: route.abort("internetdisconnected"))
        add_note(ben, "Ben: waiting for the Wi-Fi")
        expect(ben.locator("#notes li.waiting")).to_have_count(1)
        ben.close()

        # The tablet's Wi-Fi drops; a note waits. The moderator revokes its link meanwhile.
        page.route(NOTES, lambda route: route.abort("internetdisconnected"))
        add_note(page, "First: typed offline — قبل الانقطاع")
        expect(page.locator("#notes li.waiting")).to_have_count(1)
        run(event_file, LAPTOP, team.revoke_role_link(old, now=time.time()))
        # Back: the old link is refused; the note stays on screen, refused, not stored.
        page.unroute(NOTES)
        expect(page.locator("#notes li.waiting")).to_have_count(0, timeout=10_000)
        expect(page.get_by_text("This link was revoked").first).to_be_visible()
        # One more note, typed and the tab closed before it could go.
        page.route(NOTES, lambda route: route.abort("internetdisconnected"))
        add_note(page, "Second: never sent by the old page")
        expect(page.locator("#notes li.waiting")).to_have_count(1)
        page.close()
        assert note_store.list_notes(event_file, session.id) == []

        # The new link, opened in the same browser: both notes go, once, as the new link's.
        fresh = new_link(event_file, "Tablet again")
        page = context.new_page()
        page.goto(f"{base}/r/{fresh}")
        expect(page.locator("#connection")).to_have_text("Connected to the laptop",
                                                         timeout=10_000)
        deadline = time.monotonic() + 10
        while len(note_store.list_notes(event_file, session.id)) < 2 \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        page.reload()  # started again: nothing is sent twice
        expect(page.locator("#connection")).to_have_text("Connected to the laptop")
        time.sleep(1)
        stored = note_store.list_notes(event_file, session.id)
        assert sorted(note.text for note in stored) == [
            "First: typed offline — قبل الانقطاع", "Second: never sent by the old page"]
        assert {note.taken_by for note in stored} == {"rapporteur:Tablet again"}
        expect(page.locator("#notes li")).to_have_count(2)
        # Ben's note is still his, waiting in his link's outbox.
        waiting = page.evaluate(f"JSON.parse(localStorage.getItem("
                                f"'facilitator.desk.{other}.outbox'))")
        assert [entry["text"] for entry in waiting] == ["Ben: waiting for the Wi-Fi"]
    finally:
        context.close()
        server.stop()


@pytest.mark.parametrize("role", [Role.RAPPORTEUR, Role.CO_MODERATOR])
def test_a_revoked_desk_says_so_on_its_connection_line(browser, event_file, role) -> None:
    """Revoked, a desk's line no longer says "Connected to the laptop" beside the refusal."""
    token = run(event_file, LAPTOP, team.create_role_link(role, "Desk", now=time.time())
                ).result.token
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/r/{token}")
        expect(page.locator("#connection")).to_have_text("Connecté à l’ordinateur")
        run(event_file, LAPTOP, team.revoke_role_link(token, now=time.time()))
        expect(page.locator("#connection")).to_have_text(
            "Ce lien a été révoqué. Demandez-en un nouveau au modérateur.", timeout=10_000)
        expect(page.locator("#connection")).to_have_class(re.compile(r"\boffline\b"))
        expect(page.locator("#error")).to_be_hidden()
    finally:
        context.close()
        server.stop()
