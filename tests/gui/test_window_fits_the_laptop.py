"""The main window fits a laptop screen at the scaling laptops ship with, in every interface
language, whichever tab is open: a 1920×1080 laptop at 150 % (and a 2560×1440 one at
200 %) gives the app 1280×720 logical pixels, less the title bar and a panel. The
Questions tab's eight moderation buttons in one row made the window 1289 px wide at least
(1305 in French): its right edge, with the Run tab's buttons, was off the screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from facilitator.gui.i18n import install_translators
from facilitator.gui.main_window import MainWindow
from facilitator.gui.shipped_fonts import register_shipped_fonts

LAPTOP = (1280, 720 - 60)  # 150 % of 1920×1080, less a title bar and a panel


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_tab_fits_a_laptop_at_150_percent(qtbot, document, language):
    app = QApplication.instance()
    register_shipped_fonts()  # the app's fonts, as it starts
    translators = install_translators(app, language)
    try:
        window = MainWindow(document)
        qtbot.addWidget(window)
        questions = window.tabs["Questions"]
        questions.server_host, questions.server_port = "127.0.0.1", 0  # never a fixed port
        window.resize(*LAPTOP)
        window.show()
        too_big = {}
        for name, page in window.tabs.items():
            window.ui.tabs.setCurrentWidget(page)  # tabs are built when first shown
            qtbot.wait(10)
            least = window.minimumSizeHint()
            if least.width() > LAPTOP[0] or least.height() > LAPTOP[1]:
                too_big[name] = (least.width(), least.height())
        assert too_big == {}, (language, too_big)
        assert window.width() <= LAPTOP[0]
    finally:
        for translator in translators:
            app.removeTranslator(translator)
