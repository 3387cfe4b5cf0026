"""User text cut into lines of shaped pieces, in the order a reader sees them.

One paragraph (a line of the typed text) goes through four steps:
1. fonts: each character to the shipped font that has it (``fonts.font_runs``);
2. bidi: the Unicode bidirectional algorithm (python-bidi) gives each character its
   embedding level, so Arabic and Hebrew run right to left with their digits and brackets;
3. pieces: the text is cut where the font or the level changes and where a line may break
   (after a space, between Chinese characters…); each piece is shaped by HarfBuzz;
4. lines: pieces fill lines greedily; a word wider than a line is broken between clusters;
   each line is then put in visual order (rule L2 of the bidi algorithm).
Widths are in thousandths of the font size, so a layout serves any size.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from unicodedata import bidirectional

from bidi import get_base_level as unicode_base_level
from bidi import get_display
from bidi.algorithm import (
    X9_REMOVED,
    explicit_embed_and_overrides,
    get_base_level,
    get_embedding_levels,
    get_empty_storage,
    resolve_implicit_levels,
    resolve_neutral_types,
    resolve_weak_types,
)

from facilitator.reports.fonts import SANS, font_runs
from facilitator.reports.shaping import ShapedRun, cluster_widths, shape

ELLIPSIS = "…"
_RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI", "FSI"})  # AN: see N1
# What rule L1 sets back to the paragraph's level at the end of a line: never drawn.
_TRAILING_CLASSES = frozenset({"WS", "BN", "LRI", "RLI", "FSI", "PDI", "LRE", "RLE", "LRO",
                               "RLO", "PDF"})
_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")
_CLOSING = frozenset("、。，．：；！？）」』】〉》〕〗〙〛ー々ゝゞ・")
# Characters that end a paragraph, and controls that would corrupt a PDF text operator.
_PARAGRAPH_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


@dataclass(frozen=True)
class Piece:
    """A shaped piece of a paragraph: one font, one bidi level, never across a break."""

    text: str
    font: str
    level: int
    space: bool  # only spaces: left out at the end of a line
    shaped: ShapedRun

    @property
    def width(self) -> float:
        return self.shaped.width

    @property
    def blank(self) -> bool:
        """Only spaces and invisible controls: left out at the end of a line (rule L1)."""
        return self.space or all(bidirectional(c) in _TRAILING_CLASSES for c in self.text)


@dataclass(frozen=True)
class Line:
    """One printed line: its pieces in reading order (logical), and its direction."""

    pieces: tuple[Piece, ...]
    rtl: bool  # the paragraph runs right to left: the line starts at the right edge

    @property
    def width(self) -> float:
        return sum(p.width for p in self.pieces)

    @property
    def rise(self) -> float:
        return max((p.shaped.rise for p in self.pieces), default=0.0)

    def visual(self) -> list[Piece]:
        """The pieces from left to right (rule L2: reverse runs from the highest level)."""
        items = list(self.pieces)
        odd = [p.level for p in items if p.level % 2]
        if not odd:
            return items
        for level in range(max(p.level for p in items), min(odd) - 1, -1):
            index = 0
            while index < len(items):
                if items[index].level < level:
                    index += 1
                    continue
                end = index
                while end < len(items) and items[end].level >= level:
                    end += 1
                items[index:end] = items[index:end][::-1]
                index = end
        return items

    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph cut into break segments (each: a word and the spaces after it)."""

    rtl: bool
    segments: tuple[tuple[Piece, ...], ...]


def paragraphs(text: str, bold: bool = False) -> list[Paragraph]:
    """The text's paragraphs, itemized and shaped (newlines start a paragraph)."""
    text = _CONTROL.sub("", text.replace("\t", " "))
    return [_paragraph(part, bold) for part in _PARAGRAPH_BREAK.split(text)]


