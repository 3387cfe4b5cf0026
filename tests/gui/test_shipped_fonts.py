"""Names typed in any script show on screen, not as empty boxes: the fonts shipped for the
PDFs are Qt's too (this test machine has no Devanagari, Ethiopic or emoji font of its own)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
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


# Names in every script the shipped fonts cover, drawn in a fresh process started as the
# app starts (make_application before any QApplication), one image per name.
DRAW_NAMES = r"""
import sys
from pathlib import Path
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel
import facilitator.gui.shipped_fonts as shipped
if sys.argv[1] == "one by one":
    shipped.offer_to_fontconfig = lambda: False  # as on Windows or macOS
from facilitator.gui.app import make_application
app = make_application()
for number, name in enumerate(sys.argv[3:]):
    label = QLabel(name)
    font = label.font()
    font.setPointSize(24)
    font.setBold(number % 2 == 1)
    label.setFont(font)
    label.adjustSize()
    label.grab().save(str(Path(sys.argv[2]) / f"{number}.png"))
families = QFontDatabase.families()
print(shipped.WITNESS_FAMILY in families, len(families),
      any(QFontDatabase.applicationFontFamilies(font_id) for font_id in range(100)))
"""
NAMES = ("Amina Diallo", "أمينة الحسن", "רות כהן", "अनन्या शर्मा", "অনন্যা দাস",
         "தமிழ்செல்வி", "สมชาย ใจดี", "ሰላም ተስፋዬ", "王小明", "김민준", "សុខ ចាន់",
         "မောင်မောင်", "ნინო ბერიძე", "Արմեն", "සුනිල්", "བཀྲ་ཤིས་", "𞤀𞤣𞤤𞤢𞤥", "Ana 😀✓")


def draw_names(route: str, folder, tmp_path) -> str:
    folder.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", DRAW_NAMES, route, str(folder), *NAMES],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig's route is Linux's")
def test_fonts_from_fontconfigs_folder_draw_every_name_as_qt_added_ones(tmp_path):
    """The app's start hands the folder to fontconfig (Qt adds no file itself), and every
    name, regular and bold, is drawn pixel for pixel as with the files added one by one."""
    folder_route = draw_names("app", tmp_path / "folder", tmp_path)
    one_by_one = draw_names("one by one", tmp_path / "files", tmp_path)
    assert folder_route.split()[0] == one_by_one.split()[0] == "True"  # witness family shown
    assert folder_route.split()[1] == one_by_one.split()[1]  # the same families
    assert folder_route.split()[2] == "False"  # no file added by Qt: fontconfig's folder
    assert one_by_one.split()[2] == "True"
    for number, name in enumerate(NAMES):
        drawn_from_folder = QImage(str(tmp_path / "folder" / f"{number}.png"))
        assert not drawn_from_folder.isNull()
        assert drawn_from_folder == QImage(str(tmp_path / "files" / f"{number}.png")), name
