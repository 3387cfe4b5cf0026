"""One run of text in one font, shaped by HarfBuzz into the glyphs reportlab draws.

Arabic letters join, Devanagari and other Indic scripts form conjuncts and reorder vowel
signs, Thai and Hebrew marks sit where they belong: HarfBuzz (uharfbuzz) picks and places
the glyphs; reportlab's ``ShapedStr`` carries them, with their offsets, into the PDF and
subsets the font. A right-to-left run comes back in visual order, brackets mirrored.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from facilitator.reports.fonts import FONT_TABLES, SIMPLE_FAMILIES, family_of

# Latin ligatures would put "ﬁ" (or a private-use code) where "fi" was typed, and text
# searched or copied from the PDF would no longer match: keep them off in the simple fonts.
_NO_LIGATURES = {"liga": False, "clig": False, "dlig": False}


@dataclass(frozen=True)
class ShapedRun:
    """What to draw for a run: ``glyphs`` (a ``ShapedStr`` when HarfBuzz placed them)."""

    glyphs: str
    width: float  # advance of the whole run, in thousandths of the font size
    rise: float  # the largest vertical mark offset, in thousandths of the font size
    faithful: bool  # the glyphs read back as the typed text (no /ActualText needed)


def _needs_engine(text: str, font: str, rtl: bool) -> bool:
    if rtl or family_of(font) not in SIMPLE_FAMILIES:
        return True
    return any(unicodedata.category(c)[0] == "M" for c in text)


def _hb_font(font: str) -> tuple[TTFont, uharfbuzz.Font]:
    found = _hb_fonts.get(font)
    if found is None:
        with FONT_TABLES:  # made once: a second hbFace would forget the private codes
            found = _hb_fonts.get(font)
            if found is None:
                ttf = pdfmetrics.getFont(font)
                # hbFont also gives the font its hbAddPrivate (codes for glyphs no
                # character maps to).
                found = _hb_fonts[font] = (ttf, ttf.hbFont(1000))
    return found


_hb_fonts: dict[str, tuple[TTFont, uharfbuzz.Font]] = {}


def _private_code(ttf: TTFont, hb: uharfbuzz.Font, gid: int, advance: float) -> int:
    # The next free private code is found and taken in the font's shared tables: two
    # threads at once could give two glyphs one code.
    with FONT_TABLES:
        return int(ttf.hbAddPrivate(hb.glyph_to_string(gid), gid, advance))


def _harfbuzz(text: str, font: str, rtl: bool) -> tuple[list[int], list[ShapeData]]:
    ttf, hb = _hb_font(font)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.guess_segment_properties()
    features = _NO_LIGATURES if family_of(font) in SIMPLE_FAMILIES else None
    uharfbuzz.shape(hb, buffer, features)
    codes: list[int] = []
    data: list[ShapeData] = []
    face = ttf.face
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        chars = face.glyphToChar.get(gid)
        advance = ttf.pdfScale(pos.x_advance)
        code = chars[0] if chars else _private_code(ttf, hb, gid, advance)
        codes.append(code)
        data.append(ShapeData(info.cluster, advance, ttf.pdfScale(pos.y_advance),
                              ttf.pdfScale(pos.x_offset), ttf.pdfScale(pos.y_offset),
                              face.charWidths.get(code, advance)))
    return codes, data


@functools.lru_cache(maxsize=65536)
def shape(text: str, font: str, rtl: bool = False) -> ShapedRun:
    """The run ``text`` (all in ``font``) ready to draw; ``rtl`` for an odd bidi level."""
    if not _needs_engine(text, font, rtl):
        return ShapedRun(text, pdfmetrics.stringWidth(text, font, 1000), 0.0, True)
    codes, data = _harfbuzz(text, font, rtl)
    glyphs = ShapedStr("".join(map(chr, codes)), shapeData=data)
    return ShapedRun(glyphs, sum(d.x_advance for d in data),
                     max((abs(d.y_offset) for d in data), default=0.0), str(glyphs) == text)


def cluster_widths(text: str, font: str, rtl: bool = False) -> list[tuple[int, float]]:
    """(start index, advance) of each piece the run may be broken between, in text order.

    Only used for a word wider than a line: it is then broken between clusters (a letter
    with its marks, an Indic conjunct), never inside one.
    """
    if not _needs_engine(text, font, rtl):
        widths: list[tuple[int, float]] = []
        for index, char in enumerate(text):
            width = pdfmetrics.stringWidth(char, font, 1000)
            if widths and unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf"):
                widths[-1] = (widths[-1][0], widths[-1][1] + width)
            else:
                widths.append((index, width))
        return widths
    _, data = _harfbuzz(text, font, rtl)
    per_cluster: dict[int, float] = {}
    for item in data:
        per_cluster[item.cluster] = per_cluster.get(item.cluster, 0.0) + item.x_advance
    return sorted(per_cluster.items())
