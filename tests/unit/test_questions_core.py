"""Question rules: text cleaning, duplicates, watch words, statuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.questions import (
    MAX_QUESTION_CHARS,
    Question,
    QuestionError,
    QuestionStatus,
    clean_language,
    clean_name,
    clean_question,
    clean_watch_words,
    similar_questions,
    similarity,
    watch_word_hits,
)


def test_text_is_nfc_collapsed_and_stripped_of_controls() -> None:
    decomposed = "Cafe\u0301  and\tthe\n\nre\u0301gion\x00\x07 \u202eevil\u200b?"
    assert clean_question(decomposed) == "Café and the région evil?"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "\u200b\u200e", None])
def test_empty_text_is_refused(text) -> None:
    with pytest.raises(QuestionError, match="empty"):
        clean_question(text)


def test_length_limit_counts_the_cleaned_text() -> None:
    assert len(clean_question("a" * MAX_QUESTION_CHARS)) == MAX_QUESTION_CHARS
    assert clean_question("  " + "a" * MAX_QUESTION_CHARS + "  \n") == "a" * MAX_QUESTION_CHARS
    with pytest.raises(QuestionError, match="too long"):
        clean_question("a" * (MAX_QUESTION_CHARS + 1))


def test_non_text_is_refused_and_names_are_optional() -> None:
    with pytest.raises(QuestionError, match="must be text"):
        clean_question(["a list"])
    assert clean_name("") == ""
    assert clean_name(None) == ""
    with pytest.raises(QuestionError, match="organisation"):
        clean_name(5, "organisation")


@given(st.text(max_size=700))
def test_cleaning_never_crashes_and_is_idempotent(text: str) -> None:
    try:
        cleaned = clean_question(text)
    except QuestionError:
        return
    assert cleaned == clean_question(cleaned)
    assert 0 < len(cleaned) <= MAX_QUESTION_CHARS
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


def test_language_is_one_of_the_working_languages() -> None:
    assert clean_language("fr-CA") == "fr"
    assert clean_language("ES") == "es"
    assert clean_language("de") == ""
    assert clean_language(3) == ""


def test_similarity_ignores_case_accents_and_small_words() -> None:
    a = "How will cities finance climate adaptation?"
    b = "how will CITIES finance the climate adaptation"
    assert similarity(a, b) == 1.0
    assert similarity("Qué financiación para las ciudades", "que financiacion ciudades") == 1.0
    assert similarity(a, "What about housing for migrants?") == 0.0
    assert similarity("", a) == 0.0


def _q(id_: int, text: str, status=QuestionStatus.PENDING) -> Question:
    return Question(id=id_, session_id=1, text=text, status=status, created_at=float(id_))


def test_similar_questions_point_to_the_earlier_one() -> None:
    questions = [
        _q(1, "How will cities finance climate adaptation?"),
        _q(2, "What about housing?"),
        _q(3, "How can cities finance adaptation to climate change?"),
        _q(4, "Cities finance climate adaptation how", QuestionStatus.REJECTED),
    ]
    assert similar_questions(questions) == {3: 1}


def test_watch_words_match_whole_words_any_case_or_accent() -> None:
    words = clean_watch_words(["  corruption ", "Corruption", "", "fake news", "élection"])
    assert words == ("corruption", "fake news", "élection")
    assert watch_word_hits("What about CORRUPTION in the city?", words) == ["corruption"]
    assert watch_word_hits("anticorruption office", words) == []
    assert watch_word_hits("This is fake  news!", words) == ["fake news"]
    assert watch_word_hits("Les elections locales", words) == []
    assert watch_word_hits("Une election locale", words) == ["élection"]


def test_public_status_hides_rejections() -> None:
    assert QuestionStatus.REJECTED.public == "not_selected"
    assert QuestionStatus.MERGED.public == "merged"  # shown as merged, not "not selected"
    assert QuestionStatus.ANSWERED.public == "answered"
    assert QuestionStatus.PENDING.label == "Pending"
