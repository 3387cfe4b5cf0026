"""Every phone-page language is served, complete, and can send a question."""

from __future__ import annotations

import json

import pytest

from facilitator.assets import asset_path
from facilitator.core.questions import LANGUAGES
from facilitator.store import questions as store
from tests.api.conftest import DEVICE

WEB_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")


def strings(code: str) -> dict[str, str]:
    return json.loads(asset_path("web", "i18n", f"{code}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", WEB_LANGUAGES)
def test_each_language_has_every_string(client, code) -> None:
    english = strings("en")
    translated = strings(code)
    assert set(translated) == set(english)
    assert all(isinstance(v, str) and v.strip() for v in translated.values())
    # placeholders survive translation
    for key, text in english.items():
        for name in ("{n}", "{name}"):
            assert (name in text) == (name in translated[key]), (code, key)
    response = client.get(f"/web/i18n/{code}.json")
    assert response.status_code == 200 and response.json() == translated


def test_arabic_is_right_to_left_and_offered() -> None:
    assert strings("ar")["dir"] == "rtl"
    assert all(strings(code)["dir"] == "ltr" for code in ("en", "fr", "es", "zh", "ru"))
    page = asset_path("web", "phone.html").read_text(encoding="utf-8")
    assert '<option value="ar" lang="ar">العربية</option>' in page
    for script in ("phone.js", "speaker.js"):
        source = asset_path("web", script).read_text(encoding="utf-8")
        assert 'var LANGUAGES = ["en", "fr", "es", "ar", "zh", "ru"];' in source
    assert '<option value="zh" lang="zh">中文</option>' in page
    assert '<option value="ru" lang="ru">Русский</option>' in page


def test_a_question_from_the_arabic_page_keeps_its_language(client, session,
                                                            event_file) -> None:
    assert "ar" in LANGUAGES
    body = {"text": "كيف ستحصل المدن على التمويل المناخي مباشرة؟", "device": DEVICE,
            "language": "ar"}
    response = client.post(f"/api/j/{session.join_token}/questions", json=body)
    assert response.status_code == 201
    question = store.get_question(event_file, response.json()["id"])
    assert question.language == "ar"
    assert question.text == body["text"]
