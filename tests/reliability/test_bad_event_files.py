"""Event files the app cannot use: a clear message, no traceback, nothing overwritten.

Each case goes through the CLI (``facilitator import``, which opens the file for writing,
in a real process) and through the GUI's open path (``App.open`` in-process, offscreen, and
``facilitator FILE`` in a real process, which is ``run_app``). Disk-full and read-only
files live on small tmpfs mounts (the tests run as root, which ignores chmod); those cases
skip, saying why, where mounting is not allowed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.store import EventFile
from facilitator.store.agenda_io import create_event_file

pytestmark = [pytest.mark.reliability,
              pytest.mark.skipif(os.name != "posix", reason="tmpfs mounts and flock: POSIX")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def env_for(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen",
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "facilitator", *args], env=env_for(tmp_path),
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def agenda(tmp_path: Path) -> Path:
    """A valid agenda to import (so only the event file can be the problem)."""
    source = create_event_file(tmp_path / "source.db", "walrg")
    target = tmp_path / "agenda.json"
    done = cli(tmp_path, "export", str(source), "-o", str(target))
    assert done.returncode == 0, done.stderr
    return target


def mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); needs root")


def unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "disk"
    mount_tmpfs(where, "2m")
    try:
        yield where
    finally:
        unmount(where)


def assert_clear_failure(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().count("\n") == 0, done.stderr  # one line
    for word in words:
        assert word in done.stderr, done.stderr


def gui_open_refuses(path: Path, capsys, *words: str) -> None:
    """``App.open`` (the GUI's open path) says why on stderr and opens no window."""
    from facilitator.gui.app import App

    app = App()
    assert app.open(path) is False
    assert app.windows == []
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def gui_process_refuses(tmp_path: Path, path: Path, *words: str) -> None:
    done = subprocess.run([sys.executable, "-m", "facilitator", str(path)],
                          env=env_for(tmp_path), capture_output=True, text=True, timeout=60)
    assert_clear_failure(done, *words)


def test_not_sqlite(tmp_path, agenda, qapp, capsys) -> None:
    path = tmp_path / "minutes.db"
    path.write_text("Minutes of the plenary, not a database\n" * 50)
    before = digest(path)
    assert_clear_failure(cli(tmp_path, "import", str(path), str(agenda)),
                         "not a facilitator event file")
    gui_open_refuses(path, capsys, "not a facilitator event file")
    gui_process_refuses(tmp_path, path, "not a facilitator event file")
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_corrupted_file(tmp_path, agenda, qapp, capsys) -> None:
    path = create_event_file(tmp_path / "event.db", "walrg")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    # Scribble over every page after the first (the tables), keep the header valid.
    for offset in range(page, len(data), 97):
        data[offset:offset + 13] = b"\xde\xad\xbe\xef corrupt!"[:13]
    path.write_bytes(bytes(data))
    before = digest(path)
    assert_clear_failure(cli(tmp_path, "import", str(path), str(agenda)), "damaged")
    gui_open_refuses(path, capsys, "damaged")
    gui_process_refuses(tmp_path, path, "damaged")
    assert digest(path) == before


def test_locked_by_another_window(tmp_path, agenda, qapp, capsys) -> None:
    path = create_event_file(tmp_path / "event.db", "walrg")
    with EventFile.open(path):  # another facilitator holds it
        before = digest(path)
        assert_clear_failure(cli(tmp_path, "import", str(path), str(agenda)), "already open")
        gui_open_refuses(path, capsys, "already open")
        gui_process_refuses(tmp_path, path, "already open")
        assert digest(path) == before


def test_read_only_file(tmp_path, agenda, qapp, capsys) -> None:
    where = tmp_path / "readonly"
    mount_tmpfs(where, "4m")
    try:
        path = create_event_file(where / "event.db", "walrg")
        before = digest(path)
        done = subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True,
                              text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
        assert_clear_failure(cli(tmp_path, "import", str(path), str(agenda)), "read-only")
        gui_open_refuses(path, capsys, "read-only")
        gui_process_refuses(tmp_path, path, "read-only")
        # Reading still works: reports and exports open read-only files.
        exported = cli(tmp_path, "export", str(path), "-o", str(tmp_path / "out.json"))
        assert exported.returncode == 0, exported.stderr
        assert digest(path) == before
    finally:
        unmount(where)


def fill_disk(where: Path) -> None:
    """Write zeros until the filesystem says no space is left."""
    try:
        with open(where / "filler", "wb", buffering=0) as out:
            while True:
                out.write(b"\0" * 4096)
    except OSError:
        pass  # ENOSPC: the disk is full, which is the point


def test_disk_full_through_the_cli(tmp_path, agenda, small_disk) -> None:
    path = create_event_file(small_disk / "event.db", "walrg")
    with EventFile.open(path) as ef:
        sessions_before = len(ef.db.execute("SELECT id FROM sessions").fetchall())
    fill_disk(small_disk)
    done = cli(tmp_path, "import", str(path), str(agenda))
    assert_clear_failure(done, "full")
    (small_disk / "filler").unlink()
    with EventFile.open(path) as ef:  # nothing half-written, nothing lost
        assert ef.integrity_check() == "ok"
        assert len(ef.db.execute("SELECT id FROM sessions").fetchall()) == sessions_before


def test_disk_full_in_the_app(tmp_path, small_disk, qtbot) -> None:
    """The window is open when the disk fills: adding a note says so, nothing is lost."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from facilitator.gui.app import App
    from facilitator.store import notes as note_store

    path = create_event_file(small_disk / "event.db", "walrg")
    app = App()
    assert app.open(path)
    window = app.windows[0]
    qtbot.addWidget(window)
    notes = window.tabs["Notes"]
    window.ui.tabs.setCurrentWidget(notes)
    qtbot.keyClicks(notes.entry, "Kept before the disk filled")
    qtbot.keyClick(notes.entry, Qt.Key.Key_Return)
    fill_disk(small_disk)
    notes.entry.insert("x" * 20000)  # pasted: a long note needs new pages
    qtbot.keyClick(notes.entry, Qt.Key.Key_Return)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert boxes, "no message about the full disk"
    assert "full" in boxes[0].text() and "Traceback" not in boxes[0].text()
    for box in boxes:
        box.close()
    (small_disk / "filler").unlink()
    session_id = notes.session_id
    window.close()
    with EventFile.open(path) as ef:
        assert ef.integrity_check() == "ok"
        assert [n.text for n in note_store.list_notes(ef, session_id)] == \
            ["Kept before the disk filled"]


