"""The fonts shipped for the PDFs, given to Qt too: names typed in any script show on screen.

A laptop with no Devanagari, Ethiopic or emoji font of its own would draw those names as
empty boxes in the tables and on the projector. Qt falls back to application fonts like to
system ones, so registering the shipped files once is enough.

Where Qt finds fonts through fontconfig (Linux, the BSDs), the folder is handed to
fontconfig as the application's fonts before Qt reads its font list
(``offer_to_fontconfig``): fontconfig reads the folder from its own cache (written by
fontconfig at the first start, checked against the folder's time), ~5 ms of CPU against
~10 ms for Qt's ``addApplicationFont`` of ~60 files one by one, which reads every file's
tables. Qt's fontconfig font list then holds the same fonts in the same set (fontconfig's
application fonts, where ``addApplicationFont`` puts them too). Anywhere else (Windows,
macOS, no fontconfig, an application made already), ``register_shipped_fonts``.

Qt falls back to another font only for what the font asked for lacks, and asks fontconfig
which font draws a script. fontconfig's own answer for Arabic, Hebrew, Armenian, Georgian,
Lao, N'Ko or Tifinagh is DejaVu Sans on most Linux systems: a name the PDFs print in
Noto Sans Arabic was drawn in DejaVu's plainer Arabic on screen and on the projector.
``prefer_shipped_script_fonts`` tells fontconfig to answer with the shipped family for
each script the shipped fonts cover; Latin text is asked for in another language and is
drawn as before.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from facilitator.assets import asset_path

FONT_SUFFIXES = (".ttf", ".otf")
# A family only the shipped folder has (no system ships Adlam by default): seeing it in
# Qt's list says Qt took the folder from fontconfig.
WITNESS_FAMILY = "Noto Sans Adlam"

# The language Qt names when it asks fontconfig for a script's fonts (Qt's
# qfontconfigdatabase.cpp, specialLanguages), and the shipped family for that script:
# the one reports/fonts.py prints it with. Adlam has no language there: no system font
# draws it anyway.
SCRIPT_FAMILIES: tuple[tuple[str, str], ...] = (
    ("ar", "Noto Sans Arabic"), ("he", "Noto Sans Hebrew"), ("hy", "Noto Sans Armenian"),
    ("ka", "Noto Sans Georgian"), ("syr", "Noto Sans Syriac"), ("dv", "Noto Sans Thaana"),
    ("hi", "Noto Sans Devanagari"), ("bn", "Noto Sans Bengali"), ("pa", "Noto Sans Gurmukhi"),
    ("gu", "Noto Sans Gujarati"), ("or", "Noto Sans Oriya"), ("ta", "Noto Sans Tamil"),
    ("te", "Noto Sans Telugu"), ("kn", "Noto Sans Kannada"), ("ml", "Noto Sans Malayalam"),
    ("si", "Noto Sans Sinhala"), ("th", "Noto Sans Thai"), ("lo", "Noto Sans Lao"),
    ("bo", "Noto Serif Tibetan"), ("my", "Noto Sans Myanmar"), ("km", "Noto Sans Khmer"),
    ("am", "Noto Sans Ethiopic"), ("chr", "Noto Sans Cherokee"),
    ("cr", "Noto Sans Canadian Aboriginal"), ("mn", "Noto Sans Mongolian"),
    ("ii", "Noto Sans Yi"), ("shi", "Noto Sans Tifinagh"), ("man", "Noto Sans NKo"),
    ("sat", "Noto Sans Ol Chiki"), ("vai", "Noto Sans Vai"),
)
# After the script's family: the punctuation inside a run of that script (a dash, quotes)
# in the shipped Latin font rather than in whatever fontconfig finds next.
SCRIPT_RUN_LATIN = "Noto Sans"


def register_shipped_fonts() -> list[str]:
    """Add every font in ``resources/fonts`` to Qt's database; returns the families added.

    Safe to call again: Qt keeps one entry per file.
    """
    families: list[str] = []
    for path in sorted(asset_path("fonts").iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def _fontconfig():
    """fontconfig's library (the one Qt's own build loads), or None where there is none."""
    import ctypes

    try:
        return ctypes.CDLL("libfontconfig.so.1")
    except OSError:
        return None


def offer_to_fontconfig() -> bool:
    """Hand ``resources/fonts`` to fontconfig as the application's fonts; True if it took
    them. Only of use before Qt's font list is read (before the QApplication is made):
    Qt reads fontconfig's list once. False where there is no fontconfig library.
    """
    import ctypes

    fontconfig = _fontconfig()
    if fontconfig is None:
        return False
    fontconfig.FcConfigAppFontAddDir.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
    fontconfig.FcConfigAppFontAddDir.restype = ctypes.c_int
    # None: the current configuration, the one Qt's font list reads.
    return bool(fontconfig.FcConfigAppFontAddDir(None, bytes(asset_path("fonts"))))


def script_rules() -> str:
    """fontconfig's configuration (XML) that puts, in front of the fonts asked for in one of
    ``SCRIPT_FAMILIES``' languages, that script's shipped family and then Noto Sans."""
    rules = "".join(
        f"<match target='pattern'><test name='lang' compare='contains'>"
        f"<string>{language}</string></test>"
        f"<edit name='family' mode='prepend' binding='strong'><string>{family}</string>"
        f"<string>{SCRIPT_RUN_LATIN}</string></edit></match>"
        for language, family in SCRIPT_FAMILIES)
    return f"<?xml version='1.0'?><fontconfig>{rules}</fontconfig>"


def prefer_shipped_script_fonts() -> bool:
    """Make fontconfig name the shipped family first for every script in
    ``SCRIPT_FAMILIES`` (see the module's docstring); True if it took the rules. Before
    the QApplication is made: Qt keeps the fallback fonts it was told per script. False
    where there is no fontconfig (Qt's own fallbacks on Windows and macOS)."""
    import ctypes

    fontconfig = _fontconfig()
    parse = getattr(fontconfig, "FcConfigParseAndLoadFromMemory", None)  # 2.12 (2016) on
    if fontconfig is None or parse is None:
        return False
    fontconfig.FcConfigGetCurrent.restype = ctypes.c_void_p
    parse.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
    parse.restype = ctypes.c_int
    # The current configuration named, not None: fontconfig 2.13 crashes on None here.
    return bool(parse(fontconfig.FcConfigGetCurrent(), script_rules().encode(), 1))


def shipped_fonts_shown(offered: bool) -> None:
    """Make sure Qt draws with the shipped fonts: nothing more to do when fontconfig took
    the folder (``offered``) and Qt's list shows it; else each file is added to Qt."""
    if not offered or WITNESS_FAMILY not in QFontDatabase.families():
        register_shipped_fonts()
