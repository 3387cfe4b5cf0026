"""An event file whose name is not UTF-8 opens, and its room comes back.

A USB stick or a zip archive from a Latin-1 system gives names like ``r\\xe9union.db``;
Python decodes such a name with surrogates (``r\\udce9union.db``). The window's room keeper
hashed the path with ``encode("utf-8")``, which refuses surrogates: the app ended in a
traceback before its window showed. Every name the OS can hold must open.
"""

from __future__ import annotations

import os
import sys
from hashlib import sha256

import pytest

from facilitator.gui import room_restore
from facilitator.store.sessions import list_sessions
from tests.gui.test_room_restore import close, open_app, settings  # noqa: F401 (fixture)

pytestmark = pytest.mark.skipif(sys.platform in ("darwin", "win32"),
                                reason="macOS and Windows file names are always Unicode")

NAMES = {"latin-1": b"r\xe9union.db", "cp1252 quote": b"\x93panel\x94.db",
         "cut utf-8": b"caf\xc3.db"}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_an_event_file_named_in_no_utf8_opens_and_its_room_comes_back(qtbot, tmp_path,
                                                                     settings, name):  # noqa: F811
    from facilitator.store.agenda_io import create_event_file

    path = create_event_file(tmp_path / os.fsdecode(name), "walrg")
    app, window = open_app(qtbot, path)
    last = list_sessions(window.document.file)[-1]
    window.select_session(last.id)
    window.ui.tabs.setCurrentWidget(window.tabs["Notes"])
    close(qtbot, app, window)
    app, window = open_app(qtbot, path)
    try:
        assert window.current_session_id() == last.id
        assert window.ui.tabs.currentWidget() is window.tabs["Notes"]
    finally:
        close(qtbot, app, window)


def test_a_utf8_name_keeps_the_settings_group_it_had(tmp_path):
    # Rooms recorded before the change are found again: same bytes, same digest.
    path = tmp_path / "réunion مؤتمر.db"
    old = sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    assert room_restore.place_group(path) == f"room/{old}"
