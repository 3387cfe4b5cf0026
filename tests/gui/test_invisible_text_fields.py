"""The laptop's dialogs take text that shows nothing (a lone U+200B) as empty, as the
commands behind them do (tests/unit/test_invisible_text_is_empty.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", ["\u200b", "\u200c\u3000", "\u2800"])
def test_the_laptops_dialogs_take_invisible_text_as_empty(qtbot, text: str) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from facilitator.gui.polls.poll_dialog import PollDialog
    from facilitator.gui.speaker_dialog import SpeakerDialog

    speaker = SpeakerDialog()
    qtbot.addWidget(speaker)
    speaker.name_edit.setText(text)
    assert not speaker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    speaker.name_edit.setText("Amina" + text)
    assert speaker.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    poll = PollDialog()
    qtbot.addWidget(poll)
    poll.options.setPlainText(f"Yes\n{text}\nNo")
    assert poll.draft().options == ["Yes", "No"]
