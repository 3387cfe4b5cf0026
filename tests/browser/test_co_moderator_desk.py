"""The co-moderator's page runs the laptop's moderation from a phone (issue 14, Done when):
a question approved and put on screen from the browser shows in the laptop's table and on
the projector within a second. And both desks, at phone and laptop sizes, in English and
Arabic, with no axe-core violation at all."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from facilitator.actions import polls, speakers, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.audience.runner import PhoneServer
from facilitator.core.questions import QuestionStatus
from facilitator.core.team import Role
from facilitator.store import notes as note_store
from facilitator.store import polls as poll_store
from facilitator.store import questions as qstore
from facilitator.store import summaries
from facilitator.store.sessions import list_sessions, set_questions_open
from tests.browser.conftest import PHONE
from tests.browser.test_phone_accessibility import axe_problems

pytestmark = pytest.mark.browser

LAPTOP_SIZE = {"viewport": {"width": 1280, "height": 800}}
SIZES = {"phone": PHONE, "laptop": LAPTOP_SIZE}


def link(event_file, role: Role, name: str) -> str:
    return run(event_file, LAPTOP, team.create_role_link(role, name, now=time.time())
               ).result.token


def ask(event_file, session_id: int) -> list[int]:
    set_questions_open(event_file, session_id, True)
    ids = []
    for i, (text, author, org) in enumerate([
        ("How will local governments get direct access to climate finance?", "Amina Diallo",
         "City of Dakar"),
        ("What role for intermediary cities in the New Urban Agenda review?", "", ""),
        ("كيف ستحصل الحكومات المحلية على التمويل المناخي بشكل مباشر؟", "سلمى", "بلدية تونس"),
    ]):
        question, _ = qstore.submit_question(event_file, session_id, text, now=time.time(),
                                             author=author, organisation=org,
                                             device_id=f"phone-{i}")
        ids.append(question.id)
    return ids


def pump_until(qtbot, check, timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        qtbot.wait(10)
    assert check()
    return time.monotonic() - start


def test_a_co_moderator_approves_and_puts_on_screen_the_laptop_shows_it_within_a_second(
        qtbot, questions_window, browser, event_file):
    window = questions_window
    tab = window.tabs["Questions"]
    session = list_sessions(event_file)[0]
    first, _, _ = ask(event_file, session.id)
    token = link(event_file, Role.CO_MODERATOR, "Jo")
    assert tab.open_questions(session_id=session.id)
    tab.set_session(session.id)
    pump_until(qtbot, lambda: tab.model.rowCount() == 3, 2.0)
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{tab.server.port}/r/{token}")
        card = page.locator("#questions li", has_text="climate finance")
        expect(card).to_be_visible()

        def row_status() -> QuestionStatus:
            for row in range(tab.model.rowCount()):
                question = tab.model.question_at(row)
                if question.id == first:
                    return question.status
            raise AssertionError("the question left the laptop's table")

        card.get_by_role("button", name="Approve").click()
        approved = pump_until(qtbot, lambda: row_status() is QuestionStatus.APPROVED, 1.0)

        page.get_by_role("button", name="Approved (1)").click()
        card = page.locator("#questions li", has_text="climate finance")
        card.get_by_role("button", name="Put on screen").click()
        projector = tab.projector()
        shown = pump_until(qtbot, lambda: "climate finance" in
                           projector.question_label.text(), 1.0)
        assert qstore.get_question(event_file, first).on_screen
        expect(card).to_contain_text("On screen")
        print(f"approve shown in the table {approved:.2f} s, on the projector {shown:.2f} s "
              "after the click")
        # Logged as the co-moderator's device.
        lines = [row[0] for row in event_file.db.execute(
            "SELECT detail FROM event_log WHERE action LIKE '%screen%'")]
        assert any('"by": "co_moderator:Jo"' in line for line in lines), lines
    finally:
        context.close()


@pytest.fixture
def desks(event_file):
    """A live server with a rapporteur's and a co-moderator's link and a little in each."""
    session = list_sessions(event_file)[0]
    ids = ask(event_file, session.id)
    qstore.approve_question(event_file, ids[0], now=time.time())
    qstore.set_on_screen(event_file, session.id, ids[0], now=time.time())
    run(event_file, LAPTOP, speakers.toggle(session.id, time.time() - 95))  # someone speaks
    # Polls: one open with answers and its results shown, one a word cloud already closed,
    # one prepared (the co-moderator's Polls view shows each state).
    choice = run(event_file, LAPTOP, polls.add_poll(
        session.id, "Which priority first for your city?", "single",
        ["Affordable housing", "Public transport", "Water and sanitation"])).result
    cloud = run(event_file, LAPTOP, polls.add_poll(session.id, "One word for your city",
                                                   "words")).result
    run(event_file, LAPTOP, polls.add_poll(session.id, "How useful was this session?",
                                           "rating", scale=5))
    run(event_file, LAPTOP, polls.open_poll(session.id, cloud, now=time.time()))
    for n, words in enumerate(["green, safe", "Green", "مياه, fair", "safe"]):
        poll_store.answer_poll(event_file, cloud, f"phone-{n}", words, now=time.time())
    run(event_file, LAPTOP, polls.open_poll(session.id, choice, now=time.time()))
    for n, option in enumerate([0, 0, 2, 1, 0, 2, 0]):
        poll_store.answer_poll(event_file, choice, f"phone-{n}", option, now=time.time())
    run(event_file, LAPTOP, polls.show_results(session.id, choice))
    tokens = {role: link(event_file, role, name)
              for role, name in ((Role.RAPPORTEUR, "Amina"), (Role.CO_MODERATOR, "Jo"))}
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}", tokens, server
    finally:
        server.stop()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_axe_violations_on_the_desks_and_their_screenshots(browser, desks, size, language,
                                                              screenshots):
    base, tokens, _ = desks
    context = browser.new_context(locale=language, **SIZES[size])
    page = context.new_page()
    try:
        page.goto(f"{base}/r/{tokens[Role.RAPPORTEUR]}")
        expect(page.locator("#speaking")).not_to_be_empty()
        expect(page.locator("#section-key_messages")).to_be_visible()
        page.fill("#note-text", "Local governments need a seat at the table.")
        page.press("#note-text", "Control+Enter")
        expect(page.locator("#notes li.note")).to_have_count(1)
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar"
                                                       else "ltr")
        assert axe_problems(page, every=True) == []
        if language == "en":
            page.screenshot(path=str(screenshots / f"rapporteur-{size}.png"))
        page.goto(f"{base}/r/{tokens[Role.CO_MODERATOR]}")
        expect(page.locator("#questions li").first).to_be_visible()
        assert axe_problems(page, every=True) == []
        if language == "en":
            page.locator(".filter").first.focus()  # the new questions, as a co-moderator starts
            page.screenshot(path=str(screenshots / f"co-moderator-new-{size}.png"))
        page.get_by_role("button", name=page.locator(".filter").nth(1).inner_text()).click()
        expect(page.locator("#questions li").first).to_be_visible()
        assert axe_problems(page, every=True) == []
        if language == "en":
            page.screenshot(path=str(screenshots / f"co-moderator-{size}.png"))
        # The polls: states, live results as bars with counts and percentages in words.
        page.locator(".view[data-view=polls]").click()
        expect(page.locator("#polls > li")).to_have_count(3)
        expect(page.locator("#polls li.open .poll-bar")).to_have_count(3)
        page.locator("#new-poll summary").click()
        assert axe_problems(page, every=True) == []
        if language == "en":
            page.locator("#new-poll summary").click()  # folded again, as a desk starts
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(screenshots / f"co-moderator-polls-{size}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_offline_rapporteur_desk_says_what_waits_screenshot(browser, desks, size, screenshots,
                                                            event_file):
    base, tokens, server = desks
    context = browser.new_context(locale="en-GB", **SIZES[size])
    page = context.new_page()
    try:
        page.goto(f"{base}/r/{tokens[Role.RAPPORTEUR]}")
        expect(page.locator("#connection")).to_have_text("Connected to the laptop")
        # The laptop has answered one of the page's polls; the summary (its own poll) may
        # still be on its way, and its sections are typed in below: wait for them.
        expect(page.locator("#section-way_forward")).to_be_visible()
        expect(page.locator("#speaking")).not_to_be_empty()
        server.stop()  # the Wi-Fi drops
        for text in ("Cities want a direct window in the climate funds.",
                     "Tunis: 30% of the budget voted by neighbourhood councils."):
            page.fill("#note-text", text)
            page.press("#note-text", "Control+Enter")
        expect(page.locator("#connection")).to_have_text("Offline — 2 notes waiting",
                                                         timeout=8000)
        expect(page.locator("#notes li.waiting")).to_have_count(2)
        assert axe_problems(page, every=True) == []
        page.screenshot(path=str(screenshots / f"rapporteur-offline-{size}.png"))
        # A summary section saved offline waits on the device, then reaches the laptop.
        page.fill("#section-way_forward", "Meet again in Baku")
        page.locator(".section", has=page.locator("#section-way_forward")) \
            .get_by_role("button", name="Save").click()
        expect(page.locator("#section-way_forward-status")).to_have_text(
            "Offline: saved when the laptop is back")
        again = PhoneServer(event_file.path, host="127.0.0.1", port=server.port)
        again.start()
        try:
            expect(page.locator("#connection")).to_have_text("Connected to the laptop",
                                                             timeout=15_000)
            expect(page.locator("#section-way_forward-status")).to_have_text("Saved")
            session = list_sessions(event_file)[0]
            assert summaries.get_summary(event_file, session.id).way_forward == \
                "Meet again in Baku"
            assert len(note_store.list_notes(event_file, session.id)) == 2
        finally:
            again.stop()
    finally:
        context.close()


def test_wording_star_merge_and_answered_by_from_the_page(browser, desks, event_file):
    base, tokens, _ = desks
    session = list_sessions(event_file)[0]
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    try:
        page.goto(f"{base}/r/{tokens[Role.CO_MODERATOR]}")
        cards = page.locator("#questions li")
        expect(cards).to_have_count(2)  # the two new ones
        card = cards.filter(has_text="intermediary cities")
        card.get_by_role("button", name="Edit wording").click()
        page.locator("textarea[id^=wording-]").fill(
            "What role for intermediary cities in the review?")
        page.get_by_role("button", name="Save").click()
        expect(cards.filter(has_text="in the review?")).to_contain_text(
            "As sent: What role for intermediary cities in the New Urban Agenda review?")
        card = cards.filter(has_text="in the review?")
        card.get_by_role("button", name="Star", exact=True).click()
        expect(card).to_contain_text("Starred")
        card.get_by_role("button", name="Merge…").click()
        page.get_by_label("Merge into the chosen question").check()
        page.get_by_role("button", name="Merge 2 questions").click()
        expect(cards).to_have_count(0)  # the kept question stands for both: approved
        kept = [q for q in qstore.list_questions(event_file, session.id)
                if q.status is not QuestionStatus.MERGED and q.starred]
        assert [q.text for q in kept] == ["What role for intermediary cities in the review?"]
        page.get_by_role("button", name=re.compile(r"^Approved \(2\)")).click()
        card = cards.filter(has_text="in the review?")
        speaker = card.locator("select")
        speaker.select_option(index=1)
        page.get_by_role("button", name=re.compile(r"^Answered \(1\)")).click()
        expect(cards.filter(has_text="in the review?")).to_contain_text("Answered by")
        assert qstore.get_question(event_file, kept[0].id).status is QuestionStatus.ANSWERED
    finally:
        context.close()


def test_a_wording_edited_on_the_laptop_meanwhile_is_shown_not_overwritten(
        browser, desks, event_file):
    """The co-moderator edits a question's wording while the moderator fixes it on the
    laptop: the save is refused and says the laptop's wording, what was typed stays in the
    editor, and a second save replaces it knowingly (as for tags and summary sections)."""
    from facilitator.actions.ids import QuestionId, SessionId
    from facilitator.actions.questions import edit_wording

    base, tokens, _ = desks
    session = list_sessions(event_file)[0]
    context = browser.new_context(locale="en-GB", **PHONE)
    page = context.new_page()
    try:
        page.goto(f"{base}/r/{tokens[Role.CO_MODERATOR]}")
        card = page.locator("#questions li").filter(has_text="intermediary cities")
        card.get_by_role("button", name="Edit wording").click()
        editor = page.locator("textarea[id^=wording-]")
        question_id = int(editor.get_attribute("id").split("-")[1])
        mine = "What role for intermediary cities in the review?"
        editor.fill(mine)
        laptops = "What role for intermediary cities (ciudades intermedias) in the review?"
        run(event_file, LAPTOP, edit_wording(SessionId(session.stored_id),
                                             QuestionId(question_id), laptops, now=time.time()))
        page.get_by_role("button", name="Save").click()
        expect(page.locator("#action-message")).to_have_text(
            f"Edited on the laptop meanwhile: “{laptops}”. Save again to replace it with "
            "your wording.")
        expect(editor).to_have_value(mine)
        assert qstore.get_question(event_file, question_id).text == laptops
        page.get_by_role("button", name="Save").click()
        expect(editor).to_have_count(0)
        assert qstore.get_question(event_file, question_id).text == mine
    finally:
        context.close()
