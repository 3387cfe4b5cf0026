"""The code box takes the code however a phone's keyboard typed it (issue 11.4)."""

from __future__ import annotations

import pytest

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) for ch in text)


@pytest.mark.parametrize("typed", [
    lambda code: code.lower(),
    lambda code: full_width(code),
    lambda code: full_width(code.lower()),
    lambda code: code.translate(ARABIC_INDIC),
    lambda code: code.lower().translate(PERSIAN),
    lambda code: f" {code[:3]}-{code[3:]} ",
])
def test_the_code_finds_its_session_whatever_the_keyboard(client, session, typed):
    answer = client.get(f"/api/code/{typed(session.short_code)}")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"join": f"/j/{session.join_token}"}


def test_a_wrong_code_is_still_a_clear_404(client, session):
    answer = client.get("/api/code/" + full_width("zzzzzz"))
    assert answer.status_code == 404
    assert answer.json()["error"] == "unknown_code"
