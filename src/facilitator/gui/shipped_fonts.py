"""The fonts shipped for the PDFs, given to Qt too: names typed in any script show on screen.

A laptop with no Devanagari, Ethiopic or emoji font of its own would draw those names as
empty boxes in the tables and on the projector. Qt falls back to application fonts like to
system ones, so registering the shipped files once is enough (about 12 ms for ~60 files:
Qt reads a font's tables only when it first needs them).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from facilitator.assets import asset_path

FONT_SUFFIXES = (".ttf", ".otf")


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
