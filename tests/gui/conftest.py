"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from facilitator.gui.projector import ProjectorWindow


@pytest.fixture
def projector(qtbot) -> ProjectorWindow:
    """The projector window alone, at 720p, shown offscreen."""
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window
