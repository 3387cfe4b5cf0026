"""Test set-up: Qt offscreen, private config/data folders, fresh event files."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Before anything imports Qt or platformdirs: no display, and never the user's own settings.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_private = Path(tempfile.mkdtemp(prefix="facilitator-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_private / "config")
os.environ["XDG_DATA_HOME"] = str(_private / "data")
os.environ.setdefault("FACILITATOR_TEST", "1")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# CI runs the same examples every time (a failure there reproduces at once); locally each
# run explores new ones. Tests keep their own bounded max_examples.
# No per-example deadline: these tests check what text becomes, not how fast, and on a
# loaded 2-core machine one slow example failed as DeadlineExceeded (timing is the
# benchmarks' job, scripts/bench).
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("local", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")

from facilitator.store import EventFile  # noqa: E402
from facilitator.store.agenda_io import create_event_file  # noqa: E402
from tests.held_keys import release_held_keys  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_key_held_after_the_test():
    """Each test leaves Qt with no modifier key held (``tests/held_keys.py``: QTest's clicks
    with Shift or Ctrl leave Qt believing the key is down, and the next test's selections
    and clicks act as if it were)."""
    yield
    release_held_keys()


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A fresh World Assembly event file."""
    return create_event_file(tmp_path / "event.db", "walrg")


@pytest.fixture
def event_file(sample_path: Path):
    with EventFile.open(sample_path) as opened:
        yield opened


@pytest.fixture
def document(qapp, event_file):
    from facilitator.core.clock import FakeClock
    from facilitator.gui.document import EventDocument

    return EventDocument(event_file, clock=FakeClock())


@pytest.fixture
def questions_window(qtbot, document):
    """The main window on the Questions tab, its phone server on loopback, a free port."""
    from facilitator.gui.main_window import MainWindow

    window = MainWindow(document)
    qtbot.addWidget(window)
    window.show()
    tab = window.tabs["Questions"]
    tab.server_host, tab.server_port = "127.0.0.1", 0
    window.ui.tabs.setCurrentWidget(tab)
    yield window
    tab.shutdown()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """The folder a test saves its pictures in: docs/screenshots under scripts/screenshots
    (FACILITATOR_SCREENSHOTS=1), else a temporary folder, so a test run leaves the tree clean."""
    if os.environ.get("FACILITATOR_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
    else:
        folder = tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def python_exe() -> str:
    return sys.executable
