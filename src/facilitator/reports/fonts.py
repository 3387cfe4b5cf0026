"""The fonts embedded in every report, and user text turned into safe reportlab markup.

Noto Sans covers Latin with diacritics (Azerbaijani, Polish, Vietnamese…), Cyrillic and
Greek. Runs of Arabic letters switch to Noto Sans Arabic and runs of Chinese, Japanese and
Korean to Droid Sans Fallback, because reportlab draws one font per text run and has no
font fallback of its own. What is and is not supported: docs/report-fonts.md.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.assets import asset_path

SANS = "FacilitatorSans"
SANS_BOLD = "FacilitatorSans-Bold"
ARABIC = "FacilitatorArabic"
CJK = "FacilitatorCJK"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    CJK: "DroidSansFallback.ttf",
}

_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_CJK_CHARS = ("\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff"
              "\u3200-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f"
              "\uff00-\uffef")
# An Arabic run goes on over spaces between Arabic words so a phrase is reversed whole.
_RUN = re.compile(rf"(?P<arabic>[{_ARABIC_CHARS}]+(?:\s+[{_ARABIC_CHARS}]+)*)"
                  rf"|(?P<cjk>[{_CJK_CHARS}]+)")
_CJK_TEST = re.compile(rf"[{_CJK_CHARS}]")
# Control characters other than tab and newline would break the PDF text operators.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_registered = False


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (once per process)."""
    global _registered
    if _registered:
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(asset_path("fonts", filename))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)
    # Arabic and CJK have no bold face shipped: <b> around them keeps the regular face.
    for name in (ARABIC, CJK):
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name,
                                      boldItalic=name)
    _registered = True


def _visual_arabic(run: str) -> str:
    """Join the letters (contextual forms) and put the run in right-to-left visual order."""
    import arabic_reshaper

    return arabic_reshaper.reshape(run)[::-1]


def markup(text: str) -> str:
    """User text as reportlab paragraph markup: escaped, with per-script font runs.

    ``<b>`` or ``&`` in a note print literally; newlines become line breaks.
    """
    text = _CONTROL.sub(" ", text)
    out: list[str] = []
    position = 0
    for match in _RUN.finditer(text):
        out.append(escape(text[position:match.start()]))
        if match.group("arabic"):
            out.append(f'<font name="{ARABIC}">{escape(_visual_arabic(match.group()))}</font>')
        else:
            out.append(f'<font name="{CJK}">{escape(match.group())}</font>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out).replace("\n", "<br/>")


def has_cjk(text: str) -> bool:
    """True if the text needs CJK line breaking (no spaces between words)."""
    return bool(_CJK_TEST.search(text))
