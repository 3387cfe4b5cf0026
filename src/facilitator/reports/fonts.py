"""The fonts embedded in every PDF, and which of them prints each character.

reportlab draws one font per text run and has no fallback of its own, so a text is cut
into runs here: each character goes to the first shipped font that has it (Noto Sans for
Latin, Greek and Cyrillic, then one Noto font per script, then symbols, emoji and CJK).
A character no shipped font has prints as ``MARKER`` and is counted, so that saving can
say how many did not print. What prints: docs/report-fonts.md.
"""

from __future__ import annotations

import contextlib
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.assets import asset_path

# Families in fallback order: (file stem, has a bold face). A letter goes to the first
# family that has it; so does a digit or a punctuation mark that the current run's font
# lacks (see font_runs).
_FAMILIES: tuple[tuple[str, bool], ...] = (
    ("NotoSans", True),  # Latin, Greek, Cyrillic, currency signs
    ("NotoSansArabic", True),
    ("NotoSansHebrew", True),
    ("NotoSansArmenian", True),
    ("NotoSansGeorgian", True),
    ("NotoSansDevanagari", True),
    ("NotoSansBengali", True),
    ("NotoSansGurmukhi", True),
    ("NotoSansGujarati", True),
    ("NotoSansOriya", True),
    ("NotoSansTamil", True),
    ("NotoSansTelugu", True),
    ("NotoSansKannada", True),
    ("NotoSansMalayalam", True),
    ("NotoSansSinhala", True),
    ("NotoSansThai", True),
    ("NotoSansLao", True),
    ("NotoSansKhmer", True),
    ("NotoSansMyanmar", True),
    ("NotoSansEthiopic", True),
    ("NotoSansThaana", True),
    ("NotoSansSyriac", False),
    ("NotoSerifTibetan", False),
    ("NotoSansMongolian", False),
    ("NotoSansTifinagh", False),
    ("NotoSansCanadianAboriginal", False),
    ("NotoSansCherokee", False),
    ("NotoSansAdlam", False),
    ("NotoSansNKo", False),
    ("NotoSansVai", False),
    ("NotoSansYi", False),
    ("NotoSansOlChiki", False),
    ("NotoSansMath", False),  # ≤ ≥ ≠ ≈ and the other operators
    ("NotoSansSymbols", False),
    ("NotoSansSymbols2", False),  # ✓ ✗ arrows, shapes, some pictographs
    ("Symbola", False),  # emoji (Unicode 9), in black and white
    ("DroidSansFallback", False),  # Chinese, Japanese, Korean
)

# Fonts whose text needs no shaping engine unless a combining mark is in it: one glyph per
# character, left to right (HarfBuzz still positions marks when there are some).
SIMPLE_FAMILIES = frozenset({"NotoSans", "NotoSansMath", "NotoSansSymbols",
                             "NotoSansSymbols2", "Symbola", "DroidSansFallback"})

SANS = "Facilitator-NotoSans"
SANS_BOLD = "Facilitator-NotoSans-Bold"
MARKER = "\ufffd"  # "�", in Noto Sans: the sign readers know for "this did not print"


def font_name(stem: str, bold: bool = False) -> str:
    """The reportlab name of a shipped family's face (regular if it has no bold)."""
    return f"Facilitator-{stem}-Bold" if bold and _BOLD.get(stem) else f"Facilitator-{stem}"


_BOLD = dict(_FAMILIES)


@dataclass
class _Face:
    name: str
    family: str
    coverage: frozenset[int]


_faces: dict[tuple[str, bool], _Face] = {}

