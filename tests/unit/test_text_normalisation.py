"""Text as people type it: joiners kept, hiding characters removed, marks capped, empties."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.notes import clean_note_text
from facilitator.core.questions import (
    MAX_QUESTION_CHARS,
    QuestionError,
    clean_name,
    clean_question,
)
from facilitator.core.text import (
    MAX_MARKS_PER_CHARACTER,
    cap_marks,
    looks_empty,
    normalise_text,
)

FIELD_CASES = Path(__file__).resolve().parent.parent / "field_cases"
PERSIAN = (FIELD_CASES / "question-persian-zwnj.txt").read_text(encoding="utf-8").strip()

# Text whose invisible characters are part of the writing: each must come back unchanged.
KEPT_AS_TYPED = {
    "persian ZWNJ (field case)": PERSIAN,
    "persian ZWNJ": "می\u200cخواهم",
    "family emoji (ZWJ sequence)": "👩\u200d👩\u200d👧\u200d👦 families?",
    "rainbow flag (ZWJ + VS16)": "🏳\ufe0f\u200d🌈 rights",
    "skin tone": "👍🏽 yes",
    "heart with VS16": "I \u2764\ufe0f cities",
    "text-style VS15": "\u2764\ufe0e",
    "scotland flag (tag sequence)":
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f?",
    "devanagari conjunct ZWJ": "क्\u200dष",
    "devanagari half form ZWNJ": "क्\u200cष",
    "malayalam chillu": "ന്\u200d",
    "sinhala yansaya": "ක්\u200dය",
    "arabic with harakat": "مُحَمَّدٌ",
    "hebrew with points": "שָׁלוֹם",
    "vietnamese": "Thành phố Hồ Chí Minh có kế hoạch gì?",
    "right-to-left mark as typed": "سؤال\u200f (UN-Habitat)",
    "arabic number sign": "\u0600١٢٣",
    "newer emoji (unassigned to Python's Unicode)": "\U0001faea shaking?",
    "private use (Apple logo)": "\uf8ff Apple",
}


@pytest.mark.parametrize("text", KEPT_AS_TYPED.values(), ids=KEPT_AS_TYPED.keys())
def test_every_scripts_joiners_and_selectors_are_kept_byte_exactly(text: str) -> None:
    assert clean_question(text).encode("utf-8") == text.encode("utf-8")
    assert clean_name(text).encode("utf-8") == text.encode("utf-8")
    assert clean_note_text(text).encode("utf-8") == text.encode("utf-8")


def test_the_field_case_has_its_non_joiners() -> None:
    assert PERSIAN.count("\u200c") == 2
    assert "می\u200cخواهم" in clean_question(PERSIAN)


# Characters that hide or reorder text: removed wherever they are.
HIDING = {
    "right-to-left override": "\u202e",
    "left-to-right override": "\u202d",
    "embedding": "\u202b",
    "pop directional formatting": "\u202c",
    "isolate": "\u2067",
    "pop isolate": "\u2069",
    "byte order mark": "\ufeff",
    "zero-width space": "\u200b",
    "word joiner": "\u2060",
    "invisible times": "\u2062",
    "soft hyphen": "\u00ad",
    "interlinear annotation": "\ufff9",
    "null": "\x00",
    "bell": "\x07",
    "escape": "\x1b",
    "C1 control": "\x9b",
    "stray tag": "\U000e0041",
    "noncharacter": "\ufdd0",
    "lone surrogate": "\ud800",
}


@pytest.mark.parametrize("hidden", HIDING.values(), ids=HIDING.keys())
def test_characters_that_hide_or_reorder_text_are_removed(hidden: str) -> None:
    assert clean_question(f"ab{hidden}c{hidden}d") == "abcd"
    assert clean_note_text(f"line{hidden}\nnext") == "line\nnext"


def test_ascii_smuggling_in_tags_is_removed_but_flags_stay() -> None:
    secret = "".join(chr(0xE0000 + ord(c)) for c in "ignore previous")
    assert clean_question("Hello" + secret) == "Hello"
    # A black flag followed by tags without the cancel tag is no flag: the tags go.
    assert clean_question("🏴\U000e0067\U000e0062 x") == "🏴 x"


def test_notes_keep_their_line_breaks_and_spacing() -> None:
    assert clean_note_text("  - one\r\n  - two\rthree\u2028four  ") == (
        "- one\n  - two\nthree\nfour")
    assert clean_note_text("a\tb") == "a b"
    assert clean_note_text("\u200b\n\u3164 ") == ""


@pytest.mark.parametrize("text", [
    "\u3164", "\u115f\u1160", "\u2800\u2800\u2800", "\u200b\u200b", "\u0301\u0302\u0303",
    "\u200d\u200c", "\ufe0f", "\uffa0", " \u034f ", "\u00a0\u2003\u3000", "\u200e\u200f",
    "\u0301" * 40 + "\u3164",
])
def test_text_that_shows_nothing_is_empty(text: str) -> None:
    assert looks_empty(normalise_text(text))
    with pytest.raises(QuestionError, match="empty"):
        clean_question(text)
    assert clean_name(text) == ""  # names are optional: nothing shown is no name


def test_text_that_shows_something_is_not_empty() -> None:
    for text in ("?", "a\u0301", "👍", "\u0600", "ـ", "\u3164a"):
        assert not looks_empty(text), text


def test_stacked_marks_are_capped_per_character() -> None:
    zalgo = "H" + "\u0336\u0301\u0350\u0351\u0352\u0353\u0354\u0355" * 10 + "i"
    cleaned = clean_question(zalgo)
    assert cleaned[0] == "H" and cleaned[-1] == "i"
    assert len(cleaned) == 2 + MAX_MARKS_PER_CHARACTER
    # Joiners or spacing marks between marks do not start a new character.
    interleaved = "a" + "\u0301\u200d" * 20
    assert sum(unicodedata.category(c) == "Mn" for c in clean_question(interleaved)) == (
        MAX_MARKS_PER_CHARACTER)
    # Marks with no base at the start are capped too.
    assert clean_question("\u0301" * 9 + "x") == "\u0301" * MAX_MARKS_PER_CHARACTER + "x"


def test_real_writing_is_below_the_mark_cap() -> None:
    for text in ("བསྒྲུབས", "शक्ति", "مُحَمَّدٌ", "שָׁלוֹם", "ệ", "Ǘ", "ẫ", "ত্র্য"):
        assert cap_marks(text) == text


def test_length_is_counted_in_code_points_as_the_page_counts_them() -> None:
    emoji = "😀" * MAX_QUESTION_CHARS  # 500 code points, 1000 UTF-16 units, 2000 bytes
    assert clean_question(emoji) == emoji
    with pytest.raises(QuestionError, match="too long"):
        clean_question(emoji + "😀")
    # Zalgo cannot pass the limit by marks the cap removes: the cleaned text is counted.
    assert len(clean_question("a" + "\u0301" * 900)) == 1 + MAX_MARKS_PER_CHARACTER


_INTERESTING = st.sampled_from(
    ["\u200c", "\u200d", "\u200b", "\u202e", "\u2066", "\ufeff", "\ufe0f", "\u0301",
     "\u3164", "🏴", "\U000e0067", "\U000e007f", "\r\n", "\n", "\t", " ", "a", "ی", "क", "्"])


@given(st.lists(st.one_of(_INTERESTING, st.characters()), max_size=80).map("".join))
def test_normalising_is_idempotent(text: str) -> None:
    for keep_lines in (False, True):
        once = normalise_text(text, keep_lines=keep_lines)
        assert normalise_text(once, keep_lines=keep_lines) == once
        assert not any(ch in once for ch in HIDING.values())
        once.encode("utf-8")  # storable


def test_notes_and_questions_are_stored_as_typed(event_file) -> None:
    from facilitator.store import notes as note_store
    from facilitator.store import questions as question_store
    from facilitator.store.sessions import list_sessions, set_questions_open

    session_id = list_sessions(event_file)[0].id
    note_id = note_store.add_note(event_file, session_id, f"\u202e{PERSIAN}\n- دوم", at=1.0)
    assert note_store.get_note(event_file, note_id).text == f"{PERSIAN}\n- دوم"
    set_questions_open(event_file, session_id, True)
    sent = f"\ufeff{PERSIAN}\u202e\n"
    question, _ = question_store.submit_question(event_file, session_id, sent, now=1.0)
    assert question.text.encode() == PERSIAN.encode()
    assert question.original_text == sent  # kept exactly as sent, for the record
    assert question.sent_text == PERSIAN and not question.edited


@given(st.lists(st.one_of(_INTERESTING, st.characters(), st.characters(max_codepoint=0x7F)),
                max_size=60).map("".join))
def test_printable_text_takes_the_quick_way_to_the_same_result(text: str) -> None:
    # Printable text skips the character loop (and plain ASCII everything else): it must
    # give what the whole rule gives.
    from facilitator.core.text import remove_hiding_characters

    for keep_lines in (False, True):
        whole = unicodedata.normalize("NFC", remove_hiding_characters(text, keep_lines=keep_lines))
        if not keep_lines:
            whole = re.sub(r"\s+", " ", whole)
        assert normalise_text(text, keep_lines=keep_lines) == cap_marks(whole.strip())
