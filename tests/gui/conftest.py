"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.gui.i18n import install_translators
from facilitator.gui.projector import ProjectorWindow


@pytest.fixture
def interface(qapp, language):
    """The interface in ``language`` (the test's own parameter: "en", "fr", "es") for the
    length of the test, its translators removed after it."""
    translators = install_translators(qapp, language)
    yield language
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def projector(qtbot) -> ProjectorWindow:
    """The projector window alone, at 720p, shown offscreen."""
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def answer_question(qtbot):
    """Answer an open "are you sure?" box (``user_text.confirm``) under ``parent`` by its
    object name: ``yes`` clicks its action button, else Cancel. Returns the box's text."""
    def answer(parent: QWidget, name: str, yes: bool = True) -> str:
        shown = [b for b in parent.findChildren(QMessageBox, name) if b.isVisible()]
        assert len(shown) == 1, name
        box = shown[0]
        role = (QMessageBox.ButtonRole.AcceptRole if yes
                else QMessageBox.ButtonRole.RejectRole)
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        text = box.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return text
    return answer
