"""What of a person's text is kept: every script's joiners, not what hides or spoofs text.

Questions and names from phones and rapporteurs' notes go through ``normalise_text``.
It keeps what people type — zero-width (non-)joiners (Persian ``می‌خواهم``, emoji
sequences, Indic conjuncts), variation selectors, emoji tag sequences (the flags of
Scotland or Wales) — and removes only characters that hide text or reorder it on screen:
bidi embeddings, overrides and isolates, the byte order mark, zero-width spaces, invisible
operators, interlinear annotations, stray tag characters and C0/C1 controls. Line breaks
and tabs become spaces (or stay, for notes).

``looks_empty`` tells text that shows nothing (only marks, fillers or joiners) from text
that shows something; ``cap_marks`` keeps stacked combining marks ("Zalgo") from painting
over the lines above and below. Lengths are counted in code points, as the phone page
counts them after NFC (``Array.from(text.normalize("NFC")).length``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# At most this many combining marks stack on one character. Real writing needs fewer:
# Vietnamese two (after NFC, usually none), Arabic harakat with shadda two or three, Hebrew
# with points three, Tibetan stacks up to four.
MAX_MARKS_PER_CHARACTER = 4

# Format characters (category Cf) that hide text, reorder it, or are meaningless in a
# question. Every other Cf character is kept: ZWNJ/ZWJ (U+200C/D), the left-to-right and
# right-to-left marks people's keyboards insert (U+200E/F, U+061C), Arabic number signs
# (U+0600-0605, visible), Egyptian hieroglyph format controls.
_HIDING = frozenset(
    [0x00AD,  # soft hyphen: invisible inside a word, splits watch words
     0x180E,  # Mongolian vowel separator (an invisible space in old Unicode)
     0x200B,  # zero-width space
     0xFEFF,  # byte order mark / zero-width no-break space
     *range(0x202A, 0x202F),  # LRE RLE PDF LRO RLO: embeddings and overrides
     *range(0x2060, 0x2065),  # word joiner, invisible times/separator/plus
     *range(0x2066, 0x206A),  # LRI RLI FSI PDI: isolates
     *range(0x206A, 0x2070),  # deprecated shaping and digit controls
     *range(0xFFF9, 0xFFFC),  # interlinear annotation
     *range(0x1BCA0, 0x1BCA4),  # shorthand format controls
     *range(0x1D173, 0x1D17B)]  # musical beam and phrase controls
)
# Categories removed whole: controls (line breaks and tabs become spaces first), lone
# surrogates (cannot be written as UTF-8) and noncharacters.
_REMOVED_CATEGORIES = frozenset({"Cc", "Cs"})
_TAG_BLACK_FLAG = 0x1F3F4
_TAG_FIRST, _TAG_LAST, _TAG_CANCEL = 0xE0020, 0xE007E, 0xE007F
# Characters that draw nothing, though they are letters or symbols to Unicode: a question of
# only these (and marks, joiners and spaces) is empty.
FILLERS = frozenset([0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5,
                     0x1D159, *range(0x1D173, 0x1D17B)])
# Format characters that draw a sign (the prepended concatenation marks of Arabic, Syriac,
# Kaithi): text of only these still shows something.
_VISIBLE_FORMATS = frozenset([*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2,
                              0x110BD, 0x110CD])
_VARIATION_SELECTORS = frozenset([*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0),
                                  *range(0x180B, 0x1810)])
_LINE_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")
_SPACES = re.compile(r"\s+")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _keep_tags(text: str, start: int) -> int:
    """The end of a well-formed emoji tag sequence starting at ``start`` (just after a
    black flag), or ``start`` when there is none."""
    end = start
    while end < len(text) and _TAG_FIRST <= ord(text[end]) <= _TAG_LAST:
        end += 1
    if end > start and end < len(text) and ord(text[end]) == _TAG_CANCEL:
        return end + 1
    return start


def remove_hiding_characters(text: str, *, keep_lines: bool = False) -> str:
    """``text`` without the characters that hide or reorder text (see the module's doc).

    Whitespace controls (tabs, line breaks) become spaces; with ``keep_lines`` line breaks
    (CR LF, CR, LS, PS, NEL) become ``\\n`` and stay.
    """
    if keep_lines:
        text = text.replace("\r\n", "\n")
    kept: list[str] = []
    index = 0
    while index < len(text):
        ch = text[index]
        code = ord(ch)
        if 0xE0000 <= code <= _TAG_CANCEL:  # tags, and the deprecated language tag
            index += 1
            continue  # kept only inside a flag's sequence, below
        if code == _TAG_BLACK_FLAG:
            end = _keep_tags(text, index + 1)
            kept.append(text[index:end])
            index = end
            continue
        index += 1
        if keep_lines and ch in _LINE_BREAKS:
            kept.append("\n")
            continue
        if ch.isspace():
            kept.append(" ")
            continue
        if code in _HIDING or _is_noncharacter(code):
            continue
        if unicodedata.category(ch) in _REMOVED_CATEGORIES:
            continue
        kept.append(ch)
    return "".join(kept)


# What a received string may not hold anywhere, even in an id or a key: lone surrogates
# (SQLite and UTF-8 cannot store them: a UnicodeEncodeError deep in the store) and control
# characters other than tab and line breaks (a NUL shows as a blank on the podium).
# Compiled on first use (~0.5 ms): the window paints before any device sends a string.
@cache
def _unwritable() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def remove_unwritable(text: str) -> str:
    """``text`` without lone surrogates and control characters (tab, LF and CR stay).

    The floor for every string a device sends, before any field's own rule
    (``normalise_text``) applies; it never changes text a keyboard can type.
    """
    return _unwritable().sub("", text)


def remove_unwritable_in(value: object) -> object:
    """A parsed JSON value with ``remove_unwritable`` applied to every string in it, keys
    included (lists and objects walked; numbers, booleans and null unchanged)."""
    if isinstance(value, str):
        return remove_unwritable(value)
    if isinstance(value, list):
        return [remove_unwritable_in(item) for item in value]
    if isinstance(value, dict):
        return {remove_unwritable(str(key)): remove_unwritable_in(item)
                for key, item in value.items()}
    return value


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me") and ord(ch) not in _VARIATION_SELECTORS


def cap_marks(text: str, limit: int = MAX_MARKS_PER_CHARACTER) -> str:
    """At most ``limit`` combining marks on each character (extra ones are dropped).

    Joiners and spacing marks between marks neither count nor start a new character, so
    interleaving them does not lift the cap; variation selectors are not counted.
    """
    kept: list[str] = []
    marks = 0
    for ch in text:
        if _is_mark(ch):
            marks += 1
            if marks > limit:
                continue
        elif unicodedata.category(ch) not in ("Mc", "Cf"):
            marks = 0
        kept.append(ch)
    return "".join(kept)


def normalise_text(text: str, *, keep_lines: bool = False) -> str:
    """NFC, hiding characters removed, whitespace collapsed and trimmed, marks capped.

    With ``keep_lines`` (notes) line breaks and spaces stay as typed (line breaks as
    ``\\n``); only the ends are trimmed. Idempotent: normalising twice changes nothing.
    """
    if text.isprintable():
        # No controls, format characters, unassigned code points or whitespace but the
        # space: nothing for ``remove_hiding_characters`` to do, and plain ASCII has nothing
        # to compose or cap either. The same result at C speed (an agenda import cleans
        # ~100,000 names, titles and roles; the character loop took ~1.4 s for them).
        if text.isascii():
            return text.strip() if keep_lines else " ".join(text.split())
    else:
        text = remove_hiding_characters(text, keep_lines=keep_lines)
    text = unicodedata.normalize("NFC", text)
    if not keep_lines:
        text = _SPACES.sub(" ", text)
    return cap_marks(text.strip())


def looks_empty(text: str) -> bool:
    """True when ``text`` shows nothing: only spaces of any kind, controls, marks, joiners,
    zero-width and other format characters, and filler letters ("" included).

    Every "must not be empty" check (session titles, names, questions, notes, poll options,
    team device names; the laptop's fields as the devices') asks this, so text that only
    looks typed (a lone U+200B) is refused everywhere alike."""
    return all(
        ch.isspace() or ord(ch) in FILLERS or ord(ch) in _VARIATION_SELECTORS
        or (unicodedata.category(ch) in ("Mn", "Me", "Mc", "Cf", "Cc", "Zs", "Zl", "Zp")
            and ord(ch) not in _VISIBLE_FORMATS)
        for ch in text
    )

