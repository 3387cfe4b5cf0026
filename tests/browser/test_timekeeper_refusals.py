"""Every refusal the timekeeper's page can get is said in the page's language, never in
the laptop's English (which is for curl and a Stream Deck).

Found on a French timekeeper phone: "The event has no session yet." and "The laptop is
busy; trying again shortly." appeared in English, and a busy laptop's words said "your text
is kept" for a key press. One case is real (an event with no session yet); the others are
the laptop's answers as it sends them, given to the page in place of the real one.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from facilitator.actions import sessions
from facilitator.actions.actor import LAPTOP
from facilitator.actions.command import run
from facilitator.core.team import Role
from facilitator.store.sessions import list_sessions
from tests.browser.conftest import PHONE, role_link_served

pytestmark = pytest.mark.browser

# What the laptop answers (audience/app.py, audience/timekeeper.py), English message and all.
REFUSALS = {
    "busy": (503, {"error": "busy", "message": "The laptop is busy; trying again shortly."}),
    "rate_limited": (429, {"error": "rate_limited", "message": "Too many requests."}),
    "invalid": (400, {"error": "invalid", "message": "\"seconds\" must be a whole number."}),
    "unexpected": (500, {"error": "unexpected", "message": "Something went wrong."}),
}
WORDS = {
    "fr-FR": {"busy": "L’ordinateur est occupé : rien n’a été fait. Réessayez dans un instant.",
              "rate_limited": "Trop de demandes. Patientez un instant puis réessayez.",
              "invalid": "L’ordinateur a refusé. Vérifiez le chronomètre et le message.",
              "unexpected": "L’ordinateur est occupé : rien n’a été fait. Réessayez dans un "
                            "instant.",
              "no_session": "L’ordinateur n’a pas encore de session : rien à chronométrer."},
    "ar-EG": {"busy": "الحاسوب مشغول: لم يُنفَّذ شيء. حاول مرة أخرى بعد لحظة.",
              "rate_limited": None, "invalid": "رفض الحاسوب هذا الطلب. تحقّق من الساعة ومن الرسالة.",
              "unexpected": "الحاسوب مشغول: لم يُنفَّذ شيء. حاول مرة أخرى بعد لحظة.",
              "no_session": "لا توجد جلسة على الحاسوب بعد: لا شيء لتوقيته."},
}


def answering(status, body):
    """A route handler giving the laptop's refusal in place of its real answer."""
    return lambda route: route.fulfill(status=status, json=body)


def open_timekeeper(browser, url, language):
    context = browser.new_context(locale=language, **PHONE)
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#next")).to_be_enabled()
    return context, page


@pytest.mark.parametrize("language", list(WORDS))
def test_the_laptops_refusals_are_said_in_the_pages_language(browser, event_file, language):
    with role_link_served(event_file, Role.TIMEKEEPER, "Marta") as url:
        context, page = open_timekeeper(browser, url, language)
        try:
            for code, (status, body) in REFUSALS.items():
                page.route(re.compile(r".*/control/add_time$"), answering(status, body))
                page.click("button[data-seconds='60']")
                expected = WORDS[language][code]
                result = page.locator("#result")
                if expected is None:  # the phone page's own sentence: not English
                    expect(result).not_to_have_text(re.compile("Too many|^$"))
                else:
                    expect(result).to_have_text(expected)
                assert body["message"] not in (result.text_content() or "")
                page.unroute(re.compile(r".*/control/add_time$"))
        finally:
            context.close()


@pytest.mark.parametrize("language", list(WORDS))
def test_a_key_with_no_session_in_the_event_says_so_in_the_pages_language(browser, event_file,
                                                                          language):
    for session in list_sessions(event_file):
        run(event_file, LAPTOP, sessions.remove_session(session.id))
    with role_link_served(event_file, Role.TIMEKEEPER, "Marta") as url:
        context, page = open_timekeeper(browser, url, language)
        try:
            page.click("#next")
            expect(page.locator("#result")).to_have_text(WORDS[language]["no_session"])
        finally:
            context.close()