# reportlab's font tables are one per process, shared by every PDF being written: each
# thread lays out and writes its own document, and holds this lock only for the few steps
# that change or walk a shared table — registering the fonts, making a HarfBuzz font and
# giving a shaped glyph its private code (shaping.py), and cutting a font's subset as a
# document is saved. A subset is cut by moving one read position through the shared font
# file: two threads cutting one font at once made wrong glyphs or a KeyError (tested). A
# whole PDF no longer holds a lock: a session's PDF is not kept waiting behind a long
# whole-event report.
FONT_TABLES = threading.RLock()


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (once per process, about 0.4 s; any
    thread: another thread asking meanwhile waits until all are registered)."""
    if _faces:
        return
    with FONT_TABLES:
        if _faces:
            return
        faces: dict[tuple[str, bool], _Face] = {}
        for stem, has_bold in _FAMILIES:
            for bold in (False, True) if has_bold else (False,):
                name = font_name(stem, bold)
                filename = f"{stem}-Bold.ttf" if bold else (
                    f"{stem}.ttf" if stem in ("Symbola", "DroidSansFallback") else
                    f"{stem}-Regular.ttf")
                font = TTFont(name, str(asset_path("fonts", filename)))
                # This face's own cut, in front of its class's (on purpose).
                font.face.makeSubset = _one_at_a_time(  # type: ignore[method-assign,assignment]
                    font.face.makeSubset)
                pdfmetrics.registerFont(font)
                # A snapshot: shaping later adds private-use entries to the live table.
                faces[(stem, bold)] = _Face(name, stem, frozenset(font.face.charToGlyph))
        _faces.update(faces)  # all at once: a reader sees none or every face


def _one_at_a_time(cut: Callable[[Sequence[Any]], bytes]
                   ) -> Callable[[Sequence[Any]], bytes]:
    def cut_alone(subset: Sequence[Any]) -> bytes:
        with FONT_TABLES:
            return cut(subset)

    return cut_alone


def _face(stem: str, bold: bool) -> _Face:
    return _faces.get((stem, bold)) or _faces[(stem, False)]


def family_of(name: str) -> str:
    """The family stem of a registered face name."""
    stem = name.removeprefix("Facilitator-")
    return stem.removesuffix("-Bold")


# --- which font prints which character -----------------------------------------------------

@dataclass
class MissingCharacters:
    """Characters that no shipped font has, seen while a document was laid out."""

    counts: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def describe(self, limit: int = 5) -> str:
        """"U+1F972 🥲, U+E000" — the distinct characters, most frequent first."""
        shown = [f"U+{ord(c):04X} {c}" if unicodedata.category(c)[0] not in "CZM"
                 else f"U+{ord(c):04X}" for c, _ in self.counts.most_common(limit)]
        more = len(self.counts) - len(shown)
        return ", ".join(shown) + (f" and {more} more" if more > 0 else "")

    def message(self, document: str = "the PDF") -> str:
        """One sentence for the CLI or a status bar; "" when everything printed."""
        if not self.counts:
            return ""
        n = self.count
        return (f"{n} character{'s' if n != 1 else ''} in {document} could not be printed "
                f"and show as {MARKER}: {self.describe()}")


_missing: ContextVar[MissingCharacters | None] = ContextVar("missing_characters",
                                                            default=None)


@contextlib.contextmanager
def collecting_missing() -> Iterator[MissingCharacters]:
    """Count the characters that print as ``MARKER`` while the block lays text out."""
    missing = MissingCharacters()
    token = _missing.set(missing)
    try:
        yield missing
    finally:
        _missing.reset(token)


@contextlib.contextmanager
def not_counting_missing() -> Iterator[None]:
    """Lay out text that repeats what was counted already (running headers, contents)."""
    token = _missing.set(None)
    try:
        yield
    finally:
        _missing.reset(token)


def _note_missing(char: str) -> None:
    missing = _missing.get()
    if missing is not None:
        missing.counts[char] += 1


@dataclass(frozen=True)
class FontRun:
    """Characters ``text[start:end]`` printed in the face ``font``."""
    start: int
    end: int
    font: str


def font_runs(text: str, bold: bool = False) -> tuple[str, list[FontRun]]:
    """The text as it will print (missing characters replaced by ``MARKER``) and its runs.

    A letter takes the first family in fallback order that has it; digits, spaces and
    punctuation stay in the current run's font when it has them, so a phrase is shaped as
    one piece; marks and joiners stay with their base character.
    """
    register_fonts()
    faces = [_face(stem, bold) for stem, _ in _FAMILIES]
    if not text or faces[0].coverage.issuperset(map(ord, text)):
        # Most text: every character in Noto Sans, so one run (what the loop would find).
        return text, [FontRun(0, len(text), faces[0].name)] if text else []
    out: list[str] = []
    runs: list[FontRun] = []
    current: _Face | None = None
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        face: _Face | None = None
        if category == "Cf":
            # Joiners, direction marks, selectors: invisible, and they must stay inside
            # their run for the shaping engine (a Persian ZWNJ, an emoji ZWJ).
            face = current or faces[0]
        elif current is not None and category[0] != "L" and code in current.coverage:
            face = current  # a mark, digit, space or punctuation mark the run's font has
        else:
            face = next((f for f in faces if code in f.coverage), None)
        if face is None:
            if category == "Zs":
                char, face = " ", current or faces[0]
            else:
                _note_missing(char)
                char, face = MARKER, faces[0]
        if runs and face is current:
            runs[-1] = FontRun(runs[-1].start, runs[-1].end + 1, face.name)
        else:
            runs.append(FontRun(len(out), len(out) + 1, face.name))
        current = face
        out.append(char)
    return "".join(out), runs
