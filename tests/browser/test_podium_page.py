"""The podium view in a real browser (Debian chromium) against the real phone server: the
whole stage as on the projector (clock, level words and shapes, pause, the moderator's
message, the question on screen, the blackout), and "connection lost" when the laptop stops
answering, never a frozen clock shown as live."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.audience.runner import PhoneServer
from facilitator.core.stage import StageNotice
from facilitator.store import questions as qstore
from facilitator.store.sessions import (
    list_sessions,
    list_slots,
    save_timer,
    set_current_slot,
    set_questions_open,
    update_session,
)
from facilitator.store.stage import save_stage_notice
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

TABLET = {"viewport": {"width": 1024, "height": 768}, "device_scale_factor": 1,
          "is_mobile": True, "has_touch": True}
WAIT = 4000  # ms: the page polls every second


@pytest.fixture
def stage(event_file):
    """The first session with its first speaker on; the server on a free loopback port."""
    session = list_sessions(event_file)[0]
    update_session(event_file, session.id, warning_seconds=60, danger_seconds=30)
    slot = list_slots(event_file, session.id)[0]
    set_current_slot(event_file, session.id, slot.id)
    server = PhoneServer(event_file.path, host="127.0.0.1", port=0)
    server.start()
    yield event_file, session, slot, server
    if server.running:
        server.stop()


def run_clock(event_file, slot, left: float, paused: bool = False) -> None:
    """The slot's clock running (or paused) with ``left`` seconds to go, now."""
    now = time.time()
    started = now - (slot.planned_seconds - left)
    clock = slot.clock.start(started)
    if paused:
        clock = clock.pause(now)
    save_timer(event_file, slot.id, clock, "slot_started")


def open_podium(browser, server, session, locale="en-GB", device=TABLET):
    context = browser.new_context(locale=locale, **device)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{server.port}/s/{session.speaker_token}")
    return context, page


def banner(page) -> tuple[str, str]:
    """The banner's words and the shape it draws."""
    return (page.locator("#banner-text").text_content(),
            page.locator("#shape").get_attribute("d") or "")


def test_levels_in_words_and_shapes_as_on_the_projector(browser, stage):
    event_file, session, slot, server = stage
    context, page = open_podium(browser, server, session)
    run_clock(event_file, slot, 150)
    expect(page.locator("#name")).to_have_text(slot.person.name, timeout=WAIT)
    expect(page.locator("body")).to_have_class("speaker normal", timeout=WAIT)
    expect(page.locator("#banner")).to_be_hidden()
    shapes = {}
    for left, level, words in ((50, "warning", "1 MIN LEFT"), (20, "danger", "PLEASE CONCLUDE"),
                               (-12, "overtime", "OVER TIME")):
        run_clock(event_file, slot, left)
        expect(page.locator("body")).to_have_class(f"speaker {level}", timeout=WAIT)
        expect(page.locator("#banner")).to_be_visible()
        text, shape = banner(page)
        # Shown in capitals by the style sheet, as the projector's banner.
        assert page.locator("#banner-text").inner_text() == words
        assert shape, level
        shapes[level] = shape
    assert len(set(shapes.values())) == 3
    assert page.locator("#clock").text_content().startswith("-0:1")
    # Colour is not all: the overtime banner is filled, the others are outlined.
    fill = page.locator("#banner").evaluate("e => getComputedStyle(e).backgroundColor")
    assert fill == "rgb(255, 99, 71)"
    run_clock(event_file, slot, 150, paused=True)
    expect(page.locator("body")).to_have_class("speaker normal paused", timeout=WAIT)
    assert page.locator("#banner-text").inner_text() == "PAUSED"
    assert banner(page)[1] not in shapes.values()
    context.close()


