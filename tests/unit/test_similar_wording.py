"""Similar questions across wording: stems, each language's small words, measured.

tests/unit/data/similar_question_pairs.tsv holds labelled pairs in English, French,
Spanish and Arabic: the same question in other words (paraphrases, word forms) and
different questions on the same topic (free public transport / free public housing).
Before stems (words compared as typed, no Arabic small words) the detector found 18 of 33
same-question pairs and flagged 10 of 28 different ones: precision 0.64, recall 0.55.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.question_words import content_words, guess_language
from facilitator.core.questions import SIMILAR_THRESHOLD, similarity

PAIRS = Path(__file__).resolve().parent / "data" / "similar_question_pairs.tsv"


def labelled_pairs() -> list[tuple[str, bool, str, str]]:
    rows = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            language, same, first, second = line.split("\t")
            rows.append((language, same == "1", first, second))
    return rows


def test_the_labelled_set_covers_the_four_languages() -> None:
    rows = labelled_pairs()
    assert len(rows) >= 40
    for language in ("en", "fr", "es", "ar"):
        mine = [same for lang, same, _, _ in rows if lang == language]
        assert len(mine) >= 10 and any(mine) and not all(mine), language


def test_precision_and_recall_on_the_labelled_pairs() -> None:
    rows = labelled_pairs()
    flagged = [(same, similarity(a, b) >= SIMILAR_THRESHOLD) for _, same, a, b in rows]
    true_positives = sum(same and hit for same, hit in flagged)
    precision = true_positives / sum(hit for _, hit in flagged)
    recall = true_positives / sum(same for same, _ in flagged)
    # Measured: precision 0.84 (32 of 38 flagged), recall 0.97 (32 of 33).
    assert precision >= 0.8 and recall >= 0.9, (precision, recall)


@pytest.mark.parametrize(("first", "second"), [
    ("Will cities get direct access to climate finance?",
     "Can cities access climate finance directly?"),
    ("Comment financer le logement social ?", "Quel financement pour les logements sociaux ?"),
    ("¿Cómo financian las ciudades la vivienda?", "¿Financiación de viviendas en las ciudades?"),
    # Arabic: prefixes (لل، ال) and vowel marks go; a light stemmer does not reach the root,
    # so the verb تمول and the noun تمويل stay two words.
    ("كيف يمكن للمدن تمويل الإسكان؟", "كيف يمكن تمويل الإسكان في المُدن؟"),
])
def test_word_forms_are_the_same_word(first: str, second: str) -> None:
    assert similarity(first, second) >= SIMILAR_THRESHOLD


@pytest.mark.parametrize(("first", "second"), [
    ("Free public transport?", "Free public housing?"),
    ("Will you make public transport free?", "Will you make public housing free?"),
    ("Transports publics gratuits ?", "Logements publics gratuits ?"),
    ("هل يجب أن يكون النقل العام مجانيا؟", "هل يجب أن يكون السكن العام مجانيا؟"),
])
def test_what_a_question_is_about_tells_questions_apart(first: str, second: str) -> None:
    assert similarity(first, second) < SIMILAR_THRESHOLD


def test_arabic_small_words_and_vowel_marks_are_set_aside() -> None:
    assert content_words("ما هو دور المدن في التمويل؟") == content_words("دور المُدُن التمويل")
    assert not content_words("ما هو؟ كيف؟ هل؟")


def words(text: str) -> list[str]:
    return text.split()


def test_each_question_is_stemmed_in_its_own_language() -> None:
    assert guess_language(words("comment les villes financent-elles")) == "fr"
    assert guess_language(words("cómo financian las ciudades")) == "es"
    assert guess_language(words("how do cities pay")) == "en"
    assert guess_language(words("المدن")) == "ar"
    # No clue in the words: the phone page's language decides, else English.
    assert guess_language(["transport"], "fr") == "fr"
    assert guess_language(["transport"]) == "en"
    # Spanish with a word shared with French still reads as Spanish.
    assert guess_language(words("que financiacion ciudades")) == "es"
