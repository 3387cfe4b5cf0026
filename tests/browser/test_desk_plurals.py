"""The desks' counted sentences take each language's plural form (Intl.PluralRules):
"1 note waiting", not "1 notes waiting"; Russian's one/few/many, Arabic's six forms.
Debian's chromium on the real server."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from facilitator.core.team import Role
from tests.browser.conftest import role_link_served

pytestmark = pytest.mark.browser

EXPECTED = {
    "en": {1: "Offline — 1 note waiting", 2: "Offline — 2 notes waiting"},
    "fr": {1: "Hors ligne — 1 note en attente", 2: "Hors ligne — 2 notes en attente"},
    "es": {1: "Sin conexión — 1 nota en espera", 2: "Sin conexión — 2 notas en espera"},
    "ru": {1: "Нет связи — 1 заметка ждёт отправки", 3: "Нет связи — 3 заметки ждут отправки",
           5: "Нет связи — 5 заметок ждут отправки", 21: "Нет связи — 21 заметка ждёт отправки"},
    "ar": {1: "غير متصل — ملاحظة واحدة في الانتظار", 2: "غير متصل — ملاحظتان في الانتظار",
           3: "غير متصل — 3 ملاحظات في الانتظار", 11: "غير متصل — 11 ملاحظة في الانتظار"},
    "zh": {1: "离线——1 条笔记等待发送", 7: "离线——7 条笔记等待发送"},
}
VOTES = {"en": {1: "1 vote", 4: "4 votes"}, "ru": {2: "2 голоса", 5: "5 голосов"},
         "ar": {2: "صوتان"}}


@pytest.fixture
def rapporteur_url(event_file):
    with role_link_served(event_file, Role.RAPPORTEUR, "r") as url:
        yield url


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_waiting_notes_are_counted_in_each_languages_plural(browser, rapporteur_url,
                                                            language) -> None:
    context = browser.new_context(locale=language)
    try:
        page = context.new_page()
        page.goto(rapporteur_url)
        # Polled from here: Playwright's wait_for_function evaluates its predicate with
        # eval() in the page when the first try is false, which the page's CSP refuses
        # (script-src 'self'): a test that failed whenever the strings came a beat late.
        expect(page.locator("html")).to_have_attribute("lang", language)
        waited = time.monotonic() + 10
        while page.evaluate("window.Desk && window.Desk.t('offline_waiting_other')") in (
                None, "offline_waiting_other") and time.monotonic() < waited:
            page.wait_for_timeout(50)
        for count, text in EXPECTED[language].items():
            assert page.evaluate(f"window.Desk.tn('offline_waiting', {count})") == text
        for count, text in VOTES.get(language, {}).items():
            assert page.evaluate(f"window.Desk.tn('votes', {count})") == text
    finally:
        context.close()
