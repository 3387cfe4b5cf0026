"""No page scrolls sideways on a small phone (320 and 360 CSS pixels wide), whatever the
names and texts it shows: the audience's page, the podium, and the four team pages in each
of their views, with long unbroken words, long names, mixed scripts and emoji, in a
left-to-right and a right-to-left language. A control wider than the screen (the
co-moderator's "Answered by" list, as wide as the longest speaker's name) put half the
page out of reach on a phone held upright. Debian's chromium, the real server."""

from __future__ import annotations

import time

import pytest

from facilitator.actions import notes, polls, speakers, team
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.actions.ids import SessionId
from facilitator.audience.runner import PhoneServer
from facilitator.core.team import Role
from facilitator.store import questions as qstore
from facilitator.store.sessions import list_sessions, set_questions_open

pytestmark = pytest.mark.browser

UNBROKEN = "https://example.org/" + "verylongunbrokenword" * 12
MIXED = "السؤال about SDG 11 للمدن الوسيطة 🌍👩🏽‍🌾 नमस्ते दुनिया " + "😀" * 40
LONG_NAME = "Representative of the Network of Intermediary Cities of Latin America"

# What each page is asked to show, besides its first view: (page, selector clicked).
VIEWS = {
    "phone": [None],
    "podium": [None],
    Role.RAPPORTEUR.value: [None],
    Role.TIMEKEEPER.value: [None],
    Role.CO_MODERATOR.value: [None, "[data-filter=approved]", "[data-filter=answered]",
                              "[data-filter=rejected]", "[data-view=polls]"],
}

SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const out = Array.from(document.querySelectorAll("body *")).filter(node => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1);
  }).map(node => node.tagName.toLowerCase() + (node.id ? "#" + node.id : "")
         + (node.className ? "." + String(node.className).split(" ")[0] : ""));
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 6)};
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from facilitator.store import EventFile
    from facilitator.store.agenda_io import create_event_file

    path = create_event_file(tmp_path_factory.mktemp("narrow") / "event.db", "walrg")
    with EventFile.open(path) as ef:
        session = list_sessions(ef)[0]
        set_questions_open(ef, session.id, True)
        for n, (status, text) in enumerate([("approve", UNBROKEN), ("approve", MIXED),
                                            ("answer", UNBROKEN), ("reject", MIXED),
                                            (None, UNBROKEN)]):
            question, _ = qstore.submit_question(
                ef, session.id, text, now=time.time(), device_id=f"device-{n:08d}",
                author=LONG_NAME + " " + "名前" * 10, organisation="Организация" * 6)
            if status == "approve":
                qstore.approve_question(ef, question.id, now=time.time())
            elif status == "answer":
                qstore.approve_question(ef, question.id, now=time.time())
                qstore.mark_answered(ef, question.id, LONG_NAME, now=time.time())
            elif status == "reject":
                qstore.reject_question(ef, question.id, now=time.time())
        run(ef, LAPTOP, speakers.toggle(session.id, time.time()))
        for n, text in enumerate((UNBROKEN, MIXED)):
            run(ef, LAPTOP, notes.take_note(SessionId(session.stored_id), text,
                                            client_id=f"note-{n:08d}", typed_at=time.time(),
                                            taken_by="laptop"))
        poll = run(ef, LAPTOP, polls.add_poll(session.id, MIXED, "single",
                                              [UNBROKEN[:80], LONG_NAME, MIXED[:60]])).result
        run(ef, LAPTOP, polls.open_poll(session.id, poll, now=time.time()))
        urls = {role.value: f"/r/{run(ef, LAPTOP, team.create_role_link(role, LONG_NAME[:60], now=time.time())).result.token}"  # noqa: E501
                for role in Role}
        urls["phone"] = f"/j/{session.join_token}"
        urls["podium"] = urls.pop(Role.PODIUM.value)
    server = PhoneServer(path, host="127.0.0.1", port=0)
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}", urls
    finally:
        server.stop()


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("language", ["en-GB", "ar"])
@pytest.mark.parametrize("page_name", sorted(VIEWS))
def test_no_page_scrolls_sideways_on_a_narrow_phone(browser, served, page_name, language,
                                                    width) -> None:
    base, urls = served
    context = browser.new_context(locale=language, viewport={"width": width, "height": 740},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base + urls[page_name])
        page.wait_for_function("() => !document.body.classList.contains('loading')")
        page.wait_for_timeout(1500)  # the first state drawn
        for view in VIEWS[page_name]:
            if view is not None:
                page.click(view)
                page.wait_for_timeout(300)
            found = page.evaluate(SIDEWAYS)
            assert found["scroll"] <= found["width"] and not found["out"], (view, found)
    finally:
        context.close()
