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
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from facilitator.assets import asset_path

FONT_SUFFIXES = (".ttf", ".otf")
# A family only the shipped folder has (no system ships Adlam by default): seeing it in
# Qt's list says Qt took the folder from fontconfig.
WITNESS_FAMILY = "Noto Sans Adlam"


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


def offer_to_fontconfig() -> bool:
    """Hand ``resources/fonts`` to fontconfig as the application's fonts; True if it took
    them. Only of use before Qt's font list is read (before the QApplication is made):
    Qt reads fontconfig's list once. False where there is no fontconfig library.
    """
    import ctypes

    try:
        fontconfig = ctypes.CDLL("libfontconfig.so.1")  # the one Qt's own build loads
    except OSError:
        return False
    fontconfig.FcConfigAppFontAddDir.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
    fontconfig.FcConfigAppFontAddDir.restype = ctypes.c_int
    # None: the current configuration, the one Qt's font list reads.
    return bool(fontconfig.FcConfigAppFontAddDir(None, bytes(asset_path("fonts"))))


def shipped_fonts_shown(offered: bool) -> None:
    """Make sure Qt draws with the shipped fonts: nothing more to do when fontconfig took
    the folder (``offered``) and Qt's list shows it; else each file is added to Qt."""
    if not offered or WITNESS_FAMILY not in QFontDatabase.families():
        register_shipped_fonts()
