"""The event file opened last is gone (a USB stick or network drive not connected) when the
app starts without a file named: it opens another, and says so over the window. It opened
an older file or the built-in event without a word, and a moderator could run the panel in
another event file. Recent files whose names are not UTF-8 keep their names."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from facilitator.gui.app import App, open_first_window
from facilitator.gui.main_window import recent_files, remember_recent
from facilitator.store.agenda_io import create_event_file


@pytest.fixture
def recent(qapp):
    """The laptop's list of recent event files, put back afterwards."""
    settings = QSettings()
    kept = settings.value("recent_files")
    settings.remove("recent_files")
    yield settings
    settings.remove("recent_files")
    if kept is not None:
        settings.setValue("recent_files", kept)


def shown_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def close_all(qtbot, app: App) -> None:
    for window in list(app.windows):
        for box in shown_boxes(window):
            box.close()
        window.close()
    qtbot.waitUntil(lambda: not app.windows)


def test_the_last_file_gone_the_one_opened_instead_is_said(qtbot, tmp_path, recent):
    older = create_event_file(tmp_path / "older.db", "walrg")
    remember_recent(str(older))
    stick = tmp_path / "stick" / "plenary.db"
    remember_recent(str(stick))  # opened last, from a stick now pulled out
    app = App()
    assert open_first_window(app, None)
    try:
        window = app.windows[0]
        assert Path(window.document.path) == older.resolve()
        qtbot.waitUntil(lambda: bool(shown_boxes(window)))
        text = shown_boxes(window)[0].text()
        assert str(stick) in text and str(older.resolve()) in text
        assert "File › Open recent" in text
    finally:
        close_all(qtbot, app)


def test_the_last_file_there_opens_without_a_word(qtbot, tmp_path, recent):
    last = create_event_file(tmp_path / "last.db", "walrg")
    remember_recent(str(tmp_path / "gone.db"))  # an older file gone: nothing to say
    remember_recent(str(last))
    app = App()
    assert open_first_window(app, None)
    try:
        window = app.windows[0]
        assert Path(window.document.path) == last.resolve()
        qtbot.wait(50)
        assert not shown_boxes(window)
    finally:
        close_all(qtbot, app)


def test_a_file_named_on_the_command_line_says_nothing_of_the_last(qtbot, tmp_path, recent):
    named = create_event_file(tmp_path / "named.db", "walrg")
    remember_recent(str(tmp_path / "gone.db"))
    app = App()
    assert open_first_window(app, str(named))
    try:
        qtbot.wait(50)
        assert not shown_boxes(app.windows[0])
    finally:
        close_all(qtbot, app)


@pytest.mark.skipif(sys.platform in ("darwin", "win32"),
                    reason="macOS and Windows file names are always Unicode")
def test_a_recent_file_named_in_no_utf8_is_the_one_opened_again(qtbot, tmp_path, recent):
    path = create_event_file(tmp_path / os.fsdecode(b"r\xe9union.db"), "walrg")
    app = App()
    assert app.open(path)
    close_all(qtbot, app)
    QSettings().sync()
    assert recent_files()[0] == str(path.resolve())  # the same name, byte for byte
    app = App()
    assert open_first_window(app, None)
    try:
        window = app.windows[0]
        assert Path(window.document.path) == path.resolve()
        assert "r\ufffdunion.db" in window.windowTitle()  # the byte Qt cannot show, marked
        with qtbot.waitSignal(window.open_requested) as opened:
            window._fill_recent_menu()
            window.recent_menu.actions()[0].trigger()
        assert opened.args == [str(path.resolve())]
    finally:
        close_all(qtbot, app)