def test_message_question_and_blackout_reach_the_podium(browser, stage):
    event_file, session, slot, server = stage
    run_clock(event_file, slot, 150)
    context, page = open_podium(browser, server, session)
    expect(page.locator("#name")).to_have_text(slot.person.name, timeout=WAIT)
    save_stage_notice(event_file, StageNotice(session.id, "Please conclude", blink=True))
    expect(page.locator("#message")).to_have_text("Please conclude", timeout=WAIT)
    expect(page.locator("#message")).to_have_class("podium-message blink")
    # The message is the moderator's text: shown as text, never as markup.
    save_stage_notice(event_file, StageNotice(session.id, "<b>Merci</b>"))
    expect(page.locator("#message")).to_have_text("<b>Merci</b>", timeout=WAIT)
    assert page.locator("#message b").count() == 0

    set_questions_open(event_file, session.id, True)
    question, _ = qstore.submit_question(event_file, session.id, "Who pays for adaptation?",
                                         now=time.time(), author="Rosa, Quito")
    qstore.approve_question(event_file, question.id, now=time.time())
    qstore.set_on_screen(event_file, session.id, question.id, now=time.time())
    expect(page.locator("#question-text")).to_have_text("“Who pays for adaptation?”",
                                                        timeout=WAIT)
    expect(page.locator("#question-by")).to_have_text("— Rosa, Quito")

    save_stage_notice(event_file, StageNotice(session.id, "", blackout=True))
    expect(page.locator("#blackout")).to_be_visible(timeout=WAIT)
    assert _all_black(page)
    # A notice for another session's stage does not reach this podium.
    other = list_sessions(event_file)[1]
    save_stage_notice(event_file, StageNotice(other.id, "Not for you", blackout=True))
    expect(page.locator("#blackout")).to_be_hidden(timeout=WAIT)
    expect(page.locator("#message")).to_be_hidden()
    context.close()


def _all_black(page) -> bool:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    colours = image.getcolors(maxcolors=4)
    return colours is not None and [c for _, c in colours] == [(0, 0, 0)]


def test_blackout_is_black_in_overtime_too(browser, stage):
    event_file, session, slot, server = stage
    run_clock(event_file, slot, -30)
    save_stage_notice(event_file, StageNotice(session.id, "Time is up", blackout=True))
    context, page = open_podium(browser, server, session)
    expect(page.locator("#blackout")).to_be_visible(timeout=WAIT)
    assert _all_black(page)
    context.close()


def test_stopped_laptop_shows_connection_lost_not_a_frozen_clock(browser, stage):
    event_file, session, slot, server = stage
    run_clock(event_file, slot, 150)
    context, page = open_podium(browser, server, session)
    expect(page.locator("#name")).to_have_text(slot.person.name, timeout=WAIT)
    expect(page.locator("#lost")).to_be_hidden()
    server.stop()
    stopped = time.monotonic()
    expect(page.locator("#lost")).to_be_visible(timeout=6000)
    noticed = time.monotonic() - stopped
    # Said within 3 s of the last answer (polls every second, so at most ~4 s after stop).
    assert noticed <= 5.0, noticed
    assert page.locator("#lost-title").inner_text().lower() == "connection lost"
    # No digits anywhere a speaker could read as live time.
    expect(page.locator(".podium-stage")).to_be_hidden()
    assert page.locator("#clock").text_content() == "–:––"
    # The laptop back: the stage comes back by itself.
    again = PhoneServer(event_file.path, host="127.0.0.1", port=server.port)
    again.start()
    try:
        expect(page.locator("#lost")).to_be_hidden(timeout=6000)
        expect(page.locator("#clock")).not_to_have_text("–:––")
    finally:
        again.stop()
    context.close()


