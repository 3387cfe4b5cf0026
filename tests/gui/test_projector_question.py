"""A question on the projector is shown whole: the text fits inside its area, wrapping and
breaking long words, and the byline stays visible under it, up to the 500-character limit.

Checked on the geometry QTextLayout gives (every line inside the card, above the byline,
the byline inside the card), at 16:9 and 4:3, for the field case and the hard kinds of text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize

from facilitator.core.questions import MAX_QUESTION_CHARS
from facilitator.gui.projector import StageReading
from facilitator.gui.question_card import fit_question

FIELD_CASE = Path(__file__).resolve().parent.parent / "field_cases" / \
    "question-462-characters.txt"
LONG = FIELD_CASE.read_text(encoding="utf-8").strip()
ARABIC = ("كيف يمكن للحكومات الوطنية وبنوك التنمية والقطاع الخاص أن تعمل مع رؤساء البلديات "
          "وحكام الأقاليم لتمكين المدن من الوصول المباشر إلى تمويل المناخ؟ ") * 4
CJK = ("城市和地区如何能够直接、可预测和透明地获得气候融资，"
       "用于适应气候变化，特别是非正规住区？") * 11
TEXTS = {
    "field case, 462 characters": LONG,
    "one 500-character word": "x" * 500,
    "Arabic": ARABIC,
    "Chinese, no spaces": CJK,
    "a URL-like word among words": "Why " + "https://example.org/" + "a" * 300 + " now?",
    "short": "Why?",
}
SIZES = {"16:9": (1280, 720), "4:3": (1024, 768)}


def within_limit(text: str) -> str:
    return text[:MAX_QUESTION_CHARS]


def test_the_texts_are_within_the_question_limit():
    assert len(LONG) == 462
    for text in TEXTS.values():
        assert len(within_limit(text)) <= MAX_QUESTION_CHARS


def assert_shown_whole(card, text: str) -> None:
    fitted = card.fitted()
    box = QRectF(0, 0, card.width(), card.height())
    assert fitted.fits, f"{len(text)} characters do not fit at {fitted.text_px}px"
    assert fitted.lines, "no line laid out"
    for line in fitted.lines:
        # Inside the card, left and right and top and bottom (a pixel of rounding allowed).
        assert line.left() >= -1 and line.right() <= box.right() + 1, line
        assert line.top() >= -1 and line.bottom() <= box.bottom() + 1, line
    byline = fitted.byline
    assert not byline.isEmpty()
    assert box.adjusted(-1, -1, 1, 1).contains(byline), (byline, box)
    assert fitted.lines[-1].bottom() <= byline.top() + 1, "the text runs into the byline"


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_question_fits_with_its_byline_visible(qtbot, projector, size, text):
    projector.resize(*size)
    projector.show_reading(StageReading(speaker="Ada Mayor", clock="4:05", next_speaker="Ben"))
    projector.show_question(within_limit(text), "Amina Diallo, City of Dakar")
    qtbot.wait(10)
    card = projector.question_label
    assert card.isVisible()
    assert_shown_whole(card, text)
    # The card itself is inside the window, and the clock keeps about a third of it.
    assert card.geometry().bottom() <= projector.height()
    assert projector.clock_face.height() >= 0.28 * projector.height()
    # Readable: never below 2 % of the height (14 px at 720p).
    assert card.fitted().text_px >= 0.02 * projector.height()


def test_question_beside_a_message_still_fits(qtbot, projector):
    projector.show_message("Please conclude")
    projector.show_question(LONG, "Amina Diallo, City of Dakar")
    qtbot.wait(10)
    assert_shown_whole(projector.question_label, LONG)
    assert projector.message_label.isVisible()


def test_short_question_keeps_the_nominal_size_and_the_clock_its_room(qtbot, projector):
    projector.show_reading(StageReading(speaker="Ada Mayor", clock="4:05"))
    projector.show_question("How do cities finance housing?", "Rosa, Quito")
    qtbot.wait(10)
    card = projector.question_label
    assert card.fitted().text_px == card.nominal_px
    assert card.height() == int(projector.height() * 0.12)
    assert projector.clock_face.height() >= 0.45 * projector.height()


def test_long_word_is_broken_not_clipped():
    from PySide6.QtGui import QFont

    fitted = fit_question("x" * 500, "— me", QFont(), QSize(600, 300), 40)
    assert fitted.fits and len(fitted.lines) > 1
    assert max(line.width() for line in fitted.lines) <= 600


def test_byline_stays_in_even_when_the_text_cannot_fit():
    from PySide6.QtGui import QFont

    fitted = fit_question("word " * 400, "— Amina", QFont(), QSize(300, 60), 20, 12)
    assert not fitted.fits
    assert QRectF(0, 0, 300, 60).contains(fitted.byline)


@pytest.mark.parametrize("name,size", [("16x9", (1280, 720)), ("4x3", (1024, 768))])
def test_long_question_screenshot(qtbot, projector, screenshots, name, size):
    projector.resize(*size)
    projector.show_reading(StageReading(session_title="Localizing climate finance",
                                        speaker="Amina Diallo", affiliation="Mayor, Dakar",
                                        clock="3:12", next_speaker="Ben Okafor"))
    projector.show_question(LONG, "Laura Méndez, Ciudad de México")
    qtbot.wait(20)
    path = screenshots / f"projector-question-long-{name}.png"
    assert projector.grab().save(str(path))
