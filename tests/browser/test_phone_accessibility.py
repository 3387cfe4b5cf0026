"""The phone pages for everyone: Arabic right to left, axe-core, and 200% text.

axe-core comes bundled in the ``axe-playwright-python`` package (axe.min.js, MPL-2.0), so
nothing is fetched at test time. Its script is injected through ``page.evaluate``, which
the page's strict CSP does not apply to (it only governs the page's own scripts).
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.store import questions as store
from facilitator.store.sessions import (
    list_sessions,
    list_slots,
    save_timer,
    set_current_slot,
    set_questions_open,
)
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")
SERIOUS = ("serious", "critical")


@pytest.fixture
def served(event_file):
    """An open session with approved, voted and on-screen questions, behind a live server."""
    session = list_sessions(event_file)[0]
    set_questions_open(event_file, session.id, True)
    now = time.time()
    texts = [
        ("كيف ستحصل الحكومات المحلية على التمويل المناخي بشكل مباشر؟", "سلمى",
         "بلدية تونس", "phone-a"),
        ("How will local governments get direct access to climate finance?", "Ana Souza",
         "City of Recife", "phone-b"),
        ("Quelle place pour les femmes maires dans la revue du Nouvel Agenda urbain ?", "",
         "CGLU Afrique", "phone-c"),
    ]
    ids = []
    for text, author, org, device in texts:
        q, _ = store.submit_question(event_file, session.id, text, now=now, author=author,
                                     organisation=org, device_id=device)
        store.approve_question(event_file, q.id, now=now)
        ids.append(q.id)
    for i in range(4):
        store.add_vote(event_file, ids[0], f"voter-{i}", now=now)
    store.mark_answered(event_file, ids[2], "", now=now)
    store.set_on_screen(event_file, session.id, ids[0], now=now)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}", session
    finally:
        server.stop()


def axe_problems(page, every: bool = False) -> list[str]:
    """Serious and critical axe-core violations on the page (``every``: of any impact),
    one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:4])
            for v in results.response["violations"] if every or v["impact"] in SERIOUS]


def open_phone(browser, url: str, language: str, **extra):
    context = browser.new_context(locale=language, **{**PHONE, **extra})
    page = context.new_page()
    page.goto(url)
    return context, page


