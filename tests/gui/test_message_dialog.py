"""The "Message to the speaker" dialog remembers whether the last message blinked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from facilitator.gui.message_dialog import BLINK_SETTING, MessageDialog
from facilitator.gui.run_tab import RunTab
from facilitator.store import sessions as store


@pytest.fixture
def run_tab(qtbot, document):
    QSettings().remove(BLINK_SETTING)
    tab = RunTab(document)
    qtbot.addWidget(tab)
    tab.set_session(store.list_sessions(document.file)[0].id)
    yield tab
    tab.shutdown()
    QSettings().remove(BLINK_SETTING)


def test_the_blink_choice_is_kept_between_openings(qtbot, run_tab):
    run_tab.message_action.trigger()
    first = run_tab.message_dialog
    assert first.blink_box.isChecked()  # blinking until the moderator says otherwise
    first.blink_box.setChecked(False)
    first.text_box.setEditText("Please slow down for the interpreters")
    first.accept()
    assert run_tab.projector.message and not run_tab.projector.blinking

    run_tab.message_action.trigger()
    second = run_tab.message_dialog
    assert second is not first and not second.blink_box.isChecked()
    second.blink_box.setChecked(True)
    second.accept()
    assert run_tab.projector.blinking

    run_tab.message_action.trigger()
    assert run_tab.message_dialog.blink_box.isChecked()
    run_tab.message_dialog.reject()


def test_cancel_and_clear_keep_the_last_shown_choice(qtbot, run_tab):
    dialog = MessageDialog(parent=run_tab)
    dialog.blink_box.setChecked(False)
    dialog.accept()
    for closing in ("reject", "_clear"):
        dialog = MessageDialog(parent=run_tab)
        assert not dialog.blink_box.isChecked()
        dialog.blink_box.setChecked(True)
        getattr(dialog, closing)()
    assert not MessageDialog(parent=run_tab).blink_box.isChecked()


def test_a_new_message_dialog_outlives_a_restart_of_the_choice(qtbot, run_tab):
    QSettings().setValue(BLINK_SETTING, False)
    QSettings().sync()
    assert not MessageDialog(parent=run_tab).blink_box.isChecked()