def test_laptop_gone_from_the_start_says_so(browser, stage):
    event_file, session, slot, server = stage
    port = server.port
    server.stop()
    context = browser.new_context(**TABLET)
    page = context.new_page()
    # The page is in the browser's memory (as after the Wi-Fi dropped): serve it once.
    page.route(f"http://127.0.0.1:{port}/s/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body=_page_html()))
    for script in ("stage_clock.js", "speaker.js"):
        page.route(f"http://127.0.0.1:{port}/web/{script}", _serve_script(script))
    page.goto(f"http://127.0.0.1:{port}/s/{session.speaker_token}")
    expect(page.locator("#lost")).to_be_visible(timeout=6000)
    assert page.locator("#lost-title").inner_text().lower() == "connection lost"
    context.close()


def _asset(name: str) -> str:
    from facilitator.assets import asset_path

    return asset_path("web", name).read_text(encoding="utf-8")


def _serve_script(name: str):
    return lambda route: route.fulfill(status=200, content_type="text/javascript",
                                       body=_asset(name))


def _page_html() -> str:
    return _asset("speaker.html")


@pytest.mark.parametrize("language,words", [("fr", "CONNEXION PERDUE"),
                                            ("es", "CONEXIÓN PERDIDA"),
                                            ("ar", "انقطع الاتصال")])
def test_podium_speaks_the_phone_languages(browser, stage, language, words):
    event_file, session, slot, server = stage
    run_clock(event_file, slot, 50)
    context, page = open_podium(browser, server, session, locale=language, device=PHONE)
    expect(page.locator("body")).to_have_class("speaker warning", timeout=WAIT)
    assert page.locator("#banner-text").inner_text().strip()
    # On a phone held upright, nothing runs off the side.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    server.stop()
    expect(page.locator("#lost")).to_be_visible(timeout=6000)
    assert page.locator("#lost-title").inner_text() == words
    context.close()


STATES = ["normal", "warning", "danger", "overtime", "paused", "message", "blackout",
          "connection-lost"]


def test_podium_screenshots(browser, stage, screenshots):
    event_file, session, slot, server = stage
    context, page = open_podium(browser, server, session)

    def shot(name: str, check) -> None:
        expect(check).to_be_visible(timeout=WAIT)
        page.wait_for_timeout(300)
        page.screenshot(path=str(screenshots / f"podium-{name}.png"))

    run_clock(event_file, slot, 154.5)
    shot("normal", page.locator("body.normal"))
    run_clock(event_file, slot, 50.5)
    shot("warning", page.locator("body.warning"))
    run_clock(event_file, slot, 18.5)
    shot("danger", page.locator("body.danger"))
    run_clock(event_file, slot, -42.5)
    shot("overtime", page.locator("body.overtime"))
    run_clock(event_file, slot, 95.5, paused=True)
    shot("paused", page.locator("body.paused"))
    run_clock(event_file, slot, 95.5)
    save_stage_notice(event_file, StageNotice(session.id, "Please conclude"))
    shot("message", page.locator("#message"))
    save_stage_notice(event_file, StageNotice(session.id, "Please conclude", blackout=True))
    shot("blackout", page.locator("#blackout"))
    save_stage_notice(event_file, StageNotice(session.id))
    expect(page.locator("#blackout")).to_be_hidden(timeout=WAIT)
    server.stop()
    shot("connection-lost", page.locator("#lost"))
    context.close()
    for name in STATES:
        assert (screenshots / f"podium-{name}.png").stat().st_size > 1000


def test_moderator_message_and_blackout_from_the_app_reach_the_podium(qtbot, browser,
                                                                       questions_window):
    """The whole path: the Run tab's keys, the event file, the server thread, the page."""
    window = questions_window
    questions, run = window.tabs["Questions"], window.tabs["Run"]
    assert questions.serve_podium()
    questions.address_box.setCurrentIndex(questions.address_box.findData("127.0.0.1"))
    link = questions.speaker_label.text()
    assert link.startswith("http://127.0.0.1:")
    context = browser.new_context(**TABLET)
    page = context.new_page()
    page.goto(link)
    expect(page.locator("#session")).to_have_text(run.session.title, timeout=WAIT)
    run.show_message("Please slow down for the interpreters", blink=False)
    expect(page.locator("#message")).to_have_text("Please slow down for the interpreters",
                                                  timeout=WAIT)
    run.blackout_action.trigger()
    expect(page.locator("#blackout")).to_be_visible(timeout=WAIT)
    run.blackout_action.trigger()
    run.clear_message_action.trigger()
    expect(page.locator("#blackout")).to_be_hidden(timeout=WAIT)
    expect(page.locator("#message")).to_be_hidden()
    context.close()