def ask_from_the_page(page, text: str) -> None:
    page.fill("#text", text)
    page.click("#send")
    expect(page.locator("#mine li")).to_have_count(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_axe_violations_on_the_phone_page(browser, served, language):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", language)
    try:
        expect(page.locator("#questions li")).to_have_count(3)
        assert page.evaluate("document.documentElement.lang") == language
        ask_from_the_page(page, "A question to see the page with its own list")
        page.locator("#questions li").nth(1).locator("button.vote").click()
        expect(page.locator("button.vote.voted")).to_have_count(1)
        assert axe_problems(page) == []
        # the code view (the address without a token) and an error shown on it
        page.goto(root + "/")
        page.fill("#code", "ZZZZZZ")
        page.click("#code-form button")
        expect(page.locator("#error")).to_be_visible()
        assert axe_problems(page) == []
    finally:
        context.close()


def test_no_serious_axe_violations_on_a_closed_session(browser, served, event_file):
    root, session = served
    set_questions_open(event_file, session.id, False)
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", "ar")
    try:
        expect(page.locator("#closed")).to_be_visible()
        assert axe_problems(page) == []
    finally:
        context.close()


def test_no_serious_axe_violations_on_the_not_found_page(browser, served):
    root, _ = served
    context, page = open_phone(browser, f"{root}/j/not-a-real-token", "ar")
    try:
        expect(page.locator("h1")).to_have_text("This link is not valid")
        expect(page.locator("p[lang=ar]")).to_have_attribute("dir", "rtl")
        assert axe_problems(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_serious_axe_violations_on_the_speaker_view(browser, event_file, language):
    session = list_sessions(event_file)[0]
    slot = list_slots(event_file, session.id)[0]
    set_current_slot(event_file, session.id, slot.id)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    context, page = open_phone(browser, f"http://127.0.0.1:{server.port}/s/"
                               f"{session.speaker_token}", language)
    try:
        expect(page.locator("#name")).to_have_text(slot.person.name)
        assert axe_problems(page) == []  # ready, before the start
        # every level of the clock: normal, warning, danger and over time
        for left in (600, session.warning_seconds - 5, session.danger_seconds - 5, -30):
            started = time.time() - (slot.planned_seconds - left)
            save_timer(event_file, slot.id, slot.clock.start(started), "slot_started")
            page.wait_for_timeout(1300)
            assert axe_problems(page) == [], left
        expect(page.locator("body")).to_have_class("speaker overtime")
    finally:
        context.close()
        server.stop()


def box(page, selector: str) -> dict[str, float]:
    return page.locator(selector).first.bounding_box()


def test_arabic_page_is_right_to_left(browser, served):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", "ar-EG")
    try:
        expect(page.locator("#send")).to_have_text("إرسال السؤال")
        expect(page.locator("#questions li")).to_have_count(3)
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") \
            == ["ar", "rtl"]
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        expect(page.locator("#language")).to_have_value("ar")
        expect(page.locator("#language")).to_have_attribute("aria-label", "اللغة")
        width = PHONE["viewport"]["width"]
        # The title starts on the right, the language picker sits on the left.
        assert box(page, "#title")["x"] > box(page, "#language")["x"]
        # Labels start at the right edge of their card.
        card = box(page, "#ask-form")
        label = page.evaluate("""() => { const r = document.createRange();
            r.selectNodeContents(document.querySelector('label[for=text]'));
            const b = r.getBoundingClientRect(); return [b.left, b.right]; }""")
        assert label[1] > card["x"] + card["width"] - 30 and label[0] > card["x"] + 60
        # The counter is at the end of the line, which is the left in Arabic.
        counter = box(page, "#counter")
        assert counter["x"] < card["x"] + card["width"] / 2
        # The on-screen card's accent border is on the right, the reading side.
        borders = page.evaluate("""() => { const s = getComputedStyle(
            document.getElementById('on-screen')); return [s.borderRightWidth,
            s.borderLeftWidth]; }""")
        assert borders == ["6px", "0px"]
        # The vote button is at the end of each question: on the left.
        item = box(page, "#questions li")
        vote = box(page, "#questions li button.vote")
        assert vote["x"] < item["x"] + item["width"] / 2
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # The session code stays left to right (Latin letters) on the code page.
        page.goto(root + "/")
        assert page.evaluate("getComputedStyle(document.getElementById('code')).direction") \
            == "ltr"
        # Switching back to English turns the page left to right again.
        page.select_option("#language", "en")
        expect(page.locator("#code-form button")).to_have_text("Join")
        assert page.evaluate("document.documentElement.dir") == "ltr"
    finally:
        context.close()


def test_arabic_question_is_sent_and_tagged(browser, served, event_file):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", "ar")
    try:
        ask_from_the_page(page, "ما دور الشباب في تنفيذ الخطة الحضرية الجديدة؟")
        expect(page.locator("#form-message")).to_contain_text("تم الإرسال")
        expect(page.locator("#mine .badge")).to_have_text("بانتظار المراجعة")
        mine = [q for q in store.list_questions(event_file, session.id)
                if q.text.startswith("ما دور")]
        assert len(mine) == 1 and mine[0].language == "ar"
    finally:
        context.close()


def test_phone_page_screenshot_in_arabic(browser, served, screenshots):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", "ar")
    try:
        expect(page.locator("#questions li")).to_have_count(3)
        page.fill("#text", "ما المدن التي تنشر بالفعل مراجعات محلية طوعية؟")
        page.fill("#author", "ليلى")
        page.locator("#questions li").nth(1).locator("button.vote").click()
        expect(page.locator("button.vote.voted")).to_have_count(1)
        page.screenshot(path=str(screenshots / "phone-ar.png"), full_page=True)
    finally:
        context.close()



@pytest.mark.parametrize("language, text, label", [
    ("zh", "哪些城市已经发布了自愿地方审查？", "发送问题"),
    ("ru", "Какие города уже публикуют добровольные местные обзоры?", "Отправить вопрос"),
])
def test_phone_page_in_chinese_and_russian(browser, served, screenshots, language, text,
                                           label):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", language)
    try:
        expect(page.locator("#questions li")).to_have_count(3)
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") \
            == [language, "ltr"]
        expect(page.locator("#send")).to_have_text(label)
        page.fill("#text", text)
        page.screenshot(path=str(screenshots / f"phone-{language}.png"), full_page=True)
    finally:
        context.close()

OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (!r.width) continue;  // hidden
        if (r.left < -1 || r.right > width + 1 || el.scrollWidth > el.clientWidth + 1
                && getComputedStyle(el).overflowX !== 'visible'
                && el.tagName !== 'TEXTAREA' && el.tagName !== 'INPUT') {
            wide.push(el.tagName + '#' + el.id + '.' + el.className);
        }
    }
    return [document.documentElement.scrollWidth, width, wide];
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_works_at_200_percent_text(browser, served, event_file, language, screenshots):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", language)
    try:
        expect(page.locator("#questions li")).to_have_count(3)
        before = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        # The browser's text size setting: the root font size doubled (CSSOM from the test,
        # which the page's CSP allows; the page itself never sets inline style).
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        after = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert after == pytest.approx(2 * before)
        scroll_width, width, wide = page.evaluate(OVERFLOWING)
        assert scroll_width <= width, wide
        assert wide == []
        assert page.evaluate(OVERFLOWING.replace("body *", "#code-view, #code-view *"))[2] \
            == []
        page.fill("#text", "Text at twice the size?")
        send = page.locator("#send")
        send.scroll_into_view_if_needed()
        expect(send).to_be_visible()
        send_box = send.bounding_box()
        assert send_box["x"] >= 0 and send_box["x"] + send_box["width"] <= width
        send.click()  # Playwright refuses a covered or off-screen button
        expect(page.locator("#mine li")).to_have_count(1)
        if language == "ar":
            page.screenshot(path=str(screenshots / "phone-ar-200pct.png"))
        # The code page too.
        page.goto(root + "/")
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        scroll_width, width, wide = page.evaluate(OVERFLOWING)
        assert scroll_width <= width and wide == [], wide
    finally:
        context.close()


def test_each_question_keeps_its_own_direction(browser, served):
    root, session = served
    context, page = open_phone(browser, f"{root}/j/{session.join_token}", "ar")
    try:
        expect(page.locator("#questions li")).to_have_count(3)
        texts = page.locator("#questions .question-text")
        for i in range(3):
            expect(texts.nth(i)).to_have_attribute("dir", "auto")
        # On the Arabic page an English question still reads left to right.
        english = texts.nth(1)
        assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert texts.nth(0).evaluate("e => getComputedStyle(e).direction") == "rtl"
        expect(page.locator("#questions .meta").first).to_have_text("سلمى، بلدية تونس")
        expect(page.locator("#questions .meta").nth(1)).to_have_text("Ana Souza, City of Recife")
    finally:
        context.close()
