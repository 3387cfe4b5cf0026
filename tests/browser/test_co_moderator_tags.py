"""The co-moderator tags questions from the page (issue 16 item 3): the tag picker lists the
laptop's choices with the question's suggested tags first and marked, Save runs the
laptop's tag command, the card shows the tags at once, the laptop's Questions tab within
its news delay, and the page again after a reload. Refusals and a dropped Wi-Fi are said
in the page's language, the ticks kept."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.core.team import Role
from facilitator.store import questions as qstore
from facilitator.store.question_tags import question_tags
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.browser.conftest import PHONE, role_link_served
from tests.browser.test_co_moderator_desk import link, pump_until
from tests.browser.test_phone_accessibility import axe_problems

pytestmark = pytest.mark.browser

FINANCE = "Financing localization and localizing finance"


def ask(event_file, session_id: int, text: str, device: str) -> int:
    set_questions_open(event_file, session_id, True)
    return qstore.submit_question(event_file, session_id, text, now=time.time(),
                                  device_id=device)[0].id


def test_a_co_moderator_tags_a_question_the_laptop_shows_it_and_so_does_a_reload(
        qtbot, questions_window, browser, event_file, screenshots):
    tab = questions_window.tabs["Questions"]
    session = list_sessions(event_file)[0]
    asked = ask(event_file, session.id,
                "How will local governments get direct access to climate finance?", "p1")
    ask(event_file, session.id, "Who will speak for informal settlements?", "p2")
    token = link(event_file, Role.CO_MODERATOR, "Jo")
    assert tab.open_questions(session_id=session.id)
    tab.set_session(session.id)
    pump_until(qtbot, lambda: tab.model.rowCount() == 2, 2.0)
    tab.select_question(asked)  # the moderator looks at the question the co-moderator tags
    line = tab.moderation.tags_line
    pump_until(qtbot, lambda: line.isVisibleTo(tab) and "No tags" in line.text(), 1.0)
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{tab.server.port}/r/{token}")
        card = page.locator("#questions li", has_text="climate finance")
        # Untagged, the card says what the words suggest (not yet tags).
        # (Every guiding question of the sample session names local governments.)
        expect(card.locator(".tag-chips")).to_have_text(
            f"Suggested tags: {FINANCE}, SDG 13, Q1, Q2, Q3")
        card.get_by_role("button", name="Tags…").click()
        picker = card.locator(".tag-picker")
        groups = picker.locator("fieldset legend")
        expect(groups.first).to_have_text("Suggested from its words")
        assert groups.all_inner_texts()[1:] == ["SDGs", "WUF12 dialogues and themes"]
        suggested = picker.locator("fieldset").first.locator("label")
        expect(suggested).to_have_count(5)
        expect(suggested.nth(0)).to_contain_text(FINANCE)
        expect(suggested.locator(".badge.suggested")).to_have_text(["suggested"] * 5)
        # As on the laptop, an untagged question opens with its suggestions ticked.
        expect(suggested.locator("input:checked")).to_have_count(5)
        assert axe_problems(page, every=True) == []
        # The co-moderator keeps two suggestions, drops the others, adds SDG 11.
        for dropped in ("SDG 13", "Q2", "Q3"):
            picker.locator(f"input[value='{dropped}']").uncheck()
        picker.get_by_label("SDG 11: Sustainable cities and communities").check()
        expect(picker.get_by_label("SDG 11: Sustainable cities and communities")).to_be_checked()
        # Another card's action redraws the list: what is ticked stays ticked.
        other = page.locator("#questions li", has_text="informal settlements")
        other.get_by_role("button", name="Approve").click()
        expect(other).to_have_count(0)  # gone to "Approved"
        expect(picker.get_by_label("SDG 11: Sustainable cities and communities")).to_be_checked()
        expect(picker.locator("input[value='SDG 13']")).not_to_be_checked()
        # The picker from the question down: the suggestions, then the groups.
        card.evaluate("card => { card.scrollIntoView(); window.scrollBy(0, -40); }")
        page.screenshot(path=str(screenshots / "co-moderator-tags.png"))
        picker.get_by_role("button", name="Save").click()
        chips = card.locator(".tag-chip")
        # In the list's order (guiding questions, SDGs, dialogues), as the laptop saves them.
        expect(chips).to_have_text(["Q1", "SDG 11", FINANCE])
        expect(card.get_by_role("button", name="Tags (3)")).to_be_visible()
        expect(picker).to_have_count(0)
        # The laptop: the event file, logged as the co-moderator, and the Questions tab.
        assert question_tags(event_file, asked) == ("Q1", "SDG 11", FINANCE)
        shown = pump_until(qtbot, lambda: "SDG 11" in line.text(), 1.0)
        assert line.text() == f"Tags: Q1 · SDG 11 · {FINANCE}"
        print(f"the laptop's Questions tab showed the tags {shown:.2f} s after the answer")
        log = [json.loads(row[0]) for row in event_file.db.execute(
            "SELECT detail FROM event_log WHERE action = 'question_tagged'")]
        assert log[-1]["role"] == "co-moderator" and log[-1]["by"] == "co_moderator:Jo"
        page.reload()
        card = page.locator("#questions li", has_text="climate finance")
        expect(card.locator(".tag-chip")).to_have_text(["Q1", "SDG 11", FINANCE])
        # Reopened, its own tags are ticked, no longer the suggestions.
        card.get_by_role("button", name="Tags (3)").click()
        picker = card.locator(".tag-picker")
        expect(picker.locator("input:checked")).to_have_count(3)
        expect(picker.get_by_label("SDG 13: Climate action")).not_to_be_checked()
        expect(picker.get_by_label("SDG 11: Sustainable cities and communities")).to_be_checked()
    finally:
        context.close()


@pytest.fixture
def french_desk(event_file):
    session = list_sessions(event_file)[0]
    asked = ask(event_file, session.id, "Comment financer le logement abordable ?", "p1")
    token = link(event_file, Role.CO_MODERATOR, "Jo")
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}/r/{token}", asked, server
    finally:
        server.stop()


def test_in_french_refusals_and_a_dropped_wifi_are_said_and_the_ticks_kept(
        browser, french_desk, event_file):
    url, asked, server = french_desk
    context = browser.new_context(locale="fr-FR", **PHONE)
    page = context.new_page()
    try:
        page.goto(url)
        card = page.locator("#questions li", has_text="logement")
        expect(card.locator(".tag-chips")).to_contain_text("Étiquettes suggérées :")
        card.get_by_role("button", name="Étiquettes…").click()
        picker = card.locator(".tag-picker")
        expect(picker.locator("h2")).to_have_text("Étiquettes de la question")
        expect(picker.locator(".hint")).to_have_text(
            "Cochées d'après les mots de la question : vérifiez-les.")
        expect(picker.locator("legend")).to_have_text(
            ["Suggérées d'après ses mots", "Questions directrices", "ODD",
             "Dialogues et thèmes du WUF12"])
        expect(picker.locator(".badge.suggested").first).to_have_text("suggérée")
        # More tags than a question takes: said before anything is sent.
        boxes = picker.locator("input[type=checkbox]")
        for index in range(13):
            boxes.nth(index).check()
        picker.get_by_role("button", name="Enregistrer").click()
        message = page.locator("#action-message")
        expect(message).to_have_text("Étiquettes non enregistrées : une question a au plus "
                                     "12 étiquettes, chacune un texte court.")
        assert question_tags(event_file, asked) == ()
        for index in range(2, 13):
            boxes.nth(index).uncheck()
        # A tag the laptop refuses (a device can send anything): its refusal in French, 4xx.
        refused = []
        page.on("response", lambda r: refused.append(r.status) if "/tags" in r.url else None)
        page.route("**/tags", lambda route: route.continue_(
            post_data=json.dumps({"tags": ["x" * 500]})))
        picker.get_by_role("button", name="Enregistrer").click()
        expect(message).to_contain_text("Étiquettes non enregistrées")
        assert refused == [400]
        page.unroute("**/tags")
        # The Wi-Fi drops: not done, said so, the picker stays open with its ticks.
        server.stop()
        picker.get_by_role("button", name="Enregistrer").click()
        expect(message).to_have_text("Non fait : l’ordinateur est injoignable. Réessayez "
                                     "quand la connexion revient.")
        expect(picker.locator("input:checked")).to_have_count(2)
        assert question_tags(event_file, asked) == ()
    finally:
        context.close()


@pytest.fixture
def desk_server(event_file):
    with role_link_served(event_file, Role.CO_MODERATOR, "Jo") as url:
        yield url


def test_tags_set_on_the_laptop_meanwhile_are_not_overwritten(browser, desk_server,
                                                               event_file):
    """The picker open on the phone, the laptop sets Q1 and SDG 5: the card's chips follow
    the queue, Save is refused (409 tags_changed) and said, nothing written, the picker
    stays open with the laptop's tags ticked; saved again from them, it goes through."""
    from facilitator.actions.actor import LAPTOP
    from facilitator.actions.command import run
    from facilitator.actions.ids import QuestionId, SessionId
    from facilitator.actions.questions import set_tags

    session = list_sessions(event_file)[0]
    asked = ask(event_file, session.id, "How do women get affordable housing?", "p1")
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    try:
        page.goto(desk_server)
        card = page.locator("#questions li", has_text="affordable housing")
        card.get_by_role("button", name="Tags…").click()
        picker = card.locator(".tag-picker")
        expect(picker.locator("input:checked").first).to_be_checked()
        run(event_file, LAPTOP, set_tags(SessionId(session.stored_id), QuestionId(asked),
                                         ["Q1", "SDG 5"]))
        expect(card.locator(".tag-chip")).to_have_text(["Q1", "SDG 5"], timeout=5000)
        expect(picker).to_be_visible()
        picker.locator("input[value='Housing our future']").check()
        picker.get_by_role("button", name="Save").click()
        expect(page.locator("#action-message")).to_have_text(
            "Changed on the laptop meanwhile: check the tags again.")
        assert question_tags(event_file, asked) == ("Q1", "SDG 5")
        expect(picker).to_be_visible()
        expect(picker.locator("input:checked")).to_have_count(2)
        expect(picker.locator("input[value='Q1']")).to_be_checked()
        expect(picker.locator("input[value='SDG 5']")).to_be_checked()
        # Checked again from the laptop's tags: saved, nothing of the laptop's lost.
        picker.locator("input[value='Housing our future']").check()
        picker.get_by_role("button", name="Save").click()
        expect(picker).to_have_count(0)
        assert question_tags(event_file, asked) == ("Q1", "SDG 5", "Housing our future")
    finally:
        context.close()


