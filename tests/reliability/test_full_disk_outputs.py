"""Every file the command line writes, onto a disk that fills up: one line saying so, exit
status 1, nothing half-written left behind, never a traceback.

Before: a Word report printed the message, then python-docx's zip writer failed again as it
was collected ("Exception ignored in: <function ZipFile.__del__ …> Traceback …").
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from report_fixtures import international_session

from facilitator.store import EventFile

OUTPUTS = [
    ("report", "--session", "4", "-o", "summary.docx"),
    ("report", "--all", "-o", "event.docx"),
    ("report", "--session", "4", "-o", "summary.pdf"),
    ("report", "--all", "-o", "event.pdf"),
    ("export", "--format", "xlsx", "-o", "agenda.xlsx"),
    ("export", "--format", "json", "-o", "agenda.json"),
    ("notes", "--session", "4", "--format", "xlsx", "-o", "notes.xlsx"),
    ("questions", "--session", "4", "--format", "csv", "-o", "questions.csv"),
    ("timing", "--session", "4", "--format", "xlsx", "-o", "timing.xlsx"),
    ("summary", "--session", "4", "-o", "summary.md"),
]


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory) -> Iterator[Path]:
    """A small disk with no room left on it (a tmpfs, filled)."""
    folder = tmp_path_factory.mktemp("full")
    if os.geteuid() != 0:  # pragma: no cover - CI runs as root
        pytest.skip("only root can mount a small disk to fill")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("root without the right to mount: no small disk to fill")
    try:
        with open(folder / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture(scope="module")
def event_path(tmp_path_factory) -> Path:
    from facilitator.store.agenda_io import create_event_file

    path = create_event_file(tmp_path_factory.mktemp("event") / "event.db", "walrg")
    with EventFile.open(path) as ef:
        international_session(ef)
    return path


@pytest.mark.parametrize("command", OUTPUTS, ids=lambda c: f"{c[0]}-{c[-1]}")
def test_a_full_disk_is_one_line_and_leaves_nothing(full_disk: Path, event_path: Path,
                                                    command) -> None:
    *args, name = command
    done = subprocess.run([sys.executable, "-m", "facilitator", args[0], str(event_path),
                           *args[1:], str(full_disk / name)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == (f"facilitator: error: Cannot write {full_disk / name}: "
                           "the disk is full; free some space and try again.\n")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
