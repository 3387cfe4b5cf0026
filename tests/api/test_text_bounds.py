"""What a question may be, as the phone API sees it: not empty to the eye, marks capped,
500 code points (the page counts the same way, tests/browser/test_phone_text_bounds.py)."""

from __future__ import annotations

import pytest

from facilitator.core.questions import MAX_QUESTION_CHARS
from facilitator.core.text import MAX_MARKS_PER_CHARACTER
from facilitator.store import questions as store
from tests.api.conftest import DEVICE


def ask(client, session, text, **extra):
    return client.post(f"/api/j/{session.join_token}/questions",
                       json={"text": text, "device": DEVICE, **extra})


@pytest.mark.parametrize("text", ["\u3164\u3164", "\u115f", "\u2800 \u2800", "\u200b\u200b",
                                  "\u0301\u0302", "\u200d", "\ufe0f\u034f"])
def test_a_question_that_shows_nothing_is_refused_as_empty(client, session, event_file,
                                                           text) -> None:
    reply = ask(client, session, text)
    assert reply.status_code == 400
    assert reply.json() == {"error": "empty", "message": "The question is empty."}
    assert store.list_questions(event_file, session.id) == []


def test_stacked_marks_are_capped_and_the_rest_kept(client, session, event_file) -> None:
    zalgo = "Z" + "\u0300\u0301\u0302\u0303\u0304\u0305" * 30 + "algo?"
    reply = ask(client, session, zalgo)
    assert reply.status_code == 201
    question = store.get_question(event_file, reply.json()["id"])
    assert question.text[0] == "Z" and question.text.endswith("algo?")
    assert len(question.text) == 1 + MAX_MARKS_PER_CHARACTER + len("algo?")
    assert question.original_text == zalgo  # the record keeps what was sent


def test_500_emoji_are_500_characters(client, session, event_file) -> None:
    emoji = "😀" * MAX_QUESTION_CHARS
    reply = ask(client, session, emoji)
    assert reply.status_code == 201
    assert store.get_question(event_file, reply.json()["id"]).text == emoji
    too_long = ask(client, session, emoji + "😀")
    assert too_long.status_code == 400 and too_long.json()["error"] == "too_long"
    # Emoji sequences count their code points, as the page's counter does.
    family = "👩\u200d👩\u200d👧"  # 5 code points
    assert ask(client, session, family * 100).status_code == 201
    assert ask(client, session, family * 100 + "!").json()["error"] == "too_long"
