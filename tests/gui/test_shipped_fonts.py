"""Names typed in any script show on screen, not as empty boxes: the fonts shipped for the
PDFs are Qt's too (this test machine has no Devanagari, Ethiopic or emoji font of its own)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage
from PySide6.QtWidgets import QLabel

from facilitator.gui.app import make_application
from facilitator.gui.shipped_fonts import register_shipped_fonts


def test_the_app_registers_the_shipped_fonts(qapp):
    make_application()
    families = register_shipped_fonts()  # again: no harm
    for family, sample in (("Noto Sans Devanagari", "अनन्या"), ("Noto Sans Ethiopic", "ሰላም"),
                           ("Symbola", "😀"),
                           ("Droid Sans Fallback", "王小明")):
        assert family in families
        metrics = QFontMetrics(QFont(family))
        assert all(metrics.inFontUcs4(ord(ch)) for ch in sample), family


def drawn(text: str) -> QImage:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(24)
    label.setFont(font)
    label.adjustSize()
    return label.grab().toImage()


def test_a_devanagari_name_is_drawn_with_its_letters(qapp):
    """Without the shipped fonts this machine draws the name as boxes; with them, not."""
    name = "अनन्या शर्मा"
    QFontDatabase.removeAllApplicationFonts()
    as_boxes = drawn(name)
    register_shipped_fonts()
    assert drawn(name) != as_boxes