def _paragraph(text: str, bold: bool) -> Paragraph:
    printed, runs = font_runs(text, bold)
    base, levels = _bidi_levels(printed)
    fonts = [""] * len(printed)
    for run in runs:
        fonts[run.start:run.end] = [run.font] * (run.end - run.start)
    breaks = _break_opportunities(printed)
    spaces = ([c == " " for c in printed] if printed.isascii()
              else [_is_space(c) for c in printed])
    segments: list[tuple[Piece, ...]] = []
    pieces: list[Piece] = []
    start = 0
    for index in range(1, len(printed) + 1):
        at_end = index == len(printed)
        is_break = at_end or index in breaks
        if (is_break or fonts[index] != fonts[start] or levels[index] != levels[start]
                or spaces[index] != spaces[start]):
            pieces.append(_piece(printed[start:index], fonts[start], levels[start]))
            start = index
        if is_break and pieces:
            segments.append(tuple(pieces))
            pieces = []
    return Paragraph(bool(base % 2), tuple(segments))


def _piece(text: str, font: str, level: int) -> Piece:
    return Piece(text, font, level, _is_space(text[0]), shape(text, font, bool(level % 2)))


def _is_space(char: str) -> bool:
    return unicodedata.category(char) == "Zs" and char not in _NO_BREAK_SPACES


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


_ASCII_BREAKS = re.compile(r"(?<= )(?=[^ ])|(?<=[^ ][-/])(?=[^ ])")


def _break_opportunities(text: str) -> set[int]:
    """Indexes a line may start at: after spaces, hyphens and slashes, around CJK."""
    if text.isascii():  # the same rules, without a Unicode lookup per character
        return {m.start() for m in _ASCII_BREAKS.finditer(text) if m.start() > 0}
    breaks: set[int] = set()
    for index in range(1, len(text)):
        before, char = text[index - 1], text[index]
        category = unicodedata.category(char)
        if category[0] == "M" or char in "\u200d" or before == "\u200d" or _is_space(char):
            continue  # never inside a cluster; spaces stay at the end of their word
        after_space = _is_space(before) or before == "\u200b"
        after_hyphen = before in "-‐/–—" and index >= 2 and not _is_space(text[index - 2])
        around_cjk = ((_wide(before) or _wide(char)) and char not in _CLOSING
                      and unicodedata.category(before) != "Ps" and category[0] != "P")
        if after_space or after_hyphen or around_cjk:
            breaks.add(index)
    return breaks


def _bidi_levels(text: str) -> tuple[int, list[int]]:
    """The paragraph's base level and each character's resolved level (rules P2 to I2)."""
    if not any(bidirectional(c) in _RTL_CLASSES for c in text):
        return 0, [0] * len(text)
    levels = _unicode_bidi_levels(text)
    if levels is None:  # a python-bidi whose report cannot be read: the older algorithm
        return _reference_levels(text)
    return unicode_base_level(text), levels


_LEVELS = re.compile(r"levels: \[(.*?)\]", re.DOTALL)
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def _unicode_bidi_levels(text: str) -> list[int] | None:
    """Levels by python-bidi's Rust implementation (Unicode 15: isolates, bracket pairs).

    Its documented ``debug`` report is the only way it gives them: one level per UTF-8
    byte. None when the report is not what this reads.
    """
    report = get_display(text, debug=True)
    found = _LEVELS.search(report) if isinstance(report, str) else None
    if found is None:
        return None
    per_byte = [int(level) for level in _LEVEL.findall(found.group(1))]
    levels: list[int] = []
    position = 0
    for char in text:
        if position >= len(per_byte):
            return None
        levels.append(per_byte[position])
        position += len(char.encode("utf-8", "surrogatepass"))
    return levels if position == len(per_byte) else None


_ISOLATES_AS_EMBEDDINGS = str.maketrans({"\u2066": "\u202a", "\u2067": "\u202b",
                                         "\u2069": "\u202c"})