def test_the_picker_by_keyboard_focus_goes_in_and_escape_comes_back(browser, desk_server,
                                                                    event_file):
    session = list_sessions(event_file)[0]
    asked = ask(event_file, session.id, "How do women get affordable housing?", "p1")
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    try:
        page.goto(desk_server)
        card = page.locator("#questions li", has_text="affordable housing")
        button = card.get_by_role("button", name="Tags…")
        button.focus()
        page.keyboard.press("Enter")
        picker = card.locator(".tag-picker")
        first = picker.locator("input[type=checkbox]").first
        expect(first).to_be_focused()
        page.keyboard.press("Space")  # ticks change, then Escape: nothing saved
        page.keyboard.press("Escape")
        expect(picker).to_have_count(0)
        expect(card.get_by_role("button", name="Tags…")).to_be_focused()
        assert question_tags(event_file, asked) == ()
    finally:
        context.close()


def test_in_arabic_the_suggested_tags_are_each_isolated(browser, desk_server, event_file):
    session = list_sessions(event_file)[0]
    ask(event_file, session.id, "How do women get affordable housing?", "p1")
    context = browser.new_context(locale="ar", **PHONE)
    page = context.new_page()
    try:
        page.goto(desk_server)
        line = page.locator("#questions li .tag-chips.suggested-only")
        expect(line).to_contain_text("وسوم مقترحة")
        tags = line.locator("bdi").all_inner_texts()
        assert "SDG 5" in tags and "Housing our future" in tags
        assert line.inner_text().startswith("وسوم مقترحة: ")
    finally:
        context.close()