def _reference_levels(text: str) -> tuple[int, list[int]]:
    """Levels by python-bidi's Python implementation (Unicode 5: no bracket pairs)."""
    # It predates isolates (LRI, RLI, FSI, PDI): they are read as the embeddings they
    # extend, a first-strong isolate by its first letter.
    text = text.translate(_ISOLATES_AS_EMBEDDINGS)
    while (first_strong := text.rfind("\u2068")) >= 0:  # the innermost first
        end = text.find("\u202c", first_strong)
        inside = text[first_strong + 1:end if end >= 0 else len(text)]
        text = (text[:first_strong] + ("\u202b" if get_base_level(inside) else "\u202a")
                + text[first_strong + 1:])
    storage = get_empty_storage()
    base = get_base_level(text)
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    get_embedding_levels(text, storage)
    chars = list(storage["chars"])  # one per character; X9 drops embeddings and joiners
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    levels: list[int] = []
    for char in chars:
        # Removed characters (ZWJ, ZWNJ, embeddings) take their neighbour's level so that
        # they stay inside its run and reach the shaping engine.
        removed = char["orig"] in X9_REMOVED or char["type"] in X9_REMOVED
        levels.append(levels[-1] if removed and levels else
                      base if removed else char["level"])
    return base, levels


# --- lines ---------------------------------------------------------------------------------

def lay_out(paras: Iterable[Paragraph], width: float) -> list[Line]:
    """Fill lines of at most ``width`` (thousandths of the font size) with the paragraphs.

    A line is wider only when one cluster alone is: the drawing squeezes it to fit.
    """
    lines: list[Line] = []
    for para in paras:
        current: list[Piece] = []
        used = 0.0
        for segment in para.segments:
            ink = sum(p.width for p in _without_trailing_spaces(segment))
            if current and used + ink > width:
                lines.append(_line(current, para.rtl))
                current, used = [], 0.0
            if not current and ink > width:
                chunks = _break_word(segment, width)
                lines += [_line(chunk, para.rtl) for chunk in chunks[:-1]]
                segment = tuple(chunks[-1])
            current += segment
            used += sum(p.width for p in segment)
        lines.append(_line(current, para.rtl))
    return lines


def _without_trailing_spaces(pieces: Sequence[Piece]) -> Sequence[Piece]:
    end = len(pieces)
    while end and pieces[end - 1].blank:
        end -= 1
    return pieces[:end]


def _line(pieces: Sequence[Piece], rtl: bool) -> Line:
    return Line(tuple(_without_trailing_spaces(pieces)), rtl)


def _break_word(segment: Sequence[Piece], width: float) -> list[list[Piece]]:
    """A word wider than a line, cut between clusters into line-wide chunks."""
    chunks: list[list[Piece]] = [[]]
    used = 0.0
    for piece in segment:
        rtl = bool(piece.level % 2)
        clusters = cluster_widths(piece.text, piece.font, rtl)
        start = 0
        for position, (cluster_start, advance) in enumerate(clusters):
            if used + advance > width and (used > 0 or cluster_start > start):
                if cluster_start > start:
                    chunks[-1].append(_piece(piece.text[start:cluster_start], piece.font,
                                             piece.level))
                chunks.append([])
                used, start = 0.0, cluster_start
            used += advance
            if position == len(clusters) - 1:
                chunks[-1].append(_piece(piece.text[start:], piece.font, piece.level))
    return [chunk for chunk in chunks if chunk] or [[]]


def shorten(lines: list[Line], count: int, width: float) -> list[Line]:
    """The first ``count`` lines, the last ending in "…" within ``width``."""
    if len(lines) <= count:
        return lines
    kept = lines[:count]
    last = list(kept[-1].pieces)
    base_level = 1 if kept[-1].rtl else 0
    mark = Piece(ELLIPSIS, SANS, base_level, False, shape(ELLIPSIS, SANS, bool(base_level)))
    while last and sum(p.width for p in last) + mark.width > width:
        last.pop()
    kept[-1] = Line(tuple(_without_trailing_spaces(last)) + (mark,), kept[-1].rtl)
    return kept
